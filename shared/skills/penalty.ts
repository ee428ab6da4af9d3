/**
 * What missing levels cost in the flow, and how the plan pays that back week by week (applied by the
 * learning projection, shared/analysis/learning.ts).
 *
 * - Levels rise with the hours learned: a gap row starting at level c (the team level, or the people's mean
 *   level) towards the required level q is at c + (q − c) × min(1, learned(w) / reskilling hours) in week w,
 *   learned(w) from weeksToClose.learnedHours; a gap that costs no hours is closed from week 0.
 * - A work step whose role is below a required level takes longer: its times × (1 + penalty × Σ missing
 *   levels over the step's required skills), missing = max(0, step's level − the role's level that week).
 *   The review that sends work back to the step rejects more by the same factor (capped at 95%).
 * - Only levels that are recorded (for the team or a person) count: a role nobody has assessed is not
 *   penalised, so workflows without levels project as before.
 */
import type { Workflow } from '../model/schema';
import type { LearningSource, SkillsLens, StepPenalty } from './types';
import { learnedHours } from './weeksToClose';

/** A penalised review never rejects more than this (a review rejecting everything never finishes). */
export const MAX_PENALISED_REJECTION = 0.95;

export interface GapProgress {
  key: string;
  startLevel: number;
  targetLevel: number;
  reskillingHours: number;
  sources: readonly LearningSource[];
}

/** The recorded gaps of the lens (every to-be role × skill with a recorded level), as they progress. */
export function gapProgress(lens: SkillsLens): GapProgress[] {
  const progress: GapProgress[] = [];
  for (const row of lens.rows) {
    const gap = row.gap;
    if (!gap) continue;
    const recorded = gap.levelRecorded || gap.people.some((p) => p.ownLevel);
    if (!recorded) continue;
    const startLevel =
      gap.basis === 'people' && gap.people.length > 0
        ? gap.people.reduce((sum, p) => sum + p.current, 0) / gap.people.length
        : gap.current;
    progress.push({
      key: row.key,
      startLevel,
      targetLevel: gap.required,
      reskillingHours: gap.reskillingHours,
      sources: row.sources,
    });
  }
  return progress;
}

/** The level of a gap row in week `week`. */
export function levelAt(p: GapProgress, week: number): number {
  if (p.startLevel >= p.targetLevel) return p.startLevel;
  const share = p.reskillingHours > 0 ? Math.min(1, learnedHours(p.sources, week) / p.reskillingHours) : 1;
  return p.startLevel + (p.targetLevel - p.startLevel) * share;
}

/** Whether the gap is closed by week `week`. */
export function closedBy(p: GapProgress, week: number): boolean {
  return levelAt(p, week) >= p.targetLevel - 1e-9;
}

/**
 * Time factors of the workflow's work steps from missing levels; only steps with a penalty are returned.
 * `levels` holds the recorded levels by levelKey.
 */
export function stepPenalties(
  workflow: Workflow,
  levels: ReadonlyMap<string, number>,
  penaltyPerMissingLevel: number,
): StepPenalty[] {
  const penalties: StepPenalty[] = [];
  if (!(penaltyPerMissingLevel > 0) || levels.size === 0) return penalties;
  for (const step of workflow.steps) {
    if (step.type !== 'task' && step.type !== 'review') continue;
    if (step.roleId === null || (step.type === 'task' && step.mode === 'ai-automated')) continue;
    let missing = 0;
    for (const req of step.skills) {
      const level = levels.get(`${step.roleId}|${req.skillId}`);
      if (level !== undefined && level < req.level) missing += req.level - level;
    }
    if (missing > 1e-9)
      penalties.push({
        stepId: step.id,
        missingLevels: missing,
        factor: 1 + penaltyPerMissingLevel * missing,
      });
  }
  return penalties;
}

/** A review's rejection rate raised by the penalty factor of the step it reviews. */
export function penalisedRejection(rate: number, factor: number): number {
  if (factor <= 1) return rate;
  return Math.min(rate * factor, Math.max(rate, MAX_PENALISED_REJECTION));
}
