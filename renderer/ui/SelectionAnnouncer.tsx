/**
 * Tells a screen reader, politely, what the selection now is ("Selected Review: Check, performed by Senior
 * agent"), so moving through the diagram by keyboard or palette is heard as well as seen.
 */
import { useEffect, useState } from 'react';
import { lookOf } from '../editor/stepKinds';
import { useEditor } from '../store/editorStore';
import { useWorkspace } from '../store/workspaceStore';

export function selectionMessage(): string {
  const { selectedStepIds, selectedEdgeIds } = useEditor.getState();
  const { workflows, openWorkflowId, roles } = useWorkspace.getState();
  const workflow = workflows.find((w) => w.id === openWorkflowId);
  if (!workflow) return '';
  const steps = workflow.steps.filter((s) => selectedStepIds.has(s.id));
  if (steps.length === 1) {
    const step = steps[0]!;
    const roleId = 'roleId' in step ? step.roleId : null;
    const role = roleId ? roles.find((r) => r.id === roleId)?.name : undefined;
    return `Selected ${lookOf(step).label}: ${step.name}${role ? `, by ${role}` : ''}`;
  }
  const count = steps.length + selectedEdgeIds.size;
  if (count === 0) return '';
  const parts = [
    steps.length > 0 ? `${steps.length} step${steps.length === 1 ? '' : 's'}` : '',
    selectedEdgeIds.size > 0
      ? `${selectedEdgeIds.size} connection${selectedEdgeIds.size === 1 ? '' : 's'}`
      : '',
  ].filter(Boolean);
  return `Selected ${parts.join(' and ')}`;
}

export function SelectionAnnouncer() {
  const [message, setMessage] = useState('');
  useEffect(
    () =>
      useEditor.subscribe((state, previous) => {
        if (
          state.selectedStepIds !== previous.selectedStepIds ||
          state.selectedEdgeIds !== previous.selectedEdgeIds
        )
          setMessage(selectionMessage());
      }),
    [],
  );
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-label="Selection">
      {message}
    </div>
  );
}
