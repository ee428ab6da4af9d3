// Benchmarks encryption at rest with Node's WebCrypto (the same API the app uses in Chromium):
//  - unlock: PBKDF2-SHA-256 at 600,000 iterations plus unwrapping the data key (target ≤ 1 s);
//  - the cost a save adds: sealing a 5,000-step workflow (JSON + AES-256-GCM with a fresh IV, target ≤ 5 ms),
//    and opening it again on load. The sealed row replaces the workflow object in IndexedDB's structured
//    clone, so the seal is an upper bound on what encryption adds to a save.
// Bundles shared/ with esbuild in memory and prints medians.
//   node bench/crypto.mjs [--runs N]
import { performance } from 'node:perf_hooks';
import { importShared, median, percentile } from './support.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = Math.max(5, runsArg > 0 ? Number(process.argv[runsArg + 1]) || 0 : 30);
const UNLOCK_RUNS = 7;
const STEPS = 5_000;

const { createKeyring, unlockWithPassphrase, sealJson, openJson, largeWorkspace } = await importShared(
  "export { createKeyring, unlockWithPassphrase } from './shared/encryption/keyring';\n" +
    "export { sealJson, openJson } from './shared/encryption/records';\n" +
    "export { largeWorkspace } from './shared/examples/largeWorkflow';",
);

const fmt = (ms) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

const { keyring, dataKey } = await createKeyring('a passphrase for the benchmark');
const unlockTimes = [];
for (let i = 0; i < UNLOCK_RUNS; i++) {
  const t0 = performance.now();
  await unlockWithPassphrase(keyring, 'a passphrase for the benchmark');
  unlockTimes.push(performance.now() - t0);
}
console.log(
  `unlock (PBKDF2-SHA-256, ${keyring.kdf.iterations.toLocaleString('en')} iterations, + unwrap): ` +
    `median ${fmt(median(unlockTimes))} over ${UNLOCK_RUNS} runs (target ≤ 1000 ms)`,
);

const workflow = largeWorkspace(STEPS).workflows[0];
const address = { table: 'workflows', id: workflow.id };
const bytes = Buffer.byteLength(JSON.stringify(workflow));
const sealTimes = [];
const openTimes = [];
const netTimes = [];
for (let i = 0; i < RUNS + 5; i++) {
  // IndexedDB structured-clones what it stores: the workflow object without encryption, the sealed bytes
  // with it. The net cost of a save is seal + clone(sealed) − clone(workflow).
  const c0 = performance.now();
  structuredClone(workflow);
  const c1 = performance.now();
  const t0 = performance.now();
  const sealed = await sealJson(dataKey, workflow, address);
  structuredClone(sealed);
  const t1 = performance.now();
  await openJson(dataKey, sealed, address);
  const t2 = performance.now();
  if (i >= 5) {
    sealTimes.push(t1 - t0);
    openTimes.push(t2 - t1);
    netTimes.push(t1 - t0 - (c1 - c0));
  }
}
console.log(
  `seal per save, ${STEPS.toLocaleString('en')}-step workflow (${(bytes / 1e6).toFixed(2)} MB JSON): ` +
    `median ${fmt(median(sealTimes))}, p95 ${fmt(percentile(sealTimes, 95))} over ${RUNS} runs`,
);
console.log(
  `net change per save (seal + clone of the sealed row − clone of the clear workflow; negative = cheaper): median ${fmt(median(netTimes))} ` +
    `over ${RUNS} runs (target ≤ 5 ms)`,
);
console.log(
  `open on load, same workflow: median ${fmt(median(openTimes))}, p95 ${fmt(percentile(openTimes, 95))} over ${RUNS} runs`,
);
