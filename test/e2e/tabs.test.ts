/**
 * Two tabs on one workflow (two pages of one browser context share IndexedDB, localStorage and
 * BroadcastChannel, as two tabs or two Electron windows do): nothing one of them saved is lost, and a
 * true conflict is shown with both versions and a choice.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { AppDriver, eventually, launchBrowser, text, value, visible } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const workflowField = (page: Page, label: string) =>
  page.getByLabel('Workflow properties').getByLabel(label, { exact: true });
const title = (page: Page) => page.getByRole('banner').getByRole('heading');
const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();

async function secondTab(app: AppDriver): Promise<Page> {
  const page = await app.context.newPage();
  await page.goto(inject('baseUrl'));
  await page.getByRole('heading', { name: 'Workflows' }).waitFor();
  return page;
}

async function open(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Open ${name}`, exact: true }).click();
  await title(page).filter({ hasText: name }).waitFor();
}

describe('two tabs on one workflow', () => {
  it('rename in one, volume in the other, reload both: nothing lost', async () => {
    const app = await AppDriver.open(browser);
    const a = app.page;
    await app.createWorkflow('Onboarding');
    await app.waitUntilSaved();
    const b = await secondTab(app);
    await open(b, 'Onboarding');

    await workflowField(a, 'Name').fill('Onboarding, renamed');
    await workflowField(a, 'Name').press('Tab');
    await saved(a);
    // B follows the rename live: it holds no edits of its own.
    await eventually(() => text(title(b))).toContain('Onboarding, renamed');
    await workflowField(b, 'Case volume (cases per week)').fill('250');
    await workflowField(b, 'Case volume (cases per week)').press('Tab');
    await saved(b);
    await eventually(() => value(workflowField(a, 'Case volume (cases per week)'))).toBe('250');

    for (const page of [a, b]) {
      await page.reload();
      await page.getByRole('heading', { name: 'Workflows' }).waitFor();
      await open(page, 'Onboarding, renamed');
      expect(await value(workflowField(page, 'Case volume (cases per week)'))).toBe('250');
    }
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('a true conflict shows both versions and keeps both when asked', async () => {
    const app = await AppDriver.open(browser);
    const a = app.page;
    await app.createWorkflow('Contested');
    await app.waitUntilSaved();
    const b = await secondTab(app);
    await open(b, 'Contested');

    // Both edit the same stored version before either save lands.
    await Promise.all([
      (async () => {
        await workflowField(b, 'Case volume (cases per week)').fill('4321');
        await workflowField(b, 'Case volume (cases per week)').press('Tab');
      })(),
      (async () => {
        await workflowField(a, 'Name').fill('Contested, renamed');
        await workflowField(a, 'Name').press('Tab');
      })(),
    ]);
    const dialogOf = (page: Page) => page.getByRole('alertdialog', { name: 'Changed in another window' });
    await eventually(async () => (await dialogOf(a).count()) + (await dialogOf(b).count())).toBe(1);
    const loser = (await dialogOf(a).count()) === 1 ? a : b;
    const dialog = dialogOf(loser);
    const versions = dialog.getByRole('table', { name: 'Both versions' });
    await visible(versions);
    const shown = await text(versions);
    expect(shown).toContain('Contested, renamed');
    expect(shown).toContain('4,321');
    expect(shown).toMatch(/Mine \(this window\)/);
    expect(shown).toMatch(/Theirs \(other window\)/);
    const axe = await new AxeBuilder({ page: loser }).include('[role="alertdialog"]').analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    // Not dismissed by Escape: a choice is needed.
    await loser.keyboard.press('Escape');
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Keep both' }).click();
    await dialog.waitFor({ state: 'detached' });
    await saved(loser);

    await loser.reload();
    await loser.getByRole('heading', { name: 'Workflows' }).waitFor();
    const names = await loser
      .getByRole('table', { name: 'Workflows' })
      .getByRole('rowheader')
      .allInnerTexts();
    expect(names.length).toBe(2);
    expect(names.some((n) => n.includes('(my version)'))).toBe(true);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
