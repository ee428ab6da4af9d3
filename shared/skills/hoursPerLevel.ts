/**
 * Learning hours per level: how many person-hours of learning raise one person one level (of 0–5) in a
 * skill. These are planning assumptions, not measurements, and are shown as such; every one is editable.
 *
 * Which value a skill uses, first match wins:
 * 1. the skill's own `hoursPerLevel` (0 allowed: "nothing to learn");
 * 2. the workflow's `learningAssumptions.hoursPerLevelByCategory` for the skill's category or the nearest
 *    ancestor category listed (the user's setting beats every built-in default);
 * 3. DEFAULT_HOURS_PER_LEVEL for the category or the nearest ancestor listed;
 * 4. FALLBACK_HOURS_PER_LEVEL (unknown skills and unknown categories).
 */
import { ALL_CATEGORIES, categoryById } from '../ontology';
import { formatNumber as f } from '../analysis/numbers';
import type { HoursPerLevel, SkillInfo } from './types';

/**
 * The built-in table, person-hours per level. Rationale: foundational O*NET skills (reading, writing,
 * judgment) grow slowly with practice; DigComp digital competences are mostly tool know-how learned in
 * short courses; the AI-era skills sit in between, with redesign and people skills the slowest of them.
 */
export const DEFAULT_HOURS_PER_LEVEL: Readonly<Record<string, number>> = {
  'onet.skills': 40,
  'onet.cross-functional': 30,
  'digcomp.framework': 12,
  'ai.skills': 16,
  'ai.working-with-ai': 12,
  'ai.judgment-and-risk': 16,
  'ai.redesigning-work': 24,
  'ai.people-and-service': 20,
  'custom.my-skills': 20,
};

/** For skills whose category is unknown or has no entry anywhere up its tree. */
export const FALLBACK_HOURS_PER_LEVEL = 20;

/** The category and its ancestors, nearest first. */
function categoryChain(categoryId: string | null): string[] {
  const chain: string[] = [];
  let current = categoryId;
  while (current !== null && !chain.includes(current)) {
    chain.push(current);
    current = categoryById(current)?.parentId ?? null;
  }
  return chain;
}

export function hoursPerLevelFor(
  skill: SkillInfo & { hoursPerLevel?: number | null },
  byCategory: Readonly<Record<string, number>>,
): HoursPerLevel {
  const own = skill.hoursPerLevel;
  if (own !== undefined && own !== null && Number.isFinite(own) && own >= 0) {
    return {
      hours: own,
      source: 'skill',
      categoryId: null,
      why: `${f(own)} h per level, set on the skill itself.`,
    };
  }
  const chain = categoryChain(skill.categoryId);
  for (const id of chain) {
    const hours = byCategory[id];
    if (hours !== undefined && Number.isFinite(hours) && hours >= 0) {
      return {
        hours,
        source: 'workflow-assumption',
        categoryId: id,
        why: `${f(hours)} h per level: this workflow's assumption for the category '${categoryName(id)}'.`,
      };
    }
  }
  for (const id of chain) {
    const hours = DEFAULT_HOURS_PER_LEVEL[id];
    if (hours !== undefined) {
      return {
        hours,
        source: 'default-table',
        categoryId: id,
        why: `${f(hours)} h per level: the default for the category '${categoryName(id)}' (an editable assumption).`,
      };
    }
  }
  return {
    hours: FALLBACK_HOURS_PER_LEVEL,
    source: 'fallback',
    categoryId: null,
    why: skill.known
      ? `${f(FALLBACK_HOURS_PER_LEVEL)} h per level: the general default (the skill's category has no entry).`
      : `${f(FALLBACK_HOURS_PER_LEVEL)} h per level: the general default (the skill is unknown).`,
  };
}

/** The default table with the workflow's overrides applied, for the assumptions panel. */
export function hoursPerLevelTable(byCategory: Readonly<Record<string, number>>): Record<string, number> {
  const table: Record<string, number> = { ...DEFAULT_HOURS_PER_LEVEL };
  for (const [id, hours] of Object.entries(byCategory))
    if (Number.isFinite(hours) && hours >= 0) table[id] = hours;
  return table;
}

function categoryName(id: string): string {
  return categoryById(id)?.name ?? id;
}

/** Every category id the table may be keyed by (for editors). */
export const HOURS_PER_LEVEL_CATEGORIES: readonly string[] = ALL_CATEGORIES.map((c) => c.id);
