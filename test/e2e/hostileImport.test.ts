/**
 * Import that cannot hurt, in Chromium: hostile files picked with the browser build's file input are
 * checked in the import worker and refused with every problem, its JSON path, line and column; the library
 * stays as it was, also after a reload.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parseDocument } from '../../shared/format/importer';
import { AppDriver, eventually, launchBrowser, text } from './harness';

const HOSTILE = 'test/fixtures/hostile/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The problems the pure pipeline finds in a corpus file: what the dialog must list. */
function expectedIssues(name: string) {
  const result = parseDocument(readFileSync(HOSTILE + name, 'utf8'));
  if (result.ok) throw new Error(`${name} is valid`);
  return result.issues;
}

describe('importing hostile files', () => {
  it('lists every problem with its path, line and column, and leaves the library unchanged', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Load example: Invoice processing').click();
    await expect.poll(() => app.libraryRowNames()).toHaveLength(2);
    const before = await app.libraryRowNames();
    const report = page.getByRole('alertdialog', { name: 'The file could not be imported' });
    const issues = report.getByRole('list', { name: 'Import problems' });

    for (const name of [
      'truncated-half.json',
      'proto-key-in-step.json',
      'headcount-1e16.json',
      'many-problems.json',
      'excalidraw-drawing.json',
      'name-900k-characters.json',
    ]) {
      const expected = expectedIssues(name);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.button('Import…').click()]);
      await chooser.setFiles(HOSTILE + name);
      await eventually(() => text(report)).toContain(`“${name}”`);
      await eventually(() => text(report)).toContain('Nothing was changed in your workspace.');
      const first = expected[0]!;
      const where = first.line === undefined ? '' : ` (line ${first.line}, column ${first.column})`;
      await eventually(() => text(issues)).toContain(`${first.path}${where}`);
      await eventually(() => text(issues)).toContain(first.message);
      // Every problem is listed (the dialog shows the first 50 and says how many more).
      const listed = await issues.getByRole('listitem').count();
      expect(listed).toBe(Math.min(expected.length, 50) + (expected.length > 50 ? 1 : 0));
      // A huge value is cut to an excerpt, never shown whole.
      expect((await text(report)).length).toBeLessThan(40_000);
      await report.getByRole('button', { name: 'Close' }).click();
      await report.waitFor({ state: 'hidden' });
      expect(await app.libraryRowNames()).toEqual(before);
    }

    // The unchanged library is also what is stored.
    await page.reload();
    await page.getByRole('heading', { name: 'Workflows' }).waitFor();
    expect(await app.libraryRowNames()).toEqual(before);
    expect(app.errors).toEqual([]);
    // Nothing reached Object.prototype in the page.
    expect(await page.evaluate(() => ({}) as Record<string, unknown>).then((o) => o.isAdmin)).toBeUndefined();
    await app.close();
  });

  it('imports a valid file that only looks odd (markup and right-to-left overrides in names)', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.button('Import…').click()]);
    await chooser.setFiles(`${HOSTILE}markup-in-names.json`);
    await expect.poll(() => app.libraryRowNames()).toEqual(['<img src=x onerror=alert(1)>']);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
