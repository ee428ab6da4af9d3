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
import type { ChainError, MarkovChain } from './chain';
import { solveDenseInPlace, solveSparse } from './linear';
import type { SparseRow } from './linear';
import type { Workflow } from '../model/schema';

/** Components up to this many steps are solved densely (O(k³)); larger ones sparsely. */
export const DENSE_LIMIT = 32;

export type VisitsResult =
  | {
      ok: true;
      chain: MarkovChain;
      /** Expected visits per case, by state index (chain.ids order). */
      visits: Float64Array;
    }
  | { ok: false; error: ChainError };

/** Expected visits per case of every step of the workflow; steps the start cannot reach get 0. */
export function computeVisits(workflow: Pick<Workflow, 'steps' | 'edges'>): VisitsResult {
  const built = buildChain(workflow);
  if (!built.ok) return built;
  const visits = solveVisits(built.chain);
  if (!visits) {
    return {
      ok: false,
      error: {
        code: 'not-absorbing',
        message: 'The workflow loops too strongly to finish (the visit equations are singular).',
        stepIds: [],
      },
    };
  }
  return { ok: true, chain: built.chain, visits };
}

/** Expected visits by step id, for callers that want plain data. */
export function visitsById(chain: MarkovChain, visits: Float64Array): Record<string, number> {
  const result: Record<string, number> = {};
  for (let i = 0; i < chain.ids.length; i++) result[chain.ids[i]!] = visits[i]!;
  return result;
}

/** Solves v = e_start + Qᵀ v component by component. Returns null only if a component is singular. */
export function solveVisits(chain: MarkovChain): Float64Array | null {
  const n = chain.ids.length;
  const { outStart, outTo, outProbability } = chain;
  const visits = new Float64Array(n);
  // Inflow b_j = [j = start] + Σ vᵢ Qᵢⱼ over states i of components already solved.
  const inflow = new Float64Array(n);
  inflow[chain.start] = 1;
  const components = componentsInTopologicalOrder(chain);
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
