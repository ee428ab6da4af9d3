import { describe, expect, it } from 'vitest';
import { analyzeWorkflow } from '../../../shared/analysis/analyze';
import { projectLearning } from '../../../shared/analysis/learning';
import type { LearningProjection, WeekPoint } from '../../../shared/analysis/learning';
import type { Role, Workflow } from '../../../shared/model/schema';
import { roles, toBe, writingPlan } from './fixture';

function project(w: Workflow, r: Role[] = roles(), weeks = 10, skillEffects = true): LearningProjection {
  const p = projectLearning(w, r, { weeks, skillEffects });
  if (!p.ok) throw new Error(p.message);
  return p;
}

/** The writer's and reviewer's utilization in a week, by hand from the week's penalty factors. */
function handUtilization(writeFactor: number, reviewFactor: number, writerLearning: number) {
  const rate = 0.2 * writeFactor;
  const visits = 1 / (1 - rate);
  const writerLoad = (100 * (visits * 12 * writeFactor + 6 * writeFactor)) / 60;
  const reviewerLoad = (100 * visits * 6 * reviewFactor) / 60;
  return {
    rate,
    writer: (writerLoad + writerLearning) / 160,
    reviewer: (reviewerLoad + 25 / 6) / 80,
    writerHours: writerLoad + writerLearning,
  };
}

describe('the learning projection with skills and a plan', () => {
  it('week 0: steps below the required level take longer and their review rejects more', () => {
    const p = project(toBe(writingPlan()));
    const w0: WeekPoint = p.weeks[0]!;
    // Write: writing 3 vs 2, verifying 2 vs 1 → 2 missing → 1 + 0.15 × 2 = 1.3; Polish 4 vs 2 → 1.3;
    // Review: verifying 4 vs the people's mean (2 + 3) / 2 = 2.5 → 1.5 missing → 1.225.
    expect(w0.penaltyFactor.write).toBeCloseTo(1.3, 12);
    expect(w0.penaltyFactor.polish).toBeCloseTo(1.3, 12);
    expect(w0.penaltyFactor.review).toBeCloseTo(1.225, 12);
    expect(w0.rejectionRate.review).toBeCloseTo(0.26, 12);
    // Coaching on the review: 100 × 1.25 visits × 2 min / 60 (today's visits, as in the lens), for learner and coach.
    expect(w0.learningHoursPerWeek.reviewer).toBeCloseTo(25 / 6, 12);
    expect(w0.learningHoursPerWeek.lead).toBeCloseTo(25 / 6, 12);
    expect(w0.learningHoursPerWeek.writer).toBeUndefined();
    const hand = handUtilization(1.3, 1.225, 0);
    expect(w0.utilization.writer).toBeCloseTo(hand.writer, 12);
    expect(w0.utilization.reviewer).toBeCloseTo(hand.reviewer, 12);
    expect(p.trackedGaps).toBe(3);
  });

  it('the penalty declines as the plan raises the levels week by week', () => {
    const p = project(toBe(writingPlan()));
    const factors = p.weeks.map((w) => w.penaltyFactor.write ?? 1);
    for (let k = 1; k < factors.length; k++) expect(factors[k]!).toBeLessThanOrEqual(factors[k - 1]!);
    // Week 2: writing learned 1.25 × 2 = 2.5 of 320 h → level 2 + 2 × 2.5 / 320 = 2.015625; Write misses
    // 0.984375 + 1 (verifying has no plan) → 1.29765625.
    const w2 = p.weeks[2]!;
    expect(w2.levels['writer|onet.writing']).toBeCloseTo(2.015625, 12);
    expect(w2.penaltyFactor.write).toBeCloseTo(1.29765625, 12);
    // The course starts in week 2: 1 h × 4 writers enters the writer's load.
    expect(w2.learningHoursPerWeek.writer).toBe(4);
    // Reviewer: 2 × 4.1667 = 8.333 of 36 h → 2.5 + 1.5 × 8.333 / 36 → missing 1.152778 → 1.1729167.
    const reviewFactor = 1 + 0.15 * (4 - (2.5 + (1.5 * (50 / 6)) / 36));
    expect(w2.penaltyFactor.review).toBeCloseTo(reviewFactor, 12);
    const hand = handUtilization(1.29765625, reviewFactor, 4);
    expect(w2.rejectionRate.review).toBeCloseTo(hand.rate, 12);
    expect(w2.utilization.writer).toBeCloseTo(hand.writer, 12);
    expect(w2.hoursPerWeek.writer).toBeCloseTo(hand.writerHours, 9);
    expect(w2.utilization.reviewer).toBeCloseTo(hand.reviewer, 12);

    // Week 10: writing learned 1.25 × 10 + 4 × 8 = 44.5 h → level 2.278125 → Write 1.25828125; the reviewer's
    // 36 h are learned after 8.64 weeks, so the review has no penalty left.
    const w10 = p.weeks[10]!;
    expect(w10.levels['writer|onet.writing']).toBeCloseTo(2.278125, 12);
    expect(w10.penaltyFactor.write).toBeCloseTo(1.25828125, 12);
    expect(w10.penaltyFactor.review).toBeUndefined();
    expect(w10.levels['reviewer|ai.verifying-ai-output']).toBe(4);
    expect(w10.rejectionRate.review).toBeCloseTo(0.25165625, 12);
    const hand10 = handUtilization(1.25828125, 1, 4);
    expect(w10.utilization.writer).toBeCloseTo(hand10.writer, 12);
    expect(w10.utilization.reviewer).toBeCloseTo(hand10.reviewer, 12);
  });

  it('plan-item time stops once its gap is closed', () => {
    const plan = writingPlan();
    plan[1]!.hoursPerWeek = 20; // 80 h/week from week 2: 320 h by 2.5 + 80 (t − 2) ≥ 320 → t ≈ 5.97
    const p = project(toBe(plan));
    expect(p.weeks[5]!.learningHoursPerWeek.writer).toBe(80);
    expect(p.weeks[6]!.learningHoursPerWeek.writer).toBeUndefined();
    expect(p.weeks[6]!.levels['writer|onet.writing']).toBe(4);
  });

  it('0 turns the penalty off; learning time still counts', () => {
    const w = toBe(writingPlan());
    w.learningAssumptions.penaltyPerMissingLevel = 0;
    const p = project(w);
    expect(p.weeks.every((x) => Object.keys(x.penaltyFactor).length === 0)).toBe(true);
    expect(p.weeks[0]!.rejectionRate.review).toBeUndefined();
    expect(p.weeks[3]!.learningHoursPerWeek.writer).toBe(4);
  });

  it('without recorded levels, plan or coaching, week 0 is today’s analysis', () => {
    const w = toBe();
    const review = w.steps.find((s) => s.id === 'review');
    if (review?.type !== 'review') throw new Error('fixture');
    review.coaching = null;
    const bare = roles().map((r) => ({ ...r, skillLevels: [], people: [] }));
    const p = project(w, bare, 3);
    const today = analyzeWorkflow(w, bare, { explain: 'none' });
    if (!today.ok) throw new Error('fixture');
    expect(p.trackedGaps).toBe(0);
    for (const r of today.roles) expect(p.weeks[0]!.utilization[r.id]).toBe(r.utilization);
    expect(p.weeks[0]!.penaltyFactor).toEqual({});
  });

  it('skillEffects: false leaves the projection as it was', () => {
    const p = project(toBe(writingPlan()), roles(), 2, false);
    expect(p.weeks[0]!.penaltyFactor).toEqual({});
    expect(p.weeks[0]!.learningHoursPerWeek).toEqual({});
    expect(p.trackedGaps).toBe(0);
  });

  it('every figure stays finite', () => {
    const p = project(toBe(writingPlan()), roles(), 52);
    for (const w of p.weeks) {
      for (const v of [
        ...Object.values(w.penaltyFactor),
        ...Object.values(w.learningHoursPerWeek),
        ...Object.values(w.levels),
        ...Object.values(w.rejectionRate),
        ...Object.values(w.hoursPerWeek),
      ])
        expect(Number.isFinite(v)).toBe(true);
    }
  });
});
