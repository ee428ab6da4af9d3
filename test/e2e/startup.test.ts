/**
 * Start-up: the library is usable before the editor's code is loaded, and that code (canvas, panels,
 * charts) and elkjs arrive only when they are needed, as the network log shows.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const scriptName = (url: string) => new URL(url).pathname.split('/').pop() ?? '';

describe('start-up', () => {
  it('shows a usable library without the editor code, and loads the editor on opening a workflow', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(scriptName(request.url()));
    });
    await page.goto(inject('baseUrl'));
    await page.getByRole('heading', { name: 'Workflows' }).waitFor();
    const example = page.getByRole('button', { name: 'Load example: Customer support', exact: true });
    await example.waitFor();
    // Nor the templates, the examples' builders, or dialogs nobody opened.
    for (const lazy of [
      'Editor-',
      'TemplateList-',
      'customerSupport-',
      'PrivacyDialog-',
      'ReferenceDialogs-',
    ])
      expect(scripts.filter((name) => name.startsWith(lazy))).toEqual([]);

    await page.getByRole('button', { name: 'Templates…' }).click();
    await page.getByRole('list', { name: 'Templates' }).waitFor();
    expect(scripts.filter((name) => name.startsWith('TemplateList-'))).toHaveLength(1);
    await page.keyboard.press('Escape');

    await example.click();
    await page.getByRole('button', { name: 'Open Customer support (as-is)', exact: true }).click();
    await page.getByRole('main', { name: 'Diagram' }).getByRole('group').first().waitFor();
    expect(scripts.filter((name) => name.startsWith('Editor-'))).toHaveLength(1);
    // elkjs runs only in the layout worker; the page never fetches the in-process fallback.
    expect(scripts.some((name) => name.startsWith('autoLayout-'))).toBe(false);
    await context.close();
  });
});
