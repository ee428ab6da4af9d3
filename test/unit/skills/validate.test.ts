import { describe, expect, it } from 'vitest';
import { validateWorkflow } from '../../../shared/model/validate';
import { skillIndex } from '../../../shared/ontology/index';
import { validateSkills } from '../../../shared/skills/index';
import type { Role, Workflow } from '../../../shared/model/schema';
import { planItem, roles, toBe, writingPlan } from './fixture';

const skills = skillIndex([]);
const problemsOf = (w: Workflow, r: Role[] = roles()) =>
  validateSkills(w, r, skills).map((p) => ({ code: p.code, message: p.message, stepId: p.stepId }));

describe('skills validation', () => {
  it('a well-formed workflow with a plan has no skills problems', () => {
    expect(problemsOf(toBe(writingPlan()))).toEqual([]);
    // …and the problems list of the workflow carries none either.
    expect(validateWorkflow(toBe(writingPlan()), { roles: roles(), skills })).toEqual([]);
  });

  it('reports plan items pointing at a removed step, skill or role', () => {
    const w = toBe([
      planItem({ id: 'a', method: 'feedback-loop', linkedStepId: 'gone-step' }),
      planItem({ id: 'b', method: 'course', skillId: 'gone.skill', hoursPerWeek: 1 }),
      planItem({ id: 'c', method: 'course', roleId: 'gone-role', hoursPerWeek: 1 }),
    ]);
    expect(problemsOf(w)).toEqual([
      {
        code: 'plan-unknown-step',
        message:
          "Learning plan item 1 (feedback-loop) is linked to a step that no longer exists ('gone-step').",
        stepId: undefined,
      },
      {
        code: 'plan-unknown-skill',
        message:
          "Learning plan item 2 (course) teaches a skill that does not exist ('gone.skill'); it is kept as an unknown skill.",
        stepId: undefined,
      },
      {
        code: 'plan-unknown-role',
        message: "Learning plan item 3 (course) is for a role that no longer exists ('gone-role').",
        stepId: undefined,
      },
    ]);
  });

  it('reports levels outside 0–5 and negative hours', () => {
    const r = roles();
    r[0]!.skillLevels[0]!.level = 7;
    r[1]!.people[0]!.levels[0]!.level = -1;
    const w = toBe([planItem({ id: 'a', method: 'course', fromLevel: 2, toLevel: 6, hoursPerWeek: -2 })]);
    w.learningAssumptions.hoursPerLevelByCategory = { 'onet.skills': -5 };
    const review = w.steps.find((s) => s.id === 'review');
    if (review?.type !== 'review') throw new Error('fixture');
    review.coaching!.minutesPerCase = -3;
    const codes = problemsOf(w, r).map((p) => [p.code, p.message, p.stepId]);
    expect(codes).toEqual([
      ['negative-hours', "Step 'Review': coaching minutes per case must not be negative (-3).", 'review'],
      [
        'skill-level-out-of-range',
        'Learning plan item 1 (course): the target level is 6; levels are whole numbers from 0 to 5.',
        undefined,
      ],
      [
        'negative-hours',
        'Learning plan item 1 (course): learning hours per week must not be negative (-2).',
        undefined,
      ],
      [
        'skill-level-out-of-range',
        "Role 'Writer': the level in 'Writing' is 7; levels are whole numbers from 0 to 5.",
        undefined,
      ],
      [
        'skill-level-out-of-range',
        "Role 'Reviewer', Ana: the level in 'Verifying AI output' is -1; levels are whole numbers from 0 to 5.",
        undefined,
      ],
      [
        'negative-hours',
        "Learning hours per level for the category 'onet.skills' must not be negative (-5).",
        undefined,
      ],
    ]);
  });

  it('marks coaching problems and mismatched links on the step', () => {
    const w = toBe([planItem({ id: 'a', method: 'feedback-loop', linkedStepId: 'polish' })]);
    const review = w.steps.find((s) => s.id === 'review');
    if (review?.type !== 'review') throw new Error('fixture');
    review.coaching!.coachRoleId = null;
    expect(problemsOf(w)).toEqual([
      {
        code: 'coaching-no-coach',
        message: "Step 'Review' has coaching but no coach: choose the role that coaches.",
        stepId: 'review',
      },
      {
        code: 'plan-link-mismatch',
        message:
          "Learning plan item 1 (feedback-loop) is linked to 'Polish', which is not a review, so it gives no feedback.",
        stepId: 'polish',
      },
    ]);
    // The problems list of the workflow includes them.
    expect(validateWorkflow(w, { roles: roles(), skills }).map((p) => p.code)).toContain(
      'plan-link-mismatch',
    );
  });

  it('keeps a level in an unknown skill and says so', () => {
    const r = roles();
    r[0]!.skillLevels.push({ skillId: 'acme.old', level: 2, source: 'estimate', asOf: null });
    expect(problemsOf(toBe(), r)).toEqual([
      {
        code: 'unknown-skill-level',
        message: `Role 'Writer' has a level in an unknown skill ('acme.old'); it is kept as "unknown skill".`,
        stepId: undefined,
      },
    ]);
  });
});
