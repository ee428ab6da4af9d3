/**
 * A review needs a reviewer who knows more than the work reviewed: the reviewing role's current (team)
 * level in each skill the review requires must reach the required level. Levels come from the role's
 * recorded current levels (the Skills & learning view); a skill without a recorded level is "no data",
 * never assumed to be 0.
 */
import type { LintRule, RuleFinding } from '../types';

export const reviewerCompetence: LintRule = {
  id: 'reviewer-competence',
  defaultSeverity: 'warning',
  explanation:
    "A reviewer below the level the review requires cannot catch what it is meant to catch. Compare the reviewing role's current levels (Skills & learning) with the skills the review requires; raise them with a learning plan or choose another reviewer.",
  check(workflow, { roles, skills }) {
    const byId = new Map(roles.map((r) => [r.id, r]));
    const nameOf = (id: string) => skills?.get(id)?.name ?? id;
    const findings: RuleFinding[] = [];
    for (const s of workflow.steps) {
      if (s.type !== 'review' || s.roleId === null || s.skills.length === 0) continue;
      const role = byId.get(s.roleId);
      if (!role) continue;
      const held = new Map(role.skillLevels.map((l) => [l.skillId, l.level]));
      const below: string[] = [];
      const unknown: string[] = [];
      for (const r of s.skills) {
        const level = held.get(r.skillId);
        if (level === undefined) unknown.push(nameOf(r.skillId));
        else if (level < r.level) below.push(`${nameOf(r.skillId)} ${level} of ${r.level}`);
      }
      if (below.length > 0) {
        findings.push({
          stepId: s.id,
          message: `'${role.name}' is below the level '${s.name}' requires: ${below.join(', ')}.`,
        });
      }
      if (unknown.length > 0) {
        findings.push({
          stepId: s.id,
          noData: true,
          message: `No data: '${role.name}' has no recorded level in ${unknown.join(', ')}, which '${s.name}' requires.`,
        });
      }
    }
    return findings;
  },
};
