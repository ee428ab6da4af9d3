/** Edits whatever is selected: a step, a connection, or (with nothing selected) the workflow itself. */
import { Trash2, X } from 'lucide-react';
import { useDeferredValue, useState } from 'react';
import * as ops from '../../shared/model/operations';
import { connectableTargets, reworkTargetCandidates } from '../../shared/model/rules';
import { PROFICIENCY_MAX, PROFICIENCY_MIN, TASK_MODES, WORKFLOW_KINDS } from '../../shared/model/schema';
import type {
  Edge,
  ReviewStep,
  Step,
  TaskMode,
  TaskStep,
  Workflow,
  WorkflowKind,
  WorkStep,
} from '../../shared/model/schema';
import { useWorkspace } from '../store/workspaceStore';
import { useEditor } from '../store/editorStore';
import { useSkillIndex } from '../store/selectors';
import { NumberField, SelectField, TextField } from '../ui/fields';
import { GovernanceFields } from './GovernanceFields';
import { lookOf, MODE_LABELS } from './stepKinds';
import { SkillPicker } from '../skills/SkillPicker';
import { OnetTaskSection } from '../reference/OnetTaskSection';
import { StepCoachingSection, StepSkillLevels } from '../skills/StepCoaching';

export function Inspector({ workflow }: { workflow: Workflow }) {
  // The diagram shows a new selection at once; the inspector's fields follow in a render of their own, so
  // pressing on a step to drag it never waits for a form to be built.
  const stepIds = useDeferredValue(useEditor((s) => s.selectedStepIds));
  const edgeIds = useDeferredValue(useEditor((s) => s.selectedEdgeIds));
  const count = stepIds.size + edgeIds.size;
  if (count > 1) {
    return (
      <div className="inspector">
        <p className="muted">
          {count} items selected. Press Delete to remove them, or select one item to edit it.
        </p>
      </div>
    );
  }
  const step = workflow.steps.find((s) => stepIds.has(s.id));
  if (step) return <StepInspector key={step.id} workflow={workflow} step={step} />;
  const edge = workflow.edges.find((e) => edgeIds.has(e.id));
  if (edge) return <EdgeInspector key={edge.id} workflow={workflow} edge={edge} />;
  return <WorkflowInspector key={workflow.id} workflow={workflow} />;
}

function useEdit(workflowId: string) {
  const editWorkflow = useWorkspace((s) => s.editWorkflow);
  return (fn: (wf: Workflow) => Workflow) => editWorkflow(workflowId, fn);
}

function WorkflowInspector({ workflow }: { workflow: Workflow }) {
  const edit = useEdit(workflow.id);
  const workflows = useWorkspace((s) => s.workflows);
  const asIsOptions = workflows.filter((w) => w.id !== workflow.id && w.kind === 'as-is');
  return (
    <div className="inspector" aria-label="Workflow properties">
      <h2>Workflow</h2>
      <TextField
        label="Name"
        required
        value={workflow.name}
        onCommit={(name) => edit((wf) => ops.updateWorkflowFields(wf, { name: name.trim() }))}
      />
      <TextField
        label="Description"
        multiline
        maxLength={20000}
        value={workflow.description}
        onCommit={(description) => edit((wf) => ops.updateWorkflowFields(wf, { description }))}
      />
      <SelectField<WorkflowKind>
        label="Kind"
        value={workflow.kind}
        options={WORKFLOW_KINDS.map((k) => ({
          value: k,
          label: k === 'as-is' ? 'As-is (how work is done today)' : 'To-be (the redesign)',
        }))}
        onCommit={(kind) =>
          edit((wf) =>
            ops.updateWorkflowFields(wf, { kind, redesignOfId: kind === 'as-is' ? null : wf.redesignOfId }),
          )
        }
      />
      {workflow.kind === 'to-be' && (
        <SelectField
          label="Redesign of"
          value={workflow.redesignOfId ?? ''}
          options={[
            { value: '', label: '— not linked —' },
            ...asIsOptions.map((w) => ({ value: w.id, label: w.name })),
          ]}
          onCommit={(id) => edit((wf) => ops.updateWorkflowFields(wf, { redesignOfId: id || null }))}
        />
      )}
      <NumberField
        label="Case volume"
        bound="volumePerWeek"
        unit="cases per week"
        value={workflow.volumePerWeek}
        onCommit={(volumePerWeek) => edit((wf) => ops.updateWorkflowFields(wf, { volumePerWeek }))}
      />
      <p className="muted small">Select a step or a connection on the diagram to edit it.</p>
    </div>
  );
}

function StepInspector({ workflow, step }: { workflow: Workflow; step: Step }) {
  const edit = useEdit(workflow.id);
  const update = (patch: ops.StepPatch) => edit((wf) => ops.updateStep(wf, step.id, patch));
  const look = lookOf(step);
  const Icon = look.icon;
  return (
    <div className="inspector" aria-label="Step properties" data-step-id={step.id}>
      <h2 className={`inspector-kind kind-${look.kind}`}>
        <Icon size={16} aria-hidden /> {look.label}
      </h2>
      <TextField
        label="Step name"
        required
        value={step.name}
        onCommit={(name) => update({ name: name.trim() })}
      />
      {step.type === 'task' && (
        <SelectField<TaskMode>
          label="Mode"
          value={step.mode}
          options={TASK_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
          onCommit={(mode) => update({ mode })}
          hint="Who does the work: a person, a person with AI, or AI alone."
        />
      )}
      {(step.type === 'task' || step.type === 'review') && (
        <WorkFields workflow={workflow} step={step} update={update} />
      )}
      {step.type === 'task' && <OnetTaskSection workflow={workflow} step={step} />}
      <TextField
        label="Description"
        multiline
        maxLength={20000}
        value={step.description}
        onCommit={(description) => update({ description })}
      />
      <TextField
        label="Notes"
        multiline
        maxLength={20000}
        value={step.notes}
        onCommit={(notes) => update({ notes })}
      />
      <Connections workflow={workflow} step={step} />
      <button
        type="button"
        className="danger"
        onClick={() => {
          edit((wf) => ops.removeElements(wf, new Set([step.id])));
          useEditor.getState().clearSelection();
        }}
      >
        <Trash2 size={14} aria-hidden /> Delete step
      </button>
    </div>
  );
}

function WorkFields({
  workflow,
  step,
  update,
}: {
  workflow: Workflow;
  step: WorkStep;
  update(patch: ops.StepPatch): void;
}) {
  const roles = useWorkspace((s) => s.roles);
  const { min, likely, max } = step.duration;
  const order = 'Times must satisfy minimum ≤ most likely ≤ maximum.';
  return (
    <>
      <SelectField
        label={step.type === 'review' ? 'Reviewing role' : 'Performing role'}
        value={step.roleId ?? ''}
        options={[{ value: '', label: '— none —' }, ...roles.map((r) => ({ value: r.id, label: r.name }))]}
        onCommit={(id) => update({ roleId: id || null })}
        hint={roles.length === 0 ? 'Add roles in the Roles tab.' : undefined}
      />
      {step.type === 'task' && step.mode !== 'human' && (
        <TextField
          label="AI tool"
          value={step.aiTool}
          onCommit={(aiTool) => update({ aiTool })}
          hint="Which AI tool or model does this work."
        />
      )}
      {step.type === 'task' && step.mode !== 'human' && <AiFields step={step} update={update} />}
      {step.type === 'task' && step.mode !== 'ai-automated' && <LearningFields step={step} update={update} />}
      <GovernanceFields step={step} update={update} />
      <fieldset className="duration">
        <legend>Processing time per case (minutes)</legend>
        <NumberField
          label="Minimum"
          bound="durationMin"
          step={0.5}
          value={min}
          check={(v) => (v <= likely ? null : order)}
          onCommit={(v) => update({ duration: { min: v, likely, max } })}
        />
        <NumberField
          label="Most likely"
          bound="durationLikely"
          step={0.5}
          value={likely}
          check={(v) => (min <= v && v <= max ? null : order)}
          onCommit={(v) => update({ duration: { min, likely: v, max } })}
        />
        <NumberField
          label="Maximum"
          bound="durationMax"
          step={0.5}
          value={max}
          check={(v) => (likely <= v ? null : order)}
          onCommit={(v) => update({ duration: { min, likely, max: v } })}
        />
      </fieldset>
      {step.type === 'review' && (
        <>
          <NumberField
            label="Rejection rate"
            bound="rejectionRate"
            unit="%"
            scale={100}
            step={1}
            value={step.rejectionRate}
            onCommit={(rejectionRate) => update({ rejectionRate })}
            hint="Share of reviewed work sent back for rework."
          />
          <SelectField
            label="Rework goes back to"
            value={step.reworkTargetId ?? ''}
            options={[
              { value: '', label: '— no rework loop —' },
              ...reworkTargetCandidates(workflow, step).map((s) => ({ value: s.id, label: s.name })),
            ]}
            onCommit={(id) => update({ reworkTargetId: id || null })}
            hint="Only steps that come before this review can receive rework."
          />
        </>
      )}
      {step.type === 'review' && <FeedbackFields step={step} update={update} />}
      <StepSkills step={step} update={update} />
      <StepSkillLevels step={step} />
      <StepCoachingSection workflow={workflow} step={step} />
    </>
  );
}

function Toggle({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange(on: boolean): void;
}) {
  return (
    <label className="toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

function AiFields({ step, update }: { step: TaskStep; update(patch: ops.StepPatch): void }) {
  return (
    <fieldset className="group">
      <legend>AI use</legend>
      <NumberField
        label="AI cost per run"
        bound="aiCostPerRun"
        step={0.01}
        value={step.aiCostPerRun}
        onCommit={(aiCostPerRun) => update({ aiCostPerRun })}
      />
      {step.mode === 'ai-automated' && (
        <>
          <Toggle
            label="Limit how many cases the AI handles at once"
            checked={step.aiConcurrency !== null}
            onChange={(on) => update({ aiConcurrency: on ? 10 : null })}
          />
          {step.aiConcurrency !== null && (
            <NumberField
              label="Cases at once"
              bound="aiConcurrency"
              value={step.aiConcurrency}
              onCommit={(aiConcurrency) => update({ aiConcurrency })}
            />
          )}
        </>
      )}
    </fieldset>
  );
}

function LearningFields({ step, update }: { step: TaskStep; update(patch: ops.StepPatch): void }) {
  const curve = step.learningCurve;
  return (
    <fieldset className="group">
      <legend>Learning curve</legend>
      <Toggle
        label="Time per case falls with experience"
        checked={curve !== null}
        onChange={(on) =>
          update({ learningCurve: on ? { learningRate: 0.9, floorShare: 0.5, casesBefore: 100 } : null })
        }
      />
      {curve && (
        <>
          <NumberField
            label="Time after each doubling of cases"
            bound="learningRate"
            unit="%"
            scale={100}
            value={curve.learningRate}
            onCommit={(learningRate) => update({ learningCurve: { ...curve, learningRate } })}
            hint="90% means every doubling of the cases done cuts the time per case by a tenth."
          />
          <NumberField
            label="Floor"
            bound="timeFloor"
            unit="% of today's time"
            scale={100}
            value={curve.floorShare}
            onCommit={(floorShare) => update({ learningCurve: { ...curve, floorShare } })}
          />
          <NumberField
            label="Cases already done"
            bound="casesBefore"
            value={curve.casesBefore}
            onCommit={(casesBefore) => update({ learningCurve: { ...curve, casesBefore } })}
          />
        </>
      )}
    </fieldset>
  );
}

function FeedbackFields({ step, update }: { step: ReviewStep; update(patch: ops.StepPatch): void }) {
  const loop = step.feedbackLoop;
  return (
    <fieldset className="group">
      <legend>Feedback loop</legend>
      <Toggle
        label="Findings feed back into prompts and policies"
        checked={loop !== null}
        onChange={(on) =>
          update({
            feedbackLoop: on ? { weeklyReduction: 0.1, floorRate: Math.min(step.rejectionRate, 0.03) } : null,
          })
        }
      />
      {loop && (
        <>
          <NumberField
            label="Gap closed each week"
            bound="weeklyReduction"
            unit="%"
            scale={100}
            value={loop.weeklyReduction}
            onCommit={(weeklyReduction) => update({ feedbackLoop: { ...loop, weeklyReduction } })}
            hint="Share of the distance to the floor that the rejection rate falls each week."
          />
          <NumberField
            label="Rejection rate floor"
            bound="rejectionRateFloor"
            unit="%"
            scale={100}
            value={loop.floorRate}
            onCommit={(floorRate) => update({ feedbackLoop: { ...loop, floorRate } })}
          />
        </>
      )}
    </fieldset>
  );
}

function StepSkills({ step, update }: { step: WorkStep; update(patch: ops.StepPatch): void }) {
  const skills = useSkillIndex();
  return (
    <section className="step-skills" aria-labelledby={`skills-${step.id}`}>
      <h3 id={`skills-${step.id}`}>Required skills</h3>
      {step.skills.length === 0 && <p className="muted small">No skills attached yet.</p>}
      <ul>
        {step.skills.map((req) => {
          const skill = skills.get(req.skillId);
          const name = skill?.name ?? `Unknown skill (${req.skillId})`;
          return (
            <li key={req.skillId} className="skill-row">
              <span className="skill-name">
                {name}
                {skill?.retired && <span className="badge">retired</span>}
              </span>
              <label className="visually-hidden" htmlFor={`lvl-${step.id}-${req.skillId}`}>
                Proficiency for {name}
              </label>
              <select
                id={`lvl-${step.id}-${req.skillId}`}
                value={req.level}
                onChange={(e) =>
                  update({
                    skills: step.skills.map((r) =>
                      r.skillId === req.skillId ? { ...r, level: Number(e.target.value) } : r,
                    ),
                  })
                }
              >
                {Array.from(
                  { length: PROFICIENCY_MAX - PROFICIENCY_MIN + 1 },
                  (_, i) => i + PROFICIENCY_MIN,
                ).map((l) => (
                  <option key={l} value={l}>
                    Level {l}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="icon"
                aria-label={`Remove skill ${name}`}
                onClick={() => update({ skills: step.skills.filter((r) => r.skillId !== req.skillId) })}
              >
                <X size={14} aria-hidden />
              </button>
            </li>
          );
        })}
      </ul>
      <SkillPicker
        exclude={new Set(step.skills.map((r) => r.skillId))}
        onPick={(skillId) => update({ skills: [...step.skills, { skillId, level: 3 }] })}
      />
    </section>
  );
}

const EAGER_OPTIONS = 100;

function Connections({ workflow, step }: { workflow: Workflow; step: Step }) {
  const edit = useEdit(workflow.id);
  const [target, setTarget] = useState('');
  // In a large workflow the list has hundreds of steps: build it when the user reaches for it, not on
  // every render of the inspector.
  const [opened, setOpened] = useState(false);
  const names = new Map(workflow.steps.map((s) => [s.id, s.name]));
  const out = workflow.edges.filter((e) => e.source === step.id);
  const candidates = connectableTargets(workflow, step.id);
  if (step.type === 'end') return null;
  return (
    <section className="connections" aria-labelledby={`next-${step.id}`}>
      <h3 id={`next-${step.id}`}>Next steps</h3>
      <ul>
        {out.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className="link"
              onClick={() => useEditor.getState().selectOnly([], [e.id])}
            >
              → {names.get(e.target)}
              {e.probability !== null && step.type === 'decision'
                ? ` (${Math.round(e.probability * 1000) / 10}%)`
                : ''}
            </button>
            <button
              type="button"
              className="icon"
              aria-label={`Remove connection to ${names.get(e.target)}`}
              onClick={() => edit((wf) => ops.removeElements(wf, new Set(), new Set([e.id])))}
            >
              <X size={14} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 && (
        <div className="connect-row">
          <label htmlFor={`connect-${step.id}`}>Connect to</label>
          <select
            id={`connect-${step.id}`}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            onFocus={() => setOpened(true)}
            onPointerDown={() => setOpened(true)}
          >
            <option value="">— choose a step —</option>
            {(opened || candidates.length <= EAGER_OPTIONS ? candidates : []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!target}
            onClick={() => {
              edit((wf) => ops.connect(wf, step.id, target));
              setTarget('');
            }}
          >
            Connect
          </button>
        </div>
      )}
    </section>
  );
}

function EdgeInspector({ workflow, edge }: { workflow: Workflow; edge: Edge }) {
  const edit = useEdit(workflow.id);
  const source = workflow.steps.find((s) => s.id === edge.source);
  const target = workflow.steps.find((s) => s.id === edge.target);
  const siblings = workflow.edges.filter((e) => e.source === edge.source && e.id !== edge.id);
  const others = siblings.reduce((sum, e) => sum + (e.probability ?? 0), 0);
  return (
    <div className="inspector" aria-label="Connection properties">
      <h2>Connection</h2>
      <p>
        From <strong>{source?.name}</strong> to <strong>{target?.name}</strong>
      </p>
      <TextField
        label="Label"
        value={edge.label}
        onCommit={(label) => edit((wf) => ops.updateEdge(wf, edge.id, { label }))}
        hint="E.g. the answer to the decision: “Yes”, “Complex”."
      />
      {source?.type === 'decision' && (
        <NumberField
          label="Branch probability"
          bound="branchProbability"
          unit="%"
          scale={100}
          step={1}
          value={edge.probability ?? 0}
          onCommit={(probability) => edit((wf) => ops.updateEdge(wf, edge.id, { probability }))}
          hint={`The other branches take ${Math.round(others * 1000) / 10}%; all branches must add up to 100%.`}
        />
      )}
      <button
        type="button"
        className="danger"
        onClick={() => {
          edit((wf) => ops.removeElements(wf, new Set(), new Set([edge.id])));
          useEditor.getState().clearSelection();
        }}
      >
        <Trash2 size={14} aria-hidden /> Delete connection
      </button>
    </div>
  );
}
