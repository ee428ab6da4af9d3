/**
 * Skill demand per role × skill, as-is and to-be, derived from the flow's own load: a role needs a skill at
 * the highest level any of its steps requires, and exercises it for as many hours a week as those steps
 * take (volume × visits × mean time, with the analysis engine's visits, so a step inside a rework loop
 * counts its rework).
 */
import { computeVisits } from '../analysis/visits';
import { formatNumber as f } from '../analysis/numbers';
import type { Role, Workflow } from '../model/schema';
import { skillInfo } from './skillInfo';
import type {
  DemandFlag,
  DemandRow,
  SideDemand,
  SkillDemandResult,
  SkillsFailure,
  SkillInfo,
  SkillsInput,
  StepDemand,
} from './types';

/** Steps listed by name in an explanation before "… n more". */
const SHOWN_STEPS = 4;

/** One role × skill on one side: the steps needing it, by index into the workflow's steps. */
interface Cell {
  roleId: string | null;
  skillId: string;
  stepIndex: number[];
  levels: number[];
  requiredLevel: number;
  exerciseHoursPerWeek: number;
}

interface SideCells {
  /** Role id ('' for no role) → skill id → cell; nested maps spare a key string per requirement. */
  cells: Map<string, Map<string, Cell>>;
  workflow: Workflow;
  volume: number;
  index: ReadonlyMap<string, number>;
  visitsByIndex: Float64Array;
  /** PERT mean minutes and person-hours per week of each step, by step index. */
  meanMinutes: Float64Array;
  hoursPerWeek: Float64Array;
}

/** Demand cells of one workflow, or the engine's error. */
function sideDemand(
  workflow: Workflow,
  roleIds: ReadonlySet<string>,
  warnings: string[],
): SideCells | { error: string } {
  const solved = computeVisits(workflow);
  if (!solved.ok) return { error: solved.error.message };
  const { chain, visits } = solved;
  const volume = workflow.volumePerWeek;
  const cells: SideCells['cells'] = new Map();
  const steps = workflow.steps;
  const meanMinutes = new Float64Array(steps.length);
  const hoursPerWeek = new Float64Array(steps.length);
  // The chain's states are the workflow's steps in order, so visits[i] belongs to steps[i].
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if ((step.type !== 'task' && step.type !== 'review') || step.skills.length === 0) continue;
    const v = visits[i]!;
    const { min, likely, max } = step.duration;
    const mean = (min + 4 * likely + max) / 6; // the PERT mean, as pert() computes it
    const automated = step.type === 'task' && step.mode === 'ai-automated';
    const hours = automated ? 0 : (volume * v * mean) / 60;
    meanMinutes[i] = mean;
    hoursPerWeek[i] = hours;
    let roleId = step.roleId;
    if (roleId !== null && !roleIds.has(roleId)) {
      warnings.push(
        `Step '${step.name}' names a role that does not exist ('${roleId}'); its skills count under "no role".`,
      );
      roleId = null;
    }
    let bySkill = cells.get(roleId ?? '');
    if (!bySkill) cells.set(roleId ?? '', (bySkill = new Map()));
    for (const req of step.skills) {
      let cell = bySkill.get(req.skillId);
      if (!cell) {
        cell = {
          roleId,
          skillId: req.skillId,
          stepIndex: [],
          levels: [],
          requiredLevel: 0,
          exerciseHoursPerWeek: 0,
        };
        bySkill.set(req.skillId, cell);
      }
      cell.stepIndex.push(i);
      cell.levels.push(req.level);
      if (req.level > cell.requiredLevel) cell.requiredLevel = req.level;
      cell.exerciseHoursPerWeek += hours;
    }
  }
  return { cells, workflow, volume, index: chain.index, visitsByIndex: visits, meanMinutes, hoursPerWeek };
}

const NO_STEPS: SideDemand = Object.freeze({ requiredLevel: 0, exerciseHoursPerWeek: 0, steps: [] });

/**
 * A cell's figures, with its steps written out only when read: the lens recomputes on every edit and the
 * view lists the steps of one row at a time, while one object per requirement of a 5,000-step workspace
 * cost more than the figures. An own enumerable getter, so spreading, JSON and structured clone see them.
 */
function summarise(cell: Cell | undefined, side: SideCells): SideDemand {
  if (!cell) return NO_STEPS;
  let steps: StepDemand[] | undefined;
  return {
    requiredLevel: cell.requiredLevel,
    exerciseHoursPerWeek: cell.exerciseHoursPerWeek,
    get steps() {
      return (steps ??= cell.stepIndex.map((i, k) => ({
        stepId: side.workflow.steps[i]!.id,
        stepName: side.workflow.steps[i]!.name,
        level: cell.levels[k]!,
        visits: side.visitsByIndex[i]!,
        meanMinutes: side.meanMinutes[i]!,
        hoursPerWeek: side.hoursPerWeek[i]!,
      })));
    },
  };
}

/** The first SHOWN_STEPS steps written out, then "… n more" (only those shown are formatted). */
function list(steps: readonly StepDemand[], write: (s: StepDemand) => string): string {
  const shown = steps.slice(0, SHOWN_STEPS).map(write);
  if (steps.length > SHOWN_STEPS) shown.push(`… ${steps.length - SHOWN_STEPS} more`);
  return shown.join(', ');
}

function whyLevel(side: SideDemand, roleName: string, label: string): string {
  if (side.steps.length === 0) return `No step of ${roleName} in the ${label} needs this skill: level 0.`;
  const parts = list(side.steps, (s) => `'${s.stepName}' ${s.level}`);
  return `Highest level the ${label} steps of ${roleName} ask for: max(${parts}) = ${side.requiredLevel}.`;
}

function whyHours(side: SideDemand, volume: number, roleName: string, label: string): string {
  if (side.steps.length === 0)
    return `No step of ${roleName} in the ${label} exercises this skill: 0 h/week.`;
  const v = f(volume);
  const parts = list(side.steps, (s) =>
    s.hoursPerWeek === 0 && s.meanMinutes > 0 && s.visits > 0
      ? `'${s.stepName}' 0 (AI-automated: no person time)`
      : `'${s.stepName}' ${v} × ${f(s.visits)} × ${f(s.meanMinutes)} / 60`,
  );
  return (
    `Σ volume × visits × mean minutes / 60 over the ${label} steps needing it = ${parts} = ` +
    `${f(side.exerciseHoursPerWeek)} h/week (visits include rework).`
  );
}

function flagOf(asIs: SideDemand | null, toBe: SideDemand): DemandFlag {
  if (asIs === null) return 'to-be-only';
  const a = asIs.requiredLevel;
  const b = toBe.requiredLevel;
  if (a === 0 && b > 0) return 'new';
  if (a > 0 && b === 0) return 'no-longer-exercised';
  if (b > a) return 'raised';
  if (b < a) return 'lowered';
  return 'unchanged';
}

const NO_WHY: DemandRow['why'] = Object.freeze({
  asIsLevel: '',
  toBeLevel: '',
  asIsHours: '',
  toBeHours: '',
  flag: '',
});

const FLAG_WHY: Record<DemandFlag, (a: number, b: number) => string> = {
  new: (_, b) => `New: the as-is did not ask this of the role; the to-be asks level ${b}.`,
  raised: (a, b) => `Raised: from level ${a} in the as-is to ${b} in the to-be.`,
  lowered: (a, b) => `Lowered: from level ${a} in the as-is to ${b} in the to-be.`,
  unchanged: (a) => `Unchanged: level ${a} in both.`,
  'no-longer-exercised': (a) =>
    `No longer exercised: the as-is asked level ${a}, the to-be gives the role no step that uses it, so the skill ` +
    'may fade (deskilling risk) unless it is practised elsewhere.',
  'to-be-only': (_, b) => `No as-is to compare with; the workflow asks level ${b}.`,
};

export function computeSkillDemand(input: SkillsInput): SkillDemandResult {
  const { toBe, asIs, roles, skills } = input;
  const explain = input.explain !== 'none';
  const warnings: string[] = [];
  const roleIds = new Set(roles.map((r) => r.id));
  const after = sideDemand(toBe, roleIds, warnings);
  if ('error' in after) return failure('to-be', after.error);
  const before = asIs === null ? null : sideDemand(asIs, roleIds, warnings);
  if (before !== null && 'error' in before) return failure('as-is', before.error);

  // Every role × skill either side asks for: the to-be's, then the as-is's that the to-be dropped.
  const keys: { roleId: string | null; skillId: string; toBe: Cell | undefined; asIs: Cell | undefined }[] =
    [];
  for (const [role, bySkill] of after.cells)
    for (const c of bySkill.values())
      keys.push({
        roleId: c.roleId,
        skillId: c.skillId,
        toBe: c,
        asIs: before?.cells.get(role)?.get(c.skillId),
      });
  if (before)
    for (const [role, bySkill] of before.cells)
      for (const c of bySkill.values())
        if (!after.cells.get(role)?.has(c.skillId))
          keys.push({ roleId: c.roleId, skillId: c.skillId, toBe: undefined, asIs: c });

  const roleOrder = new Map<string, number>(roles.map((r, i) => [r.id, i]));
  const roleById = new Map<string, Role>(roles.map((r) => [r.id, r]));
  const rows: DemandRow[] = [];
  const infoCache = new Map<string, SkillInfo>();
  for (const { roleId, skillId, toBe: toBeCell, asIs: asIsCell } of keys) {
    let skill = infoCache.get(skillId);
    if (!skill) infoCache.set(skillId, (skill = skillInfo(skillId, skills)));
    const roleName = roleId === null ? 'No role' : (roleById.get(roleId)?.name ?? roleId);
    const who = roleId === null ? 'steps without a role' : `'${roleName}'`;
    const toBeSide = summarise(toBeCell, after);
    const asIsSide = before ? summarise(asIsCell, before) : null;
    const flag = flagOf(asIsSide, toBeSide);
    const row = {
      roleId,
      roleName,
      skill,
      asIs: asIsSide,
      toBe: toBeSide,
      flag,
      deskillingRisk: flag === 'no-longer-exercised',
    };
    if (!explain) {
      rows.push({ ...row, why: NO_WHY });
      continue;
    }
    let why: DemandRow['why'] | undefined;
    rows.push({
      ...row,
      // Written the first time it is read (see lazyWhy.ts); a literal getter keeps the row a fast object.
      get why() {
        return (why ??= {
          asIsLevel: asIsSide ? whyLevel(asIsSide, who, 'as-is') : 'There is no as-is to compare with.',
          toBeLevel: whyLevel(toBeSide, who, 'to-be'),
          asIsHours:
            asIsSide && before ? whyHours(asIsSide, before.volume, who, 'as-is') : 'There is no as-is.',
          toBeHours: whyHours(toBeSide, after.volume, who, 'to-be'),
          flag: FLAG_WHY[flag](asIsSide?.requiredLevel ?? 0, toBeSide.requiredLevel),
        });
      },
    });
  }
  const order = rows.map((r, at) => ({
    r,
    role: r.roleId === null ? roles.length : (roleOrder.get(r.roleId) ?? roles.length),
    name: r.skill.name,
    at,
  }));
  order.sort((a, b) => a.role - b.role || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.at - b.at));
  for (let k = 0; k < order.length; k++) rows[k] = order[k]!.r;
  // Read through the chain's own index: copying it into a map cost as much as the demand of a side.
  const { index: toBeIndex, visitsByIndex } = after;
  const toBeVisitsOf = (stepId: string) => {
    const i = toBeIndex.get(stepId);
    return i === undefined ? 0 : visitsByIndex[i]!;
  };
  return { ok: true, rows, toBeVisitsOf, warnings };
}

function failure(side: 'as-is' | 'to-be', message: string): SkillsFailure {
  return { ok: false, side, message: `The ${side} cannot be analysed: ${message}` };
}
