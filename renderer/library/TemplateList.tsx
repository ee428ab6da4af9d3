/** The templates themselves and loading one: a chunk of its own, fetched when the gallery opens. */
import { exportWorkspace, serializeDocument } from '../../shared/format/document';
import { TEMPLATES, type WorkflowTemplate } from '../../shared/templates/index';
import { useWorkspace } from '../store/workspaceStore';
import { notify } from '../store/notifications';

async function loadTemplate(template: WorkflowTemplate): Promise<void> {
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

export default function TemplateList({ close }: { close(): void }) {
  return (
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
              close();
              void loadTemplate(t);
            }}
          >
            Use
          </button>
        </li>
      ))}
    </ul>
  );
}
