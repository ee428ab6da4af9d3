/**
 * The on-canvas quick bar of the one selected step: switch a task between human, AI-assisted and
 * AI-automated, insert a review after it, or rename it, without going to the inspector.
 */
import { NodeToolbar, Position } from '@xyflow/react';
import { Pencil, ShieldPlus } from 'lucide-react';
import { TASK_MODES, type Step } from '../../shared/model/schema';
import { insertReviewAfterStep, setStepMode } from './selectionEdits';
import { useEditor } from '../store/editorStore';
import { MODE_LABELS } from './stepKinds';

export function StepQuickBar({ step }: { step: Step }) {
  const onlySelection = useEditor((s) => s.selectedStepIds.size === 1 && s.selectedStepIds.has(step.id));
  if (!onlySelection || (step.type !== 'task' && step.type !== 'review')) return null;
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
                onClick={() => setStepMode(step.id, mode)}
              >
                {MODE_LABELS[mode]}
              </button>
            ))}
          </span>
        )}
        <button
          type="button"
          onClick={() => insertReviewAfterStep(step.id)}
          title="Insert a review after this step"
        >
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
