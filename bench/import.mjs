// Validation of an imported file off the UI thread (issue 12: a 5,000-step file in ≤ 300 ms). The import
// pipeline (shared/format/importer.ts: safe JSON, migrations, schema, references) runs in a worker thread,
// as the app runs it in a Web Worker; the time is from handing the text to the worker until the checked
// document is back (the structured clone both ways included), and the worker's own parse time beside it.
// Also a 5,000-step file with one broken value at the end (the failure path places the problem by line).
// Bundles with esbuild in memory; prints medians over the runs.
//   node bench/import.mjs [steps…] [--runs N]
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { benchArgs, bundleShared, importShared, median } from './support.mjs';

const { runs: RUNS, sizes: SIZES } = benchArgs({ runs: 15, minRuns: 3, sizes: [5000] });
const TARGET_MS = 300;

const workerCode = await bundleShared(`
import { parentPort } from 'node:worker_threads';
import { parseDocument } from './shared/format/importer';
parentPort.on('message', (text) => {
  const started = performance.now();
  const result = parseDocument(text);
  parentPort.postMessage({ result, parseMs: performance.now() - started });
});
`);
const { largeWorkspace, exportWorkspace, serializeDocument } = await importShared(`
export { largeWorkspace } from './shared/examples/largeWorkflow';
export { exportWorkspace, serializeDocument } from './shared/format/document';
`);

const worker = new Worker(workerCode, { eval: true });
const ask = (text) =>
  new Promise((resolve) => {
    const started = performance.now();
    worker.once('message', (reply) => resolve({ ...reply, totalMs: performance.now() - started }));
    worker.postMessage(text);
  });

const mb = (text) => `${(Buffer.byteLength(text) / 1024 / 1024).toFixed(2)} MB`;

console.log(`Import validation off the main thread (worker thread), median of ${RUNS} runs after a warm-up`);
let allMet = true;
for (const steps of SIZES) {
  const valid = serializeDocument(exportWorkspace(largeWorkspace(steps)));
  const doc = JSON.parse(valid);
  const wf = doc.workflows[0];
  wf.steps[wf.steps.length - 1].name = 'x'.repeat(300);
  const broken = JSON.stringify(doc, null, 2);
  for (const [label, text, expectOk] of [
    ['valid', valid, true],
    ['one broken value', broken, false],
  ]) {
    await ask(text);
    await ask(text);
    const totals = [];
    const parses = [];
    let ok = null;
    for (let i = 0; i < RUNS; i++) {
      const reply = await ask(text);
      totals.push(reply.totalMs);
      parses.push(reply.parseMs);
      ok = reply.result.ok;
    }
    if (ok !== expectOk) throw new Error(`${label}: expected ok=${expectOk}, got ${ok}`);
    const total = median(totals);
    const met = label !== 'valid' || total <= TARGET_MS;
    allMet &&= met;
    console.log(
      `  ${steps.toLocaleString('en-US')} steps (${wf.edges.length.toLocaleString('en-US')} connections, ${mb(text)}), ${label}: ` +
        `${total.toFixed(1)} ms to a checked document (parse in the worker ${median(parses).toFixed(1)} ms)` +
        (label === 'valid' ? `  ${met ? '✓' : '✗'} target ≤ ${TARGET_MS} ms` : ''),
    );
  }
}
await worker.terminate();
if (!allMet) process.exitCode = 1;
