/**
 * The "Skills & learning" table as plain data: one row per skill of the chosen role, with the figures the
 * view shows, how each column sorts, the heat of a row and the CSV export. Pure, so the tests check the
 * figures without rendering.
 */
import { formatNumber } from '../../shared/analysis/numbers';
import type { DemandFlag, LensRow } from '../../shared/skills/types';

export type SortKey =
  'skill' | 'asIs' | 'toBe' | 'current' | 'gap' | 'exercise' | 'reskilling' | 'weeks' | 'heat';

export interface SortOrder {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

export const COLUMNS: readonly { key: SortKey; label: string }[] = [
  { key: 'skill', label: 'Skill' },
  { key: 'asIs', label: 'As-is level' },
  { key: 'toBe', label: 'To-be level' },
  { key: 'current', label: 'Current level' },
  { key: 'gap', label: 'Gap' },
  { key: 'exercise', label: 'Exercise h/week' },
  { key: 'reskilling', label: 'Reskilling hours' },
  { key: 'weeks', label: 'Weeks to close' },
  { key: 'heat', label: 'Heat' },
];

export const FLAG_LABELS: Record<DemandFlag, string> = {
  new: 'new',
  raised: 'raised',
  lowered: 'lowered',
  unchanged: '',
  'no-longer-exercised': 'no longer exercised (deskilling risk)',
  'to-be-only': '',
};

/** A row of the table with the figures as numbers (null: not applicable) and their "why" texts. */
export interface TableRow {
  key: string;
  skillName: string;
  flag: DemandFlag;
  asIsLevel: number | null;
  toBeLevel: number;
  /** The team's current level; null when the to-be does not ask the skill of the role. */
  current: number | null;
  gap: number | null;
  exerciseHours: number;
  reskillingHours: number | null;
  /** null with weeksText 'no plan' (or '—' when nothing is to learn). */
  weeks: number | null;
  weeksText: string;
  /**
   * 0–1: how much the row needs attention. A gap weighs by its share of the largest reskilling hours of
   * the role, a gap with no plan counts full, and a skill no longer exercised shows as a mild warning.
   */
  heat: number;
  why: {
    asIs: string;
    toBe: string;
    current: string;
    gap: string;
    exercise: string;
    reskilling: string;
    weeks: string;
    flag: string;
  };
  people: { name: string; current: number; ownLevel: boolean; gap: number; reskillingHours: number }[];
}

/** Rows of one role (null: the steps no role performs), in the lens's order. */
export function tableRows(rows: readonly LensRow[], roleId: string | null): TableRow[] {
  const mine = rows.filter((r) => r.roleId === roleId);
  const maxHours = Math.max(0, ...mine.map((r) => r.gap?.reskillingHours ?? 0));
  return mine.map((r) => {
    const gap = r.gap;
    const plan = r.plan;
    const weeks = plan?.state === 'planned' ? plan.weeksToClose : null;
    const weeksText =
      plan === null || plan.state === 'no-gap' || plan.state === 'free'
        ? plan?.state === 'free'
          ? '0'
          : '—'
        : plan.state === 'no-plan'
          ? 'no plan'
          : formatNumber(Math.round((weeks ?? 0) * 10) / 10);
    let heat = 0;
    if (gap && gap.totalGapLevels > 0) {
      heat =
        plan?.state === 'no-plan' ? 1 : maxHours > 0 ? 0.25 + 0.75 * (gap.reskillingHours / maxHours) : 0.25;
    } else if (r.demand.deskillingRisk) heat = 0.2;
    return {
      key: r.key,
      skillName: r.skill.name,
      flag: r.demand.flag,
      asIsLevel: r.demand.asIs ? r.demand.asIs.requiredLevel : null,
      toBeLevel: r.demand.toBe.requiredLevel,
      current: gap ? gap.current : null,
      gap: gap ? gap.gapLevels : null,
      exerciseHours: r.demand.toBe.exerciseHoursPerWeek,
      reskillingHours: gap ? gap.reskillingHours : null,
      weeks,
      weeksText,
      heat: Math.min(1, Math.max(0, heat)),
      why: {
        asIs: r.demand.why.asIsLevel,
        toBe: r.demand.why.toBeLevel,
        current: gap?.why.current ?? '',
        gap: gap ? `${gap.why.gapLevels} ${gap.why.totalGapLevels}` : '',
        exercise: r.demand.why.toBeHours,
        reskilling: gap?.why.reskillingHours ?? '',
        weeks: plan?.why ?? '',
        flag: r.demand.why.flag,
      },
      people: (gap?.people ?? []).map((p) => ({
        name: p.displayName,
        current: p.current,
        ownLevel: p.ownLevel,
        gap: p.gapLevels,
        reskillingHours: p.reskillingHours,
      })),
    };
  });
}

function sortValue(row: TableRow, key: SortKey): number | string {
  switch (key) {
    case 'skill':
      return row.skillName.toLocaleLowerCase();
    case 'asIs':
      return row.asIsLevel ?? -1;
    case 'toBe':
      return row.toBeLevel;
    case 'current':
      return row.current ?? -1;
    case 'gap':
      return row.gap ?? -1;
    case 'exercise':
      return row.exerciseHours;
    case 'reskilling':
      return row.reskillingHours ?? -1;
    // "no plan" sorts after every number: it is the longest wait of all.
    case 'weeks':
      return row.weeksText === 'no plan' ? Number.MAX_VALUE : (row.weeks ?? -1);
    case 'heat':
      return row.heat;
  }
}

/** A stable sort by one column; ties keep the lens's order. */
export function sortRows(rows: readonly TableRow[], order: SortOrder): TableRow[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      const x = sortValue(a.row, order.key);
      const y = sortValue(b.row, order.key);
      const c = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y);
      return c !== 0 ? c * sign : a.i - b.i;
    })
    .map((e) => e.row);
}

/** Clicking a column sorts by it ascending (names) or descending (figures); again reverses it. */
export function nextOrder(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key)
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'skill' ? 'ascending' : 'descending' };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const num = (v: number | null) => (v === null ? '' : String(Math.round(v * 100) / 100));

/** The table as CSV (one header line, one line per row; person rows indented under their skill). */
export function tableCsv(roleName: string, rows: readonly TableRow[]): string {
  const header = [
    'Role',
    'Skill',
    'Person',
    'Flag',
    'As-is level',
    'To-be level',
    'Current level',
    'Gap',
    'Exercise hours per week',
    'Reskilling hours',
    'Weeks to close',
  ];
  const lines = [header.join(',')];
  for (const r of rows) {
    lines.push(
      [
        roleName,
        r.skillName,
        '',
        r.flag,
        num(r.asIsLevel),
        String(r.toBeLevel),
        num(r.current),
        num(r.gap),
        num(r.exerciseHours),
        num(r.reskillingHours),
        r.weeksText === '—' ? '' : r.weeks === null ? r.weeksText : num(r.weeks),
      ]
        .map(csvCell)
        .join(','),
    );
    for (const p of r.people) {
      lines.push(
        [
          roleName,
          r.skillName,
          p.name,
          '',
          '',
          String(r.toBeLevel),
          String(p.current),
          String(p.gap),
          '',
          num(p.reskillingHours),
          '',
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
