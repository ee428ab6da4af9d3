/** Where a step sits on the overview canvas, and which step is under a point. Pure, for testing. */
import type { Position, Step } from '../../shared/model/schema';
import type { Size } from '../store/editorStore';

/** A step's size before React Flow has measured it: the width of .step-node and a typical height. */
export const DEFAULT_STEP_SIZE: Size = { width: 200, height: 80 };

export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function stepBox(step: Step, dragging: Position | undefined, size: Size | undefined): Box {
  const at = dragging ?? step.position;
  const { width, height } = size ?? DEFAULT_STEP_SIZE;
  return { id: step.id, x: at.x, y: at.y, width, height };
}

/** The topmost (last drawn) box containing the point, if any. */
export function hitTest(boxes: readonly Box[], point: Position): Box | null {
  for (let i = boxes.length - 1; i >= 0; i--) {
    const b = boxes[i];
    if (b && point.x >= b.x && point.x <= b.x + b.width && point.y >= b.y && point.y <= b.y + b.height)
      return b;
  }
  return null;
}
