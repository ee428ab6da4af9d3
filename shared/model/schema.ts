/**
 * The domain model of Coarchitect, declared once as zod schemas. The TypeScript types are inferred from
 * these schemas, the export format's JSON Schema is generated from them, and every boundary (file import,
 * IndexedDB rows, IPC) parses with them, so the model has exactly one definition.
 */
import { z } from 'zod';

export const STEP_TYPES = ['start', 'end', 'task', 'review', 'decision', 'parallel'] as const;
export type StepType = (typeof STEP_TYPES)[number];

export const TASK_MODES = ['human', 'ai-assisted', 'ai-automated'] as const;
export type TaskMode = (typeof TASK_MODES)[number];

export const WORKFLOW_KINDS = ['as-is', 'to-be'] as const;
export type WorkflowKind = (typeof WORKFLOW_KINDS)[number];

export const PROFICIENCY_MIN = 1;
export const PROFICIENCY_MAX = 5;

const id = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const text = z.string().max(20_000, 'must be at most 20,000 characters');
const nonNegative = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .finite(`${what} must be a finite number`)
    .min(0, `${what} must not be negative`);

export const PositionSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
});
export type Position = z.infer<typeof PositionSchema>;

/** Processing time as a three-point (PERT) estimate, in minutes. */
export const DurationSchema = z
  .object({
    min: nonNegative('minimum time'),
    likely: nonNegative('most likely time'),
    max: nonNegative('maximum time'),
  })
  .refine((d) => d.min <= d.likely && d.likely <= d.max, {
    message: 'times must satisfy minimum ≤ most likely ≤ maximum',
  });
export type Duration = z.infer<typeof DurationSchema>;

export const SkillRequirementSchema = z.object({
  skillId: id,
  level: z
    .number()
    .int('required proficiency must be a whole number')
    .min(PROFICIENCY_MIN, `required proficiency must be between ${PROFICIENCY_MIN} and ${PROFICIENCY_MAX}`)
    .max(PROFICIENCY_MAX, `required proficiency must be between ${PROFICIENCY_MIN} and ${PROFICIENCY_MAX}`),
});
export type SkillRequirement = z.infer<typeof SkillRequirementSchema>;

const stepBase = {
  id,
  name,
  description: text.default(''),
  notes: text.default(''),
  position: PositionSchema,
};

/** Fields of steps that people (or AI) work on. */
const workFields = {
  roleId: id.nullable().default(null),
  duration: DurationSchema,
  skills: z.array(SkillRequirementSchema).default([]),
};

export const StartStepSchema = z.object({ type: z.literal('start'), ...stepBase });
export const EndStepSchema = z.object({ type: z.literal('end'), ...stepBase });
export const DecisionStepSchema = z.object({ type: z.literal('decision'), ...stepBase });
/**
 * A parallel gateway: with several outgoing connections it splits (every branch runs), with several
 * incoming ones it joins (waits until every branch has arrived). Added in format version 2.
 */
export const ParallelStepSchema = z.object({ type: z.literal('parallel'), ...stepBase });

const share = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .min(0, `${what} must be between 0 and 1`)
    .max(1, `${what} must be between 0 and 1`);

/**
 * Time per case falls as people (with their AI tools) gain experience: each doubling of the cumulative
 * number of cases multiplies the time by `learningRate` (Wright's learning curve), never below
 * `floorShare` of the starting time.
 */
export const LearningCurveSchema = z.object({
  learningRate: z
    .number({ error: 'learning rate must be a number' })
    .min(0.5, 'learning rate must be between 0.5 and 1')
    .max(1, 'learning rate must be between 0.5 and 1'),
  floorShare: share('time floor'),
  /** Cases the team has already done before week 0: the experience the curve starts from. */
  casesBefore: z
    .number({ error: 'cases already done must be a number' })
    .min(1, 'cases already done must be at least 1')
    .finite(),
});
export type LearningCurve = z.infer<typeof LearningCurveSchema>;

/**
 * A review that feeds what it finds back into prompts and policies: its rejection rate falls week by week,
 * closing `weeklyReduction` of the gap to `floorRate` each week.
 */
export const FeedbackLoopSchema = z.object({
  weeklyReduction: share('weekly reduction'),
  floorRate: share('rejection rate floor'),
});
export type FeedbackLoop = z.infer<typeof FeedbackLoopSchema>;

export const TaskStepSchema = z.object({
  type: z.literal('task'),
  ...stepBase,
  ...workFields,
  mode: z.enum(TASK_MODES),
  /** The AI tool used, where the mode involves AI (free text). */
  aiTool: z.string().max(200, 'AI tool must be at most 200 characters').default(''),
  /** What one AI run of this step costs (same currency as the roles' cost per hour). Format version 2. */
  aiCostPerRun: nonNegative('AI cost per run').default(0),
  /** How many cases the AI can work on at once; null for no limit. Format version 2. */
  aiConcurrency: z
    .number({ error: 'AI concurrency must be a number' })
    .int('AI concurrency must be a whole number')
    .min(1, 'AI concurrency must be at least 1')
    .nullable()
    .default(null),
  /** Format version 2. */
  learningCurve: LearningCurveSchema.nullable().default(null),
});

export const ReviewStepSchema = z.object({
  type: z.literal('review'),
  ...stepBase,
  ...workFields,
  /** Share of reviewed work that is sent back for rework. */
  rejectionRate: z
    .number({ error: 'rejection rate must be a number' })
    .min(0, 'rejection rate must be between 0 and 1')
    .max(1, 'rejection rate must be between 0 and 1'),
  /** The earlier step that rejected work goes back to. */
  reworkTargetId: id.nullable().default(null),
  /** Format version 2. */
  feedbackLoop: FeedbackLoopSchema.nullable().default(null),
});

export const StepSchema = z.discriminatedUnion('type', [
  StartStepSchema,
  EndStepSchema,
  TaskStepSchema,
  ReviewStepSchema,
  DecisionStepSchema,
  ParallelStepSchema,
]);
export type Step = z.infer<typeof StepSchema>;
export type StartStep = z.infer<typeof StartStepSchema>;
export type EndStep = z.infer<typeof EndStepSchema>;
export type TaskStep = z.infer<typeof TaskStepSchema>;
export type ReviewStep = z.infer<typeof ReviewStepSchema>;
export type DecisionStep = z.infer<typeof DecisionStepSchema>;
export type ParallelStep = z.infer<typeof ParallelStepSchema>;
export type WorkStep = TaskStep | ReviewStep;

export const EdgeSchema = z.object({
  id,
  source: id,
  target: id,
  label: z.string().max(200, 'label must be at most 200 characters').default(''),
  /** Branch probability; only meaningful on edges that leave a decision. */
  probability: z
    .number({ error: 'branch probability must be a number' })
    .min(0, 'branch probability must be between 0 and 1')
    .max(1, 'branch probability must be between 0 and 1')
    .nullable()
    .default(null),
});
export type Edge = z.infer<typeof EdgeSchema>;

const isoDate = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

export const WorkflowSchema = z.object({
  id,
  name,
  description: text.default(''),
  kind: z.enum(WORKFLOW_KINDS),
  /** For a to-be workflow: the as-is workflow it redesigns. */
  redesignOfId: id.nullable().default(null),
  volumePerWeek: nonNegative('case volume'),
  steps: z.array(StepSchema),
  edges: z.array(EdgeSchema),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Workflow = z.infer<typeof WorkflowSchema>;

export const RoleSchema = z.object({
  id,
  name,
  headcount: nonNegative('headcount'),
  hoursPerWeek: nonNegative('available hours per person per week').max(
    168,
    'available hours per person per week must be at most 168',
  ),
  costPerHour: nonNegative('cost per hour'),
});
export type Role = z.infer<typeof RoleSchema>;

export const SKILL_SOURCES = ['onet', 'digcomp', 'coarchitect', 'custom'] as const;
export type SkillSource = (typeof SKILL_SOURCES)[number];

export const SkillCategorySchema = z.object({
  id,
  name,
  parentId: id.nullable(),
  source: z.enum(SKILL_SOURCES),
  /** The identifier the source itself publishes, only where we can vouch for it (e.g. O*NET `2.A.1`). */
  externalId: z.string().max(100).nullable().default(null),
});
export type SkillCategory = z.infer<typeof SkillCategorySchema>;

export const SkillSchema = z.object({
  id,
  name,
  description: text.default(''),
  categoryId: id,
  source: z.enum(SKILL_SOURCES),
  externalId: z.string().max(100).nullable().default(null),
  /** A retired skill is no longer offered, but stays readable on workflows that use it. */
  retired: z.boolean().default(false),
});
export type Skill = z.infer<typeof SkillSchema>;

/** Everything a user owns: workflows, roles and their own skills (the built-in ontology ships with the app). */
export interface Workspace {
  workflows: Workflow[];
  roles: Role[];
  customSkills: Skill[];
}

/** A step as written by hand (examples, tests): fields with defaults may be left out. */
export type StepInput = z.input<typeof StepSchema>;

/** Fills in the defaults of hand-written steps. */
export function completeSteps(steps: readonly StepInput[]): Step[] {
  return steps.map((s) => StepSchema.parse(s));
}
