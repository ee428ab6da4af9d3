/**
 * The one compiler from a workflow to its flow graph: where a case goes after each step, with what
 * probability and why. The analytic engine's Markov chain (shared/analysis/chain.ts) and the simulation's
 * routing tables (shared/simulation/routing.ts) are both read off this graph, so they accept and refuse the
 * same workflows with the same codes and messages (refusals.ts).
 *
 * - a decision routes by its branch probabilities, normalised when they add up to 1 within
 *   PROBABILITY_TOLERANCE (0.333 + 0.333 + 0.333 → thirds); branches with probability 0 are dropped, and
 *   several branches to the same step stay apart (the chain adds them up);
 * - a review with rejection rate r sends r back to its rework target ('rework', listed first) and 1 − r on to
 *   its single next step ('accept'); at r = 0 it needs no rework target;
 * - a parallel step with several next steps is a split: every branch runs ('fork', 1 each);
 * - any other step goes to its single next step ('next'); end steps have no successors.
 *
 * Parallel blocks must be well nested (parallel.ts), and from every step the start reaches some end must be
 * reachable. What-if values are applied to the workflow before it is compiled (shared/whatIf), so the graph
 * reads each step's own rejection rate.
 */
import type { Step, Workflow } from '../model/schema';
import { PROBABILITY_TOLERANCE } from '../model/validate';
import { findParallelBlocks } from './parallel';
import type { ParallelBlock } from './parallel';
import { refusal, refusals } from './refusals';
import type { FlowRefusal } from './refusals';

/** Why a case goes to a successor: the plain next step, a decision branch, a review's paths, a split's branch. */
export type SuccessorKind = 'next' | 'branch' | 'accept' | 'rework' | 'fork';
/** Kinds by their code in FlowGraph.kind. */
export const SUCCESSOR_KINDS: readonly SuccessorKind[] = ['next', 'branch', 'accept', 'rework', 'fork'];
export const NEXT = 0;
export const BRANCH = 1;
export const ACCEPT = 2;
export const REWORK = 3;
export const FORK = 4;

/**
 * The graph in compressed sparse row form (typed arrays, no object per successor, so that a 10,000-step
 * workflow compiles in a few milliseconds): the successors of step i are at positions first[i] …
 * first[i + 1] − 1 of to / probability / kind.
 */
export interface FlowGraph {
  steps: readonly Step[];
  /** Step ids in workflow order; a step's index is its position here. */
  ids: string[];
  index: Map<string, number>;
  start: number;
  ends: number[];
  first: Int32Array;
  to: Int32Array;
  /** Positive; a step's successors add up to 1, except a split's (1 per branch). */
  probability: Float64Array;
  /** Index into SUCCESSOR_KINDS. */
  kind: Uint8Array;
  /** Connections out of and into each step (a split has several out, a join several in). */
  connectionsOut: Int32Array;
  connectionsIn: Int32Array;
  /** The parallel blocks, innermost first (checked to be well nested). */
  parallelBlocks: readonly ParallelBlock[];
}

export type FlowResult = { ok: true; graph: FlowGraph } | { ok: false; error: FlowRefusal };

const fail = (error: FlowRefusal): FlowResult => ({ ok: false, error });

/** The connections grouped by source step (each step's in workflow order), with their probabilities. */
interface Connections {
  start: Int32Array;
  to: Int32Array;
  /** NaN where the connection has no probability. */
  probability: Float64Array;
  out: Int32Array;
  in: Int32Array;
}

function groupConnections(
  workflow: Pick<Workflow, 'edges'>,
  index: ReadonlyMap<string, number>,
  n: number,
): Connections | FlowRefusal {
  const m = workflow.edges.length;
  const from = new Int32Array(m);
  const target = new Int32Array(m);
  const start = new Int32Array(n + 1);
  const into = new Int32Array(n);
  for (let k = 0; k < m; k++) {
    const e = workflow.edges[k]!;
    const f = index.get(e.source);
    const t = index.get(e.target);
    if (f === undefined || t === undefined)
      return refusals.danglingEdge(f === undefined ? e.source : e.target);
    from[k] = f;
    target[k] = t;
    start[f + 1]!++;
    into[t]!++;
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = start[i + 1]!;
    start[i + 1]! += start[i]!;
  }
  const to = new Int32Array(m);
  const probability = new Float64Array(m);
  const fill = start.slice(0, n);
  for (let k = 0; k < m; k++) {
    const at = fill[from[k]!]!++;
    to[at] = target[k]!;
    probability[at] = workflow.edges[k]!.probability ?? NaN;
  }
  return { start, to, probability, out, in: into };
}

/** Compiles a workflow into its flow graph, or says in the user's words why cases cannot flow through it. */
export function compileFlow(workflow: Pick<Workflow, 'steps' | 'edges'>): FlowResult {
  const steps = workflow.steps;
  const n = steps.length;
  const ids = steps.map((s) => s.id);
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (index.has(ids[i]!)) return fail(refusals.duplicateStepId(ids[i]!));
    index.set(ids[i]!, i);
  }
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = steps[i]!.type;
    if (t === 'start') starts.push(i);
    else if (t === 'end') ends.push(i);
  }
  if (starts.length === 0) return fail(refusals.noStart());
  if (starts.length > 1) return fail(refusals.severalStarts(starts.map((i) => ids[i]!)));
  if (ends.length === 0) return fail(refusals.noEnd());

  const connections = groupConnections(workflow, index, n);
  if ('code' in connections) return fail(connections);
  const successors = compileSuccessors(steps, index, connections);
  if ('code' in successors) return fail(successors);

  const parallel = findParallelBlocks(workflow, { index });
  if (!parallel.ok) return fail(refusal('parallel-unbalanced', parallel.message, parallel.stepIds));

  const graph: FlowGraph = {
    steps,
    ids,
    index,
    start: starts[0]!,
    ends,
    ...successors,
    connectionsOut: connections.out,
    connectionsIn: connections.in,
    parallelBlocks: parallel.blocks,
  };
  const stuck = stuckSteps(graph);
  if (stuck.length > 0) return fail(refusals.notAbsorbing(stuck.map((i) => steps[i]!)));
  return { ok: true, graph };
}

type Successors = Pick<FlowGraph, 'first' | 'to' | 'probability' | 'kind'>;

/** Every step's successors by the rules in the module comment; the first step that breaks one is refused. */
function compileSuccessors(
  steps: readonly Step[],
  index: ReadonlyMap<string, number>,
  connections: Connections,
): Successors | FlowRefusal {
  const n = steps.length;
  // At most one successor per connection, plus a rework successor per review.
  const size = connections.to.length + n;
  const first = new Int32Array(n + 1);
  const to = new Int32Array(size);
  const probability = new Float64Array(size);
  const kind = new Uint8Array(size);
  let t = 0;
  const add = (target: number, p: number, k: number) => {
    to[t] = target;
    probability[t] = p;
    kind[t] = k;
    t++;
  };
  for (let i = 0; i < n; i++) {
    first[i] = t;
    const step = steps[i]!;
    const from = connections.start[i]!;
    const count = connections.start[i + 1]! - from;
    if (step.type === 'end') continue;
    if (count === 0) return refusals.deadEnd(step);
    if (step.type === 'decision') {
      let sum = 0;
      for (let k = from; k < from + count; k++) {
        const p = connections.probability[k]!;
        if (Number.isNaN(p)) return refusals.branchWithoutProbability(step);
        sum += p;
      }
      if (!(Math.abs(sum - 1) <= PROBABILITY_TOLERANCE)) return refusals.branchesDoNotAddUp(step, sum);
      for (let k = from; k < from + count; k++) {
        const p = connections.probability[k]! / sum;
        if (p > 0) add(connections.to[k]!, p, BRANCH);
      }
      continue;
    }
    if (step.type === 'parallel' && count > 1) {
      for (let k = from; k < from + count; k++) add(connections.to[k]!, 1, FORK);
      continue;
    }
    if (count > 1) return refusals.branchWithoutDecision(step, count);
    const next = connections.to[from]!;
    if (step.type !== 'review') {
      add(next, 1, NEXT);
      continue;
    }
    const r = step.rejectionRate;
    if (!(r >= 0 && r <= 1)) return refusals.invalidRejectionRate(step, r);
    if (r === 0) {
      add(next, 1, ACCEPT);
      continue;
    }
    const target = step.reworkTargetId === null ? undefined : index.get(step.reworkTargetId);
    if (target === undefined) return refusals.reworkTargetMissing(step, r);
    add(target, r, REWORK);
    if (r < 1) add(next, 1 - r, ACCEPT);
  }
  first[n] = t;
  return {
    first,
    to: to.subarray(0, t),
    probability: probability.subarray(0, t),
    kind: kind.subarray(0, t),
  };
}

/**
 * The successors reversed, compressed: the predecessors of step j are inFrom[inStart[j] … inStart[j + 1] − 1]
 * (for sweeps backwards from the ends).
 */
export function predecessors(
  n: number,
  first: Int32Array,
  to: Int32Array,
): { inStart: Int32Array; inFrom: Int32Array } {
  const inStart = new Int32Array(n + 1);
  for (let k = 0; k < to.length; k++) inStart[to[k]! + 1]!++;
  for (let j = 0; j < n; j++) inStart[j + 1]! += inStart[j]!;
  const inFrom = new Int32Array(to.length);
  const fill = inStart.slice(0, n);
  for (let i = 0; i < n; i++) for (let k = first[i]!; k < first[i + 1]!; k++) inFrom[fill[to[k]!]!++] = i;
  return { inStart, inFrom };
}

/** Steps reachable from the start from which no end can be reached: cases there would never finish. */
function stuckSteps(graph: FlowGraph): number[] {
  const n = graph.ids.length;
  const { first, to } = graph;
  const reached = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  stack[top++] = graph.start;
  reached[graph.start] = 1;
  while (top > 0) {
    const i = stack[--top]!;
    for (let k = first[i]!; k < first[i + 1]!; k++) {
      const j = to[k]!;
      if (!reached[j]) {
        reached[j] = 1;
        stack[top++] = j;
      }
    }
  }
  const { inStart, inFrom } = predecessors(n, first, to);
  const finishes = new Uint8Array(n);
  for (const e of graph.ends) {
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
