/** A reviewer with too little time rubber-stamps: flag reviews whose role is above 85% utilization. */
import type { LintRule } from '../types';

export const REVIEW_OVERLOAD_THRESHOLD = 0.85;

const percent = (x: number) => `${Math.round(x * 100)}%`;

export const reviewOverload: LintRule = {
  id: 'review-overload',
  defaultSeverity: 'warning',
  explanation:
    'A review is only as good as the time the reviewer has for it. Above 85% utilization queues grow fast and reviews risk becoming a rubber stamp; add reviewers or review fewer cases.',
  check(workflow, { analysis }) {
    if (!analysis) return [];
    const utilization = new Map(analysis.roles.map((r) => [r.id, r]));
    const findings = [];
    for (const s of workflow.steps) {
      if (s.type !== 'review' || s.roleId === null) continue;
      const role = utilization.get(s.roleId);
      if (!role) continue;
      // No capacity at all (utilization null) is overload too: the work cannot be done.
      if (role.utilization !== null && role.utilization <= REVIEW_OVERLOAD_THRESHOLD) continue;
      const load = role.utilization === null ? 'no capacity' : `${percent(role.utilization)} utilization`;
      findings.push({
        stepId: s.id,
        message: `'${s.name}' is reviewed by '${role.name}' at ${load} (above ${percent(REVIEW_OVERLOAD_THRESHOLD)}): an overloaded reviewer risks rubber-stamping.`,
      });
    }
    return findings;
  },
};
