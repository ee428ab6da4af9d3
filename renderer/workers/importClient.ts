/**
 * Runs the import readers in import.worker.ts, with a hard time limit: a worker that has not answered by
 * then is terminated and the file refused, so no file can hold the page or a core. Where there are no
 * workers (unit tests in Node, jsdom) the same pure readers run here.
 */
import { parseDocument, type ParseResult } from '../../shared/format/importer';
import { checkReferenceFile, type ReferenceFileCheck } from '../../shared/reference/checkFile';
import type { ImportWorkerRequest, ImportWorkerResponse } from './import.worker';

/** How long checking one file may take in the worker (the pipeline's own JSON budget is 5 s). */
export const IMPORT_TIME_LIMIT_MS = 15_000;

let counter = 0;

const cause = (error: unknown) =>
  `The file could not be checked: ${error instanceof Error ? error.message : String(error)}`;

function documentFailure(message: string): ParseResult {
  return { ok: false, issues: [{ path: '$', message }] };
}

/** Starts a worker for one file, or null where workers cannot run (the caller then checks inline). */
function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** Sends one request and resolves with its answer, or with `fail(reason)` on a time-out or a crash. */
function ask<R>(
  worker: Worker,
  request: ImportWorkerRequest,
  pick: (response: ImportWorkerResponse) => R | undefined,
  fail: (reason: string) => R,
  timeLimitMs: number,
  transfer: Transferable[] = [],
): Promise<R> {
  return new Promise<R>((resolve) => {
    const done = (result: R) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        done(
          fail(
            `Checking the file took longer than ${timeLimitMs / 1000} s; it is too large or too complex to import.`,
          ),
        ),
      timeLimitMs,
    );
    worker.addEventListener('message', (event: MessageEvent<ImportWorkerResponse>) => {
      if (event.data.id !== request.id) return;
      const result = pick(event.data);
      if (result !== undefined) done(result);
    });
    // A worker that cannot start (or crashes, e.g. out of memory) gives an error, never a silent wait.
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      done(fail(`The file could not be checked: ${event.message || 'the import worker failed'}.`));
    });
    worker.postMessage(request, transfer);
  });
}

export function parseImportText(text: string, timeLimitMs = IMPORT_TIME_LIMIT_MS): Promise<ParseResult> {
  const worker = startWorker();
  if (!worker) return Promise.resolve(parseInline(text));
  return ask(
    worker,
    { id: `import-${(counter++).toString(36)}`, kind: 'document', text },
    (response) => (response.kind === 'document' ? response.result : undefined),
    documentFailure,
    timeLimitMs,
  );
}

/** Checks reference data (a pack or the label-set TSV) off the UI thread; the bytes are moved, not copied. */
export function checkReferenceBytes(
  bytes: Uint8Array,
  timeLimitMs = IMPORT_TIME_LIMIT_MS,
): Promise<ReferenceFileCheck> {
  const worker = startWorker();
  if (!worker) return Promise.resolve(checkReferenceInline(bytes));
  return ask<ReferenceFileCheck>(
    worker,
    { id: `reference-${(counter++).toString(36)}`, kind: 'reference', bytes },
    (response) => (response.kind === 'reference' ? response.result : undefined),
    (reason) => ({ ok: false, reason }),
    timeLimitMs,
    // Move the buffer only when the bytes are all of it; a view into a larger buffer is copied instead.
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer] : [],
  );
}

function parseInline(text: string): ParseResult {
  try {
    return parseDocument(text);
  } catch (error) {
    return documentFailure(cause(error));
  }
}

function checkReferenceInline(bytes: Uint8Array): ReferenceFileCheck {
  try {
    return checkReferenceFile(bytes);
  } catch (error) {
    return { ok: false, reason: cause(error) };
  }
}
