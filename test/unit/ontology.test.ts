import { describe, it, expect } from 'vitest';
import { SkillCategorySchema, SkillSchema } from '../../shared/model/schema';
import type { Skill } from '../../shared/model/schema';
import { BUILTIN_CATEGORIES, BUILTIN_SKILLS, ONTOLOGY_SOURCES } from '../../shared/ontology/builtin';
import {
  ALL_CATEGORIES,
  CUSTOM_SKILLS_CATEGORY,
  categoryPath,
  newCustomSkill,
  searchSkills,
  skillIndex,
} from '../../shared/ontology/index';

const ONET_SKILLS: ReadonlyArray<readonly [string, string]> = [
  ['2.A.1.a', 'Reading Comprehension'],
  ['2.A.1.b', 'Active Listening'],
  ['2.A.1.c', 'Writing'],
  ['2.A.1.d', 'Speaking'],
  ['2.A.1.e', 'Mathematics'],
  ['2.A.1.f', 'Science'],
  ['2.A.2.a', 'Critical Thinking'],
  ['2.A.2.b', 'Active Learning'],
  ['2.A.2.c', 'Learning Strategies'],
  ['2.A.2.d', 'Monitoring'],
  ['2.B.1.a', 'Social Perceptiveness'],
  ['2.B.1.b', 'Coordination'],
  ['2.B.1.c', 'Persuasion'],
  ['2.B.1.d', 'Negotiation'],
  ['2.B.1.e', 'Instructing'],
  ['2.B.1.f', 'Service Orientation'],
  ['2.B.2.i', 'Complex Problem Solving'],
  ['2.B.3.a', 'Operations Analysis'],
  ['2.B.3.b', 'Technology Design'],
  ['2.B.3.c', 'Equipment Selection'],
  ['2.B.3.d', 'Installation'],
  ['2.B.3.e', 'Programming'],
  ['2.B.3.g', 'Operations Monitoring'],
  ['2.B.3.h', 'Operation and Control'],
  ['2.B.3.j', 'Equipment Maintenance'],
  ['2.B.3.k', 'Troubleshooting'],
  ['2.B.3.l', 'Repairing'],
  ['2.B.3.m', 'Quality Control Analysis'],
  ['2.B.4.e', 'Judgment and Decision Making'],
  ['2.B.4.g', 'Systems Analysis'],
  ['2.B.4.h', 'Systems Evaluation'],
  ['2.B.5.a', 'Time Management'],
  ['2.B.5.b', 'Management of Financial Resources'],
  ['2.B.5.c', 'Management of Material Resources'],
  ['2.B.5.d', 'Management of Personnel Resources'],
];

const ID_PATTERN = /^(onet|digcomp|ai)\.[a-z0-9]+(-[a-z0-9]+)*$/;
const PREFIX_BY_SOURCE = { onet: 'onet.', digcomp: 'digcomp.', coarchitect: 'ai.' } as const;

function prefixFor(source: string): string {
  return PREFIX_BY_SOURCE[source as keyof typeof PREFIX_BY_SOURCE];
}

describe('built-in ontology', () => {
  it('has at least 60 skills', () => {
    expect(BUILTIN_SKILLS.length).toBeGreaterThanOrEqual(60);
  });

  it('parses every skill and category with the model schemas, unchanged', () => {
    for (const skill of BUILTIN_SKILLS) expect(SkillSchema.parse(skill)).toEqual(skill);
    for (const category of BUILTIN_CATEGORIES) expect(SkillCategorySchema.parse(category)).toEqual(category);
    expect(SkillCategorySchema.parse(CUSTOM_SKILLS_CATEGORY)).toEqual(CUSTOM_SKILLS_CATEGORY);
  });

  it('uses unique, kebab-case ids with the source prefix', () => {
    const skillIds = BUILTIN_SKILLS.map((s) => s.id);
    const categoryIds = ALL_CATEGORIES.map((c) => c.id);
    expect(new Set(skillIds).size).toBe(skillIds.length);
    expect(new Set(categoryIds).size).toBe(categoryIds.length);
    for (const skill of BUILTIN_SKILLS) {
      expect(skill.id).toMatch(ID_PATTERN);
      expect(skill.id.startsWith(prefixFor(skill.source))).toBe(true);
    }
    for (const category of BUILTIN_CATEGORIES) {
      expect(category.id).toMatch(ID_PATTERN);
      expect(category.id.startsWith(prefixFor(category.source))).toBe(true);
    }
  });

  it('contains all 35 O*NET skills with their element ids', () => {
    const onet = BUILTIN_SKILLS.filter((s) => s.source === 'onet');
    expect(onet).toHaveLength(35);
    for (const [externalId, name] of ONET_SKILLS) {
      const skill = onet.find((s) => s.externalId === externalId);
      expect(skill?.name, externalId).toBe(name);
    }
  });

  it('groups O*NET skills under the category of their element id', () => {
    const categories = new Map(BUILTIN_CATEGORIES.map((c) => [c.id, c]));
    for (const skill of BUILTIN_SKILLS.filter((s) => s.source === 'onet')) {
      const parentElement = skill.externalId?.split('.').slice(0, 3).join('.');
      expect(categories.get(skill.categoryId)?.externalId, skill.name).toBe(parentElement);
    }
  });

  it('groups DigComp competences under their competence area', () => {
    const digcomp = BUILTIN_SKILLS.filter((s) => s.source === 'digcomp');
    expect(digcomp.length).toBeGreaterThanOrEqual(10);
    const categories = new Map(BUILTIN_CATEGORIES.map((c) => [c.id, c]));
    for (const skill of digcomp) {
      expect(skill.externalId).toMatch(/^[1-5]\.[1-6]$/);
      expect(categories.get(skill.categoryId)?.externalId).toBe(skill.externalId?.split('.')[0]);
    }
    expect(digcomp.find((s) => s.externalId === '3.4')?.id).toBe('digcomp.programming');
  });

  it('links every skill and category to an existing category of the same source', () => {
    const categories = new Map(BUILTIN_CATEGORIES.map((c) => [c.id, c]));
    for (const skill of BUILTIN_SKILLS) {
      expect(categories.get(skill.categoryId)?.source, skill.id).toBe(skill.source);
    }
    for (const category of BUILTIN_CATEGORIES) {
      if (category.parentId !== null) expect(categories.get(category.parentId)?.source).toBe(category.source);
    }
    for (const source of ['onet', 'digcomp', 'coarchitect'] as const) {
      const roots = BUILTIN_CATEGORIES.filter((c) => c.source === source && c.parentId === null);
      expect(roots, source).toHaveLength(1);
    }
  });

  it('never gives Coarchitect skills an external id', () => {
    const own = BUILTIN_SKILLS.filter((s) => s.source === 'coarchitect');
    expect(own.length).toBeGreaterThanOrEqual(16);
    for (const skill of own) expect(skill.externalId).toBeNull();
    for (const category of BUILTIN_CATEGORIES.filter((c) => c.source === 'coarchitect')) {
      expect(category.externalId).toBeNull();
    }
  });

  it('has no retired built-in skills and a one-line description for each', () => {
    for (const skill of BUILTIN_SKILLS) {
      expect(skill.retired).toBe(false);
      expect(skill.description.length).toBeGreaterThan(10);
      expect(skill.description.endsWith('.')).toBe(true);
    }
  });

  it('credits every source', () => {
    expect(ONTOLOGY_SOURCES.map((s) => s.id).sort()).toEqual(['coarchitect', 'digcomp', 'onet']);
    const onet = ONTOLOGY_SOURCES.find((s) => s.id === 'onet');
    expect(onet?.attribution).toContain('USDOL/ETA');
    expect(onet?.attribution).toContain('CC BY 4.0');
  });
});

describe('ontology helpers', () => {
  it('indexes built-in and custom skills', () => {
    const custom = newCustomSkill('  Claims adjudication ', 'Deciding insurance claims.', 'custom-1');
    const index = skillIndex([custom]);
    expect(index.size).toBe(BUILTIN_SKILLS.length + 1);
    expect(index.get('onet.writing')?.name).toBe('Writing');
    expect(index.get('custom-1')).toEqual(custom);
  });

  it('keeps the built-in skill when a custom skill reuses its id', () => {
    const clash = newCustomSkill('Not writing', '', 'onet.writing');
    expect(skillIndex([clash]).get('onet.writing')?.source).toBe('onet');
  });

  it('creates valid custom skills in the custom category', () => {
    const skill = newCustomSkill('  Claims adjudication ', ' Deciding insurance claims. ', 'custom-1');
    expect(SkillSchema.parse(skill)).toEqual(skill);
    expect(skill).toEqual({
      id: 'custom-1',
      name: 'Claims adjudication',
      description: 'Deciding insurance claims.',
      categoryId: 'custom.my-skills',
      source: 'custom',
      externalId: null,
      retired: false,
      externalRefs: [],
      hoursPerLevel: null,
    });
    expect(CUSTOM_SKILLS_CATEGORY.name).toBe('Our skills');
  });

  it('gives category paths from root to leaf', () => {
    expect(categoryPath('onet.basic-content')).toEqual(['O*NET skills', 'Basic Skills', 'Content']);
    expect(categoryPath('digcomp.area-3')).toEqual([
      'DigComp 2.2 digital competences',
      'Digital content creation',
    ]);
    expect(categoryPath(CUSTOM_SKILLS_CATEGORY.id)).toEqual(['Our skills']);
    expect(categoryPath('no-such-category')).toEqual([]);
    for (const skill of BUILTIN_SKILLS)
      expect(categoryPath(skill.categoryId).length).toBeGreaterThanOrEqual(2);
  });

  it('searches name, description and external id case-insensitively, name matches first', () => {
    const all: Skill[] = [...BUILTIN_SKILLS];
    const programming = searchSkills(all, 'PROGRAMMING').map((s) => s.id);
    expect(programming.slice(0, 2).sort()).toEqual(['digcomp.programming', 'onet.programming']);

    expect(searchSkills(all, '2.b.3.e').map((s) => s.id)).toEqual(['onet.programming']);

    const hallucinations = searchSkills(all, 'hallucinations').map((s) => s.id);
    expect(hallucinations).toContain('ai.verifying-ai-output');

    const writing = searchSkills(all, 'writing');
    expect(writing[0]?.id).toBe('onet.writing');
    const firstDescriptionOnly = writing.findIndex((s) => !s.name.toLowerCase().includes('writing'));
    const lastNameMatch = writing.map((s) => s.name.toLowerCase().includes('writing')).lastIndexOf(true);
    expect(firstDescriptionOnly === -1 || lastNameMatch < firstDescriptionOnly).toBe(true);

    expect(searchSkills(all, 'verify output').map((s) => s.id)).toContain('ai.verifying-ai-output');
    expect(searchSkills(all, 'zzzz-no-match')).toEqual([]);
    expect(searchSkills(all, '   ')).toHaveLength(all.length);
  });
});
