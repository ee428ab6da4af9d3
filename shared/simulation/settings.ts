/**
 * The settings of a simulation run, checked before anything runs, and the run that only reports why it
 * could not start.
 */
import type { Workflow } from '../model/schema';
import type { SimulationFailure, SimulationResult, SimulationSettings, SimulationSummary } from './types';

export const DEFAULT_MAX_EVENTS = 50_000_000;
export const DEFAULT_WARMUP_WEEKS = 1;
export const MAX_REPLICATIONS = 10_000;

/** A simulation that runs in slices, so that a Worker can answer messages (cancel) between them. */
export interface SimulationRun {
  /**
   * Processes up to `maxEvents` events; returns early when a replication ends. Returns true when the whole
   * run is finished (or was invalid or cancelled).
   */
  advance(maxEvents: number): boolean;
  /** Simulated weeks so far (warm-up included) over all replications. */
  readonly done: number;
  /** Simulated weeks of the whole run. */
  readonly total: number;
  /** Replications ended so far. */
  readonly replicationsEnded: number;
  cancel(): void;
  /** The result; call it once advance() has returned true. */
  result(): SimulationResult;
}

/** The checked settings of a run: what the result reports as its settings. */
export type RunSettings = SimulationSummary['settings'];

export type WorkflowInput = Pick<Workflow, 'id' | 'name' | 'steps' | 'edges' | 'volumePerWeek'>;

export function invalid(message: string): SimulationFailure {
  return { ok: false, cancelled: false, error: { code: 'invalid-option', message, stepIds: [] } };
}

/** The run's settings (the workflow's volume is the what-if one, applied before), or why they are invalid. */
export function checkSettings(
  workflow: WorkflowInput,
  options: SimulationSettings,
): RunSettings | SimulationFailure {
  const { weeks, replications, seed } = options;
  if (!(Number.isFinite(weeks) && weeks > 0)) {
    return invalid(`The number of weeks to simulate must be more than 0 (got ${String(weeks)}).`);
  }
  if (!(Number.isInteger(replications) && replications >= 1 && replications <= MAX_REPLICATIONS)) {
    return invalid(
      `The number of replications must be a whole number from 1 to ${MAX_REPLICATIONS} (got ${String(replications)}).`,
    );
  }
  if (!Number.isFinite(seed)) return invalid(`The seed must be a finite number (got ${String(seed)}).`);
  const warmupWeeks = options.warmupWeeks ?? DEFAULT_WARMUP_WEEKS;
  if (!(Number.isFinite(warmupWeeks) && warmupWeeks >= 0)) {
    return invalid(`The warm-up must be at least 0 weeks (got ${String(warmupWeeks)}).`);
  }
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  if (!(maxEvents >= 1)) return invalid(`The event cap must be at least 1 (got ${String(maxEvents)}).`);
  const serviceDistribution = options.serviceDistribution ?? 'pert';
  if (serviceDistribution !== 'pert' && serviceDistribution !== 'exponential') {
    return invalid(`Unknown service distribution '${String(serviceDistribution)}'.`);
  }
  return {
    weeks,
    warmupWeeks,
    replications,
    seed,
    volumePerWeek: workflow.volumePerWeek,
    serviceDistribution,
    maxEvents,
  };
}

export class FailedRun implements SimulationRun {
  readonly done = 0;
  readonly total = 0;
  readonly replicationsEnded = 0;
  private cancelled = false;
  constructor(private readonly failure: SimulationFailure) {}
  advance(): boolean {
    return true;
  }
  cancel(): void {
    this.cancelled = true;
  }
  result(): SimulationResult {
    return this.cancelled ? { ok: false, cancelled: true } : this.failure;
  }
}
