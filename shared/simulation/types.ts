/**
 * Options and results of the workflow simulation (see simulate.ts for the model and its units). Results are
 * plain data (no functions, no typed arrays), so they can be posted from a Web Worker and stored as JSON.
 */
import type { StepType } from '../model/schema';
import type { FlowRefusalCode } from '../flow/refusals';

export type ServiceDistribution = 'pert' | 'exponential';

export interface SimulationOptions {
  /** Weeks measured per replication, after the warm-up. */
  weeks: number;
  /** Independent replications (1–10,000); the confidence intervals need at least 2. */
  replications: number;
  /** Any finite number; the same seed (and inputs) reproduces the same result exactly. */
  seed: number;
  /** Weeks simulated before measuring starts in each replication, so that queues can fill up (default 1). */
  warmupWeeks?: number;
  /** What-if case volume per week, instead of the workflow's. */
  volumePerWeek?: number;
  /** What-if headcount by role id, instead of the roles' own. */
  headcount?: Readonly<Record<string, number>>;
  /** What-if rejection rate (0–1) by review step id, instead of the reviews' own. */
  rejectionRate?: Readonly<Record<string, number>>;
  /** Stop after this many events over the whole run (default 50 million) and say so in the result. */
  maxEvents?: number;
  /**
   * @internal For tests against queueing formulas: 'exponential' replaces every PERT-Beta processing time by
   * an exponential one with the same mean (a + 4m + b) / 6. Default 'pert'.
   */
  serviceDistribution?: ServiceDistribution;
  /** Progress in simulated weeks (warm-up included) over all replications; about every 1% and per replication. */
  onProgress?(done: number, total: number): void;
  /** Polled every few thousand events; return true to stop, and the run returns `{ cancelled: true }`. */
  shouldCancel?(): boolean;
}

/** The options that describe a run, without the callbacks: what a Worker message carries. */
export type SimulationSettings = Omit<SimulationOptions, 'onProgress' | 'shouldCancel'>;

/** A figure over the replications: its mean and a 95% Student-t confidence interval [low, high]. */
export interface Estimate {
  mean: number;
  /** Half the interval's width; null with a single replication. */
  halfWidth: number | null;
  low: number;
  high: number;
  /** Replications that measured the figure. */
  n: number;
}

/** The figures of one first-come-first-served queue: a role's people, or an AI step with limited concurrency. */
export interface QueueSimulation {
  /** Servers of the queue: ⌊headcount⌋ (or concurrency), at least 1 when > 0; 0 when it has no capacity. */
  servers: number;
  /** Busy server time / (servers × measured time) = work done / capacity; null without capacity. */
  utilization: Estimate | null;
  /**
   * Work that arrived at the queue (visits × PERT mean) / capacity: at 1 or more the queue grows without
   * limit. When overloaded it understates the demand, since cases held up in the queue have not yet come
   * back for their later visits.
   */
  offeredLoad: Estimate | null;
  /** Time-average number of visits waiting (not counting those being worked on). */
  meanQueueLength: Estimate | null;
  /** Mean wait in the queue per visit, in minutes of the role's working time (AI: minutes). */
  waitMinutes: Estimate | null;
  /** Visits still waiting when the replication ended. */
  queueAtEnd: Estimate | null;
  /** The work arriving reaches or exceeds the capacity: waits keep growing with the length of the run. */
  overloaded: boolean;
}

export interface RoleSimulation extends QueueSimulation {
  id: string;
  name: string;
  /** Headcount used (the what-if value if one was given). */
  headcount: number;
  hoursPerPersonPerWeek: number;
}

/** An AI-automated step with a concurrency limit: a queue of its own, running around the clock. */
export interface AiStepSimulation extends QueueSimulation {
  stepId: string;
  name: string;
  concurrency: number;
}

export interface StepSimulation {
  id: string;
  name: string;
  type: StepType;
  /** The role whose queue the step waits in; null for AI-automated steps and steps without a known role. */
  roleId: string | null;
  /** Visits to the step per case that entered the workflow. */
  visitsPerCase: Estimate | null;
}

export interface HistogramBin {
  /** Lower edge, minutes. */
  from: number;
  /** Upper edge, minutes. */
  to: number;
  /** Share of finished cases in the bin (the shares add up to 1). */
  share: number;
}

export interface SimulationSummary {
  ok: true;
  cancelled: false;
  workflow: { id: string; name: string };
  settings: {
    weeks: number;
    warmupWeeks: number;
    replications: number;
    seed: number;
    volumePerWeek: number;
    serviceDistribution: ServiceDistribution;
    maxEvents: number;
  };
  /** Replications that measured anything (fewer than asked only when the event cap was hit). */
  replicationsDone: number;
  /** Events processed (case arrivals and ends of work on a step, one per branch), warm-up included. */
  events: number;
  /**
   * Cycle time of the cases finished while measuring: the sum, along each case's path, of its waits and
   * processing times, each in the working minutes of the step's role (AI steps: minutes). A parallel block
   * counts as its slowest branch: each branch sums its own time, and the join keeps the largest sum. Per
   * replication the mean, median and 90th percentile; the estimates summarise them over replications.
   */
  cycleTimeMinutes: { mean: Estimate | null; median: Estimate | null; p90: Estimate | null };
  /** Mean time from arrival to finish on the simulation clock, in weeks (see simulate.ts). */
  elapsedWeeks: Estimate | null;
  /** Cases finished per measured week. */
  throughputPerWeek: Estimate | null;
  /**
   * AI cost per case (currency of the roles' cost per hour): AI runs while measuring (visits to AI-automated
   * and AI-assisted tasks) × each step's AI cost per run, over the cases arrived while measuring.
   */
  aiCostPerCase: Estimate | null;
  /** Cases finished while measuring, over all replications. */
  completedCases: number;
  /** The roles that do steps of this workflow, in the order of the roles given. */
  roles: RoleSimulation[];
  /** AI-automated steps with a concurrency limit, in workflow order (unlimited AI steps never queue). */
  aiSteps: AiStepSimulation[];
  steps: StepSimulation[];
  /** Distribution of cycle times (minutes) over all replications, in 40 equal bins. */
  histogram: HistogramBin[];
  /** No role or AI step is overloaded and no cap was hit. */
  stable: boolean;
  overloadedRoleIds: string[];
  overloadedAiStepIds: string[];
  /** The run stopped at `maxEvents`; the last replication was measured only up to that point. */
  eventCapReached: boolean;
  /** A replication stopped because more than a few million cases were in the workflow at once. */
  backlogCapReached: boolean;
  /** Assumptions and problems worth telling the user, in their words. */
  warnings: string[];
}

/** The flow graph's refusals (shared/flow/refusals.ts), an unsupported step, or invalid options. */
export type SimulationErrorCode = FlowRefusalCode | 'unsupported-step' | 'invalid-option';

export interface SimulationError {
  code: SimulationErrorCode;
  message: string;
  /** The steps the problem is about (may be empty). */
  stepIds: string[];
}

export interface SimulationFailure {
  ok: false;
  cancelled: false;
  error: SimulationError;
}

export interface SimulationCancelled {
  ok: false;
  cancelled: true;
}

export type SimulationResult = SimulationSummary | SimulationFailure | SimulationCancelled;
