import { describe, expect, it } from 'vitest';
import {
  feedbackRate,
  learningFactor,
  MAX_PROJECTION_WEEKS,
  projectLearning,
  type LearningProjection,
} from '../../../shared/analysis/learning';
import { analyzeWorkflow } from '../../../shared/analysis/analyze';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import type { Role, Step, TaskStep, Workflow } from '../../../shared/model/schema';
import { edges, end, review, role, start, task, workflow } from './helpers';

const learning = (
  s: TaskStep,
  learningRate: number,
  floorShare: number,
  casesBefore: number,
  mode: TaskStep['mode'] = 'ai-assisted',
): Step => ({ ...s, mode, learningCurve: { learningRate, floorShare, casesBefore } });

function ok(result: ReturnType<typeof projectLearning>): LearningProjection {
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('learning curves', () => {
  // One task done once per case, 100 cases a week, 12 min today: volume × visits = 100 a week.
  const roles = [role('W', 1, 40, 60)];
  const simple = (rate = 0.9, floor = 0.5, before = 100) =>
    workflow(
      [start(), learning(task('write', 'W', [12, 12, 12]), rate, floor, before), end()],
      edges('start>write', 'write>end'),
      100,
    );

  it('multiplies the time by the learning rate per doubling of cumulative cases', () => {
    // N(w) = 100 + 100 w: week 1 → 200 (one doubling) → 0.9; week 3 → 400 (two) → 0.81.
    const p = ok(projectLearning(simple(), roles, { weeks: 3 }));
    expect(p.weeks.map((w) => w.week)).toEqual([0, 1, 2, 3]);
    expect(p.weeks.map((w) => w.cumulativeCases.write)).toEqual([100, 200, 300, 400]);
    expect(p.weeks[0]!.timeFactor.write).toBe(1);
    expect(p.weeks[1]!.timeFactor.write).toBeCloseTo(0.9, 12);
    expect(p.weeks[2]!.timeFactor.write).toBeCloseTo(Math.pow(0.9, Math.log2(3)), 12);
    expect(p.weeks[3]!.timeFactor.write).toBeCloseTo(0.81, 12);
    // The PERT mean scales with the factor: week 3, 12 × 0.81 = 9.72 min → 100 × 9.72 / 60 = 16.2 h of 40.
    expect(p.weeks[3]!.hoursPerWeek.W).toBeCloseTo(16.2, 10);
    expect(p.weeks[3]!.utilization.W).toBeCloseTo(16.2 / 40, 10);
    expect(p.weeks[3]!.costPerCase).toBeCloseTo((9.72 / 60) * 60, 10);
    expect(p.weeks[3]!.maxVolumePerWeek).toBeCloseTo((40 * 60) / 9.72, 8);
    expect(p.learningSteps).toBe(1);
    expect(p.feedbackReviews).toBe(0);
  });

  it('never goes below the floor', () => {
    // Rate 0.5 halves the time per doubling; floor 0.3: week 1 → 0.5, week 3 → 0.25 → held at 0.3.
    const p = ok(projectLearning(simple(0.5, 0.3), roles, { weeks: 3 }));
    expect(p.weeks[1]!.timeFactor.write).toBeCloseTo(0.5, 12);
    expect(p.weeks[3]!.timeFactor.write).toBe(0.3);
    expect(learningFactor(0.9, 0.5, 100, 100 * 2 ** 20)).toBe(0.5);
    expect(learningFactor(0.9, 0.5, 100, 50)).toBe(1); // experience is not lost
  });

  it('ignores the learning curve of an AI-automated task', () => {
    const wf = workflow(
      [start(), learning(task('bot', null, [2, 2, 2]), 0.8, 0.1, 10, 'ai-automated'), end()],
      edges('start>bot', 'bot>end'),
      100,
    );
    const p = ok(projectLearning(wf, [], { weeks: 2 }));
    expect(p.learningSteps).toBe(0);
    expect(p.weeks[2]!.timeFactor).toEqual({});
    expect(p.weeks.map((w) => w.cycleTimeMinutes)).toEqual([2, 2, 2]);
  });
});

describe('review feedback loops', () => {
  // write (12 min, learns: rate 0.9, 100 cases before) → review (6 min, r0 0.2 → floor 0.05, half the gap a week).
  const roles = [role('W', 1, 40, 60), role('R', 1, 40, 60)];
  const build = (): Workflow =>
    workflow(
      [
        start(),
        learning(task('write', 'W', [12, 12, 12]), 0.9, 0.5, 100),
        {
          ...review('review', 0.2, 'write', 'R', [6, 6, 6]),
          feedbackLoop: { weeklyReduction: 0.5, floorRate: 0.05 },
        },
        end(),
      ],
      edges('start>write', 'write>review', 'review>end'),
      100,
    );

  it('closes the stated share of the gap to the floor every week', () => {
    // 0.2 → 0.05 + 0.15 × 0.5 = 0.125 → 0.05 + 0.15 × 0.25 = 0.0875.
    const p = ok(projectLearning(build(), roles, { weeks: 2 }));
    const rates = p.weeks.map((w) => w.rejectionRate.review!);
    expect(rates[0]).toBe(0.2);
    expect(rates[1]).toBeCloseTo(0.125, 15);
    expect(rates[2]).toBeCloseTo(0.0875, 15);
    expect(feedbackRate(0.03, 0.05, 0.5, 4)).toBe(0.03); // already below the floor: kept
    // Visits follow: 1 / (1 − r) = 1.25, then 1 / 0.875; the reviewer's load 100 × visits × 6 / 60.
    expect(p.weeks[0]!.hoursPerWeek.R).toBeCloseTo(12.5, 10);
    expect(p.weeks[1]!.hoursPerWeek.R).toBeCloseTo(10 / 0.875, 10);
    expect(p.feedbackReviews).toBe(1);
  });

  it('counts the cases actually done each week towards the learning curve', () => {
    // Write is done 1.25 times per case in week 0, 1 / 0.875 in week 1:
    // N(1) = 100 + 125 = 225, N(2) = 225 + 100 / 0.875 = 339.2857…
    const p = ok(projectLearning(build(), roles, { weeks: 2 }));
    expect(p.weeks[1]!.cumulativeCases.write).toBeCloseTo(225, 10);
    expect(p.weeks[2]!.cumulativeCases.write).toBeCloseTo(225 + 100 / 0.875, 10);
    expect(p.weeks[2]!.timeFactor.write).toBeCloseTo(Math.pow(0.9, Math.log2((225 + 100 / 0.875) / 100)), 12);
  });

  it('starts from a what-if rejection rate when one is given', () => {
    // r0 = 0.6 → week 1: 0.05 + 0.55 × 0.5 = 0.325.
    const p = ok(projectLearning(build(), roles, { weeks: 1, options: { rejectionRate: { review: 0.6 } } }));
    expect(p.weeks[0]!.rejectionRate.review).toBe(0.6);
    expect(p.weeks[1]!.rejectionRate.review).toBeCloseTo(0.325, 12);
  });
});

describe('the moving bottleneck', () => {
  it('moves from the reviewer to the writer as the review work is learned down', () => {
    // 100 cases a week. Writer: write 18 min → 30 h of 40 = 75%, every week.
    // Reviewer: an AI-assisted check, 21 min → 35 h of 40 = 87.5% today: the bottleneck.
    // Check learns at 0.8 from 100 cases: week 1, N = 200 → 16.8 min → 28 h = 70% < 75%: the writer is now the
    // bottleneck. Week 7: N = 800 → 0.8³ = 0.512; week 8: N = 900 → 0.8^log2(9) = 0.4886 → floor 0.5.
    const roles: Role[] = [role('writer', 1, 40, 60), role('reviewer', 1, 40, 90)];
    const wf = workflow(
      [
        start(),
        task('write', 'writer', [18, 18, 18]),
        learning(task('check', 'reviewer', [21, 21, 21]), 0.8, 0.5, 100),
        end(),
      ],
      edges('start>write', 'write>check', 'check>end'),
      100,
    );
    const p = ok(projectLearning(wf, roles, { weeks: 8 }));
    const [w0, w1] = p.weeks;
    expect(w0!.bottleneck).toEqual({ roleId: 'reviewer', utilization: expect.closeTo(0.875, 12) });
    expect(w0!.maxVolumePerWeek).toBeCloseTo(2400 / 21, 9);
    expect(w1!.utilization.reviewer).toBeCloseTo(0.7, 12);
    expect(w1!.bottleneck).toEqual({ roleId: 'writer', utilization: expect.closeTo(0.75, 12) });
    expect(w1!.maxVolumePerWeek).toBeCloseTo(2400 / 18, 9);
    expect(p.weeks[7]!.timeFactor.check).toBeCloseTo(0.512, 12);
    expect(p.weeks[8]!.timeFactor.check).toBe(0.5);
    // Cost per case: 18 min × 60/h = 18, plus 21 × factor min × 90/h.
    expect(w1!.costPerCase).toBeCloseTo(18 + (16.8 / 60) * 90, 10);
  });

  it('moves from the reviewer to the sender as a feedback loop cuts rework', () => {
    // 100 cases a week; write 6 min (writer) → review 15 min (reviewer, 2 people, r0 0.5 → floor 0.1, half the
    // gap a week) → send 14 min (sender, 1 person). Week 0: visits 2 → reviewer 100 × 2 × 15 / 60 = 50 h of 80
    // = 62.5%; sender 100 × 14 / 60 = 23.33 h of 40 = 58.3%. Week 1: r = 0.3, visits 1 / 0.7 → reviewer
    // 35.71 h = 44.6%: the sender is the bottleneck.
    const roles = [role('writer', 1, 40, 60), role('reviewer', 2, 40, 60), role('sender', 1, 40, 60)];
    const wf = workflow(
      [
        start(),
        task('write', 'writer', [6, 6, 6]),
        {
          ...review('review', 0.5, 'write', 'reviewer', [15, 15, 15]),
          feedbackLoop: { weeklyReduction: 0.5, floorRate: 0.1 },
        },
        task('send', 'sender', [14, 14, 14]),
        end(),
      ],
      edges('start>write', 'write>review', 'review>send', 'send>end'),
      100,
    );
    const p = ok(projectLearning(wf, roles, { weeks: 1 }));
    expect(p.weeks[0]!.bottleneck?.roleId).toBe('reviewer');
    expect(p.weeks[0]!.utilization.reviewer).toBeCloseTo(0.625, 12);
    expect(p.weeks[1]!.utilization.reviewer).toBeCloseTo(100 / 0.7 / 4 / 80, 12);
    expect(p.weeks[1]!.bottleneck).toEqual({
      roleId: 'sender',
      utilization: expect.closeTo(1400 / 60 / 40, 12),
    });
  });
});

describe('the projection as a whole', () => {
  it('starts from today’s analysis and runs every week through analyzeWorkflow', () => {
    const { workflows, roles } = customerSupportExample();
    const toBe = workflows.find((w) => w.kind === 'to-be')!;
    const today = analyzeWorkflow(toBe, roles);
    if (!today.ok) throw new Error(today.error.message);
    // Without the skills lens (the example's levels and plan are tested in test/unit/skills).
    const p = ok(projectLearning(toBe, roles, { weeks: 26, skillEffects: false }));
    expect(p.weeks).toHaveLength(27);
    const w0 = p.weeks[0]!;
    expect(w0.maxVolumePerWeek).toBe(today.maxVolumePerWeek);
    expect(w0.cycleTimeMinutes).toBe(today.cycleTimeMinutes.total);
    expect(w0.costPerCase).toBe(today.costPerCase.total);
    expect(w0.bottleneck).toEqual(today.bottleneck);
    // Learning only lowers times and rework here: cost and cycle time never go up.
    for (let w = 1; w < p.weeks.length; w++) {
      expect(p.weeks[w]!.costPerCase).toBeLessThanOrEqual(p.weeks[w - 1]!.costPerCase + 1e-12);
      expect(p.weeks[w]!.cycleTimeMinutes!).toBeLessThanOrEqual(p.weeks[w - 1]!.cycleTimeMinutes! + 1e-12);
    }
  });

  it('reports an unstable week with a null cycle time', () => {
    // 130 cases × 20 min = 43.3 h of 40: unstable in week 0. Week 1: N = 100 + 130 = 230 →
    // 0.8^log2(2.3) = 0.7746 → 15.49 min → 33.6 h of 40 = 83.9%: stable.
    const wf = workflow(
      [start(), learning(task('t', 'W', [20, 20, 20]), 0.8, 0.5, 100), end()],
      edges('start>t', 't>end'),
      130,
    );
    const p = ok(projectLearning(wf, [role('W', 1, 40, 60)], { weeks: 1 }));
    expect(p.weeks[0]!.stable).toBe(false);
    expect(p.weeks[0]!.cycleTimeMinutes).toBeNull();
    expect(p.weeks[1]!.stable).toBe(true);
    expect(p.weeks[1]!.utilization.W).toBeCloseTo((130 * 20 * Math.pow(0.8, Math.log2(2.3))) / 60 / 40, 12);
  });

  it('refuses a horizon it cannot project, reports analysis errors, and never changes its inputs', () => {
    const wf = workflow(
      [start(), learning(task('t', 'W', [20, 20, 20]), 0.8, 0.5, 100), end()],
      edges('start>t', 't>end'),
      50,
    );
    const roles = [role('W', 1, 40, 60)];
    const copy = structuredClone({ wf, roles });
    for (const weeks of [-1, 1.5, MAX_PROJECTION_WEEKS + 1, Number.NaN]) {
      const r = projectLearning(wf, roles, { weeks });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.week).toBeNull();
    }
    expect(ok(projectLearning(wf, roles, { weeks: 0 })).weeks).toHaveLength(1);
    ok(projectLearning(wf, roles, { weeks: 30, options: { volumePerWeek: 80 } }));
    expect({ wf, roles }).toEqual(copy);
    const broken = { ...wf, edges: [] };
    const r = projectLearning(broken, roles, { weeks: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.week).toBe(0);
      expect(r.error?.code).toBe('dead-end');
    }
  });
});
