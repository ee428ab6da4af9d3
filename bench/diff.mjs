// Benchmarks the semantic diff (shared/diff) of two versions of a generated 5,000-step workflow
// (shared/examples/largeWorkflow.ts): the second version has every 50th task switched to AI-automated, every
// 10th step moved, every 30th step's times changed, 20 steps removed and 20 added. Target: ≤ 50 ms median.
// The figure deltas (both sides through the analytic engine) are timed too, for information.
//   node bench/diff.mjs [--runs N]
import { performance } from 'node:perf_hooks';
import { benchArgs, importShared, median, percentile } from './support.mjs';

const { runs: RUNS } = benchArgs({ runs: 40, minRuns: 20 });
const WARMUP = 10;
const SIZE = 5000;
const TARGET_MS = 50;

const { diffWorkflows, figureDeltas, largeWorkspace, completeSteps } = await importShared(
  "export { diffWorkflows, figureDeltas } from './shared/diff/index';\n" +
    "export { largeWorkspace } from './shared/examples/largeWorkflow';\n" +
    "export { completeSteps } from './shared/model/schema';",
);

const ws = largeWorkspace(SIZE, 8, { decisionEvery: 4 });
const before = ws.workflows[0];
const removed = new Set();
for (let i = 0, k = 0; i < before.steps.length && k < 20; i += 97) {
  const s = before.steps[i];
  if (s.type === 'task') {
    removed.add(s.id);
    k++;
  }
}
const steps = before.steps
  .filter((s) => !removed.has(s.id))
  .map((s, i) => {
    let next = s;
    if (s.type === 'task' && i % 50 === 0) next = { ...next, mode: 'ai-automated', roleId: null };
    if (i % 10 === 0) next = { ...next, position: { x: s.position.x + 20, y: s.position.y } };
    if ((s.type === 'task' || s.type === 'review') && i % 30 === 0) {
      next = { ...next, duration: { ...s.duration, max: s.duration.max + 1 } };
    }
    return next;
  });
// New tasks with the model's defaults for every field not given.
steps.push(
  ...completeSteps(
    Array.from({ length: 20 }, (_, k) => ({
      type: 'task',
      id: `bench-new-${k}`,
      name: `New step ${k}`,
      position: { x: k * 260, y: -400 },
      roleId: ws.roles[0].id,
      duration: { min: 1, likely: 2, max: 3 },
      mode: 'human',
    })),
  ),
);
const after = {
  ...before,
  steps,
  edges: before.edges.filter((e) => !removed.has(e.source) && !removed.has(e.target)),
};
const a = { workflow: before, roles: ws.roles };
const b = { workflow: after, roles: ws.roles };

function time(fn) {
  for (let i = 0; i < WARMUP; i++) fn();
  const xs = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = fn();
    xs.push(performance.now() - t0);
  }
  return { xs, last };
}

const diff = time(() => diffWorkflows(a, b));
const d = diff.last;
const m = median(diff.xs);
console.log(
  `diff: ${before.steps.length} → ${after.steps.length} steps, ${before.edges.length} → ${after.edges.length} connections: ` +
    `+${d.steps.added.length} −${d.steps.removed.length} ~${d.steps.changed.length} steps, ${d.moved.length} moved, ` +
    `${d.connections.removed.length} connections removed; median ${m.toFixed(2)} ms, p95 ${percentile(diff.xs, 95).toFixed(2)} ms ` +
    `(target ≤ ${TARGET_MS} ms) ${m <= TARGET_MS ? 'OK' : 'OVER'}`,
);
// Removing steps leaves the second version unanalysable, so the figures compare a version with the mode changes only.
const modesOnly = {
  workflow: {
    ...before,
    steps: before.steps.map((s, i) =>
      s.type === 'task' && i % 50 === 0 ? { ...s, mode: 'ai-automated', roleId: null } : s,
    ),
  },
  roles: ws.roles,
};
const figures = time(() => figureDeltas(a, modesOnly));
console.log(
  `figure deltas (both sides analysed, for information): median ${median(figures.xs).toFixed(2)} ms, ` +
    `${figures.last.ok ? 'both analysed' : `refused: ${figures.last.message}`}`,
);
if (m > TARGET_MS) process.exitCode = 1;
