// Benchmarks the discrete-event simulation on the customer-support to-be example (1,200 tickets a week):
// step-events per second on one core. Bundles shared/simulation and the example with esbuild in memory and
// prints the median over the timed runs, with the event count and wall time of each.
//   node bench/simulation.mjs [--runs N] [--weeks W] [--replications R]
import { importShared } from './support.mjs';
import { performance } from 'node:perf_hooks';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  const value = i > 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const RUNS = Math.max(5, arg('--runs', 7));
const WEEKS = arg('--weeks', 52);
const REPLICATIONS = arg('--replications', 20);
const WARMUP_RUNS = 2;

const { simulateWorkflow, customerSupportExample } = await importShared(
  [
    "export { simulateWorkflow } from './shared/simulation/index';",
    "export { customerSupportExample } from './shared/examples/customerSupport';",
  ].join('\n'),
);

const workspace = customerSupportExample();
const workflow = workspace.workflows.find((w) => w.kind === 'to-be');
const options = { weeks: WEEKS, replications: REPLICATIONS, warmupWeeks: 1 };

function once(seed) {
  const t0 = performance.now();
  const result = simulateWorkflow(workflow, workspace.roles, { ...options, seed });
  const ms = performance.now() - t0;
  if (!result.ok) throw new Error(`simulation failed: ${JSON.stringify(result)}`);
  return { ms, events: result.events, result };
}

for (let i = 0; i < WARMUP_RUNS; i++) once(1000 + i);
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(once(i + 1));

const rates = runs.map((r) => r.events / (r.ms / 1000)).sort((a, b) => a - b);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x) => Math.round(x).toLocaleString('en');
const last = runs[runs.length - 1].result;

console.log(
  `Simulation of '${workflow.name}': ${fmt(last.settings.volumePerWeek)} cases/week, ${WEEKS} weeks + 1 warm-up, ${REPLICATIONS} replications, ${RUNS} timed runs (node ${process.version})`,
);
for (const [i, r] of runs.entries()) {
  console.log(
    `  run ${i + 1}: ${fmt(r.events)} events in ${r.ms.toFixed(0)} ms = ${fmt(r.events / (r.ms / 1000))} events/s`,
  );
}
console.log(
  `median: ${fmt(median(rates))} events/s (min ${fmt(rates[0])}, max ${fmt(rates[rates.length - 1])})`,
);
console.log(
  `events per run: ${fmt(median(runs.map((r) => r.events)))}, median wall time ${median(runs.map((r) => r.ms)).toFixed(0)} ms`,
);
const ct = last.cycleTimeMinutes.mean;
console.log(
  `check: cycle time ${ct.mean.toFixed(2)} ± ${ct.halfWidth.toFixed(2)} min, throughput ${last.throughputPerWeek.mean.toFixed(0)}/week, ` +
    last.roles.map((r) => `${r.name} ${(r.utilization.mean * 100).toFixed(1)}%`).join(', '),
);
