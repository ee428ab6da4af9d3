// Browser benchmark of the command palette and the find bar on a large workflow, in Debian's Chromium on the
// built app (npm run build:renderer first). It imports a generated workflow, opens it, then measures
// Ctrl+K until the palette lists steps, each keystroke of a search until the list has settled, and typing in
// the find bar, recording main-thread tasks over 50 ms. Figures are medians over RUNS runs.
//   node bench/palette.mjs [sizes…]      e.g. node bench/palette.mjs 5000
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importLargeWorkflow, launchChromium, loadGenerators, median, serveBuiltApp } from './support.mjs';

const RUNS = 3;
const QUERY = 'continue 12';
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
if (sizes.length === 0) sizes.push(5000);

const { largeWorkspace, exportWorkspace, serializeDocument } = await loadGenerators();
const { server, url } = await serveBuiltApp();
const browser = await launchChromium();
const dir = mkdtempSync(join(tmpdir(), 'coarchitect-bench-'));

/** Milliseconds from now until the page has rendered what `settled` waits for (two frames later). */
async function timed(page, act, settled) {
  const t0 = Date.now();
  await act();
  await settled();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return Date.now() - t0;
}

async function once(size, file) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await (await importLargeWorkflow(page, url, file, size)).click();
  await page.locator('.react-flow__node, canvas.overview-layer').first().waitFor();
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });

  const steps = page.getByRole('group', { name: 'Steps' });
  // What any Ctrl chord costs on this canvas (React Flow reacts to Ctrl itself), for comparison.
  const ctrlMs = await timed(
    page,
    () => page.keyboard.press('Control+J'),
    async () => {},
  );
  const openMs = await timed(
    page,
    () => page.keyboard.press('Control+K'),
    () => steps.getByRole('option').first().waitFor(),
  );
  const keyMs = [];
  for (let i = 0; i < QUERY.length; i++) {
    const typed = QUERY.slice(0, i + 1);
    keyMs.push(
      await timed(
        page,
        () => page.keyboard.type(QUERY[i]),
        () => page.waitForFunction((q) => document.querySelector('[cmdk-input]')?.value === q, typed),
      ),
    );
  }
  const listed = await steps.getByRole('option').count();
  await page.keyboard.press('Escape');

  const find = page.getByRole('searchbox', { name: 'Find steps' });
  const status = page.getByRole('search', { name: 'Find and filter steps' }).getByRole('status');
  const findMs = await timed(
    page,
    () => find.pressSequentially('extra', { delay: 0 }),
    async () => page.waitForFunction((el) => / of /.test(el.textContent), await status.elementHandle()),
  );
  const longTasks = await page.evaluate(() => window.__longTasks);
  await context.close();
  return { openMs, ctrlMs, keyMs, listed, findMs, longTasks };
}

try {
  console.log(`Palette benchmark, ${RUNS} runs per size, Chromium headless on ${process.platform}`);
  for (const size of sizes) {
    const file = join(dir, `large-${size}.coarchitect.json`);
    writeFileSync(file, serializeDocument(exportWorkspace(largeWorkspace(size))));
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await once(size, file));
    console.log(
      `${String(size).padStart(5)} steps: Ctrl+K to listed ${median(runs.map((r) => r.openMs))} ms ` +
        `(Ctrl+J, which does nothing: ${median(runs.map((r) => r.ctrlMs))} ms); ` +
        `per keystroke of "${QUERY}" median ${median(runs.map((r) => median(r.keyMs)))} ms, ` +
        `slowest ${median(runs.map((r) => Math.max(...r.keyMs)))} ms; ${runs[0].listed} steps listed; ` +
        `find bar "extra" ${median(runs.map((r) => r.findMs))} ms; ` +
        `longest task ${median(runs.map((r) => Math.max(0, ...r.longTasks))).toFixed(0)} ms (medians of runs)`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
