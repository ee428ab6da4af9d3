// Benchmarks the governance lint (shared/lint) of a generated 5,000-step to-be with every built-in rule on,
// compared with its as-is (the analysis it reads is computed once beforehand, as the app has it already).
// Each run lints a fresh copy of the workflow, so nothing cached on the object is reused. Target: ≤ 20 ms.
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
// The as-is it redesigns (mode-change-decided pairs every step with it).
const asIs = { ...workflow, id: 'bench-as-is', kind: 'as-is' };
// Every 7th task becomes AI-automated without a tool, output to customers and personal data without an owner,
// so every rule has findings to report (the customer rule sweeps the whole flow).
workflow.kind = 'to-be';
workflow.redesignOfId = asIs.id;
workflow.steps = workflow.steps.map((s, i) =>
  s.type === 'task' && i % 7 === 0
    ? { ...s, mode: 'ai-automated', audience: 'customer', data: i % 2 === 0 ? 'personal' : 'none' }
    : s,
);
const analysis = analyzeWorkflow(workflow, ws.roles, { explain: 'none' });
const context = { roles: ws.roles, analysis: analysis.ok ? analysis : null, asIs };

// After an edit the workflow is a new object: lint a shallow copy each time, as the app does.
for (let i = 0; i < WARMUP; i++) lintWorkflow({ ...workflow }, context);
const xs = [];
let result;
for (let i = 0; i < RUNS; i++) {
  const copy = { ...workflow };
  const t0 = performance.now();
  result = lintWorkflow(copy, context);
  xs.push(performance.now() - t0);
}
const m = median(xs);
const reviews = workflow.steps.filter((s) => s.type === 'review').length;
console.log(
  `lint: ${workflow.steps.length} steps (${reviews} reviews), analysis ${analysis.ok ? 'given' : 'refused'}, ` +
    `${result.findings.length} findings (${[...new Set(result.findings.map((f) => f.ruleId))].length} rules); median ${m.toFixed(2)} ms, p95 ${percentile(xs, 95).toFixed(2)} ms ` +
    `(target ≤ ${TARGET_MS} ms) ${m <= TARGET_MS ? 'OK' : 'OVER'}`,
);
if (m > TARGET_MS) process.exitCode = 1;
