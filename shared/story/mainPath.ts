/**
 * The main path of a workflow, for "Walk the flow": from the start, at each step the most likely next step
 * (the connection with the highest branch probability; without probabilities, the first connection), never
 * visiting a step twice, until an end or a dead end. Rework loops are not connections, so they never divert it.
 */
import type { Step, Workflow } from '../model/schema';

export function mainPath(workflow: Workflow): Step[] {
  const byId = new Map(workflow.steps.map((s) => [s.id, s]));
  const incoming = new Set(workflow.edges.map((e) => e.target));
  const first =
    workflow.steps.find((s) => s.type === 'start') ?? workflow.steps.find((s) => !incoming.has(s.id));
  if (!first) return [];
  const outgoing = new Map<string, Workflow['edges']>();
  for (const edge of workflow.edges) {
    const list = outgoing.get(edge.source) ?? [];
    list.push(edge);
    outgoing.set(edge.source, list);
  }
  const path: Step[] = [];
  const seen = new Set<string>();
  let current: Step | undefined = first;
  while (current && !seen.has(current.id)) {
    path.push(current);
    seen.add(current.id);
    const next: Workflow['edges'] = (outgoing.get(current.id) ?? []).filter(
      (e) => byId.has(e.target) && !seen.has(e.target),
    );
    // Stable: among equal probabilities the first drawn connection wins.
    const best = next.reduce<Workflow['edges'][number] | undefined>(
      (a, e) => (a === undefined || (e.probability ?? 0) > (a.probability ?? 0) ? e : a),
      undefined,
    );
    current = best ? byId.get(best.target) : undefined;
  }
  return path;
}

/** The steps of the main path someone works on (tasks and reviews): the stops of the walk. */
export function walkStops(workflow: Workflow): Step[] {
  return mainPath(workflow).filter((s) => s.type === 'task' || s.type === 'review');
}
