// Auto-layout (shared/layout/autoLayout.ts, elkjs) of generated workflows in lanes, in Node (the app runs the
// same code in its layout worker). Up to LARGE_LAYOUT_STEPS ELK runs with its default layering; above it with
// the iterative strategies that keep 10,000 steps within the stack (issue 16: ≤ 5 s, no failure).
// Prints the median over the runs per size, with the input sizes.
//   node bench/layout.mjs [steps…] [--runs N]
import { performance } from 'node:perf_hooks';
import { benchArgs, importShared, median } from './support.mjs';

const { runs: RUNS, sizes: SIZES } = benchArgs({ runs: 3, sizes: [2000, 10000] });
const TARGET_10K_MS = 5000;

const { largeWorkspace, autoLayout, LARGE_LAYOUT_STEPS } = await importShared(`
export { largeWorkspace } from './shared/examples/largeWorkflow';
export { autoLayout, LARGE_LAYOUT_STEPS } from './shared/layout/autoLayout';
`);

console.log(
  `auto-layout in lanes, left to right; ELK's iterative strategies above ${LARGE_LAYOUT_STEPS} steps`,
);
for (const steps of SIZES) {
  const { workflows, roles } = largeWorkspace(steps, 8, { decisionEvery: 4 });
  const workflow = workflows[0];
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const positions = await autoLayout(workflow, roles, { direction: 'LR', lanes: true });
    times.push(performance.now() - start);
    if (positions.size !== workflow.steps.length)
      throw new Error(`${steps} steps: not every step was placed`);
  }
  const ms = median(times);
  const verdict =
    steps >= 10000 ? `   target ≤ ${TARGET_10K_MS} ms: ${ms <= TARGET_10K_MS ? 'met' : 'NOT met'}` : '';
  console.log(
    `${String(steps).padStart(6)} steps, ${String(workflow.edges.length).padStart(6)} connections: median ${ms.toFixed(0).padStart(6)} ms over ${RUNS} runs${verdict}`,
  );
}
