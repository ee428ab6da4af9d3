/**
 * Every refusal of the flow graph, with its code, message and steps, is the same for the flow compiler, the
 * analytic engine and the simulation: one table, run against all three.
 */
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../../../shared/flow/graph';
import { FLOW_REFUSAL_CODES } from '../../../shared/flow/refusals';
import type { FlowRefusalCode } from '../../../shared/flow/refusals';
import { analyzeWorkflow } from '../../../shared/analysis/analyze';
import { buildChain } from '../../../shared/analysis/chain';
import { simulateWorkflow } from '../../../shared/simulation/index';
import { compileRouting } from '../../../shared/simulation/routing';
import type { Workflow } from '../../../shared/model/schema';
import * as h from '../analysis/helpers';

interface Row {
  name: string;
  workflow: Workflow;
  code: FlowRefusalCode;
  message: string;
  stepIds: string[];
  /**
   * Whether analyzeWorkflow gets as far as the flow graph: a rejection rate outside 0–1 is already refused
   * by its range check of every input (code 'out-of-range').
   */
  viaEntry: boolean;
}

const wf = (steps: Parameters<typeof h.workflow>[0], ...specs: string[]) =>
  h.workflow(steps, h.edges(...specs));
const row = (
  name: string,
  workflow: Workflow,
  code: FlowRefusalCode,
  message: string,
  stepIds: string[] = [],
  viaEntry = true,
): Row => ({ name, workflow, code, message, stepIds, viaEntry });

const TABLE: Row[] = [
  row(
    'a step id used twice',
    wf([h.start(), h.task('a'), h.task('a'), h.end()], 'start>a', 'a>end'),
    'duplicate-step-id',
    "Step id 'a' is used more than once.",
    ['a'],
  ),
  row('no start', wf([h.task('a'), h.end()], 'a>end'), 'no-start', 'The workflow has no start step.'),
  row(
    'two starts',
    wf([h.start('s1'), h.start('s2'), h.end()], 's1>end', 's2>end'),
    'several-starts',
    'The workflow has 2 start steps; it needs exactly one.',
    ['s1', 's2'],
  ),
  row(
    'no end',
    wf([h.start(), h.task('a')], 'start>a'),
    'no-end',
    'The workflow has no end step, so no case ever finishes.',
  ),
  row(
    'a connection to nowhere',
    wf([h.start(), h.end()], 'start>end', 'start>ghost'),
    'dangling-edge',
    "A connection points to a step that does not exist ('ghost').",
  ),
  row(
    'a step with no next step',
    wf([h.start(), h.task('a'), h.end()], 'start>a'),
    'dead-end',
    "Step 'a' has no next step, so cases stop there.",
    ['a'],
  ),
  row(
    'a task with two next steps',
    wf([h.start(), h.task('a'), h.task('b'), h.end()], 'start>a', 'a>b', 'a>end', 'b>end'),
    'branch-without-decision',
    "Step 'a' has 2 next steps; only a decision (one of them) or a parallel split (all of them) can branch.",
    ['a'],
  ),
  row(
    'a branch without probability',
    wf([h.start(), h.decision('d'), h.task('a'), h.end()], 'start>d', 'd>a:0.5', 'd>end', 'a>end'),
    'decision-probabilities',
    "Decision 'd': every branch needs a probability.",
    ['d'],
  ),
  row(
    'branches that do not add up',
    wf([h.start(), h.decision('d'), h.task('a'), h.end()], 'start>d', 'd>a:0.5', 'd>end:0.3', 'a>end'),
    'decision-probabilities',
    "Decision 'd': branch probabilities add up to 80%, not 100%.",
    ['d'],
  ),
  row(
    'a rejection rate above 1',
    wf([h.start(), h.task('a'), h.review('r', 1.5, 'a'), h.end()], 'start>a', 'a>r', 'r>end'),
    'invalid-rejection-rate',
    "Review 'r': the rejection rate must be between 0 and 1 (got 1.5).",
    ['r'],
    false,
  ),
  row(
    'a review that rejects with no rework target',
    wf([h.start(), h.task('a'), h.review('r', 0.25, null), h.end()], 'start>a', 'a>r', 'r>end'),
    'rework-target-missing',
    "Review 'r' rejects 25% of work but has no rework target in this workflow.",
    ['r'],
  ),
  row(
    'a review that rejects everything',
    wf([h.start(), h.task('a'), h.review('r', 1, 'a'), h.end()], 'start>a', 'a>r', 'r>end'),
    'not-absorbing',
    "The workflow never finishes from 'start', 'a', 'r': review 'r' rejects 100% of work, so cases loop for ever.",
    ['start', 'a', 'r'],
  ),
  row(
    'a loop with no way out',
    wf([h.start(), h.task('a'), h.task('b'), h.end()], 'start>a', 'a>b', 'b>a'),
    'not-absorbing',
    "The workflow never finishes from 'start', 'a', 'b': cases that reach them can never get to an end step.",
    ['start', 'a', 'b'],
  ),
  row(
    'parallel branches that never meet again',
    wf(
      [h.start(), h.parallel('S'), h.task('x'), h.task('y'), h.parallel('J'), h.end()],
      'start>S',
      'S>x',
      'S>y',
      'x>J',
      'y>end',
      'J>end',
    ),
    'parallel-unbalanced',
    "The branches of parallel split 'S' never meet again: the one that starts at 'x' reaches the end step 'end' without passing a parallel join. Every branch must end at the join of its split.",
    ['S', 'end'],
  ),
];

describe('one set of refusals for both engines', () => {
  it('the table names every refusal code', () => {
    expect([...new Set(TABLE.map((r) => r.code))].sort()).toEqual([...FLOW_REFUSAL_CODES].sort());
  });

  describe.each(TABLE)('$name', ({ workflow, code, message, stepIds, viaEntry }) => {
    const expected = { code, message, stepIds };
    it('the flow compiler', () => {
      expect(compileFlow(workflow)).toEqual({ ok: false, error: expected });
    });
    it("the analytic engine's chain and analyzeWorkflow", () => {
      expect(buildChain(workflow)).toEqual({ ok: false, error: expected });
      const analysed = analyzeWorkflow(workflow, []);
      if (viaEntry) expect(analysed).toMatchObject({ ok: false, error: expected });
      else expect(analysed).toMatchObject({ ok: false, error: { code: 'out-of-range' } });
    });
    it("the simulation's routing and simulateWorkflow", () => {
      expect(compileRouting(workflow)).toEqual({ ok: false, error: expected });
      expect(simulateWorkflow(workflow, [], { weeks: 1, replications: 2, seed: 1 })).toEqual({
        ok: false,
        cancelled: false,
        error: expected,
      });
    });
  });
});
