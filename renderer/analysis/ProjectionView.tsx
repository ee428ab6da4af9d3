/** Week-by-week projection of the workflow as people and AI learn: capacity, cost, and the moving constraint. */
import { useEffect, useMemo, useState } from 'react';
import { MountInTurn } from '../ui/MountInTurn';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { projectLearning, type ProjectionResult, type WeekPoint } from '../../shared/analysis/projection';
import { projectInBackground } from '../workers/analysisClient';
import { formatMoney, formatNumber, formatPercent } from '../../shared/analysis/numbers';
import type { Workflow } from '../../shared/model/schema';
import { useWorkspace } from '../store/workspaceStore';
import { useSkillIndex } from '../store/selectors';
import { toAnalysisOptions, useWhatIfFor } from '../store/whatIfStore';
import { NumberField } from '../ui/fields';
import { formatDuration } from './format';

/** Up to this size the projection runs on this thread at once; above it, in the analysis worker. */
const ON_THREAD_PROJECTION_STEPS = 300;
/** A background projection starts once editing pauses this long, so a burst of edits runs it once. */
const BACKGROUND_PROJECTION_DELAY_MS = 400;
const LINE_COLOURS = ['#3f51b5', '#b3261e', '#0f8a80', '#b76a00', '#7b43c9', '#2f6fce', '#5b6573'];

export function ProjectionView({ workflow }: { workflow: Workflow }) {
  const roles = useWorkspace((s) => s.roles);
  const whatIf = useWhatIfFor(workflow.id);
  const skills = useSkillIndex();
  const [weeks, setWeeks] = useState(26);
  // A projection analyses the workflow once per week: small workflows here and at once, large ones in the
  // analysis worker when editing pauses, so that editing stays fluid either way.
  const automatic = workflow.steps.length <= ON_THREAD_PROJECTION_STEPS;
  const onThread = useMemo(
    () =>
      automatic
        ? projectLearning(workflow, roles, { weeks, options: toAnalysisOptions(whatIf), skills })
        : null,
    [workflow, roles, weeks, whatIf, automatic, skills],
  );
  // The last background result stays on screen, marked as updating, while the next one is computed.
  const [background, setBackground] = useState<ProjectionResult | null>(null);
  const [updating, setUpdating] = useState(false);
  useEffect(() => {
    if (automatic) return;
    setUpdating(true);
    let live = true;
    let job: ReturnType<typeof projectInBackground> | null = null;
    const timer = setTimeout(() => {
      job = projectInBackground(workflow, roles, weeks, toAnalysisOptions(whatIf));
      job.promise
        .then(
          (result) => live && setBackground(result),
          (error: Error) =>
            live &&
            setBackground({
              ok: false,
              message: `The projection failed: ${error.message}`,
              week: null,
              error: null,
            }),
        )
        .finally(() => live && setUpdating(false));
    }, BACKGROUND_PROJECTION_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
      job?.cancel();
    };
  }, [workflow, roles, weeks, whatIf, automatic]);
  const projection = automatic ? onThread : (background ?? (updating ? 'running' : null));
  const roleName = (id: string | undefined) => roles.find((r) => r.id === id)?.name ?? '—';
  // Reviews whose rejection moves (feedback loops, skill penalties), shown as columns of their own.
  const reviews =
    projection && projection !== 'running' && projection.ok
      ? Object.keys(projection.weeks[0]?.rejectionRate ?? {}).map((id) => ({
          id,
          name: workflow.steps.find((s) => s.id === id)?.name ?? id,
        }))
      : [];

  return (
    <section aria-labelledby="projection-title" className="projection">
      <h3 id="projection-title">Learning over the weeks</h3>
      {!automatic && background !== null && updating && (
        <p className="muted small" role="status">
          Updating the projection…
        </p>
      )}
      {projection === 'running' || projection === null ? (
        <p className="muted" role="status">
          Projecting…
        </p>
      ) : !projection.ok ? (
        <p className="banner error" role="alert">
          {projection.message}
        </p>
      ) : projection.learningSteps + projection.feedbackReviews + projection.trackedGaps === 0 &&
        !projection.weeks.some((p) => Object.keys(p.learningHoursPerWeek).length > 0) ? (
        <p className="muted small">
          Nothing learns yet. In the Inspector, give a human or AI-assisted task a learning curve, mark a
          review as a feedback loop, or add coaching or a learning plan (Skills &amp; learning), to see how
          capacity, cycle time and cost move as the team learns.
        </p>
      ) : (
        <>
          <NumberField
            label="Horizon"
            unit="weeks"
            min={1}
            max={520}
            integer
            value={weeks}
            onCommit={setWeeks}
          />
          <ProjectionSummary points={projection.weeks} roleName={roleName} reviews={reviews} />
          <div className="chart" aria-hidden>
            <MountInTurn height={180}>
              <ResponsiveContainer width="100%" height={180}>
                <LineChart
                  accessibilityLayer={false}
                  data={projection.weeks.map((p) => ({ week: p.week, ...percentages(p) }))}
                  margin={{ left: 0, right: 8, top: 4, bottom: 4 }}
                >
                  <CartesianGrid stroke="#eef0f3" />
                  <XAxis dataKey="week" fontSize={10} />
                  <YAxis unit="%" fontSize={10} width={40} />
                  <Tooltip formatter={(v) => `${String(v)}%`} labelFormatter={(w) => `Week ${String(w)}`} />
                  <Legend wrapperStyle={{ fontSize: 11 }} />
                  {Object.keys(projection.weeks[0]?.utilization ?? {}).map((id, i) => (
                    <Line
                      key={id}
                      dataKey={id}
                      name={roleName(id)}
                      stroke={LINE_COLOURS[i % LINE_COLOURS.length]}
                      dot={false}
                      isAnimationActive={false}
                    />
                  ))}
                </LineChart>
              </ResponsiveContainer>
            </MountInTurn>
          </div>
          <table className="figures-table" aria-label="Projection by week">
            <thead>
              <tr>
                <th scope="col">Week</th>
                <th scope="col">Capacity</th>
                <th scope="col">Constraint</th>
                <th scope="col">Cycle time</th>
                <th scope="col">Cost / case</th>
                {reviews.map((r) => (
                  <th scope="col" key={r.id}>
                    Rejection at {r.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sample(projection.weeks).map((p) => (
                <tr key={p.week}>
                  <th scope="row">{p.week}</th>
                  <td>{p.maxVolumePerWeek === null ? '—' : formatNumber(Math.round(p.maxVolumePerWeek))}</td>
                  <td>
                    {p.bottleneck
                      ? `${roleName(p.bottleneck.roleId)} ${formatPercent(p.bottleneck.utilization)}`
                      : '—'}
                  </td>
                  <td>{p.cycleTimeMinutes === null ? 'unbounded' : formatDuration(p.cycleTimeMinutes)}</td>
                  <td>{formatMoney(p.costPerCase)}</td>
                  {reviews.map((r) => (
                    <td key={r.id}>{formatPercent(p.rejectionRate[r.id] ?? null)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function percentages(p: WeekPoint): Record<string, number | null> {
  return Object.fromEntries(
    Object.entries(p.utilization).map(([id, u]) => [id, u === null ? null : Math.round(u * 1000) / 10]),
  );
}

/** Week 0, every 4th week, and the last: enough rows to read the trend without a wall of numbers. */
function sample(points: readonly WeekPoint[]): WeekPoint[] {
  return points.filter((p, i) => i === 0 || i === points.length - 1 || p.week % 4 === 0);
}

function ProjectionSummary({
  points,
  roleName,
  reviews,
}: {
  points: readonly WeekPoint[];
  roleName(id: string | undefined): string;
  reviews: readonly { id: string; name: string }[];
}) {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  const move = points.find((p) => p.bottleneck?.roleId !== first.bottleneck?.roleId);
  return (
    <p className="projection-summary" role="status">
      Over {last.week} weeks capacity goes from{' '}
      {first.maxVolumePerWeek === null ? '—' : formatNumber(Math.round(first.maxVolumePerWeek))} to{' '}
      {last.maxVolumePerWeek === null ? '—' : formatNumber(Math.round(last.maxVolumePerWeek))} cases a week
      and cost per case from {formatMoney(first.costPerCase)} to {formatMoney(last.costPerCase)}.{' '}
      {move
        ? `In week ${move.week} the constraint moves from ${roleName(first.bottleneck?.roleId)} to ${roleName(move.bottleneck?.roleId)}.`
        : `The constraint stays with ${roleName(first.bottleneck?.roleId)}.`}
      {reviews.map((r) => {
        const from = first.rejectionRate[r.id];
        const to = last.rejectionRate[r.id];
        if (from === undefined || to === undefined) return null;
        const verb = to < from ? 'falls' : to > from ? 'rises' : 'stays';
        return (
          <span key={r.id}>
            {' '}
            Rejection at {r.name} {verb} {verb === 'stays' ? 'at' : 'from'} {formatPercent(from)}
            {verb === 'stays' ? '' : ` to ${formatPercent(to)}`}.
          </span>
        );
      })}
    </p>
  );
}
