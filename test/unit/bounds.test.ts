/** Every number of the model against its bound, driven by the one table in shared/model/bounds.ts. */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { BOUNDS, boundMessage, boundProblem, formatGot, type BoundKey } from '../../shared/model/bounds';
import {
  DurationSchema,
  EdgeSchema,
  FeedbackLoopSchema,
  LearningAssumptionsSchema,
  LearningCurveSchema,
  LearningPlanItemSchema,
  PositionSchema,
  RoleSchema,
  RoleSkillLevelSchema,
  SkillRequirementSchema,
  SkillSchema,
  StepCoachingSchema,
  StepSchema,
  WorkflowSchema,
} from '../../shared/model/schema';

const now = '2026-01-01T00:00:00.000Z';
const task = {
  type: 'task',
  id: 't',
  name: 'Task',
  position: { x: 0, y: 0 },
  mode: 'human',
  duration: { min: 1, likely: 2, max: 3 },
};
const review = { ...task, type: 'review', rejectionRate: 0.1 } as Record<string, unknown>;
delete review.mode;
const planItem = {
  id: 'p',
  skillId: 's',
  roleId: 'r',
  fromLevel: 1,
  toLevel: 2,
  method: 'course',
  hoursPerWeek: 2,
  startWeek: 0,
};

/** For each bound: a valid object, and how to put a value into the field the bound governs. */
const FIELDS: Record<BoundKey, { schema: z.ZodType; with: (v: number) => unknown }[]> = {
  positionCoordinate: [
    { schema: PositionSchema, with: (v) => ({ x: v, y: 0 }) },
    { schema: PositionSchema, with: (v) => ({ x: 0, y: v }) },
  ],
  // The duration's order check (min ≤ likely ≤ max) is kept satisfied around the value under test.
  durationMin: [
    { schema: DurationSchema, with: (v) => ({ min: v, likely: Math.max(v, 0), max: Math.max(v, 0) }) },
  ],
  durationLikely: [
    {
      schema: DurationSchema,
      with: (v) => ({ min: Math.min(v, 0) === v ? v : 0, likely: v, max: Math.max(v, 0) }),
    },
  ],
  durationMax: [
    { schema: DurationSchema, with: (v) => ({ min: Math.min(v, 0), likely: Math.min(v, 0), max: v }) },
  ],
  requiredLevel: [{ schema: SkillRequirementSchema, with: (v) => ({ skillId: 's', level: v }) }],
  heldLevel: [
    { schema: RoleSkillLevelSchema, with: (v) => ({ skillId: 's', level: v }) },
    { schema: LearningPlanItemSchema, with: (v) => ({ ...planItem, fromLevel: v }) },
    { schema: LearningPlanItemSchema, with: (v) => ({ ...planItem, toLevel: v }) },
  ],
  coachingMinutesPerCase: [
    { schema: StepCoachingSchema, with: (v) => ({ kind: 'coaching', minutesPerCase: v }) },
  ],
  aiCostPerRun: [{ schema: StepSchema, with: (v) => ({ ...task, aiCostPerRun: v }) }],
  aiConcurrency: [{ schema: StepSchema, with: (v) => ({ ...task, aiConcurrency: v }) }],
  learningRate: [
    { schema: LearningCurveSchema, with: (v) => ({ learningRate: v, floorShare: 0.5, casesBefore: 1 }) },
  ],
  timeFloor: [
    { schema: LearningCurveSchema, with: (v) => ({ learningRate: 0.8, floorShare: v, casesBefore: 1 }) },
  ],
  casesBefore: [
    { schema: LearningCurveSchema, with: (v) => ({ learningRate: 0.8, floorShare: 0.5, casesBefore: v }) },
  ],
  weeklyReduction: [{ schema: FeedbackLoopSchema, with: (v) => ({ weeklyReduction: v, floorRate: 0 }) }],
  rejectionRateFloor: [{ schema: FeedbackLoopSchema, with: (v) => ({ weeklyReduction: 0.1, floorRate: v }) }],
  rejectionRate: [{ schema: StepSchema, with: (v) => ({ ...review, rejectionRate: v }) }],
  branchProbability: [
    { schema: EdgeSchema, with: (v) => ({ id: 'e', source: 'a', target: 'b', probability: v }) },
  ],
  learningHoursPerWeek: [{ schema: LearningPlanItemSchema, with: (v) => ({ ...planItem, hoursPerWeek: v }) }],
  startWeek: [{ schema: LearningPlanItemSchema, with: (v) => ({ ...planItem, startWeek: v }) }],
  feedbackMinutesPerRejection: [
    { schema: LearningAssumptionsSchema, with: (v) => ({ feedbackMinutesPerRejection: v }) },
  ],
  penaltyPerMissingLevel: [
    { schema: LearningAssumptionsSchema, with: (v) => ({ penaltyPerMissingLevel: v }) },
  ],
  hoursPerLevel: [
    { schema: LearningAssumptionsSchema, with: (v) => ({ hoursPerLevelByCategory: { c: v } }) },
    {
      schema: SkillSchema,
      with: (v) => ({ id: 's', name: 'S', categoryId: 'c', source: 'custom', hoursPerLevel: v }),
    },
  ],
  volumePerWeek: [
    {
      schema: WorkflowSchema,
      with: (v) => ({
        id: 'w',
        name: 'W',
        kind: 'as-is',
        volumePerWeek: v,
        steps: [],
        edges: [],
        createdAt: now,
        updatedAt: now,
      }),
    },
  ],
  headcount: [
    {
      schema: RoleSchema,
      with: (v) => ({ id: 'r', name: 'R', headcount: v, hoursPerWeek: 40, costPerHour: 1 }),
    },
  ],
  hoursPerWeek: [
    {
      schema: RoleSchema,
      with: (v) => ({ id: 'r', name: 'R', headcount: 1, hoursPerWeek: v, costPerHour: 1 }),
    },
  ],
  costPerHour: [
    {
      schema: RoleSchema,
      with: (v) => ({ id: 'r', name: 'R', headcount: 1, hoursPerWeek: 40, costPerHour: v }),
    },
  ],
};

function messages(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe.each(Object.keys(BOUNDS) as BoundKey[])('the bound of %s', (key) => {
  const b = BOUNDS[key];
  const tiny = 'smallestPositive' in b ? b.smallestPositive : undefined;
  const fields = FIELDS[key];
  const accepted = [b.min, b.max, ...(tiny === undefined ? [] : [tiny])];
  const above = b.integer ? b.max + 1 : b.max * (1 + 1e-9) + 1e-9;
  const refused = [
    above,
    b.min - 1,
    1e16,
    -1e16,
    1e308,
    -1e308,
    5e-324,
    ...(b.integer ? [b.min + 0.5] : []),
    ...(tiny === undefined ? [] : [tiny / 2]),
  ].filter((v) => boundProblem(key, v) !== null);

  it('has a sensible range', () => {
    expect(b.min).toBeLessThan(b.max);
    expect(Number.isFinite(b.max)).toBe(true);
    expect(b.max).toBeLessThanOrEqual(1e12);
  });

  it.each(accepted)('accepts %s in every field it governs', (v) => {
    expect(boundProblem(key, v)).toBeNull();
    for (const f of fields) expect(messages(f.schema, f.with(v))).toEqual([]);
  });

  it.each(refused)('refuses %s in every field it governs, with the bound message', (v) => {
    const message = boundProblem(key, v);
    expect(message).toMatch(/must/);
    expect(message).toContain(`(got ${formatGot(v)})`);
    for (const f of fields) {
      const got = messages(f.schema, f.with(v));
      expect(got.length).toBeGreaterThan(0);
      // The field's own label may differ (held levels), the rest of the sentence is the bound's.
      expect(got.some((m) => m.endsWith(message!.slice(b.label.length)))).toBe(true);
    }
  });

  it('refuses NaN, Infinity and non-numbers', () => {
    for (const v of [NaN, Infinity, -Infinity, '1', null]) {
      expect(boundProblem(key, v)).not.toBeNull();
      // null is a valid value of the nullable fields (no AI limit, no probability set).
      if (v === null) continue;
      for (const f of fields) expect(messages(f.schema, f.with(v as number)).length).toBeGreaterThan(0);
    }
  });
});

describe('bound messages', () => {
  it('say which bound, and what was given', () => {
    expect(boundMessage('headcount', 1e16)).toBe('Headcount must be at most 100,000 (got 1e16).');
    expect(boundMessage('headcount', 5e-324)).toBe('Headcount must be 0 or at least 0.01 (got 5e-324).');
    expect(boundMessage('headcount', -2)).toBe('Headcount must not be negative (got -2).');
    expect(boundMessage('durationLikely', 1e308)).toBe(
      'Most likely time must be at most 525,600 (got 1e308).',
    );
    expect(boundMessage('volumePerWeek', 2e9)).toBe('Case volume must be at most 1e9 (got 2e9).');
    expect(boundMessage('rejectionRate', 1.5)).toBe('Rejection rate must be between 0 and 1 (got 1.5).');
    expect(boundMessage('requiredLevel', 0)).toBe('Required proficiency must be between 1 and 5 (got 0).');
    expect(boundMessage('startWeek', 2.5)).toBe('Start week must be a whole number (got 2.5).');
    expect(boundMessage('costPerHour', Infinity)).toBe(
      'Cost per hour must be a finite number (got Infinity).',
    );
    expect(boundMessage('headcount', 12)).toBeNull();
  });

  it('flow through the schema with the owner in front', () => {
    const r = RoleSchema.safeParse({ id: 'r', name: 'R', headcount: 1e16, hoursPerWeek: 40, costPerHour: 1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['headcount must be at most 100,000 (got 1e16)']);
  });
});
