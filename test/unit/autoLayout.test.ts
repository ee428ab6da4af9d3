import { noLearningPlan } from '../../shared/model/schema';
import { describe, expect, it } from 'vitest';
import {
  completeSteps,
  WorkflowSchema,
  type Edge,
  type Position,
  type Role,
  type StepInput,
  type Workflow,
} from '../../shared/model/schema';
import { autoLayout } from '../../shared/layout/autoLayout';
import { computeLanes } from '../../shared/layout/lanes';
import { defaultStepSize, type LayoutDirection } from '../../shared/layout/geometry';
import { moveSteps } from '../../shared/model/operations';
import { largeWorkspace } from '../../shared/examples/largeWorkflow';

const AT = '2026-03-01T10:00:00.000Z';
const role = (id: string, name: string): Role => ({
  id,
  name,
  headcount: 1,
  hoursPerWeek: 40,
  costPerHour: 50,
  skillLevels: [],
  people: [],
});
const ROLES = [role('r1', 'Clerk'), role('r2', 'Manager')];
const minutes = { min: 1, likely: 2, max: 3 };
const origin = { x: 0, y: 0 };

const work = (id: string, roleId: string | null, mode: 'human' | 'ai-automated' = 'human'): StepInput => ({
  type: 'task',
  id,
  name: id,
  mode,
  roleId,
  duration: minutes,
  position: origin,
});
const link = (source: string, target: string): Edge => ({
  id: `${source}-${target}`,
  source,
  target,
  label: '',
  probability: null,
});

function workflowOf(steps: StepInput[], edges: Edge[]): Workflow {
  return WorkflowSchema.parse({
    id: 'wf',
    name: 'Layout',
    kind: 'as-is',
    volumePerWeek: 10,
    steps: completeSteps(steps),
    edges,
    ...noLearningPlan(),
    createdAt: AT,
    updatedAt: AT,
  });
}

/**
 * start → t0 (Clerk) → decision → a (Clerk) | b (AI) → review v (Manager, rework to t0) → end.
 * Everything starts at the origin, so positions say nothing about the lane order.
 */
function diamond(positions: Record<string, Position> = {}): Workflow {
  const wf = workflowOf(
    [
      { type: 'start', id: 's', name: 'Start', position: origin },
      work('t0', 'r1'),
      { type: 'decision', id: 'd', name: 'Which?', position: origin },
      work('a', 'r1'),
      work('b', null, 'ai-automated'),
      {
        type: 'review',
        id: 'v',
        name: 'v',
        roleId: 'r2',
        duration: minutes,
        rejectionRate: 0.2,
        reworkTargetId: 't0',
        position: origin,
      },
      { type: 'end', id: 'e', name: 'End', position: origin },
    ],
    [
      link('s', 't0'),
      link('t0', 'd'),
      link('d', 'a'),
      link('d', 'b'),
      link('a', 'v'),
      link('b', 'v'),
      link('v', 'e'),
    ],
  );
  return moveSteps(wf, new Map(Object.entries(positions)));
}

const apply = (wf: Workflow, positions: ReadonlyMap<string, Position>) => moveSteps(wf, positions);
const centre = (wf: Workflow, id: string) => {
  const step = wf.steps.find((s) => s.id === id)!;
  const size = defaultStepSize(step);
  return { x: step.position.x + size.width / 2, y: step.position.y + size.height / 2 };
};

describe('autoLayout without lanes', () => {
  it('places every step, on whole pixels', async () => {
    const wf = diamond();
    const positions = await autoLayout(wf, ROLES, { direction: 'LR', lanes: false });
    expect([...positions.keys()].sort()).toEqual(['a', 'b', 'd', 'e', 's', 't0', 'v']);
    for (const p of positions.values()) expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
  });

  it.each<[LayoutDirection, 'x' | 'y', 'x' | 'y']>([
    ['LR', 'x', 'y'],
    ['TB', 'y', 'x'],
  ])(
    '%s: every connection runs along the flow and branches fan out across it',
    async (direction, flow, cross) => {
      const wf = diamond();
      const positions = await autoLayout(wf, ROLES, { direction, lanes: false });
      for (const e of wf.edges)
        expect(positions.get(e.target)![flow]).toBeGreaterThan(positions.get(e.source)![flow]);
      expect(positions.get('a')![flow]).toBe(positions.get('b')![flow]);
      expect(Math.abs(positions.get('a')![cross] - positions.get('b')![cross])).toBeGreaterThanOrEqual(90);
    },
  );

  it('lays out a chain in a straight line', async () => {
    const wf = workflowOf(
      [{ type: 'start', id: 's', name: 'S', position: origin }, work('x', 'r1'), work('y', 'r1')],
      [link('s', 'x'), link('x', 'y')],
    );
    const laid = apply(wf, await autoLayout(wf, ROLES, { direction: 'LR', lanes: false }));
    expect(centre(laid, 's').y).toBe(centre(laid, 'x').y);
    expect(centre(laid, 'x').y).toBe(centre(laid, 'y').y);
  });

  it('is deterministic', async () => {
    const wf = diamond();
    const first = await autoLayout(wf, ROLES, { direction: 'LR', lanes: true });
    const second = await autoLayout(wf, ROLES, { direction: 'LR', lanes: true });
    expect([...second]).toEqual([...first]);
  });
});

describe('autoLayout with lanes', () => {
  it('stacks the lanes in roles order when positions do not decide, centring each row', async () => {
    const wf = diamond();
    const laid = apply(wf, await autoLayout(wf, ROLES, { direction: 'LR', lanes: true }));
    // Clerk lane from 0: rows start 40 in; a 90-high row centres start (50 high) at 60 and the decision
    // (60 high) at 55. Manager from 40 + 90 + 40 = 170: v at 210, end at 230. AI from 340: b at 380.
    const y = (id: string) => laid.steps.find((s) => s.id === id)!.position.y;
    expect(['s', 't0', 'd', 'a', 'v', 'e', 'b'].map(y)).toEqual([60, 40, 55, 40, 210, 230, 380]);
    expect(computeLanes(laid, ROLES).map((l) => l.key)).toEqual(['role:r1', 'role:r2', 'ai']);
    for (const e of wf.edges) expect(centre(laid, e.target).x).toBeGreaterThan(centre(laid, e.source).x);
  });

  it('keeps the lane order the steps already have', async () => {
    const wf = diamond({ b: { x: 0, y: -500 }, v: { x: 0, y: 900 } });
    const laid = apply(wf, await autoLayout(wf, ROLES, { direction: 'LR', lanes: true }));
    expect(computeLanes(laid, ROLES).map((l) => l.key)).toEqual(['ai', 'role:r1', 'role:r2']);
  });

  it('stacks steps of one lane that share a layer', async () => {
    const wf = workflowOf(
      [{ type: 'decision', id: 'd', name: 'D?', position: origin }, work('a', 'r1'), work('b', 'r1')],
      [link('d', 'a'), link('d', 'b')],
    );
    const positions = await autoLayout(wf, ROLES, { direction: 'LR', lanes: true });
    const [a, b] = [positions.get('a')!, positions.get('b')!];
    expect(a.x).toBe(b.x);
    // One row of 90 plus the 40 between rows.
    expect(Math.abs(a.y - b.y)).toBe(130);
  });

  it.each<LayoutDirection>(['LR', 'TB'])(
    '%s: every work step lies in its own band and no bands overlap',
    async (direction) => {
      const wf = diamond();
      const laid = apply(wf, await autoLayout(wf, ROLES, { direction, lanes: true }));
      const lanes = computeLanes(laid, ROLES, undefined, direction);
      const cross = direction === 'LR' ? 'y' : 'x';
      const thickness = direction === 'LR' ? 'height' : 'width';
      for (const lane of lanes) {
        for (const id of lane.stepIds) {
          const c = centre(laid, id)[cross];
          expect(c).toBeGreaterThan(lane.band[cross]);
          expect(c).toBeLessThan(lane.band[cross] + lane.band[thickness]);
        }
      }
      for (let i = 1; i < lanes.length; i++) {
        const above = lanes[i - 1]!.band;
        expect(above[cross] + above[thickness]).toBeLessThanOrEqual(lanes[i]!.band[cross]);
      }
    },
  );

  it('lays out a large workflow with no two steps overlapping', async () => {
    const { workflows, roles } = largeWorkspace(300);
    const wf = workflows[0]!;
    const positions = await autoLayout(wf, roles, { direction: 'LR', lanes: true });
    expect(positions.size).toBe(wf.steps.length);
    const boxes = wf.steps.map((s) => ({ ...positions.get(s.id)!, ...defaultStepSize(s) }));
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [p, q] = [boxes[i]!, boxes[j]!];
        if (p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height)
          overlaps++;
      }
    expect(overlaps).toBe(0);
  });
});
