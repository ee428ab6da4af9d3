// Benchmarks versions of a workflow (shared/codesign/versions.ts): saving one version of a generated
// 500-step workflow (semantic content → RFC 8785 canonical JSON → two SHA-256 → deflate → base64),
// target ≤ 50 ms median; and the stored size of 200 versions of it, each with a few edits more than the
// last (every version's time changes on 5 steps), target ≤ 10 MB in all. Verifying the whole 200-version
// chain is timed too, for information.
//   node bench/versions.mjs [--runs N]
import { performance } from 'node:perf_hooks';
import { benchArgs, importShared, median, percentile } from './support.mjs';

const { runs: RUNS } = benchArgs({ runs: 40, minRuns: 10 });
const WARMUP = 5;
const SIZE = 500;
const VERSIONS = 200;
const SAVE_TARGET_MS = 50;
const SIZE_TARGET_MB = 10;

const { createVersion, verifyChain, largeWorkspace } = await importShared(
  "export { createVersion, verifyChain } from './shared/codesign/index';\n" +
    "export { largeWorkspace } from './shared/examples/largeWorkflow';",
);

const ws = largeWorkspace(SIZE, 8, { decisionEvery: 4 });
const base = ws.workflows[0];
const author = { name: 'Bench', role: 'CTO' };
const meta = (i) => ({
  id: `v${i}`,
  name: `Version ${i}`,
  reason: 'named',
  author,
  createdAt: new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString(),
});

/** The i-th edit of the workflow: the times of five more steps raised by a minute. */
function edited(workflow, i) {
  let k = 0;
  return {
    ...workflow,
    steps: workflow.steps.map((s, j) => {
      if ((s.type !== 'task' && s.type !== 'review') || (j + i * 7) % 97 !== 0 || k >= 5) return s;
      k++;
      return { ...s, duration: { ...s.duration, likely: s.duration.likely + 1, max: s.duration.max + 1 } };
    }),
  };
}

const xs = [];
let head = null;
for (let i = 0; i < WARMUP; i++) head = await createVersion(base, ws.roles, head, meta(i + 1));
for (let i = 0; i < RUNS; i++) {
  const wf = edited(base, i);
  const t0 = performance.now();
  await createVersion(wf, ws.roles, head, meta(i + 1));
  xs.push(performance.now() - t0);
}
const m = median(xs);
console.log(
  `save a version: ${base.steps.length} steps, ${base.edges.length} connections, ${ws.roles.length} roles; ` +
    `median ${m.toFixed(2)} ms, p95 ${percentile(xs, 95).toFixed(2)} ms (target ≤ ${SAVE_TARGET_MS} ms) ` +
    `${m <= SAVE_TARGET_MS ? 'OK' : 'OVER'}`,
);

const chain = [];
let wf = base;
for (let i = 0; i < VERSIONS; i++) {
  wf = edited(wf, i);
  chain.push(await createVersion(wf, ws.roles, chain.at(-1) ?? null, meta(i + 1)));
}
// What IndexedDB and an export hold per version: the row as JSON (base64 data, hashes and metadata).
const bytes = chain.reduce((n, v) => n + JSON.stringify(v).length, 0);
const dataBytes = chain.reduce((n, v) => n + v.data.length, 0);
const raw = JSON.stringify({ workflow: base, roles: ws.roles }).length;
const mb = bytes / 1e6;
console.log(
  `${VERSIONS} versions of ${base.steps.length} steps: ${mb.toFixed(2)} MB stored (compressed model ${(dataBytes / 1e6).toFixed(2)} MB in base64; ` +
    `one uncompressed model is ${(raw / 1e6).toFixed(2)} MB) (target ≤ ${SIZE_TARGET_MB} MB) ${mb <= SIZE_TARGET_MB ? 'OK' : 'OVER'}`,
);
const t0 = performance.now();
const checks = await verifyChain(chain);
const bad = [...checks.values()].filter((c) => !c.ok).length;
console.log(
  `verify the ${VERSIONS}-version chain (for information): ${(performance.now() - t0).toFixed(0)} ms, ${bad} flagged`,
);
if (m > SAVE_TARGET_MS || mb > SIZE_TARGET_MB || bad > 0) process.exitCode = 1;
