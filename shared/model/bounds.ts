/**
 * The domain bound of every number in the model: the range a person could mean, in one table. The zod
 * schemas (and so file import, IndexedDB rows and IPC), the editor's input fields and the command line all
 * check numbers against this table with the same function, so every boundary gives the same message, e.g.
 * "headcount must be at most 100,000 (got 1e16)".
 *
 * Why bounds at all: the analysis multiplies these numbers together (volume × visits × minutes × cost), and
 * without an upper bound a file can overflow a figure to Infinity or make the queueing formula run for
 * ever; without a smallest positive value (5e-324) products underflow to denormals and 0/0. Within these
 * bounds every figure of the analysis is a finite, normal double (test/unit/analysis/domain.test.ts).
 */

export interface NumberBound {
  /** What the number is, as it reads at the start of a sentence in lower case: "headcount". */
  label: string;
  min: number;
  max: number;
  /** Whole numbers only. */
  integer: boolean;
  /**
   * The smallest positive value accepted: values strictly between 0 and this are refused (0 itself stays
   * valid). Absent where min > 0 or the number is whole.
   */
  smallestPositive?: number;
  /** The unit, for input hints: "minutes", "per week". */
  unit?: string;
}

/** Minutes in a (non-leap) year: the longest a single step can take. */
export const MINUTES_PER_YEAR = 525_600;
/** The largest headcount of one role (and the largest AI concurrency). */
export const MAX_HEADCOUNT = 100_000;
/** The largest case volume per week, cost per hour and AI cost per run. */
export const MAX_VOLUME_PER_WEEK = 1e9;
export const MAX_COST = 1e9;
/** The longest learning plan, in weeks (ten years). */
export const PLAN_MAX_WEEK = 520;
/** Hours in a week. */
export const HOURS_PER_WEEK = 168;

const probability = (label: string): NumberBound => ({
  label,
  min: 0,
  max: 1,
  integer: false,
  smallestPositive: 1e-6,
});
const minutes = (label: string, max: number): NumberBound => ({
  label,
  min: 0,
  max,
  integer: false,
  smallestPositive: 0.001,
  unit: 'minutes',
});

export const BOUNDS = {
  positionCoordinate: { label: 'position', min: -10_000_000, max: 10_000_000, integer: false },
  durationMin: minutes('minimum time', MINUTES_PER_YEAR),
  durationLikely: minutes('most likely time', MINUTES_PER_YEAR),
  durationMax: minutes('maximum time', MINUTES_PER_YEAR),
  requiredLevel: { label: 'required proficiency', min: 1, max: 5, integer: true },
  heldLevel: { label: 'level', min: 0, max: 5, integer: true },
  coachingMinutesPerCase: minutes('coaching minutes per case', 600),
  aiCostPerRun: { label: 'AI cost per run', min: 0, max: MAX_COST, integer: false, smallestPositive: 1e-6 },
  aiConcurrency: { label: 'AI concurrency', min: 1, max: MAX_HEADCOUNT, integer: true },
  learningRate: { label: 'learning rate', min: 0.5, max: 1, integer: false },
  timeFloor: probability('time floor'),
  casesBefore: { label: 'cases already done', min: 1, max: 1e12, integer: false },
  weeklyReduction: probability('weekly reduction'),
  rejectionRateFloor: probability('rejection rate floor'),
  rejectionRate: probability('rejection rate'),
  branchProbability: probability('branch probability'),
  learningHoursPerWeek: {
    label: 'learning hours per week',
    min: 0,
    max: HOURS_PER_WEEK,
    integer: false,
    smallestPositive: 0.001,
    unit: 'hours',
  },
  startWeek: { label: 'start week', min: 0, max: PLAN_MAX_WEEK, integer: true },
  feedbackMinutesPerRejection: minutes('feedback minutes per rejection', 600),
  penaltyPerMissingLevel: probability('penalty per missing level'),
  hoursPerLevel: {
    label: 'learning hours per level',
    min: 0,
    max: 10_000,
    integer: false,
    smallestPositive: 0.001,
    unit: 'hours',
  },
  volumePerWeek: {
    label: 'case volume',
    min: 0,
    max: MAX_VOLUME_PER_WEEK,
    integer: false,
    smallestPositive: 1e-6,
    unit: 'cases per week',
  },
  headcount: { label: 'headcount', min: 0, max: MAX_HEADCOUNT, integer: false, smallestPositive: 0.01 },
  hoursPerWeek: {
    label: 'available hours per person per week',
    min: 0,
    max: HOURS_PER_WEEK,
    integer: false,
    smallestPositive: 0.01,
    unit: 'hours',
  },
  costPerHour: { label: 'cost per hour', min: 0, max: MAX_COST, integer: false, smallestPositive: 1e-6 },
} as const satisfies Record<string, NumberBound>;

export type BoundKey = keyof typeof BOUNDS;

/** A number as a message quotes it: short, exact for ordinary values, 1e16 and 5e-324 for extreme ones. */
export function formatGot(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e9 || abs < 1e-6)) return value.toExponential().replace('e+', 'e');
  const s = String(value);
  return s.length > 20 ? value.toPrecision(12) : s;
}

/** A bound's limit as a message writes it: 100,000 · 0.5 · 1e9 (large powers of ten as powers). */
export function formatLimit(value: number): string {
  if (Math.abs(value) >= 1e7 && Math.log10(Math.abs(value)) % 1 === 0)
    return `${value < 0 ? '-' : ''}1e${Math.log10(Math.abs(value))}`;
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return String(value);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * What is wrong with `value` as the number `key`, or null when it is within its bound. The label may be
 * overridden where one bound serves several fields (the held levels). Messages start in lower case, as the
 * importer puts the field's owner in front ("role 'Clerk': headcount must be at most 100,000 (got 1e16)").
 */
export function boundProblem(key: BoundKey, value: unknown, label?: string): string | null {
  const b: NumberBound = BOUNDS[key];
  const what = label ?? b.label;
  if (typeof value !== 'number') return `${what} must be a number`;
  // The common case first, without writing any message: every number of a large workflow passes here.
  const tiny = 'smallestPositive' in b ? b.smallestPositive : undefined;
  if (
    Number.isFinite(value) &&
    value >= b.min &&
    value <= b.max &&
    (!b.integer || Number.isInteger(value)) &&
    !(tiny !== undefined && value > 0 && value < tiny)
  )
    return null;
  const got = ` (got ${formatGot(value)})`;
  if (!Number.isFinite(value)) return `${what} must be a finite number${got}`;
  if (value < b.min || value > b.max) {
    if (b.min === 0 && b.max === 1) return `${what} must be between 0 and 1${got}`;
    if (value < b.min && b.min === 0) return `${what} must not be negative${got}`;
    if (value > b.max && b.min === 0) return `${what} must be at most ${formatLimit(b.max)}${got}`;
    return `${what} must be between ${formatLimit(b.min)} and ${formatLimit(b.max)}${got}`;
  }
  if (b.integer && !Number.isInteger(value)) return `${what} must be a whole number${got}`;
  if (tiny !== undefined && value > 0 && value < tiny)
    return `${what} must be 0 or at least ${formatLimit(tiny)}${got}`;
  return null;
}

/** The same check as a sentence for people: "Headcount must be at most 100,000 (got 1e16)." */
export function boundMessage(key: BoundKey, value: unknown, label?: string): string | null {
  const problem = boundProblem(key, value, label);
  return problem === null ? null : `${capitalize(problem)}.`;
}

/** The zod error callback of a bound: any failed check of the number reports the one bound message. */
export function boundError(key: BoundKey, label?: string): (issue: { input?: unknown }) => string {
  return (issue) => boundProblem(key, issue.input, label) ?? `${label ?? BOUNDS[key].label} is out of range`;
}

/** Whether `value` is within the bound of `key`. */
export function withinBound(key: BoundKey, value: number): boolean {
  return boundProblem(key, value) === null;
}
