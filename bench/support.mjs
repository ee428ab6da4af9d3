// What the browser benchmarks and the screenshot script share: Debian's Chromium with the project's flags,
// the built app served by Vite, the workflow generators bundled from shared/, and the statistics.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Serves a built renderer (default dist/renderer) on a free local port. */
export async function serveBuiltApp(outDir = 'dist/renderer') {
  const server = await preview({
    configFile: false,
    root: '.',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  return { server, url: server.resolvedUrls.local[0] };
}

/** largeWorkspace, exportWorkspace and serializeDocument, bundled from shared/ for plain Node. */
export async function loadGenerators() {
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
  return { largeWorkspace, exportWorkspace, serializeDocument };
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);

export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs, p) {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** In a fresh page of the app: imports a generated workflow file through Import… and waits for its Open button. */
export async function importLargeWorkflow(page, url, file, size) {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Workflows' }).waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import…' }).click(),
  ]);
  await chooser.setFiles(file);
  const open = page.getByRole('button', { name: `Open Large workflow (${size} steps)`, exact: true });
  await open.waitFor();
  return open;
}

/**
 * Bundles `contents` (re-exports from shared/, resolved from the repository root) for Node with esbuild in
 * memory and returns the code, e.g. for a worker thread.
 */
export async function bundleShared(contents) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const bundled = await build({
    absWorkingDir: root,
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'error',
  });
  return bundled.outputFiles[0].text;
}

/** Bundles `contents` as bundleShared does and imports it, so a benchmark runs the same TypeScript the app does. */
export async function importShared(contents) {
  const code = await bundleShared(contents);
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/**
 * The benchmarks' command line: `--runs N` (at least `minRuns`, default `runs`) and bare numbers as input
 * sizes (default `sizes`).
 */
export function benchArgs({ runs, minRuns = 1, sizes = [] }, argv = process.argv.slice(2)) {
  const at = argv.indexOf('--runs');
  const asked = at >= 0 ? Number(argv[at + 1]) || 0 : runs;
  const given = argv.filter((a, i) => /^\d+$/.test(a) && argv[i - 1] !== '--runs').map(Number);
  return { runs: Math.max(minRuns, asked), sizes: given.length > 0 ? given : sizes };
}
