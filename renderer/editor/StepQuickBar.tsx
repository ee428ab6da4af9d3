/**
 * The on-canvas quick bar of the one selected step: switch a task between human, AI-assisted and
 * AI-automated, insert a review after it, or rename it, without going to the inspector.
 */
import { NodeToolbar, Position } from '@xyflow/react';
import { Pencil, ShieldPlus } from 'lucide-react';
import * as ops from '../../shared/model/operations';
import { TASK_MODES, type Step, type Workflow } from '../../shared/model/schema';
import { useEditor } from '../store/editorStore';
import { useWorkspace } from '../store/workspaceStore';
import { MODE_LABELS } from './stepKinds';

export function StepQuickBar({ step }: { step: Step }) {
  const onlySelection = useEditor((s) => s.selectedStepIds.size === 1 && s.selectedStepIds.has(step.id));
  const workflowId = useWorkspace((s) => s.openWorkflowId);
  if (!onlySelection || !workflowId || (step.type !== 'task' && step.type !== 'review')) return null;
  const edit = (fn: (wf: Workflow) => Workflow) => useWorkspace.getState().editWorkflow(workflowId, fn);
  const insertReview = () => {
    let reviewId: string | null = null;
    edit((wf) => {
      const result = ops.insertReviewAfter(wf, step.id);
      reviewId = result?.reviewId ?? null;
      return result?.workflow ?? wf;
    });
    if (reviewId) useEditor.getState().selectOnly([reviewId]);
  };
  return (
    <NodeToolbar isVisible position={Position.Top} className="quick-bar nodrag">
      <div role="toolbar" aria-label={`Quick actions for ${step.name}`}>
        {step.type === 'task' && (
          <span role="group" aria-label="Switch mode" className="quick-modes">
            {TASK_MODES.map((mode) => (
              <button
                key={mode}
                type="button"
                aria-pressed={step.mode === mode}
                className={`mode-${mode}`}
                onClick={() => edit((wf) => ops.setTaskMode(wf, step.id, mode))}
              >
                {MODE_LABELS[mode]}
              </button>
            ))}
          </span>
        )}
        <button type="button" onClick={insertReview} title="Insert a review after this step">
          <ShieldPlus size={14} aria-hidden /> Insert review after
        </button>
        <button
          type="button"
          className="icon"
          aria-label={`Rename ${step.name}`}
          title="Rename (F2 or double click)"
          onClick={() => useEditor.getState().setRenaming(step.id)}
        >
          <Pencil size={14} aria-hidden />
        </button>
      </div>
    </NodeToolbar>
  );
}
