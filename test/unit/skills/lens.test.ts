import { describe, expect, it } from 'vitest';
import { skillIndex } from '../../../shared/ontology/index';
import type { Skill } from '../../../shared/model/schema';
import {
  computeLearningSources,
  computeSkillDemand,
  computeSkillGaps,
  computeSkillsLens,
  hoursPerLevelFor,
  levelKey,
  weeksToClose,
} from '../../../shared/skills/index';
import type { LensRow, SkillDemand, SkillsInput, SkillsLens } from '../../../shared/skills/index';
import { asIs, roles, SPEAKING, toBe, VERIFYING, WRITING, writingPlan } from './fixture';

const skills = skillIndex([]);
const input = (extra: Partial<SkillsInput> = {}): SkillsInput => ({
  toBe: toBe(),
  asIs: asIs(),
  roles: roles(),
  skills,
  ...extra,
});

function demandOf(i: SkillsInput): SkillDemand {
  const d = computeSkillDemand(i);
  if (!d.ok) throw new Error(d.message);
  return d;
}
function lensOf(i: SkillsInput): SkillsLens {
  const l = computeSkillsLens(i);
  if (!l.ok) throw new Error(l.message);
  return l;
}
function row(lens: SkillsLens, roleId: string, skillId: string): LensRow {
  const r = lens.rows.find((x) => x.key === levelKey(roleId, skillId));
  if (!r) throw new Error(`no row ${roleId}|${skillId}`);
  return r;
}

describe('skill demand', () => {
  it('counts the rework of a step inside a loop (1.25 visits) in the exercise hours', () => {
    const d = demandOf(input());
    const reviewer = d.rows.find((r) => r.roleId === 'reviewer' && r.skill.id === VERIFYING)!;
    expect(reviewer.toBe.steps[0]!.visits).toBeCloseTo(1.25, 12);
    // 100 cases × 1.25 visits × 6 min / 60 = 12.5 h/week.
    expect(reviewer.toBe.exerciseHoursPerWeek).toBeCloseTo(12.5, 12);
    expect(reviewer.flag).toBe('new');
    expect(reviewer.why.toBeHours).toContain('100 × 1.25 × 6 / 60');
    expect(reviewer.why.toBeHours).toContain('12.5 h/week');
  });

  it('takes the maximum level over the role’s steps and sums their hours', () => {
    const d = demandOf(input());
    const writing = d.rows.find((r) => r.roleId === 'writer' && r.skill.id === WRITING)!;
    // Write asks 3, Polish asks 4 → 4; 100 × 1.25 × 12 / 60 + 100 × 1 × 6 / 60 = 25 + 10 = 35 h/week.
    expect(writing.toBe.requiredLevel).toBe(4);
    expect(writing.toBe.exerciseHoursPerWeek).toBeCloseTo(35, 12);
    expect(writing.asIs!.requiredLevel).toBe(2);
    expect(writing.asIs!.exerciseHoursPerWeek).toBeCloseTo(100 / 6, 12);
    expect(writing.flag).toBe('raised');
    expect(writing.why.toBeLevel).toBe(
      "Highest level the to-be steps of 'Writer' ask for: max('Write' 3, 'Polish' 4) = 4.",
    );
  });

  it('flags new, raised and no-longer-exercised skills (deskilling risk)', () => {
    const d = demandOf(input());
    const flags = d.rows.map((r) => `${r.roleId}|${r.skill.id}:${r.flag}`);
    expect(flags).toEqual([
      `writer|${SPEAKING}:no-longer-exercised`,
      `writer|${VERIFYING}:new`,
      `writer|${WRITING}:raised`,
      `reviewer|${VERIFYING}:new`,
    ]);
    const speaking = d.rows[0]!;
    expect(speaking.deskillingRisk).toBe(true);
    expect(speaking.toBe.requiredLevel).toBe(0);
    expect(speaking.toBe.exerciseHoursPerWeek).toBe(0);
  });

  it('without an as-is every row is to-be-only', () => {
    const d = demandOf(input({ asIs: null }));
    expect(new Set(d.rows.map((r) => r.flag))).toEqual(new Set(['to-be-only']));
    expect(d.rows.every((r) => r.asIs === null)).toBe(true);
  });

  it('keeps an unknown skill id as "unknown skill" with the raw id', () => {
    const w = toBe();
    const write = w.steps.find((s) => s.id === 'write');
    if (write?.type !== 'task') throw new Error('fixture');
    write.skills.push({ skillId: 'acme.forgotten-skill', level: 2 });
    const lens = lensOf(input({ toBe: w }));
    const r = row(lens, 'writer', 'acme.forgotten-skill');
    expect(r.skill).toEqual({
      id: 'acme.forgotten-skill',
      name: 'Unknown skill (acme.forgotten-skill)',
      categoryId: null,
      known: false,
      retired: false,
    });
    expect(r.gap!.hoursPerLevel.source).toBe('fallback');
    expect(r.gap!.reskillingHours).toBe(2 * 4 * 20);
  });

  it('returns the engine’s error for a workflow that cannot be analysed', () => {
    const w = toBe();
    const review = w.steps.find((s) => s.id === 'review');
    if (review?.type !== 'review') throw new Error('fixture');
    review.rejectionRate = 1;
    const d = computeSkillDemand(input({ toBe: w }));
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.side).toBe('to-be');
  });
});

describe('skill gap and reskilling hours', () => {
  it('counts the team gap once per head when the role lists no people', () => {
    const lens = lensOf(input());
    const g = row(lens, 'writer', WRITING).gap!;
    // max(0, 4 − 2) = 2 levels × 4 people = 8 level-steps × 40 h (O*NET skills default) = 320 h.
    expect(g).toMatchObject({ required: 4, current: 2, gapLevels: 2, totalGapLevels: 8, basis: 'team' });
    expect(g.hoursPerLevel).toMatchObject({ hours: 40, source: 'default-table', categoryId: 'onet.skills' });
    expect(g.reskillingHours).toBe(320);
    expect(g.why.reskillingHours).toContain('8 × 40 = 320 h');
    const v = row(lens, 'writer', VERIFYING).gap!;
    // (2 − 1) × 4 = 4 level-steps × 12 h (Working with AI default) = 48 h.
    expect(v.reskillingHours).toBe(48);
  });

  it('counts the gap per person when people exist (a person without a level counts at the team level)', () => {
    const g = row(lensOf(input()), 'reviewer', VERIFYING).gap!;
    expect(g.basis).toBe('people');
    expect(g.gapLevels).toBe(1);
    expect(
      g.people.map((p) => [p.displayName, p.current, p.ownLevel, p.gapLevels, p.reskillingHours]),
    ).toEqual([
      ['Ana', 2, true, 2, 24],
      ['Ben', 3, false, 1, 12],
    ]);
    expect(g.totalGapLevels).toBe(3);
    expect(g.reskillingHours).toBe(36);
  });

  it('uses the skill’s own hours per level, then the workflow’s table, then the defaults (0 allowed)', () => {
    const custom: Skill = { ...skills.get(VERIFYING)!, hoursPerLevel: 10 };
    const withSkill = new Map(skills);
    withSkill.set(VERIFYING, custom);
    const w = toBe();
    w.learningAssumptions.hoursPerLevelByCategory = { 'onet.skills': 30 };
    const lens = lensOf(input({ toBe: w, skills: withSkill }));
    expect(row(lens, 'writer', VERIFYING).gap!.reskillingHours).toBe(40);
    expect(row(lens, 'reviewer', VERIFYING).gap!.reskillingHours).toBe(30);
    expect(row(lens, 'writer', WRITING).gap!.hoursPerLevel).toMatchObject({
      hours: 30,
      source: 'workflow-assumption',
    });
    expect(row(lens, 'writer', WRITING).gap!.reskillingHours).toBe(240);
    expect(lens.totalReskillingHours).toBe(310);
    expect(lens.assumptions.hoursPerLevelByCategory['onet.skills']).toBe(30);

    // The user's setting on a parent category beats the built-in default of the child category.
    const verifying = { ...skills.get(VERIFYING)!, known: true };
    expect(hoursPerLevelFor(verifying, { 'ai.skills': 5 }).hours).toBe(5);
    expect(hoursPerLevelFor(verifying, {}).hours).toBe(12);
    expect(hoursPerLevelFor({ ...verifying, hoursPerLevel: 0 }, { 'ai.skills': 5 })).toMatchObject({
      hours: 0,
      source: 'skill',
    });

    const free = new Map(skills);
    free.set(VERIFYING, { ...custom, hoursPerLevel: 0 });
    const freeLens = lensOf(input({ skills: free }));
    expect(row(freeLens, 'reviewer', VERIFYING).plan).toMatchObject({
      state: 'free',
      weeksToClose: 0,
      remainingHours: 0,
    });
  });
});

describe('learning in the flow and weeks to close', () => {
  it('credits a review’s feedback to the role whose work it reviews, split over its missing skills', () => {
    const lens = lensOf(input());
    // 100 × 1.25 visits × 20% × 3 min / 60 = 1.25 h/week to the writer, split over writing and verifying.
    const writing = row(lens, 'writer', WRITING);
    expect(writing.sources).toHaveLength(1);
    expect(writing.sources[0]).toMatchObject({ kind: 'review-feedback', stepId: 'review', startWeek: 0 });
    expect(writing.sources[0]!.hoursPerWeek).toBeCloseTo(0.625, 12);
    expect(writing.sources[0]!.why).toContain('100 × 1.25 × 20.0% × 3 / 60 = 1.25 h/week');
    // 320 h ÷ 0.625 h/week = 512 weeks.
    expect(writing.plan!.state).toBe('planned');
    expect(writing.plan!.weeksToClose).toBeCloseTo(512, 9);
    expect(row(lens, 'writer', VERIFYING).plan!.weeksToClose).toBeCloseTo(76.8, 9);
  });

  it('feedback minutes per rejection is an editable assumption', () => {
    const w = toBe();
    w.learningAssumptions.feedbackMinutesPerRejection = 6;
    const writing = row(lensOf(input({ toBe: w })), 'writer', WRITING);
    expect(writing.sources[0]!.hoursPerWeek).toBeCloseTo(1.25, 12);
  });

  it('counts coaching on a step for the learner and puts it in both roles’ load', () => {
    const lens = lensOf(input());
    const r = row(lens, 'reviewer', VERIFYING);
    // 100 × 1.25 × 2 min / 60 = 4.1667 h/week; 36 h ÷ 4.1667 = 8.64 weeks.
    expect(r.sources).toHaveLength(1);
    expect(r.sources[0]).toMatchObject({ kind: 'step-coaching', stepId: 'review' });
    expect(r.sources[0]!.hoursPerWeek).toBeCloseTo(25 / 6, 12);
    expect(r.plan!.weeksToClose).toBeCloseTo(8.64, 9);
    expect(r.plan!.why).toContain('36 ÷ 4.167 = 8.64 weeks');
    const load = Object.fromEntries(lens.learningLoad.map((l) => [l.roleId, l.hoursPerWeek]));
    expect(load.reviewer).toBeCloseTo(25 / 6, 12);
    expect(load.lead).toBeCloseTo(25 / 6, 12);
    expect(load.writer).toBeUndefined();
  });

  it('a plan directs the feedback to its skill and adds a course from its start week', () => {
    const lens = lensOf(input({ toBe: toBe(writingPlan()) }));
    const writing = row(lens, 'writer', WRITING);
    expect(writing.sources.map((s) => [s.kind, s.hoursPerWeek, s.startWeek])).toEqual([
      ['feedback-loop', 1.25, 0],
      ['course', 4, 2],
    ]);
    // 1.25 t + 4 (t − 2) = 320 → t = 328 / 5.25.
    expect(writing.plan!.weeksToClose).toBeCloseTo(328 / 5.25, 9);
    expect(writing.plan!.weeklyLearningHours).toBeCloseTo(5.25, 12);
    const load = lens.learningLoad.find((l) => l.roleId === 'writer')!;
    expect(load.hoursPerWeek).toBe(4);
  });

  it('a gap no source teaches says "no plan", not a number', () => {
    const lens = lensOf(input({ toBe: toBe(writingPlan()) }));
    const verifying = row(lens, 'writer', VERIFYING);
    expect(verifying.sources).toEqual([]);
    expect(verifying.plan).toMatchObject({ state: 'no-plan', weeksToClose: null, remainingHours: 48 });
    expect(verifying.plan!.why).toMatch(/^No plan/);
  });

  it('a gap of zero says no-gap', () => {
    const r = roles();
    r[0]!.skillLevels = [{ skillId: WRITING, level: 5, source: 'assessed', asOf: null }];
    const lens = lensOf(input({ roles: r }));
    expect(row(lens, 'writer', WRITING).plan).toMatchObject({ state: 'no-gap', weeksToClose: 0 });
    expect(row(lens, 'writer', WRITING).gap!.reskillingHours).toBe(0);
  });

  it('solves weeks to close segment by segment', () => {
    const src = (hoursPerWeek: number, startWeek: number) => ({
      kind: 'course' as const,
      roleId: 'r',
      skillId: 's',
      hoursPerWeek,
      startWeek,
      planItemId: null,
      stepId: null,
      why: '',
    });
    expect(weeksToClose(10, [src(2, 0)])).toBe(5);
    // 2 h/week from 0, +3 from week 4: 8 h by week 4, then 5 h/week → 12 more h in 2.4 weeks.
    expect(weeksToClose(20, [src(3, 4), src(2, 0)])).toBeCloseTo(6.4, 12);
    expect(weeksToClose(20, [src(0, 0)])).toBeNull();
    expect(weeksToClose(0, [])).toBe(0);
  });

  it('the sources can be computed on their own', () => {
    const i = input();
    const d = demandOf(i);
    const s = computeLearningSources(i, d, computeSkillGaps(i, d));
    expect(s.sources.reduce((sum, x) => sum + x.hoursPerWeek, 0)).toBeCloseTo(1.25 + 25 / 6, 12);
  });
});

describe('explain', () => {
  it("'none' gives the same figures with empty why texts", () => {
    const all = lensOf(input({ toBe: toBe(writingPlan()) }));
    const none = lensOf(input({ toBe: toBe(writingPlan()), explain: 'none' }));
    const figures = (l: SkillsLens) =>
      l.rows.map((r) => [
        r.key,
        r.demand.toBe.exerciseHoursPerWeek,
        r.gap?.reskillingHours,
        r.plan?.weeksToClose,
      ]);
    expect(figures(none)).toEqual(figures(all));
    for (const r of none.rows) {
      expect(Object.values(r.demand.why).every((w) => w === '')).toBe(true);
      if (r.gap) expect(Object.values(r.gap.why).every((w) => w === '')).toBe(true);
      if (r.plan) expect(r.plan.why).toBe('');
      for (const s of r.sources) expect(s.why).toBe('');
    }
    expect(all.rows.every((r) => r.demand.why.toBeHours.length > 0)).toBe(true);
  });
});
