/**
 * The analytic model of a workflow: how often each step is done per case (visits.ts), how much work that is
 * per role and week, how busy each role is, where work piles up (the bottleneck), how long people wait for
 * a free colleague (queueing.ts), the expected cycle time (along the longest path: parallel branches run at
 * the same time, parallel.ts) and the cost per case. Every figure comes with a short explanation of its
 * formula and inputs, so the UI can answer "why is this number what it is?".
 *
 * Units: time in minutes, load and capacity in hours per week, money in the workspace's currency.
 * Queues are evaluated over each role's working time: a role works hoursPerWeek × headcount hours a week,
 * and its arrival rate and waits are per minute of that working time (a wait of 30 minutes means 30
 * working minutes, which may span a night or a weekend in calendar time).
 *
 * Nothing here mutates its inputs; a what-if (volume, headcount, rejection rates) is applied to copies at the
 * entry (analyzeWorkflow, with shared/whatIf), and the engine (analyzeFlow) never sees it.
 */
import { computeVisits } from './visits';
import { TRANSITION_KINDS } from './chain';
import type { ChainError, MarkovChain, TransitionKind } from './chain';
import { pert } from './pert';
import { MINUTES_PER_WEEK, mixServiceTimes, poolQueue } from './queueing';
import { firstUnfitFigure, inputOutOfRange } from './domain';
import { applyWhatIf } from '../whatIf/whatIf';
import type { WhatIf } from '../whatIf/whatIf';
import type { PoolQueue } from './queueing';
import { formatNumber as f, formatPercent } from './numbers';
import { longestPath } from '../flow/parallel';
import type { LongestPath, PathTime } from '../flow/parallel';
import type { Role, Step, StepType, TaskMode, Workflow, WorkflowKind } from '../model/schema';

/** A what-if (applied once, at the entry: shared/whatIf) and what the engine itself takes. */
export interface AnalysisOptions extends WhatIf {
  /**
   * Hours per week by role id that the role spends learning outside the cases (coaching, pairing, retros,
   * courses; see shared/skills). They come out of the role's capacity: utilization = (load + learning) /
   * capacity, and the queue works with the hours that are left.
   */
  learningHoursPerWeek?: Readonly<Record<string, number>>;
  /**
   * Which explanation texts to build: 'all' (default) explains every figure including each step's;
   * 'summary' only the workflow's and the roles' figures; 'none' none. Explaining every step of a
   * 10,000-step workflow takes tens of milliseconds (tens of thousands of strings), so live what-if
   * recalculation of very large workflows should ask for 'summary' or 'none'.
   */
  explain?: ExplainLevel;
}

export type ExplainLevel = 'all' | 'summary' | 'none';

export interface WorkflowRef {
  id: string;
  name: string;
  kind: WorkflowKind;
  redesignOfId: string | null;
}

export interface StepAnalysis {
  id: string;
  name: string;
  type: StepType;
  /** Task mode; reviews are done by people ('human'); null for start, end, decision and parallel steps. */
  mode: TaskMode | null;
  /** The role doing the step, null if none (or if the step names a role that is not in the workspace). */
  roleId: string | null;
  /** Expected visits per case. */
  visits: number;
  /** PERT mean processing time per visit, minutes. */
  meanMinutes: number;
  /** PERT standard deviation per visit, minutes. */
  sdMinutes: number;
  /** Person-hours per week: volume × visits × mean / 60; 0 for AI-automated steps. */
  hoursPerWeek: number;
  /** AI-automated steps: runs per week, volume × visits; null for other steps. */
  aiRunsPerWeek: number | null;
  /** Mean wait in line before each visit, minutes; null when the queue is unstable or no role does it. */
  waitMinutes: number | null;
  /**
   * Cost per case: people (visits × mean / 60 × the role's cost per hour; AI-automated steps none) plus AI
   * (aiCostPerCase).
   */
  costPerCase: number;
  /** The AI part of costPerCase: visits × AI cost per run, for AI-automated and AI-assisted tasks; else 0. */
  aiCostPerCase: number;
}

export interface RoleAnalysis {
  id: string;
  name: string;
  /** Headcount used (the what-if value if one was given). */
  headcount: number;
  hoursPerPersonPerWeek: number;
  costPerHour: number;
  /** Visits per case to the role's steps (arrivals at its queue per case). */
  visitsPerCase: number;
  /** Person-minutes of work per case. */
  loadMinutesPerCase: number;
  /** volume × loadMinutesPerCase / 60 (the flow's work, without learning time). */
  loadHoursPerWeek: number;
  /** Learning time taken from the role's capacity (AnalysisOptions.learningHoursPerWeek); usually 0. */
  learningHoursPerWeek: number;
  /** headcount × hoursPerPersonPerWeek. */
  capacityHoursPerWeek: number;
  /** (load + learning) / capacity; null when there is work but no capacity (headcount or hours 0). */
  utilization: number | null;
  /** Servers in the queue model: ⌊headcount⌋, at least 1 when headcount > 0. */
  servers: number;
  /** Mean of the role's work mix per visit, minutes. */
  meanServiceMinutes: number;
  /** Squared coefficient of variation of the role's work mix. */
  serviceScv: number;
  /** Erlang C probability that work has to wait; null when unstable. */
  probabilityOfWaiting: number | null;
  /** Mean wait in line per visit, minutes of working time; null when unstable. */
  waitMinutes: number | null;
  /** Utilization below 100% (a role without work is stable). */
  stable: boolean;
}

export interface Bottleneck {
  roleId: string;
  utilization: number | null;
}

export interface Overload {
  roleId: string;
  utilization: number | null;
  /** load − capacity, hours per week. */
  excessHoursPerWeek: number;
  /** The volume the current headcount can carry: maxVolumePerWeek. */
  volumeThatFits: number;
  /** ⌈load / hours per person per week⌉; null if the role works 0 hours a week. */
  headcountNeeded: number | null;
}

export interface WorkflowAnalysis {
  ok: true;
  workflow: WorkflowRef;
  volumePerWeek: number;
  steps: StepAnalysis[];
  /** The roles that do steps of this workflow, in the order of the roles given. */
  roles: RoleAnalysis[];
  /** The role with the highest utilization among roles with work; null if nobody works. */
  bottleneck: Bottleneck | null;
  /** Volume at which the bottleneck reaches 100%; null if nobody works. */
  maxVolumePerWeek: number | null;
  /** Set when the bottleneck is over 100%. */
  overload: Overload | null;
  /**
   * Along the longest path of a case: steps one after another add up, a parallel block takes as long as its
   * slowest branch. `total` = processing + waiting; `processing` and `waiting` are the two parts of that path
   * (of the path that is longest by processing alone when waiting is unbounded).
   */
  cycleTimeMinutes: { processing: number; waiting: number | null; total: number | null };
  costPerCase: { people: number; ai: number; total: number };
  /** Every queue (role, AI pool) is below 100%. */
  stable: boolean;
  /** Things the analysis had to assume (steps without role, ignored what-if keys). */
  warnings: string[];
  /** Figure key (e.g. `roles.<id>.utilization`) → how it was computed, with the numbers. */
  explanations: Record<string, string>;
}

export interface AnalysisError {
  /** 'pending': only in the app, while a large workflow is analysed in the background (renderer/analysis). */
  code: ChainError['code'] | 'invalid-option' | 'out-of-range' | 'pending';
  message: string;
  stepIds: string[];
}

export interface AnalysisFailure {
  ok: false;
  workflow: WorkflowRef;
  error: AnalysisError;
}

export type AnalysisResult = WorkflowAnalysis | AnalysisFailure;

const KIND_WORDS: Record<TransitionKind, string> = {
  next: 'next step',
  branch: 'branch',
  accept: 'accepted',
  rework: 'rework',
  fork: 'parallel branch',
};

/** Parts of the analysis that are texts or references, not figures: not walked by the last guard. */
const TEXT_FIELDS: ReadonlySet<string> = new Set(['explanations', 'warnings', 'workflow']);

/**
 * The analysis of a workflow under a what-if: the what-if is checked and applied once (shared/whatIf), and
 * the engine below sees only the overridden workflow and roles.
 */
export function analyzeWorkflow(
  workflow: Workflow,
  roles: readonly Role[],
  options: AnalysisOptions = {},
): AnalysisResult {
  const applied = applyWhatIf(workflow, roles, options);
  if (!applied.ok) return invalidOption(workflow, applied.message);
  return analyzeFlow(applied.workflow, applied.roles, options, applied.warnings);
}

const refOf = (workflow: Workflow): WorkflowRef => ({
  id: workflow.id,
  name: workflow.name,
  kind: workflow.kind,
  redesignOfId: workflow.redesignOfId,
});

const invalidOption = (workflow: Workflow, message: string): AnalysisFailure => ({
  ok: false,
  workflow: refOf(workflow),
  error: { code: 'invalid-option', message, stepIds: [] },
});

/** What the engine takes besides the workflow and roles: never a what-if (it is applied before). */
export type FlowAnalysisOptions = Pick<AnalysisOptions, 'learningHoursPerWeek' | 'explain'>;

/**
 * The analysis of a workflow as it is, with the roles as they are (a what-if already applied): `warnings`
 * are the what-if's own, which come first.
 */
export function analyzeFlow(
  workflow: Workflow,
  roles: readonly Role[],
  options: FlowAnalysisOptions = {},
  whatIfWarnings: readonly string[] = [],
): AnalysisResult {
  const ref = refOf(workflow);
  const explain = options.explain ?? 'all';
  const warnings: string[] = [...whatIfWarnings];
  for (const [roleId, h] of Object.entries(options.learningHoursPerWeek ?? {})) {
    if (!(Number.isFinite(h) && h >= 0)) {
      return invalidOption(
        workflow,
        `The learning hours per week of role '${roleId}' must be at least 0 (got ${String(h)}).`,
      );
    }
  }
  const learningOf = (roleId: string) => options.learningHoursPerWeek?.[roleId] ?? 0;
  const anyLearning = Object.values(options.learningHoursPerWeek ?? {}).some((h) => h > 0);
  const volume = workflow.volumePerWeek;

  const outOfRange = inputOutOfRange(workflow, roles, volume);
  if (outOfRange !== null) {
    return {
      ok: false,
      workflow: ref,
      error: { code: 'out-of-range', message: `Out of range: ${outOfRange}.`, stepIds: [] },
    };
  }

  const solved = computeVisits(workflow);
  if (!solved.ok) return { ok: false, workflow: ref, error: solved.error };
  const { chain, visits } = solved;
  const explanations: Record<string, string> = {};

  // Roles that do steps of this workflow, in the order given.
  const roleById = new Map<string, Role>();
  for (const r of roles) if (!roleById.has(r.id)) roleById.set(r.id, r);
  const usedRoleIds = new Set<string>();
  for (const s of workflow.steps) {
    if ((s.type === 'task' || s.type === 'review') && s.roleId !== null && roleById.has(s.roleId))
      usedRoleIds.add(s.roleId);
  }
  const usedRoles = [...roleById.values()].filter((r) => usedRoleIds.has(r.id));
  const roleIndex = new Map(usedRoles.map((r, i) => [r.id, i]));
  const roleSteps: number[][] = usedRoles.map(() => []);

  // Per-step figures that do not depend on queues.
  const n = workflow.steps.length;
  const steps: StepAnalysis[] = new Array<StepAnalysis>(n);
  const secondMoments = new Float64Array(n);
  const aiPools: { step: number; pool: PoolQueue; concurrency: number }[] = [];
  let noRoleSteps = 0;
  for (let i = 0; i < n; i++) {
    const step = workflow.steps[i]!;
    const v = visits[i]!;
    const base: StepAnalysis = {
      id: step.id,
      name: step.name,
      type: step.type,
      mode: null,
      roleId: null,
      visits: v,
      meanMinutes: 0,
      sdMinutes: 0,
      hoursPerWeek: 0,
      aiRunsPerWeek: null,
      waitMinutes: 0,
      costPerCase: 0,
      aiCostPerCase: 0,
    };
    steps[i] = base;
    if (step.type !== 'task' && step.type !== 'review') continue;
    const est = pert(step.duration);
    secondMoments[i] = est.secondMoment;
    base.meanMinutes = est.mean;
    base.sdMinutes = est.sd;
    base.mode = step.type === 'review' ? 'human' : step.mode;
    if (step.type === 'task' && step.aiCostPerRun > 0) {
      // Every visit of an AI-automated or AI-assisted task runs the AI once; people without AI run none.
      if (step.mode === 'human') {
        if (v > 0)
          warnings.push(
            `Step '${step.name}' is done by people without AI: its AI cost per run (${f(step.aiCostPerRun)}) is not counted.`,
          );
      } else base.aiCostPerCase = base.costPerCase = v * step.aiCostPerRun;
    }
    if (step.type === 'task' && step.mode === 'ai-automated') {
      base.aiRunsPerWeek = volume * v;
      const concurrency = step.aiConcurrency;
      if (concurrency !== null && concurrency > 0) {
        const pool = poolQueue({
          headcount: concurrency,
          hoursPerWeek: MINUTES_PER_WEEK / 60,
          arrivalsPerWeek: volume * v,
          meanService: est.mean,
          serviceScv: est.cv * est.cv,
        });
        aiPools.push({ step: i, pool, concurrency });
        base.waitMinutes = pool.waitMinutes;
      }
      continue;
    }
    base.hoursPerWeek = (volume * v * est.mean) / 60;
    const r = step.roleId === null ? undefined : roleIndex.get(step.roleId);
    if (r === undefined) {
      noRoleSteps++;
      base.waitMinutes = null;
      if (v > 0) {
        const why =
          step.roleId === null ? 'has no role' : `names a role that does not exist ('${step.roleId}')`;
        warnings.push(
          `Step '${step.name}' ${why}: its ${f(base.hoursPerWeek)} h/week are counted in no role's load, with no cost and no queue.`,
        );
      }
      continue;
    }
    base.roleId = usedRoles[r]!.id;
    roleSteps[r]!.push(i);
  }

  // Roles: load, capacity, utilization and their queue.
  const pools: PoolQueue[] = [];
  const roleResults: RoleAnalysis[] = usedRoles.map((role, r) => {
    const members = roleSteps[r]!;
    const headcount = role.headcount;
    let visitsPerCase = 0;
    let loadMinutesPerCase = 0;
    let secondMomentSum = 0;
    for (const i of members) {
      visitsPerCase += visits[i]!;
      loadMinutesPerCase += visits[i]! * steps[i]!.meanMinutes;
      secondMomentSum += visits[i]! * secondMoments[i]!;
    }
    // The work mix: one part with the visit-weighted sums is the same mixture (see mixServiceTimes).
    const mix = mixServiceTimes([
      {
        weight: visitsPerCase,
        mean: visitsPerCase > 0 ? loadMinutesPerCase / visitsPerCase : 0,
        secondMoment: visitsPerCase > 0 ? secondMomentSum / visitsPerCase : 0,
      },
    ]);
    // Learning time leaves fewer hours per person for the queue.
    const learning = learningOf(role.id);
    const capacity = headcount * role.hoursPerWeek;
    const pool = poolQueue({
      headcount,
      hoursPerWeek:
        learning > 0 && headcount > 0
          ? Math.max(0, role.hoursPerWeek - learning / headcount)
          : role.hoursPerWeek,
      arrivalsPerWeek: volume * visitsPerCase,
      meanService: mix.mean,
      serviceScv: mix.scv,
    });
    const loadHours = (volume * loadMinutesPerCase) / 60;
    let utilization = pool.utilization;
    let stable = pool.stable;
    if (learning > 0) {
      utilization = capacity > 0 ? (loadHours + learning) / capacity : null;
      stable = utilization !== null && utilization < 1;
    }
    const result: RoleAnalysis = {
      id: role.id,
      name: role.name,
      headcount,
      hoursPerPersonPerWeek: role.hoursPerWeek,
      costPerHour: role.costPerHour,
      visitsPerCase,
      loadMinutesPerCase,
      loadHoursPerWeek: loadHours,
      learningHoursPerWeek: learning,
      capacityHoursPerWeek: capacity,
      utilization,
      servers: pool.servers,
      meanServiceMinutes: mix.mean,
      serviceScv: mix.scv,
      probabilityOfWaiting: pool.probabilityOfWaiting,
      waitMinutes: stable ? pool.waitMinutes : null,
      stable,
    };
    for (const i of members) {
      const s = steps[i]!;
      s.waitMinutes = pool.waitMinutes;
      s.costPerCase = ((s.visits * s.meanMinutes) / 60) * role.costPerHour + s.aiCostPerCase;
    }
    pools.push(pool);
    return result;
  });

  // Bottleneck: highest work per case relative to capacity (the same ranking as utilization, but also
  // defined at volume 0). A role with work and no capacity ranks first.
  let bottleneckRole: RoleAnalysis | null = null;
  let worst = -1;
  for (const role of roleResults) {
    if (!(role.loadMinutesPerCase > 0)) continue;
    // With learning time the ranking is by utilization (load + learning) / capacity, for every role alike.
    const ratio =
      role.capacityHoursPerWeek > 0
        ? anyLearning
          ? (role.loadHoursPerWeek + role.learningHoursPerWeek) / role.capacityHoursPerWeek
          : role.loadMinutesPerCase / role.capacityHoursPerWeek
        : Infinity;
    if (ratio > worst) {
      worst = ratio;
      bottleneckRole = role;
    }
  }
  const bottleneck: Bottleneck | null = bottleneckRole
    ? { roleId: bottleneckRole.id, utilization: bottleneckRole.utilization }
    : null;
  const maxVolumePerWeek = bottleneckRole
    ? Math.max(0, bottleneckRole.capacityHoursPerWeek - bottleneckRole.learningHoursPerWeek) /
      (bottleneckRole.loadMinutesPerCase / 60)
    : null;
  let overload: Overload | null = null;
  if (bottleneckRole && maxVolumePerWeek !== null) {
    const u = bottleneckRole.utilization;
    if (u === null || u > 1) {
      const perPerson = bottleneckRole.hoursPerPersonPerWeek;
      overload = {
        roleId: bottleneckRole.id,
        utilization: u,
        excessHoursPerWeek:
          bottleneckRole.loadHoursPerWeek +
          bottleneckRole.learningHoursPerWeek -
          bottleneckRole.capacityHoursPerWeek,
        volumeThatFits: maxVolumePerWeek,
        headcountNeeded:
          perPerson > 0
            ? Math.ceil(
                (bottleneckRole.loadHoursPerWeek + bottleneckRole.learningHoursPerWeek) / perPerson - 1e-9,
              )
            : null,
      };
    }
  }

  // Cost over all steps (every branch of a parallel block does its work), and the time along the path.
  let processing = 0;
  let waiting: number | null = 0;
  let people = 0;
  let ai = 0;
  for (let i = 0; i < n; i++) {
    const s = steps[i]!;
    processing += s.visits * s.meanMinutes;
    people += s.costPerCase - s.aiCostPerCase;
    ai += s.aiCostPerCase;
    if (s.visits > 0 && s.waitMinutes === null && (s.roleId !== null || s.mode === 'ai-automated')) {
      waiting = null;
    } else if (waiting !== null && s.waitMinutes !== null) waiting += s.visits * s.waitMinutes;
  }
  // Parallel branches run at the same time: a case waits for the slowest branch, not for all in a row.
  let path: LongestPath | null = null;
  if (chain.parallelBlocks.length > 0) {
    const none: PathTime = { work: 0, wait: 0 };
    const time = (id: string): PathTime => {
      const s = steps[chain.index.get(id)!];
      if (!s) return none;
      return { work: s.visits * s.meanMinutes, wait: s.waitMinutes === null ? 0 : s.visits * s.waitMinutes };
    };
    path = longestPath(
      chain.parallelBlocks,
      { work: processing, wait: waiting ?? 0 },
      time,
      waiting === null ? 'work' : 'total',
    );
    processing = path.work;
    if (waiting !== null) waiting = path.wait;
  }
  const stable = roleResults.every((r) => r.stable) && aiPools.every((p) => p.pool.stable);
  const total = waiting === null ? null : processing + waiting;

  const analysis: WorkflowAnalysis = {
    ok: true,
    workflow: ref,
    volumePerWeek: volume,
    steps,
    roles: roleResults,
    bottleneck,
    maxVolumePerWeek,
    overload,
    cycleTimeMinutes: { processing, waiting, total },
    costPerCase: { people, ai, total: people + ai },
    stable,
    warnings,
    explanations,
  };
  if (explain !== 'none') {
    const perStep = explain === 'all';
    if (perStep) {
      explainSteps(analysis, workflow.steps, aiPools, roleSteps);
      explainVisits(explanations, chain, visits);
    }
    roleResults.forEach((role, r) =>
      explainRole(explanations, role, roleSteps[r]!, steps, volume, pools[r]!, perStep),
    );
    explainWorkflow(analysis, bottleneckRole, noRoleSteps, path);
  }
  // Within the bounds every figure is finite and normal (test/unit/analysis/domain.test.ts); this guard
  // makes sure a figure that is not never reaches a screen or a report.
  const unfit = firstUnfitFigure(analysis, '', TEXT_FIELDS);
  if (unfit !== null) {
    return {
      ok: false,
      workflow: ref,
      error: {
        code: 'out-of-range',
        message: `The figure ${unfit} is out of the range the analysis can show; check the workflow's numbers.`,
        stepIds: [],
      },
    };
  }
  return analysis;
}

function explainRole(
  out: Record<string, string>,
  role: RoleAnalysis,
  members: readonly number[],
  steps: readonly StepAnalysis[],
  volume: number,
  pool: PoolQueue,
  perStep: boolean,
): void {
  const key = `roles.${role.id}`;
  const shown = members.slice(0, 8).map((i) => `${f(steps[i]!.visits)} × ${f(steps[i]!.meanMinutes)}`);
  if (members.length > 8) shown.push(`… ${members.length - 8} more`);
  out[`${key}.loadHoursPerWeek`] =
    `Load = volume × Σ(visits × mean minutes) / 60 over the role's ${members.length} step(s) = ` +
    `${f(volume)} × (${shown.join(' + ') || '0'}) / 60 = ${f(volume)} × ${f(role.loadMinutesPerCase)} / 60 = ` +
    `${f(role.loadHoursPerWeek)} h/week.`;
  out[`${key}.capacityHoursPerWeek`] =
    `Capacity = headcount × hours per person per week = ${f(role.headcount)} × ${f(role.hoursPerPersonPerWeek)} = ${f(role.capacityHoursPerWeek)} h/week.`;
  const learning = role.learningHoursPerWeek;
  out[`${key}.utilization`] =
    role.utilization === null
      ? `The role has ${f(role.loadHoursPerWeek)} h/week of work but no capacity (headcount × hours = 0).`
      : learning > 0
        ? `Utilization = (load + learning) / capacity = (${f(role.loadHoursPerWeek)} + ${f(learning)}) / ${f(role.capacityHoursPerWeek)} = ${formatPercent(role.utilization)}; the learning time (coaching, pairing, retros, courses) comes out of the role's hours.`
        : `Utilization = load / capacity = ${f(role.loadHoursPerWeek)} / ${f(role.capacityHoursPerWeek)} = ${formatPercent(role.utilization)}.`;
  let wait: string;
  if (!(role.loadMinutesPerCase > 0)) wait = 'No work arrives at this role, so nothing waits.';
  else if (role.waitMinutes === null) {
    wait =
      `Unstable: the work (${f(role.loadHoursPerWeek)} h/week) reaches or exceeds the capacity ` +
      `(${f(role.capacityHoursPerWeek)} h/week), so the queue grows without limit and no mean wait exists.`;
  } else {
    wait =
      `Allen–Cunneen G/G/c over the role's working time: Wq ≈ C(c, a) / (cμ − λ) × (ca² + cs²) / 2 with ` +
      `c = ${pool.servers} server(s) each working ${f(pool.serverMinutesPerWeek / 60)} h/week, ` +
      `λ = ${f(volume)} × ${f(role.visitsPerCase)} visits / ${f(pool.serverMinutesPerWeek)} min = ${f(pool.arrivalRate)} per min, ` +
      `E[S] = ${f(role.meanServiceMinutes)} min (visit-weighted PERT means), a = λ·E[S] = ${f(pool.offeredLoad)}, ` +
      `Erlang C = ${f(role.probabilityOfWaiting ?? 0)}, ca² = 1 (random arrivals), cs² = ${f(role.serviceScv)} → ` +
      `${f(role.waitMinutes)} min per visit.`;
  }
  out[`${key}.waitMinutes`] = wait;
  if (!perStep) return;
  const stepWait =
    role.waitMinutes === null
      ? `Role '${role.name}' is overloaded, so the wait grows without limit.`
      : `The mean wait in the queue of role '${role.name}', shared by all its steps: ${f(role.waitMinutes)} min per visit.`;
  const rate = f(role.costPerHour);
  for (const i of members) {
    const s = steps[i]!;
    out[`steps.${s.id}.waitMinutes`] = stepWait;
    const peopleCost = s.costPerCase - s.aiCostPerCase;
    out[`steps.${s.id}.costPerCase`] =
      s.aiCostPerCase > 0
        ? `People: visits × mean / 60 × cost per hour = ${f(s.visits)} × ${f(s.meanMinutes)} / 60 × ${rate} = ${f(peopleCost)}; ` +
          `AI: visits × AI cost per run = ${f(s.aiCostPerCase)}; together ${f(s.costPerCase)}.`
        : `visits × mean / 60 × cost per hour = ${f(s.visits)} × ${f(s.meanMinutes)} / 60 × ${rate} = ${f(s.costPerCase)}.`;
  }
}

/** Explanations of the per-step figures that do not depend on the role queues. */
function explainSteps(
  a: WorkflowAnalysis,
  source: readonly Step[],
  aiPools: readonly { step: number; pool: PoolQueue; concurrency: number }[],
  roleSteps: readonly (readonly number[])[],
): void {
  const out = a.explanations;
  const volume = f(a.volumePerWeek);
  const poolOf = new Map(aiPools.map((p) => [p.step, p]));
  const withRole = new Set(roleSteps.flat());
  a.steps.forEach((s, i) => {
    const step = source[i]!;
    if (step.type !== 'task' && step.type !== 'review') return;
    const key = `steps.${s.id}`;
    const { min, likely, max } = step.duration;
    const v = f(s.visits);
    const mean = f(s.meanMinutes);
    out[`${key}.meanMinutes`] =
      `PERT mean (a + 4m + b) / 6 = (${f(min)} + 4 × ${f(likely)} + ${f(max)}) / 6 = ${mean} min; ` +
      `standard deviation (b − a) / 6 = (${f(max)} − ${f(min)}) / 6 = ${f(s.sdMinutes)} min.`;
    if (step.type === 'task' && s.mode === 'ai-automated') {
      out[`${key}.hoursPerWeek`] =
        `AI-automated: no person time. AI runs per week = volume × visits = ${volume} × ${v} = ${f(s.aiRunsPerWeek ?? 0)}.`;
      out[`${key}.costPerCase`] =
        `visits × AI cost per run = ${v} × ${f(step.aiCostPerRun)} = ${f(s.costPerCase)}.`;
      const p = poolOf.get(i);
      out[`${key}.waitMinutes`] = !p
        ? 'AI-automated with no concurrency limit given: runs start at once, no wait.'
        : p.pool.waitMinutes === null
          ? `The AI pool (${f(p.concurrency)} concurrent runs, around the clock) is overloaded: ${f(s.aiRunsPerWeek ?? 0)} runs × ${mean} min need ${formatPercent(p.pool.utilization)} of its capacity, so the wait grows without limit.`
          : `Allen–Cunneen queue of ${p.pool.servers} concurrent AI runs over the whole week: ${f(p.pool.waitMinutes)} min per visit.`;
      return;
    }
    out[`${key}.hoursPerWeek`] =
      `volume × visits × mean / 60 = ${volume} × ${v} × ${mean} / 60 = ${f(s.hoursPerWeek)} h/week.`;
    if (!withRole.has(i)) {
      out[`${key}.waitMinutes`] = 'No role does this step, so there is no queue to wait in.';
      out[`${key}.costPerCase`] =
        s.aiCostPerCase > 0
          ? `No role does this step, so its people cost is unknown (0); AI: visits × AI cost per run = ${f(s.aiCostPerCase)}.`
          : 'No role does this step, so its cost is unknown (0).';
    }
  });
}

/** Visits: v_j = [j = start] + Σ vᵢ · P(i → j), with the contributions named. */
function explainVisits(out: Record<string, string>, chain: MarkovChain, visits: Float64Array): void {
  const n = chain.ids.length;
  const { outStart, outTo } = chain;
  // Incoming transitions, compressed: those into j at inStart[j] … inStart[j + 1] − 1 (ids into outTo).
  const inStart = new Int32Array(n + 1);
  for (let k = 0; k < outTo.length; k++) inStart[outTo[k]! + 1]!++;
  for (let j = 0; j < n; j++) inStart[j + 1]! += inStart[j]!;
  const inEdge = new Int32Array(outTo.length);
  const inFrom = new Int32Array(outTo.length);
  const fill = inStart.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let k = outStart[i]!; k < outStart[i + 1]!; k++) {
      const at = fill[outTo[k]!]!++;
      inEdge[at] = k;
      inFrom[at] = i;
    }
  }
  const formatted: string[] = new Array<string>(n);
  const fv = (i: number) => (formatted[i] ??= f(visits[i]!));
  // Joins: the split whose branches they close, and how many branches that is.
  const joins = new Map<number, { split: string; branches: number }>();
  for (const b of chain.parallelBlocks) {
    const split = chain.steps[chain.index.get(b.splitId)!]!.name;
    joins.set(chain.index.get(b.joinId)!, { split, branches: b.branches.length });
  }
  for (let j = 0; j < n; j++) {
    const key = `steps.${chain.ids[j]!}.visits`;
    if (j === chain.start) {
      out[key] = 'Every case starts here: 1 visit per case.';
      continue;
    }
    if (visits[j] === 0) {
      out[key] = 'Not reached from the start: 0 visits per case.';
      continue;
    }
    const terms: string[] = [];
    let looped = false;
    let count = 0;
    const join = joins.get(j);
    for (let u = inStart[j]!; u < inStart[j + 1]!; u++) {
      const i = inFrom[u]!;
      if (!(visits[i]! > 0)) continue;
      const k = inEdge[u]!;
      const kind = TRANSITION_KINDS[chain.outKind[k]!]!;
      if (kind === 'rework') looped = true;
      if (++count > 6) continue;
      const from = `${KIND_WORDS[kind]} from '${chain.steps[i]!.name}'`;
      if (join) terms.push(`${f(visits[i]! * chain.outProbability[k]! * join.branches)} (${from})`);
      else if (kind === 'fork') terms.push(`${fv(i)} (${from}: every branch runs)`);
      else terms.push(`${fv(i)} × ${formatPercent(chain.outProbability[k]!)} (${from})`);
    }
    if (count > 6) terms.push(`… ${count - 6} more`);
    if (join) {
      out[key] =
        `Parallel join of '${join.split}': it goes on once all ${join.branches} branches have arrived, so its visits ` +
        `= arrivals from the branches / ${join.branches} = (${terms.join(' + ')}) / ${join.branches} = ${fv(j)}.`;
      continue;
    }
    out[key] =
      `Expected visits per case = Σ visits of each preceding step × probability of coming here = ` +
      `${terms.join(' + ')} = ${fv(j)}` +
      (looped
        ? '. A loop feeds back into this step, so the visits solve v = e_start + Qᵀv exactly (absorbing Markov chain).'
        : '.');
  }
}

function explainWorkflow(
  a: WorkflowAnalysis,
  bottleneck: RoleAnalysis | null,
  noRoleSteps: number,
  path: LongestPath | null,
): void {
  const out = a.explanations;
  out.volumePerWeek = `Cases per week: ${f(a.volumePerWeek)}.`;

  if (bottleneck && a.bottleneck) {
    out.bottleneck =
      `'${bottleneck.name}' has the highest utilization (${formatPercent(bottleneck.utilization)}): ` +
      `${f(bottleneck.loadHoursPerWeek)} h/week of work against ${f(bottleneck.capacityHoursPerWeek)} h/week of capacity. ` +
      `Work piles up here first as volume grows.`;
    out.maxVolumePerWeek =
      `Capacity of the bottleneck / its work per case = ${f(bottleneck.capacityHoursPerWeek)} h / ` +
      `(${f(bottleneck.loadMinutesPerCase)} min / 60) = ${f(a.maxVolumePerWeek ?? 0)} cases/week ` +
      `before '${bottleneck.name}' reaches 100%.`;
  } else {
    out.bottleneck = 'No person works on this workflow, so there is no bottleneck among roles.';
    out.maxVolumePerWeek = 'No person works on this workflow, so no role limits the volume.';
  }
  if (a.overload && bottleneck) {
    const o = a.overload;
    out.overload =
      `'${bottleneck.name}' needs ${f(bottleneck.loadHoursPerWeek)} h/week but has ${f(bottleneck.capacityHoursPerWeek)}: ` +
      `${f(o.excessHoursPerWeek)} h/week too many. Current staff fits ${f(o.volumeThatFits)} cases/week; ` +
      (o.headcountNeeded === null
        ? 'the role works 0 hours a week, so no headcount is enough.'
        : `${o.headcountNeeded} people = ⌈${f(bottleneck.loadHoursPerWeek)} / ${f(bottleneck.hoursPerPersonPerWeek)}⌉ are needed.`);
  } else {
    out.overload = 'No role is over 100% of its capacity.';
  }

  const ct = a.cycleTimeMinutes;
  const over = path ? 'along the longest path (see the cycle time)' : 'over all steps';
  out['cycleTimeMinutes.processing'] =
    `Σ visits × PERT mean ${over} = ${f(ct.processing)} min of hands-on (or AI) time per case` +
    (path ? '; the work of every parallel branch still counts in load and cost.' : '.');
  out['cycleTimeMinutes.waiting'] =
    ct.waiting === null
      ? 'A queue on the path is unstable (over 100%), so the expected waiting time is unbounded.'
      : `Σ visits × mean wait in the role's queue ${over} = ${f(ct.waiting)} min per case (working time)` +
        (noRoleSteps > 0 ? `; ${noRoleSteps} step(s) without a role count no wait.` : '.');
  const sum = `processing + waiting = ${f(ct.processing)} + ${f(ct.waiting ?? 0)} = ${f(ct.total ?? 0)} min per case, in working minutes of the roles involved.`;
  if (ct.total === null) out['cycleTimeMinutes.total'] = 'Unbounded: a queue on the path is over 100%.';
  else if (!path) out['cycleTimeMinutes.total'] = sum;
  else {
    const names = new Map(a.steps.map((s) => [s.id, s.name]));
    const name = (id: string | null) => (id === null ? '(straight to the join)' : `'${names.get(id) ?? id}'`);
    const shown = [...path.blocks]
      .reverse()
      .slice(0, 5)
      .map((b) => {
        const times = b.branches.map((t) => `${name(t.firstStepId)} ${f(t.work + t.wait)}`);
        const slow = b.branches[b.slowest]!;
        return `split ${name(b.splitId)}: branches ${times.join(', ')} → ${f(slow.work + slow.wait)} min`;
      });
    if (path.blocks.length > 5) shown.push(`… ${path.blocks.length - 5} more blocks`);
    out['cycleTimeMinutes.total'] =
      'The longest expected path from start to end: steps one after another add up visits × (mean + wait), and a ' +
      'parallel block takes as long as its slowest branch, since its branches run at the same time (nested ' +
      `blocks likewise; branch times in minutes, starting step named). ${shown.join('; ')}. Along that path ${sum} ` +
      'This uses the expected time of each branch; when branch times vary, waiting for the slowest branch takes ' +
      'somewhat longer on average (the simulation measures it).';
  }
  const c = a.costPerCase;
  out['costPerCase.people'] =
    `Σ visits × mean / 60 × cost per hour of the step's role = ${f(c.people)} per case.`;
  out['costPerCase.ai'] =
    `Σ visits × AI cost per run over AI-automated and AI-assisted tasks = ${f(c.ai)} per case.`;
  out['costPerCase.total'] = `people + AI = ${f(c.people)} + ${f(c.ai)} = ${f(c.total)} per case.`;
  out.stable = a.stable
    ? 'Every role (and AI pool) is below 100% of its capacity.'
    : `Over capacity: ${[
        ...a.roles.filter((r) => !r.stable).map((r) => `'${r.name}'`),
        ...a.steps
          .filter((s) => s.mode === 'ai-automated' && s.waitMinutes === null)
          .map((s) => `AI step '${s.name}'`),
      ].join(', ')}.`;
}
