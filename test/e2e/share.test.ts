import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver, eventually, launchBrowser, text } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('export for sharing', () => {
  it('exports a public copy without people, role names or costs, which opens and shows its costs as redacted', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Load example: Customer support').click();
    await app.openWorkflow('Customer support (to-be)');

    await page.keyboard.press('Control+K');
    await page.keyboard.type('Export for sharing');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Export for sharing' });
    await dialog.getByRole('radio', { name: /^Public/ }).check();
    if (process.env['SCREENSHOT']) await page.screenshot({ path: process.env['SCREENSHOT'] });
    const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('customer-support-to-be-public.coarchitect.json');
    const content = readFileSync(await download.path(), 'utf8');
    for (const secret of ['Support agent', 'Senior agent', 'Maria Lopez', 'Jonas Berg'])
      expect(content).not.toContain(secret);
    const file = JSON.parse(content) as {
      redaction: { level: string; removed: { field: string; count: number }[] };
      roles: { name: string; costPerHour: number; people: unknown[] }[];
    };
    expect(file.redaction.level).toBe('public');
    expect(file.roles.map((r) => r.name)).toEqual(expect.arrayContaining(['Role A', 'Role B']));
    expect(file.roles.every((r) => r.costPerHour === 0 && r.people.length === 0)).toBe(true);
    expect(file.redaction.removed.length).toBeGreaterThan(0);

    // The copy imports and analyses; its cost per case says "redacted", not a made-up zero.
    await app.backToLibrary();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.button('Import…').click()]);
    await chooser.setFiles(await download.path());
    await eventually(() => app.libraryRowNames()).toContain('Customer support (to-be) (2)');
    await app.openWorkflow('Customer support (to-be) (2)');
    await app.openPanel('Analysis');
    await eventually(() => text(page.getByRole('group', { name: 'Cost per case' }))).toContain('redacted');
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
