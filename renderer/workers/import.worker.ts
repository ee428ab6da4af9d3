/**
 * Reads an imported file off the UI thread, so a huge or hostile file can never freeze the page while it is
 * checked: a workflow or workspace file (shared/format/importer.ts: safe JSON, migrations, schema,
 * references) or reference data (shared/reference/checkFile.ts: a pack or the label-set TSV).
 *
 * Protocol: in `{ id, kind: 'document', text }` or `{ id, kind: 'reference', bytes }`; out `{ id, result }`
 * with that reader's result. One file per worker: the client ends it after the answer.
 */
import { parseDocument, type ParseResult } from '../../shared/format/importer';
import { checkReferenceFile, type ReferenceFileCheck } from '../../shared/reference/checkFile';

export type ImportWorkerRequest =
  { id: string; kind: 'document'; text: string } | { id: string; kind: 'reference'; bytes: Uint8Array };
export type ImportWorkerResponse =
  | { id: string; kind: 'document'; result: ParseResult }
  | { id: string; kind: 'reference'; result: ReferenceFileCheck };

interface WorkerScope {
  postMessage(message: ImportWorkerResponse, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as WorkerScope;

const cause = (error: unknown) =>
  `The file could not be checked: ${error instanceof Error ? error.message : String(error)}`;

function answerReference(id: string, bytes: unknown): void {
  if (!(bytes instanceof Uint8Array)) {
    scope.postMessage({ id, kind: 'reference', result: { ok: false, reason: 'Nothing to import.' } });
    return;
  }
  let result: ReferenceFileCheck;
  try {
    result = checkReferenceFile(bytes);
  } catch (error) {
    result = { ok: false, reason: cause(error) };
  }
  scope.postMessage({ id, kind: 'reference', result }, result.ok ? [result.packBytes.buffer] : []);
}

function answerDocument(id: string, text: unknown): void {
  let result: ParseResult;
  if (typeof text !== 'string') {
    result = { ok: false, issues: [{ path: '$', message: 'Nothing to import.' }] };
  } else {
    try {
      result = parseDocument(text);
    } catch (error) {
      result = { ok: false, issues: [{ path: '$', message: cause(error) }] };
    }
  }
  scope.postMessage({ id, kind: 'document', result });
}

scope.addEventListener('message', (event) => {
  const data = event.data as Partial<Record<'id' | 'kind' | 'text' | 'bytes', unknown>> | null;
  const id = typeof data?.id === 'string' ? data.id : '';
  if (data?.kind === 'reference') answerReference(id, data.bytes);
  else answerDocument(id, data?.text);
});
