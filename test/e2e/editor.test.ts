/**
 * The professional editor, as a person uses it: a template, swimlanes and auto-layout, copy and paste,
 * the quick bar and inline rename, multi-select and align, and the overview of a large workflow.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { exportWorkspace, serializeDocument } from '../../shared/format/document';
import { largeWorkspace } from '../../shared/examples/largeWorkflow';
import { AppDriver, count, eventually, launchBrowser, tempDir, text, value, visible } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A locator's box once it has stopped moving (fitting the view animates). */
async function settledBox(locator: Locator) {
  let last = '';
  for (let i = 0; i < 50; i++) {
    const box = await locator.boundingBox();
    const now = JSON.stringify(box);
    if (box && now === last) return box;
    last = now;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('still moving');
}

async function useTemplate(app: AppDriver, name: string): Promise<void> {
  await app.button('Templates…').click();
  await app.button(`Use template ${name}`).click();
  await app.page
    .getByRole('banner')
    .getByRole('heading', { name: `${name} (as-is)` })
    .waitFor();
}

describe('the professional editor', () => {
  it('starts from a template, shows lanes by role, lays out left to right and undoes the layout', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await useTemplate(app, 'IT incident response');

    await app.button('Swimlanes').click();
    expect(await app.button('Swimlanes').getAttribute('aria-pressed')).toBe('true');
    for (const role of ['Service desk analyst', 'On-call engineer', 'Incident manager'])
      await visible(page.getByRole('group', { name: `Lane ${role}` }));

    const log = app.step('Human task: Log incident ticket');
    // Where the log step sits between start and end, whatever the zoom: (log − start) / (end − start), by
    // their top-left corners (a step's height depends on the zoom: far out it is drawn without details).
    const corner = async (l: Locator) => (await settledBox(l)) as { x: number; y: number };
    const shape = async () => {
      const start = await corner(app.step('Start: Alert or user report received'));
      const end = await corner(app.step('End: Service restored'));
      const at = await corner(log);
      return [(at.x - start.x) / (end.x - start.x), (at.y - start.y) / (end.x - start.x)]
        .map((r) => r.toFixed(2))
        .join(' ');
    };
    // Read once the diagram has settled (fitting animates, steps are measured after their first paint).
    let before = await shape();
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(150);
      const now = await shape();
      if (now === before) break;
      before = now;
    }
    await app.button('Layout left to right').click();
    await eventually(shape).not.toBe(before);
    // Left to right: the case enters on the left and leaves on the right.
    await eventually(async () => {
      const start = await centre(app.step('Start: Alert or user report received'));
      const end = await centre(app.step('End: Service restored'));
      return start.x < end.x;
    }).toBe(true);
    // Steps sit in their role's lane: the lane whose band starts last above the step's centre is its role's.
    const laneOf = async (step: Locator) => {
      const y = (await settledBox(step)).y + (await settledBox(step)).height / 2;
      const lanes = page.getByRole('group', { name: /^Lane / });
      let best: { name: string; top: number } | null = null;
      for (let i = 0; i < (await lanes.count()); i++) {
        const top = (await lanes.nth(i).boundingBox())?.y ?? Infinity;
        const name = (await lanes.nth(i).getAttribute('aria-label')) ?? '';
        if (top <= y && (!best || top > best.top)) best = { name, top };
      }
      return best?.name;
    };
    expect(await laneOf(log)).toBe('Lane Service desk analyst');
    expect(await laneOf(app.step('Human task: Diagnose cause'))).toBe('Lane On-call engineer');

    // The layout is one undo step: after it, every step is where it was.
    // Compared to a hundredth: the steps' pixel boxes round differently at a different zoom.
    await app.button('Undo').click();
    const near = (a: string, b: string) =>
      a.split(' ').every((v, i) => Math.abs(Number(v) - Number(b.split(' ')[i])) <= 0.011);
    await eventually(async () => near(await shape(), before)).toBe(true);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('moves a step into another lane, which changes its role, and reorders and collapses lanes', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await useTemplate(app, 'IT incident response');
    await app.button('Swimlanes').click();
    const triage = app.step('Human task: Triage and assign');
    const unlaid = JSON.stringify(await triage.boundingBox());
    await app.button('Layout left to right').click();
    // The layout runs in a worker: wait until it has moved the step.
    await eventually(async () => JSON.stringify(await triage.boundingBox())).not.toBe(unlaid);

    await app.selectStep('Human task: Triage and assign');
    expect(await app.field('Performing role').locator('option:checked').innerText()).toBe(
      'Service desk analyst',
    );
    // The lane's header sits inside its band; both are read once fitting the view has finished.
    const engineerLane = await settledBox(page.getByRole('group', { name: 'Lane On-call engineer' }));
    const triageBox = await settledBox(triage);
    const from = { x: triageBox.x + triageBox.width / 2, y: triageBox.y + triageBox.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(from.x, from.y + ((engineerLane.y + engineerLane.height / 2 - from.y) * i) / 10);
    await page.mouse.up();
    await eventually(() => app.field('Performing role').locator('option:checked').innerText()).toBe(
      'On-call engineer',
    );
    await app.button('Undo').click();
    await eventually(() => app.field('Performing role').locator('option:checked').innerText()).toBe(
      'Service desk analyst',
    );

    // Reorder: the first lane moves down one place; collapse hides a lane's steps.
    const lanes = page.getByRole('group', { name: /^Lane / });
    const first = await lanes.first().getAttribute('aria-label');
    await app.button(`Move lane ${first?.replace(/^Lane /, '')} down`).click();
    await eventually(() => lanes.first().getAttribute('aria-label')).not.toBe(first);
    await app.button('Collapse lane Incident manager').click();
    await eventually(() => count(app.step('Human task: Post-incident review'))).toBe(0);
    await app.button('Expand lane Incident manager').click();
    await visible(app.step('Human task: Post-incident review'));
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('copies and pastes steps with new ids, within and across workflows, and pastes as one undo step', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.createWorkflow('Source');
    await app.addStep('Human task', 'Check invoice');
    await app.selectStep('Human task: Check invoice');
    await page.keyboard.press('Control+C');
    await page.keyboard.press('Control+V');
    await eventually(() => count(app.step('Human task: Check invoice'))).toBe(2);
    await page.keyboard.press('Control+V');
    await eventually(() => count(app.step('Human task: Check invoice'))).toBe(3);
    await app.button('Undo').click();
    await eventually(() => count(app.step('Human task: Check invoice'))).toBe(2);
    // Duplicate (Ctrl+D) a selected step.
    await app.step('Human task: Check invoice').first().click();
    await page.keyboard.press('Control+D');
    await eventually(() => count(app.step('Human task: Check invoice'))).toBe(3);

    await app.backToLibrary();
    await app.createWorkflow('Target');
    await page.getByLabel('Workflow diagram').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+V');
    await eventually(() => count(app.step('Human task: Check invoice'))).toBe(1);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('switches a mode and inserts a review from the quick bar, renames in place, and aligns a selection', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Load example: Customer support').click();
    await app.openWorkflow('Customer support (to-be)');

    await app.selectStep('AI-assisted task: Agent edits AI draft');
    const quickBar = page.getByRole('toolbar', { name: 'Quick actions for Agent edits AI draft' });
    await quickBar.getByRole('button', { name: 'AI-automated' }).click();
    await visible(app.step('AI-automated task: Agent edits AI draft'));
    await app.button('Undo').click();
    await visible(app.step('AI-assisted task: Agent edits AI draft'));

    await app.selectStep('AI-assisted task: Agent edits AI draft');
    await quickBar.getByRole('button', { name: 'Insert review after' }).click();
    await visible(app.step('Review: Review: Agent edits AI draft'));
    await eventually(() => value(app.field('Step name'))).toBe('Review: Agent edits AI draft');

    // Double click renames in place; Enter keeps the name.
    await app.step('Review: Review: Agent edits AI draft').dblclick();
    const rename = page.getByRole('textbox', { name: 'New name for Review: Agent edits AI draft' });
    await rename.fill('Agent checks own edit');
    await rename.press('Enter');
    await visible(app.step('Review: Agent checks own edit'));
    // F2 renames the selected step; Escape leaves its name as it was.
    await app.selectStep('Human task: Send reply');
    await app.step('Human task: Send reply').press('F2');
    const f2 = page.getByRole('textbox', { name: 'New name for Send reply' });
    await f2.fill('Something else');
    await f2.press('Escape');
    await visible(app.step('Human task: Send reply'));

    // Arrow keys nudge the selection by the grid; Shift+arrow by four cells. One undo step each.
    const sendReply = app.step('Human task: Send reply');
    const x0 = (await settledBox(sendReply)).x;
    await sendReply.click();
    await page.keyboard.press('Shift+ArrowRight');
    await eventually(async () => (await sendReply.boundingBox())?.x ?? 0).toBeGreaterThan(x0 + 5);
    await app.button('Undo').click();
    await eventually(async () => Math.round((await sendReply.boundingBox())?.x ?? 0)).toBe(Math.round(x0));

    // Shift-click adds to the selection; align their top edges.
    await app.step('AI-automated task: Auto-triage').click();
    await app.step('Human task: Send reply').click({ modifiers: ['Shift'] });
    await app.button('Align top edges').click();
    await eventually(async () => {
      const a = await app.step('AI-automated task: Auto-triage').boundingBox();
      const b = await app.step('Human task: Send reply').boundingBox();
      return a && b ? Math.round(a.y - b.y) : NaN;
    }).toBe(0);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('draws a large workflow zoomed out as an overview: selects, zooms in on double click, fits back; what-if lists its busiest reviews', async () => {
    const file = join(tempDir(), 'large.coarchitect.json');
    writeFileSync(file, serializeDocument(exportWorkspace(largeWorkspace(400))));
    const app = await AppDriver.open(browser);
    const { page } = app;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.button('Import…').click()]);
    await chooser.setFiles(file);
    await app.openWorkflow('Large workflow (400 steps)');
    const overview = page.getByRole('img', { name: /^Overview of 400 steps/ });
    await visible(overview);
    // Fitted to the window, no step is a DOM node: the overview draws them all.
    expect(await count(page.getByRole('group', { name: /task: Task/ }))).toBe(0);

    // The start step is the top-left box; a click on it selects it.
    const box = await overview.boundingBox();
    if (!box) throw new Error('no overview');
    const transform = await page
      .locator('.react-flow__viewport')
      .evaluate((e) => getComputedStyle(e).transform);
    const [, , , zoom, tx, ty] = (/matrix\(([^)]+)\)/.exec(transform)?.[1] ?? '')
      .split(',')
      .map(Number) as number[];
    const at = { x: box.x + (tx ?? 0) + 40 * (zoom ?? 1), y: box.y + (ty ?? 0) + 20 * (zoom ?? 1) };
    await page.mouse.click(at.x, at.y);
    await eventually(() => value(app.field('Step name'))).toBe('Case arrives');
    await page.mouse.dblclick(at.x, at.y);
    await visible(app.step('Start: Case arrives'));
    await eventually(() => count(overview)).toBe(0);

    // Fit View from there jumps back into the overview.
    await app.button('Fit View').click();
    await visible(overview);
    expect(await count(page.getByRole('group', { name: /task: Task/ }))).toBe(0);

    // What-if offers the six busiest reviews of the workflow's many, and all of them on request.
    await app.openPanel('Analysis');
    const rates = page.getByRole('spinbutton', { name: /^Rejection rate: / });
    await eventually(() => count(rates)).toBe(6);
    const showAll = page.getByRole('button', { name: /^Show all \d+ reviews$/ });
    const reviews = Number(/\d+/.exec(await showAll.innerText())?.[0]);
    expect(reviews).toBeGreaterThan(6);
    await showAll.click();
    await eventually(() => count(rates)).toBe(reviews);

    // Analysed in the analysis worker (more than 300 steps), as is its learning projection, without a click.
    const projection = page.getByRole('region', { name: 'Learning over the weeks' });
    await eventually(() => text(projection)).toMatch(/Week|Nothing learns yet/);
    expect(await text(projection)).not.toMatch(/Projecting…|failed/);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
