// Simulation on every core: the generated 200-step workflow's replications split over worker threads, one
// part each (shared/simulation/parallel.ts), against the same run on one core, in the same process. Prints
// the median wall time and step-event rate of each over the runs, the speed-up, and whether the merged
// result equals the single run's (it must, bit for bit). Two ways: fresh workers for each run (start-up and
// compiling included), and a warm pool kept between runs, as the app now does (renderer/workers/
// simulationClient.ts); the target applies to the pool.
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
const work = ({ options, part }) => {
  const run = createSimulationPart(workflows[0], roles, options, part);
  while (!run.advance(100000));
  return run.figures();
};
// A fresh worker runs the part it was started with; a pooled one runs each part it is sent.
if (workerData) parentPort.postMessage(work(workerData));
else parentPort.on('message', (job) => parentPort.postMessage(work(job)));
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

const pool = Array.from({ length: WORKERS }, () => new Worker(workerFile, { workerData: null }));
async function pooled(options) {
  const t0 = performance.now();
  const parts = await Promise.all(
    splitReplications(options.replications, WORKERS).map(
      (part, i) =>
        new Promise((resolve, reject) => {
          const worker = pool[i];
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage({ options, part });
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
  await pooled({ ...base, seed: 999 });
  const ones = [];
  const manys = [];
  const warms = [];
  let same = true;
  let events = 0;
  for (let i = 0; i < RUNS; i++) {
    const options = { ...base, seed: i + 1 };
    const a = single(options);
    const b = await parallel(options);
    const c = await pooled(options);
    if (!a.result.ok) throw new Error(`simulation failed: ${JSON.stringify(a.result)}`);
    same &&= isDeepStrictEqual(a.result, b.result) && isDeepStrictEqual(a.result, c.result);
    warms.push(c.ms);
    events = a.result.events;
    ones.push(a.ms);
    manys.push(b.ms);
  }
  const one = median(ones);
  const many = median(manys);
  const warm = median(warms);
  const rate = (ms) => `${(((events / ms) * 1000) / 1e6).toFixed(2)} M events/s`;
  console.log(
    `simulation of the generated 200-step workflow (${workflow.edges.length} connections), ${REPLICATIONS} replications × ${WEEKS} weeks + 1 warm-up, ${events.toLocaleString('en')} events; median of ${RUNS} runs`,
  );
  console.log(`  1 core:                 ${one.toFixed(0).padStart(6)} ms   ${rate(one)}`);
  console.log(
    `  ${WORKERS} fresh worker threads: ${many.toFixed(0).padStart(6)} ms   ${rate(many)}   speed-up ${(one / many).toFixed(2)}×`,
  );
  console.log(
    `  ${WORKERS} pooled (warm) threads: ${warm.toFixed(0).padStart(5)} ms   ${rate(warm)}   speed-up ${(one / warm).toFixed(2)}× (target ≥ ${TARGET}× on 2 cores: ${one / warm >= TARGET ? 'met' : 'NOT met'})`,
  );
  console.log(`  same result as one run, both ways: ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
} finally {
  await Promise.all(pool.map((w) => w.terminate()));
  rmSync(dir, { recursive: true, force: true });
}
