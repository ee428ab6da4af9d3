/**
 * Which steps can reach an end without passing a human review: the question behind "AI output that reaches
 * a customer is reviewed on every path". Successors come from the compiled flow graph (shared/flow/graph.ts);
 * while the flow is refused (a draft with a dead end, say) the raw connections stand in, so the rule still
 * answers for an unfinished diagram. One backward sweep from the ends, linear in the workflow's size.
 */
import { compileFlow, predecessors } from '../flow/graph';
import type { Workflow } from '../model/schema';

export interface ReviewCoverage {
  index: ReadonlyMap<string, number>;
  /** 1 where a case at this step can reach an end without passing a review (a review itself is 0). */
  unreviewed: Uint8Array;
  /** Successors of step i: to[first[i]] … to[first[i + 1] − 1]. */
  first: Int32Array;
  to: Int32Array;
}

function successorsOf(workflow: Workflow, index: ReadonlyMap<string, number>) {
  const flow = compileFlow(workflow);
  if (flow.ok) return { first: flow.graph.first, to: flow.graph.to };
  const n = workflow.steps.length;
  const first = new Int32Array(n + 1);
  const valid = workflow.edges.filter((e) => index.has(e.source) && index.has(e.target));
  for (const e of valid) first[index.get(e.source)! + 1]!++;
  for (let i = 0; i < n; i++) first[i + 1]! += first[i]!;
  const to = new Int32Array(valid.length);
  const fill = first.slice(0, n);
  for (const e of valid) to[fill[index.get(e.source)!]!++] = index.get(e.target)!;
  return { first, to };
}

/** Rules that ask the same question of the same workflow share one sweep. */
const cache = new WeakMap<Workflow, ReviewCoverage>();

export function reviewCoverage(workflow: Workflow): ReviewCoverage {
  const cached = cache.get(workflow);
  if (cached) return cached;
  const coverage = computeCoverage(workflow);
  cache.set(workflow, coverage);
  return coverage;
}

function computeCoverage(workflow: Workflow): ReviewCoverage {
  const steps = workflow.steps;
  const n = steps.length;
  const index = new Map<string, number>();
  steps.forEach((s, i) => index.set(s.id, i));
  const { first, to } = successorsOf(workflow, index);
  const { inStart, inFrom } = predecessors(n, first, to);
  const unreviewed = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) {
    if (steps[i]!.type === 'end') {
      unreviewed[i] = 1;
      stack[top++] = i;
    }
  }
  while (top > 0) {
    const j = stack[--top]!;
    for (let k = inStart[j]!; k < inStart[j + 1]!; k++) {
      const i = inFrom[k]!;
      // A review stops the sweep: whatever comes before it passes it on that path.
      if (unreviewed[i] || steps[i]!.type === 'review') continue;
      unreviewed[i] = 1;
      stack[top++] = i;
    }
  }
  return { index, unreviewed, first, to };
}

/** Whether a case leaving the step can reach an end without a review (the step itself not counted). */
export function leavesUnreviewed(coverage: ReviewCoverage, stepId: string): boolean {
  const i = coverage.index.get(stepId);
  if (i === undefined) return false;
  for (let k = coverage.first[i]!; k < coverage.first[i + 1]!; k++) {
    if (coverage.unreviewed[coverage.to[k]!]) return true;
  }
  return false;
}
