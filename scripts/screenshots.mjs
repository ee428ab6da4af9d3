// Takes the README's screenshots from the real, built app in Debian's Chromium:
//   npm run build:renderer && node scripts/screenshots.mjs   → docs/screenshots/*.png
import { mkdirSync } from 'node:fs';
import { launchChromium, serveBuiltApp } from '../bench/support.mjs';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
const { server, url } = await serveBuiltApp();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.getByRole('button', { name: 'Load example: Customer support' }).click();
  await page.getByRole('button', { name: 'Open Customer support (to-be)', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Dismiss notification' }).click();
  await page.screenshot({ path: `${out}/library.png` });
  await page.getByRole('button', { name: 'Open Customer support (to-be)', exact: true }).click();
  await page.getByRole('group', { name: 'AI-assisted task: Agent edits AI draft' }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/editor.png` });
  await page.getByRole('tab', { name: 'Skills', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search skills' }).fill('verif');
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/ontology.png` });
  // The CHRO lens: per-role skill demand, gap, hours and weeks to close.
  await page.getByRole('tab', { name: 'Skills & learning' }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/skills.png` });
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('combobox', { name: 'Heat on the diagram' }).selectOption('load');
  await page.getByRole('button', { name: 'Fit view' }).click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}/analysis.png` });
  await page.getByRole('tabpanel').evaluate((e) => (e.scrollTop = e.scrollHeight));
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/projection.png` });

  // Swimlanes after auto-layout, with the quick bar of a selected step; then the command palette.
  await page.getByRole('button', { name: 'All workflows' }).click();
  await page.getByRole('button', { name: 'Templates…' }).click();
  await page.getByRole('button', { name: 'Use template IT incident response' }).click();
  await page.getByRole('button', { name: 'All workflows' }).click();
  await page.getByRole('button', { name: 'Open IT incident response (to-be)', exact: true }).click();
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('combobox', { name: 'Heat on the diagram' }).selectOption('off');
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByRole('button', { name: 'Swimlanes' }).click();
  await page.getByRole('button', { name: 'Layout left to right' }).click();
  await page.waitForTimeout(1500);
  await page.getByRole('group', { name: 'AI-assisted task: Diagnose with AI-suggested causes' }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/lanes.png` });
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search actions and steps' }).fill('review');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/palette.png` });
  await page.keyboard.press('Escape');
  console.log(`Screenshots written to ${out}/`);
} finally {
  await browser.close();
  await server.close();
}
