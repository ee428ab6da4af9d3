/**
 * Reports of an analysis: the stable JSON report object (documented in docs/analysis-report.md) and a
 * readable text report for the command line. Numbers in JSON reports are rounded to REPORT_DECIMALS (4)
 * decimal places; the analysis itself is not rounded.
 */
import type { AnalysisFailure, Overload, RoleAnalysis, WorkflowAnalysis } from './analyze';
import type { WorkflowComparison } from './compare';
import type { LearningProjection } from './learning';
import { formatInteger, formatMinutes, formatMoney, formatNumber, formatPercent, round } from './numbers';
import type { WorkflowKind } from '../model/schema';

export const REPORT_VERSION = 1;

export interface AnalysisReport {
  reportVersion: typeof REPORT_VERSION;
  workflow: { id: string; name: string; kind: WorkflowKind };
  volumePerWeek: number;
  steps: { id: string; name: string; visits: number; hoursPerWeek: number; waitMinutes: number | null }[];
  roles: {
    id: string;
    name: string;
    loadHoursPerWeek: number;
    capacityHoursPerWeek: number;
    utilization: number | null;
    waitMinutes: number | null;
  }[];
  bottleneck: { roleId: string; utilization: number | null } | null;
  maxVolumePerWeek: number | null;
  overload: Overload | null;
  cycleTimeMinutes: { processing: number; waiting: number | null; total: number | null };
  costPerCase: { people: number; ai: number; total: number };
  stable: boolean;
}

/** Rounds every number in a plain JSON value to REPORT_DECIMALS places (a new value; the input is kept). */
export function roundDeep<T>(value: T): T {
  if (typeof value === 'number') return round(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => roundDeep(v)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = roundDeep(v);
    return out as T;
  }
  return value;
}

export function toReport(analysis: WorkflowAnalysis): AnalysisReport {
  return roundDeep<AnalysisReport>({
    reportVersion: REPORT_VERSION,
    workflow: { id: analysis.workflow.id, name: analysis.workflow.name, kind: analysis.workflow.kind },
    volumePerWeek: analysis.volumePerWeek,
    steps: analysis.steps.map((s) => ({
      id: s.id,
      name: s.name,
      visits: s.visits,
      hoursPerWeek: s.hoursPerWeek,
      waitMinutes: s.waitMinutes,
    })),
    roles: analysis.roles.map((r) => ({
      id: r.id,
      name: r.name,
      loadHoursPerWeek: r.loadHoursPerWeek,
      capacityHoursPerWeek: r.capacityHoursPerWeek,
      utilization: r.utilization,
      waitMinutes: r.waitMinutes,
    })),
    bottleneck: analysis.bottleneck ? { ...analysis.bottleneck } : null,
    maxVolumePerWeek: analysis.maxVolumePerWeek,
    overload: analysis.overload ? { ...analysis.overload } : null,
    cycleTimeMinutes: { ...analysis.cycleTimeMinutes },
    costPerCase: { ...analysis.costPerCase },
    stable: analysis.stable,
  });
}

/** The comparison as a plain JSON object, numbers rounded like the report. */
export function toComparisonReport(comparison: WorkflowComparison): WorkflowComparison {
  return roundDeep(comparison);
}

/** A text table: the first column left-aligned, the others right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  return all.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

const clip = (s: string, max = 40) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const minutes = (m: number | null) => (m === null ? 'unbounded' : formatMinutes(m));
const hours = (h: number) => (Math.abs(h) >= 1000 ? formatInteger(h) : round(h, 1).toFixed(1));

function roleName(analysis: WorkflowAnalysis, id: string): string {
  return analysis.roles.find((r) => r.id === id)?.name ?? id;
}

/** What to do about a role at or over 100%. */
function advice(role: RoleAnalysis, analysis: WorkflowAnalysis): string {
  const perPerson = role.hoursPerPersonPerWeek;
  const need = perPerson > 0 ? Math.ceil(role.loadHoursPerWeek / perPerson - 1e-9) : null;
  const fits = role.loadMinutesPerCase > 0 ? role.capacityHoursPerWeek / (role.loadMinutesPerCase / 60) : 0;
  const atLimit = role.utilization !== null && role.utilization <= 1;
  const staff =
    need === null
      ? 'the role has no working hours'
      : atLimit
        ? `more than ${formatNumber(role.headcount)} people are needed for waits to stay finite`
        : `${need} people are needed (now ${formatNumber(role.headcount)})`;
  return (
    `'${role.name}' is at ${formatPercent(role.utilization)}: ${hours(role.loadHoursPerWeek)} h/week of work for ` +
    `${hours(role.capacityHoursPerWeek)} h/week of capacity. At ${formatInteger(analysis.volumePerWeek)} cases/week ` +
    `${staff}; the current staff fits ${formatInteger(Math.floor(fits))} cases/week.`
  );
}

export function formatTextReport(analysis: WorkflowAnalysis): string {
  const lines: string[] = [];
  const wf = analysis.workflow;
  lines.push(wf.name);
  lines.push(
    `${wf.kind === 'as-is' ? 'As-is' : 'To-be'} workflow, ${formatInteger(analysis.volumePerWeek)} cases/week`,
  );
  lines.push('');
  if (analysis.roles.length > 0) {
    lines.push(
      ...table(
        ['Role', 'People', 'Load h/wk', 'Capacity h/wk', 'Utilization', 'Wait min'],
        analysis.roles.map((r) => [
          clip(r.name),
          formatNumber(r.headcount),
          hours(r.loadHoursPerWeek),
          hours(r.capacityHoursPerWeek),
          formatPercent(r.utilization),
          minutes(r.waitMinutes),
        ]),
      ),
    );
  } else lines.push('No role works on this workflow.');
  lines.push('');
  const b = analysis.bottleneck;
  lines.push(
    b
      ? `Bottleneck: ${roleName(analysis, b.roleId)} at ${formatPercent(b.utilization)} utilization`
      : 'Bottleneck: none (no person works on this workflow)',
  );
  lines.push(
    analysis.maxVolumePerWeek === null || !b
      ? 'Maximum volume: not limited by any role'
      : `Maximum volume: ${formatInteger(Math.floor(analysis.maxVolumePerWeek))} cases/week before ${roleName(analysis, b.roleId)} reaches 100%`,
  );
  const ct = analysis.cycleTimeMinutes;
  lines.push(
    ct.total === null
      ? `Cycle time: unbounded (a queue is over capacity); ${formatMinutes(ct.processing)} min processing per case`
      : `Cycle time: ${formatMinutes(ct.total)} min per case (${formatMinutes(ct.processing)} processing + ${formatMinutes(ct.waiting ?? 0)} waiting, in working minutes)`,
  );
  const c = analysis.costPerCase;
  lines.push(
    `Cost per case: ${formatMoney(c.total)} (people ${formatMoney(c.people)}, AI ${formatMoney(c.ai)})`,
  );
  const over = analysis.roles.filter((r) => !r.stable);
  if (over.length === 0 && analysis.stable) lines.push('Capacity: every role is below 100%.');
  else {
    lines.push('Overload:');
    for (const r of over) lines.push(`  - ${advice(r, analysis)}`);
    for (const s of analysis.steps) {
      if (s.mode === 'ai-automated' && s.waitMinutes === null)
        lines.push(`  - AI step '${s.name}' has more runs than its concurrency can handle.`);
    }
  }
  const work = analysis.steps.filter((s) => s.type === 'task' || s.type === 'review');
  if (work.length > 0) {
    lines.push('');
    lines.push(
      ...table(
        ['Step', 'Role', 'Visits', 'Hours/wk', 'Wait min'],
        work.map((s) => [
          clip(s.name),
          s.mode === 'ai-automated'
            ? 'AI'
            : clip(s.roleId === null ? '(none)' : roleName(analysis, s.roleId), 28),
          s.visits.toFixed(3),
          s.mode === 'ai-automated' ? `${formatInteger(s.aiRunsPerWeek ?? 0)} runs` : hours(s.hoursPerWeek),
          s.waitMinutes === null
            ? s.roleId === null && s.mode !== 'ai-automated'
              ? '-'
              : 'unbounded'
            : formatMinutes(s.waitMinutes),
        ]),
      ),
    );
  }
  if (analysis.warnings.length > 0) {
    lines.push('');
    lines.push('Warnings:');
    for (const w of analysis.warnings) lines.push(`  - ${w}`);
  }
  return `${lines.join('\n')}\n`;
}

const signed = (value: number | null, format: (v: number) => string) =>
  value === null ? 'n/a' : value > 0 ? `+${format(value)}` : value < 0 ? `−${format(-value)}` : format(0);
/**
 * The learning projection as a text table: week, capacity (cases/week the bottleneck can carry), the
 * bottleneck with its utilization, cycle time and cost per case. Weeks 0–12 are all shown, later ones every
 * 4th week and the last. A workflow in which nothing learns gets a one-line note.
 */
export function formatProjectionText(analysis: WorkflowAnalysis, projection: LearningProjection): string {
  const weeks = projection.weeks;
  const last = weeks[weeks.length - 1]?.week ?? 0;
  if (projection.learningSteps + projection.feedbackReviews + projection.trackedGaps === 0) {
    return (
      `Learning projection, weeks 0–${last}: nothing in this workflow learns (no learning curve on a human or ` +
      'AI-assisted task, no review with a feedback loop), so every week has the figures above.\n'
    );
  }
  const rows = weeks
    .filter((p) => p.week <= 12 || p.week % 4 === 0 || p.week === last)
    .map((p) => [
      String(p.week),
      p.maxVolumePerWeek === null ? '—' : formatInteger(Math.floor(p.maxVolumePerWeek)),
      p.bottleneck
        ? `${roleName(analysis, p.bottleneck.roleId)} ${formatPercent(p.bottleneck.utilization)}`
        : '—',
      p.cycleTimeMinutes === null ? 'unbounded' : formatMinutes(p.cycleTimeMinutes),
      formatMoney(p.costPerCase),
    ]);
  const header = ['Week', 'Cases/wk max', 'Bottleneck', 'Cycle min', 'Cost/case'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [
    `Learning projection, weeks 0–${last} (learning curves and review feedback loops` +
      (projection.trackedGaps > 0
        ? `; the learning plan: week 0 has today's skill levels, ${projection.trackedGaps} gap(s) closing)`
        : ')'),
    '',
    line(header),
    ...rows.map(line),
    '',
  ].join('\n');
}

const maybe = (value: number | null, format: (v: number) => string) =>
  value === null ? 'n/a' : format(value);

export function formatComparisonText(comparison: WorkflowComparison): string {
  const c = comparison;
  const lines: string[] = [];
  lines.push(`${c.asIs.name} → ${c.toBe.name}`);
  lines.push('');
  const num = (v: number) => formatMinutes(v);
  const int = (v: number) => formatInteger(v);
  const rows: string[][] = [
    [
      'Cycle time, min',
      maybe(c.cycleTimeMinutes.total.asIs, num),
      maybe(c.cycleTimeMinutes.total.toBe, num),
      signed(c.cycleTimeMinutes.total.difference, num),
    ],
    [
      '  processing',
      maybe(c.cycleTimeMinutes.processing.asIs, num),
      maybe(c.cycleTimeMinutes.processing.toBe, num),
      signed(c.cycleTimeMinutes.processing.difference, num),
    ],
    [
      '  waiting',
      maybe(c.cycleTimeMinutes.waiting.asIs, num),
      maybe(c.cycleTimeMinutes.waiting.toBe, num),
      signed(c.cycleTimeMinutes.waiting.difference, num),
    ],
    [
      'Cost per case',
      maybe(c.costPerCase.total.asIs, formatMoney),
      maybe(c.costPerCase.total.toBe, formatMoney),
      signed(c.costPerCase.total.difference, formatMoney),
    ],
    [
      'Max volume / week',
      maybe(c.maxVolumePerWeek.asIs, (v) => int(Math.floor(v))),
      maybe(c.maxVolumePerWeek.toBe, (v) => int(Math.floor(v))),
      signed(c.maxVolumePerWeek.difference, int),
    ],
  ];
  for (const u of c.utilization) {
    rows.push([
      `Utilization ${clip(u.name, 30)}`,
      formatPercent(u.asIs),
      formatPercent(u.toBe),
      signed(u.difference === null ? null : u.difference * 100, (v) => `${v.toFixed(1)} pts`),
    ]);
  }
  lines.push(...table(['', 'As-is', 'To-be', 'Change'], rows));
  lines.push('');
  const bn = (x: { roleId: string; utilization: number | null } | null) =>
    x
      ? `${c.utilization.find((u) => u.roleId === x.roleId)?.name ?? x.roleId} (${formatPercent(x.utilization)})`
      : 'none';
  lines.push(
    `Bottleneck: ${bn(c.bottleneck.asIs)} → ${bn(c.bottleneck.toBe)}${c.bottleneck.moved ? ' (moved)' : ' (unchanged)'}`,
  );
  lines.push('');
  lines.push(
    ...table(
      ['Hours freed per week', 'As-is h', 'To-be h', 'Freed h', 'FTE'],
      c.hoursFreedPerRole.map((h) => [
        `  ${clip(h.name, 30)}`,
        hours(h.asIsHoursPerWeek),
        hours(h.toBeHoursPerWeek),
        signed(h.hoursPerWeek, hours),
        signed(h.fte, (v) => v.toFixed(1)),
      ]),
    ),
  );
  const t = c.totals;
  lines.push(
    `Total: ${signed(t.hoursFreedPerWeek, hours)} h/week (${signed(t.fteFreed, (v) => v.toFixed(1))} FTE) freed; ` +
      `cost per week ${formatMoney(t.asIsCostPerWeek)} → ${formatMoney(t.toBeCostPerWeek)} (${signed(-t.costSavedPerWeek, formatMoney)})`,
  );
  return `${lines.join('\n')}\n`;
}

export function formatFailure(failure: AnalysisFailure): string {
  return `${failure.workflow.name}: cannot be analysed: ${failure.error.message}\n`;
}
