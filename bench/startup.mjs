// Start-up as a new user meets it: the built browser app (run `npm run build:renderer` first), a fresh
// browser and profile per run, on this machine. Prints medians over the runs of
//   - first contentful paint, from navigation start;
//   - library interactive: the "New workflow" button is on screen and the main thread is free (a 0 ms timer
//     fires within 50 ms), from navigation start;
//   - editor interactive: from the click on "Open Customer support (as-is)" until the diagram shows steps and
//     stays still for a frame with the main thread free (as bench/canvas.mjs measures opening);
//   - the JavaScript fetched before the first paint and before the library works, and every chunk's size.
// Usage: node bench/startup.mjs [--runs N]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { benchArgs, launchChromium, median, serveBuiltApp } from './support.mjs';

const OUT = 'dist/renderer';
const { runs: RUNS } = benchArgs({ runs: 7 });
const TARGETS = { fcpMs: 400, libraryMs: 600, editorMs: 800, mainChunkKb: 600 };

/** Installed before any of the app's scripts: records when the library became usable. */
function probe() {
  const bench = (window.__startup = {});
  const idle = () =>
    new Promise((resolve) => {
      const scheduled = performance.now();
      setTimeout(() => resolve(performance.now() - scheduled <= 50), 0);
    });
  const libraryReady = () =>
    [...document.querySelectorAll('button')].some(
      (b) => b.textContent?.trim() === 'New workflow' && !b.disabled,
    );
  bench.library = new Promise((resolve) => {
    const check = async () => {
      if (libraryReady() && (await idle())) return resolve(performance.now());
      requestAnimationFrame(() => void check());
    };
    requestAnimationFrame(() => void check());
  });
  const nodes = () => document.querySelectorAll('.react-flow__node').length;
  bench.armOpen = () => {
    bench.open = new Promise((resolve) => {
      document.addEventListener(
        'click',
        (event) => {
          const clickAt = event.timeStamp;
          const check = () => {
            if (nodes() === 0) return requestAnimationFrame(check);
            const before = `${nodes()}|${document.querySelector('.react-flow__viewport')?.style.transform}`;
            requestAnimationFrame(async () => {
              const now = `${nodes()}|${document.querySelector('.react-flow__viewport')?.style.transform}`;
              if (now !== before || !(await idle())) return requestAnimationFrame(check);
              resolve(performance.now() - clickAt);
            });
          };
          requestAnimationFrame(check);
        },
        { capture: true, once: true },
      );
    });
  };
}

async function oneRun(url) {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(probe);
    const page = await context.newPage();
    await page.goto(url);
    const libraryMs = await page.evaluate(() => window.__startup.library);
    const { fcpMs, jsBeforePaint, jsBeforeLibrary } = await page.evaluate((library) => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const scripts = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'));
      const bytesUntil = (t) =>
        scripts.filter((r) => r.responseEnd <= t).reduce((sum, r) => sum + r.decodedBodySize, 0);
      return { fcpMs: fcp, jsBeforePaint: bytesUntil(fcp), jsBeforeLibrary: bytesUntil(library) };
    }, libraryMs);
    await page.getByRole('button', { name: 'Load example: Customer support', exact: true }).click();
    const open = page.getByRole('button', { name: 'Open Customer support (as-is)', exact: true });
    await open.waitFor();
    await page.evaluate(() => window.__startup.armOpen());
    await open.click();
    const editorMs = await page.evaluate(() => window.__startup.open);
    return { fcpMs, libraryMs, editorMs, jsBeforePaint, jsBeforeLibrary };
  } finally {
    await browser.close();
  }
}

function chunks() {
  const dir = join(OUT, 'assets');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, kb: statSync(join(dir, name)).size / 1000 }))
    .sort((a, b) => b.kb - a.kb);
}

const { server, url } = await serveBuiltApp(OUT);
try {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await oneRun(url));
  const m = (key) => median(runs.map((r) => r[key]));
  const all = chunks();
  const main = all.find((c) => /^index-/.test(c.name));
  const line = (label, value, target, unit) =>
    console.log(
      `${label.padEnd(44)} ${value.toFixed(unit === 'kB' ? 0 : 1).padStart(8)} ${unit}` +
        (target ? `   target ≤ ${target} ${unit}: ${value <= target ? 'met' : 'NOT met'}` : ''),
    );
  console.log(`start-up, built browser app, fresh profile, median of ${RUNS} runs`);
  line('first contentful paint', m('fcpMs'), TARGETS.fcpMs, 'ms');
  line('library interactive', m('libraryMs'), TARGETS.libraryMs, 'ms');
  line('editor interactive after the click (example)', m('editorMs'), TARGETS.editorMs, 'ms');
  line('JavaScript fetched before the first paint', m('jsBeforePaint') / 1000, null, 'kB');
  line('JavaScript fetched before the library works', m('jsBeforeLibrary') / 1000, null, 'kB');
  line(`main chunk (${main?.name})`, main?.kb ?? NaN, TARGETS.mainChunkKb, 'kB');
  console.log('chunks (minified, kB):');
  for (const c of all) console.log(`  ${c.kb.toFixed(1).padStart(9)}  ${c.name}`);
} finally {
  await server.close();
}
