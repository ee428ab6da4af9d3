import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { AppDriver, eventually, launchBrowser, tempDir, text, value, visible } from './harness';

// The hand-made fixture pack, imported through "Import reference data…", so the journey never depends on the
// source data folder (a CI machine may not have it).
let browser: Browser;
let packPath: string;
let badPackPath: string;
beforeAll(async () => {
  browser = await launchBrowser();
  const fixture = JSON.parse(
    readFileSync('test/fixtures/reference/exposure-fixture.pack.json', 'utf8'),
  ) as Record<string, unknown>;
  const dir = tempDir();
  packPath = join(dir, 'fixture.refpack');
  writeFileSync(packPath, gzipSync(strToU8(JSON.stringify(fixture))));
  badPackPath = join(dir, 'future.refpack');
  writeFileSync(badPackPath, gzipSync(strToU8(JSON.stringify({ ...fixture, version: 9 }))));
});
afterAll(async () => {
  await browser?.close();
});

async function importReference(app: AppDriver, path: string): Promise<void> {
  const chooser = app.page.waitForEvent('filechooser');
  await app.button('Import reference data…').click();
  await (await chooser).setFiles(path);
}

describe('AI-exposure suggestions from reference data', () => {
  it('links a step to an O*NET task, accepts the suggestion, and finds both after a reload', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;

    // A pack of a version this app does not read is refused with the reason; nothing is stored.
    await importReference(app, badPackPath);
    const report = page.getByRole('alertdialog', { name: 'The file could not be imported' });
    await eventually(() => text(report)).toContain(
      'This reference pack has version 9; this version of Coarchitect reads version 1 only.',
    );
    await report.getByRole('button', { name: 'Close' }).click();

    await importReference(app, packPath);
    await eventually(() => text(page.getByRole('log', { name: 'Notifications' }))).toContain(
      '30 tasks in 3 occupations',
    );

    await app.createWorkflow('Support replies');
    await app.addStep('Human task', 'Draft reply');
    await app.button('Link to an O*NET task…').click();
    const dialog = page.getByRole('dialog', { name: 'Link to an O*NET task' });
    await dialog
      .getByRole('combobox', { name: 'Occupation' })
      .selectOption({ label: 'Customer Service Representatives (43-4051.00)' });
    await dialog.getByRole('searchbox', { name: 'Search task statements' }).fill('written replies');
    await dialog.getByRole('radio', { name: /Draft written replies to customer questions/ }).check();
    const picked = dialog.getByRole('region', { name: 'Picked task' });
    await eventually(() => text(picked)).toContain(
      'Suggested mode: AI-assisted (follows the human label, E1)',
    );
    // The fixture's labels agree on 19 of 29 tasks: 66%.
    await eventually(() => text(picked)).toContain(
      'The human and GPT-4 labels differ for this task (they agree on 66% of tasks overall).',
    );
    expect(await text(dialog)).toContain('CC BY 4.0');
    // The dialog passes axe-core with no serious or critical violation.
    const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help}`),
    ).toEqual([]);
    await dialog.getByRole('button', { name: 'Link task' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Linking changed nothing yet; accepting does, and is recorded.
    const section = page.getByRole('region', { name: 'O*NET task' });
    await eventually(() => text(section)).toMatch(/Human label\s+E1 direct exposure/);
    expect(await text(section)).toMatch(/GPT-4 label\s+E2 exposure through software/);
    expect(await value(app.field('Mode'))).toBe('human');
    await section.getByRole('button', { name: 'Accept: make it AI-assisted' }).click();
    await eventually(() => value(app.field('Mode'))).toBe('ai-assisted');
    await eventually(() => text(section)).toContain('Suggestion accepted');
    await app.waitUntilSaved();

    await page.reload();
    await app.openWorkflow('Support replies');
    await app.selectStep('AI-assisted task: Draft reply');
    const after = page.getByRole('region', { name: 'O*NET task' });
    await eventually(() => text(after)).toContain(
      'Draft written replies to customer questions about orders and deliveries.',
    );
    expect(await text(after)).toContain('Suggestion accepted');
    expect(await text(after)).toContain('GPT-4 label');
    expect(await value(app.field('Mode'))).toBe('ai-assisted');
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('creates steps from an occupation’s tasks, each linked with its suggestion pending', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await importReference(app, packPath);
    await app.createWorkflow('Developer work');
    await app.button('Command palette').click();
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('combobox', { name: 'Search actions and steps' }).fill('occupation');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Create steps from an occupation’s tasks' });
    await dialog
      .getByRole('combobox', { name: 'Occupation' })
      .selectOption({ label: 'Software Developers (15-1252.00)' });
    // Core tasks start ticked: 7 of the fixture's 10 developer tasks.
    await dialog.getByRole('button', { name: 'Create 7 steps' }).click();
    await visible(app.step('Human task: Write code for new features from written specifications'));
    await app.selectStep('Human task: Write code for new features from written specifications');
    const section = page.getByRole('region', { name: 'O*NET task' });
    await eventually(() => text(section)).toContain('Accept: make it AI-assisted');

    // The credits are one palette search away (the browser has no Help menu).
    await app.button('Command palette').click();
    await palette.getByRole('combobox', { name: 'Search actions and steps' }).fill('data sources');
    await page.keyboard.press('Enter');
    const credits = page.getByRole('dialog', { name: 'Data sources and credits' });
    await eventually(() => text(credits)).toContain('imported from fixture.refpack');
    expect(await text(credits.getByRole('list', { name: 'Data source credits' }))).toContain('CC BY 4.0');
    await app.close();
  });
});
