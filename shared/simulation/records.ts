/** The figures of each measured replication, from which the result's estimates are made. */
import { CLOCK_MINUTES_PER_WEEK } from './model';
import { quantileSorted, sketchSorted } from './statistics';
import type { DistributionSketch } from './statistics';
import type { SimulationState } from './state';
import { CYCLE_SAMPLE_LIMIT } from './limits';

/** Per-replication figures, one entry per measured replication. */
export interface Records {
  cycleMean: number[];
  cycleMedian: number[];
  cycleP90: number[];
  elapsedWeeks: number[];
  throughput: number[];
  aiCost: number[];
  utilization: number[][];
  offered: number[][];
  queueLength: number[][];
  wait: number[][];
  queueAtEnd: number[][];
  visits: number[][];
  sketches: DistributionSketch[];
}

export function emptyRecords(poolCount: number, stepCount: number): Records {
  const perPool = () => Array.from({ length: poolCount }, (): number[] => []);
  return {
    cycleMean: [],
    cycleMedian: [],
    cycleP90: [],
    elapsedWeeks: [],
    throughput: [],
    aiCost: [],
    utilization: perPool(),
    offered: perPool(),
    queueLength: perPool(),
    wait: perPool(),
    queueAtEnd: perPool(),
    visits: Array.from({ length: stepCount }, (): number[] => []),
    sketches: [],
  };
}

/**
 * Closes a measured replication of `window` clock minutes: its figures go into the state's records, and
 * the run's totals (cases, histogram range, arrivals per pool) grow.
 */
export function recordReplication(state: SimulationState, window: number): void {
  const rec = state.records;
  const weeks = window / CLOCK_MINUTES_PER_WEEK;
  const completions = state.completions;
  const n = Math.min(completions, CYCLE_SAMPLE_LIMIT);
  const sorted = state.cycles.subarray(0, n).sort();
  rec.cycleMean.push(completions > 0 ? state.cycleSum / completions : NaN);
  rec.cycleMedian.push(quantileSorted(sorted, 0.5, n));
  rec.cycleP90.push(quantileSorted(sorted, 0.9, n));
  rec.elapsedWeeks.push(completions > 0 ? state.elapsedSum / completions / CLOCK_MINUTES_PER_WEEK : NaN);
  rec.throughput.push(completions / weeks);
  let aiCost = 0;
  for (let i = 0; i < state.visits.length; i++) aiCost += state.visits[i]! * state.aiCost[i]!;
  rec.aiCost.push(state.arrivals > 0 ? aiCost / state.arrivals : NaN);
  if (n > 0) rec.sketches.push({ ...sketchSorted(sorted, n), cases: completions });
  state.completedCases += completions;
  if (completions > 0) {
    state.histogramMin = Math.min(state.histogramMin, state.cycleMin);
    state.histogramMax = Math.max(state.histogramMax, state.cycleMax);
  }
  for (let p = 0; p < state.poolCount; p++) {
    const c = state.servers[p]!;
    rec.utilization[p]!.push(c > 0 ? state.busyArea[p]! / (c * window) : NaN);
    rec.offered[p]!.push(c > 0 ? state.offeredWork[p]! / (c * window) : NaN);
    rec.queueLength[p]!.push(state.queueArea[p]! / window);
    rec.wait[p]!.push(state.waitCount[p]! > 0 ? state.waitSum[p]! / state.waitCount[p]! : NaN);
    rec.queueAtEnd[p]!.push(state.qLen[p]!);
    state.arrivedTotal[p] = state.arrivedTotal[p]! + state.poolArrivals[p]!;
  }
  for (let i = 0; i < state.visits.length; i++) {
    rec.visits[i]!.push(state.arrivals > 0 ? state.visits[i]! / state.arrivals : NaN);
  }
  state.replicationsDone++;
}
