/**
 * The longest expected path of a case through nested parallel blocks: a block takes as long as its slowest
 * branch, since its branches run at the same time (the analysis's cycle time; the blocks come from
 * parallel.ts).
 */
import type { ParallelBlock } from './parallel';

/** Minutes per case a step adds to the path of a case: visits × mean time, and visits × mean wait. */
export interface PathTime {
  work: number;
  wait: number;
}

export interface BranchTiming extends PathTime {
  /** The first step of the branch; null for a connection straight from the split to the join. */
  firstStepId: string | null;
}

export interface BlockTiming {
  splitId: string;
  joinId: string;
  /** Each branch's time along its own longest path (nested blocks counted by their slowest branch). */
  branches: BranchTiming[];
  /** Index of the slowest branch, the one the case waits for. */
  slowest: number;
}

export interface LongestPath extends PathTime {
  /** Per block, innermost first. */
  blocks: BlockTiming[];
}

/**
 * The expected time of a case along its longest path: steps one after another add up, and a parallel block
 * takes as long as its slowest branch (nested blocks recursively), since its branches run at the same time.
 *
 * `total` is the sum over all steps; `time(stepId)` a step's contribution. The slowest branch is chosen by
 * work + wait (`rank: 'total'`) or by work alone (`rank: 'work'`, when waits are unknown); the result gives
 * work and wait along the chosen path. With visits already in the step times, a block inside a loop or a
 * decision is weighted by how often it runs.
 */
export function longestPath(
  blocks: readonly ParallelBlock[],
  total: PathTime,
  time: (stepId: string) => PathTime,
  rank: 'total' | 'work' = 'total',
): LongestPath {
  // Time a block saves against running its branches one after another, itself and its nested blocks.
  const saved = new Map<string, PathTime>();
  const childrenOf = new Map<string, ParallelBlock[]>();
  for (const b of blocks) {
    if (b.parentSplitId === null) continue;
    const list = childrenOf.get(b.parentSplitId);
    if (list) list.push(b);
    else childrenOf.set(b.parentSplitId, [b]);
  }
  const timings: BlockTiming[] = [];
  const key = (t: PathTime) => (rank === 'total' ? t.work + t.wait : t.work);
  let savedWork = 0;
  let savedWait = 0;
  for (const block of blocks) {
    const sums: PathTime[] = block.branches.map((region) => {
      let work = 0;
      let wait = 0;
      for (const id of region) {
        const t = time(id);
        work += t.work;
        wait += t.wait;
      }
      return { work, wait };
    });
    const children = childrenOf.get(block.splitId) ?? [];
    for (const child of children) {
      const s = saved.get(child.splitId)!;
      const sum = sums[child.parentBranch]!;
      sum.work -= s.work;
      sum.wait -= s.wait;
    }
    let slowest = 0;
    for (let b = 1; b < sums.length; b++) if (key(sums[b]!) > key(sums[slowest]!)) slowest = b;
    let work = 0;
    let wait = 0;
    sums.forEach((t, b) => {
      if (b === slowest) return;
      work += t.work;
      wait += t.wait;
    });
    for (const child of children) {
      const s = saved.get(child.splitId)!;
      work += s.work;
      wait += s.wait;
    }
    saved.set(block.splitId, { work, wait });
    if (block.parentSplitId === null) {
      savedWork += work;
      savedWait += wait;
    }
    timings.push({
      splitId: block.splitId,
      joinId: block.joinId,
      branches: sums.map((t, b) => ({ ...t, firstStepId: block.branches[b]![0] ?? null })),
      slowest,
    });
  }
  return { work: total.work - savedWork, wait: total.wait - savedWait, blocks: timings };
}
