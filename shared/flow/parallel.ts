/**
 * Parallel blocks: a parallel split, the join where its branches meet again, and the steps of each branch.
 * The flow graph (graph.ts) checks them, a join fires once per set of branch tokens (the analysis's visits,
 * shared/analysis/chain.ts; the simulation's joins), and a case waits for its slowest branch (cycle time,
 * longestPath.ts).
 *
 * A parallel step with several outgoing connections is a split; one with several incoming connections is a
 * join (one step may be both: it joins, then splits again). The analysis requires blocks to be WELL NESTED:
 *
 * - every branch of a split (everything reachable from one of its outgoing connections, following next steps,
 *   decision branches and reviews' rework paths) ends at one and the same parallel join, the split's join,
 *   and reaches no end step on the way;
 * - the branches are disjoint: they do not run into each other before the join (not even at a plain step);
 * - a block is entered only through its split: no step inside a branch, and not the join, is reached from
 *   outside the block (a rework path from after the join back into one branch is refused; one back to the
 *   split or before it re-runs the whole block and is fine);
 * - every join closes exactly one split; blocks may nest inside branches of other blocks, and decisions and
 *   loops (including rework) may sit inside a branch or around a whole block.
 *
 * Under these conditions every token sent down a branch arrives at the join exactly once, so the join fires
 * exactly as often as its split — the property the visit equations rely on. Anything else is refused with a
 * message naming the steps, rather than analysed into meaningless numbers.
 *
 * Cost: every step is walked once per block it lies in (blocks are skipped over, not re-walked, by the
 * blocks around them), so O((steps + connections) × nesting depth).
 */
import type { Workflow } from '../model/schema';

export interface ParallelBlock {
  splitId: string;
  joinId: string;
  /**
   * The steps of each branch, in the order of the split's outgoing connections: every step between the split
   * and the join (both excluded), steps of nested blocks included. [] for a connection straight to the join.
   */
  branches: string[][];
  /** The split of the block this block lies in (innermost), or null if it lies in no other block. */
  parentSplitId: string | null;
  /** Which branch of the parent it lies in (index into the parent's `branches`); -1 at the top level. */
  parentBranch: number;
}

/** Blocks innermost first: a block comes before every block it lies in. */
export type ParallelBlocksResult =
  { ok: true; blocks: ParallelBlock[] } | { ok: false; message: string; stepIds: string[] };

export interface ParallelOptions {
  /** Step id → position in `steps`, if the caller has it already (first occurrence of each id). */
  index?: ReadonlyMap<string, number>;
}

class Unbalanced {
  constructor(
    readonly message: string,
    readonly stepIds: string[],
  ) {}
}

/** Ways on and in of every step, compressed: those of step i at nextStart[i] … nextStart[i + 1] − 1 of next. */
interface Links {
  next: Int32Array;
  nextStart: Int32Array;
  previous: Int32Array;
  previousStart: Int32Array;
  connectionsOut: Int32Array;
  connectionsIn: Int32Array;
}

/** Connections in their order, then rework paths that carry work, and the connection counts per step. */
function parallelLinks(
  workflow: Pick<Workflow, 'steps' | 'edges'>,
  index: ReadonlyMap<string, number>,
): Links {
  const steps = workflow.steps;
  const n = steps.length;
  const m = workflow.edges.length;
  const linkFrom = new Int32Array(m + n);
  const linkTo = new Int32Array(m + n);
  let links = 0;
  const connectionsOut = new Int32Array(n);
  const connectionsIn = new Int32Array(n);
  for (const e of workflow.edges) {
    const from = index.get(e.source);
    const to = index.get(e.target);
    if (from === undefined || to === undefined) continue; // refused by the flow graph as a dangling connection
    linkFrom[links] = from;
    linkTo[links++] = to;
    connectionsOut[from]!++;
    connectionsIn[to]!++;
  }
  for (let i = 0; i < n; i++) {
    const s = steps[i]!;
    if (s.type !== 'review' || s.reworkTargetId === null) continue;
    // A review's rework path is a way out of its step only when it carries work.
    const target = index.get(s.reworkTargetId);
    if (s.rejectionRate > 0 && target !== undefined) {
      linkFrom[links] = i;
      linkTo[links++] = target;
    }
  }
  const nextStart = new Int32Array(n + 1);
  const previousStart = new Int32Array(n + 1);
  for (let k = 0; k < links; k++) {
    nextStart[linkFrom[k]! + 1]!++;
    previousStart[linkTo[k]! + 1]!++;
  }
  for (let i = 0; i < n; i++) {
    nextStart[i + 1]! += nextStart[i]!;
    previousStart[i + 1]! += previousStart[i]!;
  }
  const next = new Int32Array(links);
  const previous = new Int32Array(links);
  const nextFill = nextStart.slice(0, n);
  const previousFill = previousStart.slice(0, n);
  for (let k = 0; k < links; k++) {
    next[nextFill[linkFrom[k]!]!++] = linkTo[k]!;
    previous[previousFill[linkTo[k]!]!++] = linkFrom[k]!;
  }
  return { next, nextStart, previous, previousStart, connectionsOut, connectionsIn };
}

/** Finds the parallel blocks of a workflow and checks that they are well nested (see the module comment). */
export function findParallelBlocks(
  workflow: Pick<Workflow, 'steps' | 'edges'>,
  options: ParallelOptions = {},
): ParallelBlocksResult {
  const steps = workflow.steps;
  const n = steps.length;
  let anyParallel = false;
  for (const s of steps) if (s.type === 'parallel') anyParallel = true;
  if (!anyParallel) return { ok: true, blocks: [] };

  let index = options.index;
  if (!index) {
    const own = new Map<string, number>();
    for (let i = 0; i < n; i++) if (!own.has(steps[i]!.id)) own.set(steps[i]!.id, i);
    index = own;
  }
  const { next, nextStart, previous, previousStart, connectionsOut, connectionsIn } = parallelLinks(
    workflow,
    index,
  );
  const isSplit = (i: number) => steps[i]!.type === 'parallel' && connectionsOut[i]! > 1;
  const isJoin = (i: number) => steps[i]!.type === 'parallel' && connectionsIn[i]! > 1;
  const q = (i: number) => `'${steps[i]!.name}'`;

  interface Resolved {
    split: number;
    join: number;
    regions: number[][];
    parent: number; // split index of the enclosing block, −1 if none
    parentBranch: number;
  }
  const resolved: Resolved[] = [];
  const blockOfSplit = new Int32Array(n).fill(-1);
  const resolving = new Uint8Array(n);
  const joinOwner = new Int32Array(n).fill(-1);

  // One recursive resolution per split (its branches, nested blocks first, and its join), with every check
  // of the module comment failing with its own message: kept as one closure because the checks share the
  // walk's state (regions, owners) step by step.
  const resolve = (s: number): Resolved => {
    const done = blockOfSplit[s]!;
    if (done >= 0) return resolved[done]!;
    if (resolving[s]) {
      throw new Unbalanced(
        `Parallel split ${q(s)} lies inside one of its own branches: a branch loops back to before the split. ` +
          'Loops must stay inside one branch or go around the whole block (from after its join).',
        [steps[s]!.id],
      );
    }
    resolving[s] = 1;
    const targets = next.subarray(nextStart[s]!, nextStart[s]! + connectionsOut[s]!); // connections, in order
    const owner = new Map<number, number>(); // step → branch
    const regions: number[][] = [];
    const children: Resolved[] = [];
    let join = -1;
    for (let b = 0; b < targets.length; b++) {
      const region: number[] = [];
      const exits: number[] = [];
      const claim = (x: number) => {
        const o = owner.get(x);
        if (o === undefined) {
          owner.set(x, b);
          region.push(x);
          return true;
        }
        if (o === b) return false;
        throw new Unbalanced(
          `The branches of parallel split ${q(s)} run into each other at ${q(x)} before reaching a parallel join. ` +
            'Each branch must reach the join on its own; use a parallel join to bring branches together.',
          [steps[s]!.id, steps[x]!.id],
        );
      };
      // Depth-first walk; ~x marks the join of a nested block, reached from inside that block.
      const stack = [targets[b]!];
      while (stack.length > 0) {
        let x = stack.pop()!;
        const fromInside = x < 0;
        if (fromInside) x = ~x;
        else {
          if (x === s) {
            throw new Unbalanced(
              `A branch of parallel split ${q(s)} leads back to the split itself before reaching a join. ` +
                'Loops must stay inside one branch or go around the whole block (from after its join).',
              [steps[s]!.id],
            );
          }
          if (isJoin(x)) {
            if (!exits.includes(x)) exits.push(x);
            continue;
          }
          if (steps[x]!.type === 'end') {
            throw new Unbalanced(
              `The branches of parallel split ${q(s)} never meet again: the one that starts at ${q(targets[b]!)} ` +
                `reaches the end step ${q(x)} without passing a parallel join. Every branch must end at the join of its split.`,
              [steps[s]!.id, steps[x]!.id],
            );
          }
        }
        if (!claim(x)) continue;
        if (isSplit(x)) {
          // A nested block: take its steps as they are and carry on after its join.
          const inner = resolve(x);
          if (inner.parent >= 0) {
            throw new Unbalanced(
              `Parallel split ${q(x)} is reached from inside two different parallel blocks (${q(inner.parent)} and ${q(s)}).`,
              [steps[x]!.id],
            );
          }
          inner.parent = s;
          inner.parentBranch = b;
          children.push(inner);
          for (const r of inner.regions) for (const y of r) claim(y);
          stack.push(~inner.join);
          continue;
        }
        for (let k = nextStart[x]!; k < nextStart[x + 1]!; k++) stack.push(next[k]!);
      }
      const from = targets[b]!;
      if (exits.length === 0) {
        throw new Unbalanced(
          `The branch of parallel split ${q(s)} that starts at ${q(from)} never reaches a parallel join.`,
          [steps[s]!.id, steps[from]!.id],
        );
      }
      if (exits.length > 1) {
        exits.sort((i, j) => i - j);
        throw new Unbalanced(
          `The branch of parallel split ${q(s)} that starts at ${q(from)} leads to several parallel joins ` +
            `(${exits.map(q).join(', ')}); it must end at its split's join only.`,
          [steps[s]!.id, ...exits.map((x) => steps[x]!.id)],
        );
      }
      if (join === -1) join = exits[0]!;
      else if (join !== exits[0]) {
        throw new Unbalanced(
          `The branches of parallel split ${q(s)} end at different parallel joins (${q(join)} and ${q(exits[0]!)}); ` +
            'all branches of a split must meet at one join.',
          [steps[s]!.id, steps[join]!.id, steps[exits[0]!]!.id],
        );
      }
      regions.push(region);
    }
    // Entered only through the split: every way into a branch step comes from that branch (or the split)…
    for (let b = 0; b < regions.length; b++) {
      for (const x of regions[b]!) {
        for (let k = previousStart[x]!; k < previousStart[x + 1]!; k++) {
          const p = previous[k]!;
          if (p === s || owner.get(p) === b) continue;
          throw new Unbalanced(
            `Step ${q(x)}, in a branch of parallel split ${q(s)}, is also reached from ${q(p)}, outside that branch. ` +
              'A parallel block can only be entered through its split (a rework path may go back to the split or before it, not into one branch).',
            [steps[x]!.id, steps[p]!.id],
          );
        }
      }
    }
    // … and every way into the join from a branch (or straight from the split).
    for (let k = previousStart[join]!; k < previousStart[join + 1]!; k++) {
      const p = previous[k]!;
      if (p === s || owner.has(p)) continue;
      throw new Unbalanced(
        `Parallel join ${q(join)} closes the branches of split ${q(s)} but is also reached from ${q(p)}, outside them. ` +
          'A join waits for one arrival from each branch of its split; other work cannot go through it.',
        [steps[join]!.id, steps[p]!.id],
      );
    }
    if (joinOwner[join]! >= 0) {
      throw new Unbalanced(
        `Parallel join ${q(join)} closes the branches of two splits (${q(joinOwner[join]!)} and ${q(s)}).`,
        [steps[join]!.id],
      );
    }
    joinOwner[join] = s;
    const block: Resolved = { split: s, join, regions, parent: -1, parentBranch: -1 };
    blockOfSplit[s] = resolved.length;
    resolved.push(block);
    resolving[s] = 0;
    return block;
  };

  try {
    for (let i = 0; i < n; i++) if (isSplit(i)) resolve(i);
    for (let i = 0; i < n; i++) {
      if (isJoin(i) && joinOwner[i]! < 0) {
        throw new Unbalanced(
          `Parallel step ${q(i)} has ${connectionsIn[i]} incoming connections but closes no parallel split: ` +
            'it would wait for ever for branches that never all come. To merge the alternatives of a decision, ' +
            'connect them to the next step directly.',
          [steps[i]!.id],
        );
      }
    }
  } catch (error) {
    if (error instanceof Unbalanced) return { ok: false, message: error.message, stepIds: error.stepIds };
    throw error;
  }
  const id = (i: number) => steps[i]!.id;
  return {
    ok: true,
    blocks: resolved.map((b) => ({
      splitId: id(b.split),
      joinId: id(b.join),
      branches: b.regions.map((r) => r.map(id)),
      parentSplitId: b.parent < 0 ? null : id(b.parent),
      parentBranch: b.parentBranch,
    })),
  };
}
