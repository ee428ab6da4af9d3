/**
 * CSV tables of a workflow's analysis: steps, roles, summary figures and (when there is a skills lens)
 * skills. RFC 4180 (CRLF, fields with comma, quote or line break quoted, quotes doubled), '.' as decimal
 * point whatever the locale, units in the headers (wait_minutes), optional UTF-8 BOM so Excel reads the
 * encoding. Text cells that a spreadsheet would run as a formula (= + - @, tab, CR first) get a leading ';
 * numbers are written as numbers and never start a formula.
 */
import type { WorkflowAnalysis } from '../analysis/analyze';
import type { WorkflowComparison } from '../analysis/compare';
import type { Workflow } from '../model/schema';
import type { SkillsLens } from '../skills/types';
import { showControls } from './escape';

export type CsvCell = string | number | boolean | null;

export interface CsvOptions {
  /** Start with U+FEFF so Excel opens the file as UTF-8. */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Numbers to at most 4 decimals, no exponent, no locale; NaN and infinities (never expected) as empty. */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  // Beyond 1e15 (never a real figure) decimals are meaningless: write the integer out in full.
  if (Math.abs(value) >= 1e15) return BigInt(Math.round(value)).toString();
  const r = Math.round(value * 10_000) / 10_000;
  if (Object.is(r, -0) || r === 0) return '0';
  const text = String(r);
  return /e/i.test(text) ? r.toFixed(4).replace(/\.?0+$/, '') : text;
}

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return csvNumber(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  // Bidirectional overrides and other invisible controls shown as code points (never reorder the row).
  let text = showControls(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/** Parses RFC 4180 text back into rows (for tests and for reading exports back). */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && src[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const MODE = { human: 'human', 'ai-assisted': 'ai-assisted', 'ai-automated': 'ai-automated' } as const;

export function stepsCsv(workflow: Workflow, analysis: WorkflowAnalysis, options: CsvOptions = {}): string {
  const roleName = new Map(analysis.roles.map((r) => [r.id, r.name]));
  const figures = new Map(analysis.steps.map((s) => [s.id, s]));
  const header = [
    'step_id',
    'step_name',
    'type',
    'mode',
    'role',
    'visits_per_case',
    'mean_minutes',
    'sd_minutes',
    'wait_minutes',
    'person_hours_per_week',
    'people_cost_per_case',
    'ai_cost_per_case',
  ];
  const rows = workflow.steps.map((step) => {
    const f = figures.get(step.id);
    return [
      step.id,
      step.name,
      step.type,
      step.type === 'task' ? MODE[step.mode] : step.type === 'review' ? 'human' : null,
      f?.roleId ? (roleName.get(f.roleId) ?? f.roleId) : null,
      f?.visits ?? null,
      f?.meanMinutes ?? null,
      f?.sdMinutes ?? null,
      f?.waitMinutes ?? null,
      f?.hoursPerWeek ?? null,
      f ? f.costPerCase - f.aiCostPerCase : null,
      f?.aiCostPerCase ?? null,
    ];
  });
  return toCsv(header, rows, options);
}

export function rolesCsv(analysis: WorkflowAnalysis, options: CsvOptions = {}): string {
  const header = [
    'role_id',
    'role_name',
    'headcount',
    'hours_per_person_per_week',
    'cost_per_hour',
    'load_hours_per_week',
    'learning_hours_per_week',
    'capacity_hours_per_week',
    'utilization_percent',
    'wait_minutes',
    'constraint',
  ];
  const rows = analysis.roles.map((r) => [
    r.id,
    r.name,
    r.headcount,
    r.hoursPerPersonPerWeek,
    r.costPerHour,
    r.loadHoursPerWeek,
    r.learningHoursPerWeek,
    r.capacityHoursPerWeek,
    r.utilization === null ? null : r.utilization * 100,
    r.waitMinutes,
    analysis.bottleneck?.roleId === r.id,
  ]);
  return toCsv(header, rows, options);
}

/** One row of headline figures; with a comparison, the hours and FTE the redesign frees. */
export function summaryCsv(
  analysis: WorkflowAnalysis,
  comparison: WorkflowComparison | null = null,
  options: CsvOptions = {},
): string {
  const constraint = analysis.roles.find((r) => r.id === analysis.bottleneck?.roleId) ?? null;
  const header = [
    'workflow',
    'kind',
    'volume_cases_per_week',
    'processing_minutes',
    'waiting_minutes',
    'cycle_time_minutes',
    'people_cost_per_case',
    'ai_cost_per_case',
    'cost_per_case',
    'capacity_cases_per_week',
    'constraint_role',
    'constraint_utilization_percent',
    'hours_freed_per_week',
    'fte_freed',
  ];
  const row = [
    analysis.workflow.name,
    analysis.workflow.kind,
    analysis.volumePerWeek,
    analysis.cycleTimeMinutes.processing,
    analysis.cycleTimeMinutes.waiting,
    analysis.cycleTimeMinutes.total,
    analysis.costPerCase.people,
    analysis.costPerCase.ai,
    analysis.costPerCase.total,
    analysis.maxVolumePerWeek,
    constraint?.name ?? null,
    constraint === null || constraint.utilization === null ? null : constraint.utilization * 100,
    comparison ? comparison.totals.hoursFreedPerWeek : null,
    comparison ? comparison.totals.fteFreed : null,
  ];
  return toCsv(header, [row], options);
}

export function skillsCsv(lens: SkillsLens, options: CsvOptions = {}): string {
  const header = [
    'role',
    'skill',
    'flag',
    'as_is_level',
    'to_be_level',
    'current_level',
    'gap_levels',
    'exercise_hours_per_week',
    'reskilling_hours',
    'learning_hours_per_week',
    'weeks_to_close',
    'plan',
  ];
  const rows = lens.rows.map((r) => [
    r.roleName,
    r.skill.name,
    r.demand.flag,
    r.demand.asIs?.requiredLevel ?? null,
    r.demand.toBe.requiredLevel,
    r.gap?.current ?? null,
    r.gap?.gapLevels ?? null,
    r.demand.toBe.exerciseHoursPerWeek,
    r.gap?.reskillingHours ?? null,
    r.plan?.weeklyLearningHours ?? null,
    r.plan?.weeksToClose ?? null,
    r.plan?.state ?? null,
  ]);
  return toCsv(header, rows, options);
}
