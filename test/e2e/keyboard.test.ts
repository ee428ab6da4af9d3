import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver, eventually, launchBrowser, text } from './harness';

// A person who cannot use a mouse: every step below is a key press (selectOption picks from a focused
// native list, as the arrow keys do). The page counts mouse events to prove none was sent.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** What a screen reader would call the focused element (aria-label, its label, or its text). */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent;
    return (label ?? el.textContent ?? '').trim();
  });

/** The landmark the focus is in, by its name ("banner" for the top bar). */
const focusedRegion = (page: Page) =>
  page.evaluate(() => {
    const region = document.activeElement?.closest('header, main, aside');
    if (!region) return '';
    return region.tagName === 'HEADER' ? 'banner' : (region.getAttribute('aria-label') ?? region.tagName);
  });

async function tabTo(page: Page, name: string | RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    const now = await focusedName(page);
    if (typeof name === 'string' ? now === name : name.test(now)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${String(name)}" (now on "${await focusedName(page)}")`);
}

async function f6To(page: Page, region: string): Promise<number> {
  for (let presses = 1; presses <= 6; presses++) {
    await page.keyboard.press('F6');
    if ((await focusedRegion(page)) === region) return presses;
  }
  throw new Error(`F6 never reached the region "${region}"`);
}

/** The pixels of the element and a margin around it (a focus ring is drawn outside the element's box). */
async function pixels(page: Page, locator: Locator): Promise<Buffer> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  const m = 8;
  return page.screenshot({
    animations: 'disabled',
    clip: { x: box.x - m, y: box.y - m, width: box.width + 2 * m, height: box.height + 2 * m },
  });
}

async function goToStep(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+K');
  await page.keyboard.type(name);
  await eventually(() => focusedName(page)).toBe('Search actions and steps');
  const steps = page.getByRole('group', { name: 'Steps' });
  await eventually(() => text(steps)).toContain(name);
  // Down the list (actions come first) to the step of that name, then Enter.
  for (let i = 0; i < 30; i++) {
    const active = steps.getByRole('option', { selected: true });
    if ((await active.count()) === 1 && (await text(active)).startsWith(name)) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  // The palette has closed and the Inspector shows that step before anything else is done.
  await page.getByRole('combobox', { name: 'Search actions and steps' }).waitFor({ state: 'detached' });
  await eventually(() => page.getByLabel('Step name', { exact: true }).inputValue()).toBe(name);
}

async function addStep(page: Page, kind: string, name: string): Promise<void> {
  await f6To(page, 'Palette and legend');
  await tabTo(page, `Add ${kind}`);
  await page.keyboard.press('Enter');
  await f6To(page, 'Side panel');
  await tabTo(page, 'Step name');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(name);
}

async function connect(page: Page, from: string, to: string): Promise<void> {
  await goToStep(page, from);
  await f6To(page, 'Side panel');
  await tabTo(page, 'Connect to');
  const list = page.getByRole('combobox', { name: 'Connect to' });
  // On failure this names the steps that were offered.
  await eventually(() => list.getByRole('option').allTextContents()).toContain(to);
  await list.selectOption({ label: to });
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toBe('Connect');
  await page.keyboard.press('Enter');
}

async function choose(page: Page, field: string, option: string): Promise<void> {
  await f6To(page, 'Side panel');
  await tabTo(page, field);
  await page.getByRole('combobox', { name: field }).selectOption({ label: option });
}

describe('keyboard only', () => {
  it('builds, connects, configures and exports a workflow without a mouse; every region is a few F6 presses away', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await page.evaluate(() => {
      const w = window as unknown as { mouseEvents: number };
      w.mouseEvents = 0;
      // Not 'click': Enter and Space on a button fire one too.
      for (const type of ['mousedown', 'pointerdown', 'mouseup'])
        window.addEventListener(type, (e) => e.isTrusted && w.mouseEvents++, true);
    });

    await page.keyboard.press('Control+K');
    await page.keyboard.type('New workflow');
    await page.keyboard.press('Enter');
    await eventually(() => focusedName(page)).toBe('Workflow name');
    await page.keyboard.type('Keyboard flow');
    await page.keyboard.press('Enter');
    await page.getByRole('banner').getByRole('heading', { name: 'Keyboard flow' }).waitFor();
    // The editor's regions render just after the title on a loaded machine; F6 counts only from then on.
    await page.getByRole('complementary', { name: 'Palette and legend' }).waitFor();
    await page.getByRole('complementary', { name: 'Side panel' }).waitFor();

    // Every region in at most five presses of F6, from wherever the focus is.
    for (const region of ['banner', 'Palette and legend', 'Diagram', 'Side panel']) {
      expect(await f6To(page, region)).toBeLessThanOrEqual(5);
    }

    // A role to give the work to.
    await page.keyboard.press('Alt+3');
    await f6To(page, 'Side panel');
    await tabTo(page, 'Add role');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Alt+1');

    await addStep(page, 'Human task', 'Intake');
    await choose(page, 'Performing role', 'New role');
    await addStep(page, 'Human task', 'Draft');
    await choose(page, 'Mode', 'AI-assisted');
    await addStep(page, 'Review', 'Check');
    await addStep(page, 'Human task', 'Send');
    await connect(page, 'Start', 'Intake');
    await connect(page, 'Intake', 'Draft');
    await connect(page, 'Draft', 'Check');
    await connect(page, 'Check', 'Send');
    await goToStep(page, 'Check');
    // The selection is announced politely, for a screen reader.
    await eventually(() => text(page.getByRole('status', { name: 'Selection' }))).toBe(
      'Selected Review: Check',
    );
    await choose(page, 'Rework goes back to', 'Draft');
    await app.waitUntilSaved();

    // On the diagram: the selected step takes the focus, visibly; Alt+arrows follow the connections and
    // Enter opens the focused step in the Inspector.
    const check = app.step('Review: Check');
    const before = await pixels(page, check);
    expect(await f6To(page, 'Diagram')).toBeLessThanOrEqual(5);
    await eventually(() => focusedName(page)).toContain('Check');
    expect((await pixels(page, check)).equals(before)).toBe(false);
    await page.keyboard.press('Alt+ArrowRight');
    await eventually(() => focusedName(page)).toContain('Send');
    await page.keyboard.press('Alt+ArrowLeft');
    await page.keyboard.press('Alt+ArrowLeft');
    await eventually(() => focusedName(page)).toContain('Draft');
    await page.keyboard.press('Enter');
    await eventually(() => focusedName(page)).toBe('Step name');
    expect(await page.getByLabel('Step name', { exact: true }).inputValue()).toBe('Draft');
    expect(await page.getByRole('combobox', { name: 'Mode' }).inputValue()).toBe('ai-assisted');

    // Shortcuts other than Ctrl+K and Ctrl+F leave text fields alone, so leave the field first.
    await f6To(page, 'banner');
    // "Zoom to a readable size" brings step names to at least 12 px on screen, around the selection.
    await page.keyboard.press('Control+Alt+0');
    await eventually(() =>
      page.evaluate(() => {
        const name = document.querySelector('.react-flow__node.selected .step-name');
        return name ? Math.round(name.getBoundingClientRect().height) : 0;
      }),
    ).toBeGreaterThanOrEqual(12);
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+E');
    const file = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    const exported = JSON.parse(await readFile(file, 'utf8')) as {
      format: string;
      workflow: {
        steps: { id: string; name: string; mode?: string; reworkTargetId?: string | null }[];
        edges: { source: string; target: string }[];
      };
    };
    expect(exported.format).toBe('coarchitect.workflow');
    const { steps, edges } = exported.workflow;
    const id = (name: string) => steps.find((s) => s.name === name)?.id;
    expect(steps.find((s) => s.name === 'Draft')?.mode).toBe('ai-assisted');
    expect(steps.find((s) => s.name === 'Check')?.reworkTargetId).toBe(id('Draft'));
    expect(edges.map((e) => [e.source, e.target])).toEqual(
      expect.arrayContaining([
        [id('Intake'), id('Draft')],
        [id('Draft'), id('Check')],
        [id('Check'), id('Send')],
      ]),
    );
    expect(steps.map((s) => s.name)).toEqual(expect.arrayContaining(['Intake', 'Draft', 'Check', 'Send']));

    expect(await page.evaluate(() => (window as unknown as { mouseEvents: number }).mouseEvents)).toBe(0);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
