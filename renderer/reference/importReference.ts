/**
 * "Import reference data…": takes a reference pack (gzip) or the original full_labelset.tsv, checks it in the
 * import worker (shared/reference/checkFile.ts, under the import time limit), and only then stores it. A
 * refused file changes nothing stored; the reason is shown in the same report dialog as other imports.
 */
import { buildIndex, MAX_PACK_BYTES, tooLargeReference } from '../../shared/reference/index';
import { showImportFailure } from '../desktop/fileImport';
import { notify } from '../store/notifications';
import { checkReferenceBytes } from '../workers/importClient';
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
  if (bytes.length > MAX_PACK_BYTES) return { ok: false, reason: tooLargeReference(bytes.length) };
  const checked = await checkReferenceBytes(bytes);
  if (!checked.ok) return checked;
  const skippedNote = checked.skipped.length > 0 ? ` (${skippedRows(checked.skipped)})` : '';
  await storePack(checked.packBytes, fileName, new Date().toISOString());
  setReady(buildIndex(checked.pack), 'imported', fileName);
  const { tasks, occupations } = checked.pack;
  return {
    ok: true,
    summary: `Reference data imported: ${tasks.length.toLocaleString('en')} tasks in ${occupations.length.toLocaleString('en')} occupations${skippedNote}.`,
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
      ? ({ ok: false, reason: tooLargeReference(file.size) } as const)
      : await importReferenceBytes(file.name, new Uint8Array(await file.arrayBuffer())).catch(
          (error: unknown) =>
            ({ ok: false, reason: error instanceof Error ? error.message : String(error) }) as const,
        );
  if (result.ok) notify(`${file.name}: ${result.summary}`);
  else showImportFailure(file.name, [{ path: '$', message: result.reason }]);
}
