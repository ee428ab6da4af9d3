/**
 * Where a case goes after each step, compiled into flat tables for the simulation's hot loop. The tables are
 * read off the flow graph (shared/flow/graph.ts), so the simulation follows the same rules and refuses the
 * same workflows, with the same codes and messages, as the analytic engine: a decision picks one of its
 * branches by their probabilities (several branches to the same step are kept apart, which is equivalent),
 * a review sends the case back to its rework target with its rejection rate and on otherwise, any other step
 * goes to its single next step, an end step finishes the case.
 *
 * A parallel step with several next steps is a split (KIND_SPLIT: the engine forks the case's token over all
 * branches); one with several steps leading in is a join (KIND_JOIN: it waits until one token from each
 * branch of its split has arrived for that case, then one token goes on); one with both joins and then splits
 * again (KIND_JOIN_SPLIT); one with a single way in and out is a pass-through. The flow graph checks that
 * blocks are well nested (shared/flow/parallel.ts), so each token sent down a branch reaches the join exactly
 * once and a join needs one arrival per branch — not per incoming connection, since a decision inside a
 * branch may reach the join by two connections while its branch still delivers one token.
 *
 * For step i the choices are targets[first[i] … first[i + 1] − 1] with cumulative probabilities in
 * cumulative[…], the last of which is exactly 1: draw u ∈ [0, 1) and take the first choice with u < cumulative.
 */
import type { Workflow } from '../model/schema';
import { compileFlow, FORK } from '../flow/graph';
import type { FlowRefusal } from '../flow/refusals';

export const KIND_START = 0;
export const KIND_END = 1;
export const KIND_DECISION = 2;
/** A task or review: takes time, possibly in a role's queue. (Pass-through parallel steps are KIND_DECISION.) */
export const KIND_WORK = 3;
/** A parallel split: the case's token forks into one token per branch. */
export const KIND_SPLIT = 4;
/** A parallel join: waits for one token from each branch of its split, then one token goes on. */
export const KIND_JOIN = 5;
/**
 * A parallel step that joins the branches of one block and at once splits into those of the next. The two
 * join kinds are the highest: the engine tests `kind >= KIND_JOIN`.
 */
export const KIND_JOIN_SPLIT = 6;

export interface Routing {
  /** Step kind per step index (KIND_*). */
  kind: Uint8Array;
  start: number;
  /** first[i] … first[i + 1] − 1 index the choices of step i; length steps + 1. */
  first: Int32Array;
  targets: Int32Array;
  cumulative: Float64Array;
}

export type RoutingResult = { ok: true; routing: Routing } | { ok: false; error: FlowRefusal };

/** The routing tables of a workflow (a what-if already applied: shared/whatIf). */
export function compileRouting(workflow: Pick<Workflow, 'steps' | 'edges'>): RoutingResult {
  const compiled = compileFlow(workflow);
  if (!compiled.ok) return compiled;
  const graph = compiled.graph;
  const steps = graph.steps;
  const n = steps.length;
  const kind = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const type = steps[i]!.type;
    if (type === 'start') kind[i] = KIND_START;
    else if (type === 'end') kind[i] = KIND_END;
    else if (type === 'task' || type === 'review') kind[i] = KIND_WORK;
    else if (type === 'parallel') {
      const splits = graph.connectionsOut[i]! > 1;
      const joins = graph.connectionsIn[i]! > 1;
      kind[i] = splits ? (joins ? KIND_JOIN_SPLIT : KIND_SPLIT) : joins ? KIND_JOIN : KIND_DECISION;
    } else kind[i] = KIND_DECISION;
  }
  const first = graph.first.slice();
  const targets = graph.to.slice();
  const cumulative = new Float64Array(targets.length);
  for (let i = 0; i < n; i++) {
    const from = first[i]!;
    const count = first[i + 1]! - from;
    let acc = 0;
    for (let k = from; k < from + count; k++) {
      // Every branch of a split runs; the engine forks the token over all of them (the shares are not used).
      acc += graph.kind[k] === FORK ? 1 / count : graph.probability[k]!;
      cumulative[k] = k === from + count - 1 ? 1 : acc;
    }
  }
  return { ok: true, routing: { kind, start: graph.start, first, targets, cumulative } };
}
