/**
 * Skill demand per role × skill, as-is and to-be, derived from the flow's own load: a role needs a skill at
 * the highest level any of its steps requires, and exercises it for as many hours a week as those steps
 * take (volume × visits × mean time, with the analysis engine's visits, so a step inside a rework loop
 * counts its rework).
 */
import { computeVisits } from '../analysis/visits';
import { pert } from '../analysis/pert';
import { formatNumber as f } from '../analysis/numbers';
import type { Role, Workflow } from '../model/schema';
import { skillInfo } from './skillInfo';
import type {
  DemandFlag,
  DemandRow,
  SideDemand,
  SkillDemandResult,
  SkillsFailure,
  SkillsInput,
  StepDemand,
} from './types';

/** Steps listed by name in an explanation before "… n more". */
const SHOWN_STEPS = 6;

interface SideCells {
  /** By `${roleId}|${skillId}` (roleId '' for no role). */
  cells: Map<string, { roleId: string | null; skillId: string; steps: StepDemand[] }>;
  volume: number;
  visits: Map<string, number>;
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
  const byId = new Map<string, number>();
  for (let i = 0; i < chain.ids.length; i++) byId.set(chain.ids[i]!, visits[i]!);
  for (const step of workflow.steps) {
    if ((step.type !== 'task' && step.type !== 'review') || step.skills.length === 0) continue;
    const v = byId.get(step.id) ?? 0;
    const mean = pert(step.duration).mean;
    const automated = step.type === 'task' && step.mode === 'ai-automated';
    const hours = automated ? 0 : (volume * v * mean) / 60;
    let roleId = step.roleId;
    if (roleId !== null && !roleIds.has(roleId)) {
      warnings.push(
        `Step '${step.name}' names a role that does not exist ('${roleId}'); its skills count under "no role".`,
      );
      roleId = null;
    }
    for (const req of step.skills) {
      const key = `${roleId ?? ''}|${req.skillId}`;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { roleId, skillId: req.skillId, steps: [] }));
      cell.steps.push({
        stepId: step.id,
        stepName: step.name,
        level: req.level,
        visits: v,
        meanMinutes: mean,
        hoursPerWeek: hours,
      });
    }
  }
  return { cells, volume, visits: byId };
}

function summarise(steps: StepDemand[]): SideDemand {
  let requiredLevel = 0;
  let exerciseHoursPerWeek = 0;
  for (const s of steps) {
    if (s.level > requiredLevel) requiredLevel = s.level;
    exerciseHoursPerWeek += s.hoursPerWeek;
  }
  return { requiredLevel, exerciseHoursPerWeek, steps };
}

function list(items: string[]): string {
  const shown = items.slice(0, SHOWN_STEPS);
  if (items.length > SHOWN_STEPS) shown.push(`… ${items.length - SHOWN_STEPS} more`);
  return shown.join(', ');
}

function whyLevel(side: SideDemand, roleName: string, label: string): string {
  if (side.steps.length === 0) return `No step of ${roleName} in the ${label} needs this skill: level 0.`;
  const parts = side.steps.map((s) => `'${s.stepName}' ${s.level}`);
  return `Highest level the ${label} steps of ${roleName} ask for: max(${list(parts)}) = ${side.requiredLevel}.`;
}

function whyHours(side: SideDemand, volume: number, roleName: string, label: string): string {
  if (side.steps.length === 0)
    return `No step of ${roleName} in the ${label} exercises this skill: 0 h/week.`;
  const parts = side.steps.map((s) =>
    s.hoursPerWeek === 0 && s.meanMinutes > 0 && s.visits > 0
      ? `'${s.stepName}' 0 (AI-automated: no person time)`
      : `'${s.stepName}' ${f(volume)} × ${f(s.visits)} × ${f(s.meanMinutes)} / 60`,
  );
  return (
    `Σ volume × visits × mean minutes / 60 over the ${label} steps needing it = ${list(parts)} = ` +
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
  const warnings: string[] = [];
  const roleIds = new Set(roles.map((r) => r.id));
  const after = sideDemand(toBe, roleIds, warnings);
  if ('error' in after) return failure('to-be', after.error);
  const before = asIs === null ? null : sideDemand(asIs, roleIds, warnings);
  if (before !== null && 'error' in before) return failure('as-is', before.error);

  const keys = new Map<string, { roleId: string | null; skillId: string }>();
  for (const [k, c] of after.cells) keys.set(k, c);
  if (before) for (const [k, c] of before.cells) if (!keys.has(k)) keys.set(k, c);

  const roleOrder = new Map<string, number>(roles.map((r, i) => [r.id, i]));
  const roleById = new Map<string, Role>(roles.map((r) => [r.id, r]));
  const rows: DemandRow[] = [];
  for (const [key, { roleId, skillId }] of keys) {
    const skill = skillInfo(skillId, skills);
    const roleName = roleId === null ? 'No role' : (roleById.get(roleId)?.name ?? roleId);
    const who = roleId === null ? 'steps without a role' : `'${roleName}'`;
    const toBeSide = summarise(after.cells.get(key)?.steps ?? []);
    const asIsSide = before ? summarise(before.cells.get(key)?.steps ?? []) : null;
    const flag = flagOf(asIsSide, toBeSide);
    rows.push({
      roleId,
      roleName,
      skill,
      asIs: asIsSide,
      toBe: toBeSide,
      flag,
      deskillingRisk: flag === 'no-longer-exercised',
      why: {
        asIsLevel: asIsSide ? whyLevel(asIsSide, who, 'as-is') : 'There is no as-is to compare with.',
        toBeLevel: whyLevel(toBeSide, who, 'to-be'),
        asIsHours:
          asIsSide && before ? whyHours(asIsSide, before.volume, who, 'as-is') : 'There is no as-is.',
        toBeHours: whyHours(toBeSide, after.volume, who, 'to-be'),
        flag: FLAG_WHY[flag](asIsSide?.requiredLevel ?? 0, toBeSide.requiredLevel),
      },
    });
  }
  rows.sort((a, b) => {
    const ra = a.roleId === null ? Infinity : (roleOrder.get(a.roleId) ?? Infinity);
    const rb = b.roleId === null ? Infinity : (roleOrder.get(b.roleId) ?? Infinity);
    if (ra !== rb) return ra - rb;
    return a.skill.name < b.skill.name ? -1 : a.skill.name > b.skill.name ? 1 : 0;
  });
  return { ok: true, rows, toBeVisits: after.visits, warnings };
}

function failure(side: 'as-is' | 'to-be', message: string): SkillsFailure {
  return { ok: false, side, message: `The ${side} cannot be analysed: ${message}` };
}
