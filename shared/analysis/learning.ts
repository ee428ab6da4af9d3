/**
 * Learning projection: how the workflow's figures move week by week as people (with their AI tools) gain
 * experience and as reviews feed their findings back into prompts and policies.
 *
 * - A human or AI-assisted task with a learning curve (Wright's law, T. P. Wright, "Factors affecting the cost
 *   of airplanes", 1936): each doubling of the cumulative number of cases multiplies its time by the
 *   learning rate. In week w its three-point times are today's times × factor(w), with
 *
 *       factor(w) = max(floorShare, (N(w) / casesBefore)^log2(learningRate)),
 *
 *   where N(w) is the number of times the step has been done by the start of week w: casesBefore, plus
 *   volume × visits per case in each of weeks 0 … w − 1. While visits stay the same that is
 *   casesBefore + volume × visits × w; when a feedback loop cuts rework, later weeks add fewer visits.
 *   Scaling minimum, most likely and maximum alike scales the PERT mean and standard deviation by the same
 *   factor. AI-automated tasks do not learn this way (their learning curve is ignored).
 * - A review with a feedback loop: its rejection rate in week w is floor + (r₀ − floor) × (1 − weeklyReduction)^w,
 *   closing `weeklyReduction` of the gap to the floor every week (r₀: the review's rate, or the what-if rate).
 *   A review already at or below its floor keeps its rate.
 *
 * Each week is then analysed with the ordinary engine (analyzeWorkflow, explain 'none') on a copy of the
 * workflow with those times and rates, so every figure means what it means elsewhere; the inputs are never
 * modified. Week 0 is today's analysis.
 *
 * Assumptions: the whole volume is worked every week (an overloaded team that does fewer cases would learn
 * more slowly than projected), and learning depends only on the cases done, not on calendar time.
 */
import { analyzeWorkflow } from './analyze';
import type { AnalysisError, AnalysisOptions, Bottleneck, WorkflowAnalysis } from './analyze';
import type { ReviewStep, Role, Step, TaskStep, Workflow } from '../model/schema';

export interface LearningProjectionOptions {
  /** Weeks to project after week 0 (today): a whole number from 0 to MAX_PROJECTION_WEEKS. */
  weeks: number;
  /** What-if overrides, as for analyzeWorkflow (`explain` is ignored: weeks are never explained). */
  options?: AnalysisOptions;
}
/** The earlier name of LearningProjectionOptions. */
export type ProjectionOptions = LearningProjectionOptions;

/** The workflow's figures in one week of the projection. */
export interface WeekPoint {
  /** 0 = today. */
  week: number;
  /** Every role and AI pool is below 100%. */
  stable: boolean;
  /** Cases per week the bottleneck can carry (WorkflowAnalysis.maxVolumePerWeek). */
  maxVolumePerWeek: number | null;
  bottleneck: Bottleneck | null;
  /** Cycle time, total (WorkflowAnalysis.cycleTimeMinutes.total); null when a queue is unstable. */
  cycleTimeMinutes: number | null;
  /** Cost per case, total (people + AI). */
  costPerCase: number;
  /** Utilization by role id. */
  utilization: Record<string, number | null>;
  /** Person-hours per week (load) by role id. */
  hoursPerWeek: Record<string, number>;
  /** Rejection rate by review step id, for reviews with a feedback loop. */
  rejectionRate: Record<string, number>;
  /** Time as a share of today's, by task step id, for tasks with a learning curve. */
  timeFactor: Record<string, number>;
  /** N(w): times each learning task has been done by the start of the week (casesBefore included). */
  cumulativeCases: Record<string, number>;
}

export interface LearningProjection {
  ok: true;
  /** Weeks 0 … weeks, in order. */
  weeks: WeekPoint[];
  /** Tasks whose learning curve is applied (human and AI-assisted tasks with a curve). */
  learningSteps: number;
  /** Reviews with a feedback loop. */
  feedbackReviews: number;
}

export interface ProjectionFailure {
  ok: false;
  message: string;
  /** The week whose analysis failed; null when the request itself is invalid. */
  week: number | null;
  /** The analysis error, when a week could not be analysed. */
  error: AnalysisError | null;
}

export type ProjectionResult = LearningProjection | ProjectionFailure;

export const MAX_PROJECTION_WEEKS = 520;

/** Time factor of a learning curve after `cumulative` cases (never above 1: experience is not lost). */
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

type LearningTask = TaskStep & { learningCurve: NonNullable<TaskStep['learningCurve']> };
type FeedbackReview = ReviewStep & { feedbackLoop: NonNullable<ReviewStep['feedbackLoop']> };

export function projectLearning(
  workflow: Workflow,
  roles: readonly Role[],
  { weeks, options = {} }: LearningProjectionOptions,
): ProjectionResult {
  if (!Number.isInteger(weeks) || weeks < 0 || weeks > MAX_PROJECTION_WEEKS) {
    return {
      ok: false,
      message: `The horizon must be a whole number of weeks from 0 to ${MAX_PROJECTION_WEEKS} (got ${String(weeks)}).`,
      week: null,
      error: null,
    };
  }
  const learners: { at: number; step: LearningTask }[] = [];
  const reviews: FeedbackReview[] = [];
  workflow.steps.forEach((s: Step, at) => {
    if (s.type === 'task' && s.learningCurve !== null && s.mode !== 'ai-automated')
      learners.push({ at, step: s as LearningTask });
    else if (s.type === 'review' && s.feedbackLoop !== null) reviews.push(s as FeedbackReview);
  });
  const cumulative = learners.map((l) => l.step.learningCurve.casesBefore);

  const points: WeekPoint[] = [];
  let previous: { factors: number[]; rates: number[]; result: WorkflowAnalysis } | null = null;
  for (let week = 0; week <= weeks; week++) {
    const factors = learners.map(({ step }, k) => {
      const c = step.learningCurve;
      return learningFactor(c.learningRate, c.floorShare, c.casesBefore, cumulative[k]!);
    });
    const rates = reviews.map((r) =>
      feedbackRate(
        options.rejectionRate?.[r.id] ?? r.rejectionRate,
        r.feedbackLoop.floorRate,
        r.feedbackLoop.weeklyReduction,
        week,
      ),
    );
    // Once every time and rate has stopped moving (or nothing learns), the week is the same as the last.
    let result: WorkflowAnalysis;
    if (previous && sameNumbers(previous.factors, factors) && sameNumbers(previous.rates, rates)) {
      result = previous.result;
    } else {
      const adjusted = adjust(workflow, learners, factors);
      const rejectionRate: Record<string, number> = { ...options.rejectionRate };
      reviews.forEach((r, k) => (rejectionRate[r.id] = rates[k]!));
      const analysed = analyzeWorkflow(adjusted, roles, { ...options, rejectionRate, explain: 'none' });
      if (!analysed.ok) {
        return {
          ok: false,
          message: week === 0 ? analysed.error.message : `Week ${week}: ${analysed.error.message}`,
          week,
          error: analysed.error,
        };
      }
      result = analysed;
    }
    previous = { factors, rates, result };
    const timeFactor: Record<string, number> = {};
    const cumulativeCases: Record<string, number> = {};
    learners.forEach(({ step }, k) => {
      timeFactor[step.id] = factors[k]!;
      cumulativeCases[step.id] = cumulative[k]!;
    });
    const rejectionRate: Record<string, number> = {};
    reviews.forEach((r, k) => (rejectionRate[r.id] = rates[k]!));
    const utilization: Record<string, number | null> = {};
    const hoursPerWeek: Record<string, number> = {};
    for (const r of result.roles) {
      utilization[r.id] = r.utilization;
      hoursPerWeek[r.id] = r.loadHoursPerWeek;
    }
    points.push({
      week,
      stable: result.stable,
      maxVolumePerWeek: result.maxVolumePerWeek,
      bottleneck: result.bottleneck && { ...result.bottleneck },
      cycleTimeMinutes: result.cycleTimeMinutes.total,
      costPerCase: result.costPerCase.total,
      utilization,
      hoursPerWeek,
      rejectionRate,
      timeFactor,
      cumulativeCases,
    });
    // The cases done this week count towards next week's experience.
    learners.forEach(({ at }, k) => {
      cumulative[k] = cumulative[k]! + result.volumePerWeek * result.steps[at]!.visits;
    });
  }
  return { ok: true, weeks: points, learningSteps: learners.length, feedbackReviews: reviews.length };
}

/** A copy of the workflow whose learning tasks take `factors` of today's times (other steps shared). */
function adjust(
  workflow: Workflow,
  learners: readonly { at: number; step: LearningTask }[],
  factors: readonly number[],
): Workflow {
  if (learners.length === 0) return workflow;
  const steps = workflow.steps.slice();
  learners.forEach(({ at, step }, k) => {
    const f = factors[k]!;
    if (f === 1) return;
    const { min, likely, max } = step.duration;
    steps[at] = { ...step, duration: { min: min * f, likely: likely * f, max: max * f } };
  });
  return { ...workflow, steps };
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
