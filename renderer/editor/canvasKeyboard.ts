/**
 * Moving through the diagram from the keyboard: with a step focused, Alt+→ goes to the step it leads to,
 * Alt+← to the step that leads to it, Alt+↓ / Alt+↑ to the other steps reached from the same step (the
 * branches of a decision); Enter opens the focused step in the Inspector. Plain arrows keep nudging the
 * selection (editorActions), so moving focus needs Alt.
 */
import type { Edge } from '../../shared/model/schema';

/** Only the connections are read. */
type Connections = { edges: readonly Pick<Edge, 'source' | 'target'>[] };

export type StepDirection = 'next' | 'previous' | 'sibling-next' | 'sibling-previous';

const wrap = (i: number, n: number) => ((i % n) + n) % n;

/** The step focus moves to from `stepId`, or null when there is none in that direction. */
export function neighbourStep(
  workflow: Connections,
  stepId: string,
  direction: StepDirection,
): string | null {
  if (direction === 'next') return workflow.edges.find((e) => e.source === stepId)?.target ?? null;
  if (direction === 'previous') return workflow.edges.find((e) => e.target === stepId)?.source ?? null;
  const parent = workflow.edges.find((e) => e.target === stepId)?.source;
  if (parent === undefined) return null;
  const siblings = [...new Set(workflow.edges.filter((e) => e.source === parent).map((e) => e.target))];
  if (siblings.length < 2) return null;
  const at = siblings.indexOf(stepId);
  return siblings[wrap(at + (direction === 'sibling-next' ? 1 : -1), siblings.length)] ?? null;
}

const ARROWS: Record<string, StepDirection> = {
  ArrowRight: 'next',
  ArrowLeft: 'previous',
  ArrowDown: 'sibling-next',
  ArrowUp: 'sibling-previous',
};

export interface CanvasKeyTarget {
  stepId: string;
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export type CanvasKeyOutcome = { kind: 'focus'; stepId: string } | { kind: 'open'; stepId: string } | null;

/** What a key pressed on a focused step does (pure, so it is tested without a canvas). */
export function canvasKeyOutcome(workflow: Connections, event: CanvasKeyTarget): CanvasKeyOutcome {
  if (event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (event.key === 'Enter' && !event.altKey) return { kind: 'open', stepId: event.stepId };
  const direction = event.altKey ? ARROWS[event.key] : undefined;
  if (!direction) return null;
  const target = neighbourStep(workflow, event.stepId, direction);
  return target === null ? null : { kind: 'focus', stepId: target };
}
