/** What changed in one step between two workflows, attribute by attribute, in words. */
import type { Role, SkillRequirement, Step } from '../model/schema';
import {
  durationLabel,
  MODE_LABELS,
  percentLabel,
  plainNumber,
  roleLabel,
  STEP_TYPE_LABELS,
  textLabel,
} from './labels';
import type { AttributeChange, StepAttribute } from './types';

export interface StepContext {
  beforeRoles: ReadonlyMap<string, Role>;
  afterRoles: ReadonlyMap<string, Role>;
  /** Step names of each side by id, for rework targets. */
  beforeNames: ReadonlyMap<string, string>;
  afterNames: ReadonlyMap<string, string>;
  /** id in the second workflow → its paired id in the first (to tell a kept rework target from a new one). */
  beforeIdOf: ReadonlyMap<string, string>;
}

const change = (attribute: StepAttribute, before: string, after: string, subject: string | null = null) => ({
  attribute,
  subject,
  before,
  after,
});

function skillChanges(
  before: readonly SkillRequirement[],
  after: readonly SkillRequirement[],
): AttributeChange[] {
  const out: AttributeChange[] = [];
  const a = new Map(after.map((r) => [r.skillId, r.level]));
  const b = new Map(before.map((r) => [r.skillId, r.level]));
  for (const r of before) {
    const level = a.get(r.skillId);
    if (level === undefined) out.push(change('skill', `level ${r.level}`, 'not required', r.skillId));
    else if (level !== r.level) out.push(change('skill', `level ${r.level}`, `level ${level}`, r.skillId));
  }
  for (const r of after) {
    if (!b.has(r.skillId)) out.push(change('skill', 'not required', `level ${r.level}`, r.skillId));
  }
  return out;
}

/** Nested optional settings (learning curve, feedback loop, coaching) compared and written as JSON-ish text. */
function settingLabel(value: object | null): string {
  if (value === null) return 'none';
  return Object.entries(value)
    .map(([k, v]) => `${k} ${typeof v === 'number' ? plainNumber(v) : String(v)}`)
    .join(', ');
}

export function stepChanges(before: Step, after: Step, ctx: StepContext): AttributeChange[] {
  const out: AttributeChange[] = [];
  if (before.type !== after.type) {
    out.push(change('type', STEP_TYPE_LABELS[before.type], STEP_TYPE_LABELS[after.type]));
  }
  if (before.name !== after.name) out.push(change('name', before.name, after.name));
  // Reviews are done by people: a task that becomes a review (or back) shows a mode change too.
  const modeOf = (s: Step) =>
    s.type === 'task' ? MODE_LABELS[s.mode] : s.type === 'review' ? MODE_LABELS.human : null;
  const mb = modeOf(before);
  const ma = modeOf(after);
  if (mb !== ma && mb !== null && ma !== null) out.push(change('mode', mb, ma));
  const workB = before.type === 'task' || before.type === 'review' ? before : null;
  const workA = after.type === 'task' || after.type === 'review' ? after : null;
  if (workB && workA) {
    if (workB.roleId !== workA.roleId) {
      const rb = roleLabel(workB.roleId, ctx.beforeRoles);
      const ra = roleLabel(workA.roleId, ctx.afterRoles);
      out.push(change('role', rb, ra));
    }
    const db = workB.duration;
    const da = workA.duration;
    if (db.min !== da.min || db.likely !== da.likely || db.max !== da.max) {
      out.push(change('times', durationLabel(db), durationLabel(da)));
    }
    out.push(...skillChanges(workB.skills, workA.skills));
    if (settingLabel(workB.coaching) !== settingLabel(workA.coaching)) {
      out.push(change('coaching', settingLabel(workB.coaching), settingLabel(workA.coaching)));
    }
  }
  if (before.type === 'review' && after.type === 'review') {
    if (before.rejectionRate !== after.rejectionRate) {
      out.push(
        change('rejectionRate', percentLabel(before.rejectionRate), percentLabel(after.rejectionRate)),
      );
    }
    const targetB = before.reworkTargetId;
    const targetA =
      after.reworkTargetId === null
        ? null
        : (ctx.beforeIdOf.get(after.reworkTargetId) ?? after.reworkTargetId);
    if (targetB !== targetA) {
      const nb = targetB === null ? 'none' : (ctx.beforeNames.get(targetB) ?? targetB);
      const na =
        after.reworkTargetId === null
          ? 'none'
          : (ctx.afterNames.get(after.reworkTargetId) ?? after.reworkTargetId);
      out.push(change('reworkTarget', nb, na));
    }
    if (settingLabel(before.feedbackLoop) !== settingLabel(after.feedbackLoop)) {
      out.push(change('feedbackLoop', settingLabel(before.feedbackLoop), settingLabel(after.feedbackLoop)));
    }
  }
  if (before.type === 'task' && after.type === 'task') {
    if (before.aiTool !== after.aiTool)
      out.push(change('aiTool', textLabel(before.aiTool), textLabel(after.aiTool)));
    if (before.aiCostPerRun !== after.aiCostPerRun) {
      out.push(change('aiCostPerRun', plainNumber(before.aiCostPerRun), plainNumber(after.aiCostPerRun)));
    }
    if (before.aiConcurrency !== after.aiConcurrency) {
      const label = (c: number | null) => (c === null ? 'no limit' : plainNumber(c));
      out.push(change('aiConcurrency', label(before.aiConcurrency), label(after.aiConcurrency)));
    }
    if (settingLabel(before.learningCurve) !== settingLabel(after.learningCurve)) {
      out.push(
        change('learningCurve', settingLabel(before.learningCurve), settingLabel(after.learningCurve)),
      );
    }
  }
  // Texts are long: the change says that they differ, not how (the inspector shows both).
  if (before.description !== after.description) out.push(change('description', 'edited', 'edited'));
  if (before.notes !== after.notes) out.push(change('notes', 'edited', 'edited'));
  return out;
}
