/**
 * Learning projection: how the workflow's figures move week by week as people (with their AI tools) gain
 * experience and as reviews feed their findings back into prompts and policies.
 *
 * - A task with a learning curve (Wright's law): after N cumulative cases its times are today's times ×
 *   max(floorShare, (N / casesBefore)^log2(learningRate)), where N(w) = casesBefore + cases done in weeks
 *   0…w−1 (volume × visits per case each week).
 * - A review with a feedback loop: its rejection rate in week w is floor + (r₀ − floor) × (1 − weeklyReduction)^w.
 *
 * Each week is then analysed with the ordinary engine, so every figure means what it means elsewhere.
 */
import { analyzeWorkflow, type AnalysisOptions, type AnalysisResult, type Bottleneck } from './analyze';
import type { Role, Step, Workflow } from '../model/schema';

export interface ProjectionOptions {
  /** Weeks to project after week 0 (today). */
  weeks: number;
  /** What-if overrides, as for analyzeWorkflow. */
  options?: AnalysisOptions;
}

export interface WeekPoint {
  week: number;
  stable: boolean;
  maxVolumePerWeek: number | null;
  bottleneck: Bottleneck | null;
  cycleTimeMinutes: number | null;
  costPerCase: number;
  /** Utilization by role id. */
  utilization: Record<string, number | null>;
  /** Person-hours per week by role id. */
  hoursPerWeek: Record<string, number>;
  /** Rejection rate by review step id (reviews with a feedback loop). */
  rejectionRate: Record<string, number>;
  /** Share of today's time per case, by task step id (tasks with a learning curve). */
  timeFactor: Record<string, number>;
}

export type ProjectionResult =
  | { ok: true; weeks: WeekPoint[]; learningSteps: number; feedbackReviews: number }
  | { ok: false; message: string };

export const MAX_PROJECTION_WEEKS = 520;

/** Time factor of a learning curve after `cumulative` cases. */
export function learningFactor(
  learningRate: number,
  floorShare: number,
  casesBefore: number,
  cumulative: number,
): number {
  const exponent = Math.log2(learningRate);
  return Math.max(floorShare, Math.pow(Math.max(cumulative, casesBefore) / casesBefore, exponent));
}

/** Rejection rate of a feedback-loop review in week `week`. */
export function feedbackRate(
  start: number,
  floorRate: number,
  weeklyReduction: number,
  week: number,
): number {
  if (start <= floorRate) return start;
  return floorRate + (start - floorRate) * Math.pow(1 - weeklyReduction, week);
}

export function projectLearning(
  workflow: Workflow,
  roles: readonly Role[],
  { weeks, options = {} }: ProjectionOptions,
): ProjectionResult {
  if (!Number.isInteger(weeks) || weeks < 0 || weeks > MAX_PROJECTION_WEEKS) {
    return {
      ok: false,
      message: `The horizon must be a whole number of weeks from 0 to ${MAX_PROJECTION_WEEKS}.`,
    };
  }
  const learnsAnything = workflow.steps.some(
    (s) =>
      (s.type === 'task' && s.learningCurve !== null && s.mode !== 'ai-automated') ||
      (s.type === 'review' && s.feedbackLoop !== null),
  );
  if (!learnsAnything) return { ok: true, weeks: [], learningSteps: 0, feedbackReviews: 0 };
  const base = analyzeWorkflow(workflow, roles, { ...options, explain: 'none' });
  if (!base.ok) return { ok: false, message: base.error.message };
  const visits = new Map(base.steps.map((s) => [s.id, s.visits]));
  const volume = base.volumePerWeek;
  const learners = workflow.steps.filter(
    (s): s is Extract<Step, { type: 'task' }> =>
      s.type === 'task' && s.learningCurve !== null && s.mode !== 'ai-automated',
  );
  const reviews = workflow.steps.filter(
    (s): s is Extract<Step, { type: 'review' }> => s.type === 'review' && s.feedbackLoop !== null,
  );

  const points: WeekPoint[] = [];
  for (let week = 0; week <= weeks; week++) {
    const timeFactor: Record<string, number> = {};
    for (const s of learners) {
      const curve = s.learningCurve!;
      const cumulative = curve.casesBefore + volume * (visits.get(s.id) ?? 0) * week;
      timeFactor[s.id] = learningFactor(curve.learningRate, curve.floorShare, curve.casesBefore, cumulative);
    }
    const rejectionRate: Record<string, number> = {};
    for (const r of reviews) {
      const loop = r.feedbackLoop!;
      const start = options.rejectionRate?.[r.id] ?? r.rejectionRate;
      rejectionRate[r.id] = feedbackRate(start, loop.floorRate, loop.weeklyReduction, week);
    }
    const adjusted: Workflow = {
      ...workflow,
      steps: workflow.steps.map((s) => {
        const factor = timeFactor[s.id];
        if (factor === undefined || s.type !== 'task') return s;
        return {
          ...s,
          duration: {
            min: s.duration.min * factor,
            likely: s.duration.likely * factor,
            max: s.duration.max * factor,
          },
        };
      }),
    };
    const result: AnalysisResult = analyzeWorkflow(adjusted, roles, {
      ...options,
      rejectionRate: { ...options.rejectionRate, ...rejectionRate },
      explain: 'none',
    });
    if (!result.ok) return { ok: false, message: `Week ${week}: ${result.error.message}` };
    points.push({
      week,
      stable: result.stable,
      maxVolumePerWeek: result.maxVolumePerWeek,
      bottleneck: result.bottleneck,
      cycleTimeMinutes: result.cycleTimeMinutes.total,
      costPerCase: result.costPerCase.total,
      utilization: Object.fromEntries(result.roles.map((r) => [r.id, r.utilization])),
      hoursPerWeek: Object.fromEntries(result.roles.map((r) => [r.id, r.loadHoursPerWeek])),
      rejectionRate,
      timeFactor,
    });
  }
  return { ok: true, weeks: points, learningSteps: learners.length, feedbackReviews: reviews.length };
}
