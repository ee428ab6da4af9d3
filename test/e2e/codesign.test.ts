/**
 * The co-design record end to end, by role and accessible name: a CTO comments, the CHRO replies and
 * resolves it as a decision, a version is named, a mode change shows in Compare, both sign, a move keeps
 * the signature and a time edit shows "Changed since sign-off"; all of it survives a reload.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppDriver, eventually, launchBrowser, tempDir, text, visible } from './harness';

const SHOTS = '/tmp/record-shots';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function setProfile(page: Page, name: string, role: 'CTO' | 'CHRO' | 'Other') {
  const dialog = page.getByRole('dialog', { name: 'Your profile' });
  await visible(dialog);
  await dialog.getByRole('textbox', { name: 'Display name' }).fill(name);
  await dialog.getByRole('radio', { name: role }).check();
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function runAction(page: Page, query: string, title: string) {
  await page.getByRole('main', { name: 'Diagram' }).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Search actions and steps' }).fill(query);
  await eventually(() => text(palette.getByRole('option').first())).toContain(title);
  await page.keyboard.press('Enter');
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} ×${v.nodes.length} (${v.nodes[0]?.target.join(' ') ?? ''})`);
}

describe('co-design record', () => {
  it('comments, decides, versions, compares, signs; moves keep the signature, edits do not', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Templates…').click();
    await app.button('Use template Customer support').click();
    await page.getByRole('banner').getByRole('heading', { name: 'Customer support (as-is)' }).waitFor();

    // As CTO: a comment on "Draft reply". The profile is asked once, on the first co-design action.
    await app.selectStep('Human task: Draft reply');
    await page.getByRole('tab', { name: /^Discuss/ }).click();
    const discuss = page.getByRole('region', { name: 'Discuss' });
    expect(await discuss.getByRole('combobox', { name: 'Comment on' }).inputValue()).toMatch(/^step:/);
    await discuss
      .getByRole('textbox', { name: 'New comment' })
      .fill('Could AI draft this? @CHRO what does it do to the team? <b>not bold</b>');
    await discuss.getByRole('button', { name: 'Add comment' }).click();
    await setProfile(page, 'Ada', 'CTO');
    const thread = discuss.getByRole('listitem', { name: "Thread on step 'Draft reply'" });
    await visible(thread);
    expect(await text(thread)).toContain('<b>not bold</b>');
    expect(await text(thread)).toContain('Ada (CTO)');
    // The pin on the canvas.
    await visible(app.step('Human task: Draft reply').getByRole('button', { name: '1 comment' }));

    // Switch profile to CHRO from the palette, reply and resolve as a decision.
    await runAction(page, 'edit profile', 'Edit profile…');
    await setProfile(page, 'Grace', 'CHRO');
    await discuss.getByRole('button', { name: 'Mentions' }).click();
    await visible(thread);
    await discuss.getByRole('button', { name: 'All' }).click();
    await thread.getByRole('textbox', { name: 'Reply' }).fill('Yes, with a senior review. Agreed.');
    await thread.getByRole('button', { name: 'Send reply' }).click();
    await eventually(() => text(thread)).toContain('Grace (CHRO)');
    await thread.getByRole('button', { name: 'Resolve as decision…' }).click();
    const decisionDialog = page.getByRole('dialog', { name: 'Record a decision' });
    await decisionDialog.getByRole('textbox', { name: 'Decision title' }).fill('AI drafts replies');
    await decisionDialog.getByRole('textbox', { name: 'Rationale' }).fill('Agents spend most time drafting.');
    await decisionDialog.getByRole('button', { name: 'Record decision' }).click();
    await visible(discuss.getByRole('listitem', { name: 'Decision: AI drafts replies' }));
    await eventually(() => text(thread)).toContain('Resolved');
    await page.screenshot({ path: `${SHOTS}/discuss.png` });

    // The accepted decision is on the story's decisions slide, by role (names stay off on a projector).
    await app.button('Present').click();
    const deck = page.getByRole('dialog', { name: 'Presentation' });
    await visible(deck);
    await page.keyboard.press('8');
    await page.keyboard.press('Enter');
    await eventually(() => text(deck)).toContain('AI drafts replies');
    expect(await text(deck)).toContain('Decided by CHRO on');
    expect(await text(deck)).not.toContain('Grace');
    // Escape leaves full screen (where it was granted), then the presentation.
    for (let i = 0; i < 3 && (await deck.count()) > 0; i++) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(200);
    }
    await eventually(() => deck.count()).toBe(0);

    // Name a version.
    await page.getByRole('tab', { name: 'Versions' }).click();
    const versions = page.getByRole('region', { name: 'Versions and sign-off' });
    await versions.getByRole('button', { name: 'Name a version…' }).click();
    const nameDialog = page.getByRole('dialog', { name: 'Name a version' });
    await nameDialog.getByRole('textbox', { name: 'Version name' }).fill('Before AI');
    await nameDialog.getByRole('button', { name: 'Save version' }).click();
    await visible(versions.getByRole('listitem', { name: 'Version Before AI' }));
    await eventually(() => text(versions.getByRole('listitem', { name: 'Version Before AI' }))).toContain(
      'Verified',
    );

    // Change a step's mode; Compare with the version lists it and shows the figures.
    await page.getByRole('tab', { name: 'Inspector', exact: true }).click();
    await app.selectStep('Human task: Draft reply');
    await app.field('Mode').selectOption({ label: 'AI-automated' });
    await app.waitUntilSaved();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await versions.getByRole('button', { name: 'Compare with Before AI' }).click();
    const compare = page.getByRole('region', { name: 'Compare with version' });
    await visible(compare);
    await visible(
      compare
        .getByRole('list', { name: 'Changed steps' })
        .getByRole('button', { name: /Draft reply: Human → AI-automated/ }),
    );
    await visible(compare.getByLabel('Figure deltas'));
    await page.screenshot({ path: `${SHOTS}/compare-version.png` });
    await compare.getByRole('button', { name: 'Close compare' }).click();

    // AI output that reaches a customer without a review is a governance error: proposing is blocked until
    // the rule's quick fix inserts a review.
    const signoff = versions.getByRole('region', { name: 'Sign-off' });
    await page.getByRole('tab', { name: 'Inspector', exact: true }).click();
    await app.selectStep('AI-automated task: Draft reply');
    await app.field('Output goes to').selectOption({ label: 'Customer' });
    await app.waitUntilSaved();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await versions.getByRole('button', { name: 'Propose for sign-off…' }).click();
    const blocked = page.getByRole('dialog', { name: 'Propose for sign-off' });
    await visible(blocked.getByRole('alert'));
    expect(await text(blocked.getByRole('alert'))).toMatch(/governance error/);
    expect(await blocked.getByRole('button', { name: 'Propose' }).isDisabled()).toBe(true);
    await blocked.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('tab', { name: /^Problems/ }).click();
    await page.getByRole('button', { name: "Insert a review after 'Draft reply'" }).click();
    await app.waitUntilSaved();
    await page.getByRole('tab', { name: 'Versions' }).click();

    // Propose and sign as CHRO, then as CTO: "Signed".
    await versions.getByRole('button', { name: 'Propose for sign-off…' }).click();
    const propose = page.getByRole('dialog', { name: 'Propose for sign-off' });
    for (const box of await propose.getByRole('checkbox').all()) await box.check();
    await propose.getByRole('button', { name: 'Propose' }).click();
    await eventually(() => text(signoff.getByRole('status'))).toContain('Proposed: waiting for CTO and CHRO');
    await signoff.getByRole('button', { name: 'Sign as Grace (CHRO)…' }).click();
    const sign = page.getByRole('dialog', { name: 'Sign the redesign' });
    await sign.getByRole('textbox', { name: 'Note' }).fill('Reskilling plan agreed.');
    await sign.getByRole('button', { name: 'Sign' }).click();
    await eventually(() => text(signoff.getByRole('status'))).toContain('waiting for CTO');
    await runAction(page, 'edit profile', 'Edit profile…');
    await setProfile(page, 'Ada', 'CTO');
    await signoff.getByRole('button', { name: 'Sign as Ada (CTO)…' }).click();
    await sign.getByRole('button', { name: 'Sign' }).click();
    await eventually(() => text(signoff.getByRole('status'))).toBe('Signed');
    // The signed version cannot be deleted.
    const proposed = versions.getByRole('listitem', { name: 'Version Proposed for sign-off' });
    await eventually(() =>
      proposed.getByRole('button', { name: 'Delete Proposed for sign-off' }).isDisabled(),
    ).toBe(true);
    await page.screenshot({ path: `${SHOTS}/signed.png` });

    // A move keeps it signed; a time edit does not.
    await page.getByRole('tab', { name: 'Inspector', exact: true }).click();
    await app.selectStep('AI-automated task: Draft reply');
    await app.step('AI-automated task: Draft reply').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await app.waitUntilSaved();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.waitForTimeout(400);
    expect(await text(signoff.getByRole('status'))).toBe('Signed');
    await page.getByRole('tab', { name: 'Inspector', exact: true }).click();
    await app.selectStep('Human task: Send reply');
    await app.field('Most likely').fill('2');
    await app.field('Most likely').press('Tab');
    await app.waitUntilSaved();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await eventually(() => text(signoff.getByRole('status'))).toBe('Changed since sign-off');
    await signoff.getByRole('button', { name: 'Show changes since sign-off' }).click();
    await visible(
      page.getByRole('region', { name: 'Compare with version' }).getByRole('button', { name: /Send reply/ }),
    );
    await page.screenshot({ path: `${SHOTS}/changed.png` });
    await page.getByRole('button', { name: 'Close compare' }).click();

    expect(await seriousViolations(page)).toEqual([]);

    // A reload keeps everything.
    await app.waitUntilSaved();
    await page.reload();
    await page.getByRole('heading', { name: 'Workflows' }).waitFor();
    await app.openWorkflow('Customer support (as-is)');
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `${SHOTS}/after-reload.png` });
    await eventually(() => text(signoff.getByRole('status'))).toBe('Changed since sign-off');
    await visible(versions.getByRole('listitem', { name: 'Version Before AI' }));
    await page.getByRole('tab', { name: /^Discuss/ }).click();
    await visible(discuss.getByRole('listitem', { name: 'Decision: AI drafts replies' }));
    await visible(discuss.getByRole('listitem', { name: "Thread on step 'Draft reply'" }));

    // Export, and import on another computer (a fresh browser profile): the record comes along.
    const [download] = await Promise.all([page.waitForEvent('download'), app.button('Export JSON').click()]);
    const file = join(tempDir(), download.suggestedFilename());
    await download.saveAs(file);
    const content = readFileSync(file, 'utf8');
    const doc = JSON.parse(content) as {
      version: number;
      codesign: {
        threads: unknown[];
        decisions: unknown[];
        versions: unknown[];
        signoffs: { signatures: { contentHash: string }[] }[];
      };
    };
    expect(doc.codesign.threads).toHaveLength(1);
    expect(doc.codesign.decisions).toHaveLength(1);
    expect(doc.codesign.signoffs[0]!.signatures).toHaveLength(2);
    expect(app.errors).toEqual([]);
    await app.close();

    const other = await AppDriver.open(browser);
    const importInto = async (driver: AppDriver, name: string, text: string) => {
      const [chooser] = await Promise.all([
        driver.page.waitForEvent('filechooser'),
        driver.button('Import…').first().click(),
      ]);
      await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    };
    await importInto(other, 'customer-support-as-is.coarchitect.json', content);
    await eventually(() => text(other.page.getByRole('log', { name: 'Notifications' }))).toContain(
      'Imported 1 workflow',
    );
    await other.openWorkflow('Customer support (as-is)');
    await other.page.getByRole('tab', { name: 'Versions' }).click();
    const otherSignoff = other.page.getByRole('region', { name: 'Sign-off' });
    await eventually(() => text(otherSignoff.getByRole('status'))).toBe('Changed since sign-off');
    await visible(other.page.getByRole('listitem', { name: 'Version Before AI' }));
    await other.page.getByRole('tab', { name: /^Discuss/ }).click();
    await visible(other.page.getByRole('listitem', { name: 'Decision: AI drafts replies' }));
    await other.close();

    // A file whose CHRO signature was tampered with: imported, flagged, never counted.
    const forged = JSON.parse(content) as typeof doc;
    forged.codesign.signoffs[0]!.signatures[0]!.contentHash = 'f'.repeat(64);
    const third = await AppDriver.open(browser);
    await importInto(third, 'forged.coarchitect.json', JSON.stringify(forged));
    await eventually(() => text(third.page.getByRole('log', { name: 'Notifications' }))).toContain(
      'Imported 1 workflow',
    );
    await third.openWorkflow('Customer support (as-is)');
    await third.page.getByRole('tab', { name: 'Versions' }).click();
    const thirdSignoff = third.page.getByRole('region', { name: 'Sign-off' });
    await eventually(() => text(thirdSignoff.getByRole('status'))).toMatch(/^Proposed: waiting for/);
    await visible(thirdSignoff.getByText(/Not valid: it signs other content/));
    await third.page.screenshot({ path: `${SHOTS}/forged-import.png` });
    await third.close();
  });
});
