/**
 * "Create steps from an occupation's tasks": pick an occupation, tick its tasks (core tasks are ticked to
 * begin with) and add one human task step per tick, each linked to its O*NET task with the suggestion pending.
 */
import { versionBeforeImport } from '../codesign/recordStore';
import { useMemo, useState } from 'react';
import { createStepsFromTasks, occupationTasks, type ReferenceIndex } from '../../shared/reference/index';
import { ReferenceDialog } from './ReferenceDialog';
import { notify } from '../store/notifications';
import { useWorkspace } from '../store/workspaceStore';
import { LabelChip } from './ExposureLabels';
import { OccupationSelect } from './OnetLinkDialog';
import { ReferenceCredit } from './ReferenceCredit';
import { closeReferenceDialogs, useReferenceUi } from './referenceUi';

export function CreateFromOccupationDialog() {
  const workflowId = useReferenceUi((s) => s.createInWorkflowId);
  return (
    <ReferenceDialog
      open={workflowId !== null}
      title="Create steps from an occupation’s tasks"
      description="Adds one human task step per chosen O*NET task, linked to it, below the diagram and not yet connected."
    >
      {(index) => workflowId && <OccupationTasks index={index} workflowId={workflowId} />}
    </ReferenceDialog>
  );
}

function OccupationTasks({ index, workflowId }: { index: ReferenceIndex; workflowId: string }) {
  const [occupation, setOccupation] = useState<number | null>(null);
  const tasks = useMemo(
    () => (occupation === null ? [] : occupationTasks(index, occupation)),
    [index, occupation],
  );
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const choose = (o: number | null) => {
    setOccupation(o);
    setChosen(
      new Set(
        o === null
          ? []
          : occupationTasks(index, o)
              .filter((t) => t.core !== false)
              .map((t) => t.index),
      ),
    );
  };
  const create = () => {
    const picked = tasks.filter((t) => chosen.has(t.index));
    let made = 0;
    versionBeforeImport(workflowId, 'O*NET tasks');
    useWorkspace.getState().editWorkflow(workflowId, (wf) => {
      const result = createStepsFromTasks(wf, picked, index.pack.onetRelease);
      made = result.stepIds.length;
      return result.workflow;
    });
    closeReferenceDialogs();
    notify(`${made} step${made === 1 ? '' : 's'} added below the diagram, each linked to its O*NET task.`);
  };
  return (
    <div className="onet-search">
      <OccupationSelect index={index} value={occupation} onChange={choose} allLabel={null} />
      {occupation !== null && (
        <fieldset className="onet-results">
          <legend className="small">
            {tasks.length} tasks; {chosen.size} chosen
          </legend>
          {tasks.map((task) => (
            <label key={task.index} className="onet-result">
              <input
                type="checkbox"
                checked={chosen.has(task.index)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(task.index);
                  else next.delete(task.index);
                  setChosen(next);
                }}
              />
              <span className="onet-result-text">
                <span>{task.statement}</span>
                <span className="muted small">
                  {task.core === false ? 'supplemental · ' : task.core ? 'core · ' : ''}human{' '}
                  <LabelChip label={task.human} /> GPT-4 <LabelChip label={task.gpt} />
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <ReferenceCredit index={index} />
      <div className="dialog-actions">
        <button type="button" onClick={closeReferenceDialogs}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={chosen.size === 0} onClick={create}>
          Create {chosen.size} step{chosen.size === 1 ? '' : 's'}
        </button>
      </div>
    </div>
  );
}
