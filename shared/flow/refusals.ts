/**
 * Why a workflow cannot be analysed or simulated: one code and one message per rule of the flow graph
 * (graph.ts), shared by both engines, in the user's words and naming the steps concerned.
 */
import type { Step } from '../model/schema';

export type FlowRefusalCode =
  | 'duplicate-step-id'
  | 'no-start'
  | 'several-starts'
  | 'no-end'
  | 'dangling-edge'
  | 'dead-end'
  | 'branch-without-decision'
  | 'decision-probabilities'
  | 'rework-target-missing'
  | 'invalid-rejection-rate'
  | 'not-absorbing'
  | 'parallel-unbalanced';

export const FLOW_REFUSAL_CODES: readonly FlowRefusalCode[] = [
  'duplicate-step-id',
  'no-start',
  'several-starts',
  'no-end',
  'dangling-edge',
  'dead-end',
  'branch-without-decision',
  'decision-probabilities',
  'rework-target-missing',
  'invalid-rejection-rate',
  'not-absorbing',
  'parallel-unbalanced',
];

export interface FlowRefusal {
  code: FlowRefusalCode;
  message: string;
  /** The steps the problem is about (may be empty). */
  stepIds: string[];
}

export const refusal = (code: FlowRefusalCode, message: string, stepIds: string[] = []): FlowRefusal => ({
  code,
  message,
  stepIds,
});

const quote = (s: Pick<Step, 'name'>) => `'${s.name}'`;
const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

export const refusals = {
  duplicateStepId: (id: string) =>
    refusal('duplicate-step-id', `Step id '${id}' is used more than once.`, [id]),
  noStart: () => refusal('no-start', 'The workflow has no start step.'),
  severalStarts: (ids: string[]) =>
    refusal('several-starts', `The workflow has ${ids.length} start steps; it needs exactly one.`, ids),
  noEnd: () => refusal('no-end', 'The workflow has no end step, so no case ever finishes.'),
  danglingEdge: (missing: string) =>
    refusal('dangling-edge', `A connection points to a step that does not exist ('${missing}').`),
  deadEnd: (step: Step) =>
    refusal('dead-end', `Step ${quote(step)} has no next step, so cases stop there.`, [step.id]),
  branchWithoutProbability: (step: Step) =>
    refusal('decision-probabilities', `Decision ${quote(step)}: every branch needs a probability.`, [
      step.id,
    ]),
  branchesDoNotAddUp: (step: Step, sum: number) =>
    refusal(
      'decision-probabilities',
      `Decision ${quote(step)}: branch probabilities add up to ${percent(sum)}, not 100%.`,
      [step.id],
    ),
  branchWithoutDecision: (step: Step, count: number) =>
    refusal(
      'branch-without-decision',
      `Step ${quote(step)} has ${count} next steps; only a decision (one of them) or a parallel split (all of them) can branch.`,
      [step.id],
    ),
  invalidRejectionRate: (step: Step, r: number) =>
    refusal(
      'invalid-rejection-rate',
      `Review ${quote(step)}: the rejection rate must be between 0 and 1 (got ${String(r)}).`,
      [step.id],
    ),
  reworkTargetMissing: (step: Step, r: number) =>
    refusal(
      'rework-target-missing',
      `Review ${quote(step)} rejects ${percent(r)} of work but has no rework target in this workflow.`,
      [step.id],
    ),
  /** Steps from which no end can be reached; a review among them that rejects everything is named as the cause. */
  notAbsorbing: (stuck: readonly Step[]) => {
    const names = stuck.slice(0, 5).map(quote);
    const rejectAll = stuck.find((s) => s.type === 'review' && s.rejectionRate === 1);
    const why = rejectAll
      ? `review ${quote(rejectAll)} rejects 100% of work, so cases loop for ever`
      : 'cases that reach them can never get to an end step';
    return refusal(
      'not-absorbing',
      `The workflow never finishes from ${names.join(', ')}${stuck.length > 5 ? ` and ${stuck.length - 5} more` : ''}: ${why}.`,
      stuck.map((s) => s.id),
    );
  },
};
