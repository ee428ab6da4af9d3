/**
 * Graph rules, declared once: the canvas asks them before it draws a connection (React Flow's
 * isValidConnection), and validation reports documents that break them.
 */
import type { Edge, ReviewStep, Step, Workflow } from './schema';

export type ConnectionVerdict = { ok: true } | { ok: false; reason: string };

export function canConnect(
  workflow: Pick<Workflow, 'steps' | 'edges'>,
  sourceId: string,
  targetId: string,
): ConnectionVerdict {
  const source = workflow.steps.find((s) => s.id === sourceId);
  const target = workflow.steps.find((s) => s.id === targetId);
  if (!source || !target)
    return { ok: false, reason: 'Both ends of a connection must be steps of this workflow.' };
  if (source.id === target.id) return { ok: false, reason: 'A step cannot connect to itself.' };
  if (source.type === 'end')
    return { ok: false, reason: `'${source.name}' is an end step: nothing follows it.` };
  if (target.type === 'start')
    return { ok: false, reason: `'${target.name}' is the start: nothing leads into it.` };
  if (workflow.edges.some((e) => e.source === sourceId && e.target === targetId)) {
    return { ok: false, reason: `'${source.name}' is already connected to '${target.name}'.` };
  }
  if (!branches(source) && workflow.edges.some((e) => e.source === sourceId)) {
    return {
      ok: false,
      reason: `'${source.name}' already has a next step; use a decision or parallel step to branch.`,
    };
  }
  return { ok: true };
}

/** Steps that may have several next steps: a decision picks one, a parallel split runs them all. */
export function branches(step: Step): boolean {
  return step.type === 'decision' || step.type === 'parallel';
}

export function outgoing(edges: readonly Edge[], stepId: string): Edge[] {
  return edges.filter((e) => e.source === stepId);
}

/** Ids of every step reachable from `fromId` along forward edges (rework loops excluded), including itself. */
export function reachableFrom(edges: readonly Edge[], fromId: string): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.source);
    if (list) list.push(e.target);
    else next.set(e.source, [e.target]);
  }
  const seen = new Set<string>([fromId]);
  const stack = [fromId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const t of next.get(id) ?? []) {
      if (!seen.has(t)) {
        seen.add(t);
        stack.push(t);
      }
    }
  }
  return seen;
}

/** Ids of every step from which `toId` can be reached along forward edges, including itself. */
export function reachingTo(edges: readonly Edge[], toId: string): Set<string> {
  return reachableFrom(
    edges.map((e) => ({ ...e, source: e.target, target: e.source })),
    toId,
  );
}

/**
 * The steps a new connection from `sourceId` may go to, in one pass (the inspector lists them for every
 * render of a selected step, so asking canConnect once per step would be quadratic).
 */
export function connectableTargets(workflow: Pick<Workflow, 'steps' | 'edges'>, sourceId: string): Step[] {
  const source = workflow.steps.find((s) => s.id === sourceId);
  if (!source || source.type === 'end') return [];
  const existing = new Set<string>();
  for (const e of workflow.edges) if (e.source === sourceId) existing.add(e.target);
  if (!branches(source) && existing.size > 0) return [];
  return workflow.steps.filter((s) => s.id !== sourceId && s.type !== 'start' && !existing.has(s.id));
}

/** Steps a review may send rejected work back to: work steps from which the review itself is reached. */
export function reworkTargetCandidates(
  workflow: Pick<Workflow, 'steps' | 'edges'>,
  review: ReviewStep,
): Step[] {
  const earlier = reachingTo(workflow.edges, review.id);
  return workflow.steps.filter(
    (s) => s.id !== review.id && earlier.has(s.id) && (s.type === 'task' || s.type === 'review'),
  );
}
