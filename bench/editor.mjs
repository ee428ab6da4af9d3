// Browser benchmark of the editor with the analysis panel open, in Debian's Chromium on the built app
// (npm run build:renderer first). For each size it imports a generated workflow, opens it, opens the
// Analysis panel, then edits as a person would (typing a step name, dragging a step, a what-if headcount)
// and records every main-thread task over 50 ms (Long Tasks API). Figures are medians over RUNS runs.
//   node bench/editor.mjs [sizes…]      e.g. node bench/editor.mjs 500 2000
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const RUNS = 3;
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
if (sizes.length === 0) sizes.push(500);

const bundled = await build({
  entryPoints: ['shared/examples/largeWorkflow.ts', 'shared/format/document.ts'],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  outdir: 'out',
});
const load = (i) =>
  import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[i].text).toString('base64')}`);
const { largeWorkspace } = await load(0);
const { exportWorkspace, serializeDocument } = await load(1);

const server = await preview({
  configFile: false,
  root: '.',
  build: { outDir: 'dist/renderer' },
  preview: { port: 0, host: '127.0.0.1' },
  logLevel: 'warn',
});
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const dir = mkdtempSync(join(tmpdir(), 'coarchitect-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once(size, file) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('heading', { name: 'Workflows' }).waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import…' }).click(),
  ]);
  await chooser.setFiles(file);
  const open = page.getByRole('button', { name: `Open Large workflow (${size} steps)`, exact: true });
  await open.waitFor();
  const t0 = Date.now();
  await open.click();
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('group', { name: 'Constraint' }).waitFor();
  const openMs = Date.now() - t0;

  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  // Edits with the analysis panel open.
  // A step fully inside the visible canvas (with culling, DOM order is not screen order).
  const id = await page.evaluate(() => {
    const area = document.querySelector('.canvas').getBoundingClientRect();
    const inside = [...document.querySelectorAll('.react-flow__node')].find((n) => {
      const r = n.getBoundingClientRect();
      return (
        r.left > area.left + 40 &&
        r.right < area.right - 200 &&
        r.top > area.top + 40 &&
        r.bottom < area.bottom - 150
      );
    });
    return inside?.getAttribute('data-id');
  });
  const node = page.locator(`.react-flow__node[data-id="${id}"]`);
  await node.click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByLabel('Step name', { exact: true }).pressSequentially(' renamed', { delay: 20 });
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const box = await node.boundingBox();
  if (box) {
    await page.mouse.move(box.x + box.width / 2, box.y + 10);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + box.width / 2 + i * 5, box.y + 10 + i * 2);
    await page.mouse.up();
  }
  await page.getByRole('spinbutton', { name: 'Headcount: Role 1' }).fill('30');
  await page.getByRole('spinbutton', { name: 'Cases per week' }).fill('25');
  await page.waitForTimeout(300);
  const longTasks = await page.evaluate(() => window.__longTasks);
  await context.close();
  return { openMs, longTasks };
}

try {
  console.log(
    `Editor benchmark (analysis panel open), ${RUNS} runs per size, Chromium headless on ${process.platform}`,
  );
  for (const size of sizes) {
    const file = join(dir, `large-${size}.coarchitect.json`);
    writeFileSync(file, serializeDocument(exportWorkspace(largeWorkspace(size))));
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await once(size, file));
    const longest = runs.map((r) => Math.max(0, ...r.longTasks));
    const count = runs.map((r) => r.longTasks.length);
    console.log(
      `${String(size).padStart(5)} steps: open + analysis ${median(runs.map((r) => r.openMs))} ms (median); ` +
        `while editing: longest task ${median(longest).toFixed(0)} ms (median of runs; worst ${Math.max(...longest).toFixed(0)} ms), ` +
        `tasks over 50 ms: ${median(count)} (median)`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
