// Browser benchmark of the editor with the analysis panel open, in Debian's Chromium on the built app
// (npm run build:renderer first). For each size it imports a generated workflow, opens it, opens the
// Analysis panel, then edits as a person would (typing a step name, dragging a step, a what-if headcount)
// and records every main-thread task over 50 ms (Long Tasks API). Figures are medians over RUNS runs.
//   node bench/editor.mjs [sizes…] [--profile PHASE] [--trace PHASE]   e.g. node bench/editor.mjs 500 2000
// Phases: select, type, 'switch to Analysis', drag, what-if.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importLargeWorkflow, launchChromium, loadGenerators, median, serveBuiltApp } from './support.mjs';

const RUNS = 3;
const profileAt = process.argv.indexOf('--profile');
const profilePhase = profileAt > 0 ? process.argv[profileAt + 1] : null;
const traceAt = process.argv.indexOf('--trace');
const tracePhase = traceAt > 0 ? process.argv[traceAt + 1] : null;
const sizes = process.argv
  .slice(2)
  .filter(
    (a, i, all) => !['--profile', '--trace'].includes(a) && !['--profile', '--trace'].includes(all[i - 1]),
  )
  .map(Number)
  .filter((n) => n > 0);
if (sizes.length === 0) sizes.push(500);

const { largeWorkspace, exportWorkspace, serializeDocument } = await loadGenerators();
let workspace;
const { server, url } = await serveBuiltApp();
const browser = await launchChromium();
const dir = mkdtempSync(join(tmpdir(), 'coarchitect-bench-'));

async function once(size, file) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const open = await importLargeWorkflow(page, url, file, size);
  const t0 = Date.now();
  await open.click();
  // Zoomed out to fit, a large workflow is drawn by the overview canvas rather than as DOM nodes.
  await page.locator('.react-flow__node, canvas.overview-layer').first().waitFor();
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('group', { name: 'Constraint' }).waitFor();
  const openMs = Date.now() - t0;

  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
  // Edits with the analysis panel open, on the task nearest the middle of the canvas (found on screen from
  // the viewport transform and the generated positions, so this works at any zoom and rendering).
  const tasks = workspace.workflows[0].steps.filter((st) => st.type === 'task');
  const target = await page.evaluate(
    (candidates) => {
      const area = document.querySelector('.canvas').getBoundingClientRect();
      const m = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(
        document.querySelector('.react-flow__viewport').style.transform,
      );
      const [tx, ty, zoom] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const cx = area.left + area.width / 2;
      const cy = area.top + area.height / 2;
      let best = null;
      for (const c of candidates) {
        const x = area.left + tx + (c.x + 60) * zoom;
        const y = area.top + ty + (c.y + 20) * zoom;
        const d = Math.hypot(x - cx, y - cy);
        if (!best || d < best.d) best = { ...c, sx: x, sy: y, d, zoom };
      }
      return best;
    },
    tasks.map((t) => ({ id: t.id, name: t.name, x: t.position.x, y: t.position.y })),
  );
  // --profile PHASE writes a CPU profile of that phase to editor-PHASE.cpuprofile (open it in DevTools).
  const cdp = profilePhase ? await context.newCDPSession(page) : null;
  let profiling = false;
  let tracing = false;
  const phase = async (name) => {
    if (tracing) {
      await browser.stopTracing();
      tracing = false;
    }
    if (profiling) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(`editor-${profilePhase.replace(/\W+/g, '-')}.cpuprofile`, JSON.stringify(profile));
      profiling = false;
    }
    await page.evaluate((n) => (window.__phases ??= []).push([n, performance.now()]), name);
    if (name === tracePhase) {
      // --trace PHASE: a Chromium performance trace of that phase (open it in DevTools' Performance tab).
      await browser.startTracing(page, {
        path: `editor-${tracePhase.replace(/\W+/g, '-')}.trace.json`,
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'],
      });
      tracing = true;
    }
    if (name === profilePhase) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
      profiling = true;
    }
  };
  await phase('select');
  await page.mouse.click(target.sx, target.sy);
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const nameField = page.getByLabel('Step name', { exact: true });
  if ((await nameField.inputValue()) !== target.name) throw new Error(`Selecting ${target.name} failed`);
  await phase('type');
  await nameField.pressSequentially(' renamed', { delay: 20 });
  await phase('switch to Analysis');
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await phase('drag');
  await page.mouse.move(target.sx, target.sy);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(target.sx + i * 5, target.sy + i * 2);
  await page.mouse.up();
  await phase('what-if');
  await page.getByRole('spinbutton', { name: 'Headcount: Role 1' }).fill('30');
  await page.getByRole('spinbutton', { name: 'Cases per week' }).fill('25');
  await page.waitForTimeout(300);
  await phase('end');
  const { observed, phases } = await page.evaluate(() => ({
    observed: window.__longTasks,
    phases: window.__phases,
  }));
  // Each long task is put down to the phase it started in.
  const longTasks = observed.map((t) => ({
    duration: t.duration,
    phase: phases.filter(([, at]) => at <= t.start).pop()?.[0] ?? 'open',
  }));
  await context.close();
  return { openMs, longTasks };
}

try {
  console.log(
    `Editor benchmark (analysis panel open), ${RUNS} runs per size, Chromium headless on ${process.platform}`,
  );
  for (const size of sizes) {
    const file = join(dir, `large-${size}.coarchitect.json`);
    workspace = largeWorkspace(size);
    writeFileSync(file, serializeDocument(exportWorkspace(workspace)));
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await once(size, file));
    const longest = runs.map((r) => Math.max(0, ...r.longTasks.map((t) => t.duration)));
    const count = runs.map((r) => r.longTasks.length);
    console.log(
      `${String(size).padStart(5)} steps: open + analysis ${median(runs.map((r) => r.openMs))} ms (median); ` +
        `while editing: longest task ${median(longest).toFixed(0)} ms (median of runs; worst ${Math.max(...longest).toFixed(0)} ms), ` +
        `tasks over 50 ms: ${median(count)} (median)`,
    );
    const byPhase = new Map();
    for (const t of runs.flatMap((r) => r.longTasks)) {
      const p = byPhase.get(t.phase) ?? { count: 0, longest: 0 };
      byPhase.set(t.phase, { count: p.count + 1, longest: Math.max(p.longest, t.duration) });
    }
    for (const [name, p] of byPhase)
      console.log(
        `       ${name}: ${p.count} tasks over 50 ms in ${RUNS} runs, longest ${p.longest.toFixed(0)} ms`,
      );
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
