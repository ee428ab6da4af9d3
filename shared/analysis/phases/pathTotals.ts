/**
 * Phase 4 of the analysis: the cost per case over all steps (every branch of a parallel block does its
 * work), and the cycle time along the longest path (parallel branches run at the same time).
 */
import { longestPath } from '../../flow/longestPath';
import type { LongestPath, PathTime } from '../../flow/longestPath';
import type { MarkovChain } from '../chain';
import type { RoleAnalysis, StepAnalysis, WorkflowAnalysis } from '../types';
import type { AiPool } from './stepFigures';

export interface PathTotals {
  cycleTimeMinutes: WorkflowAnalysis['cycleTimeMinutes'];
  costPerCase: WorkflowAnalysis['costPerCase'];
  stable: boolean;
  /** The longest path through the parallel blocks; null without blocks. */
  path: LongestPath | null;
}

export function pathTotals(
  steps: readonly StepAnalysis[],
  chain: MarkovChain,
  roleResults: readonly RoleAnalysis[],
  aiPools: readonly AiPool[],
): PathTotals {
  const n = steps.length;
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

  return {
    cycleTimeMinutes: { processing, waiting, total },
    costPerCase: { people, ai, total: people + ai },
    stable,
    path,
  };
}
