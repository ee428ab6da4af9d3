import { noLearningPlan } from '../../shared/model/schema';
import { describe, expect, it } from 'vitest';
import {
  completeSteps,
  WorkflowSchema,
  type Role,
  type Step,
  type StepInput,
  type Workflow,
} from '../../shared/model/schema';
import {
  computeLanes,
  dropSteps,
  laneAt,
  laneKeyOf,
  moveStepToLane,
  reorderLane,
  visibleStepIds,
  type Lane,
} from '../../shared/layout/lanes';

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

function workflowOf(steps: StepInput[]): Workflow {
  return WorkflowSchema.parse({
    id: 'wf',
    name: 'Lanes',
    kind: 'as-is',
    volumePerWeek: 10,
    steps: completeSteps(steps),
    edges: [],
    ...noLearningPlan(),
    createdAt: AT,
    updatedAt: AT,
  });
}

const task = (
  id: string,
  roleId: string | null,
  x: number,
  y: number,
  mode = 'human' as const,
): StepInput => ({
  type: 'task',
  id,
  name: id,
  mode,
  roleId,
  duration: minutes,
  position: { x, y },
});
const aiTask = (id: string, x: number, y: number): StepInput => ({
  type: 'task',
  id,
  name: id,
  mode: 'ai-automated',
  roleId: null,
  duration: minutes,
  position: { x, y },
});
const review = (id: string, roleId: string | null, x: number, y: number): StepInput => ({
  type: 'review',
  id,
  name: id,
  roleId,
  duration: minutes,
  rejectionRate: 0.1,
  position: { x, y },
});

/**
 * Default sizes: work steps 200×90, start and end 160×50. Four lanes one above the other:
 * Clerk (t1, t4) y 0, AI (t2) y 200, Manager (v) y 400, Unassigned (t3) y 600.
 */
function fourLanes(): Workflow {
  return workflowOf([
    { type: 'start', id: 's', name: 'Start', position: { x: 0, y: 20 } },
    task('t1', 'r1', 200, 0),
    aiTask('t2', 440, 200),
    review('v', 'r2', 680, 400),
    task('t3', null, 920, 600),
    task('t4', 'r1', 920, 0),
    { type: 'end', id: 'e', name: 'End', position: { x: 1160, y: 20 } },
  ]);
}

const stepById = (wf: Workflow, id: string): Step => {
  const step = wf.steps.find((s) => s.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return step;
};
const keys = (lanes: readonly Lane[]) => lanes.map((l) => l.key);

describe('laneKeyOf', () => {
  it('puts work steps in the lane of their role, AI-automated tasks in AI, control steps nowhere', () => {
    const wf = workflowOf([
      ...completeSteps([task('human', 'r1', 0, 0), review('rev', 'r2', 0, 0), task('nobody', null, 0, 0)]),
      aiTask('auto', 0, 0),
      { ...(task('auto-with-role', 'r1', 0, 0) as object), mode: 'ai-automated' } as StepInput,
      { type: 'start', id: 's', name: 'S', position: { x: 0, y: 0 } },
      { type: 'end', id: 'e', name: 'E', position: { x: 0, y: 0 } },
      { type: 'decision', id: 'd', name: 'D?', position: { x: 0, y: 0 } },
      { type: 'parallel', id: 'p', name: 'P', position: { x: 0, y: 0 } },
    ] as StepInput[]);
    expect(wf.steps.map((s) => [s.id, laneKeyOf(s)])).toEqual([
      ['human', 'role:r1'],
      ['rev', 'role:r2'],
      ['nobody', 'unassigned'],
      ['auto', 'ai'],
      ['auto-with-role', 'ai'],
      ['s', null],
      ['e', null],
      ['d', null],
      ['p', null],
    ]);
  });
});

describe('computeLanes', () => {
  it('gives each lane a band over its members, as wide as the diagram plus the header column', () => {
    const lanes = computeLanes(fourLanes(), ROLES, undefined, 'LR');
    // Flow extent: x 0 (start) … 1320 (end at 1160 + 160); band from 0 − 20 padding − 160 header = −180
    // to 1320 + 20 = 1340, so 1520 wide.
    expect(lanes).toEqual([
      {
        key: 'role:r1',
        title: 'Clerk',
        stepIds: ['t1', 't4'],
        band: { x: -180, y: -20, width: 1520, height: 130 },
        header: { x: -180, y: -20, width: 160, height: 130 },
      },
      {
        key: 'ai',
        title: 'AI',
        stepIds: ['t2'],
        band: { x: -180, y: 180, width: 1520, height: 130 },
        header: { x: -180, y: 180, width: 160, height: 130 },
      },
      {
        key: 'role:r2',
        title: 'Manager',
        stepIds: ['v'],
        band: { x: -180, y: 380, width: 1520, height: 130 },
        header: { x: -180, y: 380, width: 160, height: 130 },
      },
      {
        key: 'unassigned',
        title: 'Unassigned',
        stepIds: ['t3'],
        band: { x: -180, y: 580, width: 1520, height: 130 },
        header: { x: -180, y: 580, width: 160, height: 130 },
      },
    ]);
  });

  it('uses measured sizes where there are any', () => {
    const lanes = computeLanes(fourLanes(), ROLES, new Map([['t4', { width: 200, height: 130 }]]));
    // Clerk: y −20 … 130 + 20 = 150.
    expect(lanes[0]?.band).toEqual({ x: -180, y: -20, width: 1520, height: 170 });
  });

  it('orders lanes by where their steps sit, not by the roles', () => {
    const wf = workflowOf([task('low', 'r1', 0, 500), task('high', 'r2', 0, -100), aiTask('mid', 0, 200)]);
    expect(keys(computeLanes(wf, ROLES))).toEqual(['role:r2', 'ai', 'role:r1']);
  });

  it('splits overlapping neighbours at the midpoint between them', () => {
    const wf = workflowOf([task('t1', 'r1', 0, 0), aiTask('t2', 300, 100)]);
    // Clerk −20 … 110 and AI 80 … 210 overlap; they meet at (110 + 80) / 2 = 95. Flow: −180 … 500 + 20.
    const [clerk, ai] = computeLanes(wf, ROLES);
    expect(clerk?.band).toEqual({ x: -180, y: -20, width: 700, height: 115 });
    expect(ai?.band).toEqual({ x: -180, y: 95, width: 700, height: 115 });
  });

  it('falls back to roles order, then AI, then Unassigned, and keeps every band at least 80 thick', () => {
    const wf = workflowOf([
      task('u', null, 0, 0),
      aiTask('a', 0, 0),
      task('m', 'r2', 0, 0),
      task('c', 'r1', 0, 0),
    ]);
    const lanes = computeLanes(wf, ROLES);
    expect(keys(lanes)).toEqual(['role:r1', 'role:r2', 'ai', 'unassigned']);
    // All four span −20 … 110; splitting leaves −20 … 45 for the first and nothing for the others, so each
    // is pushed to 80: −20 … 60, 60 … 140, 140 … 220, 220 … 300.
    expect(lanes.map((l) => [l.band.y, l.band.height])).toEqual([
      [-20, 80],
      [60, 80],
      [140, 80],
      [220, 80],
    ]);
  });

  it('draws vertical bands ordered left to right, with the header on top, for top-to-bottom flows', () => {
    const wf = workflowOf([task('t1', 'r1', 0, 0), aiTask('t2', 300, 150)]);
    // Flow (y) extent 0 … 240; band from 0 − 20 − 80 header = −100 to 260.
    expect(computeLanes(wf, ROLES, undefined, 'TB')).toEqual([
      {
        key: 'role:r1',
        title: 'Clerk',
        stepIds: ['t1'],
        band: { x: -20, y: -100, width: 240, height: 360 },
        header: { x: -20, y: -100, width: 240, height: 80 },
      },
      {
        key: 'ai',
        title: 'AI',
        stepIds: ['t2'],
        band: { x: 280, y: -100, width: 240, height: 360 },
        header: { x: 280, y: -100, width: 240, height: 80 },
      },
    ]);
  });

  it('has no lanes without work steps, and names a lane of a missing role', () => {
    expect(
      computeLanes(workflowOf([{ type: 'start', id: 's', name: 'S', position: { x: 0, y: 0 } }]), ROLES),
    ).toEqual([]);
    expect(computeLanes(workflowOf([task('t', 'gone', 0, 0)]), ROLES)[0]?.title).toBe('Unknown role');
  });
});

describe('laneAt', () => {
  const lanes = computeLanes(fourLanes(), ROLES);
  it('finds the band under a point; gaps and the outside belong to no lane', () => {
    expect(laneAt(lanes, { x: 500, y: 50 })).toBe('role:r1');
    expect(laneAt(lanes, { x: 500, y: -20 })).toBe('role:r1');
    expect(laneAt(lanes, { x: 500, y: 110 })).toBeNull();
    expect(laneAt(lanes, { x: 500, y: 180 })).toBe('ai');
    expect(laneAt(lanes, { x: 1339, y: 709 })).toBe('unassigned');
    expect(laneAt(lanes, { x: 1340, y: 650 })).toBeNull();
    expect(laneAt(lanes, { x: -181, y: 50 })).toBeNull();
  });
});

describe('moveStepToLane', () => {
  const wf = fourLanes();
  const moved = (stepId: string, key: Parameters<typeof moveStepToLane>[2]) => {
    const result = moveStepToLane(wf, stepId, key);
    if (!result.ok) throw new Error(result.reason);
    return stepById(result.workflow, stepId);
  };

  it('sets the role when a step moves to a role lane', () => {
    expect(moved('t1', 'role:r2')).toMatchObject({ roleId: 'r2', mode: 'human' });
    expect(moved('v', 'role:r1')).toMatchObject({ roleId: 'r1' });
  });

  it('hands an AI-automated task to the role as AI-assisted work', () => {
    expect(moved('t2', 'role:r1')).toMatchObject({ roleId: 'r1', mode: 'ai-assisted' });
    expect(moved('t2', 'unassigned')).toMatchObject({ roleId: null, mode: 'ai-assisted' });
  });

  it('makes a task AI-automated without a role in the AI lane', () => {
    const step = moved('t1', 'ai');
    expect(step).toMatchObject({ roleId: null, mode: 'ai-automated' });
    expect(laneKeyOf(step)).toBe('ai');
  });

  it('clears the role in the Unassigned lane', () => {
    expect(moved('v', 'unassigned')).toMatchObject({ roleId: null });
    expect(moved('t1', 'unassigned')).toMatchObject({ roleId: null, mode: 'human' });
  });

  it('is an ordinary edit: new workflow, later updatedAt, other steps untouched', () => {
    const result = moveStepToLane(wf, 't1', 'role:r2');
    expect(result.ok && result.workflow).not.toBe(wf);
    expect(result.ok && result.workflow.updatedAt > AT).toBe(true);
    expect(result.ok && result.workflow.steps[2]).toBe(wf.steps[2]);
  });

  it('refuses to automate a review, and to put control steps or unknown steps in lanes', () => {
    const review = moveStepToLane(wf, 'v', 'ai');
    expect(review).toEqual({ ok: false, reason: 'A review is a person’s check; it cannot be automated.' });
    expect(moveStepToLane(wf, 's', 'role:r1')).toEqual({
      ok: false,
      reason: '"Start" is a start step; only tasks and reviews sit in lanes.',
    });
    expect(moveStepToLane(wf, 'nope', 'ai').ok).toBe(false);
  });

  it('returns the same workflow object when the step is already in that lane', () => {
    for (const [id, key] of [
      ['t1', 'role:r1'],
      ['t2', 'ai'],
      ['v', 'role:r2'],
      ['t3', 'unassigned'],
    ] as const)
      expect(moveStepToLane(wf, id, key)).toEqual({ ok: true, workflow: wf });
    const same = moveStepToLane(wf, 't1', 'role:r1');
    expect(same.ok && same.workflow).toBe(wf);
  });
});

describe('reorderLane', () => {
  const wf = fourLanes();
  const lanes = computeLanes(wf, ROLES);
  const y = (w: Workflow, id: string) => stepById(w, id).position.y;

  it('swaps a lane with the one above by moving both bands’ steps', () => {
    const next = reorderLane(wf, lanes, 'ai', 'up');
    // Clerk −20 … 110 and AI 180 … 310 swap: AI moves up by 200, Clerk down by 310 − 110 = 200. Start and
    // end (centre y 45, inside Clerk's band) travel with Clerk.
    expect(['t1', 't2', 't4', 's', 'e', 'v', 't3'].map((id) => y(next, id))).toEqual([
      200, 0, 200, 220, 220, 400, 600,
    ]);
    expect(stepById(next, 't1').position.x).toBe(200);
    expect(keys(computeLanes(next, ROLES))).toEqual(['ai', 'role:r1', 'role:r2', 'unassigned']);
  });

  it('keeps the gap between lanes of different thickness', () => {
    // Clerk −20 … 150 (t4 measured 130 high), AI 180 … 310: AI moves up by 200 to −20 … 110, Clerk down by
    // 310 − 150 = 160 to 140 … 310, keeping the 30 gap.
    const sizes = new Map([['t4', { width: 200, height: 130 }]]);
    const next = reorderLane(wf, computeLanes(wf, ROLES, sizes), 'role:r1', 'down', { sizes });
    expect(['t1', 't4', 't2'].map((id) => y(next, id))).toEqual([160, 160, 0]);
  });

  it('swaps vertical bands left and right in top-to-bottom flows', () => {
    const tb = workflowOf([task('t1', 'r1', 0, 0), aiTask('t2', 300, 150)]);
    // Clerk x −20 … 220, AI 280 … 520: AI moves by −300, Clerk by 300.
    const next = reorderLane(tb, computeLanes(tb, ROLES, undefined, 'TB'), 'ai', 'up', { direction: 'TB' });
    expect(next.steps.map((s) => s.position)).toEqual([
      { x: 300, y: 0 },
      { x: 0, y: 150 },
    ]);
  });

  it('returns the same workflow when the lane is already first or last, or unknown', () => {
    expect(reorderLane(wf, lanes, 'role:r1', 'up')).toBe(wf);
    expect(reorderLane(wf, lanes, 'unassigned', 'down')).toBe(wf);
    expect(reorderLane(wf, lanes, 'role:zz', 'down')).toBe(wf);
  });
});

describe('visibleStepIds', () => {
  it('hides the members of collapsed lanes and keeps control steps', () => {
    const wf = fourLanes();
    const lanes = computeLanes(wf, ROLES);
    expect([...visibleStepIds(wf, lanes, new Set(['ai', 'role:r1']))]).toEqual(['s', 'v', 't3', 'e']);
    expect(visibleStepIds(wf, lanes, new Set()).size).toBe(7);
  });
});

describe('dropSteps', () => {
  const wf = fourLanes();
  const lanes = computeLanes(wf, ROLES);

  it('moves steps, and one dropped in another lane joins it, in one edit', () => {
    // t1 (200 × 90) dropped at y 400 has its centre at y 445, in the Manager band 380 … 510.
    const { workflow, refused } = dropSteps(
      wf,
      lanes,
      new Map([
        ['t1', { x: 260, y: 400 }],
        ['t4', { x: 940, y: 10 }],
        ['s', { x: 0, y: 400 }],
      ]),
    );
    expect(refused).toEqual([]);
    expect(stepById(workflow, 't1')).toMatchObject({ roleId: 'r2', position: { x: 260, y: 400 } });
    expect(stepById(workflow, 't4')).toMatchObject({ roleId: 'r1', position: { x: 940, y: 10 } });
    expect(stepById(workflow, 's').position).toEqual({ x: 0, y: 400 });
  });

  it('makes a task dropped in the AI lane AI-automated', () => {
    const { workflow } = dropSteps(wf, lanes, new Map([['t3', { x: 920, y: 200 }]]));
    expect(stepById(workflow, 't3')).toMatchObject({ mode: 'ai-automated', roleId: null });
  });

  it('leaves the role alone when a step is dropped between lanes or outside them', () => {
    // Centre y 145: in the gap between Clerk (… 110) and AI (180 …).
    const { workflow } = dropSteps(wf, lanes, new Map([['t1', { x: 200, y: 100 }]]));
    expect(stepById(workflow, 't1')).toMatchObject({ roleId: 'r1', position: { x: 200, y: 100 } });
  });

  it('sends a review dropped in the AI lane back, with the reason', () => {
    const { workflow, refused } = dropSteps(
      wf,
      lanes,
      new Map([
        ['v', { x: 680, y: 200 }],
        ['t4', { x: 900, y: 0 }],
      ]),
    );
    expect(refused).toEqual(['A review is a person’s check; it cannot be automated.']);
    expect(stepById(workflow, 'v')).toMatchObject({ roleId: 'r2', position: { x: 680, y: 400 } });
    expect(stepById(workflow, 't4').position).toEqual({ x: 900, y: 0 });
  });
});
