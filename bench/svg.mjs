// The shared SVG renderer (shared/report/svg.ts: slides, report and picture export) on a generated
// 5,000-step workflow (shared/examples/largeWorkflow.ts), with and without analysis heat (issue 13:
// ≤ 300 ms in Node). Bundles with esbuild in memory; prints medians over the runs and the input sizes.
//   node bench/svg.mjs [steps…] [--runs N]
import { performance } from 'node:perf_hooks';
import { benchArgs, importShared, median } from './support.mjs';

const { runs: RUNS, sizes: SIZES } = benchArgs({ runs: 15, minRuns: 3, sizes: [5000] });
const TARGET_MS = 300;

const { largeWorkspace, renderWorkflowSvg, analyzeWorkflow } = await importShared(`
export { largeWorkspace } from './shared/examples/largeWorkflow';
export { renderWorkflowSvg } from './shared/report/svg';
export { analyzeWorkflow } from './shared/analysis';
`);

let failed = false;
for (const steps of SIZES) {
  const ws = largeWorkspace(steps);
  const wf = ws.workflows[0];
  const analysis = analyzeWorkflow(wf, ws.roles);
  if (!analysis.ok)
    throw new Error(`The ${steps}-step workflow cannot be analysed: ${analysis.error.message}`);
  for (const [label, options] of [
    ['plain, lanes', { roles: ws.roles }],
    ['load heat, lanes', { roles: ws.roles, analysis, heat: 'load' }],
  ]) {
    renderWorkflowSvg(wf, options); // warm-up
    const times = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      const diagram = renderWorkflowSvg(wf, options);
      times.push(performance.now() - started);
      bytes = diagram.svg.length;
    }
    const ms = median(times);
    const ok = ms <= TARGET_MS;
    failed ||= !ok;
    console.log(
      `SVG of ${wf.steps.length} steps, ${wf.edges.length} connections, ${ws.roles.length} roles (${label}): median ${ms.toFixed(1)} ms over ${RUNS} runs, ${(bytes / 1e6).toFixed(2)} MB of SVG, target ≤ ${TARGET_MS} ms: ${ok ? 'ok' : 'TOO SLOW'}`,
    );
  }
}
if (failed) process.exitCode = 1;
