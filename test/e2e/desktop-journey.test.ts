// The desktop user journey — a Coarchitect file arrives, a step is renamed, the workflow is exported — in
// Chromium against the built renderer, so it runs everywhere (the same journey in real Electron, with the file
// on the command line, is in electron.test.ts and needs the Electron binary). Here the file is dropped onto the
// window, as a user drags it from the file manager.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver, count, eventually, launchBrowser, tempDir, text, value, visible } from './harness';

const EXAMPLE = 'examples/customer-support.coarchitect.json';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Drags files from "outside" onto the window: dragenter, dragover and drop with a real DataTransfer. */
async function dropFiles(page: Page, files: { name: string; content: string }[]): Promise<void> {
  await page.evaluate((dropped) => {
    const transfer = new DataTransfer();
    for (const file of dropped) {
      transfer.items.add(new File([file.content], file.name, { type: 'application/json' }));
    }
    const target = document.querySelector('main') ?? document.body;
    const at = { clientX: 400, clientY: 300, bubbles: true, cancelable: true, dataTransfer: transfer };
    target.dispatchEvent(new DragEvent('dragenter', at));
    target.dispatchEvent(new DragEvent('dragover', at));
    target.dispatchEvent(new DragEvent('drop', at));
  }, files);
}

describe('desktop journey in the browser', () => {
  it('imports a dropped file, edits a step and exports the workflow as a download', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;

    // The browser keeps no recent files: the library has no such section.
    expect(await count(page.getByRole('heading', { name: 'Recent files' }))).toBe(0);

    await dropFiles(page, [
      { name: 'customer-support.coarchitect.json', content: readFileSync(EXAMPLE, 'utf8') },
    ]);
    await expect
      .poll(() => app.libraryRowNames())
      .toEqual(expect.arrayContaining(['Customer support (to-be)', 'Customer support (as-is)']));
    await eventually(() => text(page.getByRole('log', { name: 'Notifications' }))).toContain(
      'customer-support.coarchitect.json: Imported 2 workflows',
    );

    await app.openWorkflow('Customer support (to-be)');
    await app.selectStep('AI-assisted task: Agent edits AI draft');
    await app.field('Step name').fill('Agent polishes the AI draft');
    await eventually(() => count(app.step('AI-assisted task: Agent polishes the AI draft'))).toBe(1);
    await app.waitUntilSaved();

    const [download] = await Promise.all([page.waitForEvent('download'), app.button('Export JSON').click()]);
    expect(download.suggestedFilename()).toBe('customer-support-to-be.coarchitect.json');
    const exported = join(tempDir(), download.suggestedFilename());
    await download.saveAs(exported);
    const doc = JSON.parse(readFileSync(exported, 'utf8'));
    expect(doc).toMatchObject({ format: 'coarchitect.workflow' });
    const names = (doc.workflow.steps as { name: string }[]).map((step) => step.name);
    expect(names).toContain('Agent polishes the AI draft');
    expect(names).not.toContain('Agent edits AI draft');

    // Dropped back in, the exported file is a new workflow that opens at once (it holds exactly one).
    await dropFiles(page, [
      { name: 'customer-support-to-be.coarchitect.json', content: readFileSync(exported, 'utf8') },
    ]);
    await page.getByRole('heading', { name: 'Customer support (to-be) (2)' }).waitFor();
    await app.selectStep('AI-assisted task: Agent polishes the AI draft');
    await eventually(() => value(app.field('Step name'))).toBe('Agent polishes the AI draft');
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('refuses a dropped broken file with the import report, and leaves the workspace unchanged', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await dropFiles(page, [
      { name: 'broken.coarchitect.json', content: '{ "format": "coarchitect.workflow", ' },
    ]);
    const report = page.getByRole('alertdialog', { name: 'The file could not be imported' });
    await eventually(() => text(report)).toContain('“broken.coarchitect.json” has');
    await eventually(() => text(report)).toContain('The file is not valid JSON');
    await report.getByRole('button', { name: 'Close' }).click();
    expect(await app.libraryRowNames()).toEqual([]);
    await app.close();
  });

  it('drives the Electron side of the renderer through a stand-in for the preload API', async () => {
    // Real Electron cannot run everywhere; this replaces window.coarchitect with a recording fake and sends
    // what main would send: an opened file, menu commands, a flush request.
    const app = await AppDriver.open(browser);
    const { page } = app;
    await page.context().addInitScript(
      (example: string) => {
        type Listener = (payload?: unknown) => unknown;
        const listeners: Record<string, Listener> = {};
        const calls: unknown[][] = [];
        const on = (name: string) => (listener: Listener) => {
          listeners[name] = listener;
          return () => delete listeners[name];
        };
        Object.assign(window, {
          __calls: calls,
          __emit: (name: string, payload?: unknown) => listeners[name]?.(payload),
          coarchitect: {
            platform: 'electron',
            saveTextFile: async (request: { suggestedName: string }) => {
              calls.push(['save', request]);
              return { saved: true, fileName: request.suggestedName };
            },
            openTextFile: async () => null,
            listRecentFiles: async () => [{ name: 'customer-support.coarchitect.json', folder: '/home/ana' }],
            openRecentFile: async (request: unknown) => {
              calls.push(['openRecent', request]);
              return { fileName: 'customer-support.coarchitect.json', content: example };
            },
            clearRecentFiles: async () => null,
            setMenuState: async (state: unknown) => {
              calls.push(['menu', state]);
              return null;
            },
            rendererReady: async () => {
              calls.push(['ready']);
              return null;
            },
            writeBackup: async (request: { content: string }) => {
              calls.push(['backup', request.content.length > 0]);
              return {
                fileName: 'coarchitect-backup-20261207T101500123Z-w2.json',
                createdAt: '2026-12-07T10:15:00.123Z',
                sizeBytes: request.content.length,
                workflowCount: 2,
              };
            },
            listBackups: async () => [],
            readBackup: async () => {
              throw new Error('no backups in this test');
            },
            onCommand: on('command'),
            onFileOpened: on('file'),
            onRecentFilesChanged: on('recent'),
            onFlushRequest: on('flush'),
          },
        });
      },
      readFileSync(EXAMPLE, 'utf8'),
    );
    await page.reload();
    await page.getByRole('heading', { name: 'Workflows' }).waitFor();

    const calls = () => page.evaluate(() => (window as unknown as { __calls: unknown[][] }).__calls);
    const emit = (name: string, payload?: unknown) =>
      page.evaluate(
        ([n, p]) =>
          (window as unknown as { __emit: (n: string, p: unknown) => unknown }).__emit(n as string, p),
        [name, payload] as const,
      );
    const lastMenuState = async () =>
      (await calls()).filter(([kind]) => kind === 'menu').at(-1)?.[1] as Record<string, boolean> | undefined;

    await eventually(async () => (await calls()).some(([kind]) => kind === 'ready')).toBe(true);
    expect(await lastMenuState()).toEqual({ workflowOpen: false, hasWorkflows: false });

    // A file main opened (command line, double click): imported like any other.
    await emit('file', {
      ok: true,
      fileName: 'customer-support.coarchitect.json',
      content: readFileSync(EXAMPLE, 'utf8'),
    });
    await expect.poll(() => app.libraryRowNames()).toHaveLength(2);
    await eventually(lastMenuState).toEqual({ workflowOpen: false, hasWorkflows: true });
    // A payload outside the contract is dropped.
    await emit('file', { ok: true, fileName: 'x.json' });
    await emit('command', { command: 'format-disk' });

    // Recent files are listed in the library and opened by index.
    await app.button('Open recent file customer-support.coarchitect.json').click();
    await expect.poll(() => app.libraryRowNames()).toHaveLength(4);
    expect((await calls()).filter(([kind]) => kind === 'openRecent')).toEqual([['openRecent', { index: 0 }]]);

    // Help › About and Keyboard shortcuts.
    await emit('command', { command: 'about' });
    const about = page.getByRole('dialog', { name: 'About Coarchitect' });
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    await eventually(() => text(about)).toContain(`Version ${version}`);
    await eventually(() => text(about)).toContain('O*NET');
    await eventually(() => text(about)).toContain('DigComp 2.2');
    await about.getByRole('button', { name: 'Close' }).click();
    await emit('command', { command: 'shortcuts' });
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await eventually(() => text(shortcuts)).toMatch(/Export workspace\s+Ctrl\+Shift\+E/);
    await shortcuts.getByRole('button', { name: 'Close' }).click();

    // Export JSON of the open workflow, the menu state following it, Close back to the library.
    await app.openWorkflow('Customer support (to-be)');
    await eventually(lastMenuState).toEqual({ workflowOpen: true, hasWorkflows: true });
    await emit('command', { command: 'export-workflow' });
    await eventually(async () => (await calls()).filter(([kind]) => kind === 'save').length).toBe(1);
    const [, saved] = (await calls()).find(([kind]) => kind === 'save') as [
      string,
      { suggestedName: string; content: string },
    ];
    expect(saved.suggestedName).toBe('customer-support-to-be.coarchitect.json');
    expect(JSON.parse(saved.content).workflow.name).toBe('Customer support (to-be)');
    await eventually(() => text(page.getByRole('log', { name: 'Notifications' }))).toContain(
      'Exported Customer support (to-be) to customer-support-to-be.coarchitect.json.',
    );

    // Before the window closes main asks for a flush; the renderer answers when its writes are done.
    await app.selectStep('AI-assisted task: Agent edits AI draft');
    await app.field('Step name').fill('Agent checks the draft');
    await page.evaluate(() =>
      (window as unknown as { __emit: (n: string) => Promise<void> }).__emit('flush'),
    );
    await app.waitUntilSaved();
    // ...and writes a last backup of the workspace, which changed.
    expect((await calls()).filter(([kind]) => kind === 'backup')).toEqual([['backup', true]]);

    await emit('command', { command: 'close-workflow' });
    await page.getByRole('heading', { name: 'Workflows' }).waitFor();
    await eventually(lastMenuState).toEqual({ workflowOpen: false, hasWorkflows: true });
    await emit('command', { command: 'new-workflow' });
    await visible(page.getByRole('dialog', { name: 'New workflow' }));
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
