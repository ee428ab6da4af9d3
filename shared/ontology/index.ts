/**
 * Pure helpers over the skills ontology: the built-in skills plus the skills a user adds themselves.
 */
import type { Skill, SkillCategory } from '../model/schema';
import { BUILTIN_CATEGORIES, BUILTIN_SKILLS } from './builtin';

export { BUILTIN_CATEGORIES, BUILTIN_SKILLS, ONTOLOGY_SOURCES } from './builtin';
export type { OntologySource } from './builtin';

/** The category every user-added skill belongs to. */
export const CUSTOM_SKILLS_CATEGORY: SkillCategory = {
  id: 'custom.my-skills',
  name: 'Our skills',
  parentId: null,
  source: 'custom',
  externalId: null,
};

/** Built-in categories plus the custom-skills category. */
export const ALL_CATEGORIES: readonly SkillCategory[] = [...BUILTIN_CATEGORIES, CUSTOM_SKILLS_CATEGORY];

const categoriesById: ReadonlyMap<string, SkillCategory> = new Map(ALL_CATEGORIES.map((c) => [c.id, c]));

export function categoryById(categoryId: string): SkillCategory | undefined {
  return categoriesById.get(categoryId);
}

/**
 * Every skill by id: the built-in ones plus the given custom ones. Built-in skills win if a custom skill
 * ever carries the same id, so a stored reference to a built-in skill always means the built-in skill.
 */
export function skillIndex(customSkills: readonly Skill[]): ReadonlyMap<string, Skill> {
  const index = new Map<string, Skill>();
  for (const s of customSkills) index.set(s.id, s);
  for (const s of BUILTIN_SKILLS) index.set(s.id, s);
  return index;
}

/** Names of the category and its ancestors, root first; empty for an unknown category. */
export function categoryPath(categoryId: string): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  let current = categoriesById.get(categoryId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current.name);
    current = current.parentId === null ? undefined : categoriesById.get(current.parentId);
  }
  return path;
}

/**
 * Skills matching a free-text query, case-insensitively, on name, description or external id. Every
 * word of the query must occur somewhere in the skill. Skills whose name contains the whole query come
 * first, then those whose name contains every word, then the rest; within each group the input order is
 * kept. An empty query returns all skills. Retired skills are not filtered out here.
 */
export function searchSkills(skills: readonly Skill[], query: string): Skill[] {
  const phrase = query.trim().toLowerCase();
  if (phrase === '') return [...skills];
  const words = phrase.split(/\s+/);
  const ranked: { skill: Skill; rank: number; order: number }[] = [];
  skills.forEach((skill, order) => {
    const name = skill.name.toLowerCase();
    const haystack = `${name}\n${skill.description.toLowerCase()}\n${(skill.externalId ?? '').toLowerCase()}`;
    if (!words.every((w) => haystack.includes(w))) return;
    const rank = name.includes(phrase) ? 0 : words.every((w) => name.includes(w)) ? 1 : 2;
    ranked.push({ skill, rank, order });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.map((r) => r.skill);
}

/** A new user-defined skill in the custom-skills category. */
export function newCustomSkill(name: string, description: string, id: string): Skill {
  return {
    id,
    name: name.trim(),
    description: description.trim(),
    categoryId: CUSTOM_SKILLS_CATEGORY.id,
    source: 'custom',
    externalId: null,
    retired: false,
    externalRefs: [],
    hoursPerLevel: null,
  };
}
