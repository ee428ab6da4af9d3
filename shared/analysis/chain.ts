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
 * The chain is read off the flow graph (shared/flow/graph.ts), which checks what the maths needs (one start, an
 * end, one next step per non-decision step, branch probabilities that add up to 1, a rework target where work
 * is rejected, well-nested parallel blocks, a way to an end from everywhere) and says what is wrong in the
 * user's words instead of producing a meaningless number.
 */
import type { Step, Workflow } from '../model/schema';
import { BRANCH, compileFlow, SUCCESSOR_KINDS } from '../flow/graph';
import type { FlowGraph, SuccessorKind } from '../flow/graph';
import type { ParallelBlock } from '../flow/parallel';
import type { FlowRefusal, FlowRefusalCode } from '../flow/refusals';

/**
 * Why a transition exists: the plain next step, a decision branch, a review's accept / rework path, or one
 * branch of a parallel split.
 */
export type TransitionKind = SuccessorKind;
export const TRANSITION_KINDS: readonly TransitionKind[] = SUCCESSOR_KINDS;

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

/** The flow graph's refusals (shared/flow/refusals.ts). */
export type ChainErrorCode = FlowRefusalCode;
export type ChainError = FlowRefusal;

export type ChainResult = { ok: true; chain: MarkovChain } | { ok: false; error: ChainError };

/** The Markov chain of a workflow (a what-if already applied: shared/whatIf). */
export function buildChain(workflow: Pick<Workflow, 'steps' | 'edges'>): ChainResult {
  const compiled = compileFlow(workflow);
  if (!compiled.ok) return compiled;
  const graph = compiled.graph;
  const n = graph.ids.length;
  const { outStart, outTo, outProbability, outKind } = chainTransitions(graph);
  const t = outTo.length;
  // A join fires once per set of tokens, one from each branch of its split.
  if (graph.parallelBlocks.length > 0) {
    const branchCount = new Float64Array(n).fill(1);
    for (const block of graph.parallelBlocks)
      branchCount[graph.index.get(block.joinId)!] = block.branches.length;
    for (let u = 0; u < t; u++) {
      const k = branchCount[outTo[u]!]!;
      if (k > 1) outProbability[u]! /= k;
    }
  }
  const chain: MarkovChain = {
    ids: graph.ids,
    steps: graph.steps,
    index: graph.index,
    start: graph.start,
    ends: graph.ends,
    outStart,
    outTo,
    outProbability,
    outKind,
    parallelBlocks: graph.parallelBlocks,
  };
  return { ok: true, chain };
}

type Transitions = Pick<MarkovChain, 'outStart' | 'outTo' | 'outProbability' | 'outKind'>;

/**
 * The graph's successors as the chain's transitions: decision branches to the same step add up to one
 * transition. Without such branches (the usual case) the graph's own arrays are the transitions.
 */
function chainTransitions(graph: FlowGraph): Transitions {
  const n = graph.ids.length;
  if (!hasRepeatedBranch(graph)) {
    return { outStart: graph.first, outTo: graph.to, outProbability: graph.probability, outKind: graph.kind };
  }
  const outStart = new Int32Array(n + 1);
  const outTo = new Int32Array(graph.to.length);
  const outProbability = new Float64Array(graph.to.length);
  const outKind = new Uint8Array(graph.to.length);
  let t = 0;
  for (let i = 0; i < n; i++) {
    outStart[i] = t;
    for (let k = graph.first[i]!; k < graph.first[i + 1]!; k++) {
      const to = graph.to[k]!;
      let same = -1;
      if (graph.kind[k] === BRANCH) for (let u = outStart[i]!; u < t; u++) if (outTo[u] === to) same = u;
      if (same >= 0) {
        outProbability[same]! += graph.probability[k]!;
        continue;
      }
      outTo[t] = to;
      outProbability[t] = graph.probability[k]!;
      outKind[t] = graph.kind[k]!;
      t++;
    }
  }
  outStart[n] = t;
  return {
    outStart,
    outTo: outTo.subarray(0, t),
    outProbability: outProbability.subarray(0, t),
    outKind: outKind.subarray(0, t),
  };
}

/** Whether some decision has two branches to the same step. */
function hasRepeatedBranch(graph: FlowGraph): boolean {
  const { first, to, kind } = graph;
  for (let i = 0; i < graph.ids.length; i++) {
    const lo = first[i]!;
    const hi = first[i + 1]!;
    if (hi - lo < 2 || kind[lo] !== BRANCH) continue;
    for (let k = lo + 1; k < hi; k++) for (let u = lo; u < k; u++) if (to[u] === to[k]) return true;
  }
  return false;
}
