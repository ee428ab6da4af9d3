import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver, eventually, launchBrowser, text, visible } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Compare with as-is', () => {
  it('lists the customer-support redesign, walks it step by step, shows the constraint moving', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Templates…').click();
    await visible(page.getByRole('dialog', { name: /template/i }));
    await app.button('Use template Customer support').click();
    await page.getByRole('banner').getByRole('heading', { name: 'Customer support (as-is)' }).waitFor();
    await app.backToLibrary();
    await app.openWorkflow('Customer support (to-be)');

    // From the command palette.
    await page.getByRole('main', { name: 'Diagram' }).click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('combobox', { name: 'Search actions and steps' }).fill('compare with as-is');
    await eventually(() => text(palette.getByRole('option').first())).toContain('Compare with as-is');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Compare with as-is' });
    await visible(panel);
    await visible(panel.getByRole('heading', { name: 'Compare with Customer support (as-is)' }));

    const changed = panel.getByRole('list', { name: 'Changed steps' });
    const draft = changed.getByRole('button', { name: /Draft reply: Human → AI-automated/ });
    await visible(draft);
    await visible(
      panel.getByRole('list', { name: 'Added steps' }).getByRole('button', { name: /Agent edits AI draft/ }),
    );
    await visible(
      panel
        .getByRole('list', { name: 'Removed steps' })
        .getByRole('button', { name: /Research customer history/ }),
    );
    // The badge is text, not only a colour.
    expect(await text(draft)).toContain('Changed');

    const figures = panel.getByLabel('Figure deltas');
    await eventually(() => text(figures)).toContain('moves: Support agent → Senior agent / reviewer');
    expect(await text(figures)).toMatch(/Cycle time/);
    expect(await text(figures)).toMatch(/Cost per case/);

    // A change selects its step on the canvas.
    await draft.click();
    await eventually(() => app.step('AI-automated task: AI drafts reply').getAttribute('class')).toContain(
      'is-selected',
    );
    expect(await draft.getAttribute('aria-current')).toBe('true');
    // Next (N) moves to the following change and keeps the focus in the list.
    await page.keyboard.press('n');
    const next = changed.getByRole('button', { name: /Complex or sensitive\?/ });
    await eventually(() => next.getAttribute('aria-current')).toBe('true');
    await eventually(() => next.evaluate((el) => el === document.activeElement)).toBe(true);
    await eventually(() => app.step('Decision: Hard case?').getAttribute('class')).toContain('is-selected');
    await page.keyboard.press('p');
    await eventually(() => draft.getAttribute('aria-current')).toBe('true');
    await panel.getByRole('button', { name: 'Next change (N)' }).click();
    await eventually(() => next.getAttribute('aria-current')).toBe('true');

    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} ×${v.nodes.length} (${v.nodes[0]?.target.join(' ') ?? ''})`);
    expect(serious).toEqual([]);

    await panel.getByRole('button', { name: 'Close compare' }).click();
    await panel.waitFor({ state: 'hidden' });

    // Governance findings in the Problems tab, linked to their step; editing is never blocked.
    await app.openPanel(/^Problems/);
    const findings = page.getByRole('list', { name: 'Governance findings' });
    await eventually(() => text(findings)).toContain('reviewer-competence');
    await app.close();
  });

  it('applies a governance quick fix from the Problems tab, as one undoable edit', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Templates…').click();
    await visible(page.getByRole('dialog', { name: /template/i }));
    await app.button('Use template Customer support').click();
    await page.getByRole('banner').getByRole('heading', { name: 'Customer support (as-is)' }).waitFor();
    await app.openPanel(/^Problems/);
    const findings = page.getByRole('list', { name: 'Governance findings' });
    await eventually(() => text(findings)).toContain(
      "'Senior review' rejects 10% of the work but has no feedback loop",
    );
    await findings.getByRole('button', { name: "Add a feedback loop to 'Senior review'" }).click();
    await visible(page.getByRole('region', { name: 'Governance' }).getByText('No governance findings.'));
    await page.keyboard.press('Control+Z');
    await eventually(() => text(findings)).toContain('no feedback loop');
    await app.close();
  });
});
