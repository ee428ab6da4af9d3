// `npm start`, after the builds: runs the desktop app in Electron, or, where the Electron binary is missing
// (its download is blocked on some machines), with --web or with COARCHITECT_WEB=1, serves the built renderer
// for the browser. Other arguments are passed on to Electron.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const PREFERRED_PORT = 4173;
const DOWNLOAD_TIMEOUT_MS = 60_000;
const forceWeb = process.env.COARCHITECT_WEB === '1' || process.argv.includes('--web');
const electronArgs = process.argv.slice(2).filter((arg) => arg !== '--web');

function fail(message) {
  console.error(message);
  process.exit(1);
}

function requireBuilt(...files) {
  const missing = files.filter((file) => !existsSync(path.join(root, file)));
  if (missing.length > 0) fail(`Not built yet (missing ${missing.join(', ')}). Run the builds first.`);
}

/** The Electron executable, or null. require('electron') returns its path, and throws if it was never installed. */
function electronBinary() {
  try {
    const resolved = require.resolve('electron');
    delete require.cache[resolved];
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** npm 11 skips install scripts, so the binary may simply never have been fetched: try once, bounded. */
function tryDownloadElectron() {
  const installScript = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installScript)) return;
  console.log('Fetching the Electron binary (once, at most a minute)…');
  spawnSync(process.execPath, [installScript], {
    cwd: path.dirname(installScript),
    stdio: 'ignore',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
}

function runElectron(binary) {
  requireBuilt('dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html');
  const args = [root, ...electronArgs];
  // Chromium refuses to start as root without this (containers, CI); a normal user keeps the OS sandbox.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, args, { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function serveForBrowser() {
  requireBuilt('dist/renderer/index.html');
  const { preview } = await import('vite');
  // No config file: the preview only serves the finished build, it needs none of the build's plugins.
  const server = await preview({
    configFile: false,
    root,
    logLevel: 'warn',
    build: { outDir: 'dist/renderer' },
    preview: { host: 'localhost', port: PREFERRED_PORT, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : PREFERRED_PORT;
  console.log(`Coarchitect is running at http://localhost:${port}/`);
  const stop = () => server.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (forceWeb) {
  await serveForBrowser();
} else {
  let binary = electronBinary();
  if (!binary) {
    tryDownloadElectron();
    binary = electronBinary();
  }
  if (binary) {
    runElectron(binary);
  } else {
    console.log(
      'Electron binary not available (its download is blocked here); serving Coarchitect for the browser instead.',
    );
    await serveForBrowser();
  }
}
