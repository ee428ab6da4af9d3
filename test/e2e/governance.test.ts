/**
 * Governance lint in the app: the version-5 attributes in the Inspector, the customer-output rule in the
 * Problems tab and on its step, its quick fix, and the workspace's lint settings (a rule switched off stays
 * off after a reload; custom rules are checked as they are typed). Screenshots in /tmp/govern-shots/.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver, eventually, launchBrowser, text, value, visible } from './harness';

const SHOTS = '/tmp/govern-shots';
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} ×${v.nodes.length} (${v.nodes[0]?.target.join(' ') ?? ''})`);
}

const CUSTOMER_ERROR =
  "'AI drafts reply' is ai-automated and its output reaches a customer without a human review";

describe('Governance lint', () => {
  it('flags AI output to customers, fixes it with a review, and keeps lint settings across a reload', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Templates…').click();
    await visible(page.getByRole('dialog', { name: /template/i }));
    await app.button('Use template Customer support').click();
    await page.getByRole('banner').getByRole('heading', { name: 'Customer support (as-is)' }).waitFor();
    await app.backToLibrary();
    await app.openWorkflow('Customer support (to-be)');

    // The AI draft now goes to the customer.
    await app.selectStep('AI-automated task: AI drafts reply');
    const inspector = page.getByLabel('Step properties');
    const audience = inspector.getByRole('combobox', { name: 'Output goes to' });
    await audience.selectOption({ label: 'Customer' });
    await eventually(() => value(audience)).toBe('customer');
    await visible(inspector.getByRole('combobox', { name: 'Data handled' }));
    await visible(inspector.getByRole('textbox', { name: 'Owner' }));
    await inspector.getByRole('group', { name: 'Governance' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/inspector.png` });

    await app.openPanel(/^Problems/);
    const findings = page.getByRole('list', { name: 'Governance findings' });
    await eventually(() => text(findings)).toContain(CUSTOMER_ERROR);
    // On the step as well, as text (not only a colour).
    const draft = app.step('AI-automated task: AI drafts reply');
    await visible(draft.getByLabel(/Governance error: 'AI drafts reply' is ai-automated/));
    await page.screenshot({ path: `${SHOTS}/customer-error.png` });

    // The quick fix inserts a review after the draft; the error is gone, and undo brings it back.
    await findings.getByRole('button', { name: "Insert a review after 'AI drafts reply'" }).click();
    await eventually(() => text(findings)).not.toContain(CUSTOMER_ERROR);
    await visible(app.step('Review: Review: AI drafts reply'));
    await page.keyboard.press('Control+Z');
    await eventually(() => text(findings)).toContain(CUSTOMER_ERROR);
    await page.keyboard.press('Control+Shift+Z');
    await eventually(() => text(findings)).not.toContain(CUSTOMER_ERROR);
    await page.screenshot({ path: `${SHOTS}/after-fix.png` });

    // Switch a rule off in the settings: its findings disappear.
    await eventually(() => text(findings)).toContain('mode-change-decided');
    await page
      .getByRole('region', { name: 'Governance' })
      .getByRole('button', { name: 'Lint settings…' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Lint settings' });
    await visible(dialog);
    const severity = dialog.getByRole('combobox', { name: 'Severity of mode-change-decided' });
    await severity.selectOption('off');
    // Custom rules are checked as they are typed; only valid JSON can be applied.
    const custom = dialog.getByRole('textbox', { name: 'Custom rules (JSON)' });
    await custom.fill('[{"id": "Bad id"');
    await eventually(() => text(dialog)).toContain('Not valid JSON');
    expect(await dialog.getByRole('button', { name: 'Apply custom rules' }).isEnabled()).toBe(false);
    await custom.fill(
      '[{"id": "customer-owner", "message": "\'{step}\' faces customers: name its owner.", "when": {"audience": ["customer"]}, "require": {"owner": true}}, {"id": "x", "require": {"skill": {"skillId": "s", "level": 9}}}]',
    );
    await eventually(() => text(dialog)).toContain('customRules[1].message');
    await dialog.getByRole('button', { name: 'Apply custom rules' }).click();
    await visible(dialog.getByRole('combobox', { name: 'Severity of customer-owner' }));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/lint-settings.png` });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(() => text(findings)).not.toContain('mode-change-decided');
    await eventually(() => text(findings)).toContain("'AI drafts reply' faces customers: name its owner.");
    // The bad custom rule is listed with its path in the Problems tab too.
    await eventually(() => text(page.getByRole('region', { name: 'Governance' }))).toContain(
      'customRules[1].message',
    );

    // The settings survive a reload; the rule stays off.
    await app.waitUntilSaved();
    await page.reload();
    await app.openWorkflow('Customer support (to-be)');
    await app.openPanel(/^Problems/);
    await eventually(() => text(findings)).toContain('customer-owner');
    expect(await text(findings)).not.toContain('mode-change-decided');
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('combobox', { name: 'Search actions and steps' }).fill('lint settings');
    await eventually(() => text(palette.getByRole('option').first())).toContain('Lint settings…');
    await page.keyboard.press('Enter');
    await visible(dialog);
    expect(await value(dialog.getByRole('combobox', { name: 'Severity of mode-change-decided' }))).toBe(
      'off',
    );
    await dialog.getByRole('button', { name: 'Done' }).click();

    // Another tab of the same workspace follows a change of the settings.
    const other = await app.context.newPage();
    await other.goto(page.url());
    await other.getByRole('button', { name: 'Open Customer support (to-be)', exact: true }).click();
    await other.getByRole('tab', { name: /^Problems/ }).click();
    const otherFindings = other.getByRole('list', { name: 'Governance findings' });
    await eventually(() => text(otherFindings)).toContain('customer-owner');
    expect(await text(otherFindings)).not.toContain('mode-change-decided');
    await page.bringToFront();
    await page
      .getByRole('region', { name: 'Governance' })
      .getByRole('button', { name: 'Lint settings…' })
      .click();
    await dialog
      .getByRole('combobox', { name: 'Severity of mode-change-decided' })
      .selectOption({ label: 'Default (Info)' });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await eventually(() => text(findings)).toContain('mode-change-decided');
    await other.bringToFront();
    await eventually(() => text(otherFindings)).toContain('mode-change-decided');
    await other.close();

    expect(await seriousViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
