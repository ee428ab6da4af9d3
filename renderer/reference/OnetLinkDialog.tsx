/**
 * "Link to an O*NET task": search the task statements (all, or one occupation's), see both exposure labels
 * and the suggested mode of the one picked, and link it. Linking changes no mode: the Inspector then offers
 * Accept or Dismiss.
 */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import {
  linkFromTask,
  linkOnetTask,
  MAX_QUERY_CHARS,
  searchTasks,
  type ReferenceIndex,
  type ReferenceTask,
} from '../../shared/reference/index';
import { ReferenceDialog } from './ReferenceDialog';
import { useWorkspace } from '../store/workspaceStore';
import { ExposureLabels, LabelChip } from './ExposureLabels';
import { ReferenceCredit } from './ReferenceCredit';
import { closeReferenceDialogs, useReferenceUi } from './referenceUi';

const SHOWN = 50;

export function OnetLinkDialog() {
  const stepId = useReferenceUi((s) => s.linkStepId);
  return (
    <ReferenceDialog
      open={stepId !== null}
      title="Link to an O*NET task"
      description="Find the O*NET task statement this step stands for. Linking shows its AI-exposure labels; the step’s mode only changes if you accept the suggestion."
    >
      {(index) => stepId && <TaskSearch index={index} stepId={stepId} />}
    </ReferenceDialog>
  );
}

export function OccupationSelect({
  index,
  value,
  onChange,
  allLabel,
}: {
  index: ReferenceIndex;
  value: number | null;
  onChange(occupation: number | null): void;
  allLabel: string | null;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Occupation</label>
      <select
        id={id}
        value={value === null ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{allLabel ?? '— choose an occupation —'}</option>
        {index.occupationsByTitle.map((o) => (
          <option key={o.index} value={o.index}>
            {o.title} ({o.soc})
          </option>
        ))}
      </select>
    </div>
  );
}

function TaskSearch({ index, stepId }: { index: ReferenceIndex; stepId: string }) {
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [occupation, setOccupation] = useState<number | null>(null);
  const [picked, setPicked] = useState<ReferenceTask | null>(null);
  // Typing stays immediate; the result list follows in a render of its own.
  const deferredQuery = useDeferredValue(query);
  const result = useMemo(
    () => searchTasks(index, deferredQuery, { occupation, limit: SHOWN }),
    [index, deferredQuery, occupation],
  );
  const editWorkflow = useWorkspace((s) => s.editWorkflow);
  const workflowId = useWorkspace((s) => s.openWorkflowId);

  const link = () => {
    if (!picked || !workflowId) return;
    editWorkflow(workflowId, (wf) => linkOnetTask(wf, stepId, linkFromTask(picked, index.pack.onetRelease)));
    closeReferenceDialogs();
  };

  return (
    <div className="onet-search">
      <div className="onet-search-fields">
        <OccupationSelect
          index={index}
          value={occupation}
          onChange={(o) => setOccupation(o)}
          allLabel={`All occupations (${index.occupations.length.toLocaleString('en')})`}
        />
        <div className="field">
          <label htmlFor={searchId}>Search task statements</label>
          <input
            id={searchId}
            type="search"
            value={query}
            autoFocus
            placeholder="e.g. reply to customer questions"
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
      </div>
      <p className="muted small" role="status" aria-live="polite">
        {result.total === 0
          ? 'No task statement matches.'
          : `${result.total.toLocaleString('en')} matching task${result.total === 1 ? '' : 's'}${result.total > result.tasks.length ? `, first ${result.tasks.length} shown` : ''}.`}
        {result.cut ? ` Only the first ${MAX_QUERY_CHARS} characters of the search are used.` : ''}
      </p>
      <fieldset className="onet-results">
        <legend className="visually-hidden">Matching tasks</legend>
        {result.tasks.map((task) => (
          <label key={task.index} className={`onet-result${picked?.index === task.index ? ' picked' : ''}`}>
            <input
              type="radio"
              name="onet-task"
              checked={picked?.index === task.index}
              onChange={() => setPicked(task)}
            />
            <span className="onet-result-text">
              <span>{task.statement}</span>
              <span className="muted small">
                {occupation === null ? `${task.occupation.title} · ` : ''}human{' '}
                <LabelChip label={task.human} /> GPT-4 <LabelChip label={task.gpt} />
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {picked && (
        <section className="onet-picked" aria-label="Picked task">
          <p className="onet-statement">{picked.statement}</p>
          <p className="muted small">
            {picked.occupation.title} · O*NET-SOC {picked.occupation.soc} · task {picked.taskId}
          </p>
          <ExposureLabels human={picked.human} gpt={picked.gpt} agreement={index.agreement} />
        </section>
      )}
      <ReferenceCredit index={index} />
      <div className="dialog-actions">
        <button type="button" onClick={closeReferenceDialogs}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!picked} onClick={link}>
          Link task
        </button>
      </div>
    </div>
  );
}
