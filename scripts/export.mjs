// `npm run export -- FILE --workflow NAME --svg out.svg --png out.png --csv DIR --report out.html --pdf out.pdf`:
// bundles the pure planner in shared/report/exportCli.ts with esbuild (in memory), writes the text files it
// plans, and hands PNG (the SVG rasterised) and PDF (the report printed) to Chromium through playwright-core.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const bundle = await build({
  absWorkingDir: root,
  stdin: {
    contents: "export { planExport } from './shared/report/exportCli';",
    resolveDir: root,
    loader: 'ts',
    sourcefile: 'export-entry.ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  logLevel: 'error',
});
const code = bundle.outputFiles[0].text;
const { planExport } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

// npm runs scripts from the package root; resolve the user's paths against where they typed the command.
const cwd = process.env.INIT_CWD ?? process.cwd();
const at = (path) => resolve(cwd, path);
const today = new Date().toISOString().slice(0, 10);
const plan = planExport(process.argv.slice(2), (path) => readFileSync(at(path), 'utf8'), today);
process.stderr.write(plan.stderr);
if (plan.exitCode !== 0) {
  process.stdout.write(plan.stdout);
  process.exit(plan.exitCode);
}

const write = (path, content) => {
  mkdirSync(dirname(at(path)), { recursive: true });
  writeFileSync(at(path), content);
};
for (const file of plan.files) write(file.path, file.content);
process.stdout.write(plan.stdout);

if (plan.png || plan.pdf) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    chromium = null;
  }
  if (!chromium || !existsSync(CHROMIUM_PATH)) {
    console.error(
      `PNG and PDF need Chromium (${CHROMIUM_PATH}${chromium ? ' is missing' : ' or playwright-core is missing'}): install it (apt-get install -y chromium) or set CHROMIUM_PATH. The other files were written.`,
    );
    process.exit(3);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    if (plan.png) {
      const { svg, width, height, scale } = plan.png;
      const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: scale });
      // The SVG as an image: no script of the page runs, and the PNG is exactly the SVG.
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(
        `<!doctype html><style>html,body{margin:0}img{display:block}</style><img alt="" width="${width}" height="${height}" src="${src}">`,
      );
      await page.locator('img').evaluate((img) => img.decode());
      write(plan.png.path, await page.screenshot({ clip: { x: 0, y: 0, width, height }, type: 'png' }));
      await page.close();
      console.log(`PNG ${width * scale} × ${height * scale} (${scale}×): ${plan.png.path}`);
    }
    if (plan.pdf) {
      const page = await browser.newPage();
      await page.setContent(plan.pdf.html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      write(
        plan.pdf.path,
        await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }),
      );
      await page.close();
      console.log(`PDF: ${plan.pdf.path}`);
    }
  } finally {
    await browser.close();
  }
}
