/**
 * Presentation mode end to end, by role and accessible name: the customer-support story slide by slide
 * from the keyboard with each slide announced, number + Enter, black screen and Escape's order, Walk the
 * flow, the key list, axe-core, no overflow at three projector sizes (screenshots in /tmp/present-shots),
 * and the story editor's edits (hide, move, notes) with undo.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMinutes, formatMoney, formatPercent } from '../../shared/analysis/numbers';
import { customerSupportExample } from '../../shared/examples/customerSupport';
import { skillIndex } from '../../shared/ontology';
import { generateStory } from '../../shared/story/generate';
import { AppDriver, eventually, launchBrowser, tempDir, text, visible } from './harness';

const SHOTS = '/tmp/present-shots';
const TITLES = [
  'Title',
  'As-is flow',
  'To-be flow',
  'Bottleneck move',
  'Figures',
  'Skills and learning',
  'Learning projection',
  'Decisions and open questions',
  'Next steps',
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function openExample(app: AppDriver) {
  await app.button('Load example: Customer support').click();
  await app.openWorkflow('Customer support (to-be)');
}

const deckOf = (page: Page) => page.getByRole('dialog', { name: 'Presentation' });
const liveOf = (page: Page) => page.getByRole('status', { name: 'Slide announcements' });

/**
 * Escape at the end: where the browser granted full screen the first press leaves it (and says so), the
 * next ends the presentation.
 */
async function escapeToEnd(page: Page) {
  const fullScreen = await page.evaluate(() => document.fullscreenElement !== null);
  await page.keyboard.press('Escape');
  if (fullScreen) {
    await eventually(() => text(liveOf(page))).toBe(
      'Full screen left: press Escape again to end the presentation.',
    );
    await visible(deckOf(page));
    await page.keyboard.press('Escape');
  }
  await eventually(() => deckOf(page).count()).toBe(0);
}

/** Sizes that overflow, for the shown slide: the page, the deck and the slide's content. */
function overflowOf(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const check = (name: string, e: Element | null) => {
      if (!e) return;
      if (e.scrollWidth > e.clientWidth + 1) found.push(`${name} width ${e.scrollWidth} > ${e.clientWidth}`);
      if (e.scrollHeight > e.clientHeight + 1)
        found.push(`${name} height ${e.scrollHeight} > ${e.clientHeight}`);
    };
    check('page', document.scrollingElement);
    const deck = document.querySelector('[role="dialog"][aria-label="Presentation"]');
    check('deck', deck);
    const slide = deck?.querySelector('[aria-roledescription="slide"]') ?? null;
    check('slide', slide);
    slide?.querySelectorAll('div, table, ul, ol, aside').forEach((e, i) => {
      if (getComputedStyle(e).overflow !== 'visible' || e.tagName !== 'DIV') check(`${e.tagName}#${i}`, e);
    });
    // Content that sticks out of the slide even where nothing scrolls.
    const box = slide?.getBoundingClientRect();
    if (box) {
      slide!.querySelectorAll('p, li, tr, h2, h3, dd').forEach((e) => {
        const r = e.getBoundingClientRect();
        if (r.right > box.right + 1 || r.bottom > box.bottom + 1)
          found.push(`${e.tagName} "${(e.textContent ?? '').slice(0, 30)}" sticks out`);
      });
    }
    return found;
  });
}

describe('presentation mode', () => {
  it('runs the whole story by keyboard, announced, with black screen, Escape order and Walk the flow', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await openExample(app);
    const present = app.button('Present');
    await present.focus();
    await page.keyboard.press('Enter');
    const deck = deckOf(page);
    await visible(deck);
    const live = liveOf(page);
    await eventually(() => text(live)).toBe('Slide 1 of 9: Title');
    // The title slide names the workflow.
    await visible(deck.getByRole('heading', { name: 'Customer support (to-be)' }));

    for (let i = 2; i <= 9; i += 1) {
      await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : i % 3 === 0 ? ' ' : 'PageDown');
      await eventually(() => text(live)).toBe(`Slide ${i} of 9: ${TITLES[i - 1]}`);
      await visible(deck.getByRole('region', { name: `Slide ${i} of 9: ${TITLES[i - 1]}` }));
    }
    await page.keyboard.press('ArrowLeft');
    await eventually(() => text(live)).toBe('Slide 8 of 9: Decisions and open questions');
    // A slide without its data says why.
    await eventually(() => text(deck)).toContain('No co-design data yet');
    await page.keyboard.press('Home');
    await eventually(() => text(live)).toBe('Slide 1 of 9: Title');
    await page.keyboard.press('End');
    await eventually(() => text(live)).toBe('Slide 9 of 9: Next steps');

    // Number + Enter.
    await page.keyboard.press('4');
    await page.keyboard.press('Enter');
    await eventually(() => text(live)).toBe('Slide 4 of 9: Bottleneck move');
    await eventually(() => text(deck)).toContain('The constraint moves from Support agent');
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await eventually(() => text(live)).toBe('There is no such slide: choose 1 to 9.');

    // B: black screen; the first Escape leaves it, the second the presentation, and focus goes back.
    await page.keyboard.press('b');
    await eventually(() => deck.getByRole('region').count()).toBe(0);
    await eventually(() => text(deck)).toContain('Black screen');
    await page.keyboard.press('Escape');
    await visible(deck.getByRole('region', { name: 'Slide 4 of 9: Bottleneck move' }));
    await page.keyboard.press('w');
    await eventually(() => text(deck)).toContain('White screen');
    await page.keyboard.press('w');
    await visible(deck.getByRole('region', { name: 'Slide 4 of 9: Bottleneck move' }));
    await escapeToEnd(page);
    await eventually(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Present');

    // F5 presents again; the to-be slide walks its main path.
    await page.keyboard.press('F5');
    await visible(deck);
    await eventually(() => text(live)).toBe('Slide 1 of 9: Title');
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await eventually(() => text(live)).toBe('Slide 3 of 9: To-be flow');
    await deck.getByRole('button', { name: 'Walk the flow' }).click();
    await eventually(() => text(live)).toMatch(/^Step 1 of 4: Auto-triage, AI-automated/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await eventually(() => text(live)).toMatch(
      /^Step 3 of 4: Agent edits AI draft, AI-assisted, Support agent, \d+\.\d min, utilization \d+\.\d%$/,
    );
    const card = deck.getByRole('complementary', { name: 'Step 3 of 4' });
    await eventually(() => text(card)).toContain('Agent edits AI draft');
    await eventually(() => text(card)).toContain('Utilization of its role');
    // Escape leaves the walk first, still on slide 3.
    await page.keyboard.press('Escape');
    await eventually(() => text(live)).toBe('Slide 3 of 9: To-be flow');
    await eventually(() => card.count()).toBe(0);
    await page.keyboard.press('f');
    await eventually(() => text(live)).toMatch(/^Step 1 of 4/);
    await page.keyboard.press('End');
    await eventually(() => text(live)).toMatch(/^Step 4 of 4: Send reply/);
    await page.keyboard.press('Escape');

    // ? lists the keys; Escape closes the list, not the presentation.
    await page.keyboard.press('?');
    const keys = deck.getByRole('region', { name: 'Presentation keys' });
    await visible(keys);
    await eventually(() => text(keys)).toContain('Black screen');
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} ×${v.nodes.length} (${v.nodes[0]?.target.join(' ') ?? ''})`);
    await page.keyboard.press('Escape');
    await eventually(() => keys.count()).toBe(0);
    await visible(deck);
    for (const i of [1, 2, 3, 4, 5, 6]) {
      await page.keyboard.press(String(i));
      await page.keyboard.press('Enter');
      await eventually(() => text(live)).toBe(`Slide ${i} of 9: ${TITLES[i - 1]}`);
      const onSlide = await new AxeBuilder({ page }).include('[aria-label="Presentation"]').analyze();
      serious.push(
        ...onSlide.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `slide ${i}: ${v.id} ×${v.nodes.length} (${v.nodes[0]?.target.join(' ') ?? ''})`),
      );
    }
    expect(serious).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('fits every slide at 1920×1080, 1280×720 and 1024×768 with projector-sized text', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await openExample(app);
    const problems: string[] = [];
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      await app.button('Present').click();
      const deck = deckOf(page);
      await visible(deck);
      if (width === 1920) {
        const size = await deck.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
        expect(size).toBeGreaterThanOrEqual(28);
      }
      for (let i = 1; i <= 9; i += 1) {
        await eventually(() => text(liveOf(page))).toBe(`Slide ${i} of 9: ${TITLES[i - 1]}`);
        await page.waitForTimeout(150); // the diagram measures its area
        problems.push(...(await overflowOf(page)).map((p) => `${width}×${height} slide ${i}: ${p}`));
        await page.screenshot({ path: `${SHOTS}/e2e-${width}x${height}-slide${i}.png` });
        if (i === 3) {
          await page.keyboard.press('f');
          await page.keyboard.press('ArrowRight');
          await page.keyboard.press('ArrowRight');
          await page.waitForTimeout(150);
          problems.push(...(await overflowOf(page)).map((p) => `${width}×${height} walk: ${p}`));
          await page.screenshot({ path: `${SHOTS}/e2e-${width}x${height}-walk.png` });
          await page.keyboard.press('Escape');
        }
        await page.keyboard.press('ArrowRight');
      }
      await escapeToEnd(page);
    }
    expect(problems).toEqual([]);
    await app.close();
  });

  it('presents the invoice-processing pair too: every slide announced, no page error, nothing overflows', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.button('Load example: Invoice processing').click();
    await app.openWorkflow('Invoice processing (to-be)');
    await app.button('Present').click();
    const problems: string[] = [];
    for (let i = 1; i <= 9; i += 1) {
      await eventually(() => text(liveOf(page))).toBe(`Slide ${i} of 9: ${TITLES[i - 1]}`);
      await page.waitForTimeout(100);
      problems.push(...(await overflowOf(page)).map((p) => `slide ${i}: ${p}`));
      await page.keyboard.press('ArrowRight');
    }
    expect(problems).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('edits the story: hide, move and notes go through undo, and the presentation follows', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await openExample(app);
    await app.button('Story…').click();
    const dialog = page.getByRole('dialog', { name: 'Story' });
    await visible(dialog);
    await dialog.getByRole('checkbox', { name: 'Show Learning projection' }).uncheck();
    await dialog.getByRole('button', { name: 'Move Figures up' }).focus();
    await page.keyboard.press('Enter');
    await dialog
      .getByRole('textbox', { name: 'Next steps (one per line)' })
      .fill('Pilot with team A\nReview in May');
    await dialog.getByRole('textbox', { name: 'Speaker notes for Title' }).fill('Welcome everyone');
    await dialog.getByRole('textbox', { name: 'Speaker notes for Title' }).blur();
    await app.waitUntilSaved();
    await dialog.getByRole('button', { name: 'Present' }).click();
    const live = liveOf(page);
    await eventually(() => text(live)).toBe('Slide 1 of 8: Title');
    await page.keyboard.press('n');
    await eventually(() =>
      text(deckOf(page).getByRole('complementary', { name: 'Speaker notes' })),
    ).toContain('Welcome everyone');
    await page.keyboard.press('Escape');
    await eventually(() => deckOf(page).getByRole('complementary', { name: 'Speaker notes' }).count()).toBe(
      0,
    );
    await page.keyboard.press('4');
    await page.keyboard.press('Enter');
    await eventually(() => text(live)).toBe('Slide 4 of 8: Figures');
    await page.keyboard.press('End');
    await eventually(() => text(live)).toBe('Slide 8 of 8: Next steps');
    await eventually(() => text(deckOf(page))).toContain('Pilot with team A');
    await escapeToEnd(page);

    // Undo takes back the edits one by one: notes, next steps, the move, the hidden slide.
    for (let i = 0; i < 4; i += 1) await app.button('Undo').click();
    await app.button('Present').click();
    await eventually(() => text(live)).toBe('Slide 1 of 9: Title');
    await page.keyboard.press('5');
    await page.keyboard.press('Enter');
    await eventually(() => text(live)).toBe('Slide 5 of 9: Figures');
    await app.close();
  });

  it('prints a report of every visible slide whose PDF holds the titles and the figures of the analysis', async (context) => {
    if (!existsSync('/usr/bin/pdftotext')) {
      context.skip('pdftotext is not installed (apt-get install -y poppler-utils)');
    }
    const app = await AppDriver.open(browser);
    const { page } = app;
    await openExample(app);
    await app.button('Story…').click();
    await page.getByRole('dialog', { name: 'Story' }).getByRole('button', { name: 'Print report…' }).click();
    const report = page.getByRole('dialog', { name: 'Report' });
    await visible(report);
    await eventually(() => report.getByRole('region', { name: /^Page \d+: / }).count()).toBe(9);
    await visible(report.getByRole('button', { name: 'Print report…' }));
    await page.screenshot({ path: `${SHOTS}/e2e-report.png` });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    const file = join(tempDir(), 'report.pdf');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const pdfText = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    // Nine slides (the two wide diagrams in two overlapping parts each, never shrunk below 6 pt), the
    // figures of each workflow and the formulas: 14 pages, each with the running footer.
    expect(pages).toBe(14);
    expect(pdfText).toContain('Part A2 of A2');
    expect(pdfText).toMatch(
      new RegExp(`Customer support \\(to-be\\) · \\d{4}-\\d{2}-\\d{2}\\s+Page 14 of 14`),
    );
    for (const line of execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2)) {
      if (line.trim()) expect(line.trim().split(/\s+/).slice(-5)[0], line).toBe('yes');
    }
    expect(pdfText).toContain('Utilization per role');
    // The figures sections equal `npm run analyze -- --json` of the same example, both workflows.
    const analyzed = JSON.parse(
      execFileSync('node', ['scripts/analyze.mjs', 'examples/customer-support.coarchitect.json', '--json'], {
        encoding: 'utf8',
      }),
    ) as {
      reports: {
        cycleTimeMinutes: { total: number; processing: number; waiting: number };
        costPerCase: { total: number };
        roles: { utilization: number }[];
      }[];
    };
    const flat = pdfText.replace(/\s+/g, ' ');
    expect(analyzed.reports).toHaveLength(2);
    for (const r of analyzed.reports) {
      const ct = r.cycleTimeMinutes;
      expect(flat).toContain(
        `${formatMinutes(ct.total)} min per case (${formatMinutes(ct.processing)} processing + ${formatMinutes(ct.waiting)} waiting`,
      );
      expect(flat).toContain(formatMoney(r.costPerCase.total));
      for (const role of r.roles) expect(flat).toContain(formatPercent(role.utilization));
    }
    expect(pdfText).toContain('Formulas, assumptions and sources');
    for (const title of TITLES.slice(1)) expect(pdfText).toContain(title);
    // The figures are the analysis's: the same story generated here from the example.
    const ws = customerSupportExample();
    const story = generateStory({
      toBe: ws.workflows.find((w) => w.kind === 'to-be')!,
      asIs: ws.workflows.find((w) => w.kind === 'as-is')!,
      roles: ws.roles,
      skills: skillIndex(ws.customSkills),
    });
    const figures = story.slides.find((s) => s.kind === 'figures')!.content;
    if (figures?.kind !== 'figures') throw new Error('no figures slide');
    for (const f of figures.figures) {
      const row = pdfText.split('\n').find((line) => line.includes(f.label));
      expect(row, f.label).toBeDefined();
      for (const v of [f.asIs, f.toBe, f.change]) if (v) expect(row, f.label).toContain(v);
    }
    const bottleneck = story.slides.find((s) => s.kind === 'bottleneck')!.content;
    if (bottleneck?.kind !== 'bottleneck') throw new Error('no bottleneck slide');
    expect(pdfText.replace(/\s+/g, ' ')).toContain(bottleneck.summary);
    // Letter paper: the page size follows, and every page still has its footer.
    await page.emulateMedia({ media: 'screen' });
    await report.getByLabel('Paper').selectOption('Letter');
    await page.emulateMedia({ media: 'print' });
    const letter = join(tempDir(), 'report-letter.pdf');
    writeFileSync(letter, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const letterInfo = execFileSync('pdfinfo', [letter], { encoding: 'utf8' });
    expect(letterInfo).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);
    const letterPages = Number(/Pages:\s+(\d+)/.exec(letterInfo)?.[1]);
    expect(execFileSync('pdftotext', ['-layout', letter, '-'], { encoding: 'utf8' })).toContain(
      `Page ${letterPages} of ${letterPages}`,
    );
    await page.emulateMedia({ media: 'screen' });
    await page.keyboard.press('Escape');
    await eventually(() => report.count()).toBe(0);
    await app.close();
  });
});
