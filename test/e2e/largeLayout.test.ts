/**
 * Auto-layout of 10,000 steps in Chromium: it runs in the layout worker, Cancel stays available the whole
 * time, and it finishes with every step moved and no failure notice (ELK used to overflow its stack).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { exportWorkspace, serializeDocument } from '../../shared/format/document';
import { largeWorkspace } from '../../shared/examples/largeWorkflow';
import { AppDriver, launchBrowser, tempDir, text } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('auto-layout at scale', () => {
  it('lays out a generated 10,000-step workflow with Cancel available throughout', async () => {
    const file = join(tempDir(), 'ten-thousand.coarchitect.json');
    writeFileSync(file, serializeDocument(exportWorkspace(largeWorkspace(10_000))));
    const app = await AppDriver.open(browser);
    const { page } = app;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.button('Import…').click()]);
    await chooser.setFiles(file);
    await app.openWorkflow('Large workflow (10000 steps)');
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    expect(await undo.isDisabled()).toBe(true);

    await app.button('Layout left to right').click();
    const cancel = page.getByRole('button', { name: 'Cancel layout' });
    const layOut = page.getByRole('button', { name: 'Layout left to right' });
    await cancel.waitFor();
    // Until the layout lands, Cancel is on screen and enabled at every look (the page stays responsive).
    let looks = 0;
    const startedAt = Date.now();
    while (!(await layOut.isVisible())) {
      if (await cancel.isVisible()) {
        expect(await cancel.isEnabled()).toBe(true);
        looks++;
      }
      expect(Date.now() - startedAt).toBeLessThan(60_000);
      await page.waitForTimeout(200);
    }
    expect(looks).toBeGreaterThan(0);
    const notices = await text(page.getByRole('log', { name: 'Notifications' }));
    expect(notices).not.toMatch(/Auto-layout (gave up|failed)/);
    // The layout landed as one edit: Undo is offered for it.
    expect(await undo.isEnabled()).toBe(true);
    expect(app.errors).toEqual([]);
    await app.close();
  }, 180_000);
});
