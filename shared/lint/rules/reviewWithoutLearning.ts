/**
 * A review that sends work back but teaches nothing keeps rejecting the same mistakes. The model's learning
 * is a review's feedback loop (its rejection rate falls as findings improve prompts and policies) or a
 * learning-plan item of method 'feedback-loop' linked to the review.
 */
import type { ReviewStep, Workflow } from '../../model/schema';
import type { LintRule, RuleFinding } from '../types';

/** The quick fix's loop: closes a tenth of the gap each week, down to 5% (or the current rate, if lower). */
export const DEFAULT_FIX_WEEKLY_REDUCTION = 0.1;
export const DEFAULT_FIX_FLOOR_RATE = 0.05;

export function addFeedbackLoop(workflow: Workflow, stepId: string): Workflow {
  return {
    ...workflow,
    steps: workflow.steps.map((s) =>
      s.id === stepId && s.type === 'review' && s.feedbackLoop === null
        ? {
            ...s,
            feedbackLoop: {
              weeklyReduction: DEFAULT_FIX_WEEKLY_REDUCTION,
              floorRate: Math.min(DEFAULT_FIX_FLOOR_RATE, s.rejectionRate),
            },
          }
        : s,
    ),
  };
}

export const reviewWithoutLearning: LintRule = {
  id: 'review-without-learning',
  defaultSeverity: 'warning',
  explanation:
    'Rejections are the cheapest lesson a redesign gets. A review that rejects work should feed its findings back (a feedback loop on the review, or a feedback-loop item in the learning plan), so the work and the AI improve and rejections fall.',
  check(workflow) {
    const linked = new Set(
      workflow.learningPlan.filter((p) => p.method === 'feedback-loop').map((p) => p.linkedStepId),
    );
    const findings: RuleFinding[] = [];
    for (const s of workflow.steps) {
      if (s.type !== 'review') continue;
      const review: ReviewStep = s;
      if (review.rejectionRate <= 0 || review.feedbackLoop !== null || linked.has(review.id)) continue;
      findings.push({
        stepId: review.id,
        message: `'${review.name}' rejects ${Math.round(review.rejectionRate * 100)}% of the work but has no feedback loop: what it finds is never learned from.`,
        fix: {
          title: `Add a feedback loop to '${review.name}'`,
          apply: (wf) => addFeedbackLoop(wf, review.id),
        },
      });
    }
    return findings;
  },
};
