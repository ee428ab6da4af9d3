import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AppDriver, eventually, launchBrowser, text, value } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('keyboard first', () => {
  it('finds a step and runs an action from the command palette', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Load example: Customer support').click();
    await app.openWorkflow('Customer support (as-is)');

    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    const search = palette.getByRole('combobox', { name: 'Search actions and steps' });
    await search.fill('senior review');
    await eventually(() => text(palette.getByRole('option').first())).toContain('Senior review');
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'hidden' });
    // The step is selected and the Inspector shows it.
    await eventually(() => value(app.field('Step name'))).toBe('Senior review');
    await eventually(() => app.step('Review: Senior review').getAttribute('class')).toContain('is-selected');

    // An action, chosen with the arrow keys: the first match is the Analysis panel.
    await app.button('Command palette').click();
    await search.fill('analysis');
    await eventually(() => text(palette.getByRole('option', { name: /^Analysis panel/ }))).toContain('Alt+2');
    await page.keyboard.press('Enter');
    await eventually(() => page.getByRole('tab', { name: 'Analysis' }).getAttribute('aria-selected')).toBe(
      'true',
    );

    // Escape closes the palette and gives the focus back to the button that opened it.
    await app.button('Command palette').click();
    await search.waitFor();
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'hidden' });
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Command palette',
    );
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('takes the keys typed right after Ctrl+K into its search, not into the field that had the focus', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Load example: Customer support').click();
    await app.openWorkflow('Customer support (as-is)');
    await app.step('Review: Senior review').click();
    await app.field('Step name').focus();
    // In one task, as a busy page would see it: Ctrl+K, then the next key before anything else runs.
    const focused = await page.evaluate(() => {
      const field = document.activeElement as HTMLElement;
      field.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'k', code: 'KeyK', ctrlKey: true, bubbles: true }),
      );
      const now = document.activeElement;
      const dialog = now?.closest('[role="dialog"]');
      const title = dialog?.getAttribute('aria-labelledby');
      return `${now?.getAttribute('role')} in ${title ? document.getElementById(title)?.textContent : 'no dialog'}`;
    });
    expect(focused).toBe('combobox in Command palette');
    await page.keyboard.press('Escape');
    expect(await value(app.field('Step name'))).toBe('Senior review');
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('opens the shortcut sheet with "?", listing the palette and its keys', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const help = sheet.getByRole('table', { name: 'Help' });
    await eventually(() => text(help.getByRole('row', { name: /^Command palette/ }))).toMatch(
      /Command palette\s+Ctrl\+K/,
    );
    await eventually(() => text(sheet)).toMatch(/Export workspace\s+Ctrl\+Shift\+E/);
    await sheet.getByRole('button', { name: 'Close' }).click();
    await sheet.waitFor({ state: 'hidden' });

    // Typing "?" in a field types it instead.
    await app.button('Load example: Customer support').click();
    await app.openWorkflow('Customer support (as-is)');
    const find = page.getByRole('searchbox', { name: 'Find steps' });
    await find.fill('');
    await find.press('?');
    await eventually(() => value(find)).toBe('?');
    expect(await sheet.count()).toBe(0);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('highlights the steps that match the find bar', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Load example: Customer support').click();
    await app.openWorkflow('Customer support (as-is)');
    const bar = page.getByRole('search', { name: 'Find and filter steps' });
    const count = bar.getByRole('status');
    await eventually(() => text(count)).toBe('8 steps');

    // Ctrl+F puts the cursor in the find box.
    await page.keyboard.press('Control+F');
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Find steps',
    );
    await page.keyboard.type('reply');
    await eventually(() => text(count)).toBe('2 of 8 steps');
    await bar.getByRole('button', { name: 'With problems' }).click();
    await eventually(() =>
      bar.getByRole('button', { name: 'With problems' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await bar.getByRole('button', { name: 'With problems' }).click();
    await bar.getByRole('button', { name: 'Human' }).click();
    await bar.getByRole('searchbox', { name: 'Find steps' }).fill('');
    // Triage, research, drafting and sending are the human tasks.
    await eventually(() => text(count)).toBe('4 of 8 steps');
    await bar
      .getByRole('combobox', { name: 'Filter by role' })
      .selectOption({ label: 'Senior agent / reviewer' });
    await eventually(() => text(count)).toBe('0 of 8 steps');
    await bar.getByRole('button', { name: 'Clear' }).click();
    await eventually(() => text(count)).toBe('8 steps');
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
