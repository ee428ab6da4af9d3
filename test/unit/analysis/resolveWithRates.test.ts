/**
 * Re-solving the visits with other rejection rates on the same graph (what the learning projection does
 * week by week) gives the visits a fresh compile gives, for random rates on the examples, a 2,000-step
 * workflow and a parallel block whose review accepts into a join; and it declines (null) where a rate
 * reaching 0 or 1 would change the graph.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeVisits, resolveWithRates, type SolvedVisits } from '../../../shared/analysis/visits';
import { projectLearning } from '../../../shared/analysis/learning';
import { analyzeFlow } from '../../../shared/analysis/analyze';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { invoiceProcessingExample } from '../../../shared/examples/invoiceProcessing';
import { largeWorkspace } from '../../../shared/examples/largeWorkflow';
import { withRejectionRates } from '../../../shared/whatIf/whatIf';
import type { Workflow } from '../../../shared/model/schema';
import * as h from './helpers';

function solved(wf: Workflow): SolvedVisits {
  const v = computeVisits(wf);
  if (!v.ok) throw new Error(v.error.message);
  return v;
}

const reviewsOf = (wf: Workflow) => wf.steps.filter((s) => s.type === 'review' && s.rejectionRate > 0);

/** A split whose second branch ends in a review (its accept path goes into the join, divided by the branch count), and a review after the join that reworks the whole block. */
const parallelRework = h.workflow(
  [
    h.start(),
    h.task('p', 'A', [5, 5, 5]),
    h.parallel('S'),
    h.task('x', 'A', [3, 3, 3]),
    h.task('y', 'A', [4, 4, 4]),
    h.review('r', 0.5, 'y', 'A', [1, 1, 1]),
    h.parallel('J'),
    h.review('q', 0.3, 'p', 'A', [1, 1, 1]),
    h.end(),
  ],
  h.edges('start>p', 'p>S', 'S>x', 'S>y', 'x>J', 'y>r', 'r>J', 'J>q', 'q>end'),
);

const cases: [string, Workflow][] = [
  ['customer-support to-be', customerSupportExample().workflows.find((w) => w.kind === 'to-be')!],
  ['invoice as-is', invoiceProcessingExample().workflows[0]!],
  ['2,000 steps', largeWorkspace(2_000).workflows[0]!],
  ['parallel block with a review accepting into the join', parallelRework],
];

describe('resolveWithRates', () => {
  it.each(cases)('%s: equals a fresh compile for random rates', (_, wf) => {
    const reviews = reviewsOf(wf);
    expect(reviews.length).toBeGreaterThan(0);
    const base = solved(wf);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 0.95, noNaN: true }), {
          minLength: reviews.length,
          maxLength: reviews.length,
        }),
        (rates) => {
          const byId: Record<string, number> = {};
          reviews.forEach((r, k) => (byId[r.id] = rates[k]!));
          const next = withRejectionRates(wf, byId);
          const byState = new Map(reviews.map((r, k) => [base.chain.index.get(r.id)!, rates[k]!]));
          const patched = resolveWithRates(base, next.steps, byState);
          const fresh = solved(next);
          expect(patched?.ok).toBe(true);
          if (!patched?.ok) return;
          for (let i = 0; i < fresh.visits.length; i++)
            expect(Math.abs(patched.visits[i]! - fresh.visits[i]!)).toBeLessThanOrEqual(
              1e-12 * Math.max(1, fresh.visits[i]!),
            );
        },
      ),
      { numRuns: wf.steps.length > 500 ? 5 : 40 },
    );
  });

  it('keeps the visits when no rate moves, with the new steps', () => {
    const wf = cases[0]![1];
    const base = solved(wf);
    const again = resolveWithRates(base, wf.steps.slice(), new Map());
    expect(again?.ok && again.visits).toBe(base.visits);
  });

  it('declines when a rate moves to or from 0 or 1 (the graph would change)', () => {
    const wf = parallelRework;
    const base = solved(wf);
    const r = base.chain.index.get('r')!;
    expect(resolveWithRates(base, wf.steps, new Map([[r, 0]]))).toBeNull();
    expect(resolveWithRates(base, wf.steps, new Map([[r, 1]]))).toBeNull();
    const zero = withRejectionRates(wf, { r: 0 });
    expect(resolveWithRates(solved(zero), wf.steps, new Map([[r, 0.5]]))).toBeNull();
    // A state that is not a review is never patched.
    expect(resolveWithRates(base, wf.steps, new Map([[base.chain.index.get('x')!, 0.2]]))).toBeNull();
  });
});

describe('the learning projection on re-solved visits', () => {
  it('gives every week the figures of a fresh analysis of that week', () => {
    const { workflows, roles } = largeWorkspace(1_000);
    const wf = workflows[0]!;
    // Every review learns from its rejections: the rates move every week.
    const learning: Workflow = {
      ...wf,
      steps: wf.steps.map((s) =>
        s.type === 'review' ? { ...s, feedbackLoop: { weeklyReduction: 0.2, floorRate: 0.02 } } : s,
      ),
    };
    const projection = projectLearning(learning, roles, { weeks: 6 });
    expect(projection.ok).toBe(true);
    if (!projection.ok) return;
    for (const point of projection.weeks.slice(1)) {
      const fresh = analyzeFlow(withRejectionRates(learning, point.rejectionRate), roles, {
        explain: 'none',
      });
      expect(fresh.ok).toBe(true);
      if (!fresh.ok) continue;
      expect(point.cycleTimeMinutes).toBeCloseTo(fresh.cycleTimeMinutes.total!, 9);
      expect(point.costPerCase).toBeCloseTo(fresh.costPerCase.total, 9);
      for (const r of fresh.roles) expect(point.utilization[r.id]).toBeCloseTo(r.utilization!, 12);
    }
    expect(Object.keys(projection.weeks[3]!.rejectionRate).length).toBe(reviewsOf(learning).length);
  });
});
