// Cost of durable saves in Debian's Chromium (headless), on a persistent profile so that IndexedDB lives on
// disk: a save of a generated workflow as the app writes it (repository.saveWorkflowRevisions: one
// transaction that reads the stored revision from its index and puts the row) through a database opened
// with durability 'strict' (the app's: the transaction completes once the data is flushed to disk) and one
// opened 'relaxed' (Chromium's default: it completes once the OS has the data). Each save writes a new
// version (new updatedAt, one step moved), like an autosave; its steps are already checked, as in the app,
// so the figure is the write itself (structured clone, the revision check, LevelDB, the flush).
// Medians over RUNS saves after WARMUP saves, per size. Target: a strict save of a 5,000-step workflow ≤ 50 ms.
//   node bench/storage.mjs [sizes…] [--runs N]
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 25;
const sizes = args.filter((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--runs').map(Number);
const SIZES = sizes.length ? sizes : [500, 5000];
const WARMUP = 3;

// The app's own storage code, bundled for the page.
const page = await build({
  stdin: {
    contents: `
      import { CoarchitectDb } from './renderer/storage/db';
      import { markChecked, saveWorkflowRevisions } from './renderer/storage/repository';
      import { largeWorkspace } from './shared/examples/largeWorkflow';
      window.benchSaves = async (steps, runs, warmup, durability) => {
        const db = new CoarchitectDb('bench-' + durability + '-' + steps, durability);
        await db.open();
        let workflow = largeWorkspace(steps, 8, { decisionEvery: 4 }).workflows[0];
        markChecked(workflow);
        let revision = 0;
        const times = [];
        for (let i = 0; i < warmup + runs; i++) {
          const [first, ...rest] = workflow.steps;
          const moved = { ...first, position: { x: first.position.x + 1, y: first.position.y } };
          workflow = { ...workflow, steps: [moved, ...rest], updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() };
          markChecked(workflow);
          const start = performance.now();
          const outcome = await saveWorkflowRevisions(db, [{ workflow, baseRevision: revision }]);
          const elapsed = performance.now() - start;
          if (outcome.conflicts.length) throw new Error('unexpected conflict');
          revision = outcome.saved[0].revision;
          if (i >= warmup) times.push(elapsed);
        }
        db.close();
        await db.delete();
        return times;
      };
    `,
    resolveDir: '.',
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  platform: 'browser',
  write: false,
  minify: true,
});
const script = page.outputFiles[0].text;
const server = createServer((request, response) => {
  if (request.url === '/bench.js') {
    response.writeHead(200, { 'content-type': 'text/javascript' });
    response.end(script);
  } else {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>storage bench</title><script src="/bench.js"></script>');
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const profile = mkdtempSync(join(tmpdir(), 'coarchitect-bench-storage-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
  headless: true,
});
try {
  const tab = context.pages()[0] ?? (await context.newPage());
  await tab.goto(url);
  await tab.waitForFunction(() => typeof window.benchSaves === 'function');
  console.log(
    `Storage: one save of a workflow (median of ${RUNS} saves after ${WARMUP} warm-up), Chromium on disk`,
  );
  console.log('steps   strict ms   relaxed ms   target (strict)');
  for (const steps of SIZES) {
    // Alternated, so that a busy moment of the machine does not fall on one mode only.
    const strict = [];
    const relaxed = [];
    for (let part = 0; part < 2; part++) {
      strict.push(
        ...(await tab.evaluate(
          ([s, r, w]) => window.benchSaves(s, r, w, 'strict'),
          [steps, Math.ceil(RUNS / 2), WARMUP],
        )),
      );
      relaxed.push(
        ...(await tab.evaluate(
          ([s, r, w]) => window.benchSaves(s, r, w, 'relaxed'),
          [steps, Math.ceil(RUNS / 2), WARMUP],
        )),
      );
    }
    const target = steps === 5000 ? (median(strict) <= 50 ? '≤ 50 ms: met' : '≤ 50 ms: MISSED') : '';
    console.log(
      `${String(steps).padStart(5)}   ${median(strict).toFixed(1).padStart(9)}   ${median(relaxed).toFixed(1).padStart(10)}   ${target}`,
    );
  }
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
