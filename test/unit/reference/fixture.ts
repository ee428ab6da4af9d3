/** The hand-made fixture pack (test/fixtures/reference), as an object and as gzipped pack bytes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, strToU8 } from 'fflate';

// Relative to the repository (vitest runs there); jsdom tests see no file: import.meta.url.
const dir = join(process.cwd(), 'test/fixtures/reference');

export function fixturePackJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'exposure-fixture.pack.json'), 'utf8')) as Record<string, unknown>;
}

export function gzipJson(value: unknown): Uint8Array {
  return gzipSync(strToU8(JSON.stringify(value)));
}

export function smallTsv(): string {
  return readFileSync(join(dir, 'labelset-small.tsv'), 'utf8');
}
