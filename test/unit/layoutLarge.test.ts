/**
 * Auto-layout of 10,000 steps: ELK's default layering recurses once per step of a chain and overflowed the
 * stack near 5,000 steps; above LARGE_LAYOUT_STEPS it lays out with iterative strategies instead.
 */
import { describe, expect, it } from 'vitest';
import { autoLayout, LARGE_LAYOUT_STEPS } from '../../shared/layout/autoLayout';
import { defaultStepSize } from '../../shared/layout/geometry';
import { largeWorkspace } from '../../shared/examples/largeWorkflow';
import {
  completeSteps,
  noLearningPlan,
  WorkflowSchema,
  type Edge,
  type Position,
  type StepInput,
  type Workflow,
} from '../../shared/model/schema';

const AT = '2026-03-01T10:00:00.000Z';

/** start → 9,998 tasks → end, all at the origin. */
function chain(length: number): Workflow {
  const steps: StepInput[] = [{ type: 'start', id: 'c0', name: 'Start', position: { x: 0, y: 0 } }];
  for (let i = 1; i < length - 1; i++)
    steps.push({
      type: 'task',
      id: `c${i}`,
      name: `Task ${i}`,
      mode: 'human',
      roleId: null,
      duration: { min: 1, likely: 2, max: 3 },
      position: { x: 0, y: 0 },
    });
  steps.push({ type: 'end', id: `c${length - 1}`, name: 'End', position: { x: 0, y: 0 } });
  const edges: Edge[] = steps.slice(1).map((s, i) => ({
    id: `e${i}`,
    source: steps[i]!.id!,
    target: s.id!,
    label: '',
    probability: null,
  }));
  return WorkflowSchema.parse({
    id: 'chain',
    name: 'Chain',
    kind: 'as-is',
    volumePerWeek: 10,
    steps: completeSteps(steps),
    edges,
    ...noLearningPlan(),
    createdAt: AT,
    updatedAt: AT,
  });
}

/** Pairs of steps whose boxes overlap (a sweep along x, so 10,000 steps take milliseconds). */
function overlaps(workflow: Workflow, positions: ReadonlyMap<string, Position>): number {
  const boxes = workflow.steps
    .map((s) => ({ ...positions.get(s.id)!, ...defaultStepSize(s) }))
    .sort((a, b) => a.x - b.x);
  let count = 0;
  for (let i = 0; i < boxes.length; i++) {
    const p = boxes[i]!;
    for (let j = i + 1; j < boxes.length && boxes[j]!.x < p.x + p.width; j++) {
      const q = boxes[j]!;
      if (p.y < q.y + q.height && q.y < p.y + p.height) count++;
    }
  }
  return count;
}

const finite = (positions: ReadonlyMap<string, Position>) =>
  [...positions.values()].every((p) => Number.isFinite(p.x) && Number.isFinite(p.y));

describe('auto-layout of 10,000 steps', () => {
  it('lays out a 10,000-step chain in order along the flow, without overlaps', async () => {
    expect(10_000).toBeGreaterThan(LARGE_LAYOUT_STEPS);
    const workflow = chain(10_000);
    const positions = await autoLayout(workflow, [], { direction: 'LR', lanes: false });
    expect(positions.size).toBe(10_000);
    expect(finite(positions)).toBe(true);
    expect(overlaps(workflow, positions)).toBe(0);
    // A chain reads left to right: each step starts right of its predecessor.
    const xs = workflow.steps.map((s) => positions.get(s.id)!.x);
    expect(xs.every((x, i) => i === 0 || x > xs[i - 1]!)).toBe(true);
  }, 120_000);

  it('lays out a 10,000-step layered workflow (decisions, reviews, rework) in lanes, without overlaps', async () => {
    const { workflows, roles } = largeWorkspace(10_000, 8, { decisionEvery: 4 });
    const workflow = workflows[0]!;
    const positions = await autoLayout(workflow, roles, { direction: 'LR', lanes: true });
    expect(positions.size).toBe(workflow.steps.length);
    expect(finite(positions)).toBe(true);
    expect(overlaps(workflow, positions)).toBe(0);
  }, 120_000);
});
