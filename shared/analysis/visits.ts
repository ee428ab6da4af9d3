/**
 * Expected visits of every step per case.
 *
 * With the workflow as an absorbing Markov chain (see chain.ts) with transient-to-transient matrix Q, the
 * expected number of visits to each state, starting from the start step, is the start row of the
 * fundamental matrix N = (I − Q)⁻¹ (Kemeny & Snell, "Finite Markov Chains", 1960), i.e. the solution of
 *
 *     (I − Q)ᵀ v = e_start     ⇔     v_j = [j = start] + Σᵢ vᵢ Qᵢⱼ.
 *
 * End steps are included as states without transitions: their "visits" are the probabilities of finishing
 * there (they add up to 1).
 *
 * How it is solved, in O(steps + connections) for workflows whose loops are local:
 *
 * 1. Split the states reachable from the start into strongly connected components (Tarjan, iterative) and
 *    take them in topological order. Without loops every component is a single step and v_j is simply the
 *    inflow Σᵢ vᵢ Qᵢⱼ from steps already done, one pass over the graph.
 * 2. A component with a loop (a review's rework path, or a decision that routes back) is solved exactly for
 *    the inflow it receives from earlier components: by dense Gaussian elimination with partial pivoting
 *    when it is small (≤ DENSE_LIMIT steps), otherwise by sparse elimination in depth-first order, whose
 *    fill-in stays proportional to how many loops overlap (see linear.ts). Loops are small and local in real
 *    workflows, so the total work stays linear in the size of the workflow.
 *
 * A chain that does not absorb (a review rejecting 100%, a loop with no way out, no end) is refused while
 * the chain is built, so I − Q is non-singular whenever we get here.
 */
import { buildChain } from './chain';
import { ACCEPT, REWORK } from '../flow/graph';
import type { Step } from '../model/schema';
import type { ChainError, MarkovChain } from './chain';
import { solveDenseInPlace, solveSparse } from './linear';
import type { SparseRow } from './linear';
import type { Workflow } from '../model/schema';

/** Components up to this many steps are solved densely (O(k³)); larger ones sparsely. */
export const DENSE_LIMIT = 32;

export interface SolvedVisits {
  ok: true;
  chain: MarkovChain;
  /** Expected visits per case, by state index (chain.ids order). */
  visits: Float64Array;
  /** The chain's strongly connected components in topological order (kept to solve it again). */
  components: number[][];
}

export type VisitsResult = SolvedVisits | { ok: false; error: ChainError };

const singular = (): VisitsResult => ({
  ok: false,
  error: {
    code: 'not-absorbing',
    message: 'The workflow loops too strongly to finish (the visit equations are singular).',
    stepIds: [],
  },
});

/** Expected visits per case of every step of the workflow; steps the start cannot reach get 0. */
export function computeVisits(workflow: Pick<Workflow, 'steps' | 'edges'>): VisitsResult {
  const built = buildChain(workflow);
  if (!built.ok) return built;
  const components = componentsInTopologicalOrder(built.chain);
  const visits = solveVisits(built.chain, components);
  if (!visits) return singular();
  return { ok: true, chain: built.chain, visits, components };
}

/**
 * The visits of the same workflow with other rejection rates on some reviews (state index → rate) and
 * `steps` in place of the chain's (other times: the chain does not read them), without compiling the
 * workflow again: the rework and accept probabilities are rewritten and the chain solved again with its
 * components. The learning projection moves rates week by week on an unchanged graph.
 * Returns null where the graph itself would change (a rate moving to or from 0 or 1 adds or removes a
 * transition); the caller then computes the visits afresh.
 */
export function resolveWithRates(
  solved: SolvedVisits,
  steps: readonly Step[],
  rates: ReadonlyMap<number, number>,
): VisitsResult | null {
  const chain = solved.chain;
  const { outStart, outKind, outTo } = chain;
  let outProbability: Float64Array | null = null;
  const joinBranches = branchesIntoJoins(chain);
  const inside = (x: number) => x > 0 && x < 1;
  for (const [i, r] of rates) {
    const step = chain.steps[i];
    if (step?.type !== 'review') return null;
    const old = step.rejectionRate;
    if (r === old) continue;
    if (!inside(r) || !inside(old)) return null;
    outProbability ??= chain.outProbability.slice();
    for (let k = outStart[i]!; k < outStart[i + 1]!; k++) {
      const p = outKind[k] === REWORK ? r : outKind[k] === ACCEPT ? 1 - r : null;
      if (p === null) continue;
      // As buildChain does: a transition into a join is divided by its split's number of branches.
      outProbability[k] = joinBranches ? p / joinBranches[outTo[k]!]! : p;
    }
  }
  // Only times moved: the visits stand.
  if (outProbability === null) return { ...solved, chain: { ...chain, steps } };
  const next: MarkovChain = { ...chain, steps, outProbability };
  const visits = solveVisits(next, solved.components);
  if (!visits) return singular();
  return { ok: true, chain: next, visits, components: solved.components };
}

/** The number of branches of the split each join closes (1 for every other step), or null without blocks. */
function branchesIntoJoins(chain: MarkovChain): Float64Array | null {
  if (chain.parallelBlocks.length === 0) return null;
  const count = new Float64Array(chain.ids.length).fill(1);
  for (const block of chain.parallelBlocks) count[chain.index.get(block.joinId)!] = block.branches.length;
  return count;
}

/** Expected visits by step id, for callers that want plain data. */
export function visitsById(chain: MarkovChain, visits: Float64Array): Record<string, number> {
  const result: Record<string, number> = {};
  for (let i = 0; i < chain.ids.length; i++) result[chain.ids[i]!] = visits[i]!;
  return result;
}

/** Solves v = e_start + Qᵀ v component by component. Returns null only if a component is singular. */
export function solveVisits(
  chain: MarkovChain,
  components: readonly (readonly number[])[] = componentsInTopologicalOrder(chain),
): Float64Array | null {
  const n = chain.ids.length;
  const { outStart, outTo, outProbability } = chain;
  const visits = new Float64Array(n);
  // Inflow b_j = [j = start] + Σ vᵢ Qᵢⱼ over states i of components already solved.
  const inflow = new Float64Array(n);
  inflow[chain.start] = 1;
  const component = new Int32Array(n).fill(-1);
  for (let c = 0; c < components.length; c++) for (const i of components[c]!) component[i] = c;

  for (let c = 0; c < components.length; c++) {
    const members = components[c]!;
    if (members.length === 1) {
      const i = members[0]!;
      let self = 0;
      for (let k = outStart[i]!; k < outStart[i + 1]!; k++) if (outTo[k] === i) self += outProbability[k]!;
      visits[i] = inflow[i]! / (1 - self);
    } else {
      const solved = solveComponent(chain, members, component, c, inflow);
      if (!solved) return null;
      for (let k = 0; k < members.length; k++) visits[members[k]!] = solved[k]!;
    }
    for (const i of members) {
      const v = visits[i]!;
      for (let k = outStart[i]!; k < outStart[i + 1]!; k++) {
        const j = outTo[k]!;
        if (component[j] !== c) inflow[j] = inflow[j]! + v * outProbability[k]!;
      }
    }
  }
  return visits;
}

/** Solves (I − Q_CCᵀ) v_C = b_C for one strongly connected component C (members in depth-first order). */
function solveComponent(
  chain: MarkovChain,
  members: readonly number[],
  component: Int32Array,
  c: number,
  inflow: Float64Array,
): ArrayLike<number> | null {
  const k = members.length;
  const { outStart, outTo, outProbability } = chain;
  const local = new Map<number, number>();
  for (let m = 0; m < k; m++) local.set(members[m]!, m);
  if (k <= DENSE_LIMIT) {
    // Row j is the equation of member j: v_j − Σ_i Q_ij v_i = inflow_j.
    const a = new Float64Array(k * k);
    const b = new Float64Array(k);
    for (let m = 0; m < k; m++) {
      a[m * k + m] = 1;
      b[m] = inflow[members[m]!]!;
    }
    for (let m = 0; m < k; m++) {
      const i = members[m]!;
      for (let e = outStart[i]!; e < outStart[i + 1]!; e++) {
        const j = outTo[e]!;
        if (component[j] !== c) continue;
        const at = local.get(j)! * k + m;
        a[at] = a[at]! - outProbability[e]!;
      }
    }
    return solveDenseInPlace(a, b, k);
  }
  const b = members.map((i) => inflow[i]!);
  const rows: SparseRow[] = Array.from({ length: k }, (_, r) => new Map([[r, 1]]));
  for (let m = 0; m < k; m++) {
    const i = members[m]!;
    for (let e = outStart[i]!; e < outStart[i + 1]!; e++) {
      const j = outTo[e]!;
      if (component[j] !== c) continue;
      const row = rows[local.get(j)!]!;
      row.set(m, (row.get(m) ?? 0) - outProbability[e]!);
    }
  }
  return solveSparse(rows, b);
}

/**
 * Strongly connected components of the states reachable from the start, in topological order (every
 * transition between components goes from an earlier to a later one); members in depth-first order.
 * Tarjan's algorithm, iterative so that a 10,000-step chain does not overflow the call stack.
 */
export function componentsInTopologicalOrder(chain: MarkovChain): number[][] {
  const n = chain.ids.length;
  const { outStart, outTo } = chain;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  const callNode: number[] = [];
  const callEdge: number[] = [];
  let counter = 0;

  const open = (v: number) => {
    order[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    callNode.push(v);
    callEdge.push(0);
  };
  open(chain.start);
  while (callNode.length > 0) {
    const top = callNode.length - 1;
    const v = callNode[top]!;
    const e = callEdge[top]!;
    if (e < outStart[v + 1]! - outStart[v]!) {
      callEdge[top] = e + 1;
      const w = outTo[outStart[v]! + e]!;
      if (order[w] === -1) open(w);
      else if (onStack[w] && order[w]! < low[v]!) low[v] = order[w]!;
      continue;
    }
    callNode.pop();
    callEdge.pop();
    if (callNode.length > 0) {
      const parent = callNode[callNode.length - 1]!;
      if (low[v]! < low[parent]!) low[parent] = low[v]!;
    }
    if (low[v] === order[v]) {
      let at = stack.length - 1;
      while (stack[at] !== v) at--;
      const members = stack.splice(at);
      for (const m of members) onStack[m] = 0;
      components.push(members);
    }
  }
  // Tarjan emits components sinks first.
  return components.reverse();
}
