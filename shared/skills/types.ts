/**
 * The CHRO lens, computation half: result types and function signatures of `shared/skills/`.
 *
 * The lens answers, per role and skill of a to-be workflow (and its as-is): what the work asks (demand),
 * how far the team is from it (gap), what closing it costs (reskilling hours), how much of that learning
 * happens inside the work (feedback, coaching, pairing, retros, plan items) and when the gap closes (weeks
 * to close). Every figure carries its "why" text, as the analysis does, in a `why` record keyed by the
 * figure's field name. Every number is finite for any valid input.
 *
 * Where each function lives (all re-exported from `shared/skills/index.ts`):
 * - computeSkillDemand: demand.ts        - computeSkillGaps: gap.ts
 * - hoursPerLevelFor, DEFAULT_HOURS_PER_LEVEL: hoursPerLevel.ts
 * - computeLearningSources: learningSources.ts     - weeksToClose / planStatus: weeksToClose.ts
 * - computeSkillsLens (demand + gap + plan in one call, what the view uses): lens.ts
 * - validateSkills (problems for the problems list): validate.ts
 * - skillPenalty (what the learning projection applies): penalty.ts
 */
import type { LearningMethod, LevelSource, Role, Skill, Workflow } from '../model/schema';
import type { Problem } from '../model/validate';

/** Which side of the redesign a figure belongs to. */
export type Side = 'as-is' | 'to-be';

/** A skill as the lens shows it; a skill id the workspace does not know is kept, never dropped. */
export interface SkillInfo {
  id: string;
  /** The skill's name, or `Unknown skill (<raw id>)`. */
  name: string;
  /** Category id; null for an unknown skill. */
  categoryId: string | null;
  /** False when the id is in no ontology (e.g. from an imported file): shown as "unknown skill". */
  known: boolean;
  retired: boolean;
}

/** The inputs every lens function shares. */
export interface SkillsInput {
  /** The to-be workflow (or any workflow viewed on its own). */
  toBe: Workflow;
  /** The as-is it redesigns; null when there is none (then nothing is "new" or "raised"). */
  asIs: Workflow | null;
  roles: readonly Role[];
  /** Built-in plus custom skills by id (`skillIndex(customSkills)` from shared/ontology). */
  skills: ReadonlyMap<string, Skill>;
  /**
   * 'all' (default) writes every "why" text; 'none' leaves them empty, for callers that need only the
   * numbers (the learning projection) or recalculate very large workspaces live, as the analysis's explain.
   */
  explain?: 'all' | 'none';
}

// ---------------------------------------------------------------------------------------------------
// Demand
// ---------------------------------------------------------------------------------------------------

/** One step's contribution to a role × skill demand. */
export interface StepDemand {
  stepId: string;
  stepName: string;
  /** The level this step requires. */
  level: number;
  /** Expected visits per case, from the analysis engine (rework included, e.g. 1.25). */
  visits: number;
  /** PERT mean minutes per visit. */
  meanMinutes: number;
  /** volume × visits × mean / 60; 0 for AI-automated steps (no person time). */
  hoursPerWeek: number;
}

/** What one workflow asks of a role in one skill. */
export interface SideDemand {
  /** Max over the role's steps needing the skill; 0 when no step needs it. */
  requiredLevel: number;
  /** Σ volume × visits × mean / 60 over those steps, person-hours per week. */
  exerciseHoursPerWeek: number;
  steps: StepDemand[];
}

/**
 * - new: the to-be asks for the skill, the as-is did not (for this role);
 * - raised / lowered / unchanged: both ask, the to-be at a higher / lower / the same level;
 * - no-longer-exercised: the as-is asked for it, the to-be does not (deskilling risk);
 * - to-be-only: there is no as-is to compare with.
 */
export type DemandFlag = 'new' | 'raised' | 'lowered' | 'unchanged' | 'no-longer-exercised' | 'to-be-only';

export interface DemandRow {
  /** null: steps that no role performs (e.g. AI-automated steps without an owner). */
  roleId: string | null;
  roleName: string;
  skill: SkillInfo;
  /** null when there is no as-is. */
  asIs: SideDemand | null;
  toBe: SideDemand;
  flag: DemandFlag;
  /** True for no-longer-exercised: people stop practising a skill they have. */
  deskillingRisk: boolean;
  why: {
    asIsLevel: string;
    toBeLevel: string;
    asIsHours: string;
    toBeHours: string;
    flag: string;
  };
}

export interface SkillDemand {
  ok: true;
  /** Sorted by role (workspace order, no-role last), then skill name. */
  rows: DemandRow[];
  /** The engine's expected visits per case of a to-be step (reused by the plan); 0 for an unknown id. */
  toBeVisitsOf: (stepId: string) => number;
  warnings: string[];
}

export interface SkillsFailure {
  ok: false;
  /** Which workflow could not be analysed and why (the analysis engine's message). */
  side: Side;
  message: string;
}

export type SkillDemandResult = SkillDemand | SkillsFailure;

/** Demand per role × skill, as-is and to-be (demand.ts). */
export type ComputeSkillDemand = (input: SkillsInput) => SkillDemandResult;

// ---------------------------------------------------------------------------------------------------
// Hours per level
// ---------------------------------------------------------------------------------------------------

/** Where a skill's hours per level came from. */
export type HoursPerLevelSource = 'skill' | 'workflow-assumption' | 'default-table' | 'fallback';

export interface HoursPerLevel {
  hours: number;
  source: HoursPerLevelSource;
  /** The category whose entry was used (own category or an ancestor); null for 'skill' and 'fallback'. */
  categoryId: string | null;
  why: string;
}

/** (skill, the workflow's learningAssumptions.hoursPerLevelByCategory) → hours per level (hoursPerLevel.ts). */
export type HoursPerLevelFor = (
  skill: SkillInfo & { hoursPerLevel: number | null },
  byCategory: Readonly<Record<string, number>>,
) => HoursPerLevel;

// ---------------------------------------------------------------------------------------------------
// Gap
// ---------------------------------------------------------------------------------------------------

export interface PersonGap {
  personId: string;
  displayName: string;
  /** The person's level; the team level when the person has none recorded for the skill. */
  current: number;
  /** True when the level is the person's own, false when it fell back to the team level. */
  ownLevel: boolean;
  /** max(0, required − current). */
  gapLevels: number;
  reskillingHours: number;
}

export interface GapRow {
  roleId: string;
  roleName: string;
  skill: SkillInfo;
  /** The to-be's required level (DemandRow.toBe.requiredLevel). */
  required: number;
  /** The team's current level; 0 when none is recorded (see levelRecorded). */
  current: number;
  levelRecorded: boolean;
  source: LevelSource | null;
  asOf: string | null;
  headcount: number;
  /** 'people' when the role lists people (gap per person), else 'team' (team gap × headcount). */
  basis: 'people' | 'team';
  /** max(0, required − current) for the team level. */
  gapLevels: number;
  /** Level-steps to learn across the role: Σ person gaps, or gapLevels × headcount. */
  totalGapLevels: number;
  hoursPerLevel: HoursPerLevel;
  /** totalGapLevels × hoursPerLevel.hours, person-hours. */
  reskillingHours: number;
  /** Empty for basis 'team'. */
  people: PersonGap[];
  why: { current: string; gapLevels: string; totalGapLevels: string; reskillingHours: string };
}

export interface SkillGaps {
  ok: true;
  /** Every role × skill the to-be asks for (gap 0 included), in demand order. */
  rows: GapRow[];
  totalReskillingHours: number;
  warnings: string[];
}

/** Gap per role × skill of the to-be (gap.ts). Needs the demand first. */
export type ComputeSkillGaps = (input: SkillsInput, demand: SkillDemand) => SkillGaps;

// ---------------------------------------------------------------------------------------------------
// Learning in the flow and the plan
// ---------------------------------------------------------------------------------------------------

export type LearningSourceKind = LearningMethod | 'review-feedback' | 'step-coaching';

/** Learning hours per week one source gives one role × skill (team total, person-hours). */
export interface LearningSource {
  kind: LearningSourceKind;
  roleId: string;
  skillId: string;
  /** Team learning hours per week credited to this role × skill. */
  hoursPerWeek: number;
  /** The week the source starts (plan items' startWeek; flow sources 0). */
  startWeek: number;
  /** The plan item, if the source is one. */
  planItemId: string | null;
  /** The review or coached step, if any. */
  stepId: string | null;
  why: string;
}

/** Capacity the learning takes from a role each week (coaches and learners alike). */
export interface LearningLoad {
  roleId: string;
  /** Hours per week spent coaching, pairing, in retros, courses and self-study (not feedback: that is
   * part of the review's own work). */
  hoursPerWeek: number;
  why: string;
}

/** One piece of learning time a role spends, as the projection applies it week by week. */
export interface LearningLoadPart {
  roleId: string;
  hoursPerWeek: number;
  /** From this week on. */
  startWeek: number;
  /** Plan-item time stops once this gap (a levelKey) is closed; null: for as long as the flow runs
   * (coaching and pairing flags on steps are part of each case). */
  closesWith: string | null;
  why: string;
}

export interface LearningSources {
  sources: LearningSource[];
  /** Per role, the learning time that enters its load once every plan item has started. */
  load: LearningLoad[];
  /** The same time piece by piece, for the projection. */
  loadParts: LearningLoadPart[];
  warnings: string[];
}

/** Feedback, coaching, pairing and plan items of the to-be → learning sources (learningSources.ts). */
export type ComputeLearningSources = (
  input: SkillsInput,
  demand: SkillDemand,
  gaps: SkillGaps,
) => LearningSources;

/**
 * - no-gap: nothing to learn;
 * - planned: weeksToClose is a number;
 * - no-plan: a gap with no learning source (weeksToClose is null, the UI says "no plan");
 * - free: the gap costs 0 hours (hours per level 0), so it closes at once.
 */
export type PlanState = 'no-gap' | 'planned' | 'no-plan' | 'free';

export interface PlanStatus {
  state: PlanState;
  /** Team learning hours per week once every source has started. */
  weeklyLearningHours: number;
  /** Hours still to learn (the row's reskilling hours). */
  remainingHours: number;
  /** Weeks from week 0 until the learned hours reach remainingHours (sources start at their startWeek);
   * null unless state is 'planned' (0 for 'free' and 'no-gap'). */
  weeksToClose: number | null;
  why: string;
}

/** (the gap, the sources crediting it) → when the gap closes (weeksToClose.ts). */
export type PlanStatusFor = (gap: GapRow, sources: readonly LearningSource[]) => PlanStatus;

// ---------------------------------------------------------------------------------------------------
// The whole lens
// ---------------------------------------------------------------------------------------------------

/** One row of the "Skills & learning" table: demand, gap and plan of a role × skill. */
export interface LensRow {
  key: string;
  roleId: string | null;
  roleName: string;
  skill: SkillInfo;
  demand: DemandRow;
  /** null for the no-role rows and for skills only the as-is asks for. */
  gap: GapRow | null;
  sources: LearningSource[];
  /** null where gap is null. */
  plan: PlanStatus | null;
}

export interface SkillsLens {
  ok: true;
  rows: LensRow[];
  learningLoad: LearningLoad[];
  /** learningLoad piece by piece, for the projection. */
  loadParts: LearningLoadPart[];
  totalReskillingHours: number;
  /** The assumptions used, for the "assumptions" panel. */
  assumptions: {
    feedbackMinutesPerRejection: number;
    penaltyPerMissingLevel: number;
    /** The default hours-per-level table with the workflow's overrides applied, by category id. */
    hoursPerLevelByCategory: Record<string, number>;
    why: string;
  };
  warnings: string[];
}

export type SkillsLensResult = SkillsLens | SkillsFailure;

/** Demand + gap + learning sources + plan status in one call (lens.ts). */
export type ComputeSkillsLens = (input: SkillsInput) => SkillsLensResult;

// ---------------------------------------------------------------------------------------------------
// Penalty (used by shared/analysis/learning.ts)
// ---------------------------------------------------------------------------------------------------

/** A step's extra time and (for the review after it) extra rejection from missing levels, in one week. */
export interface StepPenalty {
  stepId: string;
  /** Σ over the step's required skills of max(0, required − the role's level that week). */
  missingLevels: number;
  /** 1 + penaltyPerMissingLevel × missingLevels. */
  factor: number;
}

/** Problems of the skills data, in the existing problems mechanism (validate.ts). */
export type ValidateSkills = (
  workflow: Workflow,
  roles: readonly Role[],
  skills: ReadonlyMap<string, Skill>,
) => Problem[];

/**
 * What the learning projection (shared/analysis/learning.ts, `projectLearning`) adds to each WeekPoint
 * when the to-be has skill levels, a plan or coaching: `WeekPoint extends SkillWeekFigures`.
 */
export interface SkillWeekFigures {
  /** Time factor from missing levels by work step id (1 = no penalty); steps without a penalty left out. */
  penaltyFactor: Record<string, number>;
  /** Learning hours per week by role id that enter the role's load (coaching, pairing, retros, courses). */
  learningHoursPerWeek: Record<string, number>;
  /** The team's level that week by `${roleId}|${skillId}`, for every gap the plan works on. */
  levels: Record<string, number>;
}

/** Key of SkillWeekFigures.levels. */
export function levelKey(roleId: string, skillId: string): string {
  return `${roleId}|${skillId}`;
}
