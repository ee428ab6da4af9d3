import { noLearningPlan } from '../../shared/model/schema';
import { describe, expect, it } from 'vitest';
import { feedbackRate, learningFactor, projectLearning } from '../../shared/analysis/projection';
import { completeSteps, type Role, type Workflow } from '../../shared/model/schema';

const AT = '2026-11-01T09:00:00.000Z';
const pos = { x: 0, y: 0 };
const roles: Role[] = [
  {
    id: 'writer',
    name: 'Writer',
    headcount: 1,
    hoursPerWeek: 40,
    costPerHour: 60,
    skillLevels: [],
    people: [],
  },
  {
    id: 'reviewer',
    name: 'Reviewer',
    headcount: 1,
    hoursPerWeek: 40,
    costPerHour: 60,
    skillLevels: [],
    people: [],
  },
];

/** Start → Write (learns) → Review (feedback loop, rework to Write) → End; 100 cases a week. */
function workflow(): Workflow {
  return {
    id: 'wf',
    name: 'Learning',
    description: '',
    kind: 'to-be',
    redesignOfId: null,
    volumePerWeek: 100,
    ...noLearningPlan(),
    createdAt: AT,
    updatedAt: AT,
    steps: completeSteps([
      { type: 'start', id: 's', name: 'Start', position: pos },
      {
        type: 'task',
        id: 'write',
        name: 'Write',
        mode: 'ai-assisted',
        roleId: 'writer',
        position: pos,
        duration: { min: 12, likely: 12, max: 12 },
        learningCurve: { learningRate: 0.9, floorShare: 0.5, casesBefore: 100 },
      },
      {
        type: 'review',
        id: 'review',
        name: 'Review',
        roleId: 'reviewer',
        position: pos,
        duration: { min: 6, likely: 6, max: 6 },
        rejectionRate: 0.2,
        reworkTargetId: 'write',
        feedbackLoop: { weeklyReduction: 0.5, floorRate: 0.05 },
      },
      { type: 'end', id: 'e', name: 'End', position: pos },
    ]),
    edges: [
      { id: 'e1', source: 's', target: 'write', label: '', probability: null },
      { id: 'e2', source: 'write', target: 'review', label: '', probability: null },
      { id: 'e3', source: 'review', target: 'e', label: '', probability: null },
    ],
  };
}

describe('learning projection', () => {
  it('follows Wright’s learning curve per doubling of cumulative cases, down to the floor', () => {
    // 100 cases before; 100 more per week: N = 200 after one week → 0.9; N = 400 after three → 0.81.
    expect(learningFactor(0.9, 0.5, 100, 100)).toBeCloseTo(1, 12);
    expect(learningFactor(0.9, 0.5, 100, 200)).toBeCloseTo(0.9, 12);
    expect(learningFactor(0.9, 0.5, 100, 400)).toBeCloseTo(0.81, 12);
    expect(learningFactor(0.9, 0.5, 100, 100 * 2 ** 20)).toBe(0.5);
  });

  it('closes the stated share of the gap to the floor each week', () => {
    // r0 = 0.2, floor 0.05, half the gap a week: 0.2 → 0.125 → 0.0875.
    expect(feedbackRate(0.2, 0.05, 0.5, 0)).toBeCloseTo(0.2, 12);
    expect(feedbackRate(0.2, 0.05, 0.5, 1)).toBeCloseTo(0.125, 12);
    expect(feedbackRate(0.2, 0.05, 0.5, 2)).toBeCloseTo(0.0875, 12);
    expect(feedbackRate(0.03, 0.05, 0.5, 4)).toBe(0.03);
  });

  it('projects utilization, cost and the moving bottleneck week by week', () => {
    const result = projectLearning(workflow(), roles, { weeks: 3 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [w0, w1] = result.weeks;
    // Week 0: visits to Write and Review = 1/(1 − 0.2) = 1.25. Writer: 100 × 1.25 × 12 min = 1,500 min = 25 h
    // of 40 → 62.5%; Reviewer: 100 × 1.25 × 6 = 750 min = 12.5 h → 31.25%.
    expect(w0!.utilization.writer).toBeCloseTo(0.625, 10);
    expect(w0!.utilization.reviewer).toBeCloseTo(0.3125, 10);
    expect(w0!.bottleneck?.roleId).toBe('writer');
    // Week 1: writer's cumulative cases = 100 + 100 × 1.25 × 1 = 225 → factor 0.9^log2(2.25);
    // rejection 0.125 → visits 1/0.875.
    const factor = Math.pow(0.9, Math.log2(2.25));
    expect(w1!.timeFactor.write).toBeCloseTo(factor, 10);
    expect(w1!.rejectionRate.review).toBeCloseTo(0.125, 10);
    expect(w1!.utilization.writer).toBeCloseTo((100 * (1 / 0.875) * 12 * factor) / 60 / 40, 10);
    expect(w1!.utilization.reviewer).toBeCloseTo((100 * (1 / 0.875) * 6) / 60 / 40, 10);
    // Cost per case falls as time and rework fall.
    expect(w1!.costPerCase).toBeLessThan(w0!.costPerCase);
  });

  it('shows the constraint move to review as drafting is learned down', () => {
    const wf = workflow();
    // Review takes 10 min without a feedback loop; writing falls from 12 towards 3 minutes.
    wf.steps = wf.steps.map((s) =>
      s.type === 'review'
        ? { ...s, duration: { min: 10, likely: 10, max: 10 }, feedbackLoop: null }
        : s.type === 'task'
          ? { ...s, learningCurve: { learningRate: 0.7, floorShare: 0.25, casesBefore: 50 } }
          : s,
    );
    const result = projectLearning(wf, roles, { weeks: 8 });
    if (!result.ok) throw new Error(result.message);
    expect(result.weeks[0]!.bottleneck?.roleId).toBe('writer');
    expect(result.weeks[8]!.bottleneck?.roleId).toBe('reviewer');
  });

  it('refuses a horizon it cannot draw and never changes the workflow', () => {
    const wf = workflow();
    const copy = structuredClone(wf);
    expect(projectLearning(wf, roles, { weeks: -1 }).ok).toBe(false);
    expect(projectLearning(wf, roles, { weeks: 10_000 }).ok).toBe(false);
    projectLearning(wf, roles, { weeks: 5 });
    expect(wf).toEqual(copy);
  });
});
