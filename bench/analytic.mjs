// Benchmarks the analytic engine on a 10,000-step workflow: a long chain in blocks of 20 steps, each block
// with a 30/70 decision and a review sending 15% back ten steps, 20 roles, every 7th task AI-automated;
// every 3rd human task has a learning curve and every review a feedback loop. A second variant replaces each
// decision by a parallel block (split, two branches, join) inside the rework loop. Also times the learning
// projection (26 weeks) on it and on the customer-support to-be example.
// Bundles shared/analysis with esbuild in memory (like scripts/analyze.mjs) and prints median / p95 times.
//   node bench/analytic.mjs [--runs N]
import { importShared } from './support.mjs';
import { performance } from 'node:perf_hooks';

const runsArg = process.argv.indexOf('--runs');
const RUNS = Math.max(30, runsArg > 0 ? Number(process.argv[runsArg + 1]) || 0 : 50);
const WARMUP = 15;
const TARGET_STEPS = 10_000;
const ROLES = 20;

const { analyzeWorkflow, computeVisits, createIncrementalAnalysis, projectLearning, customerSupportExample } =
  await importShared(
    "export { analyzeWorkflow, computeVisits, projectLearning } from './shared/analysis/index';\n" +
      "export { createIncrementalAnalysis } from './shared/analysis/incremental';\n" +
      "export { customerSupportExample } from './shared/examples/customerSupport';",
  );

// Steps are written as plain object literals, like the objects JSON.parse and zod produce in the app
// (objects built by spreading a shared base can end up in V8's slow dictionary mode and distort timings).
function generate({ parallel = false } = {}) {
  const position = { x: 0, y: 0 };
  const plain = (type, id) => ({ type, id, name: id, description: '', notes: '', position });
  const roles = Array.from({ length: ROLES }, (_, r) => ({
    id: `role-${r}`,
    name: `Role ${r}`,
    headcount: 0, // set below from the load, so that every role runs at about 85%
    hoursPerWeek: 38,
    costPerHour: 40 + r,
  }));
  const steps = [plain('start', 'start')];
  const edges = [];
  let taskCount = 0;
  const task = (id) => {
    const r = (taskCount * 7) % ROLES;
    const ai = taskCount % 7 === 6;
    taskCount++;
    return {
      type: 'task',
      id,
      name: id,
      description: '',
      notes: '',
      position,
      roleId: ai ? null : `role-${r}`,
      duration: { min: 1 + (taskCount % 3), likely: 3 + (taskCount % 5), max: 8 + (taskCount % 11) },
      skills: [],
      mode: ai ? 'ai-automated' : 'human',
      aiTool: ai ? 'bench model' : '',
      aiCostPerRun: ai ? 0.01 : 0,
      aiConcurrency: null,
      learningCurve:
        !ai && taskCount % 3 === 0 ? { learningRate: 0.85, floorShare: 0.5, casesBefore: 500 } : null,
    };
  };
  const review = (id, roleId, reworkTargetId) => ({
    type: 'review',
    id,
    name: id,
    description: '',
    notes: '',
    position,
    roleId,
    duration: { min: 2, likely: 4, max: 9 },
    skills: [],
    rejectionRate: 0.15,
    reworkTargetId,
    feedbackLoop: { weeklyReduction: 0.2, floorRate: 0.05 },
  });
  const link = (source, target, probability = null) =>
    edges.push({ id: `e${edges.length}`, source, target, label: '', probability });
  let prev = 'start';
  const push = (step) => {
    steps.push(step);
    return step.id;
  };
  const blockSize = parallel ? 21 : 20;
  for (let b = 0; steps.length + blockSize + 1 <= TARGET_STEPS; b++) {
    // 15 tasks, a decision with two one-task branches (or a parallel split and join around two one-task
    // branches), a review with rework 10 steps back, one more task.
    const ids = [];
    for (let j = 0; j < 15; j++) {
      const id = push(task(`b${b}-t${j}`));
      ids.push(id);
      link(prev, id);
      prev = id;
    }
    const d = push(plain(parallel ? 'parallel' : 'decision', `b${b}-d`));
    link(prev, d);
    const x = push(task(`b${b}-x`));
    const y = push(task(`b${b}-y`));
    link(d, x, parallel ? null : 0.3);
    link(d, y, parallel ? null : 0.7);
    const r = push(review(`b${b}-r`, `role-${b % ROLES}`, ids[5]));
    if (parallel) {
      const j = push(plain('parallel', `b${b}-j`));
      link(x, j);
      link(y, j);
      link(j, r);
    } else {
      link(x, r);
      link(y, r);
    }
    const last = push(task(`b${b}-z`));
    link(r, last);
    prev = last;
  }
  while (steps.length < TARGET_STEPS - 1) {
    const id = push(task(`tail-${steps.length}`));
    link(prev, id);
    prev = id;
  }
  push(plain('end', 'end'));
  link(prev, 'end');
  const workflow = {
    id: parallel ? 'bench-parallel' : 'bench',
    name: parallel ? 'Benchmark workflow with parallel blocks' : 'Benchmark workflow',
    description: '',
    kind: 'as-is',
    redesignOfId: null,
    volumePerWeek: 1000,
    steps,
    edges,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  // Size each role for about 85% utilization.
  const probe = analyzeWorkflow(workflow, roles, {
    headcount: Object.fromEntries(roles.map((r) => [r.id, 1])),
    explain: 'none',
  });
  if (!probe.ok) throw new Error(probe.error.message);
  for (const r of roles) {
    const load = probe.roles.find((x) => x.id === r.id)?.loadHoursPerWeek ?? 0;
    r.headcount = Math.max(1, Math.ceil(load / r.hoursPerWeek / 0.85));
  }
  return { workflow, roles };
}

function time(fn, runs = RUNS, warmup = WARMUP) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { median: at(0.5), p95: at(0.95), min: samples[0] };
}

const { workflow, roles } = generate();
const check = analyzeWorkflow(workflow, roles);
if (!check.ok) throw new Error(check.error.message);
const withParallel = generate({ parallel: true });
const checkParallel = analyzeWorkflow(withParallel.workflow, withParallel.roles);
if (!checkParallel.ok) throw new Error(checkParallel.error.message);
const example = customerSupportExample();
const toBe = example.workflows.find((w) => w.kind === 'to-be');
const projected = (wf, r) => {
  const result = projectLearning(wf, r, { weeks: 26, options: { explain: 'none' } });
  if (!result.ok) throw new Error(result.message);
  return result;
};
const smallProjection = projected(toBe, example.roles);
const largeProjection = projected(workflow, roles);
const fmt = (ms) => `${ms.toFixed(2)} ms`;
const line = (label, t) =>
  console.log(
    `${label.padEnd(58)} median ${fmt(t.median).padStart(9)}   p95 ${fmt(t.p95).padStart(9)}   min ${fmt(t.min).padStart(9)}`,
  );

console.log(
  `Analytic engine benchmark: ${workflow.steps.length} steps, ${workflow.edges.length} connections, ` +
    `${roles.length} roles, ${RUNS} runs after ${WARMUP} warm-up runs (Node ${process.version})`,
);
console.log(
  `Bottleneck ${check.bottleneck?.roleId} at ${(100 * (check.bottleneck?.utilization ?? 0)).toFixed(1)}%, ` +
    `cycle time ${check.cycleTimeMinutes.total?.toFixed(1)} min, stable ${check.stable}`,
);
line(
  "analyzeWorkflow, explain: 'all' (default)",
  time(() => analyzeWorkflow(workflow, roles)),
);
line(
  "analyzeWorkflow, explain: 'summary'",
  time(() => analyzeWorkflow(workflow, roles, { explain: 'summary' })),
);
line(
  "analyzeWorkflow, explain: 'none'",
  time(() => analyzeWorkflow(workflow, roles, { explain: 'none' })),
);
line(
  'computeVisits only',
  time(() => computeVisits(workflow)),
);
// The editor worker's path: each run is one edit, alternating between two values, analysed incrementally.
const incremental = createIncrementalAnalysis();
const someTask = workflow.steps.findIndex((s) => s.type === 'task' && s.mode === 'human');
const someReview = workflow.steps.findIndex((s) => s.type === 'review');
const editedStep = (at, patch) => {
  const steps = workflow.steps.slice();
  steps[at] = { ...steps[at], ...patch };
  return { ...workflow, steps };
};
const timeEdits = [3, 4].map((likely) =>
  editedStep(someTask, { duration: { ...workflow.steps[someTask].duration, likely } }),
);
const rateEdits = [0.12, 0.18].map((rejectionRate) => editedStep(someReview, { rejectionRate }));
let edit = 0;
incremental.analyze(workflow, roles, { explain: 'none' });
line(
  "incremental analysis after a time edit, 'none'",
  time(() => incremental.analyze(timeEdits[edit++ % 2], roles, { explain: 'none' })),
);
if (incremental.lastVisits !== 'reused') throw new Error(`visits were ${incremental.lastVisits}`);
line(
  "incremental analysis after a rejection-rate edit, 'none'",
  time(() => incremental.analyze(rateEdits[edit++ % 2], roles, { explain: 'none' })),
);
if (incremental.lastVisits !== 're-solved') throw new Error(`visits were ${incremental.lastVisits}`);
console.log(
  `With parallel blocks: ${withParallel.workflow.steps.length} steps, ` +
    `${withParallel.workflow.steps.filter((s) => s.type === 'parallel').length / 2} blocks, cycle time ` +
    `${checkParallel.cycleTimeMinutes.total?.toFixed(1)} min`,
);
line(
  "analyzeWorkflow with parallel blocks, explain: 'none'",
  time(() => analyzeWorkflow(withParallel.workflow, withParallel.roles, { explain: 'none' })),
);
const lastWeek = (p) => p.weeks[p.weeks.length - 1];
console.log(
  `Learning projection, 26 weeks: customer-support to-be cost/case ${smallProjection.weeks[0].costPerCase.toFixed(2)} → ` +
    `${lastWeek(smallProjection).costPerCase.toFixed(2)}; ${workflow.steps.length}-step workflow ` +
    `(${largeProjection.learningSteps} learning tasks, ${largeProjection.feedbackReviews} feedback reviews) ` +
    `capacity ${largeProjection.weeks[0].maxVolumePerWeek.toFixed(0)} → ${lastWeek(largeProjection).maxVolumePerWeek.toFixed(0)} cases/week`,
);
line(
  'projectLearning 26 weeks, customer-support to-be',
  time(() => projected(toBe, example.roles)),
);
line(
  `projectLearning 26 weeks, ${workflow.steps.length} steps`,
  time(() => projected(workflow, roles), 10, 3),
);
