/**
 * A workflow as an absorbing Markov chain over its steps: the state is the step a case is at, and each step
 * says where the case goes next.
 *
 * - a decision routes by its branch probabilities (several branches to the same step add up);
 * - any other step goes to its single next step with probability 1;
 * - a review with rejection rate r sends r back to its rework target and 1 − r on to its next step;
 * - end steps absorb (they have no transitions);
 * - a parallel step with several next steps splits: every branch runs, so each branch target receives one
 *   token per token arriving (transition kind 'fork', "probability" 1 for each: the row adds up to the number
 *   of branches m, and visits count tokens, which is exactly the work done);
 * - the join of a split with m branches fires once per m arriving tokens, one from each branch, so every
 *   transition into it is scaled by 1/m. (Not 1/k for its k incoming connections: a decision inside a branch
 *   may reach the join by two connections, yet the branch still delivers one token.)
 *
 * The join rule is exact because blocks must be well nested (parallel.ts): every token sent down a branch
 * reaches the join exactly once. Then the chain is a diagonal similarity of an ordinary sub-stochastic one —
 * with d_j the product of the branch counts of the blocks step j lies in, Q_ij = Q'_ij d_j / d_i where Q' reads
 * a split as a uniform choice among its branches and a join as a plain merge — so I − Qᵀ keeps every property
 * the solvers rely on (non-singular, elimination without pivoting is as stable as for Q'; see linear.ts).
 *
 * Building the chain also checks what the maths needs (one start, an end, one next step per non-decision
 * step, branch probabilities that add up to 1, a rework target where work is rejected, well-nested parallel
 * blocks) and reports what is wrong in the user's words instead of producing a meaningless number.
 */
import type { Step, Workflow } from '../model/schema';
import { PROBABILITY_TOLERANCE } from '../model/validate';
import { findParallelBlocks } from './parallel';
import type { ParallelBlock } from './parallel';

/**
 * Why a transition exists: the plain next step, a decision branch, a review's accept / rework path, or one
 * branch of a parallel split.
 */
export type TransitionKind = 'next' | 'branch' | 'accept' | 'rework' | 'fork';
export const TRANSITION_KINDS: readonly TransitionKind[] = ['next', 'branch', 'accept', 'rework', 'fork'];
const NEXT = 0;
const BRANCH = 1;
const ACCEPT = 2;
const REWORK = 3;
const FORK = 4;

export interface Transition {
  /** Index of the target step in `MarkovChain.ids`. */
  to: number;
  probability: number;
  kind: TransitionKind;
}

/**
 * The chain in compressed sparse row form (typed arrays, no object per transition, so that a 10,000-step
 * workflow is built and solved in a few milliseconds): the transitions of state i are at positions
 * outStart[i] … outStart[i + 1] − 1 of outTo / outProbability / outKind.
 */
export interface MarkovChain {
  /** Step ids in workflow order; a state's index is its position here. */
  ids: string[];
  steps: readonly Step[];
  index: Map<string, number>;
  start: number;
  ends: number[];
  outStart: Int32Array;
  outTo: Int32Array;
  /**
   * Positive probabilities; a state's transitions add up to 1 (end steps have none), except that a parallel
   * split sends a token down each branch (1 each) and transitions into a join are divided by its split's
   * number of branches (tokens per firing).
   */
  outProbability: Float64Array;
  /** Index into TRANSITION_KINDS. */
  outKind: Uint8Array;
  /** The parallel blocks, innermost first (checked to be well nested). */
  parallelBlocks: readonly ParallelBlock[];
}

/** The transitions of one state as objects (for explanations and tests; the solver reads the arrays). */
export function transitionsOf(chain: MarkovChain, state: number): Transition[] {
  const result: Transition[] = [];
  for (let k = chain.outStart[state]!; k < chain.outStart[state + 1]!; k++) {
    result.push({
      to: chain.outTo[k]!,
      probability: chain.outProbability[k]!,
      kind: TRANSITION_KINDS[chain.outKind[k]!]!,
    });
  }
  return result;
}

export type ChainErrorCode =
  | 'no-start'
  | 'several-starts'
  | 'no-end'
  | 'dangling-edge'
  | 'dead-end'
  | 'branch-without-decision'
  | 'decision-probabilities'
  | 'rework-target-missing'
  | 'invalid-rejection-rate'
  | 'not-absorbing'
  | 'parallel-unbalanced';

export interface ChainError {
  code: ChainErrorCode;
  message: string;
  /** The steps the problem is about (may be empty). */
  stepIds: string[];
}

export type ChainResult = { ok: true; chain: MarkovChain } | { ok: false; error: ChainError };

export interface ChainOptions {
  /** What-if rejection rates by review step id, in [0, 1]; they replace the reviews' own rates. */
  rejectionRate?: Readonly<Record<string, number>>;
}

const quote = (s: Step) => `'${s.name}'`;

function fail(code: ChainErrorCode, message: string, stepIds: string[] = []): ChainResult {
  return { ok: false, error: { code, message, stepIds } };
}

export function buildChain(
  workflow: Pick<Workflow, 'steps' | 'edges'>,
  options: ChainOptions = {},
): ChainResult {
  const steps = workflow.steps;
  const n = steps.length;
  const ids = steps.map((s) => s.id);
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(ids[i]!, i);

  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = steps[i]!.type;
    if (t === 'start') starts.push(i);
    else if (t === 'end') ends.push(i);
  }
  if (starts.length === 0) return fail('no-start', 'The workflow has no start step.');
  if (starts.length > 1) {
    return fail(
      'several-starts',
      `The workflow has ${starts.length} start steps; the analysis needs exactly one.`,
      starts.map((i) => ids[i]!),
    );
  }
  if (ends.length === 0) return fail('no-end', 'The workflow has no end step, so no case ever finishes.');

  // The connections as a compressed sparse row structure: edges of step i at edgeStart[i] … edgeStart[i + 1] − 1.
  const m = workflow.edges.length;
  const edgeFrom = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const edgeStart = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    const e = workflow.edges[k]!;
    const from = index.get(e.source);
    const to = index.get(e.target);
    if (from === undefined || to === undefined) {
      return fail(
        'dangling-edge',
        `A connection points to a step that does not exist ('${from === undefined ? e.source : e.target}').`,
      );
    }
    edgeFrom[k] = from;
    edgeTarget[k] = to;
    edgeStart[from + 1]!++;
  }
  for (let i = 0; i < n; i++) edgeStart[i + 1]! += edgeStart[i]!;
  const edgeTo = new Int32Array(m);
  const edgeProbability = new Float64Array(m); // NaN where the connection has no probability
  const fill = edgeStart.slice(0, n);
  for (let k = 0; k < m; k++) {
    const at = fill[edgeFrom[k]!]!++;
    edgeTo[at] = edgeTarget[k]!;
    edgeProbability[at] = workflow.edges[k]!.probability ?? NaN;
  }

  const overrides = options.rejectionRate ?? {};
  // At most one transition per connection, plus a rework transition per review.
  const outStart = new Int32Array(n + 1);
  const outTo = new Int32Array(m + n);
  const outProbability = new Float64Array(m + n);
  const outKind = new Uint8Array(m + n);
  let t = 0;
  const add = (to: number, probability: number, kind: number) => {
    outTo[t] = to;
    outProbability[t] = probability;
    outKind[t] = kind;
    t++;
  };
  for (let i = 0; i < n; i++) {
    outStart[i] = t;
    const step = steps[i]!;
    const first = edgeStart[i]!;
    const count = edgeStart[i + 1]! - first;
    if (step.type === 'end') continue;
    if (count === 0) {
      return fail('dead-end', `Step ${quote(step)} has no next step, so cases stop there.`, [step.id]);
    }
    if (step.type === 'decision') {
      let sum = 0;
      for (let k = first; k < first + count; k++) {
        const p = edgeProbability[k]!;
        if (Number.isNaN(p)) {
          return fail(
            'decision-probabilities',
            `Decision ${quote(step)}: every branch needs a probability.`,
            [step.id],
          );
        }
        sum += p;
      }
      if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
        return fail(
          'decision-probabilities',
          `Decision ${quote(step)}: branch probabilities add up to ${Math.round(sum * 1000) / 10}%, not 100%.`,
          [step.id],
        );
      }
      // Within the tolerance, normalise so that no probability leaks (0.333 + 0.333 + 0.333 → thirds);
      // branches to the same step add up.
      for (let k = first; k < first + count; k++) {
        const p = edgeProbability[k]! / sum;
        if (!(p > 0)) continue;
        let same = -1;
        for (let u = outStart[i]!; u < t; u++) if (outTo[u] === edgeTo[k]) same = u;
        if (same >= 0) outProbability[same]! += p;
        else add(edgeTo[k]!, p, BRANCH);
      }
      continue;
    }
    if (step.type === 'parallel' && count > 1) {
      for (let k = first; k < first + count; k++) add(edgeTo[k]!, 1, FORK);
      continue;
    }
    if (count > 1) {
      return fail(
        'branch-without-decision',
        `Step ${quote(step)} has ${count} next steps; only a decision (one of them) or a parallel split (all of them) can branch.`,
        [step.id],
      );
    }
    const next = edgeTo[first]!;
    if (step.type !== 'review') {
      add(next, 1, NEXT);
      continue;
    }
    const override = overrides[step.id];
    const r = override ?? step.rejectionRate;
    if (!(r >= 0 && r <= 1)) {
      return fail(
        'invalid-rejection-rate',
        `Review ${quote(step)}: the rejection rate must be between 0 and 1 (got ${String(r)}).`,
        [step.id],
      );
    }
    if (r === 0) {
      add(next, 1, ACCEPT);
      continue;
    }
    const target = step.reworkTargetId === null ? undefined : index.get(step.reworkTargetId);
    if (target === undefined) {
      return fail(
        'rework-target-missing',
        `Review ${quote(step)} rejects ${Math.round(r * 1000) / 10}% of work but has no rework target in this workflow.`,
        [step.id],
      );
    }
    add(target, r, REWORK);
    if (r < 1) add(next, 1 - r, ACCEPT);
  }
  outStart[n] = t;

  // A join fires once per set of tokens, one from each branch of its split.
  const parallel = findParallelBlocks(workflow, { rejectionRate: overrides, index });
  if (!parallel.ok) return fail('parallel-unbalanced', parallel.message, parallel.stepIds);
  if (parallel.blocks.length > 0) {
    const branchCount = new Float64Array(n).fill(1);
    for (const block of parallel.blocks) branchCount[index.get(block.joinId)!] = block.branches.length;
    for (let u = 0; u < t; u++) {
      const k = branchCount[outTo[u]!]!;
      if (k > 1) outProbability[u]! /= k;
    }
  }

  const chain: MarkovChain = {
    ids,
    steps,
    index,
    start: starts[0]!,
    ends,
    outStart,
    outTo: outTo.subarray(0, t),
    outProbability: outProbability.subarray(0, t),
    outKind: outKind.subarray(0, t),
    parallelBlocks: parallel.blocks,
  };
  const stuck = stuckStates(chain);
  if (stuck.length > 0) {
    const names = stuck.slice(0, 5).map((i) => quote(steps[i]!));
    const rejectAll = stuck
      .map((i) => steps[i]!)
      .find((s) => s.type === 'review' && (overrides[s.id] ?? s.rejectionRate) === 1);
    const why = rejectAll
      ? `review ${quote(rejectAll)} rejects 100% of work, so cases loop for ever`
      : 'cases that reach them can never get to an end step';
    return fail(
      'not-absorbing',
      `The workflow never finishes from ${names.join(', ')}${stuck.length > 5 ? ` and ${stuck.length - 5} more` : ''}: ${why}.`,
      stuck.map((i) => ids[i]!),
    );
  }
  return { ok: true, chain };
}

/** States reachable from the start from which no end can be reached: the chain would not absorb. */
function stuckStates(chain: MarkovChain): number[] {
  const n = chain.ids.length;
  const { outStart, outTo } = chain;
  const reached = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  stack[top++] = chain.start;
  reached[chain.start] = 1;
  while (top > 0) {
    const i = stack[--top]!;
    for (let k = outStart[i]!; k < outStart[i + 1]!; k++) {
      const j = outTo[k]!;
      if (!reached[j]) {
        reached[j] = 1;
        stack[top++] = j;
      }
    }
  }
  // Reverse transitions, compressed: predecessors of j at inStart[j] … inStart[j + 1] − 1.
  const inStart = new Int32Array(n + 1);
  for (let k = 0; k < outTo.length; k++) inStart[outTo[k]! + 1]!++;
  for (let j = 0; j < n; j++) inStart[j + 1]! += inStart[j]!;
  const inFrom = new Int32Array(outTo.length);
  const fill = inStart.slice(0, n);
  for (let i = 0; i < n; i++)
    for (let k = outStart[i]!; k < outStart[i + 1]!; k++) inFrom[fill[outTo[k]!]!++] = i;
  const finishes = new Uint8Array(n);
  for (const e of chain.ends) {
    finishes[e] = 1;
    stack[top++] = e;
  }
  while (top > 0) {
    const j = stack[--top]!;
    for (let k = inStart[j]!; k < inStart[j + 1]!; k++) {
      const i = inFrom[k]!;
      if (!finishes[i]) {
        finishes[i] = 1;
        stack[top++] = i;
      }
    }
  }
  const stuck: number[] = [];
  for (let i = 0; i < n; i++) if (reached[i] && !finishes[i]) stuck.push(i);
  return stuck;
}
