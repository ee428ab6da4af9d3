/**
 * The presenter view and the report's print layout, end to end: the presenter window opens from the
 * presentation (a popup kept in step over BroadcastChannel), follows the main window and drives it; a
 * 5,000-step diagram in the report is tiled so that every tile lies inside the page box under print emulation.
 * axe-core finds no serious violation in the presenter view. Screenshots in /tmp/present3-shots.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeWorkspace } from '../../shared/examples/largeWorkflow';
import { exportWorkspace, serializeDocument } from '../../shared/format/document';
import { MIN_PRINT_TEXT_PX, PAGE_BOX } from '../../shared/report/html';
import { AppDriver, eventually, launchBrowser, tempDir, text, visible } from './harness';

const SHOTS = '/tmp/present3-shots';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('presenter view', () => {
  it('opens in its own window, follows the presentation and drives it', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.button('Load example: Customer support').click();
    await app.openWorkflow('Customer support (to-be)');
    await app.button('Present').click();
    const deck = page.getByRole('dialog', { name: 'Presentation' });
    const live = page.getByRole('status', { name: 'Slide announcements' });
    await eventually(() => text(live)).toBe('Slide 1 of 9: Title');

    const [popup] = await Promise.all([
      page.context().waitForEvent('page'),
      deck.getByRole('button', { name: 'Presenter view' }).click(),
    ]);
    await popup.setViewportSize({ width: 1280, height: 800 });
    const current = popup.getByRole('status', { name: 'Current slide' });
    await eventually(() => text(current)).toBe('Slide 1 of 9: Title');
    const next = popup.getByRole('region', { name: 'Next slide' });
    await visible(next.getByRole('heading', { name: 'As-is flow' }));
    await visible(popup.getByRole('region', { name: 'Speaker notes' }));
    expect(await text(popup.getByLabel('Time presenting'))).toMatch(/^\d\d:\d\d$/);

    // The main window moves the presenter view…
    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await eventually(() => text(current)).toBe('Slide 2 of 9: As-is flow');
    await visible(next.getByRole('heading', { name: 'To-be flow' }));
    // …and the presenter view moves the presentation, by key and by button.
    await popup.bringToFront();
    await popup.keyboard.press('ArrowRight');
    await eventually(() => text(live)).toBe('Slide 3 of 9: To-be flow');
    await eventually(() => text(current)).toBe('Slide 3 of 9: To-be flow');
    await popup.getByRole('button', { name: 'Next' }).click();
    await eventually(() => text(live)).toBe('Slide 4 of 9: Bottleneck move');
    await popup.keyboard.press('b');
    await eventually(() => text(current)).toBe('Slide 4 of 9: Bottleneck move (black screen)');
    await popup.keyboard.press('b');
    await popup.keyboard.press('5');
    await popup.keyboard.press('Enter');
    await eventually(() => text(current)).toBe('Slide 5 of 9: Figures');
    await eventually(() => text(live)).toBe('Slide 5 of 9: Figures');
    await popup.screenshot({ path: `${SHOTS}/presenter.png` });
    const axe = await new AxeBuilder({ page: popup }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/slide-1920x1080.png` });

    // Ending the presentation closes the presenter window.
    // Escape leaves full screen first (where the browser granted it), then the presentation.
    await page.bringToFront();
    await page.keyboard.press('Escape');
    if (
      await page.evaluate(
        () => document.fullscreenElement !== null || /Full screen left/.test(document.body.textContent ?? ''),
      )
    ) {
      await eventually(() => text(live)).toBe(
        'Full screen left: press Escape again to end the presentation.',
      );
      await visible(deck);
      await page.keyboard.press('Escape');
    }
    await eventually(() => deck.count()).toBe(0);
    await eventually(() => popup.isClosed()).toBe(true);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

describe('report print layout', () => {
  it('tiles a 5,000-step diagram so that every tile lies inside the page box, text never below 6 pt', async () => {
    const file = join(tempDir(), 'five-thousand.coarchitect.json');
    writeFileSync(file, serializeDocument(exportWorkspace(largeWorkspace(5_000))));
    const app = await AppDriver.open(browser);
    const { page } = app;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.button('Import…').click()]);
    await chooser.setFiles(file);
    await app.openWorkflow('Large workflow (5000 steps)');
    await app.button('Story…').click();
    await page.getByRole('dialog', { name: 'Story' }).getByRole('button', { name: 'Print report…' }).click();
    const report = page.getByRole('dialog', { name: 'Report' });
    await report.waitFor({ timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: PAGE_BOX.A4.width, height: PAGE_BOX.A4.height });
    const tiles = report.getByRole('figure');
    await eventually(() => tiles.count()).toBeGreaterThan(100);
    const boxes = await tiles.evaluateAll((figures) =>
      figures.map((f) => {
        const picture = f.querySelector('[role="img"]')!;
        const r = picture.getBoundingClientRect();
        const page = f.closest('section')!.getBoundingClientRect();
        return {
          width: r.width,
          height: r.height,
          left: r.left - page.left,
          right: page.right - r.right,
          scale: Number(picture.getAttribute('data-scale')),
        };
      }),
    );
    for (const b of boxes) {
      expect(b.width).toBeLessThanOrEqual(PAGE_BOX.A4.width);
      expect(b.height).toBeLessThanOrEqual(PAGE_BOX.A4.height);
      expect(b.left).toBeGreaterThanOrEqual(-0.5);
      expect(b.right).toBeGreaterThanOrEqual(-0.5);
      // The diagram's smallest text (12 units) at this scale is at least 8 px = 6 pt.
      expect(b.scale * 12).toBeGreaterThanOrEqual(MIN_PRINT_TEXT_PX - 0.01);
    }
    await eventually(() => text(report)).toContain('Part A2 of');
    await page.emulateMedia({ media: 'screen' });
    await page.keyboard.press('Escape');
    await app.close();
  });
});
