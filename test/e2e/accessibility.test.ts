import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver, launchBrowser, visible } from './harness';

// axe-core on every view a person reaches on the way through the app: no critical or serious violation.
// Exceptions would be listed here with their reason; there are none.
const ALLOWED: readonly string[] = [];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function seriousViolations(page: Page, view: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => (v.impact === 'serious' || v.impact === 'critical') && !ALLOWED.includes(v.id))
    .map((v) => `${view}: ${v.id} ×${v.nodes.length} (${v.nodes[0]?.target.join(' ') ?? ''})`);
}

describe('accessibility (axe-core)', () => {
  it('finds no serious violation in the library, the editor with each panel, the palette and the dialogs', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    const found: string[] = [];

    found.push(...(await seriousViolations(page, 'library')));
    await app.button('Templates…').click();
    await visible(page.getByRole('dialog', { name: /template/i }));
    found.push(...(await seriousViolations(page, 'templates dialog')));
    await app.button('Use template Customer support').click();
    await page.getByRole('banner').getByRole('heading', { name: 'Customer support (as-is)' }).waitFor();
    await app.backToLibrary();
    await app.openWorkflow('Customer support (to-be)');

    found.push(...(await seriousViolations(page, 'editor')));
    await app.selectStep('Review: Senior review of hard cases');
    found.push(...(await seriousViolations(page, 'inspector with a review')));
    // The analysis with its projection and a finished simulation shown.
    await app.openPanel('Analysis');
    await page.getByRole('spinbutton', { name: 'Simulated weeks' }).fill('2');
    await page.getByRole('spinbutton', { name: 'Replications' }).fill('2');
    await app.button('Run simulation').click();
    await visible(page.getByRole('table', { name: 'Simulated roles' }));
    await visible(page.getByRole('table', { name: 'Projection by week' }));
    for (const tab of ['Analysis', 'Skills & learning', 'Roles', 'Skills', /^Problems/] as const) {
      await app.openPanel(tab);
      await page.waitForTimeout(300); // charts mount in turn
      found.push(...(await seriousViolations(page, `${String(tab)} panel`)));
    }

    await page.keyboard.press('Escape');
    await page.getByRole('main', { name: 'Diagram' }).click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+K');
    await visible(page.getByRole('combobox', { name: 'Search actions and steps' }));
    found.push(...(await seriousViolations(page, 'command palette')));
    await page.keyboard.press('Escape');

    await app.backToLibrary();
    await page.keyboard.press('?');
    await visible(page.getByRole('dialog', { name: 'Keyboard shortcuts' }));
    found.push(...(await seriousViolations(page, 'shortcut sheet')));
    await page.keyboard.press('Escape');

    await app.button('New workflow').first().click();
    await visible(page.getByRole('dialog', { name: 'New workflow' }));
    found.push(...(await seriousViolations(page, 'new workflow dialog')));

    expect(found).toEqual([]);
    // One main landmark per view, so a screen reader's "go to main" lands on the work itself.
    await page.keyboard.press('Escape');
    expect(await page.getByRole('main').count()).toBe(1);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
