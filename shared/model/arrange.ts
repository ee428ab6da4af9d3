/**
 * Arranging chosen steps on the canvas: align, distribute, nudge and snap to a grid, as pure edits. Each
 * returns the very same workflow object when no step actually moves, so the store records no empty undo
 * step. Positions are a step's top-left corner (as React Flow stores them) and are not rounded: snapping
 * is its own operation.
 */
import { moveSteps } from './operations';
import type { Position, Step, Workflow } from './schema';

export interface Size {
  width: number;
  height: number;
}

/**
 * Sizes of steps the canvas has not measured (or when arranging without a canvas): work, decision and
 * parallel steps are 200 px wide (`.step-node` in styles.css) and about 90 px high; start and end steps
 * are 160 px wide pills with only their kind and name, about 56 px high. The canvas passes React Flow's
 * measured sizes, which take precedence.
 */
export const DEFAULT_STEP_SIZE: Size = { width: 200, height: 90 };
export const DEFAULT_TERMINAL_SIZE: Size = { width: 160, height: 56 };

export function sizeOf(step: Step, sizes: ReadonlyMap<string, Size>): Size {
  return (
    sizes.get(step.id) ??
    (step.type === 'start' || step.type === 'end' ? DEFAULT_TERMINAL_SIZE : DEFAULT_STEP_SIZE)
  );
}

export type AlignEdge = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';

/**
 * Lines the chosen steps up on one edge of their common bounding box: `left`/`right`/`top`/`bottom` on
 * the outermost step's edge, `center`/`middle` on the box's centre line. Needs at least two steps.
 */
export function alignSteps(
  workflow: Workflow,
  ids: ReadonlySet<string>,
  edge: AlignEdge,
  sizes: ReadonlyMap<string, Size> = new Map(),
): Workflow {
  const boxes = boxesOf(workflow, ids, sizes);
  if (boxes.length < 2) return workflow;
  const horizontal = edge === 'left' || edge === 'center' || edge === 'right';
  const start = (b: Box) => (horizontal ? b.step.position.x : b.step.position.y);
  const length = (b: Box) => (horizontal ? b.size.width : b.size.height);
  let low = Infinity;
  let high = -Infinity;
  for (const b of boxes) {
    low = Math.min(low, start(b));
    high = Math.max(high, start(b) + length(b));
  }
  const targetStart = (b: Box): number => {
    if (edge === 'left' || edge === 'top') return low;
    if (edge === 'right' || edge === 'bottom') return high - length(b);
    return (low + high) / 2 - length(b) / 2;
  };
  const positions = new Map<string, Position>();
  for (const b of boxes) {
    const value = targetStart(b);
    positions.set(
      b.step.id,
      horizontal ? { ...b.step.position, x: value } : { ...b.step.position, y: value },
    );
  }
  return moveChanged(workflow, positions);
}

export type DistributeAxis = 'horizontal' | 'vertical';

/**
 * Spaces the chosen steps so that the gaps between neighbours along the axis are equal. Steps are ordered
 * by their left (top) edge; the first and last in that order stay put and the others move between them.
 * Needs at least three steps. Where the steps are wider than the space between the outermost ones, the
 * equal gap is negative and they overlap evenly.
 */
export function distributeSteps(
  workflow: Workflow,
  ids: ReadonlySet<string>,
  axis: DistributeAxis,
  sizes: ReadonlyMap<string, Size> = new Map(),
): Workflow {
  const boxes = boxesOf(workflow, ids, sizes);
  if (boxes.length < 3) return workflow;
  const horizontal = axis === 'horizontal';
  const start = (b: Box) => (horizontal ? b.step.position.x : b.step.position.y);
  const length = (b: Box) => (horizontal ? b.size.width : b.size.height);
  // Ties are broken by id so that the result does not depend on the order of the workflow's steps.
  const ordered = [...boxes].sort((a, b) => start(a) - start(b) || a.step.id.localeCompare(b.step.id));
  const first = ordered[0] as Box;
  const last = ordered[ordered.length - 1] as Box;
  const span = start(last) + length(last) - start(first);
  const occupied = ordered.reduce((sum, b) => sum + length(b), 0);
  const gap = (span - occupied) / (ordered.length - 1);

  const positions = new Map<string, Position>();
  let next = start(first) + length(first) + gap;
  for (const b of ordered.slice(1, -1)) {
    positions.set(b.step.id, horizontal ? { ...b.step.position, x: next } : { ...b.step.position, y: next });
    next += length(b) + gap;
  }
  return moveChanged(workflow, positions);
}

/** Moves the chosen steps by (dx, dy), e.g. 1 px per arrow key, or one grid cell with Shift. */
export function nudgeSteps(workflow: Workflow, ids: ReadonlySet<string>, dx: number, dy: number): Workflow {
  if (dx === 0 && dy === 0) return workflow;
  const positions = new Map<string, Position>();
  for (const s of workflow.steps) {
    if (ids.has(s.id)) positions.set(s.id, { x: s.position.x + dx, y: s.position.y + dy });
  }
  return moveChanged(workflow, positions);
}

export const DEFAULT_GRID = 10;

/** The nearest point on a grid of `grid` px (halves round up, towards +∞). */
export function snapPosition(p: Position, grid = DEFAULT_GRID): Position {
  if (!(grid > 0) || !Number.isFinite(grid))
    throw new RangeError(`grid must be a positive number, not ${grid}`);
  // `|| 0` turns -0 (from rounding a small negative) into 0, so snapped positions compare and print cleanly.
  const snap = (v: number) => Math.round(v / grid) * grid || 0;
  return { x: snap(p.x), y: snap(p.y) };
}

/** Snaps the chosen steps' top-left corners to the grid. */
export function snapSteps(workflow: Workflow, ids: ReadonlySet<string>, grid = DEFAULT_GRID): Workflow {
  const positions = new Map<string, Position>();
  for (const s of workflow.steps) if (ids.has(s.id)) positions.set(s.id, snapPosition(s.position, grid));
  return moveChanged(workflow, positions);
}

interface Box {
  step: Step;
  size: Size;
}

function boxesOf(workflow: Workflow, ids: ReadonlySet<string>, sizes: ReadonlyMap<string, Size>): Box[] {
  return workflow.steps.filter((s) => ids.has(s.id)).map((step) => ({ step, size: sizeOf(step, sizes) }));
}

/** Below this a move is floating-point noise (centring an already centred step), not a change. */
const SAME_POSITION = 1e-6;

/** Applies only the positions that differ, and returns the workflow itself when none does. */
function moveChanged(workflow: Workflow, positions: ReadonlyMap<string, Position>): Workflow {
  const changed = new Map<string, Position>();
  for (const s of workflow.steps) {
    const p = positions.get(s.id);
    if (p && (Math.abs(p.x - s.position.x) > SAME_POSITION || Math.abs(p.y - s.position.y) > SAME_POSITION))
      changed.set(s.id, p);
  }
  return changed.size === 0 ? workflow : moveSteps(workflow, changed);
}
