/**
 * The Inspector's O*NET part of a task step: link it to an O*NET task statement, see both exposure labels and
 * the suggested mode, then accept (the mode changes) or dismiss (it does not); either is recorded on the step.
 */
import './reference.css';
import { Link2 } from 'lucide-react';
import type { TaskStep, Workflow } from '../../shared/model/schema';
import {
  acceptSuggestion,
  dismissSuggestion,
  suggestMode,
  unlinkOnetTask,
} from '../../shared/reference/index';
import { MODE_LABELS } from '../editor/stepKinds';
import { useWorkspace } from '../store/workspaceStore';
import { ExposureLabels } from './ExposureLabels';
import { useReference } from './referenceStore';
import { openLinkDialog } from './referenceUi';

function decidedOn(iso: string | null): string {
  return iso
    ? ` on ${new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}`
    : '';
}

export function OnetTaskSection({ workflow, step }: { workflow: Workflow; step: TaskStep }) {
  const editWorkflow = useWorkspace((s) => s.editWorkflow);
  const reference = useReference((s) => s.state);
  const edit = (fn: (wf: Workflow) => Workflow) => editWorkflow(workflow.id, fn);
  const link = step.onetTask;
  const headingId = `onet-${step.id}`;
  if (!link) {
    return (
      <section className="onet-task" aria-labelledby={headingId}>
        <h3 id={headingId}>O*NET task</h3>
        <p className="muted small">
          Link this step to an O*NET task statement to see its AI-exposure labels.
        </p>
        <button type="button" onClick={() => openLinkDialog(step.id)}>
          <Link2 size={14} aria-hidden /> Link to an O*NET task…
        </button>
      </section>
    );
  }
  const suggestion = suggestMode(link.humanLabel, link.gptLabel);
  const changes = suggestion && suggestion.mode !== step.mode;
  return (
    <section className="onet-task" aria-labelledby={headingId}>
      <h3 id={headingId}>O*NET task</h3>
      <p className="onet-statement">{link.statement}</p>
      <p className="muted small">
        {link.occupation ? `${link.occupation} · ` : ''}O*NET-SOC {link.socCode} · task {link.taskId}
        {link.release ? ` · O*NET® ${link.release} data` : ''}
      </p>
      <ExposureLabels
        human={link.humanLabel}
        gpt={link.gptLabel}
        {...(reference.status === 'ready' ? { agreement: reference.index.agreement } : {})}
      />
      {suggestion && link.suggestion === 'pending' && (
        <>
          {step.mode === 'ai-automated' && (
            <p className="small">
              Accepting sets this step to {MODE_LABELS[suggestion.mode]}: a suggestion never automates a task,
              and automating it would need a review after it.
            </p>
          )}
          <div className="onet-decision" role="group" aria-label="Suggested mode">
            <button
              type="button"
              className="primary"
              onClick={() => edit((wf) => acceptSuggestion(wf, step.id))}
            >
              {changes ? `Accept: make it ${MODE_LABELS[suggestion.mode]}` : 'Accept suggestion'}
            </button>
            <button type="button" onClick={() => edit((wf) => dismissSuggestion(wf, step.id))}>
              Dismiss
            </button>
          </div>
        </>
      )}
      {link.suggestion !== 'pending' && (
        <p className="onet-decided" role="status">
          Suggestion {link.suggestion}
          {decidedOn(link.decidedAt)}.
        </p>
      )}
      <div className="onet-actions">
        <button type="button" className="ghost" onClick={() => openLinkDialog(step.id)}>
          Change link…
        </button>
        <button type="button" className="ghost" onClick={() => edit((wf) => unlinkOnetTask(wf, step.id))}>
          Unlink
        </button>
      </div>
    </section>
  );
}
