/**
 * The skill gap per role × skill of the to-be: max(0, required − current). When a role lists people, the
 * gap is counted per person (a person without their own level in the skill counts at the team level);
 * otherwise the team level stands for everyone, and the gap counts once per head (headcount may be
 * fractional, e.g. 0.5 for a half-time role). Reskilling hours = level-steps to learn × hours per level.
 *
 * A role with no level recorded for a skill is taken to be at 0 (none), and the row says so.
 */
import { formatNumber as f } from '../analysis/numbers';
import type { Role } from '../model/schema';
import { hoursPerLevelFor } from './hoursPerLevel';
import { withLazyWhy } from './lazyWhy';
import type { GapRow, HoursPerLevel, PersonGap, SkillDemand, SkillGaps, SkillsInput } from './types';

export function computeSkillGaps(input: SkillsInput, demand: SkillDemand): SkillGaps {
  const { roles, skills, toBe } = input;
  const explain = input.explain !== 'none';
  const byCategory = toBe.learningAssumptions.hoursPerLevelByCategory;
  const roleById = new Map<string, Role>(roles.map((r) => [r.id, r]));
  const warnings: string[] = [];
  const rows: GapRow[] = [];
  const warnedPeople = new Set<string>();
  let totalReskillingHours = 0;
  const hplCache = new Map<string, HoursPerLevel>();
  for (const d of demand.rows) {
    if (d.roleId === null || d.toBe.requiredLevel === 0) continue;
    const role = roleById.get(d.roleId);
    if (!role) continue;
    const required = d.toBe.requiredLevel;
    const held = role.skillLevels.find((l) => l.skillId === d.skill.id);
    const current = held ? clampLevel(held.level) : 0;
    const gapLevels = Math.max(0, required - current);
    let hpl = hplCache.get(d.skill.id);
    if (!hpl)
      hplCache.set(
        d.skill.id,
        (hpl = hoursPerLevelFor(
          { ...d.skill, hoursPerLevel: skills.get(d.skill.id)?.hoursPerLevel ?? null },
          byCategory,
        )),
      );
    const headcount = Number.isFinite(role.headcount) && role.headcount > 0 ? role.headcount : 0;
    const basis = role.people.length > 0 ? 'people' : 'team';
    const people: PersonGap[] = [];
    let totalGapLevels: number;
    if (basis === 'people') {
      if (!warnedPeople.has(role.id) && role.people.length !== headcount) {
        warnedPeople.add(role.id);
        warnings.push(
          `'${role.name}' lists ${role.people.length} people but has a headcount of ${f(headcount)}: its gaps count the people listed.`,
        );
      }
      totalGapLevels = 0;
      for (const p of role.people) {
        const own = p.levels.find((l) => l.skillId === d.skill.id);
        const level = own ? clampLevel(own.level) : current;
        const gap = Math.max(0, required - level);
        totalGapLevels += gap;
        people.push({
          personId: p.id,
          displayName: p.displayName,
          current: level,
          ownLevel: own !== undefined,
          gapLevels: gap,
          reskillingHours: gap * hpl.hours,
        });
      }
    } else {
      totalGapLevels = gapLevels * headcount;
    }
    const total = totalGapLevels;
    const totalWhy = () =>
      basis === 'people'
        ? `Σ per person max(0, ${required} − their level) = ` +
          `${people.map((p) => `${p.gapLevels}${p.ownLevel ? '' : ' (team level)'}`).join(' + ')} = ${f(total)} level-steps.`
        : `Team gap × headcount = ${gapLevels} × ${f(headcount)} = ${f(total)} level-steps.`;
    const reskillingHours = totalGapLevels * hpl.hours;
    totalReskillingHours += reskillingHours;
    const row = {
      roleId: role.id,
      roleName: role.name,
      skill: d.skill,
      required,
      current,
      levelRecorded: held !== undefined,
      source: held?.source ?? null,
      asOf: held?.asOf ?? null,
      headcount,
      basis,
      gapLevels,
      totalGapLevels,
      hoursPerLevel: hpl,
      reskillingHours,
      people,
    } as const;
    const hours = hpl;
    rows.push(
      !explain
        ? { ...row, why: NO_WHY }
        : withLazyWhy(row, () => ({
            current: held
              ? `Team level ${current} (${held.source}${held.asOf ? `, as of ${held.asOf}` : ''}).`
              : `No level recorded for '${role.name}' in this skill: taken as 0 (none). Record one under the role.`,
            gapLevels: `max(0, required − current) = max(0, ${required} − ${current}) = ${gapLevels}.`,
            totalGapLevels: totalWhy(),
            reskillingHours:
              `Level-steps × hours per level = ${f(total)} × ${f(hours.hours)} = ${f(reskillingHours)} h. ` +
              hours.why,
          })),
    );
  }
  return { ok: true, rows, totalReskillingHours, warnings };
}

const NO_WHY: GapRow['why'] = Object.freeze({
  current: '',
  gapLevels: '',
  totalGapLevels: '',
  reskillingHours: '',
});

/** Levels are whole numbers 0–5 by the schema; clamp defensively so a bad value never yields a bad figure. */
function clampLevel(level: number): number {
  return Number.isFinite(level) ? Math.min(5, Math.max(0, level)) : 0;
}
