/**
 * The quick fix of "a review before the end on every path" (ai-customer-output-reviewed, and custom rules
 * that require a review before the end): a human review right after the step, on the connections that
 * lead on to an end without one (connections already reviewed further on stay where they are). The review accepts everything (rejection rate 0, so it needs no rework target until someone
 * sets one), takes a few minutes, and is done by the step's role or else the first role a person works in.
 */
import { insertReviewAfter } from '../model/operations';
import type { Role, Workflow } from '../model/schema';
import { reviewCoverage } from './reviewCoverage';

export const FIX_REVIEW_DURATION = { min: 1, likely: 2, max: 4 } as const;

/** The step's own role, else the role of the first task a person does, else the first role there is. */
export function reviewerRoleFor(workflow: Workflow, stepId: string, roles: readonly Role[]): string | null {
  const known = new Set(roles.map((r) => r.id));
  const step = workflow.steps.find((s) => s.id === stepId);
  if ((step?.type === 'task' || step?.type === 'review') && step.roleId !== null && known.has(step.roleId))
    return step.roleId;
  for (const s of workflow.steps) {
    if (s.type === 'task' && s.mode !== 'ai-automated' && s.roleId !== null && known.has(s.roleId))
      return s.roleId;
  }
  return roles[0]?.id ?? null;
}

export function insertReviewBeforeEnd(workflow: Workflow, stepId: string, roles: readonly Role[]): Workflow {
  const step = workflow.steps.find((s) => s.id === stepId);
  if (step?.type !== 'task') return workflow;
  const coverage = reviewCoverage(workflow);
  const reviewed = new Set(
    workflow.edges
      .filter((e) => e.source === stepId)
      .filter((e) => {
        const j = coverage.index.get(e.target);
        return j !== undefined && !coverage.unreviewed[j];
      })
      .map((e) => e.id),
  );
  const inserted = insertReviewAfter(workflow, stepId);
  if (!inserted) return workflow;
  const { reviewId } = inserted;
  const roleId = reviewerRoleFor(workflow, stepId, roles);
  return {
    ...inserted.workflow,
    steps: inserted.workflow.steps.map((s) =>
      s.id === reviewId && s.type === 'review'
        ? {
            ...s,
            roleId,
            duration: { ...FIX_REVIEW_DURATION },
            rejectionRate: 0,
            reworkTargetId: null,
            audience: step.audience,
            data: step.data,
          }
        : s,
    ),
    // Connections already reviewed further on keep leaving from the AI step.
    edges: inserted.workflow.edges.map((e) =>
      reviewed.has(e.id) && e.source === reviewId ? { ...e, source: stepId } : e,
    ),
  };
}
