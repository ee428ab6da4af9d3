// The desktop app in real Electron, driven by Playwright: the window opens over app://, a Coarchitect file given
// on the command line is imported, a step is renamed in the inspector, and the workflow is exported through the
// button and the menu. Needs the builds (dist/electron, dist/renderer) and the Electron binary; where the binary
// could not be downloaded, the suite is skipped with the reason (the same journey runs in Chromium in
// desktop-journey.test.ts).
//
// The main process honours two variables only when unpackaged (electron/testHooks.ts): COARCHITECT_USER_DATA_DIR
// gives the run its own empty profile, COARCHITECT_E2E_SAVE_PATH replaces the save dialog with a fixed path.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, text, value } from './harness';

const root = path.resolve(__dirname, '../..');
const mainScript = path.join(root, 'dist', 'electron', 'main.cjs');
const example = path.join(root, 'examples', 'customer-support.coarchitect.json');
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
    const profile = mkdtempSync(path.join(tmpdir(), 'coarchitect-electron-'));
    const savePath = path.join(profile, 'exported.coarchitect.json');

    const rowNames = () =>
      page
        .getByRole('table', { name: 'Workflows' })
        .getByRole('rowheader')
        .getByRole('button')
        .allInnerTexts();
    const clickMenuItem = (id: string) =>
      app.evaluate(({ Menu }, itemId) => {
        const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
        if (!item) throw new Error(`no menu item ${itemId}`);
        if (!item.enabled) throw new Error(`menu item ${itemId} is disabled`);
        item.click();
      }, id);
    const exported = () =>
      JSON.parse(readFileSync(savePath, 'utf8')) as {
        format: string;
        workflow?: { name: string; steps: { name: string }[] };
        workflows?: unknown[];
      };

    beforeAll(async () => {
      for (const built of [mainScript, path.join(root, 'dist', 'renderer', 'index.html')]) {
        if (!existsSync(built))
          throw new Error(`${path.relative(root, built)} is missing: build the app first.`);
      }
      display = await ensureDisplay();
      app = await _electron.launch({
        executablePath: electronBinary!,
        // The file on the command line, as `coarchitect path/to/file` or a double click passes it.
        args: [mainScript, example],
        cwd: root,
        env: {
          ...process.env,
          ...display.env,
          ELECTRON_ENABLE_LOGGING: '1',
          COARCHITECT_USER_DATA_DIR: path.join(profile, 'user-data'),
          COARCHITECT_E2E_SAVE_PATH: savePath,
        } as Record<string, string>,
        timeout: 30_000,
      });
      page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      display?.stop();
      rmSync(profile, { recursive: true, force: true });
    });

    it('opens the Coarchitect window over app://', async () => {
      const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
      expect(title).toContain('Coarchitect');
      expect(page.url()).toMatch(/^app:\/\/coarchitect\//);
    });

    it('exposes only window.coarchitect to the page, with no Node', async () => {
      const exposed = await page.evaluate(() => ({
        api: Object.keys(window.coarchitect ?? {}).sort(),
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      }));
      expect(exposed).toEqual({
        api: [
          'clearRecentFiles',
          'closePresenterWindow',
          'listBackups',
          'listRecentFiles',
          'onCommand',
          'onFileOpened',
          'onFlushRequest',
          'onRecentFilesChanged',
          'openPresenterWindow',
          'openRecentFile',
          'openTextFile',
          'platform',
          'readBackup',
          'rendererReady',
          'saveReportPdf',
          'saveTextFile',
          'setFullScreen',
          'setMenuState',
          'writeBackup',
        ],
        require: 'undefined',
        process: 'undefined',
      });
    });

    it('imports the file given on the command line and lists it under recent files', async () => {
      await page.locator('#library-title').waitFor({ state: 'visible', timeout: 15_000 });
      await expect
        .poll(rowNames, { timeout: 15_000 })
        .toEqual(expect.arrayContaining(['Customer support (to-be)', 'Customer support (as-is)']));
      await eventually(() => text(page.getByRole('list', { name: 'Recent files' }))).toContain(
        'customer-support.coarchitect.json',
      );
      const menuRecent = await app.evaluate(({ Menu }) =>
        Menu.getApplicationMenu()
          ?.getMenuItemById('file.open-recent')
          ?.submenu?.items.map((item) => item.label),
      );
      expect(menuRecent).toContain('customer-support.coarchitect.json');
    });

    it('renames a step in the inspector and exports the workflow with the button', async () => {
      await page.getByRole('button', { name: 'Open Customer support (to-be)', exact: true }).click();
      await page.getByRole('heading', { name: 'Customer support (to-be)' }).waitFor();
      await page.getByRole('group', { name: 'AI-assisted task: Agent edits AI draft' }).click();
      await page.getByLabel('Step name', { exact: true }).fill('Agent polishes the AI draft');
      await eventually(() => value(page.getByLabel('Step name', { exact: true }))).toBe(
        'Agent polishes the AI draft',
      );
      await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();

      await page.getByRole('button', { name: 'Export JSON', exact: true }).click();
      await eventually(() => existsSync(savePath) && exported().workflow?.name).toBe(
        'Customer support (to-be)',
      );
      expect(exported().workflow!.steps.map((step) => step.name)).toContain('Agent polishes the AI draft');
    });

    it('exports through the menu: Save a copy as, then Export workspace', async () => {
      rmSync(savePath, { force: true });
      await clickMenuItem('file.save-copy');
      await eventually(() => existsSync(savePath) && exported().format).toBe('coarchitect.workflow');

      rmSync(savePath, { force: true });
      await clickMenuItem('file.export-workspace');
      await eventually(() => existsSync(savePath) && exported().format).toBe('coarchitect.workspace');
      expect(exported().workflows).toHaveLength(2);
    });

    it('presents with View › Present (F5): full screen, a presenter window, Escape leaves full screen, then the presentation', async () => {
      const isFullScreen = () =>
        app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isFullScreen() ?? false);
      await clickMenuItem('view.present');
      const deck = page.getByRole('dialog', { name: 'Presentation' });
      await deck.waitFor();
      await eventually(isFullScreen).toBe(true);
      // P opens the presenter window (the app at #presenter), which follows the deck.
      const windowCount = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
      const presenterPage = app.waitForEvent('window');
      await page.keyboard.press('p');
      const presenter = await presenterPage;
      await eventually(windowCount).toBe(2);
      const current = presenter.getByRole('status', { name: 'Current slide' });
      await eventually(() => text(current)).toBe('Slide 1 of 9: Title');
      await page.keyboard.press('ArrowRight');
      await eventually(() => text(current)).toBe('Slide 2 of 9: As-is flow');
      await page.keyboard.press('Escape');
      await eventually(isFullScreen).toBe(false);
      expect(await deck.count()).toBe(1);
      await page.keyboard.press('Escape');
      await eventually(() => deck.count()).toBe(0);
      // Ending the presentation closes the presenter window.
      await eventually(windowCount).toBe(1);
    });

    it('saves the report as PDF through webContents.printToPDF', async () => {
      rmSync(savePath, { force: true });
      await page.getByRole('button', { name: 'Story…', exact: true }).click();
      await page
        .getByRole('dialog', { name: 'Story' })
        .getByRole('button', { name: 'Print report…' })
        .click();
      const report = page.getByRole('dialog', { name: 'Report' });
      await report.getByRole('button', { name: 'Save report as PDF…' }).click();
      // The e2e save path stands in for the dialog (its name is the JSON one; the bytes are the PDF's).
      await eventually(() => existsSync(savePath) && readFileSync(savePath).subarray(0, 5).toString()).toBe(
        '%PDF-',
      );
      if (existsSync('/usr/bin/pdftotext')) {
        const pdfText = execFileSync('pdftotext', ['-layout', savePath, '-'], { encoding: 'utf8' });
        expect(pdfText).toContain('Figures');
        expect(pdfText).toMatch(/Page 1 of \d+/);
      }
      await page.keyboard.press('Escape');
      await eventually(() => report.count()).toBe(0);
    });

    it('goes back to the library with File › Close, which then disables Export JSON', async () => {
      await clickMenuItem('file.close');
      await page.locator('#library-title').waitFor({ state: 'visible' });
      await eventually(() =>
        app.evaluate(
          ({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('file.export-workflow')?.enabled,
        ),
      ).toBe(false);
    });
  },
);
