/**
 * The domain model of Coarchitect, declared once as zod schemas. The TypeScript types are inferred from
 * these schemas, the export format's JSON Schema is generated from them, and every boundary (file import,
 * IndexedDB rows, IPC) parses with them, so the model has exactly one definition.
 */
import { z } from 'zod';
import { BOUNDS, boundError, type BoundKey } from './bounds';
import { StorySchema } from '../story/schema';

export { PLAN_MAX_WEEK } from './bounds';

export const STEP_TYPES = ['start', 'end', 'task', 'review', 'decision', 'parallel'] as const;
export type StepType = (typeof STEP_TYPES)[number];

export const TASK_MODES = ['human', 'ai-assisted', 'ai-automated'] as const;
export type TaskMode = (typeof TASK_MODES)[number];

export const WORKFLOW_KINDS = ['as-is', 'to-be'] as const;
export type WorkflowKind = (typeof WORKFLOW_KINDS)[number];

export const PROFICIENCY_MIN = 1;
export const PROFICIENCY_MAX = 5;
/** A current (held) level may also be 0: the skill is not there at all. */
export const SKILL_LEVEL_MIN = 0;

const id = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const text = z.string().max(20_000, 'must be at most 20,000 characters');
/**
 * A number within its domain bound (see bounds.ts): every failed check gives the bound's one message, and
 * the generated JSON Schema carries the minimum and maximum.
 */
function bounded(key: BoundKey, label?: string) {
  const b = BOUNDS[key];
  const error = boundError(key, label);
  let schema = z.number({ error }).min(b.min, { error }).max(b.max, { error });
  if (b.integer) schema = schema.int({ error });
  const tiny = 'smallestPositive' in b ? b.smallestPositive : undefined;
  return tiny === undefined ? schema : schema.refine((v) => !(v > 0 && v < tiny), { error });
}

export const PositionSchema = z.object({
  x: bounded('positionCoordinate'),
  y: bounded('positionCoordinate'),
});
export type Position = z.infer<typeof PositionSchema>;

/** Processing time as a three-point (PERT) estimate, in minutes. */
export const DurationSchema = z
  .object({
    min: bounded('durationMin'),
    likely: bounded('durationLikely'),
    max: bounded('durationMax'),
  })
  .refine((d) => d.min <= d.likely && d.likely <= d.max, {
    message: 'times must satisfy minimum ≤ most likely ≤ maximum',
  });
export type Duration = z.infer<typeof DurationSchema>;

export const SkillRequirementSchema = z.object({
  skillId: id,
  level: bounded('requiredLevel'),
});
export type SkillRequirement = z.infer<typeof SkillRequirementSchema>;

const stepBase = {
  id,
  name,
  description: text.default(''),
  notes: text.default(''),
  position: PositionSchema,
};

/** A whole-number held skill level, 0 (none) to 5. */
const heldLevel = (what: string) => bounded('heldLevel', what);

export const COACHING_KINDS = ['coaching', 'pairing'] as const;
export type CoachingKind = (typeof COACHING_KINDS)[number];

/**
 * Learning built into a step (format version 3): each case worked here costs `minutesPerCase` extra of both
 * the coach's role and the step's own (learner's) role, and counts as learning time for the learner.
 */
export const StepCoachingSchema = z.object({
  kind: z.enum(COACHING_KINDS),
  /** The role whose people coach or pair; null until chosen (reported as a problem). */
  coachRoleId: id.nullable().default(null),
  minutesPerCase: bounded('coachingMinutesPerCase'),
});
export type StepCoaching = z.infer<typeof StepCoachingSchema>;

/** Who receives a step's output: the team itself or the customer (format version 5). */
export const AUDIENCES = ['internal', 'customer'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** What kind of data a step handles (format version 5); special-category is GDPR Art. 9 data. */
export const DATA_CLASSES = ['none', 'personal', 'special-category'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

/** The governance attributes (format version 5) at their defaults, for steps built in code. */
export function defaultGovernance(): { audience: Audience; data: DataClass; owner: string } {
  return { audience: 'internal', data: 'none', owner: '' };
}

/** Fields of steps that people (or AI) work on. */
const workFields = {
  roleId: id.nullable().default(null),
  duration: DurationSchema,
  skills: z.array(SkillRequirementSchema).default([]),
  /** Format version 3. */
  coaching: StepCoachingSchema.nullable().default(null),
  /** Format version 5: who receives the step's output. */
  audience: z.enum(AUDIENCES).default('internal'),
  /** Format version 5: the data the step handles. */
  data: z.enum(DATA_CLASSES).default('none'),
  /**
   * Format version 5, personal data: the accountable person (a name, free text); '' for nobody named.
   * Redacted exports remove it (see PERSONAL_DATA_FIELDS).
   */
  owner: z.string().max(200, 'owner must be at most 200 characters').default('').meta({ personal: true }),
};

export const EXPOSURE_LABELS = ['E0', 'E1', 'E2'] as const;
export type ExposureLabel = (typeof EXPOSURE_LABELS)[number];
export const SUGGESTION_STATES = ['pending', 'accepted', 'dismissed'] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

/**
 * A task linked to an O*NET task statement (format version 3), with the "GPTs are GPTs" exposure labels
 * (Eloundou et al. 2023) copied at link time so the file stands on its own, and what the user did with the
 * suggested mode. Exposure is information, never advice: nothing changes until the user accepts.
 */
export const OnetTaskLinkSchema = z.object({
  /** O*NET Task ID. */
  taskId: z.string().min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
  /** O*NET-SOC code of the occupation, e.g. 43-4051.00. */
  socCode: z.string().max(20, 'must be at most 20 characters'),
  occupation: z.string().max(300, 'must be at most 300 characters').default(''),
  statement: z.string().max(2_000, 'must be at most 2,000 characters'),
  /** The O*NET release the ids belong to (ids were renamed in 30.3). */
  release: z.string().max(40, 'must be at most 40 characters').default(''),
  humanLabel: z.enum(EXPOSURE_LABELS).nullable(),
  gptLabel: z.enum(EXPOSURE_LABELS).nullable(),
  suggestion: z.enum(SUGGESTION_STATES).default('pending'),
  /** When the suggestion was accepted or dismissed. */
  decidedAt: z.iso
    .datetime({ offset: true, error: 'must be an ISO 8601 date-time' })
    .nullable()
    .default(null),
});
export type OnetTaskLink = z.infer<typeof OnetTaskLinkSchema>;

export const StartStepSchema = z.object({ type: z.literal('start'), ...stepBase });
export const EndStepSchema = z.object({ type: z.literal('end'), ...stepBase });
export const DecisionStepSchema = z.object({ type: z.literal('decision'), ...stepBase });
/**
 * A parallel gateway: with several outgoing connections it splits (every branch runs), with several
 * incoming ones it joins (waits until every branch has arrived). Added in format version 2.
 */
export const ParallelStepSchema = z.object({ type: z.literal('parallel'), ...stepBase });

/**
 * Time per case falls as people (with their AI tools) gain experience: each doubling of the cumulative
 * number of cases multiplies the time by `learningRate` (Wright's learning curve), never below
 * `floorShare` of the starting time.
 */
export const LearningCurveSchema = z.object({
  learningRate: bounded('learningRate'),
  floorShare: bounded('timeFloor'),
  /** Cases the team has already done before week 0: the experience the curve starts from. */
  casesBefore: bounded('casesBefore'),
});
export type LearningCurve = z.infer<typeof LearningCurveSchema>;

/**
 * A review that feeds what it finds back into prompts and policies: its rejection rate falls week by week,
 * closing `weeklyReduction` of the gap to `floorRate` each week.
 */
export const FeedbackLoopSchema = z.object({
  weeklyReduction: bounded('weeklyReduction'),
  floorRate: bounded('rejectionRateFloor'),
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
  aiCostPerRun: bounded('aiCostPerRun').default(0),
  /** How many cases the AI can work on at once; null for no limit. Format version 2. */
  aiConcurrency: bounded('aiConcurrency').nullable().default(null),
  /** Format version 2. */
  learningCurve: LearningCurveSchema.nullable().default(null),
  /** Format version 3. */
  onetTask: OnetTaskLinkSchema.nullable().default(null),
});

export const ReviewStepSchema = z.object({
  type: z.literal('review'),
  ...stepBase,
  ...workFields,
  /** Share of reviewed work that is sent back for rework. */
  rejectionRate: bounded('rejectionRate'),
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
  probability: bounded('branchProbability').nullable().default(null),
});
export type Edge = z.infer<typeof EdgeSchema>;

const isoDate = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

export const LEARNING_METHODS = [
  'feedback-loop',
  'coaching',
  'pairing',
  'course',
  'self-study',
  'weekly-retro',
] as const;
export type LearningMethod = (typeof LEARNING_METHODS)[number];
/** Methods whose learning hours come from a step of the flow (a review's feedback, a step's coaching). */
export const FLOW_LEARNING_METHODS: readonly LearningMethod[] = ['feedback-loop', 'coaching', 'pairing'];

/**
 * One item of a to-be's learning plan (format version 3): raise `roleId`'s level in `skillId` from
 * `fromLevel` to `toLevel`, starting in week `startWeek`. For course, self-study and weekly-retro the
 * learning time is `hoursPerWeek` per person, taken from the role's capacity; for feedback-loop, coaching
 * and pairing it comes from `linkedStepId` (a review's feedback, a step's coaching) and `hoursPerWeek` adds
 * to it (usually 0).
 */
export const LearningPlanItemSchema = z.object({
  id,
  skillId: id,
  roleId: id,
  fromLevel: heldLevel('starting level'),
  toLevel: heldLevel('target level'),
  method: z.enum(LEARNING_METHODS),
  hoursPerWeek: bounded('learningHoursPerWeek'),
  startWeek: bounded('startWeek'),
  linkedStepId: id.nullable().default(null),
  notes: text.default(''),
});
export type LearningPlanItem = z.infer<typeof LearningPlanItemSchema>;

/** Defaults of the learning assumptions; shown as assumptions and editable per workflow. */
export const DEFAULT_FEEDBACK_MINUTES_PER_REJECTION = 3;
export const DEFAULT_PENALTY_PER_MISSING_LEVEL = 0.15;

/**
 * The editable assumptions of the skills and learning computation (format version 3), kept with the
 * workflow so a file's figures are reproducible.
 */
export const LearningAssumptionsSchema = z.object({
  /** Minutes of learning each rejection gives the role whose work was reviewed. */
  feedbackMinutesPerRejection: bounded('feedbackMinutesPerRejection').default(
    DEFAULT_FEEDBACK_MINUTES_PER_REJECTION,
  ),
  /** Extra time (and extra rejection) per level a role is below a step's required level; 0 turns it off. */
  penaltyPerMissingLevel: bounded('penaltyPerMissingLevel').default(DEFAULT_PENALTY_PER_MISSING_LEVEL),
  /** Learning hours per level by skill category id; categories not listed use the built-in default table. */
  hoursPerLevelByCategory: z.record(id, bounded('hoursPerLevel')).default({}),
});
export type LearningAssumptions = z.infer<typeof LearningAssumptionsSchema>;
/** A fresh copy of the default assumptions (a new object each time, so no two workflows share one). */
export function defaultLearningAssumptions(): LearningAssumptions {
  return {
    feedbackMinutesPerRejection: DEFAULT_FEEDBACK_MINUTES_PER_REJECTION,
    penaltyPerMissingLevel: DEFAULT_PENALTY_PER_MISSING_LEVEL,
    hoursPerLevelByCategory: {},
  };
}

export const WorkflowSchema = z.object({
  id,
  name,
  description: text.default(''),
  kind: z.enum(WORKFLOW_KINDS),
  /** For a to-be workflow: the as-is workflow it redesigns. */
  redesignOfId: id.nullable().default(null),
  volumePerWeek: bounded('volumePerWeek'),
  steps: z.array(StepSchema),
  edges: z.array(EdgeSchema),
  /** Format version 3: how the to-be's skill gaps are to be closed (empty for an as-is). */
  learningPlan: z.array(LearningPlanItemSchema).default([]),
  /** Format version 3. */
  learningAssumptions: LearningAssumptionsSchema.default(defaultLearningAssumptions),
  /** Format version 4: the presentation of the redesign (slides shown, order, notes); null until edited. */
  story: StorySchema.nullable().default(null),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Workflow = z.infer<typeof WorkflowSchema>;

export const LEVEL_SOURCES = ['assessed', 'self-assessed', 'estimate'] as const;
export type LevelSource = (typeof LEVEL_SOURCES)[number];

/** A team's current level in one skill (format version 3). */
export const RoleSkillLevelSchema = z.object({
  skillId: id,
  level: heldLevel('current level'),
  source: z.enum(LEVEL_SOURCES).default('estimate'),
  /** When the level was assessed or estimated (a calendar date, YYYY-MM-DD). */
  asOf: z.iso.date({ error: 'must be a date (YYYY-MM-DD)' }).nullable().default(null),
});
export type RoleSkillLevel = z.infer<typeof RoleSkillLevelSchema>;

/**
 * A person in a role with their own levels (format version 3). PERSONAL DATA: exports for people outside
 * HR leave people out (see PERSONAL_DATA_FIELDS).
 */
export const PersonSchema = z.object({
  id,
  displayName: name,
  levels: z.array(z.object({ skillId: id, level: heldLevel('personal level') })).default([]),
});
export type Person = z.infer<typeof PersonSchema>;

/**
 * Where the model holds personal data, for redacted exports: `Role.people` (names and per-person levels) and
 * `Step.owner` (the accountable person's name).
 */
export const PERSONAL_DATA_FIELDS = ['Role.people', 'Step.owner'] as const;

export const RoleSchema = z.object({
  id,
  name,
  headcount: bounded('headcount'),
  hoursPerWeek: bounded('hoursPerWeek'),
  costPerHour: bounded('costPerHour'),
  /** Format version 3: the team's current level per skill. */
  skillLevels: z.array(RoleSkillLevelSchema).default([]),
  /** Format version 3, personal data: named people with their own levels. */
  people: z.array(PersonSchema).default([]).meta({ personal: true }),
  /**
   * Set by a redacted export (shared/format/redact.ts): the cost per hour was removed and `costPerHour` is 0
   * only to keep the file valid, so costs read "redacted", never 0. Optional, so older readers ignore it.
   */
  costRedacted: z.literal(true).optional(),
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

export const EXTERNAL_SKILL_SOURCES = ['onet', 'esco', 'digcomp'] as const;
export type ExternalSkillSource = (typeof EXTERNAL_SKILL_SOURCES)[number];

/** A skill's identifier in a public taxonomy, with the release it belongs to (O*NET renamed ids in 30.3). */
export const ExternalSkillRefSchema = z.object({
  source: z.enum(EXTERNAL_SKILL_SOURCES),
  id: z.string().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  release: z.string().max(40, 'must be at most 40 characters').default(''),
});
export type ExternalSkillRef = z.infer<typeof ExternalSkillRefSchema>;

export const SkillSchema = z.object({
  id,
  name,
  description: text.default(''),
  categoryId: id,
  source: z.enum(SKILL_SOURCES),
  externalId: z.string().max(100).nullable().default(null),
  /** A retired skill is no longer offered, but stays readable on workflows that use it. */
  retired: z.boolean().default(false),
  /** Format version 3: identifiers in public taxonomies, for merging ontologies across teams. */
  externalRefs: z.array(ExternalSkillRefSchema).default([]),
  /** Format version 3: learning hours per level, overriding the category default; null for the default. */
  hoursPerLevel: bounded('hoursPerLevel').nullable().default(null),
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

/** A role as written by hand (examples, tests): fields with defaults may be left out. */
export type RoleInput = z.input<typeof RoleSchema>;

/** Fills in the defaults of hand-written roles. */
export function completeRoles(roles: readonly RoleInput[]): Role[] {
  return roles.map((r) => RoleSchema.parse(r));
}

/**
 * The version-3 and -4 fields of a workflow without a learning plan (and without an edited story), for
 * workflows written by hand.
 */
export function noLearningPlan(): Pick<Workflow, 'learningPlan' | 'learningAssumptions' | 'story'> {
  return { learningPlan: [], learningAssumptions: defaultLearningAssumptions(), story: null };
}

/** Fills in the defaults of hand-written steps. */
export function completeSteps(steps: readonly StepInput[]): Step[] {
  return steps.map((s) => StepSchema.parse(s));
}
