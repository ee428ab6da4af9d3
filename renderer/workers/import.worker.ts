/**
 * Reads an imported file (shared/format/importer.ts: safe JSON, migrations, schema, references) off the UI
 * thread, so a huge or hostile file can never freeze the page while it is checked.
 *
 * Protocol: in `{ id, text }`; out `{ id, result }` with the pipeline's ParseResult (the document when the
 * file is valid, every problem otherwise). One file per worker: the client ends it after the answer.
 */
import { parseDocument, type ParseResult } from '../../shared/format/importer';

export interface ImportWorkerRequest {
  id: string;
  text: string;
}
export interface ImportWorkerResponse {
  id: string;
  result: ParseResult;
}

interface WorkerScope {
  postMessage(message: ImportWorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const data = event.data as Partial<ImportWorkerRequest> | null;
  const id = typeof data?.id === 'string' ? data.id : '';
  if (typeof data?.text !== 'string') {
    scope.postMessage({ id, result: { ok: false, issues: [{ path: '$', message: 'Nothing to import.' }] } });
    return;
  }
  let result: ParseResult;
  try {
    result = parseDocument(data.text);
  } catch (error) {
    const message = `The file could not be checked: ${error instanceof Error ? error.message : String(error)}`;
    result = { ok: false, issues: [{ path: '$', message }] };
  }
  scope.postMessage({ id, result });
});
