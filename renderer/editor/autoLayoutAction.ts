/**
 * Auto-layout of the open workflow, on demand: elkjs runs in a worker, and the new positions land as one
 * edit (one undo step). With swimlanes shown, each step is placed in its role's lane.
 */
import type { LayoutDirection } from '../../shared/layout/geometry';
import * as ops from '../../shared/model/operations';
import { dispatchCommand } from '../desktop/commands';
import { useEditor } from '../store/editorStore';
import { notify } from '../store/notifications';
import { useWorkspace } from '../store/workspaceStore';
import { layoutInWorker } from '../workers/layoutClient';
import { formatNumber } from '../../shared/analysis/numbers';

/** The layout under way, to cancel it; null when none runs. */
let running: AbortController | null = null;

export async function runAutoLayout(direction: LayoutDirection): Promise<void> {
  const { workflows, openWorkflowId, roles } = useWorkspace.getState();
  const workflow = workflows.find((w) => w.id === openWorkflowId);
  if (!workflow || running) return;
  const { showLanes, measured } = useEditor.getState();
  const controller = new AbortController();
  running = controller;
  useEditor.getState().setLayingOut(direction);
  try {
    const options = { direction, lanes: showLanes, sizes: measured };
    // Tests in Node have no Worker; the layout itself is the same pure function. It is imported only there,
    // so elkjs (about 1.5 MB) stays in the layout worker's chunk instead of the app's main chunk.
    const positions =
      typeof Worker === 'undefined'
        ? await import('../../shared/layout/autoLayout').then(({ autoLayout }) =>
            autoLayout(workflow, roles, options),
          )
        : await layoutInWorker(workflow, roles, options, controller.signal);
    if (controller.signal.aborted) return;
    useWorkspace.getState().editWorkflow(workflow.id, (wf) => ops.moveSteps(wf, positions));
    useEditor.getState().setLaneDirection(direction);
    // Let React Flow take the new positions before fitting the diagram to them.
    setTimeout(() => dispatchCommand('fit-view'), 50);
  } catch (error) {
    if (controller.signal.aborted) return;
    notify(layoutFailure(error, workflow.steps.length), 'error');
  } finally {
    running = null;
    useEditor.getState().setLayingOut(null);
  }
}

/** What to tell a person when the layout failed; nothing was moved. */
export function layoutFailure(error: unknown, stepCount: number): string {
  const message = error instanceof Error ? error.message : String(error);
  // ELK (compiled from Java) recurses along chains of steps: thousands in a row exhaust the stack.
  if (/call stack/i.test(message))
    return `Auto-layout gave up: ${formatNumber(stepCount)} steps in such long chains are more than the layout engine (ELK) can arrange. Nothing was moved.`;
  return `Auto-layout failed: ${message}. Nothing was moved.`;
}

/** Stops the layout under way; the diagram stays as it was. */
export function cancelAutoLayout(): void {
  running?.abort();
}
