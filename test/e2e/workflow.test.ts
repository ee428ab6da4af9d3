import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { FORMAT_VERSION } from '../../shared/format/document';
import { AppDriver, count, eventually, launchBrowser, tempDir, text, value, visible } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('drawing, storing and exchanging a workflow', () => {
  it('builds a workflow with modes, a review loop and skills, and finds it all again after a reload', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.createWorkflow('Support replies');

    await app.addRole('Support agent', 8);
    await app.addRole('Senior agent', 2);

    await app.addStep('Human task', 'Triage ticket');
    await app.field('Performing role').selectOption({ label: 'Support agent' });
    await app.attachSkill('reading', 'Reading Comprehension');

    await app.addStep('AI-assisted task', 'Draft reply');
    await eventually(() => value(app.field('Mode'))).toBe('ai-assisted');
    await app.field('Performing role').selectOption({ label: 'Support agent' });
    await app.field('AI tool').fill('LLM reply assistant');
    await app.attachSkill('writ', 'Writing');
    await app.page.getByRole('combobox', { name: 'Proficiency for Writing' }).selectOption('4');

    await app.addStep('AI-automated task', 'Classify urgency');
    await app.field('Mode').selectOption('human');
    await app.field('Mode').selectOption('ai-automated');

    await app.addStep('Review', 'Senior review');
    await app.field('Reviewing role').selectOption({ label: 'Senior agent' });
    await app.field('Rejection rate (%)').fill('20');

    // Connect Start → Triage → Classify → Draft → Review → Done.
    await app.selectStep('Start: Start');
    await app.connectSelectedTo('Triage ticket');
    await app.selectStep('Human task: Triage ticket');
    await app.connectSelectedTo('Classify urgency');
    await app.selectStep('AI-automated task: Classify urgency');
    await app.connectSelectedTo('Draft reply');
    await app.selectStep('AI-assisted task: Draft reply');
    await app.connectSelectedTo('Senior review');
    await app.selectStep('Review: Senior review');
    await app.connectSelectedTo('Done');

    // The review rejects work but sends it nowhere yet: the problem is shown, on the list and on the step.
    await app.openPanel(/Problems/);
    const problems = page.getByRole('list', { name: 'Problems' });
    await eventually(() => text(problems)).toContain(
      "Review 'Senior review' rejects 20% of work but does not say which step it goes back to.",
    );
    // (Its governance warnings, such as review-without-learning, share the step's mark.)
    await visible(
      app.step('Review: Senior review').getByLabel(/problems?: Review 'Senior review' rejects 20% of work/),
    );

    await app.openPanel('Inspector');
    await app.selectStep('Review: Senior review');
    await app.field('Rework goes back to').selectOption({ label: 'Draft reply' });
    await visible(page.getByRole('tab', { name: 'Problems (0)' }));
    await eventually(() => count(page.getByLabel('Rework loop from Senior review back to Draft reply'))).toBe(
      1,
    );

    // Reload at once, without waiting for the debounced save: nothing may be lost.
    await page.reload();
    await app.openWorkflow('Support replies');
    await visible(app.step('Human task: Triage ticket'));
    await visible(app.step('AI-automated task: Classify urgency'));
    await eventually(() => text(app.step('Review: Senior review'))).toContain('20% back to Draft reply');
    await app.selectStep('AI-assisted task: Draft reply');
    await eventually(() => value(app.field('Mode'))).toBe('ai-assisted');
    await eventually(() => value(app.field('AI tool'))).toBe('LLM reply assistant');
    await eventually(() => value(page.getByRole('combobox', { name: 'Proficiency for Writing' }))).toBe('4');
    await eventually(() =>
      text(app.step('AI-assisted task: Draft reply').getByRole('list', { name: 'Skills' })),
    ).toContain('Writing');
    await app.selectStep('Review: Senior review');
    await eventually(() => value(app.field('Reviewing role'))).toMatch(/.+/);
    await eventually(() => value(app.field('Rework goes back to'))).toMatch(/.+/);
    await visible(page.getByRole('tab', { name: 'Problems (0)' }));
    await app.openPanel('Roles');
    await visible(page.getByRole('listitem', { name: 'Role Senior agent' }));
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('shows inline validation and never stores an invalid value', async () => {
    const app = await AppDriver.open(browser);
    await app.createWorkflow('Validation');
    await app.addStep('Review', 'Check');
    await app.field('Rejection rate (%)').fill('150');
    await eventually(() => text(app.page.getByRole('alert'))).toContain(
      'Rejection rate must be between 0% and 100%.',
    );
    await app.selectStep('Start: Start');
    await app.selectStep('Review: Check');
    await eventually(() => value(app.field('Rejection rate (%)'))).toBe('10');
    await app.close();
  });

  it('exports a workflow as JSON and imports it back as an identical new workflow', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Load example: Customer support').click();
    await expect
      .poll(() => app.libraryRowNames())
      .toEqual(['Customer support (to-be)', 'Customer support (as-is)']);

    const dir = tempDir();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      app.button('Export Customer support (to-be)').click(),
    ]);
    expect(download.suggestedFilename()).toBe('customer-support-to-be.coarchitect.json');
    const exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    const first = JSON.parse(readFileSync(exported, 'utf8'));
    expect(first).toMatchObject({ format: 'coarchitect.workflow', version: FORMAT_VERSION });

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.button('Import…').click()]);
    await chooser.setFiles(exported);
    await expect.poll(() => app.libraryRowNames()).toContain('Customer support (to-be) (2)');

    const [again] = await Promise.all([
      page.waitForEvent('download'),
      app.button('Export Customer support (to-be) (2)').click(),
    ]);
    const second = JSON.parse(readFileSync(await again.path(), 'utf8'));
    const comparable = (doc: { workflow: Record<string, unknown> }) => ({
      ...doc.workflow,
      id: null,
      name: null,
      updatedAt: null,
    });
    expect(comparable(second)).toEqual(comparable(first));
    expect(second.roles).toEqual(first.roles);
    await app.close();
  });

  it('refuses a broken file with every problem and its JSON path, and leaves the library unchanged', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Load example: Invoice processing').click();
    await expect.poll(() => app.libraryRowNames()).toHaveLength(2);
    const before = await app.libraryRowNames();

    const dir = tempDir();
    const broken = join(dir, 'broken.coarchitect.json');
    const doc = JSON.parse(readFileSync('examples/customer-support.coarchitect.json', 'utf8'));
    const review = doc.workflows[0].steps.find((s: { type: string }) => s.type === 'review');
    review.rejectionRate = 1.5;
    delete doc.workflows[1].volumePerWeek;
    writeFileSync(broken, JSON.stringify(doc));

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.button('Import…').click()]);
    await chooser.setFiles(broken);
    const report = page.getByRole('alertdialog', { name: 'The file could not be imported' });
    await eventually(() => text(report)).toContain('Nothing was changed in your workspace.');
    const issues = report.getByRole('list', { name: 'Import problems' });
    await eventually(() => text(issues)).toContain(
      `step '${review.name}': rejection rate must be between 0 and 1`,
    );
    await eventually(() => text(issues)).toContain('$.workflows[0].steps');
    await eventually(() => text(issues)).toContain('$.workflows[1].volumePerWeek');
    await report.getByRole('button', { name: 'Close' }).click();
    expect(await app.libraryRowNames()).toEqual(before);

    // Not JSON at all.
    const garbage = join(dir, 'garbage.coarchitect.json');
    writeFileSync(garbage, '{ "format": "coarchitect.workflow", ');
    const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), app.button('Import…').click()]);
    await chooser2.setFiles(garbage);
    await eventually(() => text(report)).toContain('The file is not valid JSON');
    await report.getByRole('button', { name: 'Close' }).click();

    await page.reload();
    await page.getByRole('heading', { name: 'Workflows' }).waitFor();
    expect(await app.libraryRowNames()).toEqual(before);
    await app.close();
  });

  it('renames, duplicates, creates a to-be from an as-is, searches and deletes with undo', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Load example: Invoice processing').click();
    await expect.poll(() => app.libraryRowNames()).toHaveLength(2);
    const asIs = (await app.libraryRowNames()).find((n) => n.includes('as-is')) as string;

    await app.button(`Rename ${asIs}`).click();
    const rename = page.getByRole('dialog', { name: 'Rename workflow' });
    await rename.getByRole('textbox', { name: 'Workflow name' }).fill('AP today');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => app.libraryRowNames()).toContain('AP today');

    await app.button('Duplicate AP today').click();
    await expect.poll(() => app.libraryRowNames()).toContain('AP today (copy)');

    await app.button('Create to-be from AP today').click();
    await page.getByRole('heading', { name: 'AP today (to-be)' }).waitFor();
    await app.backToLibrary();
    await eventually(() =>
      text(page.getByRole('row').filter({ has: app.button('Open AP today (to-be)') })),
    ).toContain('redesign of AP today');

    await page.getByRole('searchbox', { name: 'Search workflows' }).fill('copy');
    expect(await app.libraryRowNames()).toEqual(['AP today (copy)']);
    await page.getByRole('searchbox', { name: 'Search workflows' }).fill('');

    await app.button('Delete AP today (copy)').click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete “AP today (copy)”?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => app.libraryRowNames()).not.toContain('AP today (copy)');
    await page.getByRole('log', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => app.libraryRowNames()).toContain('AP today (copy)');
    await page.reload();
    await page.getByRole('heading', { name: 'Workflows' }).waitFor();
    expect(await app.libraryRowNames()).toContain('AP today (copy)');
    await app.close();
  });

  it('starts from a template: its as-is opens, its to-be waits in the library', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('New workflow').first().waitFor();
    await app.button('Templates…').click();
    const gallery = page.getByRole('dialog', { name: 'Start from a template' });
    await eventually(() => count(gallery.getByRole('listitem'))).toBe(5);
    await gallery.getByRole('button', { name: 'Use template IT incident response' }).click();
    await page.getByRole('banner').getByRole('heading', { name: /as-is/ }).waitFor();
    await eventually(() => count(page.getByRole('group', { name: /^Human task: / }))).toBeGreaterThan(0);
    await app.backToLibrary();
    await eventually(() => app.libraryRowNames()).toHaveLength(2);
    await app.close();
  });

  it('undoes and redoes edits with the buttons and the keyboard, and saves the result', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.createWorkflow('Undo me');
    await app.addStep('Human task', 'Check invoice');
    await visible(app.step('Human task: Check invoice'));
    await app.field('Step name').fill('Check invoice twice');
    await visible(app.step('Human task: Check invoice twice'));

    // Ctrl+Z outside a text field undoes the rename (the field's own typing is one step).
    await page.getByRole('heading', { name: 'Add a step' }).click();
    await page.keyboard.press('Control+z');
    await visible(app.step('Human task: Check invoice'));
    // The Undo button takes the step away again; Redo (Ctrl+Shift+Z) brings it back.
    await app.button('Undo').click();
    await app.button('Undo').click();
    await eventually(() => count(page.getByRole('group', { name: /^Human task: / }))).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await visible(app.step('Human task: New task'));
    await app.button('Redo').click();
    await visible(app.step('Human task: Check invoice'));
    await app.waitUntilSaved();
    // Saved by the background persistence worker, which never gave up and handed writing back to the page.
    expect(page.workers().some((w) => w.url().includes('persistence'))).toBe(true);
    await page.reload();
    await app.openWorkflow('Undo me');
    await visible(app.step('Human task: Check invoice'));
    expect(app.warnings.filter((w) => w.includes('storage worker'))).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
