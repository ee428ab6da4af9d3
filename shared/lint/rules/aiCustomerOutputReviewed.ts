/**
 * AI output that reaches a customer passes a human review on every path to an end (AI Act Art. 14: human
 * oversight of what the system produces). A path is judged on the flow's successors: a decision's branches,
 * a split's branches, the accepted share of a review.
 */
import { insertReviewBeforeEnd } from '../insertReview';
import { leavesUnreviewed, reviewCoverage } from '../reviewCoverage';
import type { LintRule, RuleFinding } from '../types';

export const aiCustomerOutputReviewed: LintRule = {
  id: 'ai-customer-output-reviewed',
  defaultSeverity: 'error',
  explanation:
    'Output an AI produces for a customer must be checked by a person before it reaches them, on every path to the end (human oversight, AI Act Art. 14). Put a review step after the AI step, or on each path that lacks one; the quick fix inserts one right after the AI step.',
  check(workflow, { roles }) {
    const findings: RuleFinding[] = [];
    let coverage: ReturnType<typeof reviewCoverage> | null = null;
    for (const s of workflow.steps) {
      if (s.type !== 'task' || s.mode === 'human' || s.audience !== 'customer') continue;
      coverage ??= reviewCoverage(workflow);
      if (!leavesUnreviewed(coverage, s.id)) continue;
      const step = s;
      findings.push({
        stepId: step.id,
        message: `'${step.name}' is ${step.mode} and its output reaches a customer without a human review on at least one path.`,
        fix: {
          title: `Insert a review after '${step.name}'`,
          apply: (wf) => insertReviewBeforeEnd(wf, step.id, roles),
        },
      });
    }
    return findings;
  },
};
