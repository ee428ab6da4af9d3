// Simulation on every core: the generated 200-step workflow's replications split over worker threads, one
// part each (shared/simulation/parallel.ts), against the same run on one core, in the same process. Prints
// the median wall time and step-event rate of each over the runs, the speed-up, and whether the merged
// result equals the single run's (it must, bit for bit). Worker start-up is included, as in the app, which
// starts its workers for each run.
//   node bench/simulationParallel.mjs [--runs N] [--workers W] [--replications R] [--weeks K]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { Worker } from 'node:worker_threads';
import { bundleShared, median } from './support.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  const value = i > 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const RUNS = Math.max(3, arg('--runs', 5));
const WORKERS = arg('--workers', Math.min(4, availableParallelism()));
const REPLICATIONS = arg('--replications', 8);
const WEEKS = arg('--weeks', 10);
const TARGET = 1.8;

const dir = mkdtempSync(join(tmpdir(), 'coarchitect-bench-'));
const bundle = join(dir, 'shared.mjs');
writeFileSync(
  bundle,
  await bundleShared(
    [
      "export { simulateWorkflow, createSimulationPart, mergeParts, splitReplications } from './shared/simulation/index';",
      "export { largeWorkspace } from './shared/examples/largeWorkflow';",
    ].join('\n'),
  ),
);
const workerFile = join(dir, 'part.mjs');
writeFileSync(
  workerFile,
  `import { parentPort, workerData } from 'node:worker_threads';
const { createSimulationPart, largeWorkspace } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const { workflows, roles } = largeWorkspace(200);
const run = createSimulationPart(workflows[0], roles, workerData.options, workerData.part);
while (!run.advance(100000));
parentPort.postMessage(run.figures());
`,
);
const { simulateWorkflow, mergeParts, splitReplications, largeWorkspace } = await import(
  pathToFileURL(bundle).href
);
const { workflows, roles } = largeWorkspace(200);
const workflow = workflows[0];

function single(options) {
  const t0 = performance.now();
  const result = simulateWorkflow(workflow, roles, options);
  return { ms: performance.now() - t0, result };
}

async function parallel(options) {
  const t0 = performance.now();
  const parts = await Promise.all(
    splitReplications(options.replications, WORKERS).map(
      (part) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(workerFile, { workerData: { options, part } });
          worker.once('message', (figures) => {
            resolve(figures);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
  const result = mergeParts(workflow, roles, options, parts);
  return { ms: performance.now() - t0, result };
}

try {
  const base = { weeks: WEEKS, replications: REPLICATIONS, warmupWeeks: 1 };
  single({ ...base, seed: 999 });
  await parallel({ ...base, seed: 999 });
  const ones = [];
  const manys = [];
  let same = true;
  let events = 0;
  for (let i = 0; i < RUNS; i++) {
    const options = { ...base, seed: i + 1 };
    const a = single(options);
    const b = await parallel(options);
    if (!a.result.ok) throw new Error(`simulation failed: ${JSON.stringify(a.result)}`);
    same &&= isDeepStrictEqual(a.result, b.result);
    events = a.result.events;
    ones.push(a.ms);
    manys.push(b.ms);
  }
  const one = median(ones);
  const many = median(manys);
  const rate = (ms) => `${(((events / ms) * 1000) / 1e6).toFixed(2)} M events/s`;
  console.log(
    `simulation of the generated 200-step workflow (${workflow.edges.length} connections), ${REPLICATIONS} replications × ${WEEKS} weeks + 1 warm-up, ${events.toLocaleString('en')} events; median of ${RUNS} runs`,
  );
  console.log(`  1 core:                 ${one.toFixed(0).padStart(6)} ms   ${rate(one)}`);
  console.log(`  ${WORKERS} worker threads:       ${many.toFixed(0).padStart(6)} ms   ${rate(many)}`);
  console.log(
    `  speed-up ${(one / many).toFixed(2)}× (target ≥ ${TARGET}× on 2 cores: ${one / many >= TARGET ? 'met' : 'NOT met'}); same result as one run: ${same ? 'yes' : 'NO'}`,
  );
  if (!same) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
