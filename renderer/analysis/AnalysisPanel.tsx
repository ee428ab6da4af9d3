/**
 * Where work piles up: the constraint, capacity, cycle time and cost of the open workflow, each figure with
 * its "why"; utilization per role; what-if controls; and the comparison with its as-is or to-be.
 */
import { useState } from 'react';
import { AlertTriangle, RotateCcw, Check } from 'lucide-react';
import { Bar, BarChart, Cell, LabelList, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { AnalysisResult, WorkflowAnalysis } from '../../shared/analysis/analyze';
import type { WorkflowComparison } from '../../shared/analysis/compare';
import { formatMoney, formatNumber, formatPercent } from '../../shared/analysis/numbers';
import { formatDuration as formatMinutes } from './format';
import type { Workflow } from '../../shared/model/schema';
import { useWorkspace } from '../store/workspaceStore';
import { costsRedacted } from '../../shared/format/redact';
import { hasOverrides, useWhatIf, useWhatIfFor } from '../store/whatIfStore';
import { caseVolume } from '../../shared/whatIf/whatIf';
import { useEditor, type HeatMode } from '../store/editorStore';
import { NumberField, SelectField } from '../ui/fields';
import { MountInTurn } from '../ui/MountInTurn';
import { useComparison } from './useAnalysis';
import { SimulationView } from './SimulationView';
import { ProjectionView } from './ProjectionView';

export function AnalysisPanel({ workflow, analysis }: { workflow: Workflow; analysis: AnalysisResult }) {
  const comparison = useComparison(workflow, analysis);
  const heat = useEditor((s) => s.heat);
  const roles = useWorkspace((s) => s.roles);
  const redacted = costsRedacted(workflow, roles);
  return (
    <div className="analysis-panel">
      {analysis.ok ? (
        <Headline analysis={analysis} costsRedacted={redacted} />
      ) : analysis.error.code === 'pending' ? (
        <p className="muted" role="status">
          {analysis.error.message}
        </p>
      ) : (
        <AnalysisFailed message={analysis.error.message} />
      )}
      <SelectField<HeatMode>
        label="Heat on the diagram"
        value={heat}
        options={[
          { value: 'off', label: 'Off' },
          { value: 'load', label: 'Person-hours per week' },
          { value: 'wait', label: 'Waiting time' },
        ]}
        onCommit={(h) => useEditor.getState().setHeat(h)}
      />
      {analysis.ok && <Utilization analysis={analysis} />}
      <WhatIfControls workflow={workflow} analysis={analysis.ok ? analysis : null} />
      {comparison && <Comparison comparison={comparison} costsRedacted={redacted} />}
      <SimulationView workflow={workflow} />
      {analysis.ok && <ProjectionView workflow={workflow} />}
    </div>
  );
}

function AnalysisFailed({ message }: { message: string }) {
  return (
    <p className="banner error" role="alert">
      <AlertTriangle size={14} aria-hidden /> The workflow cannot be analysed yet: {message}
    </p>
  );
}

function Why({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <details className="why">
      <summary>Why?</summary>
      <p>{text}</p>
    </details>
  );
}

function Figure({
  label,
  value,
  detail,
  why,
}: {
  label: string;
  value: string;
  detail?: string;
  why?: string | undefined;
}) {
  return (
    // A group per figure (found by its name), each its own term and definition: a <dl> may not hold groups.
    <div className="figure" role="group" aria-label={label}>
      <dl>
        <dt>{label}</dt>
        <dd>
          <strong>{value}</strong>
          {detail && <span className="muted small"> {detail}</span>}
          <Why text={why} />
        </dd>
      </dl>
    </div>
  );
}

function Headline({ analysis, costsRedacted }: { analysis: WorkflowAnalysis; costsRedacted: boolean }) {
  const { bottleneck, overload, cycleTimeMinutes: ct, costPerCase, explanations } = analysis;
  const roleName = (id: string) => analysis.roles.find((r) => r.id === id)?.name ?? id;
  return (
    <section aria-labelledby="analysis-headline">
      <h2 id="analysis-headline">At {formatNumber(analysis.volumePerWeek)} cases a week</h2>
      {overload && (
        <p className="banner error" role="alert">
          Overloaded: {roleName(overload.roleId)} needs {formatPercent(overload.utilization)} of its capacity
          ({formatNumber(overload.excessHoursPerWeek)} h a week too much). It fits{' '}
          {formatNumber(overload.volumeThatFits)} cases a week
          {overload.headcountNeeded !== null
            ? `, or this volume with ${overload.headcountNeeded} people`
            : ''}
          .
        </p>
      )}
      <div className="figures">
        <Figure
          label="Constraint"
          value={
            bottleneck
              ? `${roleName(bottleneck.roleId)} · ${formatPercent(bottleneck.utilization)}`
              : 'None (no one works on this flow)'
          }
          why={explanations['bottleneck']}
        />
        <Figure
          label="Capacity"
          value={
            analysis.maxVolumePerWeek === null
              ? '—'
              : `${formatNumber(analysis.maxVolumePerWeek)} cases / week`
          }
          why={explanations['maxVolumePerWeek']}
        />
        <Figure
          label="Cycle time per case"
          value={ct.total === null ? 'grows without limit' : formatMinutes(ct.total)}
          detail={`${formatMinutes(ct.processing)} work + ${ct.waiting === null ? 'unbounded' : formatMinutes(ct.waiting)} waiting`}
          why={explanations['cycleTimeMinutes.total']}
        />
        <Figure
          label="Cost per case"
          // A file exported for sharing left the costs per hour out: people's cost is unknown, not zero.
          value={costsRedacted ? 'redacted' : formatMoney(costPerCase.total)}
          detail={
            costsRedacted
              ? `people: redacted (costs per hour were left out of this file) + ${formatMoney(costPerCase.ai)} AI`
              : `${formatMoney(costPerCase.people)} people + ${formatMoney(costPerCase.ai)} AI`
          }
          why={costsRedacted ? undefined : explanations['costPerCase.total']}
        />
      </div>
      {analysis.warnings.length > 0 && (
        <ul className="analysis-warnings small muted">
          {analysis.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

const BAR = '#3f51b5';
const CONSTRAINT = '#b3261e';

function Utilization({ analysis }: { analysis: WorkflowAnalysis }) {
  const rows = analysis.roles.map((r) => ({
    id: r.id,
    name: r.name,
    percent: r.utilization === null ? 0 : Math.round(r.utilization * 1000) / 10,
    isConstraint: analysis.bottleneck?.roleId === r.id,
  }));
  return (
    <section aria-labelledby="utilization-title">
      <h3 id="utilization-title">Utilization by role</h3>
      {rows.length > 0 && (
        <div className="chart" aria-hidden>
          <MountInTurn height={Math.max(80, rows.length * 34 + 30)}>
            <ResponsiveContainer width="100%" height={Math.max(80, rows.length * 34 + 30)}>
              <BarChart
                accessibilityLayer={false}
                data={rows}
                layout="vertical"
                margin={{ left: 4, right: 40, top: 4, bottom: 4 }}
              >
                <XAxis
                  type="number"
                  domain={[0, (max: number) => Math.max(100, Math.ceil(max / 10) * 10)]}
                  unit="%"
                  fontSize={11}
                />
                <YAxis type="category" dataKey="name" width={110} fontSize={11} />
                <ReferenceLine x={100} stroke="#5d6778" strokeDasharray="4 3" />
                <Bar dataKey="percent" isAnimationActive={false}>
                  {rows.map((r) => (
                    <Cell key={r.id} fill={r.isConstraint ? CONSTRAINT : BAR} />
                  ))}
                  <LabelList
                    dataKey="percent"
                    position="right"
                    formatter={(v) => `${String(v)}%`}
                    fontSize={11}
                  />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </MountInTurn>
        </div>
      )}
      <table className="figures-table" aria-label="Utilization by role">
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Load / capacity (h/wk)</th>
            <th scope="col">Utilization</th>
            <th scope="col">Wait</th>
          </tr>
        </thead>
        <tbody>
          {analysis.roles.map((r) => (
            <tr key={r.id} className={analysis.bottleneck?.roleId === r.id ? 'constraint' : undefined}>
              <th scope="row">
                {r.name}
                {analysis.bottleneck?.roleId === r.id && (
                  <span className="badge constraint-badge">constraint</span>
                )}
              </th>
              <td>
                {formatNumber(r.loadHoursPerWeek)} / {formatNumber(r.capacityHoursPerWeek)}
              </td>
              <td>{formatPercent(r.utilization)}</td>
              <td>{r.waitMinutes === null ? 'unbounded' : formatMinutes(r.waitMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Reviews offered for a what-if at first; a workflow of thousands of steps has hundreds of them. */
const REVIEWS_OFFERED = 6;

type ReviewStep = Extract<Workflow['steps'][number], { type: 'review' }>;

/**
 * The reviews whose rejection rate can be tried: all of them, or the busiest REVIEWS_OFFERED (by
 * person-hours per week, workflow order where there is no analysis) and any already changed, in workflow order.
 */
function reviewsToOffer(
  workflow: Workflow,
  analysis: WorkflowAnalysis | null,
  overrides: Readonly<Record<string, number>>,
  all: boolean,
): ReviewStep[] {
  const reviews = workflow.steps.filter((s): s is ReviewStep => s.type === 'review');
  if (all || reviews.length <= REVIEWS_OFFERED) return reviews;
  const hours = new Map(analysis?.steps.map((s) => [s.id, s.hoursPerWeek]) ?? []);
  const busiest = new Set(
    [...reviews]
      .sort((a, b) => (hours.get(b.id) ?? 0) - (hours.get(a.id) ?? 0))
      .slice(0, REVIEWS_OFFERED)
      .map((r) => r.id),
  );
  return reviews.filter((r) => busiest.has(r.id) || overrides[r.id] !== undefined);
}

function WhatIfControls({ workflow, analysis }: { workflow: Workflow; analysis: WorkflowAnalysis | null }) {
  const whatIf = useWhatIfFor(workflow.id);
  const roles = useWorkspace((s) => s.roles);
  const { setVolume, setHeadcount, setRejectionRate, reset, apply } = useWhatIf.getState();
  const usedRoles = roles.filter((r) => analysis?.roles.some((a) => a.id === r.id));
  const [allReviews, setAllReviews] = useState(false);
  const reviews = reviewsToOffer(workflow, analysis, whatIf.rejectionRate, allReviews);
  const reviewCount = workflow.steps.filter((s) => s.type === 'review').length;
  const changed = hasOverrides(whatIf);
  return (
    <section aria-labelledby="whatif-title" className="what-if">
      <h3 id="whatif-title">What if…</h3>
      <p className="muted small">Try other figures; the saved workflow changes only when you apply them.</p>
      <NumberField
        label="Cases per week"
        bound="volumePerWeek"
        value={caseVolume(workflow, whatIf)}
        onCommit={(v) => setVolume(workflow.id, v === workflow.volumePerWeek ? undefined : v)}
      />
      {usedRoles.map((role) => (
        <NumberField
          key={role.id}
          label={`Headcount: ${role.name}`}
          bound="headcount"
          step={1}
          value={whatIf.headcount[role.id] ?? role.headcount}
          onCommit={(v) => setHeadcount(workflow.id, role.id, v === role.headcount ? undefined : v)}
        />
      ))}
      {reviews.map((step) => (
        <NumberField
          key={step.id}
          label={`Rejection rate: ${step.name}`}
          bound="rejectionRate"
          unit="%"
          scale={100}
          value={whatIf.rejectionRate[step.id] ?? step.rejectionRate}
          onCommit={(v) => setRejectionRate(workflow.id, step.id, v === step.rejectionRate ? undefined : v)}
        />
      ))}
      {reviewCount > REVIEWS_OFFERED && (
        <button
          type="button"
          className="link"
          aria-expanded={allReviews}
          onClick={() => setAllReviews(!allReviews)}
        >
          {allReviews ? `Show the ${REVIEWS_OFFERED} busiest reviews` : `Show all ${reviewCount} reviews`}
        </button>
      )}
      <div className="button-row">
        <button type="button" disabled={!changed} onClick={() => reset()}>
          <RotateCcw size={14} aria-hidden /> Reset what-if
        </button>
        <button type="button" className="primary" disabled={!changed} onClick={() => void apply()}>
          <Check size={14} aria-hidden /> Apply to workflow
        </button>
      </div>
    </section>
  );
}

function signed(value: number | null, format: (v: number) => string): string {
  if (value === null) return '—';
  if (Math.abs(value) < 1e-9) return '±0';
  return `${value > 0 ? '+' : '−'}${format(Math.abs(value))}`;
}

function Comparison({
  comparison: c,
  costsRedacted,
}: {
  comparison: WorkflowComparison;
  costsRedacted: boolean;
}) {
  const name = (id: string | undefined) => c.utilization.find((u) => u.roleId === id)?.name ?? '—';
  const rows: { label: string; asIs: string; toBe: string; diff: string }[] = [
    {
      label: 'Constraint',
      asIs: c.bottleneck.asIs
        ? `${name(c.bottleneck.asIs.roleId)} ${formatPercent(c.bottleneck.asIs.utilization)}`
        : '—',
      toBe: c.bottleneck.toBe
        ? `${name(c.bottleneck.toBe.roleId)} ${formatPercent(c.bottleneck.toBe.utilization)}`
        : '—',
      diff: c.bottleneck.moved ? 'moved' : 'same role',
    },
    {
      label: 'Capacity (cases/wk)',
      asIs: c.maxVolumePerWeek.asIs === null ? '—' : formatNumber(c.maxVolumePerWeek.asIs),
      toBe: c.maxVolumePerWeek.toBe === null ? '—' : formatNumber(c.maxVolumePerWeek.toBe),
      diff: signed(c.maxVolumePerWeek.difference, formatNumber),
    },
    {
      label: 'Cycle time',
      asIs:
        c.cycleTimeMinutes.total.asIs === null ? 'unbounded' : formatMinutes(c.cycleTimeMinutes.total.asIs),
      toBe:
        c.cycleTimeMinutes.total.toBe === null ? 'unbounded' : formatMinutes(c.cycleTimeMinutes.total.toBe),
      diff: signed(c.cycleTimeMinutes.total.difference, formatMinutes),
    },
    {
      label: 'Cost per case',
      asIs: costsRedacted ? 'redacted' : formatMoney(c.costPerCase.total.asIs ?? 0),
      toBe: costsRedacted ? 'redacted' : formatMoney(c.costPerCase.total.toBe ?? 0),
      diff: costsRedacted ? '—' : signed(c.costPerCase.total.difference, formatMoney),
    },
    ...c.utilization.map((u) => ({
      label: `Utilization: ${u.name}`,
      asIs: formatPercent(u.asIs),
      toBe: formatPercent(u.toBe),
      diff:
        u.difference === null
          ? '—'
          : `${u.difference > 0 ? '+' : '−'}${formatPercent(Math.abs(u.difference))}`,
    })),
  ];
  return (
    <section aria-labelledby="compare-title">
      <h3 id="compare-title">
        {c.asIs.name} → {c.toBe.name}
      </h3>
      <table className="figures-table" aria-label="As-is against to-be">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">As-is</th>
            <th scope="col">To-be</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.asIs}</td>
              <td>{r.toBe}</td>
              <td>{r.diff}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>What the redesign frees people to do</h3>
      <table className="figures-table" aria-label="Hours freed per role">
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Hours / week</th>
            <th scope="col">Full-time equivalents</th>
          </tr>
        </thead>
        <tbody>
          {c.hoursFreedPerRole.map((h) => (
            <tr key={h.roleId}>
              <th scope="row">{h.name}</th>
              <td>{signed(h.hoursPerWeek, formatNumber)}</td>
              <td>{signed(h.fte, (v) => v.toFixed(1))}</td>
            </tr>
          ))}
          <tr className="total">
            <th scope="row">All roles</th>
            <td>{signed(c.totals.hoursFreedPerWeek, formatNumber)}</td>
            <td>{signed(c.totals.fteFreed, (v) => v.toFixed(1))}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted small">Positive: hours the to-be gives back; negative: hours it needs more.</p>
    </section>
  );
}
