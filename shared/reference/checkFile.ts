/**
 * Checks a file offered as reference data (a reference pack, gzip, or the original full_labelset.tsv) without
 * storing anything: the one reader behind "Import reference data…", run in the import worker so that a large
 * or hostile file is checked off the UI thread under the same time limit as every other import.
 */
import { formatMegabytes } from '../ipc';
import { MAX_PACK_BYTES, type ReferencePack } from './pack';
import { encodePack, isGzip, readPack } from './read';
import { parseLabelsetTsv, type SkippedRow } from './tsv';

export type ReferenceFileCheck =
  | { ok: true; packBytes: Uint8Array; pack: ReferencePack; skipped: SkippedRow[] }
  | { ok: false; reason: string };

export const tooLargeReference = (bytes: number): string =>
  `The file is too large (${formatMegabytes(bytes)}); the limit is ${formatMegabytes(MAX_PACK_BYTES)}.`;

/** WHATWG TextDecoder, present in browsers, workers and Node; shared/ is typed without the DOM or Node. */
type FatalDecoder = new (label: 'utf-8', options: { fatal: true }) => { decode(bytes: Uint8Array): string };
const Utf8Decoder = (globalThis as unknown as { TextDecoder: FatalDecoder }).TextDecoder;

export function checkReferenceFile(bytes: Uint8Array): ReferenceFileCheck {
  if (bytes.length > MAX_PACK_BYTES) return { ok: false, reason: tooLargeReference(bytes.length) };
  let packBytes = bytes;
  let skipped: SkippedRow[] = [];
  if (!isGzip(bytes)) {
    let text: string;
    try {
      text = new Utf8Decoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, reason: 'This is neither a reference pack (gzip) nor a label-set TSV (text).' };
    }
    const parsed = parseLabelsetTsv(text);
    if (!parsed.ok) return parsed;
    skipped = parsed.skipped;
    packBytes = encodePack(parsed.pack);
  }
  const read = readPack(packBytes);
  return read.ok ? { ok: true, packBytes, pack: read.pack, skipped } : read;
}
