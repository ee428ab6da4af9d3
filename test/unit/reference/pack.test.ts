import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import {
  MAX_PACK_BYTES,
  buildIndex,
  encodePack,
  labelsetLicence,
  parseLabelsetTsv,
  readPack,
  splitTsvLine,
} from '../../../shared/reference/index';
import { fixturePackJson, gzipJson, smallTsv } from './fixture';

function refusal(bytes: Uint8Array): string {
  const result = readPack(bytes);
  if (result.ok) throw new Error('expected a refusal');
  return result.reason;
}

describe('reading a reference pack', () => {
  it('reads the hand-made fixture: 30 tasks in 3 occupations, with its licence block', () => {
    const result = readPack(gzipJson(fixturePackJson()));
    if (!result.ok) throw new Error(result.reason);
    expect(result.pack.tasks).toHaveLength(30);
    expect(result.pack.occupations.map(([soc]) => soc)).toEqual(['43-4051.00', '13-2011.00', '15-1252.00']);
    expect(result.pack.licence.sources[0]?.licence).toBe('CC BY 4.0');
  });

  it('round-trips through encodePack', () => {
    const first = readPack(gzipJson(fixturePackJson()));
    if (!first.ok) throw new Error(first.reason);
    const again = readPack(encodePack(first.pack));
    expect(again.ok && again.pack).toEqual(first.pack);
  });

  it('refuses a wrong format, naming it', () => {
    expect(refusal(gzipJson({ ...fixturePackJson(), format: 'something.else' }))).toBe(
      'This is not a Coarchitect reference pack: its format is "something.else", expected "coarchitect.reference-pack".',
    );
  });

  it('refuses a wrong version', () => {
    expect(refusal(gzipJson({ ...fixturePackJson(), version: 2 }))).toBe(
      'This reference pack has version 2; this version of Coarchitect reads version 1 only.',
    );
  });

  it('refuses a pack without a licence block', () => {
    const { licence: _dropped, ...rest } = fixturePackJson();
    expect(refusal(gzipJson(rest))).toMatch(/has no licence block/);
  });

  it('refuses a licence block that credits nobody', () => {
    expect(refusal(gzipJson({ ...fixturePackJson(), licence: { sources: [], notices: [] } }))).toBe(
      'The reference pack is malformed at licence.sources: must credit at least one source.',
    );
  });

  it('refuses packs over 20 MB, packed or unpacked, before unpacking them', () => {
    const big = new Uint8Array(MAX_PACK_BYTES + 1);
    big[0] = 0x1f;
    big[1] = 0x8b;
    expect(refusal(big)).toBe('The reference pack is too large (20 MB); the limit is 20 MB.');
    // 21 MB of spaces gzip to a few kB: the size the gzip trailer declares is checked first.
    const bomb = gzipSync(new Uint8Array(21 * 1024 * 1024).fill(32));
    expect(bomb.length).toBeLessThan(MAX_PACK_BYTES);
    expect(refusal(bomb)).toBe('The reference pack is too large (21 MB unpacked); the limit is 20 MB.');
  });

  it('refuses files that are not gzip, not JSON, or point at missing occupations', () => {
    expect(refusal(new Uint8Array([123, 125]))).toMatch(/a pack is a gzip file/);
    expect(refusal(gzipSync(new Uint8Array([110, 111])))).toMatch(/not valid JSON/);
    const pack = fixturePackJson();
    const tasks = [...(pack.tasks as unknown[][])];
    tasks[29] = ['900030', 7, 'Mentor.', 0, 2, 1];
    expect(refusal(gzipJson({ ...pack, tasks }))).toBe(
      'The reference pack is malformed at tasks.29: task 900030 points at occupation 7, but the pack has 3.',
    );
  });

  it('refuses malformed task tuples with the task and the reason', () => {
    const pack = fixturePackJson();
    const withTask = (i: number, task: unknown) => {
      const tasks = [...(pack.tasks as unknown[])];
      tasks[i] = task;
      return gzipJson({ ...pack, tasks });
    };
    expect(refusal(withTask(3, ['900004', 0, 'Record.', 3, 1, 0]))).toBe(
      'The reference pack is malformed at tasks.3: task 900004: labels must be -1, 0, 1 or 2.',
    );
    expect(refusal(withTask(3, ['900004', 0, '']))).toBe(
      'The reference pack is malformed at tasks.3: must be a list of 6 values.',
    );
    expect(refusal(withTask(12, ['900013', 0, 'Interview.', 0, 1, 0]))).toBe(
      'The reference pack is malformed at tasks.12: task 900013 is out of order: tasks must be grouped by occupation, in occupation order.',
    );
  });

  it('counts agreement between the labels over tasks that have both (19 of 29 in the fixture)', () => {
    const result = readPack(gzipJson(fixturePackJson()));
    if (!result.ok) throw new Error(result.reason);
    expect(buildIndex(result.pack).agreement).toBeCloseTo(19 / 29, 12);
  });
});

describe('reading the original full_labelset.tsv', () => {
  it('splits tab-separated fields with CSV quoting', () => {
    expect(splitTsvLine('a\t"b ""c"" d"\t\te')).toEqual(['a', 'b "c" d', '', 'e']);
    expect(splitTsvLine('x "y" z\t1')).toEqual(['x "y" z', '1']);
  });

  it('keeps the needed columns, groups tasks by occupation and skips rows without a statement', () => {
    const result = parseLabelsetTsv(smallTsv());
    if (!result.ok) throw new Error(result.reason);
    expect(result.pack.occupations).toEqual([
      ['43-4051.00', 'Customer Service Representatives'],
      ['13-2011.00', 'Accountants and Auditors'],
    ]);
    expect(result.pack.tasks).toEqual([
      ['900101', 0, 'Answer "quick" questions by e-mail.', 1, 1, 0],
      ['900102', 0, 'Attach "out of stock" notes to open orders.', 0, 2, -1],
      ['900105', 0, 'Route calls to the right department.', 0, 0, 0],
      ['900103', 1, 'Prepare tax returns for small businesses.', 2, 2, 1],
    ]);
    expect(result.skipped).toEqual([{ line: 5, reason: 'no task statement' }]);
    expect(result.pack.licence).toEqual(labelsetLicence());
  });

  it('refuses a file without the label set’s columns', () => {
    const result = parseLabelsetTsv('Task\tTitle\nx\ty\n');
    expect(result.ok || result.reason).toBe(
      'This is not the GPTs-are-GPTs label set: the first line lacks the columns "O*NET-SOC Code", "Task ID", "Task Type", "human_exposure_agg", "gpt4_exposure".',
    );
  });
});

describe('attribution', () => {
  it('credits O*NET as CC BY 4.0 asks, with the modified notice, and keeps the MIT notice', () => {
    const licence = labelsetLicence();
    const onet = licence.sources[0];
    expect(onet?.licence).toBe('CC BY 4.0');
    expect(onet?.attribution).toContain('U.S. Department of Labor, Employment and Training Administration');
    expect(onet?.attribution).toContain('has modified all or some of this information');
    expect(onet?.attribution).toContain(
      'USDOL/ETA has not approved, endorsed, or tested these modifications',
    );
    expect(onet?.attribution).toContain('O*NET® is a trademark of USDOL/ETA');
    expect(licence.notices[0]?.text).toContain('Copyright (c) 2024 OpenAI');
    expect(licence.notices[0]?.text).toContain('The above copyright notice and this permission notice');
  });
});
