/** The sortable per-skill table of one role: demand, gap, hours and weeks to close, each with its "why". */
import { ArrowDown, ArrowUp } from 'lucide-react';
import { Fragment, useMemo, useState } from 'react';
import { formatNumber } from '../../shared/analysis/numbers';
import { COLUMNS, FLAG_LABELS, nextOrder, sortRows, type SortOrder, type TableRow } from './lensTable';

const oneDecimal = (v: number) => formatNumber(Math.round(v * 10) / 10);
const level = (v: number | null) => (v === null ? '—' : String(v));

function heatWord(heat: number): string {
  return heat >= 0.75 ? 'high' : heat >= 0.4 ? 'medium' : heat > 0 ? 'low' : 'none';
}

/** A figure cell: the value, and its explanation as a tooltip (the row's "Why?" lists them all). */
function Cell({ value, why }: { value: string; why: string }) {
  return <td title={why || undefined}>{value}</td>;
}

export function SkillsTable({ roleName, rows }: { roleName: string; rows: readonly TableRow[] }) {
  const [order, setOrder] = useState<SortOrder>({ key: 'heat', direction: 'descending' });
  const sorted = useMemo(() => sortRows(rows, order), [rows, order]);
  if (rows.length === 0)
    return <p className="muted small">The to-be and the as-is ask no skill of {roleName}.</p>;
  return (
    <div className="skills-table-wrap">
      <table className="figures-table skills-table" aria-label={`Skills of ${roleName}`}>
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = order.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? order.direction : 'none'}
                  className={c.key === 'skill' ? 'skill-col' : undefined}
                >
                  <button
                    type="button"
                    className="sort"
                    onClick={() => setOrder(nextOrder(order, c.key))}
                    aria-label={`Sort by ${c.label}`}
                  >
                    {c.label}
                    {active &&
                      (order.direction === 'ascending' ? (
                        <ArrowUp size={11} aria-hidden />
                      ) : (
                        <ArrowDown size={11} aria-hidden />
                      ))}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <Fragment key={r.key}>
              <tr aria-label={r.skillName}>
                <th scope="row" className="skill-col">
                  <span className="skill-name">{r.skillName}</span>
                  {FLAG_LABELS[r.flag] && (
                    <span className={`badge flag-${r.flag}`} title={r.why.flag}>
                      {FLAG_LABELS[r.flag]}
                    </span>
                  )}
                  <details className="why">
                    <summary aria-label={`Why: ${r.skillName}`}>Why?</summary>
                    <dl>
                      {(
                        [
                          ['Demand', r.why.flag],
                          ['As-is level', r.why.asIs],
                          ['To-be level', r.why.toBe],
                          ['Current level', r.why.current],
                          ['Gap', r.why.gap],
                          ['Exercise h/week', r.why.exercise],
                          ['Reskilling hours', r.why.reskilling],
                          ['Weeks to close', r.why.weeks],
                        ] as const
                      )
                        .filter(([, text]) => text)
                        .map(([label, text]) => (
                          <div key={label}>
                            <dt>{label}</dt>
                            <dd>{text}</dd>
                          </div>
                        ))}
                    </dl>
                  </details>
                </th>
                <Cell value={level(r.asIsLevel)} why={r.why.asIs} />
                <Cell value={level(r.toBeLevel)} why={r.why.toBe} />
                <Cell value={level(r.current)} why={r.why.current} />
                <Cell value={level(r.gap)} why={r.why.gap} />
                <Cell value={oneDecimal(r.exerciseHours)} why={r.why.exercise} />
                <Cell
                  value={r.reskillingHours === null ? '—' : oneDecimal(r.reskillingHours)}
                  why={r.why.reskilling}
                />
                <Cell value={r.weeksText} why={r.why.weeks} />
                <td className="heat-cell">
                  <span
                    className="heat-swatch"
                    aria-hidden
                    style={{ background: `rgba(179, 38, 30, ${(0.08 + 0.8 * r.heat).toFixed(2)})` }}
                  />
                  <span className="heat-word">{heatWord(r.heat)}</span>
                </td>
              </tr>
              {r.people.map((p) => (
                <tr
                  key={`${r.key}|${p.name}`}
                  className="person-row"
                  aria-label={`${p.name}, ${r.skillName}`}
                >
                  <th scope="row" className="skill-col">
                    <span className="person-name">{p.name}</span>
                    {!p.ownLevel && <span className="muted small"> (team level)</span>}
                  </th>
                  <td />
                  <td>{r.toBeLevel}</td>
                  <td>{p.current}</td>
                  <td>{p.gap}</td>
                  <td />
                  <td>{oneDecimal(p.reskillingHours)}</td>
                  <td />
                  <td />
                </tr>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
