/**
 * Discrete-event Monte Carlo simulation of a workflow: cases arrive at random, walk through the steps (decision
 * branches, review rework loops, parallel branches) and queue first come, first served for the people of each
 * role.
 *
 * Model (see model.ts for the clock and units):
 * - Arrivals: Poisson, volumePerWeek per clock week of 2,400 clock minutes.
 * - Each role is a c-server FIFO queue over its own working time, and so is each AI-automated step with a
 *   concurrency limit (around the clock); other AI-automated steps and steps without a role start at once
 *   (infinitely many servers); start, decision and end steps take no time.
 * - Processing times: PERT-Beta from each step's {min, likely, max} (random.ts).
 * - Routing: as the analytic engine's Markov chain (routing.ts).
 * - Parallel blocks: a case is one token until it reaches a split, which forks it into one token per branch
 *   (no time passes); the tokens run at the same time, each queueing at its roles on its own. A join waits
 *   until a token from each branch of its split has arrived for that case (a rework loop inside a branch only
 *   delays that branch's arrival), then one token goes on; blocks nest. Per case and block a fork record
 *   counts the branches still to come (records are recycled through a free list, like cases).
 *
 * Statistics (per replication, each with its own random stream; see statistics.ts for the intervals):
 * - Warm-up: the first warmupWeeks of each replication are simulated but not measured; then `weeks` are.
 * - Cycle time: for every case finished while measuring, the sum along its path of its waits and processing
 *   times, each in the working minutes of the step's role (AI steps: minutes): the unit of the analytic
 *   engine's cycle time (processing + waiting). Its mean, median and 90th percentile per replication.
 *   Parallel blocks: every token carries its own sum (a branch starts from the case's sum at the split), and
 *   at the join the case goes on with the largest sum of the tokens arriving, so a block counts as its
 *   slowest branch (waits included) and nested blocks as theirs — in the same unit as the analytic engine's
 *   longest path (shared/analysis/parallel.ts). The slowest branch is the one with the most working minutes,
 *   which need not be the one that arrives last on the clock when its roles work different hours.
 * - Elapsed weeks: the same cases' time from arrival to finish on the common clock (for parallel blocks: until
 *   the last branch has arrived at the join).
 * - AI cost per case: the AI runs (visits to AI-automated and AI-assisted tasks) while measuring, times each
 *   step's AI cost per run, over the cases arrived while measuring (the analytic engine's aiCostPerCase).
 * - Per role (and limited AI step): utilisation = busy server time / (c × measured time); offered load = visits arrived × PERT mean
 *   / capacity; time-average queue length; mean wait per visit (visits that started while measuring), in the
 *   role's working minutes; the queue left at the end.
 * - Per step: visits while measuring / cases arrived while measuring.
 *
 * The hot loop allocates nothing: cases (and their parallel branches' tokens) are indices into preallocated
 * typed arrays, as are the fork records, all recycled through free lists and grown by doubling when full;
 * queues are ring buffers of token indices, and the event queue is a typed-array heap (heap.ts) whose item is
 * the token whose work ends, or −1 for the next arrival.
 *
 * Guard rails: invalid graphs and options are refused with an error result before anything runs; the run
 * stops after `maxEvents` events (default 50 million) or when more than MAX_CASES_IN_SYSTEM cases are in the
 * workflow at once, and says so. A queue whose offered load reaches 1 is reported as overloaded (its queue
 * grows without limit, so its waits depend on the run length) and the run as not stable.
 */
import type { Role } from '../model/schema';
import { buildModel } from './model';
import { applyWhatIf } from '../whatIf/whatIf';
import { Engine } from './engine';
import { checkSettings, FailedRun, invalid } from './settings';
import { CHUNK_EVENTS } from './limits';
import type { SimulationRun, WorkflowInput } from './settings';
import type { SimulationOptions, SimulationResult, SimulationSettings } from './types';

export { DEFAULT_MAX_EVENTS, DEFAULT_WARMUP_WEEKS, MAX_REPLICATIONS } from './settings';
export type { SimulationRun } from './settings';
export { CHUNK_EVENTS, CYCLE_SAMPLE_LIMIT, HISTOGRAM_BINS, MAX_CASES_IN_SYSTEM } from './limits';

/** Sets up a simulation without running it; run it with advance() (or use simulateWorkflow). */
export function createSimulation(
  workflow: WorkflowInput,
  roles: readonly Role[],
  options: SimulationSettings,
): SimulationRun {
  const applied = applyWhatIf(workflow, roles, options);
  if (!applied.ok) return new FailedRun(invalid(applied.message));
  const settings = checkSettings(applied.workflow, options);
  if ('ok' in settings) return new FailedRun(settings);
  const built = buildModel(applied.workflow, applied.roles, {
    serviceDistribution: settings.serviceDistribution,
    warnings: applied.warnings,
  });
  if (!built.ok) return new FailedRun({ ok: false, cancelled: false, error: built.error });
  return new Engine(applied.workflow, built.model, settings);
}

/**
 * Runs the whole simulation synchronously, polling shouldCancel every CHUNK_EVENTS events and reporting
 * progress about every 1% and at the end of every replication.
 */
export function simulateWorkflow(
  workflow: WorkflowInput,
  roles: readonly Role[],
  options: SimulationOptions,
): SimulationResult {
  const { onProgress, shouldCancel, ...settings } = options;
  const run = createSimulation(workflow, roles, settings);
  const step = run.total / 100;
  let reported = 0;
  let replications = 0;
  for (;;) {
    if (shouldCancel?.()) {
      run.cancel();
      break;
    }
    const finished = run.advance(CHUNK_EVENTS);
    if (onProgress && (run.done - reported >= step || run.replicationsEnded !== replications || finished)) {
      reported = run.done;
      replications = run.replicationsEnded;
      onProgress(finished ? run.total : run.done, run.total);
    }
    if (finished) break;
  }
  return run.result();
}
