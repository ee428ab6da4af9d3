/**
 * The incremental analysis (the editor worker's) against a full analysis after every edit of random edit
 * sequences: times, headcount, cost, rejection rates (through 0 and back), a what-if, and structural edits
 * (a review inserted, a step's mode). Every number of both results agrees to 1e-12 (relative), every text
 * is equal, and the visits are reused or re-solved where the graph did not change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeWorkflow } from '../../../shared/analysis/analyze';
import { createIncrementalAnalysis } from '../../../shared/analysis/incremental';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { largeWorkspace } from '../../../shared/examples/largeWorkflow';
import { insertReviewAfter, setTaskMode, updateStep } from '../../../shared/model/operations';
import type { Role, Workflow } from '../../../shared/model/schema';
import type { AnalysisOptions } from '../../../shared/analysis/analyze';

/** Fails with the path of the first difference beyond 1e-12 (relative) or of any other kind. */
function expectSame(a: unknown, b: unknown, path = '$'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) && Number.isNaN(b)) return;
    const ok = a === b || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
    if (!ok) expect.fail(`${path}: ${a} vs ${b}`);
    return;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    if (a !== b) expect.fail(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    return;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys)
    expectSame((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
}

type Edit =
  | { kind: 'time'; at: number; factor: number }
  | { kind: 'rate'; at: number; rate: number }
  | { kind: 'headcount'; at: number; headcount: number }
  | { kind: 'cost'; at: number; cost: number }
  | { kind: 'mode'; at: number; mode: 'human' | 'ai-assisted' | 'ai-automated' }
  | { kind: 'insert-review'; at: number }
  | { kind: 'what-if'; volume: number | null };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('time' as const),
    at: fc.nat(),
    factor: fc.double({ min: 0.2, max: 3, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('rate' as const),
    at: fc.nat(),
    rate: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 0.6, noNaN: true })),
  }),
  fc.record({
    kind: fc.constant('headcount' as const),
    at: fc.nat(),
    headcount: fc.integer({ min: 1, max: 60 }),
  }),
  fc.record({
    kind: fc.constant('cost' as const),
    at: fc.nat(),
    cost: fc.double({ min: 0, max: 200, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('mode' as const),
    at: fc.nat(),
    mode: fc.constantFrom('human' as const, 'ai-assisted' as const, 'ai-automated' as const),
  }),
  fc.record({ kind: fc.constant('insert-review' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('what-if' as const), volume: fc.option(fc.integer({ min: 10, max: 3000 })) }),
);

interface State {
  workflow: Workflow;
  roles: Role[];
  options: AnalysisOptions;
}

function apply(state: State, edit: Edit): State {
  const { workflow, roles } = state;
  const pick = <T>(list: readonly T[], at: number) => list[at % list.length];
  switch (edit.kind) {
    case 'time': {
      const step = pick(
        workflow.steps.filter((s) => s.type === 'task' || s.type === 'review'),
        edit.at,
      );
      if (!step || (step.type !== 'task' && step.type !== 'review')) return state;
      const d = step.duration;
      const f = edit.factor;
      return {
        ...state,
        workflow: updateStep(workflow, step.id, {
          duration: { min: d.min * f, likely: d.likely * f, max: d.max * f },
        }),
      };
    }
    case 'rate': {
      const review = pick(
        workflow.steps.filter((s) => s.type === 'review'),
        edit.at,
      );
      if (!review || review.type !== 'review' || (edit.rate > 0 && review.reworkTargetId === null))
        return state;
      return { ...state, workflow: updateStep(workflow, review.id, { rejectionRate: edit.rate }) };
    }
    case 'headcount':
    case 'cost': {
      const role = pick(roles, edit.at);
      if (!role) return state;
      const changed =
        edit.kind === 'headcount'
          ? { ...role, headcount: edit.headcount }
          : { ...role, costPerHour: edit.cost };
      return { ...state, roles: roles.map((r) => (r.id === role.id ? changed : r)) };
    }
    case 'mode': {
      const task = pick(
        workflow.steps.filter((s) => s.type === 'task'),
        edit.at,
      );
      return task ? { ...state, workflow: setTaskMode(workflow, task.id, edit.mode) } : state;
    }
    case 'insert-review': {
      const task = pick(
        workflow.steps.filter((s) => s.type === 'task'),
        edit.at,
      );
      if (!task) return state;
      const inserted = insertReviewAfter(workflow, task.id);
      return inserted ? { ...state, workflow: inserted.workflow } : state;
    }
    case 'what-if':
      return { ...state, options: edit.volume === null ? {} : { volumePerWeek: edit.volume } };
  }
}

const support = customerSupportExample();
const large = largeWorkspace(600);
const starts: [string, State][] = [
  [
    'customer-support to-be',
    { workflow: support.workflows.find((w) => w.kind === 'to-be')!, roles: support.roles, options: {} },
  ],
  ['customer-support as-is', { workflow: support.workflows[0]!, roles: support.roles, options: {} }],
  ['600 steps', { workflow: large.workflows[0]!, roles: large.roles, options: {} }],
];

describe('createIncrementalAnalysis', () => {
  it.each(starts)('%s: equals a full analysis after every edit of random sequences', (_, start) => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 12 }), (edits) => {
        const incremental = createIncrementalAnalysis();
        let state = start;
        expectSame(
          incremental.analyze(state.workflow, state.roles, state.options),
          analyzeWorkflow(state.workflow, state.roles, state.options),
        );
        for (const edit of edits) {
          state = apply(state, edit);
          const full = analyzeWorkflow(state.workflow, state.roles, state.options);
          expectSame(incremental.analyze(state.workflow, state.roles, state.options), full);
        }
      }),
      { numRuns: start.workflow.steps.length > 100 ? 8 : 60 },
    );
  });

  it('reuses the visits after a time or role edit, re-solves them after a rate edit, compiles after a structural one', () => {
    const { workflow, roles } = starts[0]![1];
    const incremental = createIncrementalAnalysis();
    incremental.analyze(workflow, roles);
    expect(incremental.lastVisits).toBe('compiled');
    const draft = workflow.steps.find((s) => s.type === 'task' && s.mode !== 'human')!;
    const review = workflow.steps.find((s) => s.type === 'review')!;
    const slower = updateStep(workflow, draft.id, { duration: { min: 2, likely: 4, max: 9 } });
    incremental.analyze(
      slower,
      roles.map((r) => ({ ...r, headcount: r.headcount + 1 })),
    );
    expect(incremental.lastVisits).toBe('reused');
    incremental.analyze(updateStep(slower, review.id, { rejectionRate: 0.3 }), roles);
    expect(incremental.lastVisits).toBe('re-solved');
    const inserted = insertReviewAfter(slower, draft.id)!.workflow;
    incremental.analyze(inserted, roles);
    expect(incremental.lastVisits).toBe('compiled');
  });
});
