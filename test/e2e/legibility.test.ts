/**
 * Readable at a glance (issue #15): after Fit View the customer-support pair's step names render at 12 CSS
 * px or more (font size × the zoom that reaches the screen) at three screen sizes. Screenshots are saved
 * to /tmp/a11y-shots for a person to look at. Set LEGIBILITY_REPORT=1 to print the measured sizes.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver, launchBrowser } from './harness';

const SHOTS = '/tmp/a11y-shots';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;
const WORKFLOWS = ['Customer support (as-is)', 'Customer support (to-be)'] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** The on-screen size of each visible step's name: computed font size × how much the canvas scales it. */
async function renderedNameSizes(page: Page): Promise<{ name: string; px: number }[]> {
  const steps = page.getByRole('group', { name: /^[^:]+: / });
  const count = await steps.count();
  const sizes: { name: string; px: number }[] = [];
  for (let i = 0; i < count; i++) {
    const step = steps.nth(i);
    const label = (await step.getAttribute('aria-label')) ?? '';
    const name = label.slice(label.indexOf(': ') + 2);
    const px = await step.evaluate((el, wanted) => {
      const node = [...el.querySelectorAll<HTMLElement>('div')].find((d) => d.textContent === wanted);
      if (!node || node.offsetHeight === 0) return null;
      const scale = node.getBoundingClientRect().height / node.offsetHeight;
      return parseFloat(getComputedStyle(node).fontSize) * scale;
    }, name);
    if (px !== null) sizes.push({ name, px });
  }
  return sizes;
}

describe('step names are legible after Fit View', () => {
  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}`, async () => {
      const app = await AppDriver.open(browser);
      try {
        await app.page.setViewportSize(size);
        await app.button('Load example: Customer support').click();
        for (const workflow of WORKFLOWS) {
          await app.openWorkflow(workflow);
          await app.page.getByRole('button', { name: 'Fit View' }).click();
          await app.page.waitForTimeout(600);
          const sizes = await renderedNameSizes(app.page);
          const smallest = Math.min(...sizes.map((s) => s.px));
          if (process.env.LEGIBILITY_REPORT) {
            console.log(
              `${size.width}x${size.height} ${workflow}: ${sizes.length} names, smallest ${smallest.toFixed(1)} px`,
            );
          }
          const slug = workflow.toLowerCase().replace(/[^a-z]+/g, '-');
          await app.page.screenshot({ path: `${SHOTS}/${slug}${size.width}x${size.height}.png` });
          expect.soft(sizes.length).toBeGreaterThan(3);
          expect.soft(smallest).toBeGreaterThanOrEqual(12);
          await app.backToLibrary();
        }
      } finally {
        await app.close();
      }
    });
  }
});

describe('forced colours', () => {
  it('outlines the selected step in a system colour and keeps the diagram drawn', async () => {
    const app = await AppDriver.open(browser);
    try {
      await app.page.emulateMedia({ forcedColors: 'active' });
      await app.button('Load example: Customer support').click();
      await app.openWorkflow('Customer support (to-be)');
      const start = app.page.getByRole('group', { name: 'Start: Ticket received' });
      await start.click();
      const outline = await start.evaluate((el) => getComputedStyle(el).outlineStyle);
      await app.page.screenshot({ path: `${SHOTS}/forced-colours-to-be.png` });
      expect(outline).not.toBe('none');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
