import { describe, it, expect } from 'vitest';
import { StepSchema, WorkflowSchema } from '../../shared/model/schema';
import type { ReviewStep, Step, TaskStep, Workflow } from '../../shared/model/schema';
import {
  ConnectionRefused,
  addStep,
  connect,
  createRedesign,
  createStep,
  createWorkflow,
  duplicateWorkflow,
  insertReviewAfter,
  removeElements,
  setTaskMode,
  stepsUsingRole,
  stepsUsingSkill,
  updateEdge,
  updateStep,
} from '../../shared/model/operations';
import { customerSupportExample } from '../../shared/examples/customerSupport';
import { validateWorkflow } from '../../shared/model/validate';

const AT = '2026-03-01T10:00:00.000Z';

function stepOf<T extends Step['type']>(wf: Workflow, id: string, type: T): Extract<Step, { type: T }> {
  const step = wf.steps.find((s) => s.id === id);
  expect(step?.type).toBe(type);
  return step as Extract<Step, { type: T }>;
}

/** start → task → review (rework to task) → end, built with the operations themselves. */
function linear(): { wf: Workflow; start: Step; task: TaskStep; review: ReviewStep; end: Step } {
  let wf = createWorkflow('Linear', 'as-is', AT);
  const [start, end] = wf.steps as [Step, Step];
  const task = createStep('task', { x: 100, y: 0 }) as TaskStep;
  const review = { ...(createStep('review', { x: 200, y: 0 }) as ReviewStep), reworkTargetId: task.id };
  wf = addStep(addStep(wf, task), review);
  wf = connect(connect(connect(wf, start.id, task.id), task.id, review.id), review.id, end.id);
  return { wf, start, task, review, end };
}

describe('createWorkflow', () => {
  it('creates a valid workflow with one start and one end step', () => {
    const wf = createWorkflow('Onboarding', 'as-is', AT);
    expect(WorkflowSchema.parse(wf)).toEqual(wf);
    expect(wf.name).toBe('Onboarding');
    expect(wf.kind).toBe('as-is');
    expect(wf.redesignOfId).toBeNull();
    expect(wf.steps.map((s) => s.type)).toEqual(['start', 'end']);
    expect(wf.edges).toEqual([]);
    expect(wf.createdAt).toBe(AT);
    expect(wf.updatedAt).toBe(AT);
  });

  it('gives every workflow and step a new id', () => {
    const a = createWorkflow('A');
    const b = createWorkflow('B', 'to-be');
    expect(a.id).not.toBe(b.id);
    expect(b.kind).toBe('to-be');
    const ids = [...a.steps, ...b.steps].map((s) => s.id);
    expect(new Set(ids).size).toBe(4);
  });
});

describe('createStep', () => {
  it.each(['start', 'end', 'decision'] as const)('creates a %s step with only the common fields', (type) => {
    const step = createStep(type, { x: 10, y: 20 });
    expect(StepSchema.parse(step)).toEqual(step);
    expect(step.type).toBe(type);
    expect(step.position).toEqual({ x: 10, y: 20 });
    expect(Object.keys(step).sort()).toEqual(['description', 'id', 'name', 'notes', 'position', 'type']);
  });

  it.each(['human', 'ai-assisted', 'ai-automated'] as const)('creates a %s task', (mode) => {
    const step = createStep('task', { x: 0, y: 0 }, mode) as TaskStep;
    expect(StepSchema.parse(step)).toEqual(step);
    expect(step.type).toBe('task');
    expect(step.mode).toBe(mode);
    expect(step.roleId).toBeNull();
    expect(step.skills).toEqual([]);
    expect(step.duration.min).toBeLessThanOrEqual(step.duration.likely);
    expect(step.duration.likely).toBeLessThanOrEqual(step.duration.max);
  });

  it('makes fully automated tasks faster by default and names tasks after their mode', () => {
    const human = createStep('task', { x: 0, y: 0 }, 'human') as TaskStep;
    const assisted = createStep('task', { x: 0, y: 0 }, 'ai-assisted') as TaskStep;
    const automated = createStep('task', { x: 0, y: 0 }, 'ai-automated') as TaskStep;
    expect(automated.duration.likely).toBeLessThan(human.duration.likely);
    expect(new Set([human.name, assisted.name, automated.name]).size).toBe(3);
  });

  it('creates a review with a rejection rate and no rework target yet', () => {
    const step = createStep('review', { x: 0, y: 0 }) as ReviewStep;
    expect(StepSchema.parse(step)).toEqual(step);
    expect(step.rejectionRate).toBeGreaterThan(0);
    expect(step.reworkTargetId).toBeNull();
    expect(step).not.toHaveProperty('mode');
  });
});

describe('updateStep', () => {
  it('changes the fields the step has and leaves the original alone', () => {
    const { wf, task } = linear();
    const next = updateStep(wf, task.id, { name: 'Write answer', roleId: 'role-1', mode: 'ai-assisted' });
    expect(stepOf(next, task.id, 'task')).toMatchObject({
      name: 'Write answer',
      roleId: 'role-1',
      mode: 'ai-assisted',
    });
    expect(stepOf(wf, task.id, 'task').name).toBe(task.name);
    expect(next).not.toBe(wf);
  });

  it('ignores fields the step type does not have', () => {
    const { wf, start, task } = linear();
    const next = updateStep(
      updateStep(wf, start.id, { name: 'Begin', roleId: 'role-1', rejectionRate: 0.5 }),
      task.id,
      {
        rejectionRate: 0.5,
        reworkTargetId: start.id,
      },
    );
    const newStart = next.steps.find((s) => s.id === start.id);
    expect(newStart).toEqual({ ...start, name: 'Begin' });
    expect(newStart).not.toHaveProperty('roleId');
    expect(next.steps.find((s) => s.id === task.id)).toEqual(task);
    expect(WorkflowSchema.parse(next)).toEqual(next);
  });

  it('ignores undefined values in the patch', () => {
    const { wf, task } = linear();
    const next = updateStep(wf, task.id, { name: undefined });
    expect(stepOf(next, task.id, 'task').name).toBe(task.name);
  });
});

describe('removeElements', () => {
  it('removes the steps and every edge touching them', () => {
    const { wf, task, review } = linear();
    const next = removeElements(wf, new Set([review.id]));
    expect(next.steps.map((s) => s.id)).not.toContain(review.id);
    expect(next.edges.some((e) => e.source === review.id || e.target === review.id)).toBe(false);
    expect(next.edges).toHaveLength(1);
    expect(next.edges[0]?.target).toBe(task.id);
    expect(wf.steps).toHaveLength(4);
  });

  it('removes edges by id', () => {
    const { wf } = linear();
    const removed = wf.edges[1]!;
    const next = removeElements(wf, new Set(), new Set([removed.id]));
    expect(next.edges.map((e) => e.id)).toEqual(wf.edges.filter((e) => e !== removed).map((e) => e.id));
    expect(next.steps).toEqual(wf.steps);
  });

  it('clears rework targets that point at a removed step', () => {
    const { wf, task, review } = linear();
    const next = removeElements(wf, new Set([task.id]));
    expect(stepOf(next, review.id, 'review').reworkTargetId).toBeNull();
    expect(stepOf(wf, review.id, 'review').reworkTargetId).toBe(task.id);
  });
});

describe('connect', () => {
  it('adds an edge without probability between ordinary steps', () => {
    const { wf, task, review } = linear();
    const edge = wf.edges.find((e) => e.source === task.id);
    expect(edge).toMatchObject({ target: review.id, label: '', probability: null });
  });

  it('gives a new decision branch the probability its siblings leave', () => {
    let wf = createWorkflow('Branches', 'as-is', AT);
    const [start, end] = wf.steps as [Step, Step];
    const dec = createStep('decision', { x: 100, y: 0 });
    const a = createStep('task', { x: 200, y: -100 });
    const b = createStep('task', { x: 200, y: 100 });
    wf = [dec, a, b].reduce(addStep, wf);
    wf = connect(wf, start.id, dec.id);
    wf = connect(wf, dec.id, a.id, 'edge-a');
    expect(wf.edges.find((e) => e.id === 'edge-a')?.probability).toBe(1);
    wf = updateEdge(wf, 'edge-a', { probability: 0.25 });
    wf = connect(wf, dec.id, b.id, 'edge-b');
    expect(wf.edges.find((e) => e.id === 'edge-b')?.probability).toBe(0.75);
    // Nothing left: a third branch gets 0, never a negative share.
    wf = updateEdge(wf, 'edge-a', { probability: 0.5 });
    wf = connect(wf, dec.id, end.id, 'edge-c');
    expect(wf.edges.find((e) => e.id === 'edge-c')?.probability).toBe(0);
  });

  it('rounds the remaining probability', () => {
    let wf = createWorkflow('Thirds', 'as-is', AT);
    const dec = createStep('decision', { x: 0, y: 0 });
    const [x, y, z] = [
      createStep('end', { x: 0, y: 0 }),
      createStep('end', { x: 0, y: 0 }),
      createStep('end', { x: 0, y: 0 }),
    ];
    wf = [dec, x, y, z].reduce(addStep, wf);
    wf = connect(wf, dec.id, x.id, 'ex');
    wf = updateEdge(wf, 'ex', { probability: 0.333 });
    wf = connect(wf, dec.id, y.id, 'ey');
    wf = updateEdge(wf, 'ey', { probability: 0.333 });
    wf = connect(wf, dec.id, z.id, 'ez');
    expect(wf.edges.find((e) => e.id === 'ez')?.probability).toBe(0.334);
  });

  it('refuses invalid connections with ConnectionRefused and the reason', () => {
    const { wf, start, task, end } = linear();
    expect(() => connect(wf, task.id, task.id)).toThrow(ConnectionRefused);
    expect(() => connect(wf, end.id, task.id)).toThrow(/end step/);
    expect(() => connect(wf, task.id, start.id)).toThrow(ConnectionRefused);
    expect(() => connect(wf, start.id, task.id)).toThrow(/already connected/);
    expect(() => connect(wf, task.id, end.id)).toThrow(/already has a next step/);
    expect(() => connect(wf, task.id, 'ghost')).toThrow(ConnectionRefused);
  });
});

describe('duplicateWorkflow and createRedesign', () => {
  const original = () => customerSupportExample().workflows.find((w) => w.kind === 'as-is')!;

  it('duplicates with a new id and name, keeping step ids', () => {
    const wf = original();
    const copy = duplicateWorkflow(wf, undefined, AT);
    expect(copy.id).not.toBe(wf.id);
    expect(copy.name).toBe(`${wf.name} (copy)`);
    expect(copy.kind).toBe(wf.kind);
    expect(copy.createdAt).toBe(AT);
    expect(copy.updatedAt).toBe(AT);
    expect(copy.steps).toEqual(wf.steps);
    expect(copy.edges).toEqual(wf.edges);
  });

  it('creates a to-be redesign that points at the as-is workflow', () => {
    const wf = original();
    const redesign = createRedesign(wf, AT);
    expect(redesign.id).not.toBe(wf.id);
    expect(redesign.kind).toBe('to-be');
    expect(redesign.redesignOfId).toBe(wf.id);
    expect(redesign.name).toBe(`${wf.name} (to-be)`);
    expect(redesign.steps.map((s) => s.id)).toEqual(wf.steps.map((s) => s.id));
    expect(WorkflowSchema.parse(redesign)).toEqual(redesign);
  });

  it.each([
    ['duplicateWorkflow', (wf: Workflow) => duplicateWorkflow(wf)],
    ['createRedesign', (wf: Workflow) => createRedesign(wf)],
  ])('%s shares no nested data with the original', (_name, copyOf) => {
    const wf = original();
    const before = structuredClone(wf);
    const copy = copyOf(wf);
    expect(copy.steps).not.toBe(wf.steps);
    expect(copy.edges).not.toBe(wf.edges);

    copy.steps.push(createStep('end', { x: 0, y: 0 }));
    copy.edges.pop();
    copy.steps[0]!.position.x = 12345;
    copy.steps[0]!.name = 'Changed';
    const work = copy.steps.find((s): s is TaskStep => s.type === 'task')!;
    work.skills.push({ skillId: 'onet.writing', level: 5 });
    work.skills[0]!.level = 1;
    work.duration.max = 999;
    copy.edges[0]!.label = 'changed';

    expect(wf).toEqual(before);
  });
});

describe('stepsUsingRole and stepsUsingSkill', () => {
  it('counts the work steps that use a role or a skill across workflows', () => {
    const { workflows } = customerSupportExample();
    const expectedRole = workflows
      .flatMap((w) => w.steps)
      .filter((s) => (s.type === 'task' || s.type === 'review') && s.roleId === 'cs-role-agent').length;
    expect(expectedRole).toBeGreaterThan(0);
    expect(stepsUsingRole(workflows, 'cs-role-agent')).toBe(expectedRole);
    expect(stepsUsingRole(workflows, 'no-such-role')).toBe(0);

    const expectedSkill = workflows
      .flatMap((w) => w.steps)
      .filter(
        (s) =>
          (s.type === 'task' || s.type === 'review') &&
          s.skills.some((r) => r.skillId === 'onet.reading-comprehension'),
      ).length;
    expect(expectedSkill).toBeGreaterThan(0);
    expect(stepsUsingSkill(workflows, 'onet.reading-comprehension')).toBe(expectedSkill);
    expect(stepsUsingSkill(workflows, 'no-such-skill')).toBe(0);
  });

  it('counts a step once even if it lists the skill twice, and ignores other step types', () => {
    const { wf, task } = linear();
    const next = updateStep(wf, task.id, {
      roleId: 'r',
      skills: [
        { skillId: 'k', level: 1 },
        { skillId: 'k', level: 2 },
      ],
    });
    expect(stepsUsingSkill([next], 'k')).toBe(1);
    expect(stepsUsingRole([next, next], 'r')).toBe(2);
    expect(stepsUsingRole([createWorkflow('Empty')], 'r')).toBe(0);
  });
});

describe('connectableTargets', () => {
  it('offers exactly the steps canConnect allows, for every step of the examples', async () => {
    const { connectableTargets, canConnect } = await import('../../shared/model/rules');
    const { customerSupportExample } = await import('../../shared/examples/customerSupport');
    for (const wf of customerSupportExample().workflows) {
      for (const source of wf.steps) {
        const offered = connectableTargets(wf, source.id).map((s) => s.id);
        const allowed = wf.steps.filter((t) => canConnect(wf, source.id, t.id).ok).map((s) => s.id);
        expect(offered).toEqual(allowed);
      }
    }
  });
});

describe('insertReviewAfter', () => {
  const chain = () => {
    let wf = createWorkflow('Chain');
    const [start, end] = wf.steps as [Step, Step];
    const draft = { ...createStep('task', { x: 260, y: 0 }, 'ai-assisted'), roleId: 'role-agent' };
    wf = { ...wf, steps: [start, draft, { ...end, position: { x: 520, y: 0 } }] };
    wf = connect(connect(wf, start.id, draft.id), draft.id, end.id);
    return { wf, start, draft, end };
  };

  it('puts a review between a task and its next step, sending rework back to the task', () => {
    const { wf, draft, end } = chain();
    const result = insertReviewAfter(wf, draft.id);
    if (!result) throw new Error('no review');
    const review = result.workflow.steps.find((s) => s.id === result.reviewId);
    expect(review).toMatchObject({
      type: 'review',
      name: `Review: ${draft.name}`,
      roleId: 'role-agent',
      reworkTargetId: draft.id,
      position: { x: 520, y: 0 },
    });
    const links = result.workflow.edges.map((e) => [e.source, e.target]);
    expect(links).toContainEqual([draft.id, result.reviewId]);
    expect(links).toContainEqual([result.reviewId, end.id]);
    expect(links).not.toContainEqual([draft.id, end.id]);
    // The end step made room: it moved one place right.
    expect(result.workflow.steps.find((s) => s.id === end.id)?.position).toEqual({ x: 780, y: 0 });
    expect(
      validateWorkflow(result.workflow, {
        roles: [
          {
            id: 'role-agent',
            name: 'Agent',
            headcount: 1,
            hoursPerWeek: 35,
            costPerHour: 40,
            skillLevels: [],
            people: [],
          },
        ],
        skills: new Map(),
      }).filter((p) => p.severity === 'error'),
    ).toEqual([]);
  });

  it('refuses steps that are not work (start, end, decision)', () => {
    const { wf, start, end } = chain();
    expect(insertReviewAfter(wf, start.id)).toBeNull();
    expect(insertReviewAfter(wf, end.id)).toBeNull();
  });
});

describe('setTaskMode', () => {
  it('switches a task between modes and leaves other steps and unchanged modes alone', () => {
    const wf = createWorkflow('Modes');
    const task = createStep('task', { x: 0, y: 0 });
    const withTask = { ...wf, steps: [...wf.steps, task] };
    const automated = setTaskMode(withTask, task.id, 'ai-automated');
    expect(automated.steps.find((s) => s.id === task.id)).toMatchObject({ mode: 'ai-automated' });
    expect(setTaskMode(automated, task.id, 'ai-automated')).toBe(automated);
    expect(setTaskMode(withTask, wf.steps[0]!.id, 'human')).toBe(withTask);
  });
});
