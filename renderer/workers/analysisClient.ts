/**
 * Hands analyses of large workflows to analysis.worker.ts. One worker is kept while it is idle; a request
 * made while it is still busy with an older one terminates it and starts a fresh one, so the newest figures
 * never wait behind stale ones and a long analysis never holds the UI thread or a core for nothing.
 */
import type { AnalysisOptions, AnalysisResult } from '../../shared/analysis/analyze';
import type { Role, Workflow } from '../../shared/model/schema';
import type { AnalysisWorkerRequest, AnalysisWorkerResponse } from './analysis.worker';

export interface AnalysisJob {
  /** Resolves with the analysis; rejects when the worker fails. Never settles once cancelled. */
  promise: Promise<AnalysisResult>;
  cancel(): void;
}

let worker: Worker | null = null;
let busyWith: string | null = null;
let counter = 0;
const pending = new Map<string, { resolve(r: AnalysisResult): void; reject(e: Error): void }>();

function freshWorker(): Worker {
  const w = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  w.addEventListener('message', (event: MessageEvent<AnalysisWorkerResponse>) => {
    const reply = event.data;
    const job = pending.get(reply.id);
    if (busyWith === reply.id) busyWith = null;
    if (!job) return;
    pending.delete(reply.id);
    if (reply.ok) job.resolve(reply.result);
    else job.reject(new Error(reply.message));
  });
  w.addEventListener('error', (event: ErrorEvent) => {
    const id = busyWith;
    busyWith = null;
    if (worker === w) worker = null;
    w.terminate();
    const job = id === null ? undefined : pending.get(id);
    if (id !== null) pending.delete(id);
    job?.reject(new Error(event.message || 'The analysis worker failed.'));
  });
  return w;
}

function stopBusyWorker(): void {
  if (busyWith === null || worker === null) return;
  worker.terminate();
  worker = null;
  pending.delete(busyWith);
  busyWith = null;
}

export function analyzeInBackground(
  workflow: Workflow,
  roles: readonly Role[],
  options: AnalysisOptions,
): AnalysisJob {
  stopBusyWorker();
  const id = `analysis-${(counter++).toString(36)}`;
  const promise = new Promise<AnalysisResult>((resolve, reject) => pending.set(id, { resolve, reject }));
  worker ??= freshWorker();
  busyWith = id;
  const request: AnalysisWorkerRequest = { id, workflow, roles: [...roles], options };
  worker.postMessage(request);
  return {
    promise,
    cancel() {
      if (busyWith === id) stopBusyWorker();
      pending.delete(id);
    },
  };
}
