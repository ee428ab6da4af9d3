/**
 * Runs the import pipeline (parseDocument) in import.worker.ts, with a hard time limit: a worker that has
 * not answered by then is terminated and the file refused, so no file can hold the page or a core. Where
 * there are no workers (unit tests in Node, jsdom) the same pure pipeline runs here.
 */
import { parseDocument, type ParseResult } from '../../shared/format/importer';
import type { ImportWorkerRequest, ImportWorkerResponse } from './import.worker';

/** How long checking one file may take in the worker (the pipeline's own JSON budget is 5 s). */
export const IMPORT_TIME_LIMIT_MS = 15_000;

let counter = 0;

function failure(message: string): ParseResult {
  return { ok: false, issues: [{ path: '$', message }] };
}

export function parseImportText(text: string, timeLimitMs = IMPORT_TIME_LIMIT_MS): Promise<ParseResult> {
  if (typeof Worker === 'undefined') return Promise.resolve(parseInline(text));
  let worker: Worker;
  try {
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(parseInline(text));
  }
  const id = `import-${(counter++).toString(36)}`;
  return new Promise<ParseResult>((resolve) => {
    const done = (result: ParseResult) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        done(
          failure(
            `Checking the file took longer than ${timeLimitMs / 1000} s; it is too large or too complex to import.`,
          ),
        ),
      timeLimitMs,
    );
    worker.addEventListener('message', (event: MessageEvent<ImportWorkerResponse>) => {
      if (event.data.id === id) done(event.data.result);
    });
    // A worker that cannot start (or crashes, e.g. out of memory) gives an error, never a silent wait.
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      done(failure(`The file could not be checked: ${event.message || 'the import worker failed'}.`));
    });
    worker.postMessage({ id, text } satisfies ImportWorkerRequest);
  });
}

function parseInline(text: string): ParseResult {
  try {
    return parseDocument(text);
  } catch (error) {
    return failure(
      `The file could not be checked: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
