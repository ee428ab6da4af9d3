import { describe, expect, it } from 'vitest';
import { createStep } from '../../shared/model/operations';
import { hitTest, stepBox, DEFAULT_STEP_SIZE } from '../../renderer/editor/overviewGeometry';
import { miniMapFrame } from '../../renderer/editor/LargeMiniMap';

describe('overview geometry', () => {
  const a = createStep('task', { x: 0, y: 0 });
  const b = createStep('task', { x: 150, y: 40 });

  it('places a step at its position, or where it is being dragged, with its measured or default size', () => {
    expect(stepBox(a, undefined, undefined)).toEqual({ id: a.id, x: 0, y: 0, ...DEFAULT_STEP_SIZE });
    expect(stepBox(a, { x: 30, y: 60 }, { width: 120, height: 50 })).toEqual({
      id: a.id,
      x: 30,
      y: 60,
      width: 120,
      height: 50,
    });
  });

  it('finds the topmost step under a point, edges included, and nothing between steps', () => {
    const boxes = [stepBox(a, undefined, undefined), stepBox(b, undefined, undefined)];
    // (160, 50) lies in both (a: 0–200 × 0–80, b: 150–350 × 40–120): b is drawn last, so it is on top.
    expect(hitTest(boxes, { x: 160, y: 50 })?.id).toBe(b.id);
    expect(hitTest(boxes, { x: 10, y: 10 })?.id).toBe(a.id);
    expect(hitTest(boxes, { x: 200, y: 0 })?.id).toBe(a.id);
    expect(hitTest(boxes, { x: 100, y: 100 })).toBeNull();
    expect(hitTest([], { x: 0, y: 0 })).toBeNull();
  });
});

describe('large minimap frame', () => {
  it('fits the steps into the minimap, centred, with a margin', () => {
    // Steps span x 0–400 and y 0–80 (two default 200×80 boxes side by side): 400 × 80 flow units.
    const steps = [createStep('task', { x: 0, y: 0 }), createStep('task', { x: 200, y: 0 })];
    const frame = miniMapFrame(steps, new Map(), 160, 110);
    // Width limits: (160 − 8) / 400 = 0.38 px per unit; the 80-unit height then takes 30.4 px of 110.
    expect(frame.scale).toBeCloseTo(0.38, 10);
    expect(frame.x).toBeCloseTo(-(160 / 0.38 - 400) / 2, 10);
    expect(frame.y).toBeCloseTo(-(110 / 0.38 - 80) / 2, 10);
  });

  it('has a frame for an empty workflow', () => {
    expect(miniMapFrame([], new Map())).toEqual({ x: 0, y: 0, scale: 1 });
  });
});
