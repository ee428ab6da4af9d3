/**
 * Shared geometry of the layout modules: sizes, rectangles, the two flow directions and the size a step is
 * assumed to have before React Flow has measured it.
 */
import type { Step } from '../model/schema';

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** LR: the flow runs left to right and lanes are horizontal bands; TB: top to bottom, vertical bands. */
export type LayoutDirection = 'LR' | 'TB';

/** Measured sizes by step id (React Flow's `measured`); steps missing from it get `defaultStepSize`. */
export type StepSizes = ReadonlyMap<string, Size>;

/** The sizes the stylesheet gives the nodes (work steps 200 px wide, start and end pills 160 px). */
export function defaultStepSize(step: Pick<Step, 'type'>): Size {
  switch (step.type) {
    case 'task':
    case 'review':
      return { width: 200, height: 90 };
    case 'start':
    case 'end':
      return { width: 160, height: 50 };
    case 'decision':
    case 'parallel':
      return { width: 200, height: 60 };
  }
}

export function sizeOf(step: Pick<Step, 'id' | 'type'>, sizes: StepSizes | undefined): Size {
  return sizes?.get(step.id) ?? defaultStepSize(step);
}

/**
 * The two axes seen from the flow: `flow` is the axis the work moves along (x in LR), `cross` the one the
 * lanes are stacked on (y in LR). Lets the lane and layout code be written once for both directions.
 */
export interface Axes {
  flow: 'x' | 'y';
  cross: 'x' | 'y';
  flowSize: 'width' | 'height';
  crossSize: 'width' | 'height';
}

export function axesOf(direction: LayoutDirection): Axes {
  return direction === 'LR'
    ? { flow: 'x', cross: 'y', flowSize: 'width', crossSize: 'height' }
    : { flow: 'y', cross: 'x', flowSize: 'height', crossSize: 'width' };
}
