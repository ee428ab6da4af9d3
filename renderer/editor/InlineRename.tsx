/** Editing a step's name in place on the canvas: Enter or leaving the field keeps it, Escape cancels. */
import { useEffect, useRef } from 'react';
import * as ops from '../../shared/model/operations';
import type { Step } from '../../shared/model/schema';
import { useEditor } from '../store/editorStore';
import { useWorkspace } from '../store/workspaceStore';

export function InlineRename({ step }: { step: Step }) {
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const finish = (keep: boolean) => {
    if (done.current) return;
    done.current = true;
    const name = input.current?.value.trim() ?? '';
    const workflowId = useWorkspace.getState().openWorkflowId;
    if (keep && name && name !== step.name && workflowId)
      useWorkspace.getState().editWorkflow(workflowId, (wf) => ops.updateStep(wf, step.id, { name }));
    useEditor.getState().setRenaming(null);
  };
  return (
    <input
      ref={input}
      className="step-rename nodrag nopan"
      aria-label={`New name for ${step.name}`}
      defaultValue={step.name}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        else if (e.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(true)}
    />
  );
}
