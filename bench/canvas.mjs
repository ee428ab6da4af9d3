// Frame-time benchmark of the workflow canvas in Debian's Chromium (headless, software rendering) on the
// built app. For each size it generates a workflow with shared/examples/largeWorkflow.ts, imports it once
// through the UI into a persistent profile (so IndexedDB lives on disk), then per run reloads the page and:
//   - time to interactive: from the click on "Open <name>" (the click event's timestamp) until the canvas
//     is interactive, defined as: a step node is rendered and visible (measured by React Flow), then the
//     next animation frame fires with the viewport transform and the number of rendered nodes unchanged
//     (the initial fit-view has settled), then a setTimeout(0) round trip completes within 50 ms (no long
//     task is queued behind it). If any of that fails, the check starts again at the next frame.
//   - memory after load: JS heap used after a forced garbage collection (CDP Performance.getMetrics) and the
//     number of DOM elements;
//   - frame times (requestAnimationFrame deltas, the first frame after the interaction starts excluded) and
//     long tasks (Long Tasks API, over 50 ms) during scripted interactions:
//       pan@1    zoom set to 1 (one wheel event), a mouse drag of an empty part of the pane in 60 moves;
//       drag@1   a step fully in view dragged across the screen in 60 moves, then dropped (the drop's
//                edit and autosave are included: long tasks are collected until 300 ms after mouse-up);
//       fit      React Flow's "Fit View" control clicked, until settled (max is the frame that zooms out);
//       pan@fit  zoomed out (fit view, limited by the canvas' minZoom 0.1), a pan in 60 moves.
// Everything runs twice, in a fresh profile each: with Chromium's normal frame scheduling (60 Hz), and with
// --disable-frame-rate-limit --disable-gpu-vsync, where frames run as fast as the page allows (headroom).
// Figures are medians over RUNS runs. Targets (normal mode): open in under 1 s; pan and drag at zoom 1 with
// 95th-percentile frame under 17 ms; zoomed out 45 fps or better (95th percentile under 22.2 ms); no long
// task while panning, dragging or zooming.
//   node bench/canvas.mjs [sizes…] [--runs N] [--json] [--profile] [--trace PHASE]
//     --json     prints one JSON object instead of the table (progress goes to stderr)
//     --profile  instead of measuring, records a CDP trace and a JS CPU profile of opening, pan@1, drag@1 and fit
//                on an unminified build with one chunk per package, and prints where main-thread time goes
//                (self time by trace event, by package and by JS function); each phase's JS CPU profile is
//                written to canvas-SIZE-PHASE.cpuprofile
//     --trace    writes a Chromium performance trace of that phase (pan@1, drag@1, fit or pan@fit) of each
//                normal-mode run to canvas-SIZE-PHASE-runN.trace.json (DevTools' Performance tab); tracing
//                slows the page, so those runs' figures read high
// Builds dist/renderer (vite build) when it is missing. Frame times are those of the page's main thread as
// paced by the compositor: with --disable-gpu, raster and compositing are in software and share the CPU.
// Workflows are generated with a decision block every 4 steps: about 1.2 edges per step (5,000 steps: about
// 6,000 connections and rework loops), the density the targets are stated for.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  importLargeWorkflow,
  loadGenerators,
  median,
  percentile,
  serveBuiltApp,
} from './support.mjs';
import { build as viteBuild } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const runsAt = argv.indexOf('--runs');
const traceAt = argv.indexOf('--trace');
const TRACE_PHASE = traceAt >= 0 ? argv[traceAt + 1] : null;
const RUNS = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 0) : 3;
const JSON_OUTPUT = flag('--json');
const PROFILE = flag('--profile');
const sizes = argv
  .filter(
    (a, i) =>
      !a.startsWith('--') &&
      (runsAt < 0 || i !== runsAt + 1) &&
      (traceAt < 0 || i !== traceAt + 1) &&
      Number(a) > 0,
  )
  .map(Number);
if (sizes.length === 0) sizes.push(500, 2000, 5000);

const MODES = [
  { name: 'normal', args: [] },
  { name: 'unlimited', args: ['--disable-frame-rate-limit', '--disable-gpu-vsync'] },
];
const BASE_ARGS = CHROMIUM_ARGS;
const VIEWPORT = { width: 1440, height: 900 };
const MOVES = 60;
const TARGET = { openMs: 1000, zoom1P95: 17, zoomedOutP95: 1000 / 45 };

const log = (line) => (JSON_OUTPUT ? console.error(line) : console.log(line));
const temps = [];
const tempDir = (prefix) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
const removeTemps = () => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
};

const { largeWorkspace, exportWorkspace, serializeDocument } = await loadGenerators();

// --- the app -----------------------------------------------------------------------------------------------
/** The profiling build is unminified with one chunk per package, so profiles show whose code runs. */
async function buildRenderer(outDir, forProfiling) {
  const packageOf = (id) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1].replace('/', '-');
  await viteBuild({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: !forProfiling,
      ...(forProfiling ? { rollupOptions: { output: { manualChunks: packageOf } } } : {}),
    },
  });
}

let outDir = join(root, 'dist/renderer');
if (PROFILE) {
  // Readable function names in the CPU profile.
  outDir = join(tempDir('coarchitect-bench-build-'), 'renderer');
  log('Building an unminified renderer for profiling…');
  await buildRenderer(outDir, true);
} else if (!existsSync(join(outDir, 'index.html'))) {
  log('dist/renderer is missing: building it (npm run build:renderer)…');
  await buildRenderer(outDir, false);
}

const { server, url } = await serveBuiltApp(outDir);

// --- in-page instruments (installed before the app's scripts on every load) --------------------------------
function installInstruments() {
  const bench = { longTasks: [], frames: [], recording: false };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });

  const viewport = () => document.querySelector('.react-flow__viewport');
  bench.zoom = () => {
    const m = /scale\(([\d.e-]+)\)/.exec(viewport()?.style.transform ?? '');
    return m ? Number(m[1]) : NaN;
  };
  // Viewport transform and rendered node count: unchanged over a frame means the canvas has settled.
  const signature = () =>
    `${viewport()?.style.transform}|${document.querySelectorAll('.react-flow__node').length}`;
  // Zoomed out, a large workflow is drawn by the overview canvas instead of nodes: that counts as rendered.
  const overview = () => document.querySelector('canvas.overview-layer');
  const visibleNode = () =>
    overview() !== null ||
    [...document.querySelectorAll('.react-flow__node')].some((n) => n.style.visibility !== 'hidden');
  /** On the overview canvas, nothing is drawn around (x, y): a press there reaches the pane and pans. */
  const overviewEmptyAt = (x, y) => {
    const canvas = overview();
    if (!canvas) return true;
    const r = canvas.getBoundingClientRect();
    const ratio = canvas.width / r.width;
    const pixels = canvas
      .getContext('2d')
      .getImageData(Math.round((x - r.left) * ratio) - 3, Math.round((y - r.top) * ratio) - 3, 7, 7).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return false;
    return true;
  };

  /** Resolves when the canvas is interactive (see the header of bench/canvas.mjs), times from `since`. */
  bench.whenSettled = (since) =>
    new Promise((resolve) => {
      let firstNode = null;
      const again = () => requestAnimationFrame(check);
      function check() {
        if (!visibleNode()) return again();
        firstNode ??= performance.now();
        const before = signature();
        requestAnimationFrame(() => {
          if (signature() !== before) return again();
          const scheduled = performance.now();
          setTimeout(() => {
            const now = performance.now();
            if (now - scheduled > 50 || signature() !== before) return again();
            resolve({ since, firstNodeMs: firstNode - since, settledMs: now - since });
          }, 0);
        });
      }
      again();
    });

  /** Arms the time-to-interactive measurement for the next click. */
  bench.armOpen = () => {
    bench.open = new Promise((resolve) => {
      document.addEventListener(
        'click',
        (event) => {
          const clickAt = event.timeStamp;
          void bench.whenSettled(clickAt).then(resolve);
        },
        { capture: true, once: true },
      );
    });
  };

  bench.startFrames = () => {
    bench.frames = [];
    bench.recording = true;
    bench.phaseStart = performance.now();
    const tick = (t) => {
      if (!bench.recording) return;
      bench.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  bench.stopFrames = () => {
    bench.recording = false;
    const deltas = bench.frames.slice(1).map((t, i) => t - bench.frames[i]);
    return {
      deltas: deltas.slice(1), // the first frame after the interaction starts is excluded
      longTasks: bench.longTasks.filter((t) => t.start >= bench.phaseStart).map((t) => t.duration),
    };
  };

  /**
   * A point of the canvas where a press lands on the empty pane (not a node, edge or control), searched in
   * rings around the centre: hit-testing thousands of SVG edges is slow, so the nearest one wins.
   */
  bench.emptyPanePoint = () => {
    const area = document.querySelector('.react-flow').getBoundingClientRect();
    const cx = area.left + area.width / 2;
    const cy = area.top + area.height / 2;
    const inside = (x, y) =>
      x > area.left + 60 && x < area.right - 200 && y > area.top + 60 && y < area.bottom - 140;
    for (let r = 0; r < Math.max(area.width, area.height) / 2; r += 8) {
      const points = Math.max(1, Math.round((2 * Math.PI * r) / 8));
      for (let i = 0; i < points; i++) {
        const x = cx + r * Math.cos((2 * Math.PI * i) / points);
        const y = cy + r * Math.sin((2 * Math.PI * i) / points);
        if (
          inside(x, y) &&
          document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') &&
          overviewEmptyAt(x, y)
        )
          return { x, y };
      }
    }
    return null;
  };

  /** A step node fully inside the upper-left part of the canvas, so it can be dragged right and down. */
  bench.draggableNode = () => {
    const area = document.querySelector('.react-flow').getBoundingClientRect();
    const inside = [...document.querySelectorAll('.react-flow__node')]
      .map((n) => ({ id: n.getAttribute('data-id'), r: n.getBoundingClientRect() }))
      .filter(
        ({ r }) =>
          r.left > area.left + 20 &&
          r.right < area.right - 200 &&
          r.top > area.top + 20 &&
          r.bottom < area.bottom - 150,
      )
      .sort((a, b) => a.r.left + a.r.top - (b.r.left + b.r.top));
    return inside[0]?.id ?? null;
  };
}

// --- one measured run -----------------------------------------------------------------------------------
const settle = (page) => page.evaluate(() => window.__bench.whenSettled(performance.now()));

/** Where --trace writes the phase's trace, or null when this phase of this run is not traced. */
let traceFile = null;

async function recordPhase(page, act, afterMs = 300, name = '') {
  const cdp = name === TRACE_PHASE && traceFile ? await page.context().newCDPSession(page) : null;
  const chunks = [];
  if (cdp) {
    cdp.on('Tracing.dataCollected', (e) => chunks.push(...e.value));
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute',
      transferMode: 'ReportEvents',
    });
  }
  await page.evaluate(() => window.__bench.startFrames());
  await act();
  await page.waitForTimeout(afterMs);
  const { deltas, longTasks } = await page.evaluate(() => window.__bench.stopFrames());
  if (cdp) {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    writeFileSync(traceFile, JSON.stringify({ traceEvents: chunks }));
    log(`  trace of ${name} written to ${traceFile}`);
    traceFile = null;
    await cdp.detach();
  }
  return {
    frames: deltas.length,
    medianMs: median(deltas),
    p95Ms: percentile(deltas, 95),
    maxMs: Math.max(0, ...deltas),
    longTasks: longTasks.length,
    longestTaskMs: Math.max(0, ...longTasks),
  };
}

async function mouseDrag(page, from, step) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) await page.mouse.move(from.x + i * step.x, from.y + i * step.y);
  await page.mouse.up();
}

async function setZoom(page, zoom) {
  const area = await page.locator('.react-flow').boundingBox();
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await page.evaluate(() => window.__bench.zoom());
    if (Math.abs(current - zoom) < 0.005) break;
    // React Flow zooms by 2^(-deltaY × 0.002) per wheel event (pixel mode, as Chromium sends it).
    await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
    await page.mouse.wheel(0, Math.log2(current / zoom) / 0.002);
    await settle(page);
  }
  return page.evaluate(() => window.__bench.zoom());
}

async function emptyPanePoint(page) {
  const point = await page.evaluate(() => window.__bench.emptyPanePoint());
  if (!point) throw new Error('no empty part of the pane to drag');
  return point;
}

async function measureRun(page, cdp, name) {
  await page.reload();
  const open = page.getByRole('button', { name: `Open ${name}`, exact: true });
  await open.waitFor();
  await page.evaluate(() => window.__bench.armOpen());
  await open.click();
  const { since, firstNodeMs, settledMs } = await page.evaluate(() => window.__bench.open);
  const openLongTasks = await page.evaluate(
    (clickAt) =>
      window.__bench.longTasks.filter((t) => t.start + t.duration > clickAt).map((t) => t.duration),
    since,
  );

  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heapMb = metrics.find((m) => m.name === 'JSHeapUsedSize').value / 2 ** 20;
  const domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
  const renderedNodes = await page.evaluate(() => document.querySelectorAll('.react-flow__node').length);

  const phases = {};
  const zoom1 = await setZoom(page, 1);
  const panFrom = await emptyPanePoint(page);
  phases['pan@1'] = await recordPhase(page, () => mouseDrag(page, panFrom, { x: -5, y: -3 }), 300, 'pan@1');
  await settle(page);

  const id = await page.evaluate(() => window.__bench.draggableNode());
  if (!id) throw new Error('no step fully in view to drag');
  const box = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
  const grab = { x: box.x + box.width * 0.4, y: box.y + box.height / 2 };
  phases['drag@1'] = await recordPhase(page, () => mouseDrag(page, grab, { x: 7, y: 3 }), 300, 'drag@1');
  await settle(page);

  phases.fit = await recordPhase(
    page,
    async () => {
      await page.getByRole('button', { name: 'Fit View' }).click();
      await settle(page);
    },
    300,
    'fit',
  );
  const fitZoom = await page.evaluate(() => window.__bench.zoom());
  const fitFrom = await emptyPanePoint(page);
  phases['pan@fit'] = await recordPhase(page, () => mouseDrag(page, fitFrom, { x: 3, y: 2 }), 300, 'pan@fit');

  return {
    openMs: settledMs,
    firstNodeMs,
    openLongestTaskMs: Math.max(0, ...openLongTasks),
    heapMb,
    domElements,
    renderedNodes,
    zoom1,
    fitZoom,
    phases,
  };
}

async function withProfile(mode, size, file, fn) {
  const profile = tempDir('coarchitect-bench-profile-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...BASE_ARGS, ...mode.args],
    viewport: VIEWPORT,
  });
  try {
    await context.addInitScript(installInstruments);
    const page = context.pages()[0] ?? (await context.newPage());
    await importLargeWorkflow(page, url, file, size);
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    return await fn(page, cdp);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// --- profiling (--profile) -------------------------------------------------------------------------------
async function readStream(cdp, handle) {
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return JSON.parse(text);
}

/** Main-thread self time by trace event name (complete events of the renderer's main thread). */
function traceSelfTimes(trace) {
  const events = trace.traceEvents ?? trace;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const onMain = events
    .filter((e) => e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid && e.dur > 0)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  for (const e of onMain) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
    stack.push(e);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return {
    totalMs: total / 1000,
    top: [...self].sort((a, b) => b[1] - a[1]).map(([n, us]) => [n, us / 1000]),
  };
}

/** JS self time from a CPU profile, by function (name, file:line and the line's start) and by file. */
function profileSelfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const lines = new Map();
  const sourceLine = (file, line) => {
    const path = join(outDir, 'assets', file);
    if (!lines.has(path)) lines.set(path, existsSync(path) ? readFileSync(path, 'utf8').split('\n') : []);
    return (lines.get(path)[line] ?? '').trim().slice(0, 60);
  };
  const byFunction = new Map();
  const byFile = new Map();
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  profile.samples.forEach((id, i) => {
    const { url, functionName, lineNumber } = byId.get(id).callFrame;
    const us = profile.timeDeltas[i + 1] ?? 0;
    const file = url.split('/').pop();
    add(byFile, url ? file.replace(/-[\w-]{8}\.js$/, '') : functionName || '(native)', us);
    const name = functionName || '(anonymous)';
    add(byFunction, url ? `${name} ${file}:${lineNumber + 1}  ${sourceLine(file, lineNumber)}` : name, us);
  });
  const top = (map) => [...map].sort((a, b) => b[1] - a[1]).map(([n, us]) => [n, us / 1000]);
  return { byFunction: top(byFunction), byFile: top(byFile) };
}

/** Records a trace and a JS CPU profile while `act` runs (and 300 ms after). */
async function profiled(cdp, act) {
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8'],
    },
  });
  await cdp.send('Profiler.start');
  await act();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  const { stream } = await done;
  return { trace: traceSelfTimes(await readStream(cdp, stream)), js: profileSelfTimes(profile), profile };
}

async function runProfile() {
  for (const size of sizes) {
    const file = writeWorkflow(size);
    const name = `Large workflow (${size} steps)`;
    await withProfile(MODES[0], size, file, async (page, cdp) => {
      await page.reload();
      const open = page.getByRole('button', { name: `Open ${name}`, exact: true });
      await open.waitFor();
      const result = {};
      result.open = await profiled(cdp, async () => {
        await open.click();
        await settle(page);
      });
      await setZoom(page, 1);
      await settle(page);
      result['pan@1'] = await profiled(cdp, async () =>
        mouseDrag(page, await emptyPanePoint(page), { x: -5, y: -3 }),
      );
      await settle(page);
      const id = await page.evaluate(() => window.__bench.draggableNode());
      const box = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
      result['drag@1'] = await profiled(cdp, () =>
        mouseDrag(page, { x: box.x + box.width * 0.4, y: box.y + box.height / 2 }, { x: 7, y: 3 }),
      );
      await settle(page);
      result.fit = await profiled(cdp, async () => {
        await page.getByRole('button', { name: 'Fit View' }).click();
        await settle(page);
      });
      for (const [phase, { trace, js, profile }] of Object.entries(result)) {
        // The whole profile too, for DevTools (Performance › Load profile) or other tools.
        writeFileSync(`canvas-${size}-${phase.replace(/\W+/g, '-')}.cpuprofile`, JSON.stringify(profile));
        console.log(
          `\n${size} steps, ${phase}: main-thread self time ${trace.totalMs.toFixed(0)} ms by trace event`,
        );
        const events = trace.top.filter(([n]) => !n.startsWith('CpuProfiler')); // the profiler's own cost
        for (const [n, ms] of events.slice(0, 14)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${n}`);
        console.log('  JS self time by package chunk (index = the app):');
        for (const [n, ms] of js.byFile.slice(0, 10)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${n}`);
        console.log('  JS self time by function:');
        for (const [n, ms] of js.byFunction.slice(0, 25))
          console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${n}`);
      }
    });
  }
}

// --- the benchmark ---------------------------------------------------------------------------------------
let dataDir;
function writeWorkflow(size) {
  dataDir ??= tempDir('coarchitect-bench-data-');
  // About 1.2 connections per step: 5,000 steps come with about 6,000 edges, as the targets are stated.
  const workspace = largeWorkspace(size, 8, { decisionEvery: 4 });
  const wf = workspace.workflows[0];
  const reworkLoops = wf.steps.filter((s) => s.type === 'review' && s.reworkTargetId).length;
  log(
    `${size} steps: ${wf.steps.length} steps, ${wf.edges.length} connections + ${reworkLoops} rework loops ` +
      `(${((wf.edges.length + reworkLoops) / wf.steps.length).toFixed(2)} edges per step on the canvas)`,
  );
  const file = join(dataDir, `large-${size}.coarchitect.json`);
  writeFileSync(file, serializeDocument(exportWorkspace(workspace)));
  return file;
}

function summarise(runs) {
  const m = (f) => median(runs.map(f));
  const phases = {};
  for (const phase of Object.keys(runs[0].phases)) {
    const keys = Object.keys(runs[0].phases[phase]);
    phases[phase] = Object.fromEntries(keys.map((k) => [k, m((r) => r.phases[phase][k])]));
    phases[phase].fps = 1000 / phases[phase].medianMs;
  }
  const scalars = Object.keys(runs[0]).filter((k) => k !== 'phases');
  return { ...Object.fromEntries(scalars.map((k) => [k, m((r) => r[k])])), phases };
}

const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const pad = (s, n) => String(s).padStart(n);

function printTable(results) {
  console.log(
    `\n${pad('steps', 5)} ${'mode'.padEnd(9)} ${'phase'.padEnd(7)} ${pad('frames', 6)} ${pad('median', 7)} ` +
      `${pad('p95', 6)} ${pad('max', 6)} ${pad('fps', 5)} ${pad('long', 4)} ${pad('longest', 7)}`,
  );
  for (const r of results) {
    for (const [phase, p] of Object.entries(r.summary.phases)) {
      console.log(
        `${pad(r.size, 5)} ${r.mode.padEnd(9)} ${phase.padEnd(7)} ${pad(fmt(p.frames, 0), 6)} ` +
          `${pad(fmt(p.medianMs), 7)} ${pad(fmt(p.p95Ms), 6)} ${pad(fmt(p.maxMs), 6)} ${pad(fmt(p.fps, 0), 5)} ` +
          `${pad(fmt(p.longTasks, 0), 4)} ${pad(fmt(p.longestTaskMs, 0), 7)}`,
      );
    }
  }
  console.log('(frame times in ms; long = tasks over 50 ms; all figures medians over runs)\n');
  for (const r of results) {
    const s = r.summary;
    console.log(
      `${pad(r.size, 5)} ${r.mode.padEnd(9)} open ${fmt(s.openMs, 0)} ms (first node ${fmt(s.firstNodeMs, 0)} ms, ` +
        `longest task ${fmt(s.openLongestTaskMs, 0)} ms), JS heap ${fmt(s.heapMb)} MB, ` +
        `${fmt(s.domElements, 0)} DOM elements (${fmt(s.renderedNodes, 0)} step nodes rendered), ` +
        `zoom ${fmt(s.zoom1, 2)} → fit ${fmt(s.fitZoom, 2)}`,
    );
  }
}

function verdicts(results) {
  const lines = [];
  for (const size of sizes) {
    const normal = results.find((r) => r.size === size && r.mode === 'normal')?.summary;
    const unlimited = results.find((r) => r.size === size && r.mode === 'unlimited')?.summary;
    if (!normal) continue;
    const mark = (ok) => (ok ? '✓' : '✗');
    const p = normal.phases;
    const editingTasks = ['pan@1', 'drag@1', 'fit', 'pan@fit'].reduce((n, k) => n + p[k].longTasks, 0);
    const longest = Math.max(...['pan@1', 'drag@1', 'fit', 'pan@fit'].map((k) => p[k].longestTaskMs));
    const headroom = unlimited
      ? `; headroom (unlimited) pan@1 ${fmt(unlimited.phases['pan@1'].fps, 0)} fps, drag@1 ` +
        `${fmt(unlimited.phases['drag@1'].fps, 0)} fps, pan@fit ${fmt(unlimited.phases['pan@fit'].fps, 0)} fps`
      : '';
    lines.push(
      `${pad(size, 5)} steps: ${mark(normal.openMs < TARGET.openMs)} open ${fmt(normal.openMs, 0)} ms < 1000; ` +
        `${mark(p['pan@1'].p95Ms < TARGET.zoom1P95)} pan@1 p95 ${fmt(p['pan@1'].p95Ms)} < 17; ` +
        `${mark(p['drag@1'].p95Ms < TARGET.zoom1P95)} drag@1 p95 ${fmt(p['drag@1'].p95Ms)} < 17; ` +
        `${mark(p['pan@fit'].p95Ms < TARGET.zoomedOutP95)} pan@fit p95 ${fmt(p['pan@fit'].p95Ms)} < 22.2; ` +
        `${mark(editingTasks === 0)} long tasks while editing ${editingTasks}` +
        (editingTasks ? ` (longest ${fmt(longest, 0)} ms)` : '') +
        headroom,
    );
  }
  return lines;
}

async function runBenchmark() {
  log(
    `Canvas benchmark: ${RUNS} run${RUNS === 1 ? '' : 's'} per size and mode, Chromium headless ` +
      `(software rendering) on ${process.platform}, viewport ${VIEWPORT.width}×${VIEWPORT.height}`,
  );
  const files = new Map(sizes.map((size) => [size, writeWorkflow(size)]));
  const results = [];
  for (const mode of MODES) {
    for (const size of sizes) {
      const name = `Large workflow (${size} steps)`;
      const runs = await withProfile(mode, size, files.get(size), async (page, cdp) => {
        const all = [];
        for (let r = 0; r < RUNS; r++) {
          if (TRACE_PHASE && mode.name === 'normal')
            traceFile = `canvas-${size}-${TRACE_PHASE.replace(/\W+/g, '-')}-run${r + 1}.trace.json`;
          all.push(await measureRun(page, cdp, name));
          log(`  ${mode.name} ${size} run ${r + 1}: open ${fmt(all.at(-1).openMs, 0)} ms`);
        }
        return all;
      });
      results.push({ size, mode: mode.name, runs, summary: summarise(runs) });
    }
  }
  results.sort((a, b) => a.size - b.size);
  const summary = verdicts(results);
  if (JSON_OUTPUT) {
    console.log(JSON.stringify({ runsPerSize: RUNS, targets: TARGET, results, summary }, null, 2));
  } else {
    printTable(results);
    console.log('Targets (normal mode):');
    for (const line of summary) console.log(line);
  }
}

try {
  if (PROFILE) await runProfile();
  else await runBenchmark();
} finally {
  await server.close();
  removeTemps();
}
