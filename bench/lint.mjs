// Benchmarks the governance lint (shared/lint) of a generated 5,000-step workflow with every built-in rule on
// (the analysis it reads is computed once beforehand, as the app has it already). Target: ≤ 20 ms median.
//   node bench/lint.mjs [--runs N]
import { performance } from 'node:perf_hooks';
import { benchArgs, importShared, median, percentile } from './support.mjs';

const { runs: RUNS } = benchArgs({ runs: 50, minRuns: 20 });
const WARMUP = 10;
const SIZE = 5000;
const TARGET_MS = 20;

const { lintWorkflow, analyzeWorkflow, largeWorkspace } = await importShared(
  "export { lintWorkflow } from './shared/lint/index';\n" +
    "export { analyzeWorkflow } from './shared/analysis/index';\n" +
    "export { largeWorkspace } from './shared/examples/largeWorkflow';",
);

const ws = largeWorkspace(SIZE, 8, { decisionEvery: 4 });
const workflow = ws.workflows[0];
// Every 7th task becomes AI-automated without a tool, so the rules have findings to report.
workflow.steps = workflow.steps.map((s, i) =>
  s.type === 'task' && i % 7 === 0 ? { ...s, mode: 'ai-automated' } : s,
);
const analysis = analyzeWorkflow(workflow, ws.roles, { explain: 'none' });
const context = { roles: ws.roles, analysis: analysis.ok ? analysis : null };

for (let i = 0; i < WARMUP; i++) lintWorkflow(workflow, context);
const xs = [];
let result;
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  result = lintWorkflow(workflow, context);
  xs.push(performance.now() - t0);
}
const m = median(xs);
const reviews = workflow.steps.filter((s) => s.type === 'review').length;
console.log(
  `lint: ${workflow.steps.length} steps (${reviews} reviews), analysis ${analysis.ok ? 'given' : 'refused'}, ` +
    `${result.findings.length} findings; median ${m.toFixed(2)} ms, p95 ${percentile(xs, 95).toFixed(2)} ms ` +
    `(target ≤ ${TARGET_MS} ms) ${m <= TARGET_MS ? 'OK' : 'OVER'}`,
);
if (m > TARGET_MS) process.exitCode = 1;
