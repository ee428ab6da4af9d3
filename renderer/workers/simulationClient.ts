/**
 * Runs a workflow simulation in module Web Workers (simulation.worker.ts, bundled by Vite) and hands back its
 * result as a promise. With several replications and several cores the replications are split into parts,
 * one worker each (at most MAX_SIMULATION_WORKERS), and their figures merged here into the result a single
 * run gives, bit for bit (shared/simulation/parallel.ts); if a part reached a cap, the run is made again in
 * one worker, as only a single run stops where it should. Workers that finished are kept warm for the next
 * run (their code loaded and compiled: a fresh worker spends its first part compiling, which ate most of
 * the gain of a second core) and terminated after POOL_IDLE_MS without work, so an app nobody simulates in
 * holds no worker; a worker that failed or did not answer a cancel is terminated at once.
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

/** How long a finished worker waits for the next run before it is terminated. */
export const POOL_IDLE_MS = 60_000;

/** Finished workers, most recent last, each with the timer that ends it. */
const idle: { worker: Worker; timer: ReturnType<typeof setTimeout> }[] = [];

function acquireWorker(): Worker {
  const warm = idle.pop();
  if (warm) {
    clearTimeout(warm.timer);
    return warm.worker;
  }
  return acquireNewWorker();
}

const acquireNewWorker = () =>
  new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });

function releaseWorker(worker: Worker): void {
  if (idle.length >= MAX_SIMULATION_WORKERS) {
    worker.terminate();
    return;
  }
  const entry = {
    worker,
    timer: setTimeout(() => {
      idle.splice(idle.indexOf(entry), 1);
      worker.terminate();
    }, POOL_IDLE_MS),
  };
  idle.push(entry);
}

/**
 * Starts workers ahead of the first run (the simulation view does when it opens), so that their code is
 * loaded by the time the user presses Run; they wait like finished ones.
 */
export function prewarmSimulationWorkers(count: number): void {
  if (typeof Worker === 'undefined') return; // a test page or a browser without workers: runs start them
  while (idle.length < Math.min(count, MAX_SIMULATION_WORKERS)) releaseWorker(acquireNewWorker());
}

/** Workers waiting for the next run. */
export function idleSimulationWorkers(): number {
  return idle.length;
}

/** Terminates every waiting worker (when the page goes away, and between tests). */
export function endIdleSimulationWorkers(): void {
  for (const { worker, timer } of idle.splice(0)) {
    clearTimeout(timer);
    worker.terminate();
  }
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
  const worker = acquireWorker();
  let settled = false;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  let resolveAnswer: (answer: Answer) => void = () => {};
  let rejectAnswer: (error: Error) => void = () => {};
  const answer = new Promise<Answer>((resolve, reject) => {
    resolveAnswer = resolve;
    rejectAnswer = reject;
  });
  /** Ends this job; a worker that answered goes back to the pool, any other is terminated. */
  const finish = (answered: boolean) => {
    settled = true;
    if (graceTimer !== undefined) clearTimeout(graceTimer);
    worker.removeEventListener('message', onMessage);
    worker.removeEventListener('error', onError);
    if (answered) releaseWorker(worker);
    else worker.terminate();
  };
  const onMessage = (event: MessageEvent<SimulationWorkerResponse>) => {
    const message = event.data;
    if (settled || message.id !== id) return;
    if (message.type === 'progress') onProgress(message.done, message.total);
    else if (message.type === 'result') {
      finish(true);
      resolveAnswer({ kind: 'result', result: message.result });
    } else if (message.type === 'part') {
      finish(true);
      resolveAnswer({ kind: 'part', part: message.part });
    } else {
      finish(false);
      rejectAnswer(new Error(message.message));
    }
  };
  const onError = (event: ErrorEvent) => {
    if (settled) return;
    finish(false);
    rejectAnswer(new Error(event.message || 'The simulation worker failed.'));
  };
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
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
        finish(false);
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
