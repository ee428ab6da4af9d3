/** The hand-made fixture pack (test/fixtures/reference), as an object and as gzipped pack bytes. */
import { readFileSync } from 'node:fs';
import { gzipSync, strToU8 } from 'fflate';

const dir = new URL('../../fixtures/reference/', import.meta.url);

export function fixturePackJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('exposure-fixture.pack.json', dir), 'utf8')) as Record<
    string,
    unknown
  >;
}

export function gzipJson(value: unknown): Uint8Array {
  return gzipSync(strToU8(JSON.stringify(value)));
}

export function smallTsv(): string {
  return readFileSync(new URL('labelset-small.tsv', dir), 'utf8');
}
