/**
 * The to-be's learning plan on a week timeline: each item a bar from its start week to the week its gap
 * closes, and below it the item's fields. Items that point at a removed step, skill or role show the
 * problems list's message for them.
 */
import { Plus, Trash2 } from 'lucide-react';
import { formatNumber } from '../../shared/analysis/numbers';
import { LEARNING_METHODS, PROFICIENCY_MAX, SKILL_LEVEL_MIN } from '../../shared/model/schema';
import type { LearningMethod, LearningPlanItem, Role, Skill, Workflow } from '../../shared/model/schema';
import { validateSkills } from '../../shared/skills/validate';
import { levelKey, type LensRow } from '../../shared/skills/types';
import { useWorkspace } from '../store/workspaceStore';
import { NumberField, SelectField } from '../ui/fields';
import { addPlanItem, removePlanItem, updatePlanItem } from './skillEdits';

export const METHOD_LABELS: Record<LearningMethod, string> = {
  'feedback-loop': 'Feedback loop (a review)',
  coaching: 'Coaching',
  pairing: 'Pairing',
  course: 'Course',
  'self-study': 'Self-study',
  'weekly-retro': 'Weekly retro',
};

const LEVEL_OPTIONS = Array.from({ length: PROFICIENCY_MAX - SKILL_LEVEL_MIN + 1 }, (_, i) => {
  const l = i + SKILL_LEVEL_MIN;
  return { value: String(l), label: String(l) };
});

const MIN_HORIZON = 12;

/** Problems of each plan item by id, in validate.ts's words ("Learning plan item N (…) …"). */
export function planProblems(
  workflow: Workflow,
  roles: readonly Role[],
  skills: ReadonlyMap<string, Skill>,
): Map<string, string[]> {
  const problems = validateSkills(workflow, roles, skills);
  const byItem = new Map<string, string[]>();
  workflow.learningPlan.forEach((item, n) => {
    const prefix = `Learning plan item ${n + 1} (`;
    const mine = problems.filter((p) => p.message.startsWith(prefix)).map((p) => p.message);
    if (mine.length > 0) byItem.set(item.id, mine);
  });
  return byItem;
}

export function LearningPlanEditor({
  toBe,
  rows,
  roleId,
  skills,
}: {
  toBe: Workflow;
  rows: readonly LensRow[];
  /** The role the view shows; new items start for it. */
  roleId: string | null;
  skills: ReadonlyMap<string, Skill>;
}) {
  const roles = useWorkspace((s) => s.roles);
  const edit = (fn: (wf: Workflow) => Workflow) => useWorkspace.getState().editWorkflow(toBe.id, fn);
  const problems = planProblems(toBe, roles, skills);
  const rowByKey = new Map(rows.map((r) => [r.key, r]));
  const closesAt = (item: LearningPlanItem) => {
    const plan = rowByKey.get(levelKey(item.roleId, item.skillId))?.plan;
    return plan?.state === 'planned' ? plan.weeksToClose : null;
  };
  const ends = toBe.learningPlan.map((i) => closesAt(i) ?? i.startWeek);
  const horizon = Math.max(
    MIN_HORIZON,
    Math.ceil(Math.max(0, ...ends, ...toBe.learningPlan.map((i) => i.startWeek + 1))),
  );
  const roleName = (id: string) => roles.find((r) => r.id === id)?.name ?? `Removed role (${id})`;
  const skillName = (id: string) => skills.get(id)?.name ?? `Unknown skill (${id})`;
  const workSteps = toBe.steps.filter((s) => s.type === 'task' || s.type === 'review');
  // Skills the plan may work on: what the to-be asks of any role, plus what items already name.
  const skillIds = [
    ...new Set([
      ...rows.filter((r) => r.gap).map((r) => r.skill.id),
      ...toBe.learningPlan.map((i) => i.skillId),
    ]),
  ];

  const addItem = () => {
    // The role's first gap without a plan, else its first gap, else any gap.
    const mine = rows.filter((r) => r.roleId === roleId && r.gap && r.gap.gapLevels > 0);
    const firstGap =
      mine.find((r) => r.plan?.state === 'no-plan') ??
      mine[0] ??
      rows.find((r) => r.gap && r.gap.gapLevels > 0);
    const role = roleId ?? firstGap?.roleId ?? roles[0]?.id;
    if (!role) return;
    const skillId = firstGap?.skill.id ?? skillIds[0];
    if (!skillId) return;
    const current = firstGap?.gap?.current ?? 0;
    edit(
      (wf) =>
        addPlanItem(wf, {
          skillId,
          roleId: role,
          fromLevel: current,
          toLevel: Math.min(PROFICIENCY_MAX, Math.max(current + 1, firstGap?.gap?.required ?? 1)),
          method: 'course',
          hoursPerWeek: 1,
          startWeek: 0,
          linkedStepId: null,
          notes: '',
        }).workflow,
    );
  };

  return (
    <section className="learning-plan" aria-labelledby="learning-plan-title">
      <h3 id="learning-plan-title">Learning plan of {toBe.name}</h3>
      {toBe.learningPlan.length === 0 && (
        <p className="muted small">
          No plan yet. Add an item, or use “Add coaching…” on a step in the Inspector.
        </p>
      )}
      {toBe.learningPlan.length > 0 && (
        <div className="plan-timeline" aria-hidden>
          <div className="plan-weeks">
            {Array.from({ length: horizon + 1 }, (_, w) => w)
              .filter((w) => w % Math.max(1, Math.ceil(horizon / 12)) === 0)
              .map((w) => (
                <span key={w} style={{ left: `${(w / horizon) * 100}%` }}>
                  {w}
                </span>
              ))}
          </div>
          {toBe.learningPlan.map((item) => {
            const end = closesAt(item);
            const from = (item.startWeek / horizon) * 100;
            const to = ((end ?? horizon) / horizon) * 100;
            return (
              <div className="plan-lane" key={item.id}>
                <span className="plan-lane-label">
                  {skillName(item.skillId)} · {roleName(item.roleId)}
                </span>
                <span
                  className={`plan-bar method-${item.method}${end === null ? ' open-ended' : ''}`}
                  style={{ left: `${from}%`, width: `${Math.max(1, to - from)}%` }}
                />
              </div>
            );
          })}
        </div>
      )}
      <ol className="plan-items" aria-label="Plan items">
        {toBe.learningPlan.map((item, n) => {
          const end = closesAt(item);
          const mine = problems.get(item.id) ?? [];
          const label = `Plan item ${n + 1}: ${METHOD_LABELS[item.method]} for ${skillName(item.skillId)}`;
          const update = (patch: Partial<LearningPlanItem>) =>
            edit((wf) => updatePlanItem(wf, item.id, patch));
          return (
            <li key={item.id} className="plan-item" aria-label={label}>
              <div className="plan-item-head">
                <strong>
                  {n + 1}. {METHOD_LABELS[item.method]} · {skillName(item.skillId)} · {roleName(item.roleId)}
                </strong>
                <span className="muted small">
                  {' '}
                  week {item.startWeek} →{' '}
                  {end === null
                    ? 'no close in sight'
                    : `closes in week ${formatNumber(Math.round(end * 10) / 10)}`}
                </span>
                <button
                  type="button"
                  className="icon"
                  aria-label={`Remove plan item ${n + 1}`}
                  onClick={() => edit((wf) => removePlanItem(wf, item.id))}
                >
                  <Trash2 size={14} aria-hidden />
                </button>
              </div>
              {mine.length > 0 && (
                <ul className="plan-problems" aria-label={`Problems of plan item ${n + 1}`}>
                  {mine.map((m) => (
                    <li key={m} className="field-error">
                      {m}
                    </li>
                  ))}
                </ul>
              )}
              <div className="plan-fields">
                <SelectField
                  label="Skill"
                  value={item.skillId}
                  options={skillIds.map((id) => ({ value: id, label: skillName(id) }))}
                  onCommit={(skillId) => update({ skillId })}
                />
                <SelectField
                  label="Role"
                  value={item.roleId}
                  options={[
                    ...(roles.some((r) => r.id === item.roleId)
                      ? []
                      : [{ value: item.roleId, label: roleName(item.roleId) }]),
                    ...roles.map((r) => ({ value: r.id, label: r.name })),
                  ]}
                  onCommit={(id) => update({ roleId: id })}
                />
                <SelectField
                  label="From level"
                  value={String(item.fromLevel)}
                  options={LEVEL_OPTIONS}
                  onCommit={(v) => update({ fromLevel: Number(v) })}
                />
                <SelectField
                  label="To level"
                  value={String(item.toLevel)}
                  options={LEVEL_OPTIONS}
                  onCommit={(v) => update({ toLevel: Number(v) })}
                />
                <SelectField<LearningMethod>
                  label="Method"
                  value={item.method}
                  options={LEARNING_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))}
                  onCommit={(method) => update({ method })}
                />
                <NumberField
                  label="Hours per person"
                  unit="per week"
                  bound="learningHoursPerWeek"
                  step={0.5}
                  value={item.hoursPerWeek}
                  onCommit={(hoursPerWeek) => update({ hoursPerWeek })}
                />
                <NumberField
                  label="Start week"
                  bound="startWeek"
                  value={item.startWeek}
                  onCommit={(startWeek) => update({ startWeek })}
                />
                <SelectField
                  label="Linked step"
                  value={item.linkedStepId ?? ''}
                  options={[
                    { value: '', label: '— none —' },
                    ...(item.linkedStepId !== null && !workSteps.some((s) => s.id === item.linkedStepId)
                      ? [{ value: item.linkedStepId, label: `Removed step (${item.linkedStepId})` }]
                      : []),
                    ...workSteps.map((s) => ({ value: s.id, label: s.name })),
                  ]}
                  onCommit={(id) => update({ linkedStepId: id || null })}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={addItem}>
        <Plus size={14} aria-hidden /> Add plan item
      </button>
    </section>
  );
}
