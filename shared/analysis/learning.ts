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
 * - Skills and the learning plan (shared/skills; for a to-be, unless `skillEffects: false`): a step whose role is below a
 *   recorded required level takes (1 + penalty × missing levels) times as long, and the review sending work
 *   back to it rejects that much more (skills/penalty.ts); coaching, pairing, retro, course and self-study
 *   time enters the roles' load (the analysis's learningHoursPerWeek); as the plan's learning hours add
 *   up, levels rise towards the required ones, the penalty falls, and plan-item time stops once its gap is
 *   closed. Week 0 has today's levels; a workflow without recorded levels, plan or coaching is unaffected.
 *
 * Each week is then analysed with the ordinary engine (analyzeFlow, explain 'none') on a copy of the
 * workflow with those times and rates, so every figure means what it means elsewhere; the inputs are never
 * modified. Without skill effects week 0 is today's analysis.
 *
 * Assumptions: the whole volume is worked every week (an overloaded team that does fewer cases would learn
 * more slowly than projected), and learning depends only on the cases done, not on calendar time.
 */
import { analyzeFlow } from './analyze';
import { computeVisits, resolveWithRates } from './visits';
import type { SolvedVisits } from './visits';
import { applyWhatIf, withRejectionRates } from '../whatIf/whatIf';
import type { AnalysisError, AnalysisOptions, AnalysisResult, Bottleneck, WorkflowAnalysis } from './analyze';
import type { ReviewStep, Role, Skill, Step, TaskStep, Workflow } from '../model/schema';
import { skillIndex } from '../ontology';
import { computeSkillsLens } from '../skills/lens';
import { closedBy, gapProgress, levelAt, penalisedRejection, stepPenalties } from '../skills/penalty';
import type { GapProgress } from '../skills/penalty';
import type { LearningLoadPart, SkillWeekFigures } from '../skills/types';

export interface LearningProjectionOptions {
  /** Weeks to project after week 0 (today): a whole number from 0 to MAX_PROJECTION_WEEKS. */
  weeks: number;
  /** A what-if, applied once before week 0 (`explain` is ignored: weeks are never explained). */
  options?: AnalysisOptions;
  /** Built-in and custom skills by id, for hours per level; default the built-in ontology. */
  skills?: ReadonlyMap<string, Skill>;
  /** Apply skill levels, the learning plan and coaching (default true). */
  skillEffects?: boolean;
}
/** The earlier name of LearningProjectionOptions. */
export type ProjectionOptions = LearningProjectionOptions;

/** The workflow's figures in one week of the projection. */
export interface WeekPoint extends SkillWeekFigures {
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
  /** Person-hours per week (load: the flow's work plus learning time) by role id. */
  hoursPerWeek: Record<string, number>;
  /** Rejection rate by review step id, for reviews with a feedback loop or a skill penalty. */
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
  /** Recorded skill gaps the projection tracks (levels rising with the plan). */
  trackedGaps: number;
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
  { weeks, options = {}, skills, skillEffects = true }: LearningProjectionOptions,
): ProjectionResult {
  if (!Number.isInteger(weeks) || weeks < 0 || weeks > MAX_PROJECTION_WEEKS) {
    return {
      ok: false,
      message: `The horizon must be a whole number of weeks from 0 to ${MAX_PROJECTION_WEEKS} (got ${String(weeks)}).`,
      week: null,
      error: null,
    };
  }
  // The what-if is applied once, here; the skills plan reads the workflow and team as they are today.
  const applied = applyWhatIf(workflow, roles, options);
  if (!applied.ok) {
    const error: AnalysisError = { code: 'invalid-option', message: applied.message, stepIds: [] };
    return { ok: false, message: applied.message, week: 0, error };
  }
  const flow = applied.workflow;
  const learners: { at: number; step: LearningTask }[] = [];
  const reviews: FeedbackReview[] = [];
  workflow.steps.forEach((s: Step, at) => {
    if (s.type === 'task' && s.learningCurve !== null && s.mode !== 'ai-automated')
      learners.push({ at, step: s as LearningTask });
    else if (s.type === 'review' && s.feedbackLoop !== null) reviews.push(s as FeedbackReview);
  });
  const cumulative = learners.map((l) => l.step.learningCurve.casesBefore);
  // Only a to-be is measured against the levels it asks for: an as-is's times are today's, with today's team.
  const plan = skillEffects && workflow.kind === 'to-be' ? skillPlan(workflow, roles, skills) : null;
  const stepAt = new Map(workflow.steps.map((s, i) => [s.id, i]));
  const reviewed = flow.steps.filter(
    (s): s is ReviewStep =>
      s.type === 'review' && (s.feedbackLoop !== null || (plan !== null && s.reworkTargetId !== null)),
  );

  const context: ProjectionContext = {
    flow,
    roles: applied.roles,
    learners,
    reviewed,
    plan,
    stepAt,
    learningHoursPerWeek: options.learningHoursPerWeek ?? {},
    solved: null,
  };
  const points: WeekPoint[] = [];
  let previous: (WeekInputs & { result: WorkflowAnalysis }) | null = null;
  for (let week = 0; week <= weeks; week++) {
    const inputs = weekInputs(context, week, cumulative);
    // Once every time and rate has stopped moving (or nothing learns), the week is the same as the last.
    let result: WorkflowAnalysis;
    if (previous && sameInputs(previous, inputs)) result = previous.result;
    else {
      const analysed = analyseWeek(context, inputs);
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
    previous = { ...inputs, result };
    points.push(weekPoint(context, week, inputs, cumulative, result));
    // The cases done this week count towards next week's experience.
    learners.forEach(({ at }, k) => {
      cumulative[k] = cumulative[k]! + result.volumePerWeek * result.steps[at]!.visits;
    });
  }
  return {
    ok: true,
    weeks: points,
    learningSteps: learners.length,
    feedbackReviews: reviews.length,
    trackedGaps: plan?.gaps.length ?? 0,
  };
}

/** What every week of the projection reads: the workflow under the what-if, and what learns in it. */
interface ProjectionContext {
  flow: Workflow;
  roles: readonly Role[];
  learners: readonly { at: number; step: LearningTask }[];
  /** Every review whose rate may move: feedback loops, and reviews of steps that can carry a penalty. */
  reviewed: readonly ReviewStep[];
  plan: SkillPlan | null;
  stepAt: ReadonlyMap<string, number>;
  /** The caller's own learning hours per role, to which the plan's are added. */
  learningHoursPerWeek: Readonly<Record<string, number>>;
  /** The last week's visits: the graph never changes between weeks, only times and rates do. */
  solved: SolvedVisits | null;
}

/** What one week's analysis depends on. */
interface WeekInputs {
  factors: number[];
  rates: number[];
  penalties: number[];
  learning: number[];
  figures: SkillWeekFigures;
}

function weekInputs(context: ProjectionContext, week: number, cumulative: readonly number[]): WeekInputs {
  const { learners, reviewed, plan } = context;
  const factors = learners.map(({ step }, k) => {
    const c = step.learningCurve;
    return learningFactor(c.learningRate, c.floorShare, c.casesBefore, cumulative[k]!);
  });
  const figures = plan ? plan.week(week) : { penaltyFactor: {}, learningHoursPerWeek: {}, levels: {} };
  const penaltyOf = (id: string | null) => (id === null ? 1 : (figures.penaltyFactor[id] ?? 1));
  const rates = reviewed.map((r) => {
    const base = r.rejectionRate;
    const rate = r.feedbackLoop
      ? feedbackRate(base, r.feedbackLoop.floorRate, r.feedbackLoop.weeklyReduction, week)
      : base;
    return penalisedRejection(rate, penaltyOf(r.reworkTargetId));
  });
  const penalties = plan ? plan.stepIds.map((id) => penaltyOf(id)) : [];
  const learning = plan ? plan.roleIds.map((id) => figures.learningHoursPerWeek[id] ?? 0) : [];
  return { factors, rates, penalties, learning, figures };
}

const sameInputs = (a: WeekInputs, b: WeekInputs) =>
  sameNumbers(a.factors, b.factors) &&
  sameNumbers(a.rates, b.rates) &&
  sameNumbers(a.penalties, b.penalties) &&
  sameNumbers(a.learning, b.learning);

/** The week's workflow (times, penalties and rates of that week) analysed by the ordinary engine. */
function analyseWeek(context: ProjectionContext, inputs: WeekInputs): AnalysisResult {
  const { flow, learners, reviewed, stepAt } = context;
  const rejectionRate: Record<string, number> = {};
  reviewed.forEach((r, k) => (rejectionRate[r.id] = inputs.rates[k]!));
  const adjusted = withRejectionRates(
    adjust(flow, learners, inputs.factors, inputs.figures.penaltyFactor, stepAt),
    rejectionRate,
  );
  const learningHoursPerWeek: Record<string, number> = { ...context.learningHoursPerWeek };
  for (const [id, h] of Object.entries(inputs.figures.learningHoursPerWeek))
    learningHoursPerWeek[id] = (learningHoursPerWeek[id] ?? 0) + h;
  const visits = weekVisits(context, adjusted, rejectionRate);
  // A week whose visits cannot be solved is analysed afresh, so that it fails as the analysis would.
  return analyzeFlow(adjusted, context.roles, {
    learningHoursPerWeek,
    explain: 'none',
    ...(visits && { visits }),
  });
}

/**
 * The week's visits: last week's chain with this week's rejection rates, solved again on the same
 * components (a full compile only in week 0, or when a rate reaches 0 or 1 and a path appears or goes).
 */
function weekVisits(
  context: ProjectionContext,
  adjusted: Workflow,
  rejectionRate: Readonly<Record<string, number>>,
): SolvedVisits | null {
  const previous = context.solved;
  let solved: ReturnType<typeof computeVisits> | null = null;
  if (previous) {
    const rates = new Map<number, number>();
    for (const [id, r] of Object.entries(rejectionRate)) {
      const at = previous.chain.index.get(id);
      if (at !== undefined) rates.set(at, r);
    }
    solved = resolveWithRates(previous, adjusted.steps, rates);
  }
  solved ??= computeVisits(adjusted);
  context.solved = solved.ok ? solved : null;
  return context.solved;
}

function weekPoint(
  { learners, reviewed }: ProjectionContext,
  week: number,
  { factors, rates, figures }: WeekInputs,
  cumulative: readonly number[],
  result: WorkflowAnalysis,
): WeekPoint {
  const timeFactor: Record<string, number> = {};
  const cumulativeCases: Record<string, number> = {};
  learners.forEach(({ step }, k) => {
    timeFactor[step.id] = factors[k]!;
    cumulativeCases[step.id] = cumulative[k]!;
  });
  const rejectionRate: Record<string, number> = {};
  reviewed.forEach((r, k) => {
    if (r.feedbackLoop !== null || rates[k] !== r.rejectionRate) rejectionRate[r.id] = rates[k]!;
  });
  const utilization: Record<string, number | null> = {};
  const hoursPerWeek: Record<string, number> = {};
  for (const r of result.roles) {
    utilization[r.id] = r.utilization;
    hoursPerWeek[r.id] = r.loadHoursPerWeek + r.learningHoursPerWeek;
  }
  return {
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
    penaltyFactor: figures.penaltyFactor,
    learningHoursPerWeek: figures.learningHoursPerWeek,
    levels: figures.levels,
  };
}

/** The skills side of the projection: week → penalties, learning time and levels. */
interface SkillPlan {
  gaps: GapProgress[];
  /** Steps that carry a penalty in some week (in week 0 at the latest: levels only rise). */
  stepIds: string[];
  roleIds: string[];
  week(week: number): SkillWeekFigures;
}

function skillPlan(
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

/**
 * A copy of the workflow whose learning tasks take `factors` of today's times and whose penalised steps
 * take their penalty factor on top (other steps shared).
 */
function adjust(
  workflow: Workflow,
  learners: readonly { at: number; step: LearningTask }[],
  factors: readonly number[],
  penaltyFactor: Readonly<Record<string, number>>,
  stepAt: ReadonlyMap<string, number>,
): Workflow {
  const scale = new Map<number, number>();
  learners.forEach(({ at }, k) => scale.set(at, factors[k]!));
  for (const [id, p] of Object.entries(penaltyFactor)) {
    const at = stepAt.get(id);
    if (at !== undefined) scale.set(at, (scale.get(at) ?? 1) * p);
  }
  if (scale.size === 0) return workflow;
  const steps = workflow.steps.slice();
  for (const [at, f] of scale) {
    const step = steps[at]!;
    if (f === 1 || (step.type !== 'task' && step.type !== 'review')) continue;
    const { min, likely, max } = step.duration;
    steps[at] = { ...step, duration: { min: min * f, likely: likely * f, max: max * f } };
  }
  return { ...workflow, steps };
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
