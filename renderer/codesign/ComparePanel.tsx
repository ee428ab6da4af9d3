/**
 * Compare with as-is: the change list of a to-be against the as-is it redesigns, grouped (added, changed,
 * removed; each with a text badge, never colour alone), next / previous to walk it (each change selects and
 * brings its step into view on the canvas), and the strip of figure deltas. Needs no storage: it is computed
 * from the two workflows and the roles.
 */
import { ChevronDown, ChevronUp, X } from 'lucide-react';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { diffWorkflows, figureDeltas } from '../../shared/diff/index';
import type { Role, Workflow } from '../../shared/model/schema';
import { formatMoney, formatPercent } from '../../shared/analysis/numbers';
import { formatDuration } from '../analysis/format';
import { useEditor } from '../store/editorStore';
import { useSkillIndex } from '../store/selectors';
import { useWorkspace } from '../store/workspaceStore';
import { changeEntries, type ChangeEntry, type EntryGroup } from './changeEntries';
import { useCompare } from './compareStore';
import './codesign.css';

const GROUPS: { group: EntryGroup; title: string; badge: string }[] = [
  { group: 'added', title: 'Added', badge: '+ Added' },
  { group: 'changed', title: 'Changed', badge: '~ Changed' },
  { group: 'removed', title: 'Removed', badge: '− Removed' },
];

const signed = (n: number, format: (x: number) => string) =>
  `${n > 0 ? '+' : n < 0 ? '−' : '±'}${format(Math.abs(n))}`;

function FigureStrip({
  asIs,
  asIsRoles,
  toBe,
  beforeLabel,
}: {
  asIs: Workflow;
  asIsRoles: readonly Role[];
  toBe: Workflow;
  beforeLabel: string;
}) {
  const roles = useWorkspace((s) => s.roles);
  const figures = useMemo(
    () => figureDeltas({ workflow: asIs, roles: asIsRoles }, { workflow: toBe, roles }),
    [asIs, asIsRoles, toBe, roles],
  );
  if (!figures.ok) {
    return (
      <p className="compare-figures" role="status">
        No figures: the {figures.side === 'before' ? beforeLabel : 'current workflow'} cannot be analysed (
        {figures.message})
      </p>
    );
  }
  const c = figures.comparison;
  const nameOf = (id: string | undefined) =>
    id ? (roles.find((r) => r.id === id)?.name ?? asIsRoles.find((r) => r.id === id)?.name ?? id) : 'none';
  const ct = c.cycleTimeMinutes.total;
  const cost = c.costPerCase.total;
  const cap = c.maxVolumePerWeek;
  return (
    <dl className="compare-figures" aria-label="Figure deltas">
      <div>
        <dt>Constraint</dt>
        <dd>
          {c.bottleneck.moved
            ? `moves: ${nameOf(c.bottleneck.asIs?.roleId)} → ${nameOf(c.bottleneck.toBe?.roleId)}`
            : `stays: ${nameOf(c.bottleneck.toBe?.roleId)}`}{' '}
          ({formatPercent(c.bottleneck.asIs?.utilization ?? null)} →{' '}
          {formatPercent(c.bottleneck.toBe?.utilization ?? null)})
        </dd>
      </div>
      <div>
        <dt>Cycle time</dt>
        <dd>
          {ct.asIs === null || ct.toBe === null || ct.difference === null
            ? 'unbounded (a queue is overloaded)'
            : `${formatDuration(ct.asIs)} → ${formatDuration(ct.toBe)} (${signed(ct.difference, formatDuration)})`}
        </dd>
      </div>
      <div>
        <dt>Cost per case</dt>
        <dd>
          {formatMoney(cost.asIs ?? 0)} → {formatMoney(cost.toBe ?? 0)} (
          {signed(cost.difference ?? 0, formatMoney)})
        </dd>
      </div>
      <div>
        <dt>Capacity</dt>
        <dd>
          {cap.asIs === null || cap.toBe === null
            ? 'n/a'
            : `${Math.round(cap.asIs)} → ${Math.round(cap.toBe)} cases a week`}
        </dd>
      </div>
      <div>
        <dt>FTE freed</dt>
        <dd>{(Math.round(c.totals.fteFreed * 10) / 10).toFixed(1)}</dd>
      </div>
    </dl>
  );
}

export function ComparePanel({ workflow }: { workflow: Workflow }) {
  const setOpen = useCompare((s) => s.setOpen);
  // A chosen version of this workflow (Versions panel), or else the as-is it redesigns.
  const against = useCompare((s) => s.against);
  const workflows = useWorkspace((s) => s.workflows);
  const roles = useWorkspace((s) => s.roles);
  const asIs =
    against?.workflow ??
    (workflow.redesignOfId ? workflows.find((w) => w.id === workflow.redesignOfId) : undefined);
  const asIsRoles = against?.roles ?? roles;
  const regionName = against ? 'Compare with version' : 'Compare with as-is';
  const diff = useMemo(
    () => (asIs ? diffWorkflows({ workflow: asIs, roles: asIsRoles }, { workflow, roles }) : null),
    [asIs, asIsRoles, workflow, roles],
  );
  const skills = useSkillIndex();
  const entries = useMemo(
    () => (diff ? changeEntries(diff, (id) => skills.get(id)?.name ?? id) : []),
    [diff, skills],
  );
  const [current, setCurrent] = useState<number | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const show = (entry: ChangeEntry) => {
    if (entry.stepId === null) return;
    const editor = useEditor.getState();
    editor.selectOnly([entry.stepId]);
    editor.focusStep(entry.stepId);
  };
  const go = (index: number) => {
    const entry = entries[index];
    if (!entry) return;
    setCurrent(index);
    show(entry);
    buttons.current.get(entry.key)?.focus();
  };
  const step = (by: number) => {
    if (entries.length === 0) return;
    go(
      current === null ? (by > 0 ? 0 : entries.length - 1) : (current + by + entries.length) % entries.length,
    );
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'n' || e.key === 'j') step(1);
    else if (e.key === 'p' || e.key === 'k') step(-1);
    else if (e.key === 'Escape') setOpen(false);
    else return;
    e.preventDefault();
  };

  return (
    <section className="compare-panel" aria-label={regionName} onKeyDown={onKeyDown}>
      <header>
        <h2>
          {against
            ? `Compare with ${against.label}`
            : asIs
              ? `Compare with ${asIs.name}`
              : 'Compare with as-is'}
        </h2>
        <button
          type="button"
          aria-label="Previous change (P)"
          title="Previous change (P)"
          onClick={() => step(-1)}
          disabled={entries.length === 0}
        >
          <ChevronUp size={16} aria-hidden />
        </button>
        <button
          type="button"
          aria-label="Next change (N)"
          title="Next change (N)"
          onClick={() => step(1)}
          disabled={entries.length === 0}
        >
          <ChevronDown size={16} aria-hidden />
        </button>
        <button type="button" aria-label="Close compare" title="Close compare" onClick={() => setOpen(false)}>
          <X size={16} aria-hidden />
        </button>
      </header>
      {!asIs || !diff ? (
        <p>
          This workflow does not redesign an as-is in this workspace: choose its as-is in the Inspector
          (workflow settings).
        </p>
      ) : (
        <>
          <FigureStrip
            asIs={asIs}
            asIsRoles={asIsRoles}
            toBe={workflow}
            beforeLabel={against ? against.label : 'as-is'}
          />
          <p className="compare-summary" role="status">
            {diff.steps.added.length} added, {diff.steps.changed.length} changed, {diff.steps.removed.length}{' '}
            removed;{' '}
            {diff.connections.added.length +
              diff.connections.removed.length +
              diff.connections.changed.length}{' '}
            connection changes; {diff.moved.length} moved only.
          </p>
          {GROUPS.map(({ group, title, badge }) => {
            const list = entries.filter((e) => e.group === group);
            if (list.length === 0) return null;
            return (
              <div key={group} className="compare-group">
                <h3>
                  {title} ({list.length})
                </h3>
                <ul aria-label={`${title} steps`}>
                  {list.map((entry) => {
                    const index = entries.indexOf(entry);
                    return (
                      <li key={entry.key} className={`compare-entry ${group}`}>
                        <button
                          type="button"
                          ref={(el) => {
                            if (el) buttons.current.set(entry.key, el);
                            else buttons.current.delete(entry.key);
                          }}
                          aria-current={current === index ? 'true' : undefined}
                          aria-description={entry.details.length ? entry.details.join('; ') : undefined}
                          onClick={() => go(index)}
                        >
                          <span className="compare-badge">{badge}</span> {entry.headline}
                        </button>
                        {entry.details.length > 0 && (
                          <details>
                            <summary>{entry.details.length} more changes</summary>
                            <ul>
                              {entry.details.map((d) => (
                                <li key={d}>{d}</li>
                              ))}
                            </ul>
                          </details>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
