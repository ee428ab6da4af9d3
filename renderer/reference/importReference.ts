/**
 * "Import reference data…": takes a reference pack (gzip) or the original full_labelset.tsv, checks it with
 * the shared reader, and only then stores it. A refused file changes nothing stored; the reason is shown in
 * the same report dialog as other imports.
 */
import {
  buildIndex,
  encodePack,
  isGzip,
  MAX_PACK_BYTES,
  parseLabelsetTsv,
  readPack,
} from '../../shared/reference/index';
import { formatMegabytes } from '../../shared/ipc';
import { showImportFailure } from '../desktop/fileImport';
import { notify } from '../store/notifications';
import { storePack } from './referenceDb';
import { setReady } from './referenceStore';

/** "1 row skipped: no task statement", "3 rows skipped, e.g. line 5: no task statement". */
function skippedRows(rows: readonly { line: number; reason: string }[]): string {
  const first = rows[0];
  const n = rows.length;
  return `${n} row${n === 1 ? '' : 's'} skipped${n === 1 ? ':' : ', e.g.'} line ${first?.line ?? 0}: ${first?.reason ?? ''}`;
}

export type ReferenceImportResult = { ok: true; summary: string } | { ok: false; reason: string };

/** Checks and stores the file's bytes; nothing is stored unless the whole file was accepted. */
export async function importReferenceBytes(
  fileName: string,
  bytes: Uint8Array,
): Promise<ReferenceImportResult> {
  if (bytes.length > MAX_PACK_BYTES) {
    return {
      ok: false,
      reason: `The file is too large (${formatMegabytes(bytes.length)}); the limit is ${formatMegabytes(MAX_PACK_BYTES)}.`,
    };
  }
  let packBytes: Uint8Array;
  let skippedNote = '';
  if (isGzip(bytes)) {
    packBytes = bytes;
  } else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, reason: 'This is neither a reference pack (gzip) nor a label-set TSV (text).' };
    }
    const parsed = parseLabelsetTsv(text);
    if (!parsed.ok) return parsed;
    if (parsed.skipped.length > 0) skippedNote = ` (${skippedRows(parsed.skipped)})`;
    packBytes = encodePack(parsed.pack);
  }
  const read = readPack(packBytes);
  if (!read.ok) return read;
  await storePack(packBytes, fileName, new Date().toISOString());
  setReady(buildIndex(read.pack), 'imported', fileName);
  return {
    ok: true,
    summary: `Reference data imported: ${read.pack.tasks.length.toLocaleString('en')} tasks in ${read.pack.occupations.length.toLocaleString('en')} occupations${skippedNote}.`,
  };
}

/** Asks for a file (a hidden file input works in Electron and the browser alike) and imports it. */
export function pickReferenceFile(doc: Document = document): Promise<File | null> {
  const input = doc.createElement('input');
  input.type = 'file';
  input.accept = '.refpack,.gz,.tsv,.txt';
  input.style.display = 'none';
  input.setAttribute('aria-label', 'Reference data file');
  input.dataset.referenceImport = '';
  doc.body.append(input);
  return new Promise<File | null>((resolve) => {
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  }).finally(() => input.remove());
}

export async function importReferenceAndReport(): Promise<void> {
  const file = await pickReferenceFile();
  if (!file) return;
  const result =
    file.size > MAX_PACK_BYTES
      ? ({
          ok: false,
          reason: `The file is too large (${formatMegabytes(file.size)}); the limit is ${formatMegabytes(MAX_PACK_BYTES)}.`,
        } as const)
      : await importReferenceBytes(file.name, new Uint8Array(await file.arrayBuffer())).catch(
          (error: unknown) =>
            ({ ok: false, reason: error instanceof Error ? error.message : String(error) }) as const,
        );
  if (result.ok) notify(`${file.name}: ${result.summary}`);
  else showImportFailure(file.name, [{ path: '$', message: result.reason }]);
}
