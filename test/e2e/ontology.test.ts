/**
 * One skills ontology across teams: a workspace exports its own skills as a coarchitect.skills file; another
 * team's edited copy imports with a preview of what it adds, renames and refuses, and the result stays after
 * a reload.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AppDriver, eventually, launchBrowser, tempDir, text } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('skills ontology file', () => {
  it('exports our skills, previews an edited file, merges it and keeps it after a reload', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Load example: Customer support').click();
    await app.openWorkflow('Customer support (to-be)');
    await app.openPanel('Skills');
    await app.field('New skill name').fill('Claims handling');
    await app.button('Add skill').click();
    const ours = page.getByRole('listitem').filter({ hasText: 'Claims handling' });
    await ours.first().waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      app.button('Export ontology…').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^skills-\d{4}-\d{2}-\d{2}\.coarchitect\.skills\.json$/);
    const exported = join(tempDir(), download.suggestedFilename());
    await download.saveAs(exported);
    const file = JSON.parse(readFileSync(exported, 'utf8'));
    expect(file).toMatchObject({ format: 'coarchitect.skills', version: 1 });
    const claims = file.skills.find((s: { name: string }) => s.name === 'Claims handling');
    expect(claims).toBeTruthy();

    // Another team renamed it and added one of theirs, and one with a name we already use but another id.
    const edited = {
      ...file,
      skills: [
        { ...claims, name: 'Claims law' },
        { ...claims, id: 'custom.fraud', name: 'Fraud screening', externalRefs: [] },
        { ...claims, id: 'custom.other-claims', name: 'Claims handling', externalRefs: [] },
      ],
    };
    const incoming = join(tempDir(), 'team-b.coarchitect.skills.json');
    writeFileSync(incoming, JSON.stringify(edited));
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      app.button('Import ontology…').click(),
    ]);
    await chooser.setFiles(incoming);
    const dialog = page.getByRole('dialog', { name: 'Import skills ontology' });
    const changes = await text(dialog.getByRole('list', { name: 'Changes' }));
    expect(changes).toMatch(/Rename 'Claims handling' to 'Claims law'/);
    expect(changes).toMatch(/Add 'Fraud screening'/);
    expect(await dialog.getByRole('list', { name: 'Conflicts' }).count()).toBe(1);
    await dialog.getByRole('button', { name: /^Apply 2 changes$/ }).click();
    await dialog.waitFor({ state: 'detached' });
    const list = page.getByRole('listitem');
    await eventually(() => list.filter({ hasText: 'Fraud screening' }).count()).toBeGreaterThan(0);
    await eventually(() => list.filter({ hasText: 'Claims handling' }).count()).toBe(0);
    await app.waitUntilSaved();

    await page.reload();
    await app.openWorkflow('Customer support (to-be)');
    await app.openPanel('Skills');
    await eventually(() => list.filter({ hasText: 'Fraud screening' }).count()).toBeGreaterThan(0);
    expect(await list.filter({ hasText: 'Claims law' }).count()).toBeGreaterThan(0);

    // A broken file says what is wrong and changes nothing.
    const broken = join(tempDir(), 'broken.coarchitect.skills.json');
    writeFileSync(broken, '{"format":"coarchitect.skills","version":1,"skills":[{"id":42}]}');
    const [again] = await Promise.all([
      page.waitForEvent('filechooser'),
      app.button('Import ontology…').click(),
    ]);
    await again.setFiles(broken);
    const refusal = page.getByRole('dialog', { name: 'This skills file cannot be imported' });
    expect(await text(refusal.getByRole('list', { name: 'Problems' }))).toMatch(/skills/);
    await refusal.getByRole('button', { name: 'Close' }).first().click();
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
