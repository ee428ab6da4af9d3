import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { AppDriver, launchBrowser } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PASSPHRASE = 'correct horse battery staple';

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

describe('encryption at rest', () => {
  it('encrypts, locks on reload and on idle, refuses a wrong passphrase and opens with the right one', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.createWorkflow('Confidential payroll review');
    await app.backToLibrary();

    await app.button('Privacy & encryption').click();
    const dialog = page.getByRole('dialog', { name: 'Privacy & encryption' });
    await expect
      .poll(() =>
        dialog.getByText('If you lose the passphrase and the recovery code, the data is lost.').count(),
      )
      .toBe(1);
    await dialog.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
    await dialog.getByLabel('Repeat passphrase', { exact: true }).fill(PASSPHRASE);
    // Short, so the idle lock can be seen within the test.
    await dialog.getByLabel('Lock after idle (minutes)', { exact: true }).fill('0.1');
    await dialog
      .getByRole('checkbox', {
        name: 'I understand that a lost passphrase without the recovery code means lost data',
      })
      .check();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Encrypt workspace' }).click();
    const code = dialog.getByText(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await code.waitFor({ timeout: 20_000 }).catch(async (e: unknown) => {
      throw new Error(`${String(e)}\n${await dialog.innerText()}`);
    });
    expect(await code.textContent()).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await dialog.getByRole('button', { name: 'I have saved the recovery code' }).click();
    await page.getByRole('button', { name: 'Open Confidential payroll review', exact: true }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Workspace locked' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 20_000 })
      .toContain('The passphrase is wrong');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page
      .getByRole('button', { name: 'Open Confidential payroll review', exact: true })
      .waitFor({ timeout: 20_000 });

    // No input for 6 s: the workspace locks by itself, and the documents leave the page.
    await page.getByRole('heading', { name: 'Workspace locked' }).waitFor({ timeout: 20_000 });
    expect(await page.getByText('Confidential payroll review').count()).toBe(0);
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page
      .getByRole('button', { name: 'Open Confidential payroll review', exact: true })
      .waitFor({ timeout: 20_000 });

    // What IndexedDB holds never names the workflow.
    const stored = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('coarchitect');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('workflows').objectStore('workflows').getAll();
            request.onsuccess = () => resolve(JSON.stringify(request.result));
            request.onerror = () => reject(request.error);
          };
        }),
    );
    expect(stored).not.toContain('Confidential payroll');
    expect(stored).toContain('sealed');
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
