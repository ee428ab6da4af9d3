/**
 * The whole CHRO lens in one call: demand per role × skill (as-is and to-be), the gap and its reskilling
 * hours, the learning sources and, per gap, when the plan closes it. This is what "Skills & learning" shows.
 */
import { formatNumber as f, formatPercent } from '../analysis/numbers';
import { computeSkillDemand } from './demand';
import { computeSkillGaps } from './gap';
import { hoursPerLevelTable } from './hoursPerLevel';
import { computeLearningSources } from './learningSources';
import { levelKey } from './types';
import type { GapRow, LearningSource, LensRow, SkillsInput, SkillsLensResult } from './types';
import { planStatusFor } from './weeksToClose';

export function computeSkillsLens(input: SkillsInput): SkillsLensResult {
  const demand = computeSkillDemand(input);
  if (!demand.ok) return demand;
  const gaps = computeSkillGaps(input, demand);
  const learning = computeLearningSources(input, demand, gaps);
  const gapByKey = new Map<string, GapRow>(gaps.rows.map((g) => [levelKey(g.roleId, g.skill.id), g]));
  const sourcesByKey = new Map<string, LearningSource[]>();
  for (const s of learning.sources) {
    const key = levelKey(s.roleId, s.skillId);
    const list = sourcesByKey.get(key);
    if (list) list.push(s);
    else sourcesByKey.set(key, [s]);
  }
  const rows: LensRow[] = demand.rows.map((d) => {
    const key = d.roleId === null ? `|${d.skill.id}` : levelKey(d.roleId, d.skill.id);
    const gap = d.roleId === null ? null : (gapByKey.get(key) ?? null);
    const sources = sourcesByKey.get(key) ?? [];
    return {
      key,
      roleId: d.roleId,
      roleName: d.roleName,
      skill: d.skill,
      demand: d,
      gap,
      sources,
      plan: gap === null ? null : planStatusFor(gap, sources, input.explain !== 'none'),
    };
  });
  const warnings = [...demand.warnings, ...gaps.warnings, ...learning.warnings];
  const shown = new Set(rows.map((r) => r.key));
  for (const key of sourcesByKey.keys()) {
    if (!shown.has(key)) {
      const [roleId = '', skillId = ''] = key.split('|');
      warnings.push(
        `The plan works on '${skillId}' for role '${roleId}', which the workflow does not ask of that role.`,
      );
    }
  }
  const a = input.toBe.learningAssumptions;
  return {
    ok: true,
    rows,
    learningLoad: learning.load,
    loadParts: learning.loadParts,
    totalReskillingHours: gaps.totalReskillingHours,
    assumptions: {
      feedbackMinutesPerRejection: a.feedbackMinutesPerRejection,
      penaltyPerMissingLevel: a.penaltyPerMissingLevel,
      hoursPerLevelByCategory: hoursPerLevelTable(a.hoursPerLevelByCategory),
      why:
        `Assumptions (editable per workflow): each rejection gives ${f(a.feedbackMinutesPerRejection)} min of feedback to the ` +
        `role whose work was reviewed; a step takes ${formatPercent(a.penaltyPerMissingLevel)} longer per level its role is ` +
        'below the required level (and its review rejects that much more); hours per level come from the skill, ' +
        "else this workflow's table by category, else the built-in table.",
    },
    warnings,
  };
}
