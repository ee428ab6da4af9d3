import { noLearningPlan } from '../../shared/model/schema';
import { describe, it, expect } from 'vitest';
import {
  alignSteps,
  DEFAULT_STEP_SIZE,
  DEFAULT_TERMINAL_SIZE,
  distributeSteps,
  nudgeSteps,
  sizeOf,
  snapPosition,
  snapSteps,
  type Size,
} from '../../shared/model/arrange';
import { completeSteps } from '../../shared/model/schema';
import type { Position, Workflow } from '../../shared/model/schema';

const AT = '2025-01-01T10:00:00.000Z';

/** Three tasks: a at (0,0) and c at (400,10) of the default 200×90, b at (130,40) measured 100×50. */
function board(extra: { id: string; x: number; y: number }[] = []): Workflow {
  const task = (id: string, x: number, y: number) => ({
    id,
    type: 'task' as const,
    name: id.toUpperCase(),
    mode: 'human' as const,
    duration: { min: 1, likely: 2, max: 3 },
    position: { x, y },
  });
  return {
    id: 'wf',
    name: 'Board',
    description: '',
    kind: 'as-is',
    redesignOfId: null,
    volumePerWeek: 10,
    steps: completeSteps([
      { id: 's', type: 'start', name: 'Start', position: { x: 0, y: -200 } },
      task('a', 0, 0),
      task('b', 130, 40),
      task('c', 400, 10),
      ...extra.map((t) => task(t.id, t.x, t.y)),
      { id: 'e', type: 'end', name: 'Done', position: { x: 800, y: -200 } },
    ]),
    edges: [],
    ...noLearningPlan(),
    createdAt: AT,
    updatedAt: AT,
  };
}

const sizes = new Map<string, Size>([['b', { width: 100, height: 50 }]]);
const abc = new Set(['a', 'b', 'c']);

function positions(wf: Workflow, ids: string[]): Record<string, Position | undefined> {
  return Object.fromEntries(ids.map((id) => [id, wf.steps.find((s) => s.id === id)?.position]));
}

describe('sizeOf', () => {
  it('prefers the measured size, else 200×90 for work steps and 160×56 for start and end', () => {
    const wf = board();
    const step = (id: string) => wf.steps.find((s) => s.id === id) as Workflow['steps'][number];
    const [start, a, b] = [step('s'), step('a'), step('b')];
    expect(sizeOf(b, sizes)).toEqual({ width: 100, height: 50 });
    expect(sizeOf(a, sizes)).toEqual(DEFAULT_STEP_SIZE);
    expect(DEFAULT_STEP_SIZE).toEqual({ width: 200, height: 90 });
    expect(sizeOf(start, sizes)).toEqual(DEFAULT_TERMINAL_SIZE);
    expect(DEFAULT_TERMINAL_SIZE).toEqual({ width: 160, height: 56 });
  });
});

describe('alignSteps', () => {
  // Bounding box of a, b, c: x from 0 to 600 (c's right edge), y from 0 to 100 (c's bottom edge).
  it.each([
    ['left', { a: { x: 0, y: 0 }, b: { x: 0, y: 40 }, c: { x: 0, y: 10 } }],
    ['right', { a: { x: 400, y: 0 }, b: { x: 500, y: 40 }, c: { x: 400, y: 10 } }],
    ['center', { a: { x: 200, y: 0 }, b: { x: 250, y: 40 }, c: { x: 200, y: 10 } }],
    ['top', { a: { x: 0, y: 0 }, b: { x: 130, y: 0 }, c: { x: 400, y: 0 } }],
    ['bottom', { a: { x: 0, y: 10 }, b: { x: 130, y: 50 }, c: { x: 400, y: 10 } }],
    ['middle', { a: { x: 0, y: 5 }, b: { x: 130, y: 25 }, c: { x: 400, y: 5 } }],
  ] as const)('aligns %s', (edge, expected) => {
    const wf = board();
    const aligned = alignSteps(wf, abc, edge, sizes);
    expect(positions(aligned, ['a', 'b', 'c'])).toEqual(expected);
    expect(aligned.updatedAt > AT).toBe(true);
  });

  it('leaves unchosen steps as they were (the same objects)', () => {
    const wf = board();
    const aligned = alignSteps(wf, new Set(['b', 'c']), 'left', sizes);
    expect(positions(aligned, ['b', 'c'])).toEqual({ b: { x: 130, y: 40 }, c: { x: 130, y: 10 } });
    expect(aligned.steps[0]).toBe(wf.steps[0]);
    expect(aligned.steps[1]).toBe(wf.steps[1]);
  });

  it('centres a 160 px start step on a 200 px task by default', () => {
    const wf = board();
    const aligned = alignSteps(wf, new Set(['s', 'a']), 'center', new Map());
    // Box from 0 to 200, centre 100: the start moves to 100 - 80, the task stays.
    expect(positions(aligned, ['s', 'a'])).toEqual({ s: { x: 20, y: -200 }, a: { x: 0, y: 0 } });
  });

  it('returns the same workflow when nothing moves or fewer than two steps are chosen', () => {
    const wf = board();
    expect(alignSteps(wf, new Set(['a', 'c']), 'top', sizes)).not.toBe(wf);
    const once = alignSteps(wf, abc, 'center', sizes);
    expect(alignSteps(once, abc, 'center', sizes)).toBe(once);
    expect(alignSteps(wf, new Set(['a']), 'left', sizes)).toBe(wf);
    expect(alignSteps(wf, new Set(['a', 'ghost']), 'right', sizes)).toBe(wf);
    expect(alignSteps(wf, new Set(['s', 'e']), 'top', sizes)).toBe(wf);
  });
});

describe('distributeSteps', () => {
  it('makes the horizontal gaps equal and keeps the outermost steps in place', () => {
    // Span 0..600 holds 200 + 100 + 200 = 500 px of steps: two gaps of 50, so b goes to 250.
    const wf = board();
    const spread = distributeSteps(wf, abc, 'horizontal', sizes);
    expect(positions(spread, ['a', 'b', 'c'])).toEqual({
      a: { x: 0, y: 0 },
      b: { x: 250, y: 40 },
      c: { x: 400, y: 10 },
    });
  });

  it('orders the steps by position, not by their order in the workflow', () => {
    // d at 1100 is listed after c; b (130) and c (400) move between a and d.
    // Span 0..1300 holds 700 px of steps: three gaps of 200, so b at 400, c at 400 + 100 + 200 = 700.
    const wf = board([{ id: 'd', x: 1100, y: 0 }]);
    const spread = distributeSteps(wf, new Set(['d', 'c', 'b', 'a']), 'horizontal', sizes);
    expect(positions(spread, ['a', 'b', 'c', 'd'])).toEqual({
      a: { x: 0, y: 0 },
      b: { x: 400, y: 40 },
      c: { x: 700, y: 10 },
      d: { x: 1100, y: 0 },
    });
  });

  it('distributes vertically, overlapping evenly when the steps do not fit', () => {
    // By top edge: a (0, h 90), c (10, h 90), b (40, h 50). Span 0..90 holds 230 px: gaps of -70,
    // so c goes to 0 + 90 - 70 = 20.
    const wf = board();
    const spread = distributeSteps(wf, abc, 'vertical', sizes);
    expect(positions(spread, ['a', 'b', 'c'])).toEqual({
      a: { x: 0, y: 0 },
      b: { x: 130, y: 40 },
      c: { x: 400, y: 20 },
    });
  });

  it('returns the same workflow for fewer than three steps or when already evenly spaced', () => {
    const wf = board();
    expect(distributeSteps(wf, new Set(['a', 'b']), 'horizontal', sizes)).toBe(wf);
    const spread = distributeSteps(wf, abc, 'horizontal', sizes);
    expect(distributeSteps(spread, abc, 'horizontal', sizes)).toBe(spread);
  });
});

describe('nudgeSteps', () => {
  it('moves only the chosen steps by the given amount', () => {
    const wf = board();
    const nudged = nudgeSteps(wf, new Set(['a', 'b']), 10, -5);
    expect(positions(nudged, ['a', 'b', 'c'])).toEqual({
      a: { x: 10, y: -5 },
      b: { x: 140, y: 35 },
      c: { x: 400, y: 10 },
    });
    expect(nudged.steps[3]).toBe(wf.steps[3]);
  });

  it('returns the same workflow for a zero move or no known step', () => {
    const wf = board();
    expect(nudgeSteps(wf, abc, 0, 0)).toBe(wf);
    expect(nudgeSteps(wf, new Set(['ghost']), 1, 0)).toBe(wf);
    expect(nudgeSteps(wf, new Set(), 1, 0)).toBe(wf);
  });
});

describe('snapPosition and snapSteps', () => {
  it('rounds to the nearest grid point, halves towards +∞', () => {
    expect(snapPosition({ x: 14, y: 15 })).toEqual({ x: 10, y: 20 });
    expect(snapPosition({ x: -4, y: -15 })).toEqual({ x: 0, y: -10 });
    expect(Object.is(snapPosition({ x: -4, y: 0 }).x, 0)).toBe(true);
    expect(snapPosition({ x: 37.4, y: 12.5 }, 25)).toEqual({ x: 25, y: 25 });
  });

  it('refuses a grid that is not a positive number', () => {
    expect(() => snapPosition({ x: 1, y: 1 }, 0)).toThrow(RangeError);
    expect(() => snapPosition({ x: 1, y: 1 }, -10)).toThrow(RangeError);
    expect(() => snapPosition({ x: 1, y: 1 }, Number.NaN)).toThrow(RangeError);
  });

  it('snaps the chosen steps and returns the same workflow when they are already on the grid', () => {
    const wf = nudgeSteps(board(), new Set(['b', 'c']), 3, 6);
    const snapped = snapSteps(wf, abc);
    expect(positions(snapped, ['a', 'b', 'c'])).toEqual({
      a: { x: 0, y: 0 },
      b: { x: 130, y: 50 },
      c: { x: 400, y: 20 },
    });
    expect(snapSteps(snapped, abc)).toBe(snapped);
  });
});
