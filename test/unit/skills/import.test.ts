import { describe, expect, it } from 'vitest';
import { exportWorkspace, serializeDocument } from '../../../shared/format/document';
import { parseDocument, planImport } from '../../../shared/format/importer';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { newCustomSkill, skillIndex } from '../../../shared/ontology/index';
import { computeSkillsLens, levelKey } from '../../../shared/skills/index';
import type { Workspace } from '../../../shared/model/schema';

const AT = new Date('2026-11-01T09:00:00.000Z');
const EMPTY: Workspace = { workflows: [], roles: [], customSkills: [] };

function roundTrip(ws: Workspace) {
  const parsed = parseDocument(serializeDocument(exportWorkspace(ws, AT)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.document;
}

describe('importing the skills data', () => {
  it('keeps skill ids no ontology knows, in steps, levels and plan items, as "unknown skill"', () => {
    const ws = customerSupportExample();
    const toBe = ws.workflows.find((w) => w.kind === 'to-be')!;
    const edit = toBe.steps.find((s) => s.id === 'cs-tobe-step-edit');
    if (edit?.type !== 'task') throw new Error('example');
    edit.skills.push({ skillId: 'acme.retired-skill', level: 2 });
    ws.roles[0]!.skillLevels.push({
      skillId: 'acme.retired-skill',
      level: 1,
      source: 'estimate',
      asOf: null,
    });
    toBe.learningPlan[0] = { ...toBe.learningPlan[0]!, skillId: 'acme.retired-skill' };
    const plan = planImport(roundTrip(ws), EMPTY);
    const importedToBe = plan.workflows.find((w) => w.kind === 'to-be')!;
    expect(importedToBe.learningPlan[0]!.skillId).toBe('acme.retired-skill');
    expect(plan.roles[0]!.skillLevels.some((l) => l.skillId === 'acme.retired-skill')).toBe(true);
    const lens = computeSkillsLens({
      toBe: importedToBe,
      asIs: plan.workflows.find((w) => w.kind === 'as-is')!,
      roles: plan.roles,
      skills: skillIndex(plan.customSkills),
    });
    if (!lens.ok) throw new Error(lens.message);
    const row = lens.rows.find((r) => r.key === levelKey('cs-role-agent', 'acme.retired-skill'))!;
    expect(row.skill).toMatchObject({ known: false, name: 'Unknown skill (acme.retired-skill)' });
    expect(row.gap).toMatchObject({ current: 1, required: 2 });
  });

  it('points plan items, coaches and levels at renamed roles and skills', () => {
    const ws = customerSupportExample();
    const skill = newCustomSkill('Tone of voice', 'Brand voice', 'custom-tone');
    ws.customSkills = [skill];
    ws.roles[0]!.skillLevels.push({ skillId: skill.id, level: 2, source: 'estimate', asOf: null });
    const toBe = ws.workflows.find((w) => w.kind === 'to-be')!;
    toBe.learningPlan.push({ ...toBe.learningPlan[0]!, id: 'cs-tobe-plan-tone', skillId: skill.id });
    // The user already has a different role and skill under the same ids.
    const existing: Workspace = {
      workflows: [],
      roles: ws.roles.map((r) => ({ ...r, headcount: r.headcount + 1 })),
      customSkills: [{ ...skill, description: 'Something else' }],
    };
    const plan = planImport(roundTrip(ws), existing);
    const agent = plan.roles.find((r) => r.name.startsWith('Support agent'))!;
    const senior = plan.roles.find((r) => r.name.startsWith('Senior agent'))!;
    const tone = plan.customSkills[0]!;
    expect(agent.id).not.toBe('cs-role-agent');
    expect(tone.id).not.toBe(skill.id);
    expect(agent.skillLevels.some((l) => l.skillId === tone.id)).toBe(true);
    const importedToBe = plan.workflows.find((w) => w.kind === 'to-be')!;
    expect(importedToBe.learningPlan.every((i) => i.roleId === agent.id || i.roleId === senior.id)).toBe(
      true,
    );
    expect(importedToBe.learningPlan.find((i) => i.id === 'cs-tobe-plan-tone')!.skillId).toBe(tone.id);
    const edit = importedToBe.steps.find((s) => s.id === 'cs-tobe-step-edit');
    expect(edit?.type === 'task' && edit.coaching?.coachRoleId).toBe(senior.id);
  });
});
