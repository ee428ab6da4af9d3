/** Adding a step of a palette kind, by click or by drop; shared by the palette and the canvas. */
import * as ops from '../../shared/model/operations';
import { freeSpotNear } from '../../shared/model/placement';
import type { Position } from '../../shared/model/schema';
import { useWorkspace } from '../store/workspaceStore';
import { useEditor } from '../store/editorStore';
import { STEP_KINDS, type StepKind } from './stepKinds';

export const PALETTE_MIME = 'application/x-coarchitect-step';

export function addStepOfKind(workflowId: string, kind: StepKind, position: Position): string | null {
  const look = STEP_KINDS.find((k) => k.kind === kind);
  if (!look) return null;
  const workflow = useWorkspace.getState().workflows.find((w) => w.id === workflowId);
  if (!workflow) return null;
  const step = ops.createStep(look.type, freeSpotNear(position, workflow.steps), look.mode);
  useWorkspace.getState().editWorkflow(workflowId, (wf) => ops.addStep(wf, step));
  useEditor.getState().selectOnly([step.id]);
  useEditor.getState().setPanel('inspector');
  return step.id;
}
