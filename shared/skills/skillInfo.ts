/** How the lens names a skill id: the ontology's skill, or an "unknown skill" that keeps the raw id. */
import type { Skill } from '../model/schema';
import type { SkillInfo } from './types';

export function skillInfo(skillId: string, skills: ReadonlyMap<string, Skill>): SkillInfo {
  const skill = skills.get(skillId);
  if (!skill) {
    return {
      id: skillId,
      name: `Unknown skill (${skillId})`,
      categoryId: null,
      known: false,
      retired: false,
    };
  }
  return {
    id: skill.id,
    name: skill.name,
    categoryId: skill.categoryId,
    known: true,
    retired: skill.retired,
  };
}
