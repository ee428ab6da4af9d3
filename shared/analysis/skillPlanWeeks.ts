/**
 * The skills side of the learning projection (learning.ts): from the CHRO lens of a to-be, week by week,
 * the penalty factor of each step whose role is below a required level, the learning time the plan takes
 * from each role, and the levels reached.
 */
import type { Role, Skill, Workflow } from '../model/schema';
import { skillIndex } from '../ontology';
import { computeSkillsLens } from '../skills/lens';
import { closedBy, gapProgress, levelAt, stepPenalties } from '../skills/penalty';
import type { GapProgress } from '../skills/penalty';
import type { LearningLoadPart, SkillWeekFigures } from '../skills/types';

/** The skills side of the projection: week → penalties, learning time and levels. */
export interface SkillPlan {
  gaps: GapProgress[];
  /** Steps that carry a penalty in some week (in week 0 at the latest: levels only rise). */
  stepIds: string[];
  roleIds: string[];
  week(week: number): SkillWeekFigures;
}

export function skillPlan(
  workflow: Workflow,
  roles: readonly Role[],
  skills: ReadonlyMap<string, Skill> | undefined,
): SkillPlan | null {
  const lens = computeSkillsLens({
    toBe: workflow,
    asIs: null,
    roles,
    skills: skills ?? skillIndex([]),
    explain: 'none',
  });
  if (!lens.ok) return null;
  const gaps = gapProgress(lens);
  const parts: readonly LearningLoadPart[] = lens.loadParts;
  if (gaps.length === 0 && parts.length === 0) return null;
  const gapByKey = new Map(gaps.map((g) => [g.key, g]));
  const penalty = workflow.learningAssumptions.penaltyPerMissingLevel;
  const levelsIn = (week: number) => new Map(gaps.map((g) => [g.key, levelAt(g, week)]));
  const stepIds = stepPenalties(workflow, levelsIn(0), penalty).map((p) => p.stepId);
  const roleIds = [...new Set(parts.map((p) => p.roleId))];
  return {
    gaps,
    stepIds,
    roleIds,
    week(week) {
      const levels = levelsIn(week);
      const penaltyFactor: Record<string, number> = {};
      for (const p of stepPenalties(workflow, levels, penalty)) penaltyFactor[p.stepId] = p.factor;
      const learningHoursPerWeek: Record<string, number> = {};
      for (const part of parts) {
        if (week < part.startWeek) continue;
        const gap = part.closesWith === null ? undefined : gapByKey.get(part.closesWith);
        if (gap && closedBy(gap, week)) continue;
        learningHoursPerWeek[part.roleId] = (learningHoursPerWeek[part.roleId] ?? 0) + part.hoursPerWeek;
      }
      return { penaltyFactor, learningHoursPerWeek, levels: Object.fromEntries(levels) };
    },
  };
}
