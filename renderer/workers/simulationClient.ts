/**
 * Runs a workflow simulation in module Web Workers (simulation.worker.ts, bundled by Vite) and hands back its
 * result as a promise. With several replications and several cores the replications are split into parts,
 * one worker each (at most MAX_SIMULATION_WORKERS), and their figures merged here into the result a single
 * run gives, bit for bit (shared/simulation/parallel.ts); if a part reached a cap, the run is made again in
 * one worker, as only a single run stops where it should. Each worker is terminated when its part ends, so
 * a run never holds on to memory or a core after it is done.
 *
 * cancel() asks the workers to stop (each answers within one slice of work with a cancelled result); if they
 * do not answer within CANCEL_GRACE_MS, they are terminated and the promise resolves as cancelled anyway.
 */
import type { Role, Workflow } from '../../shared/model/schema';
import { mergeParts, splitReplications } from '../../shared/simulation/parallel';
import type { ReplicationRange, SimulationPart } from '../../shared/simulation/parallel';
import type { SimulationResult, SimulationSettings } from '../../shared/simulation/index';
import type { SimulationWorkerRequest, SimulationWorkerResponse } from './simulation.worker';

const CANCEL_GRACE_MS = 1000;
/** More workers than this gain little on the machines the app runs on and cost memory each. */
export const MAX_SIMULATION_WORKERS = 4;

export interface SimulationHandle {
  /** Resolves with the result (also when cancelled: `{ ok: false, cancelled: true }`); rejects on a worker error. */
  promise: Promise<SimulationResult>;
  cancel(): void;
}

/** How many workers a run of `replications` gets on this machine. */
export function workersFor(
  replications: number,
  cores = globalThis.navigator?.hardwareConcurrency ?? 1,
): number {
  return Math.max(1, Math.min(MAX_SIMULATION_WORKERS, Math.floor(cores) || 1, replications));
}

let counter = 0;

type Answer = { kind: 'result'; result: SimulationResult } | { kind: 'part'; part: SimulationPart };

interface WorkerJob {
  answer: Promise<Answer>;
  cancel(): void;
}

/** One worker running the whole simulation or one part of it. */
function startWorker(
  workflow: Workflow,
  roles: readonly Role[],
  options: SimulationSettings,
  part: ReplicationRange | undefined,
  onProgress: (done: number, total: number) => void,
): WorkerJob {
  const id = `sim-${Date.now().toString(36)}-${(counter++).toString(36)}`;
  const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
  let settled = false;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  let resolveAnswer: (answer: Answer) => void = () => {};
  let rejectAnswer: (error: Error) => void = () => {};
  const answer = new Promise<Answer>((resolve, reject) => {
    resolveAnswer = resolve;
    rejectAnswer = reject;
  });
  const finish = () => {
    settled = true;
    if (graceTimer !== undefined) clearTimeout(graceTimer);
    worker.terminate();
  };
  worker.addEventListener('message', (event: MessageEvent<SimulationWorkerResponse>) => {
    const message = event.data;
    if (settled || message.id !== id) return;
    if (message.type === 'progress') onProgress(message.done, message.total);
    else if (message.type === 'result') {
      finish();
      resolveAnswer({ kind: 'result', result: message.result });
    } else if (message.type === 'part') {
      finish();
      resolveAnswer({ kind: 'part', part: message.part });
    } else {
      finish();
      rejectAnswer(new Error(message.message));
    }
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    if (settled) return;
    finish();
    rejectAnswer(new Error(event.message || 'The simulation worker failed.'));
  });
  const request: SimulationWorkerRequest = { type: 'run', id, workflow, roles: [...roles], options, part };
  worker.postMessage(request);
  return {
    answer,
    cancel() {
      if (settled || graceTimer !== undefined) return;
      const cancel: SimulationWorkerRequest = { type: 'cancel', id };
      worker.postMessage(cancel);
      graceTimer = setTimeout(() => {
        if (settled) return;
        finish();
        resolveAnswer({ kind: 'result', result: { ok: false, cancelled: true } });
      }, CANCEL_GRACE_MS);
    },
  };
}

export function runSimulation(
  workflow: Workflow,
  roles: readonly Role[],
  options: SimulationSettings,
  onProgress?: (done: number, total: number) => void,
  workers = workersFor(options.replications),
): SimulationHandle {
  let jobs: WorkerJob[] = [];
  let cancelled = false;

  const whole = async (): Promise<SimulationResult> => {
    const job = startWorker(workflow, roles, options, undefined, (done, total) => onProgress?.(done, total));
    jobs = [job];
    if (cancelled) job.cancel();
    const answer = await job.answer;
    return answer.kind === 'result' ? answer.result : { ok: false, cancelled: true };
  };

  const inParts = async (ranges: ReplicationRange[]): Promise<SimulationResult> => {
    const progress = ranges.map(() => ({ done: 0, total: 0 }));
    const report = () => {
      const done = progress.reduce((sum, p) => sum + p.done, 0);
      const total = progress.reduce((sum, p) => sum + p.total, 0);
      if (total > 0) onProgress?.(done, total);
    };
    jobs = ranges.map((range, i) =>
      startWorker(workflow, roles, options, range, (done, total) => {
        progress[i] = { done, total };
        report();
      }),
    );
    const answers = await Promise.all(jobs.map((job) => job.answer));
    const failed = answers.find((a): a is Extract<Answer, { kind: 'result' }> => a.kind === 'result');
    // A cancelled or invalid run answers the same from every part: pass that answer on.
    if (failed) return failed.result;
    const parts = answers.map((a) => (a as Extract<Answer, { kind: 'part' }>).part);
    return (
      mergeParts(workflow, roles, options, parts) ?? (cancelled ? { ok: false, cancelled: true } : whole())
    );
  };

  const ranges = splitReplications(options.replications, workers);
  const promise = ranges.length > 1 ? inParts(ranges) : whole();
  return {
    promise,
    cancel() {
      cancelled = true;
      for (const job of jobs) job.cancel();
    },
  };
}
