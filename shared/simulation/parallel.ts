/**
 * A simulation run in parts, one per core: replications are split into contiguous ranges, each part runs in
 * its own worker, and the parts' per-replication figures are joined in replication order before the result
 * is made. Replication r always draws from its own stream (seed, r), so the result is the same, to the bit,
 * whatever the number of parts. A part that hit the event or backlog cap stops where a single run would not
 * have (as does a run whose parts add up to the event cap), so then mergeParts answers null and the caller
 * runs the simulation in one piece.
 */
import type { Role } from '../model/schema';
import { buildModel } from './model';
import { applyWhatIf } from '../whatIf/whatIf';
import { Engine, type ReplicationRange } from './engine';
import { checkSettings, FailedRun, invalid } from './settings';
import type { Records } from './records';
import { summarize } from './result';
import type { SimulationRun, WorkflowInput } from './settings';
import type { SimulationSettings, SimulationSummary } from './types';

export type { ReplicationRange } from './engine';

/** What a part hands back: its replications' figures and the run totals they add to. */
export interface SimulationPart {
  part: ReplicationRange;
  records: Records;
  events: number;
  replicationsDone: number;
  completedCases: number;
  histogramMin: number;
  histogramMax: number;
  arrivedTotal: number[];
  eventCapReached: boolean;
  backlogCapReached: boolean;
}

/** A run of some replications; `figures()` gives them once advance() has returned true. */
export interface SimulationPartRun extends SimulationRun {
  figures(): SimulationPart | null;
}

/** `replications` split into at most `parts` contiguous ranges of near-equal size, in order. */
export function splitReplications(replications: number, parts: number): ReplicationRange[] {
  const n = Math.max(1, Math.min(Math.floor(parts), replications));
  const ranges: ReplicationRange[] = [];
  for (let i = 0; i < n; i++) {
    const from = Math.floor((i * replications) / n);
    const to = Math.floor(((i + 1) * replications) / n);
    if (to > from) ranges.push({ from, to });
  }
  return ranges;
}

function engineFor(
  workflow: WorkflowInput,
  roles: readonly Role[],
  options: SimulationSettings,
  part?: ReplicationRange,
): Engine | FailedRun {
  const applied = applyWhatIf(workflow, roles, options);
  if (!applied.ok) return new FailedRun(invalid(applied.message));
  const settings = checkSettings(applied.workflow, options);
  if ('ok' in settings) return new FailedRun(settings);
  if (part && !(part.from >= 0 && part.to <= settings.replications && part.from < part.to))
    return new FailedRun(invalid(`Replications ${part.from} to ${part.to} are not part of this run.`));
  const built = buildModel(applied.workflow, applied.roles, {
    serviceDistribution: settings.serviceDistribution,
    warnings: applied.warnings,
  });
  if (!built.ok) return new FailedRun({ ok: false, cancelled: false, error: built.error });
  return new Engine(applied.workflow, built.model, settings, part);
}

/** Sets up the replications `part` of a run (checked as a whole run is), to run with advance(). */
export function createSimulationPart(
  workflow: WorkflowInput,
  roles: readonly Role[],
  options: SimulationSettings,
  part: ReplicationRange,
): SimulationPartRun {
  const run = engineFor(workflow, roles, options, part);
  return Object.assign(run, {
    figures: (): SimulationPart | null =>
      run instanceof Engine && run.finished && !run.cancelled
        ? {
            part: run.part,
            records: run.records,
            events: run.events,
            replicationsDone: run.replicationsDone,
            completedCases: run.completedCases,
            histogramMin: run.histogramMin,
            histogramMax: run.histogramMax,
            arrivedTotal: [...run.arrivedTotal],
            eventCapReached: run.eventCapReached,
            backlogCapReached: run.backlogCapReached,
          }
        : null,
  });
}

/**
 * The result of the whole run from its parts (any order; they must cover every replication once), or null
 * when a part hit a cap (run it in one piece then) or the parts do not fit the run.
 */
export function mergeParts(
  workflow: WorkflowInput,
  roles: readonly Role[],
  options: SimulationSettings,
  parts: readonly SimulationPart[],
): SimulationSummary | null {
  const whole = engineFor(workflow, roles, options);
  if (!(whole instanceof Engine)) return null;
  const ordered = [...parts].sort((a, b) => a.part.from - b.part.from);
  let next = 0;
  for (const p of ordered) {
    if (p.part.from !== next || p.eventCapReached || p.backlogCapReached) return null;
    next = p.part.to;
  }
  if (next !== whole.settings.replications) return null;
  // A single run stops at the event cap: with as many events in all, it would have stopped too.
  if (parts.reduce((sum, p) => sum + p.events, 0) >= whole.settings.maxEvents) return null;
  const rec = whole.records;
  for (const p of ordered) {
    const from = p.records;
    rec.cycleMean.push(...from.cycleMean);
    rec.cycleMedian.push(...from.cycleMedian);
    rec.cycleP90.push(...from.cycleP90);
    rec.elapsedWeeks.push(...from.elapsedWeeks);
    rec.throughput.push(...from.throughput);
    rec.aiCost.push(...from.aiCost);
    rec.sketches.push(...from.sketches);
    for (const key of ['utilization', 'offered', 'queueLength', 'wait', 'queueAtEnd', 'visits'] as const)
      rec[key].forEach((list, i) => list.push(...(from[key][i] ?? [])));
    whole.events += p.events;
    whole.replicationsDone += p.replicationsDone;
    whole.completedCases += p.completedCases;
    whole.histogramMin = Math.min(whole.histogramMin, p.histogramMin);
    whole.histogramMax = Math.max(whole.histogramMax, p.histogramMax);
    // Added part after part, in replication order, as a single run adds replication after replication.
    p.arrivedTotal.forEach((v, i) => (whole.arrivedTotal[i] = whole.arrivedTotal[i]! + v));
  }
  return summarize(whole);
}
