/**
 * Parallel blocks: a parallel split, the join where its branches meet again, and the steps of each branch.
 * The analysis needs them twice: a join fires once per set of branch tokens (visits), and a case waits for
 * its slowest branch (cycle time). Blocks must be well nested: every branch of a split reaches the same join.
 */
import type { Workflow } from '../model/schema';

export interface ParallelBlock {
  splitId: string;
  joinId: string;
  /** The steps of each branch, between the split and the join (both excluded). */
  branches: string[][];
}

export type ParallelBlocksResult =
  { ok: true; blocks: ParallelBlock[] } | { ok: false; message: string; stepIds: string[] };

export function findParallelBlocks(workflow: Pick<Workflow, 'steps' | 'edges'>): ParallelBlocksResult {
  const byId = new Map(workflow.steps.map((s) => [s.id, s]));
  const next = new Map<string, string[]>();
  const inDegree = new Map<string, number>();
  for (const e of workflow.edges) {
    const list = next.get(e.source);
    if (list) list.push(e.target);
    else next.set(e.source, [e.target]);
    inDegree.set(e.target, (inDegree.get(e.target) ?? 0) + 1);
  }
  const isJoin = (id: string) => byId.get(id)?.type === 'parallel' && (inDegree.get(id) ?? 0) > 1;

  /** Shortest distance from `from` to every step reachable without passing `avoid`. */
  const distances = (from: string, avoid: string): Map<string, number> => {
    const dist = new Map<string, number>([[from, 0]]);
    const queue = [from];
    for (let q = 0; q < queue.length; q++) {
      const id = queue[q] as string;
      for (const to of next.get(id) ?? []) {
        if (to === avoid || dist.has(to)) continue;
        dist.set(to, (dist.get(id) as number) + 1);
        queue.push(to);
      }
    }
    return dist;
  };

  const blocks: ParallelBlock[] = [];
  const matchedJoins = new Set<string>();
  for (const split of workflow.steps) {
    const targets = next.get(split.id) ?? [];
    if (split.type !== 'parallel' || targets.length < 2) continue;
    const reach = targets.map((t) => distances(t, split.id));
    let join: string | null = null;
    let best = Infinity;
    for (const [candidate] of reach[0] ?? []) {
      if (!isJoin(candidate) || !reach.every((r) => r.has(candidate))) continue;
      const far = Math.max(...reach.map((r) => r.get(candidate) as number));
      if (far < best) {
        best = far;
        join = candidate;
      }
    }
    if (join === null) {
      return {
        ok: false,
        message: `Parallel split '${split.name}': its branches never meet again at a parallel join.`,
        stepIds: [split.id],
      };
    }
    const joinId = join;
    const branches = targets.map((t) => {
      if (t === joinId) return [];
      const region: string[] = [];
      const seen = new Set<string>([t]);
      const stack = [t];
      while (stack.length > 0) {
        const id = stack.pop() as string;
        region.push(id);
        for (const to of next.get(id) ?? []) {
          if (to === joinId || to === split.id || seen.has(to)) continue;
          seen.add(to);
          stack.push(to);
        }
      }
      return region;
    });
    blocks.push({ splitId: split.id, joinId, branches });
    matchedJoins.add(joinId);
  }
  for (const s of workflow.steps) {
    if (isJoin(s.id) && !matchedJoins.has(s.id)) {
      return {
        ok: false,
        message: `Parallel join '${s.name}' has no parallel split whose branches it joins.`,
        stepIds: [s.id],
      };
    }
  }
  // Innermost first: a block inside a branch of another has fewer steps.
  const size = (b: ParallelBlock) => b.branches.reduce((n, r) => n + r.length, 0);
  blocks.sort((a, b) => size(a) - size(b));
  return { ok: true, blocks };
}

/**
 * The time a case spends in the workflow when parallel branches overlap: the sum over all steps, less, for
 * every block, the time of all its branches but the slowest (inner blocks counted by their slowest branch).
 * `weight` gives a step's expected minutes per case (visits × time).
 */
export function overlapExcess(blocks: readonly ParallelBlock[], weight: (stepId: string) => number): number {
  const excess = new Map<string, number>();
  let total = 0;
  for (const block of blocks) {
    const sums = block.branches.map((region) => {
      const inRegion = new Set(region);
      let sum = 0;
      for (const id of region) sum += weight(id);
      for (const inner of blocks)
        if (inner !== block && inRegion.has(inner.splitId)) sum -= excess.get(inner.splitId) ?? 0;
      return sum;
    });
    const blockExcess = sums.reduce((a, b) => a + b, 0) - Math.max(0, ...sums);
    excess.set(block.splitId, blockExcess);
    total += blockExcess;
  }
  return total;
}
