/** applyWhatIf against hand values: what it overrides, what it leaves alone, what it warns about and refuses. */
import { describe, expect, it } from 'vitest';
import { applyWhatIf, caseVolume, WhatIfSchema, withRejectionRates } from '../../../shared/whatIf/whatIf';
import * as h from '../analysis/helpers';

const roles = [h.role('agent', 4, 38, 30), h.role('senior', 2, 40, 50)];
const workflow = h.workflow(
  [h.start(), h.task('draft', 'agent'), h.review('check', 0.2, 'draft', 'senior'), h.end()],
  h.edges('start>draft', 'draft>check', 'check>end'),
  120,
);

describe('applyWhatIf', () => {
  it('with no what-if returns the very same workflow and roles', () => {
    const applied = applyWhatIf(workflow, roles, {});
    expect(applied).toEqual({ ok: true, workflow, roles, warnings: [] });
    if (applied.ok) {
      expect(applied.workflow).toBe(workflow);
      expect(applied.roles).toBe(roles);
    }
  });

  it('overrides the volume, one headcount and one rejection rate, on copies', () => {
    const applied = applyWhatIf(workflow, roles, {
      volumePerWeek: 150,
      headcount: { senior: 3.5 },
      rejectionRate: { check: 0.35 },
    });
    if (!applied.ok) throw new Error(applied.message);
    expect(applied.workflow.volumePerWeek).toBe(150);
    expect(applied.workflow.steps[2]).toMatchObject({ id: 'check', rejectionRate: 0.35 });
    expect(applied.workflow.steps[1]).toBe(workflow.steps[1]);
    expect(applied.roles.map((r) => [r.id, r.headcount])).toEqual([
      ['agent', 4],
      ['senior', 3.5],
    ]);
    expect(applied.roles[0]).toBe(roles[0]);
    expect(applied.warnings).toEqual([]);
    // The inputs are unchanged.
    expect(workflow.volumePerWeek).toBe(120);
    expect(workflow.steps[2]).toMatchObject({ rejectionRate: 0.2 });
    expect(roles[1]!.headcount).toBe(2);
  });

  it('ignores, with a warning, a headcount for an unknown role and a rate for a step that is not a review', () => {
    const applied = applyWhatIf(workflow, roles, {
      headcount: { ghost: 2 },
      rejectionRate: { draft: 0.5, nowhere: 0.1 },
    });
    expect(applied).toEqual({
      ok: true,
      workflow,
      roles: roles,
      warnings: [
        "What-if headcount for unknown role 'ghost' ignored.",
        "What-if rejection rate for 'draft', which is not a review of this workflow, ignored.",
        "What-if rejection rate for 'nowhere', which is not a review of this workflow, ignored.",
      ],
    });
  });

  it.each([
    [{ volumePerWeek: -1 }, 'The what-if case volume must not be negative (got -1).'],
    [{ volumePerWeek: 2e9 }, 'The what-if case volume must be at most 1e9 (got 2e9).'],
    [
      { headcount: { agent: Number.NaN } },
      "The what-if headcount of role 'agent' must be a finite number (got NaN).",
    ],
    [
      { rejectionRate: { check: 1.2 } },
      "The what-if rejection rate of step 'check' must be between 0 and 1 (got 1.2).",
    ],
  ])('refuses %j', (whatIf, message) => {
    expect(applyWhatIf(workflow, roles, whatIf)).toEqual({ ok: false, message });
  });

  it('caseVolume: the what-if volume, else the workflow’s own', () => {
    expect(caseVolume(workflow, {})).toBe(120);
    expect(caseVolume(workflow, { volumePerWeek: 0 })).toBe(0);
  });

  it('withRejectionRates keeps the workflow when a rate is the review’s own', () => {
    expect(withRejectionRates(workflow, { check: 0.2 })).toBe(workflow);
  });

  it('the schema takes the shape a worker message carries', () => {
    expect(WhatIfSchema.safeParse({ volumePerWeek: 10, headcount: { a: 1 } }).success).toBe(true);
    expect(WhatIfSchema.safeParse({ headcount: { a: '1' } }).success).toBe(false);
  });
});
