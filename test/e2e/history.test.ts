import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AppDriver, count, eventually, launchBrowser, visible } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('undo history across a reload', () => {
  it('undoes the edits made right before a reload, redoes them, and keeps the buttons’ states', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    const humanTasks = page.getByRole('group', { name: /^Human task: / });
    const enabled = (name: string) => () => app.button(name).isEnabled();

    await app.createWorkflow('Persistent undo');
    // Two edits: the palette adds "New task", the inspector renames it.
    await app.addStep('Human task', 'Check invoice');
    await visible(app.step('Human task: Check invoice'));

    // Reload at once: the rename and its undo step may exist only in memory and the unload journal.
    await page.reload();
    await app.openWorkflow('Persistent undo');
    await visible(app.step('Human task: Check invoice'));
    await eventually(enabled('Undo')).toBe(true);
    expect(await app.button('Redo').isEnabled()).toBe(false);

    await app.button('Undo').click();
    await visible(app.step('Human task: New task'));
    await app.button('Undo').click();
    await eventually(() => count(humanTasks)).toBe(0);
    // The empty workflow is where its history begins: creating it is not undone.
    await eventually(enabled('Undo')).toBe(false);
    await app.button('Redo').click();
    await visible(app.step('Human task: New task'));
    expect(await count(humanTasks)).toBe(1);

    // One step to undo, one to redo: so it is after another reload, made at once (the redo, like any edit,
    // may exist only in the unload journal).
    await page.reload();
    await app.openWorkflow('Persistent undo');
    await visible(app.step('Human task: New task'));
    await eventually(enabled('Undo')).toBe(true);
    await eventually(enabled('Redo')).toBe(true);
    await app.button('Redo').click();
    await visible(app.step('Human task: Check invoice'));
    await eventually(enabled('Redo')).toBe(false);
    await app.button('Undo').click();
    await app.button('Undo').click();
    await eventually(() => count(humanTasks)).toBe(0);
    await eventually(enabled('Undo')).toBe(false);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('starts each workflow with its own history', async () => {
    const app = await AppDriver.open(browser);
    await app.createWorkflow('First');
    await app.addStep('Human task', 'Only in first');
    await visible(app.step('Human task: Only in first'));
    await app.backToLibrary();
    await app.createWorkflow('Second');
    await eventually(() => app.button('Undo').isEnabled()).toBe(false);
    await app.backToLibrary();
    await app.openWorkflow('First');
    await eventually(() => app.button('Undo').isEnabled()).toBe(true);
    await app.button('Undo').click();
    await visible(app.step('Human task: New task'));
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
