/**
 * Hands analyses of large workflows to analysis.worker.ts. Each lane keeps one worker while it is idle; a
 * request made while it is still busy with an older one terminates it and starts a fresh one, so the newest figures
 * never wait behind stale ones and a long analysis never holds the UI thread or a core for nothing.
 */
import type { AnalysisOptions, AnalysisResult } from '../../shared/analysis/analyze';
import type { ProjectionResult } from '../../shared/analysis/learning';
import type { Role, Workflow } from '../../shared/model/schema';
import type { AnalysisWorkerRequest, AnalysisWorkerResponse } from './analysis.worker';

export interface AnalysisJob<T = AnalysisResult> {
  /** Resolves with the analysis; rejects when the worker fails. Never settles once cancelled. */
  promise: Promise<T>;
  cancel(): void;
}

type Settle = { resolve(r: AnalysisResult | ProjectionResult): void; reject(e: Error): void };

/**
 * One worker per lane (the open workflow, its counterpart, the projection): a newer request replaces only
 * the older one of its own lane, never another lane's.
 */
export type AnalysisLane = 'open' | 'counterpart' | 'projection';

class Lane {
  private worker: Worker | null = null;
  private busyWith: string | null = null;
  private readonly pending = new Map<string, Settle>();

  private freshWorker(): Worker {
    const w = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    w.addEventListener('message', (event: MessageEvent<AnalysisWorkerResponse>) => {
      const reply = event.data;
      const job = this.pending.get(reply.id);
      if (this.busyWith === reply.id) this.busyWith = null;
      if (!job) return;
      this.pending.delete(reply.id);
      if (reply.ok) job.resolve(reply.result);
      else job.reject(new Error(reply.message));
    });
    w.addEventListener('error', (event: ErrorEvent) => {
      const id = this.busyWith;
      this.busyWith = null;
      if (this.worker === w) this.worker = null;
      w.terminate();
      const job = id === null ? undefined : this.pending.get(id);
      if (id !== null) this.pending.delete(id);
      job?.reject(new Error(event.message || 'The analysis worker failed.'));
    });
    return w;
  }

  private stopBusyWorker(): void {
    if (this.busyWith === null || this.worker === null) return;
    this.worker.terminate();
    this.worker = null;
    this.pending.delete(this.busyWith);
    this.busyWith = null;
  }

  run<T extends AnalysisResult | ProjectionResult>(
    request: Omit<AnalysisWorkerRequest, 'id'>,
  ): AnalysisJob<T> {
    this.stopBusyWorker();
    const id = `analysis-${(counter++).toString(36)}`;
    const promise = new Promise<T>((resolve, reject) =>
      this.pending.set(id, { resolve: (r) => resolve(r as T), reject }),
    );
    this.worker ??= this.freshWorker();
    this.busyWith = id;
    this.worker.postMessage({ ...request, id } satisfies AnalysisWorkerRequest);
    return {
      promise,
      cancel: () => {
        if (this.busyWith === id) this.stopBusyWorker();
        this.pending.delete(id);
      },
    };
  }
}

let counter = 0;
const lanes = new Map<AnalysisLane, Lane>();
function lane(name: AnalysisLane): Lane {
  let l = lanes.get(name);
  if (!l) lanes.set(name, (l = new Lane()));
  return l;
}

export function analyzeInBackground(
  workflow: Workflow,
  roles: readonly Role[],
  options: AnalysisOptions,
  laneName: AnalysisLane = 'open',
): AnalysisJob {
  return lane(laneName).run<AnalysisResult>({ workflow, roles: [...roles], options });
}

/** The learning projection (shared/analysis/learning.ts) of a large workflow, in the worker. */
export function projectInBackground(
  workflow: Workflow,
  roles: readonly Role[],
  weeks: number,
  options: AnalysisOptions,
): AnalysisJob<ProjectionResult> {
  return lane('projection').run<ProjectionResult>({
    workflow,
    roles: [...roles],
    options,
    projectWeeks: weeks,
  });
}
