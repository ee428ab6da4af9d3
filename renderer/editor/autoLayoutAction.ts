/**
 * Auto-layout of the open workflow, on demand: elkjs runs in a worker, and the new positions land as one
 * edit (one undo step). With swimlanes shown, each step is placed in its role's lane.
 */
import { autoLayout } from '../../shared/layout/autoLayout';
import type { LayoutDirection } from '../../shared/layout/geometry';
import * as ops from '../../shared/model/operations';
import { dispatchCommand } from '../desktop/commands';
import { useEditor } from '../store/editorStore';
import { notify } from '../store/notifications';
import { useWorkspace } from '../store/workspaceStore';
import { layoutInWorker } from '../workers/layoutClient';

let running = false;

export async function runAutoLayout(direction: LayoutDirection): Promise<void> {
  const { workflows, openWorkflowId, roles } = useWorkspace.getState();
  const workflow = workflows.find((w) => w.id === openWorkflowId);
  if (!workflow || running) return;
  const { showLanes, measured } = useEditor.getState();
  running = true;
  try {
    const options = { direction, lanes: showLanes, sizes: measured };
    // Tests in Node have no Worker; the layout itself is the same pure function.
    const positions =
      typeof Worker === 'undefined'
        ? await autoLayout(workflow, roles, options)
        : await layoutInWorker(workflow, roles, options);
    useWorkspace.getState().editWorkflow(workflow.id, (wf) => ops.moveSteps(wf, positions));
    useEditor.getState().setLaneDirection(direction);
    // Let React Flow take the new positions before fitting the diagram to them.
    setTimeout(() => dispatchCommand('fit-view'), 50);
  } catch (error) {
    notify(`Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
  } finally {
    running = false;
  }
}
