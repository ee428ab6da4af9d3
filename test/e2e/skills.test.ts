import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver, eventually, launchBrowser, visible } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Skills & learning (the CHRO lens)', () => {
  it('shows the gap, adds coaching, shows the plan in the projection, keeps it after a reload', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Templates…').click();
    await app.button('Use template Customer support').click();
    await page.getByRole('banner').getByRole('heading', { name: 'Customer support (as-is)' }).waitFor();
    await app.backToLibrary();
    await app.openWorkflow('Customer support (to-be)');
    await app.openPanel('Skills & learning');
    await page
      .getByRole('combobox', { name: 'Show role' })
      .selectOption({ label: 'Senior agent / reviewer' });
    const seniors = page.getByRole('table', { name: 'Skills of Senior agent / reviewer' });
    const verify = seniors.getByRole('row', { name: 'Verifying AI output', exact: true });
    expect(await verify.getByRole('cell').allTextContents()).toEqual([
      '0',
      '4',
      '3',
      '1',
      '49.2',
      '24',
      '12',
      'high',
    ]);
    const found = (await new AxeBuilder({ page }).analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(found.map((v) => v.id)).toEqual([]);

    await page.getByRole('combobox', { name: 'Show role' }).selectOption({ label: 'Support agent' });
    const figures = page.getByRole('group', { name: 'Learning figures of Support agent' });
    const before = await figures.textContent();
    const escalation = page
      .getByRole('table', { name: 'Skills of Support agent' })
      .getByRole('row', { name: 'Escalation judgment and AI failure modes', exact: true });
    expect(await escalation.getByRole('cell').nth(6).textContent()).toBe('no plan');

    // The agents' utilization with learning time this week, before the pairing is added.
    const utilization = async () =>
      Number.parseFloat(
        /Utilization with learning\s*([\d.]+)%/.exec((await figures.textContent()) ?? '')?.[1] ?? 'NaN',
      );
    const utilizationBefore = await utilization();
    expect(utilizationBefore).toBeGreaterThan(0);

    await app.openPanel('Inspector');
    await app.selectStep('AI-assisted task: Agent edits AI draft');
    await app.button('Add coaching after…').click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('Skill to learn')
      .selectOption({ label: 'Escalation judgment and AI failure modes (level 2 → 3)' });
    await dialog.getByLabel('Kind').selectOption('pairing');
    await dialog.getByLabel('Minutes per case').fill('2');
    await dialog.getByRole('button', { name: 'Add coaching' }).click();
    await app.openPanel('Skills & learning');
    await page.getByRole('combobox', { name: 'Show role' }).selectOption({ label: 'Support agent' });
    expect(await escalation.getByRole('cell').nth(6).textContent()).not.toBe('no plan');
    expect(await figures.textContent()).not.toBe(before);
    // Pairing costs capacity: 2 minutes per case for learner and coach raise the agents' utilization.
    await eventually(utilization).toBeGreaterThan(utilizationBefore);

    await app.openPanel('Analysis');
    const summary = page.locator('.projection').getByRole('status');
    await visible(page.getByRole('table', { name: 'Projection by week' }));
    expect(await summary.textContent()).toMatch(/Rejection at Senior review of hard cases falls from/);

    await app.waitUntilSaved();
    await page.reload();
    await app.openWorkflow('Customer support (to-be)').catch(() => {});
    await app.openPanel('Skills & learning');
    await page.getByRole('combobox', { name: 'Show role' }).selectOption({ label: 'Support agent' });
    expect(await escalation.getByRole('cell').nth(6).textContent()).not.toBe('no plan');
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
