/** Auto-layout in a Web Worker (layout.worker.ts); one worker per run, terminated when it answers. */
import type { LayoutDirection, StepSizes } from '../../shared/layout/geometry';
import type { Position, Role, Workflow } from '../../shared/model/schema';
import type { LayoutRequest, LayoutResponse } from './layout.worker';

let counter = 0;

export function layoutInWorker(
  workflow: Workflow,
  roles: readonly Role[],
  options: { direction: LayoutDirection; lanes: boolean; sizes: StepSizes },
  /** Aborting stops the worker; the promise then rejects with an AbortError. */
  signal?: AbortSignal,
): Promise<Map<string, Position>> {
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  const request: LayoutRequest = {
    id: `layout-${++counter}`,
    workflow,
    roles: [...roles],
    options: { direction: options.direction, lanes: options.lanes, sizes: [...options.sizes] },
  };
  return new Promise<Map<string, Position>>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      worker.terminate();
      if (event.data.ok) resolve(new Map(event.data.positions));
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The layout worker failed.'));
    };
    signal?.addEventListener('abort', () => reject(new DOMException('Auto-layout cancelled', 'AbortError')), {
      once: true,
    });
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}
