/**
 * The simulation model of a workflow: its routing (routing.ts), the processing time of every step, and the
 * pools of people that steps queue for, all compiled into flat typed arrays indexed by step or pool.
 *
 * The clock. The simulation runs one common clock of CLOCK_MINUTES_PER_WEEK = 2,400 minutes a week (a
 * 40-hour reference week); cases arrive at volumePerWeek per clock week. People work different hours, so
 * each role is modelled, like in the analytic engine (shared/analysis/queueing.ts, poolQueue), as a queue of
 * c = ⌊headcount⌋ servers (at least 1 when headcount > 0) that together keep the role's exact capacity:
 * each server works m = headcount × hoursPerWeek × 60 / c minutes per week. A server works through those m
 * working minutes in one clock week, so s minutes of work take s × 2400 / m clock minutes (`toClock`), and a
 * wait of w clock minutes is w × m / 2400 minutes of the role's working time (`toWork`). Then
 *
 *   utilisation = busy server time / (c × clock time) = work / (headcount × hoursPerWeek × 60 per week),
 *
 * and waits, in the role's working minutes, are those of an M/G/c queue over the role's working time: the
 * quantities the analytic engine's Erlang C / Allen–Cunneen formulas estimate, directly comparable.
 *
 * An AI-automated step with a concurrency limit (aiConcurrency = c) is a pool of its own in the same way,
 * with c servers working around the clock (10,080 minutes a week each, as the analytic engine takes AI pools
 * to); its waits are in minutes. Steps that nobody queues for run on infinitely many servers (they start at
 * once): AI-automated steps without a concurrency limit (their minutes also run around the clock) and work
 * steps with no role or a role that is not in the workspace (their minutes are taken as a 40-hour week).
 * Start, decision and parallel (split, join, pass-through) steps take no time.
 */
import type { ReviewStep, Role, Step, TaskStep, Workflow } from '../model/schema';
import { gammaConstants, pertShape } from './random';
import { compileRouting } from './routing';
import type { Routing } from './routing';
import type { ServiceDistribution, SimulationError } from './types';

/** Clock minutes per simulated week: a 40-hour reference week. */
export const CLOCK_MINUTES_PER_WEEK = 40 * 60;
/** Minutes in a calendar week: AI-automated steps run around the clock. */
export const AI_MINUTES_PER_WEEK = 7 * 24 * 60;
/** Minutes per week of a work step that no role does: a 40-hour week. */
export const NO_ROLE_MINUTES_PER_WEEK = 40 * 60;

/** Service-time kinds per step. */
export const SERVICE_NONE = 0;
export const SERVICE_FIXED = 1;
export const SERVICE_PERT = 2;
export const SERVICE_EXPONENTIAL = 3;

export interface Pool {
  /** A role's people, or one AI-automated step's limited concurrency. */
  kind: 'role' | 'ai';
  /** The role's id, or the AI step's id. */
  id: string;
  name: string;
  /** Headcount (what-if applied), or the AI step's concurrency. */
  headcount: number;
  /** Working hours per week of one unit of headcount (168 for AI). */
  hoursPerWeek: number;
  /** c; 0 when the role has no capacity (headcount or hours 0). */
  servers: number;
  /** m, working minutes of one server per week. */
  serverMinutesPerWeek: number;
  /** Clock minutes per minute of work: 2400 / m (0 without capacity). */
  toClock: number;
  /** Working minutes per clock minute: m / 2400. */
  toWork: number;
}

export interface SimulationModel {
  routing: Routing;
  /** Pool index per step, −1 for steps that do not queue. */
  pool: Int32Array;
  pools: Pool[];
  /** SERVICE_* per step. */
  service: Uint8Array;
  /** Minimum a (the fixed time for SERVICE_FIXED), range b − a, and the PERT mean (a + 4m + b) / 6. */
  min: Float64Array;
  range: Float64Array;
  mean: Float64Array;
  /** Marsaglia–Tsang constants of the PERT-Beta's Gamma(α) and Gamma(β). */
  alphaD: Float64Array;
  alphaC: Float64Array;
  betaD: Float64Array;
  betaC: Float64Array;
  /** Clock minutes per minute of processing, for steps that do not queue. */
  clockScale: Float64Array;
  /** The mean processing time in clock minutes (the pool's scale for queued steps): the offered work. */
  meanClock: Float64Array;
  /**
   * AI cost of one visit: the step's aiCostPerRun for AI-automated and AI-assisted tasks (every visit runs the
   * AI once, as in the analytic engine); 0 for other steps.
   */
  aiCost: Float64Array;
  warnings: string[];
}

export type ModelResult = { ok: true; model: SimulationModel } | { ok: false; error: SimulationError };

/** The number of servers of a pool of (possibly fractional) headcount: ⌊h⌋, at least 1 if h > 0. */
export function serversFor(headcount: number): number {
  return headcount > 0 ? Math.max(1, Math.floor(headcount)) : 0;
}

/**
 * The simulation's tables for a workflow and its roles (a what-if already applied: shared/whatIf); `warnings`
 * start with the what-if's own.
 */
export function buildModel(
  workflow: Pick<Workflow, 'steps' | 'edges'>,
  roles: readonly Role[],
  options: { serviceDistribution?: ServiceDistribution; warnings?: readonly string[] } = {},
): ModelResult {
  const routed = compileRouting(workflow);
  if (!routed.ok) return routed;
  const warnings: string[] = [...(options.warnings ?? [])];
  const steps = workflow.steps;
  const exponential = options.serviceDistribution === 'exponential';
  const { pools, poolIndex } = rolePools(steps, roles, warnings);
  for (const step of steps) {
    if (step.type === 'task' && step.learningCurve) {
      warnings.push(
        `Step '${step.name}' has a learning curve: the simulation uses today's times throughout (no learning over the run).`,
      );
    }
    if (step.type === 'review' && step.feedbackLoop) {
      warnings.push(
        `Review '${step.name}' has a feedback loop: the simulation uses today's rejection rate throughout.`,
      );
    }
  }
  const tables = stepTables(steps.length);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.type !== 'task' && step.type !== 'review') continue;
    if (step.type === 'task' && step.aiCostPerRun > 0) {
      if (step.mode !== 'human') tables.aiCost[i] = step.aiCostPerRun;
      else {
        warnings.push(
          `Step '${step.name}' is done by people without AI: its AI cost per run is not counted.`,
        );
      }
    }
    setService(tables, i, step.duration, exponential);
    placeStep(tables, i, step, pools, poolIndex, warnings);
  }
  return { ok: true, model: { routing: routed.routing, pools, ...tables, warnings } };
}

/** The pools of the roles doing person steps of this workflow, in the order the roles are given. */
function rolePools(
  steps: readonly Step[],
  roles: readonly Role[],
  warnings: string[],
): { pools: Pool[]; poolIndex: Map<string, number> } {
  const roleById = new Map<string, Role>();
  for (const r of roles) if (!roleById.has(r.id)) roleById.set(r.id, r);
  const used = new Set<string>();
  for (const s of steps) {
    if (s.type === 'review' || (s.type === 'task' && s.mode !== 'ai-automated')) {
      if (s.roleId !== null && roleById.has(s.roleId)) used.add(s.roleId);
    }
  }
  const pools: Pool[] = [];
  const poolIndex = new Map<string, number>();
  for (const role of roleById.values()) {
    if (!used.has(role.id)) continue;
    const headcount = role.headcount;
    const capacity = headcount * role.hoursPerWeek * 60;
    const servers = capacity > 0 ? serversFor(headcount) : 0;
    const serverMinutesPerWeek = servers > 0 ? capacity / servers : 0;
    poolIndex.set(role.id, pools.length);
    pools.push({
      kind: 'role',
      id: role.id,
      name: role.name,
      headcount,
      hoursPerWeek: role.hoursPerWeek,
      servers,
      serverMinutesPerWeek,
      toClock: servers > 0 ? CLOCK_MINUTES_PER_WEEK / serverMinutesPerWeek : 0,
      toWork: serverMinutesPerWeek / CLOCK_MINUTES_PER_WEEK,
    });
    if (servers === 0) {
      warnings.push(
        `Role '${role.name}' has no capacity (headcount × hours per week is 0), so work for it waits for ever.`,
      );
    }
  }
  return { pools, poolIndex };
}

type StepTables = Omit<SimulationModel, 'routing' | 'pools' | 'warnings'>;

function stepTables(n: number): StepTables {
  return {
    pool: new Int32Array(n).fill(-1),
    service: new Uint8Array(n),
    min: new Float64Array(n),
    range: new Float64Array(n),
    mean: new Float64Array(n),
    alphaD: new Float64Array(n),
    alphaC: new Float64Array(n),
    betaD: new Float64Array(n),
    betaC: new Float64Array(n),
    clockScale: new Float64Array(n),
    meanClock: new Float64Array(n),
    aiCost: new Float64Array(n),
  };
}

/** How step i's processing time is drawn: PERT-Beta (with its Gamma constants), fixed, exponential or none. */
function setService(
  t: StepTables,
  i: number,
  duration: { min: number; likely: number; max: number },
  exponential: boolean,
): void {
  const { min: a, likely: m, max: b } = duration;
  t.min[i] = a;
  t.range[i] = b - a;
  t.mean[i] = (a + 4 * m + b) / 6;
  if (exponential) t.service[i] = t.mean[i]! > 0 ? SERVICE_EXPONENTIAL : SERVICE_NONE;
  else if (b > a) {
    t.service[i] = SERVICE_PERT;
    const shape = pertShape(a, m, b);
    const ga = gammaConstants(shape.alpha);
    const gb = gammaConstants(shape.beta);
    t.alphaD[i] = ga.d;
    t.alphaC[i] = ga.c;
    t.betaD[i] = gb.d;
    t.betaC[i] = gb.c;
  } else t.service[i] = a > 0 ? SERVICE_FIXED : SERVICE_NONE;
}

/**
 * Where step i waits: its own AI pool (an AI-automated step with a concurrency limit), its role's pool, or
 * no queue (AI without a limit, or no known role: it starts at once, with a warning for the latter).
 */
function placeStep(
  t: StepTables,
  i: number,
  step: TaskStep | ReviewStep,
  pools: Pool[],
  poolIndex: ReadonlyMap<string, number>,
  warnings: string[],
): void {
  const ai = step.type === 'task' && step.mode === 'ai-automated';
  const concurrency = step.type === 'task' && ai ? (step.aiConcurrency ?? null) : null;
  if (concurrency !== null && concurrency > 0) {
    const servers = serversFor(concurrency);
    const serverMinutesPerWeek = (concurrency * AI_MINUTES_PER_WEEK) / servers;
    t.pool[i] = pools.length;
    pools.push({
      kind: 'ai',
      id: step.id,
      name: step.name,
      headcount: concurrency,
      hoursPerWeek: AI_MINUTES_PER_WEEK / 60,
      servers,
      serverMinutesPerWeek,
      toClock: CLOCK_MINUTES_PER_WEEK / serverMinutesPerWeek,
      toWork: serverMinutesPerWeek / CLOCK_MINUTES_PER_WEEK,
    });
    t.meanClock[i] = t.mean[i]! * pools[t.pool[i]!]!.toClock;
    return;
  }
  const p = ai || step.roleId === null ? undefined : poolIndex.get(step.roleId);
  if (p !== undefined) {
    t.pool[i] = p;
    t.meanClock[i] = t.mean[i]! * pools[p]!.toClock;
    return;
  }
  t.clockScale[i] = CLOCK_MINUTES_PER_WEEK / (ai ? AI_MINUTES_PER_WEEK : NO_ROLE_MINUTES_PER_WEEK);
  t.meanClock[i] = t.mean[i]! * t.clockScale[i]!;
  if (!ai) {
    warnings.push(
      step.roleId === null
        ? `Step '${step.name}' has no role: it is simulated as starting at once, without a queue.`
        : `Step '${step.name}' names a role that is not in the workspace: it is simulated as starting at once, without a queue.`,
    );
  }
}
