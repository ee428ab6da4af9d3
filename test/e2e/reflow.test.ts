/**
 * Zoom and reflow (issue #15, WCAG 1.4.10): at 200% browser zoom (a 720×450 CSS viewport,
 * the CSS pixels 1440×900 at 200% zoom lays out) and at 1280×720, every top-bar control and side-panel tab of the
 * library and the editor can be reached (scrolled to, then on screen and not covered), and the page as a
 * whole never scrolls sideways.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver, launchBrowser } from './harness';

const SIZES = [
  { name: '200% zoom', viewport: { width: 720, height: 450 } },
  { name: '1280×720', viewport: { width: 1280, height: 720 } },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Names of the controls that cannot be brought on screen, or that something else covers once there. */
async function unreachable(controls: Locator): Promise<string[]> {
  const lost: string[] = [];
  for (let i = 0; i < (await controls.count()); i++) {
    const control = controls.nth(i);
    if (!(await control.isVisible())) continue;
    const name = (await control.getAttribute('aria-label')) ?? (await control.innerText()).trim();
    await control.scrollIntoViewIfNeeded();
    const onScreen = await control.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false;
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (el === hit || el.contains(hit) || hit.contains(el));
    });
    if (!onScreen) lost.push(name);
  }
  return lost;
}

const pageScrollsSideways = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth > root.clientWidth + 1;
  });

describe('zoom and reflow', () => {
  for (const size of SIZES) {
    it(`keeps every control reachable at ${size.name}`, async () => {
      const app = await AppDriver.open(browser);
      try {
        await app.page.setViewportSize(size.viewport);
        const { page } = app;
        expect
          .soft(await unreachable(page.getByRole('banner').getByRole('button')), 'library top bar')
          .toEqual([]);
        expect.soft(await pageScrollsSideways(page), 'library scrolls sideways').toBe(false);

        await app.button('Load example: Customer support').click();
        await app.openWorkflow('Customer support (to-be)');
        expect
          .soft(await unreachable(page.getByRole('banner').getByRole('button')), 'editor top bar')
          .toEqual([]);
        expect.soft(await unreachable(page.getByRole('tab')), 'editor panel tabs').toEqual([]);
        expect.soft(await pageScrollsSideways(page), 'editor scrolls sideways').toBe(false);
        await page.screenshot({
          path: `/tmp/a11y-shots/reflow-${size.viewport.width}x${size.viewport.height}.png`,
        });
      } finally {
        await app.close();
      }
    });
  }
});
