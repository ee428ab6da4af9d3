// Smoke test of the desktop app in real Electron, driven by Playwright: the window opens with its title and
// the renderer (served over app://) shows the library. Needs the builds (dist/electron, dist/renderer) and the
// Electron binary; where the binary could not be downloaded, the suite is skipped with the reason.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const mainScript = path.join(root, 'dist', 'electron', 'main.cjs');
const SKIP_REASON = 'Electron binary not installed (download blocked on this machine)';

/** require('electron') returns the binary's path, and throws if the binary was never downloaded. */
function findElectronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/**
 * Electron, unlike headless Chromium, needs a display. On a Linux machine without one (CI), start a private
 * Xvfb; -displayfd makes it pick a free display number and write it to fd 3 once it is ready.
 */
async function ensureDisplay(): Promise<{ env: Record<string, string>; stop: () => void }> {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) {
    return { env: {}, stop: () => {} };
  }
  const xvfb: ChildProcess = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1600x1000x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    },
  );
  const display = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000);
    xvfb.once('error', (error) =>
      reject(
        new Error(`No display for Electron and Xvfb could not start (${error.message}); run under xvfb-run.`),
      ),
    );
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${output.trim()}`);
      }
    });
  });
  return { env: { DISPLAY: display }, stop: () => void xvfb.kill() };
}

const electronBinary = findElectronBinary();
if (!electronBinary) console.warn(`Skipping the Electron smoke test: ${SKIP_REASON}.`);

describe.skipIf(!electronBinary)(
  electronBinary ? 'Electron app' : `Electron app — skipped: ${SKIP_REASON}`,
  () => {
    let app: ElectronApplication;
    let page: Page;
    let display: Awaited<ReturnType<typeof ensureDisplay>> | undefined;

    beforeAll(async () => {
      for (const built of [mainScript, path.join(root, 'dist', 'renderer', 'index.html')]) {
        if (!existsSync(built))
          throw new Error(`${path.relative(root, built)} is missing: build the app first.`);
      }
      display = await ensureDisplay();
      app = await _electron.launch({
        executablePath: electronBinary!,
        args: [mainScript],
        cwd: root,
        env: { ...process.env, ...display.env, ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
        timeout: 30_000,
      });
      page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      display?.stop();
    });

    it('opens the Coarchitect window over app://', async () => {
      const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
      expect(title).toContain('Coarchitect');
      expect(page.url()).toMatch(/^app:\/\/coarchitect\//);
    });

    it('shows the library', async () => {
      // The library's heading (renderer/library/Library.tsx), found by its id so a new wording keeps the test.
      const heading = page.locator('#library-title');
      await heading.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await heading.textContent()).toBeTruthy();
    });

    it('exposes only window.coarchitect to the page, with no Node', async () => {
      const exposed = await page.evaluate(() => ({
        api: Object.keys(window.coarchitect ?? {}).sort(),
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      }));
      expect(exposed).toEqual({
        api: ['openTextFile', 'platform', 'saveTextFile'],
        require: 'undefined',
        process: 'undefined',
      });
    });
  },
);
