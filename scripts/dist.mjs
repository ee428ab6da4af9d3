// `npm run dist` (after the builds): runs electron-builder for this platform's targets (Linux: AppImage and
// deb; Windows: NSIS; macOS: dmg) into release/. Extra arguments go to electron-builder (e.g. --dir).
//
// electron-builder downloads Electron itself (and, on Linux, the AppImage and fpm tools) from GitHub. Where
// node_modules/electron already holds the binary, it is reused so Electron is not downloaded again. On a
// machine that cannot reach GitHub the build fails; this script then says so in one line instead of
// electron-builder's stack trace.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

for (const built of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
  if (!existsSync(path.join(root, built))) {
    console.error(`${built} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

const args = ['--publish', 'never', ...process.argv.slice(2)];
const electronDist = path.join(root, 'node_modules', 'electron', 'dist');
if (existsSync(path.join(electronDist, 'version'))) args.push(`-c.electronDist=${electronDist}`);

const NETWORK_ERROR =
  /getaddrinfo (?:ENOTFOUND|EAI_AGAIN) [\w.-]+|\b(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)\b|socket hang up|unable to get local issuer certificate|self[- ]signed certificate/i;

// electron-builder prints its progress and, on failure, a "⨯ message" line with a stack trace, all on stdout.
// Progress is passed through as it comes; from the failure line on, output is held back so that a download
// failure can be reported in one line instead.
const cli = require.resolve('electron-builder/cli.js');
const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['inherit', 'pipe', 'pipe'] });
let failure = '';
let pending = '';
function take(chunk, target) {
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    if (failure || /^\s*⨯/.test(line)) failure += `${line}\n`;
    else target.write(`${line}\n`);
  }
}
child.stdout.on('data', (chunk) => take(chunk, process.stdout));
child.stderr.on('data', (chunk) => take(chunk, process.stderr));
child.on('exit', (code, signal) => {
  failure += pending;
  if (code === 0) {
    process.stdout.write(failure);
    console.log('Installers are in release/.');
    process.exit(0);
  }
  const network = NETWORK_ERROR.exec(failure);
  if (network) {
    console.error(
      `electron-builder needs to download Electron (and, for AppImage and deb, its packaging tools) from GitHub, which this machine cannot reach (${network[0]}); run \`npm run dist\` where github.com is reachable.`,
    );
  } else {
    process.stderr.write(failure);
  }
  process.exit(code ?? (signal ? 1 : 0));
});
