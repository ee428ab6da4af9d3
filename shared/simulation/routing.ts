/**
 * Where a case goes after each step, compiled into flat tables for the simulation's hot loop, with the same
 * rules (and the same refusals) as the analytic engine's Markov chain (shared/analysis/chain.ts):
 *
 * - a decision picks one of its branches by their probabilities (normalised when they add up to 1 within
 *   PROBABILITY_TOLERANCE; several branches to the same step are kept apart, which is equivalent);
 * - a review with rejection rate r sends the case back to its rework target with probability r, and on to
 *   its single next step otherwise;
 * - any other step goes to its single next step; an end step finishes the case.
 *
 * A parallel step with several next steps is a split (KIND_SPLIT: the engine forks the case's token over all
 * branches); one with several steps leading in is a join (KIND_JOIN: it waits until one token from each
 * branch of its split has arrived for that case, then one token goes on); one with both joins and then splits
 * again (KIND_JOIN_SPLIT); one with a single way in and out is a pass-through. Blocks must be well nested, by
 * the analytic engine's own check (findParallelBlocks in shared/analysis/parallel.ts, with the same what-if
 * rejection rates, so the same graphs are refused with the same message): every branch of a split ends at
 * one and the same join without reaching an end, branches do not meet before it, a block is entered only
 * through its split, and every join closes exactly one split. Then each token sent down a branch reaches the
 * join exactly once, so a join needs one arrival per branch — not per incoming connection, since a decision
 * inside a branch may reach the join by two connections while its branch still delivers one token.
 *
 * For step i the choices are targets[first[i] … first[i + 1] − 1] with cumulative probabilities in
 * cumulative[…], the last of which is exactly 1: draw u ∈ [0, 1) and take the first choice with u < cumulative.
 */
import type { Step, Workflow } from '../model/schema';
import { PROBABILITY_TOLERANCE } from '../model/validate';
import type { SimulationError, SimulationErrorCode } from './types';
import { findParallelBlocks } from '../analysis/parallel';

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

export type RoutingResult = { ok: true; routing: Routing } | { ok: false; error: SimulationError };

const quote = (s: Step) => `'${s.name}'`;

function fail(code: SimulationErrorCode, message: string, stepIds: string[] = []): RoutingResult {
  return { ok: false, error: { code, message, stepIds } };
}

export function compileRouting(
  workflow: Pick<Workflow, 'steps' | 'edges'>,
  rejectionRates: Readonly<Record<string, number>> = {},
): RoutingResult {
  const steps = workflow.steps;
  const n = steps.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = steps[i]!.id;
    if (index.has(id)) return fail('duplicate-step-id', `Step id '${id}' is used more than once.`, [id]);
    index.set(id, i);
  }
  const kind = new Uint8Array(n);
  const starts: number[] = [];
  let ends = 0;
  for (let i = 0; i < n; i++) {
    const type = steps[i]!.type;
    if (type === 'start') {
      kind[i] = KIND_START;
      starts.push(i);
    } else if (type === 'end') {
      kind[i] = KIND_END;
      ends++;
    } else kind[i] = type === 'task' || type === 'review' ? KIND_WORK : KIND_DECISION;
  }
  if (starts.length === 0) return fail('no-start', 'The workflow has no start step.');
  if (starts.length > 1) {
    return fail(
      'several-starts',
      `The workflow has ${starts.length} start steps; the simulation needs exactly one.`,
      starts.map((i) => steps[i]!.id),
    );
  }
  if (ends === 0) return fail('no-end', 'The workflow has no end step, so no case ever finishes.');

  const edgesOut: { to: number; probability: number | null }[][] = Array.from({ length: n }, () => []);
  for (const e of workflow.edges) {
    const from = index.get(e.source);
    const to = index.get(e.target);
    if (from === undefined || to === undefined) {
      return fail(
        'dangling-edge',
        `A connection points to a step that does not exist ('${from === undefined ? e.source : e.target}').`,
      );
    }
    edgesOut[from]!.push({ to, probability: e.probability });
  }

  const incoming = new Int32Array(n);
  for (const list of edgesOut) for (const e of list) incoming[e.to] = incoming[e.to]! + 1;
  // Parallel blocks must be well nested, as for the analytic engine (the same rule, the same message). A
  // review's rework path counts as a way on only when it carries work, so the what-if rates matter here too.
  const blocks = findParallelBlocks(workflow, { rejectionRate: rejectionRates, index });
  if (!blocks.ok) return fail('parallel-unbalanced', blocks.message, blocks.stepIds);
  for (let i = 0; i < n; i++) {
    if (steps[i]!.type !== 'parallel') continue;
    const splits = edgesOut[i]!.length > 1;
    const joins = incoming[i]! > 1;
    if (splits) kind[i] = joins ? KIND_JOIN_SPLIT : KIND_SPLIT;
    else if (joins) kind[i] = KIND_JOIN;
  }

  const choices: { to: number; probability: number }[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const step = steps[i]!;
    const edges = edgesOut[i]!;
    if (step.type === 'end') {
      choices[i] = [];
      continue;
    }
    if (edges.length === 0) {
      return fail('dead-end', `Step ${quote(step)} has no next step, so cases stop there.`, [step.id]);
    }
    if (step.type === 'decision') {
      let sum = 0;
      for (const e of edges) {
        if (e.probability === null) {
          return fail(
            'decision-probabilities',
            `Decision ${quote(step)}: every branch needs a probability.`,
            [step.id],
          );
        }
        sum += e.probability;
      }
      if (!(Math.abs(sum - 1) <= PROBABILITY_TOLERANCE)) {
        return fail(
          'decision-probabilities',
          `Decision ${quote(step)}: branch probabilities add up to ${Math.round(sum * 1000) / 10}%, not 100%.`,
          [step.id],
        );
      }
      choices[i] = edges
        .filter((e) => (e.probability ?? 0) > 0)
        .map((e) => ({ to: e.to, probability: (e.probability ?? 0) / sum }));
      continue;
    }
    if (kind[i] === KIND_SPLIT || kind[i] === KIND_JOIN_SPLIT) {
      // Every branch runs; the engine forks the token over all of them (the probabilities are not used).
      choices[i] = edges.map((e) => ({ to: e.to, probability: 1 / edges.length }));
      continue;
    }
    if (edges.length > 1) {
      return fail(
        'branch-without-decision',
        `Step ${quote(step)} has ${edges.length} next steps; only a decision can branch.`,
        [step.id],
      );
    }
    const next = edges[0]!.to;
    if (step.type !== 'review') {
      choices[i] = [{ to: next, probability: 1 }];
      continue;
    }
    const r = rejectionRates[step.id] ?? step.rejectionRate;
    if (!(r >= 0 && r <= 1)) {
      return fail(
        'invalid-option',
        `Review ${quote(step)}: the rejection rate must be between 0 and 1 (got ${String(r)}).`,
        [step.id],
      );
    }
    if (r === 0) {
      choices[i] = [{ to: next, probability: 1 }];
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
    choices[i] =
      r < 1
        ? [
            { to: target, probability: r },
            { to: next, probability: 1 - r },
          ]
        : [{ to: target, probability: 1 }];
  }

  const start = starts[0]!;
  const stuck = stuckSteps(choices, start, kind);
  if (stuck.length > 0) {
    const names = stuck.slice(0, 5).map((i) => quote(steps[i]!));
    const rejectAll = stuck
      .map((i) => steps[i]!)
      .find((s) => s.type === 'review' && (rejectionRates[s.id] ?? s.rejectionRate) === 1);
    const why = rejectAll
      ? `review ${quote(rejectAll)} rejects 100% of work, so cases loop for ever`
      : 'cases that reach them can never get to an end step';
    return fail(
      'not-absorbing',
      `The workflow never finishes from ${names.join(', ')}${stuck.length > 5 ? ` and ${stuck.length - 5} more` : ''}: ${why}.`,
      stuck.map((i) => steps[i]!.id),
    );
  }

  const first = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) first[i + 1] = first[i]! + choices[i]!.length;
  const targets = new Int32Array(first[n]!);
  const cumulative = new Float64Array(first[n]!);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    const list = choices[i]!;
    for (let k = 0; k < list.length; k++) {
      acc += list[k]!.probability;
      targets[first[i]! + k] = list[k]!.to;
      cumulative[first[i]! + k] = k === list.length - 1 ? 1 : acc;
    }
  }
  return { ok: true, routing: { kind, start, first, targets, cumulative } };
}

/** Steps reachable from the start from which no end step can be reached: cases there would never finish. */
function stuckSteps(choices: readonly { to: number }[][], start: number, kind: Uint8Array): number[] {
  const n = choices.length;
  const reached = new Uint8Array(n);
  const stack = [start];
  reached[start] = 1;
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (const c of choices[i]!) {
      if (!reached[c.to]) {
        reached[c.to] = 1;
        stack.push(c.to);
      }
    }
  }
  const incoming: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) for (const c of choices[i]!) incoming[c.to]!.push(i);
  const finishes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (kind[i] === KIND_END) {
      finishes[i] = 1;
      stack.push(i);
    }
  }
  while (stack.length > 0) {
    const j = stack.pop()!;
    for (const i of incoming[j]!) {
      if (!finishes[i]) {
        finishes[i] = 1;
        stack.push(i);
      }
    }
  }
  const stuck: number[] = [];
  for (let i = 0; i < n; i++) if (reached[i] && !finishes[i]) stuck.push(i);
  return stuck;
}
