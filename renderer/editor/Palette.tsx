/** Adds steps: click puts the step in the middle of the view, dragging drops it where the pointer is. */
import { useReactFlow } from '@xyflow/react';
import { useWorkspace } from '../store/workspaceStore';
import { useEditor } from '../store/editorStore';
import { addStepOfKind, PALETTE_MIME } from './addStep';
import { STEP_KINDS, type StepKindLook } from './stepKinds';

export function Palette({ workflowId }: { workflowId: string }) {
  const flow = useReactFlow();

  const addAtCentre = (look: StepKindLook) => {
    const pane = document.querySelector('.canvas')?.getBoundingClientRect();
    const centre = pane
      ? flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : { x: 0, y: 0 };
    // Beside the selected step when there is one (the usual way to extend a flow), else mid-view.
    const selected = useWorkspace
      .getState()
      .workflows.find((w) => w.id === workflowId)
      ?.steps.find((s) => useEditor.getState().selectedStepIds.has(s.id));
    const wanted = selected
      ? { x: selected.position.x + 260, y: selected.position.y }
      : { x: centre.x - 100, y: centre.y - 40 };
    addStepOfKind(workflowId, look.kind, {
      x: Math.round(wanted.x / 10) * 10,
      y: Math.round(wanted.y / 10) * 10,
    });
  };

  return (
    <section className="palette" aria-labelledby="palette-title">
      <h2 id="palette-title">Add a step</h2>
      <ul>
        {STEP_KINDS.map((look) => {
          const Icon = look.icon;
          return (
            <li key={look.kind}>
              <button
                type="button"
                className={`palette-item kind-${look.kind}`}
                aria-label={`Add ${look.label}`}
                title={`${look.hint}. Click to add, or drag onto the diagram.`}
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData(PALETTE_MIME, look.kind);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
                onClick={() => addAtCentre(look)}
              >
                <Icon size={16} aria-hidden />
                <span>{look.label}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
