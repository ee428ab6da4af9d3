// Benchmarks the AI-exposure reference data: loading the pack (gunzip, JSON, schema check, search index) and
// task search per keystroke (typing a query one character at a time, all statements and one occupation's),
// plus an empty and a 10,000-character query. Uses the full GPTs-are-GPTs label set (19,265 statements) from
// ../shared/data/gpts-are-gpts (or $COARCHITECT_REFERENCE_DATA) when it is there; otherwise says so and
// times the hand-made 30-task fixture only, so `npm run bench` still passes on a machine without the data.
//   node bench/reference.mjs [--runs N]
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync, strToU8 } from 'fflate';
import { fileURLToPath } from 'node:url';
import { importShared, median, percentile } from './support.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const runsArg = process.argv.indexOf('--runs');
const RUNS = Math.max(10, runsArg > 0 ? Number(process.argv[runsArg + 1]) || 0 : 20);
const LOAD_TARGET_MS = 300;
const KEY_TARGET_MS = 10;

const ref = await importShared(
  "export { readPack, encodePack, buildIndex, searchTasks, parseLabelsetTsv } from './shared/reference/index';",
);

const source = resolve(root, process.env.COARCHITECT_REFERENCE_DATA ?? '../shared/data/gpts-are-gpts');
const tsvPath = join(source, 'full_labelset.tsv');
let bytes;
let label;
if (existsSync(tsvPath)) {
  const parsed = ref.parseLabelsetTsv(readFileSync(tsvPath, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  bytes = ref.encodePack(parsed.pack);
  label = 'full label set';
} else {
  console.log(
    `reference: no source data at ${tsvPath}; timing the 30-task fixture pack only (targets not checked).`,
  );
  const fixture = readFileSync(join(root, 'test/fixtures/reference/exposure-fixture.pack.json'), 'utf8');
  bytes = gzipSync(strToU8(fixture));
  label = 'fixture';
}

const fmt = (ms) => `${ms.toFixed(2)} ms`;
const full = label === 'full label set';
let failed = false;
function report(name, times, target) {
  const med = median(times);
  const verdict = full && target ? (med <= target ? ` ≤ ${target} ms ✓` : ` > ${target} ms ✗`) : '';
  if (full && target && med > target) failed = true;
  console.log(`  ${name}: median ${fmt(med)}, p95 ${fmt(percentile(times, 95))}${verdict}`);
}

// Pack load: what the app does when reference data is first needed.
const loads = [];
let index;
for (let i = 0; i < RUNS + 3; i++) {
  const t0 = performance.now();
  const read = ref.readPack(bytes);
  if (!read.ok) throw new Error(read.reason);
  index = ref.buildIndex(read.pack);
  const t = performance.now() - t0;
  if (i >= 3) loads.push(t);
}
console.log(
  `reference (${label}: ${index.pack.tasks.length.toLocaleString('en')} statements, ${index.occupations.length} occupations, ` +
    `${(bytes.length / 1024 / 1024).toFixed(2)} MB gzipped), ${RUNS} runs`,
);
report('pack load (gunzip + JSON + schema + index)', loads, LOAD_TARGET_MS);

// Per keystroke: every prefix of a few realistic queries, each searched as the dialog does (limit 50).
const QUERIES = ['reply to customer questions', 'prepare financial statements', 'review code', 'x'];
function keystrokes(occupation) {
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    for (const q of QUERIES) {
      for (let n = 1; n <= q.length; n++) {
        const t0 = performance.now();
        ref.searchTasks(index, q.slice(0, n), { occupation, limit: 50 });
        times.push(performance.now() - t0);
      }
    }
  }
  return times;
}
report(
  `search per keystroke, all ${index.pack.tasks.length.toLocaleString('en')} statements`,
  keystrokes(null),
  KEY_TARGET_MS,
);
const biggest = index.occupations.reduce((a, o) => (o.end - o.start > a.end - a.start ? o : a));
report(
  `search per keystroke, one occupation (${biggest.end - biggest.start} statements)`,
  keystrokes(biggest.index),
  KEY_TARGET_MS,
);
const time = (q) => {
  const times = [];
  for (let i = 0; i < RUNS * 10; i++) {
    const t0 = performance.now();
    ref.searchTasks(index, q, { limit: 50 });
    times.push(performance.now() - t0);
  }
  return times;
};
report('empty query', time(''), KEY_TARGET_MS);
report('10,000-character query', time('customer '.repeat(1112).slice(0, 10_000)), KEY_TARGET_MS);
if (failed) process.exitCode = 1;
