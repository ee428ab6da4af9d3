/**
 * Runs a workflow simulation in a module Web Worker (simulation.worker.ts, bundled by Vite) and hands back
 * its result as a promise. Each run gets its own worker, which is terminated when the run ends, so a run
 * never holds on to memory or a core after it is done.
 *
 * cancel() asks the worker to stop (it answers within one slice of work with a cancelled result); if it does
 * not answer within CANCEL_GRACE_MS, the worker is terminated and the promise resolves as cancelled anyway.
 */
import type { Role, Workflow } from '../../shared/model/schema';
import type { SimulationResult, SimulationSettings } from '../../shared/simulation/index';
import type { SimulationWorkerRequest, SimulationWorkerResponse } from './simulation.worker';

const CANCEL_GRACE_MS = 1000;

export interface SimulationHandle {
  /** Resolves with the result (also when cancelled: `{ ok: false, cancelled: true }`); rejects on a worker error. */
  promise: Promise<SimulationResult>;
  cancel(): void;
}

let counter = 0;

export function runSimulation(
  workflow: Workflow,
  roles: readonly Role[],
  options: SimulationSettings,
  onProgress?: (done: number, total: number) => void,
): SimulationHandle {
  const id = `sim-${Date.now().toString(36)}-${(counter++).toString(36)}`;
  const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
  let settled = false;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  let resolvePromise: (result: SimulationResult) => void = () => {};
  let rejectPromise: (error: Error) => void = () => {};

  const finish = () => {
    settled = true;
    if (graceTimer !== undefined) clearTimeout(graceTimer);
    worker.terminate();
  };

  const promise = new Promise<SimulationResult>((resolve, reject) => {
    resolvePromise = resolve;
    rejectPromise = reject;
  });

  worker.addEventListener('message', (event: MessageEvent<SimulationWorkerResponse>) => {
    const message = event.data;
    if (settled || message.id !== id) return;
    if (message.type === 'progress') onProgress?.(message.done, message.total);
    else if (message.type === 'result') {
      finish();
      resolvePromise(message.result);
    } else {
      finish();
      rejectPromise(new Error(message.message));
    }
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    if (settled) return;
    finish();
    rejectPromise(new Error(event.message || 'The simulation worker failed.'));
  });

  const request: SimulationWorkerRequest = { type: 'run', id, workflow, roles: [...roles], options };
  worker.postMessage(request);

  return {
    promise,
    cancel() {
      if (settled || graceTimer !== undefined) return;
      const cancel: SimulationWorkerRequest = { type: 'cancel', id };
      worker.postMessage(cancel);
      graceTimer = setTimeout(() => {
        if (settled) return;
        finish();
        resolvePromise({ ok: false, cancelled: true });
      }, CANCEL_GRACE_MS);
    },
  };
}
