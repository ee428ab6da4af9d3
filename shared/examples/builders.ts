/** Shared shorthands of the example and template workflows: grid positions and edges between named steps. */
import type { Edge, Position } from '../model/schema';

/** Examples are laid out left to right: a column every 260 px, branches 160 px above or below. */
const COLUMN = 260;
const BRANCH = 160;

export const at = (column: number, row: -1 | 0 | 1 = 0): Position => ({
  x: column * COLUMN,
  y: row * BRANCH,
});

/** An edge between two steps of the workflow with id prefix `prefix`, named by their short step names. */
export function edge(
  prefix: string,
  from: string,
  to: string,
  label = '',
  probability: number | null = null,
): Edge {
  return {
    id: `${prefix}-edge-${from}-${to}`,
    source: `${prefix}-step-${from}`,
    target: `${prefix}-step-${to}`,
    label,
    probability,
  };
}
