import fc from 'fast-check';
import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseLabelsetTsv, readPack, searchTasks, buildIndex } from '../../../shared/reference/index';
import { fixturePackJson, gzipJson } from './fixture';

describe('reference input never crashes the reader', () => {
  it('random bytes, gzipped or not, are read or refused with a reason, never thrown', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, zip) => {
        const result = readPack(zip ? gzipSync(bytes) : bytes);
        expect(result.ok || result.reason.length > 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('any JSON in a gzip is refused with a reason unless it is a valid pack', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const result = readPack(gzipSync(strToU8(JSON.stringify(value))));
        expect(result.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('random text is parsed or refused as a TSV, never thrown', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        const result = parseLabelsetTsv(text);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('any query returns at most the limit, and every result holds every word', () => {
    const read = readPack(gzipJson(fixturePackJson()));
    if (!read.ok) throw new Error(read.reason);
    const index = buildIndex(read.pack);
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (query) => {
        const result = searchTasks(index, query, { limit: 5 });
        expect(result.tasks.length).toBeLessThanOrEqual(5);
        expect(result.total).toBeGreaterThanOrEqual(result.tasks.length);
        const words = query.toLowerCase().split(/\s+/).filter(Boolean);
        for (const t of result.tasks) {
          const hay = `${t.statement} ${t.occupation.title}`.toLowerCase();
          for (const w of words) expect(hay).toContain(w);
        }
      }),
      { numRuns: 300 },
    );
  });
});
