/** Starts from a ready-made team workflow: each template brings its roles, an as-is and a suggested to-be. */
import { LayoutTemplate } from 'lucide-react';
import { useState } from 'react';
import { exportWorkspace, serializeDocument } from '../../shared/format/document';
import { TEMPLATES, type WorkflowTemplate } from '../../shared/templates/index';
import { useWorkspace } from '../store/workspaceStore';
import { notify } from '../store/notifications';
import { Dialog } from '../ui/Dialog';

export async function loadTemplate(template: WorkflowTemplate): Promise<void> {
  const outcome = await useWorkspace
    .getState()
    .importText(serializeDocument(exportWorkspace(template.build())));
  if (!outcome.ok) {
    notify(`The template could not be loaded: ${outcome.issues[0]?.message ?? 'unknown problem'}`, 'error');
    return;
  }
  notify(`${template.name}: ${outcome.summary}`);
  const asIs = useWorkspace
    .getState()
    .workflows.find((w) => outcome.workflowIds.includes(w.id) && w.kind === 'as-is');
  if (asIs) useWorkspace.getState().openWorkflow(asIs.id);
}

export function TemplateGallery() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        <LayoutTemplate size={16} aria-hidden /> Templates…
      </button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Start from a template"
        description="Each template is a realistic team workflow with roles, times, volumes and skills: how the work is done today (as-is) and a suggested redesign with AI (to-be)."
        actions={
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        }
      >
        <ul className="template-list" aria-label="Templates">
          {TEMPLATES.map((t) => (
            <li key={t.id}>
              <div>
                <strong>{t.name}</strong>
                <p className="small muted">{t.summary}</p>
              </div>
              <button
                type="button"
                className="primary"
                aria-label={`Use template ${t.name}`}
                onClick={() => {
                  setOpen(false);
                  void loadTemplate(t);
                }}
              >
                Use
              </button>
            </li>
          ))}
        </ul>
      </Dialog>
    </>
  );
}
