/**
 * Monte Carlo simulation of the open workflow (with the current what-if figures), run in a Web Worker so the
 * editor stays responsive: progress, cancel, the cycle-time distribution and every figure with its 95%
 * confidence interval.
 */
import { Play, Square } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Estimate, SimulationSummary } from '../../shared/simulation/index';
import { formatNumber, formatPercent } from '../../shared/analysis/numbers';
import type { Workflow } from '../../shared/model/schema';
import { useWorkspace } from '../store/workspaceStore';
import { toAnalysisOptions, useWhatIfFor } from '../store/whatIfStore';
import { useSimulation } from '../store/simulationStore';
import { prewarmSimulationWorkers, workersFor } from '../workers/simulationClient';
import { NumberField } from '../ui/fields';
import { formatDuration } from './format';

function withInterval(e: Estimate | null, format: (v: number) => string): string {
  if (!e) return '—';
  return e.halfWidth === null ? format(e.mean) : `${format(e.mean)} (${format(e.low)}–${format(e.high)})`;
}

export function SimulationView({ workflow }: { workflow: Workflow }) {
  const roles = useWorkspace((s) => s.roles);
  const whatIf = useWhatIfFor(workflow.id);
  const [weeks, setWeeks] = useState(12);
  const [replications, setReplications] = useState(10);
  const [seed, setSeed] = useState(1);
  const { progress, result, error } = useSimulation();

  // A run and its result belong to the workflow they were made for.
  useEffect(() => useSimulation.getState().keepOnly(workflow.id), [workflow.id]);
  // The workers load their code while the user sets up the run.
  useEffect(() => prewarmSimulationWorkers(workersFor(replications)), [replications]);

  const start = () =>
    useSimulation
      .getState()
      .start(workflow, roles, { ...toAnalysisOptions(whatIf), weeks, replications, seed });

  return (
    <section aria-labelledby="simulation-title" className="simulation">
      <h3 id="simulation-title">Simulation</h3>
      <p className="muted small">
        Simulates week after week of random arrivals and processing times, queueing at each role, to show the
        spread around the averages above.
      </p>
      <div className="row3">
        <NumberField label="Simulated weeks" min={1} max={520} integer value={weeks} onCommit={setWeeks} />
        <NumberField
          label="Replications"
          min={2}
          max={1000}
          integer
          value={replications}
          onCommit={setReplications}
        />
        <NumberField label="Seed" min={0} max={2 ** 31} integer value={seed} onCommit={setSeed} />
      </div>
      <div className="button-row">
        {progress === null ? (
          <button type="button" className="primary" onClick={start}>
            <Play size={14} aria-hidden /> Run simulation
          </button>
        ) : (
          <>
            <progress max={1} value={progress} aria-label="Simulation progress" />
            <button type="button" onClick={() => useSimulation.getState().cancel()}>
              <Square size={14} aria-hidden /> Cancel simulation
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="banner error" role="alert">
          The simulation failed: {error}
        </p>
      )}
      {result && !result.ok && result.cancelled && <p role="status">Simulation cancelled.</p>}
      {result && !result.ok && !result.cancelled && (
        <p className="banner error" role="alert">
          The workflow cannot be simulated: {result.error.message}
        </p>
      )}
      {result?.ok && <SimulationResults summary={result} />}
    </section>
  );
}

function SimulationResults({ summary }: { summary: SimulationSummary }) {
  const ct = summary.cycleTimeMinutes;
  const bins = summary.histogram.map((b) => ({
    label: formatDuration(b.from),
    share: Math.round(b.share * 1000) / 10,
  }));
  return (
    <div aria-label="Simulation results" role="region">
      {!summary.stable && (
        <p className="banner error" role="alert">
          Not stable: work piles up faster than it is done (
          {summary.overloadedRoleIds.length + summary.overloadedAiStepIds.length} queue
          {summary.overloadedRoleIds.length + summary.overloadedAiStepIds.length === 1 ? '' : 's'}{' '}
          overloaded); waits grow with the length of the run.
        </p>
      )}
      <table className="figures-table" aria-label="Simulated cycle time and throughput">
        <tbody>
          <tr>
            <th scope="row">Cycle time, mean</th>
            <td>{withInterval(ct.mean, formatDuration)}</td>
          </tr>
          <tr>
            <th scope="row">Cycle time, median</th>
            <td>{withInterval(ct.median, formatDuration)}</td>
          </tr>
          <tr>
            <th scope="row">Cycle time, 90th percentile</th>
            <td>{withInterval(ct.p90, formatDuration)}</td>
          </tr>
          <tr>
            <th scope="row">Throughput per week</th>
            <td>{withInterval(summary.throughputPerWeek, formatNumber)}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted small">
        Means over {summary.replicationsDone} replications of {summary.settings.weeks} weeks with 95%
        confidence intervals; {formatNumber(summary.completedCases)} cases, {formatNumber(summary.events)}{' '}
        events.
      </p>
      <div className="chart" aria-hidden>
        <ResponsiveContainer width="100%" height={140}>
          <BarChart accessibilityLayer={false} data={bins} margin={{ left: 0, right: 8, top: 4, bottom: 4 }}>
            <XAxis dataKey="label" fontSize={10} interval="preserveStartEnd" />
            <YAxis unit="%" fontSize={10} width={36} />
            <Tooltip formatter={(v) => `${String(v)}% of cases`} />
            <Bar dataKey="share" fill="#3f51b5" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="figures-table" aria-label="Simulated roles">
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Utilization</th>
            <th scope="col">Wait</th>
            <th scope="col">Queue</th>
          </tr>
        </thead>
        <tbody>
          {summary.roles.map((r) => (
            <tr key={r.id} className={r.overloaded ? 'constraint' : undefined}>
              <th scope="row">{r.name}</th>
              <td>{withInterval(r.utilization, formatPercent)}</td>
              <td>{withInterval(r.waitMinutes, formatDuration)}</td>
              <td>{withInterval(r.meanQueueLength, formatNumber)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.warnings.length > 0 && (
        <ul className="analysis-warnings small muted">
          {summary.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
