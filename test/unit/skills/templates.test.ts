import { describe, expect, it } from 'vitest';
import { projectLearning } from '../../../shared/analysis/learning';
import { skillIndex } from '../../../shared/ontology/index';
import { computeSkillsLens, levelKey } from '../../../shared/skills/index';
import type { SkillsLens } from '../../../shared/skills/index';
import { TEMPLATES } from '../../../shared/templates';

describe.each(TEMPLATES.map((t) => [t.id, t] as const))(
  '%s: the skills lens is filled in',
  (id, template) => {
    const ws = template.build();
    const skills = skillIndex(ws.customSkills);
    const toBe = ws.workflows.find((w) => w.kind === 'to-be')!;
    const asIs = ws.workflows.find((w) => w.id === toBe.redesignOfId)!;
    const result = computeSkillsLens({ toBe, asIs, roles: ws.roles, skills });
    const lens = result as SkillsLens;

    it('has current levels, a learning plan and gaps the plan works on', () => {
      expect(result.ok).toBe(true);
      expect(ws.roles.every((r) => r.skillLevels.length > 0)).toBe(true);
      expect(toBe.learningPlan.length).toBeGreaterThan(0);
      const gaps = lens.rows.filter((r) => r.gap && r.gap.totalGapLevels > 0);
      expect(gaps.length).toBeGreaterThan(0);
      expect(gaps.some((r) => r.plan?.state === 'planned')).toBe(true);
      expect(lens.warnings).toEqual([]);
    });

    it('projects the plan with every figure finite and the penalty not rising', () => {
      const p = projectLearning(toBe, ws.roles, { weeks: 26, skills });
      expect(p.ok).toBe(true);
      if (!p.ok) return;
      expect(p.weeks[0]!.stable, id).toBe(true);
      const total = (k: number) => Object.values(p.weeks[k]!.penaltyFactor).reduce((s, f) => s + f - 1, 0);
      expect(total(0)).toBeGreaterThan(0);
      expect(total(26)).toBeLessThan(total(0));
      for (const w of p.weeks)
        for (const v of [...Object.values(w.utilization), ...Object.values(w.levels)])
          expect(v === null || Number.isFinite(v)).toBe(true);
    });
  },
);

describe('customer support', () => {
  it('the reviewing role shows a gap on "Verifying AI output"', () => {
    const ws = TEMPLATES.find((t) => t.id === 'customer-support')!.build();
    const toBe = ws.workflows.find((w) => w.kind === 'to-be')!;
    const lens = computeSkillsLens({ toBe, asIs: ws.workflows[0]!, roles: ws.roles, skills: skillIndex([]) });
    if (!lens.ok) throw new Error(lens.message);
    const row = lens.rows.find((r) => r.key === levelKey('cs-role-senior', 'ai.verifying-ai-output'))!;
    expect(row.skill.name).toBe('Verifying AI output');
    expect(row.demand.flag).toBe('new');
    // Both seniors at 3 against the review's 4: 2 level-steps × 12 h = 24 h; the weekly retro, 1 h each,
    // gives 2 h/week → 12 weeks.
    expect(row.gap).toMatchObject({ required: 4, basis: 'people', totalGapLevels: 2, reskillingHours: 24 });
    expect(row.plan).toMatchObject({ state: 'planned', weeksToClose: 12 });
  });
});
