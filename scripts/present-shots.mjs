// Screenshots of every slide of the customer-support story at three projector sizes, from the built app:
//   npm run build:renderer && node scripts/present-shots.mjs [outDir]   → /tmp/present-shots/*.png
// and, with --docs, the README's slide and report page: docs/screenshots/present.png, report.png.
import { mkdirSync } from 'node:fs';
import { launchChromium, serveBuiltApp } from '../bench/support.mjs';

const docs = process.argv.includes('--docs');
const out = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '/tmp/present-shots';
mkdirSync(out, { recursive: true });
const SIZES = [
  [1920, 1080],
  [1280, 720],
  [1024, 768],
];
const { server, url } = await serveBuiltApp();
const browser = await launchChromium();
try {
  for (const [width, height] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(url);
    await page.getByRole('button', { name: 'Load example: Customer support' }).click();
    await page.getByRole('button', { name: 'Open Customer support (to-be)', exact: true }).click();
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const deck = page.getByRole('dialog', { name: 'Presentation' });
    await deck.waitFor();
    for (let i = 1; i <= 9; i += 1) {
      await page.waitForTimeout(250);
      await page.screenshot({ path: `${out}/${width}x${height}-slide${i}.png` });
      if (i === 3) {
        await page.keyboard.press('f');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(250);
        await page.screenshot({ path: `${out}/${width}x${height}-slide3-walk.png` });
        await page.keyboard.press('Escape');
      }
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('?');
    await page.screenshot({ path: `${out}/${width}x${height}-keys.png` });
    await page.close();
  }
  if (docs) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 810 } });
    await page.goto(url);
    await page.getByRole('button', { name: 'Load example: Customer support' }).click();
    await page.getByRole('button', { name: 'Open Customer support (to-be)', exact: true }).click();
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.getByRole('dialog', { name: 'Presentation' }).waitFor();
    await page.keyboard.press('4');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'docs/screenshots/present.png' });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Story…' }).click();
    await page.getByRole('button', { name: 'Print report…' }).click();
    const report = page.getByRole('dialog', { name: 'Report' });
    await report.waitFor();
    await report.getByRole('region', { name: 'Page 3: To-be flow' }).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'docs/screenshots/report.png' });
    await page.close();
  }
  console.log(`Screenshots written to ${out}/`);
} finally {
  await browser.close();
  await server.close();
}
