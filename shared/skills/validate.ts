/**
 * Problems of the skills and learning data of a workflow, in the problems list's own terms (codes,
 * severities, the step to mark). The schema already refuses most bad values at the boundary; these checks
 * also catch what editing can leave behind: plan items pointing at a removed step, skill or role, levels or
 * hours out of range in data that was built in code, coaching without a coach.
 */
import { PLAN_MAX_WEEK, PROFICIENCY_MAX, PROFICIENCY_MIN, SKILL_LEVEL_MIN } from '../model/schema';
import type { Role, Skill, Step, Workflow } from '../model/schema';
import type { Problem } from '../model/validate';

const isLevel = (n: number, min = SKILL_LEVEL_MIN) => Number.isInteger(n) && n >= min && n <= PROFICIENCY_MAX;
const isHours = (n: number) => Number.isFinite(n) && n >= 0;

export function validateSkills(
  workflow: Workflow,
  roles: readonly Role[],
  skills: ReadonlyMap<string, Skill>,
): Problem[] {
  const problems: Problem[] = [];
  const roleById = new Map(roles.map((r) => [r.id, r]));
  const stepById = new Map<string, Step>(workflow.steps.map((s) => [s.id, s]));
  const skillName = (id: string) => {
    const s = skills.get(id);
    return s ? `'${s.name}'` : `an unknown skill ('${id}')`;
  };
  const warn = (code: string, message: string, stepId?: string) =>
    problems.push(
      stepId === undefined
        ? { severity: 'warning', code, message }
        : { severity: 'warning', code, message, stepId },
    );

  // Steps: required levels, coaching.
  const usedRoles = new Set<string>();
  const usedSkills = new Set<string>();
  for (const step of workflow.steps) {
    if (step.type !== 'task' && step.type !== 'review') continue;
    if (step.roleId !== null) usedRoles.add(step.roleId);
    for (const req of step.skills) {
      usedSkills.add(req.skillId);
      if (!isLevel(req.level, PROFICIENCY_MIN)) {
        warn(
          'skill-level-out-of-range',
          `Step '${step.name}' requires ${skillName(req.skillId)} at level ${String(req.level)}; required levels are whole numbers from ${PROFICIENCY_MIN} to ${PROFICIENCY_MAX}.`,
          step.id,
        );
      }
    }
    const c = step.coaching;
    if (c === null) continue;
    if (!isHours(c.minutesPerCase)) {
      warn(
        'negative-hours',
        `Step '${step.name}': ${c.kind} minutes per case must not be negative (${String(c.minutesPerCase)}).`,
        step.id,
      );
    }
    if (c.coachRoleId === null) {
      warn(
        'coaching-no-coach',
        `Step '${step.name}' has ${c.kind} but no coach: choose the role that ${c.kind === 'coaching' ? 'coaches' : 'pairs'}.`,
        step.id,
      );
    } else if (!roleById.has(c.coachRoleId)) {
      warn(
        'coaching-unknown-coach',
        `Step '${step.name}': the role that gives the ${c.kind} no longer exists.`,
        step.id,
      );
    } else usedRoles.add(c.coachRoleId);
  }

  // Plan items.
  if (workflow.kind === 'as-is' && workflow.learningPlan.length > 0) {
    warn(
      'plan-on-as-is',
      `'${workflow.name}' is an as-is but has a learning plan; plans belong to the to-be and are not used here.`,
    );
  }
  workflow.learningPlan.forEach((item, n) => {
    const what = `Learning plan item ${n + 1} (${item.method})`;
    const role = roleById.get(item.roleId);
    if (!role) warn('plan-unknown-role', `${what} is for a role that no longer exists ('${item.roleId}').`);
    else usedRoles.add(role.id);
    if (!skills.has(item.skillId))
      warn(
        'plan-unknown-skill',
        `${what} teaches a skill that does not exist ('${item.skillId}'); it is kept as an unknown skill.`,
      );
    for (const [label, level] of [
      ['starting', item.fromLevel],
      ['target', item.toLevel],
    ] as const) {
      if (!isLevel(level)) {
        warn(
          'skill-level-out-of-range',
          `${what}: the ${label} level is ${String(level)}; levels are whole numbers from ${SKILL_LEVEL_MIN} to ${PROFICIENCY_MAX}.`,
        );
      }
    }
    if (isLevel(item.fromLevel) && isLevel(item.toLevel) && item.fromLevel >= item.toLevel) {
      warn(
        'plan-levels-not-rising',
        `${what}: the target level (${item.toLevel}) must be above the starting level (${item.fromLevel}).`,
      );
    }
    if (!isHours(item.hoursPerWeek))
      warn(
        'negative-hours',
        `${what}: learning hours per week must not be negative (${String(item.hoursPerWeek)}).`,
      );
    if (!(Number.isInteger(item.startWeek) && item.startWeek >= 0 && item.startWeek <= PLAN_MAX_WEEK)) {
      warn(
        'plan-start-week',
        `${what}: the start week must be a whole number from 0 to ${PLAN_MAX_WEEK} (got ${String(item.startWeek)}).`,
      );
    }
    if (item.linkedStepId !== null) {
      const step = stepById.get(item.linkedStepId);
      if (!step) {
        warn(
          'plan-unknown-step',
          `${what} is linked to a step that no longer exists ('${item.linkedStepId}').`,
        );
      } else if (item.method === 'feedback-loop' && step.type !== 'review') {
        warn(
          'plan-link-mismatch',
          `${what} is linked to '${step.name}', which is not a review, so it gives no feedback.`,
          step.id,
        );
      } else if (
        (item.method === 'coaching' || item.method === 'pairing') &&
        (step.type !== 'task' && step.type !== 'review' ? true : step.coaching?.kind !== item.method)
      ) {
        warn(
          'plan-link-mismatch',
          `${what} is linked to '${step.name}', which has no ${item.method} set.`,
          step.id,
        );
      }
    } else if (item.method === 'feedback-loop') {
      warn('plan-link-missing', `${what}: choose the review whose feedback teaches the skill.`);
    }
  });

  // Roles of this workflow: their recorded levels.
  for (const roleId of usedRoles) {
    const role = roleById.get(roleId);
    if (!role) continue;
    for (const l of role.skillLevels) {
      if (!isLevel(l.level))
        warn(
          'skill-level-out-of-range',
          `Role '${role.name}': the level in ${skillName(l.skillId)} is ${String(l.level)}; levels are whole numbers from ${SKILL_LEVEL_MIN} to ${PROFICIENCY_MAX}.`,
        );
      if (!skills.has(l.skillId))
        warn(
          'unknown-skill-level',
          `Role '${role.name}' has a level in an unknown skill ('${l.skillId}'); it is kept as "unknown skill".`,
        );
    }
    for (const p of role.people) {
      for (const l of p.levels) {
        if (!isLevel(l.level))
          warn(
            'skill-level-out-of-range',
            `Role '${role.name}', ${p.displayName}: the level in ${skillName(l.skillId)} is ${String(l.level)}; levels are whole numbers from ${SKILL_LEVEL_MIN} to ${PROFICIENCY_MAX}.`,
          );
      }
    }
    if (!isHours(role.headcount))
      warn('negative-hours', `Role '${role.name}': headcount must not be negative.`);
  }

  // Hours per level of the skills this workflow uses, and the workflow's assumptions.
  for (const id of usedSkills) {
    const h = skills.get(id)?.hoursPerLevel;
    if (h !== undefined && h !== null && !isHours(h))
      warn(
        'negative-hours',
        `Skill ${skillName(id)}: learning hours per level must not be negative (${String(h)}).`,
      );
  }
  const a = workflow.learningAssumptions;
  if (!isHours(a.feedbackMinutesPerRejection))
    warn(
      'negative-hours',
      `Feedback minutes per rejection must not be negative (${String(a.feedbackMinutesPerRejection)}).`,
    );
  if (!isHours(a.penaltyPerMissingLevel))
    warn(
      'negative-hours',
      `The penalty per missing level must not be negative (${String(a.penaltyPerMissingLevel)}).`,
    );
  for (const [categoryId, h] of Object.entries(a.hoursPerLevelByCategory)) {
    if (!isHours(h))
      warn(
        'negative-hours',
        `Learning hours per level for the category '${categoryId}' must not be negative (${String(h)}).`,
      );
  }
  return problems;
}
