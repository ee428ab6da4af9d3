/**
 * Discrete-event Monte Carlo simulation of workflows: the public API. See simulate.ts for the model and
 * model.ts for the clock and units.
 */
export {
  simulateWorkflow,
  createSimulation,
  CHUNK_EVENTS,
  CYCLE_SAMPLE_LIMIT,
  DEFAULT_MAX_EVENTS,
  DEFAULT_WARMUP_WEEKS,
  HISTOGRAM_BINS,
  MAX_CASES_IN_SYSTEM,
  MAX_REPLICATIONS,
} from './simulate';
export type { SimulationRun } from './simulate';
export { createSimulationPart, mergeParts, splitReplications } from './parallel';
export type { ReplicationRange, SimulationPart, SimulationPartRun } from './parallel';
export { CLOCK_MINUTES_PER_WEEK, AI_MINUTES_PER_WEEK, NO_ROLE_MINUTES_PER_WEEK } from './model';
export { Random, pertMoments, pertShape } from './random';
export { EventHeap } from './heap';
export { estimate, tQuantile975 } from './statistics';
export type {
  AiStepSimulation,
  Estimate,
  HistogramBin,
  QueueSimulation,
  RoleSimulation,
  ServiceDistribution,
  SimulationCancelled,
  SimulationError,
  SimulationErrorCode,
  SimulationFailure,
  SimulationOptions,
  SimulationResult,
  SimulationSettings,
  SimulationSummary,
  StepSimulation,
} from './types';
