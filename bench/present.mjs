// Presenting and handing out (issue 13), in Debian's Chromium against the built app:
//   - slide changes of the customer-support story at 1920×1080 (≤ 100 ms), key press to the next frame,
//     over every slide three times;
//   - a 2× PNG of a 500-step diagram (≤ 1 s): the shared SVG rasterised on a canvas as Export PNG does;
//   - the report of each example printed to PDF with page.pdf(), the print engine behind printToPDF (≤ 3 s).
//   npm run build:renderer && node bench/present.mjs [--runs N]
import { benchArgs, importShared, launchChromium, median, serveBuiltApp } from './support.mjs';

const SLIDE_TARGET_MS = 100;
const PNG_TARGET_MS = 1000;
const PDF_TARGET_MS = 3000;
const { runs } = benchArgs({ runs: 3 });
let failed = false;
const verdict = (ok) => {
  if (!ok) failed = true;
  return ok ? 'ok' : 'TOO SLOW';
};

const { largeWorkspace, renderWorkflowSvg } = await importShared(
  "export { largeWorkspace } from './shared/examples/largeWorkflow'; export { renderWorkflowSvg } from './shared/report/svg';",
);
const { server, url } = await serveBuiltApp();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(url);
  await page.getByRole('button', { name: 'Load example: Customer support' }).click();
  await page.getByRole('button', { name: 'Open Customer support (to-be)', exact: true }).click();
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await page.getByRole('dialog', { name: 'Presentation' }).waitFor();
  // Main-thread tasks over 50 ms while the slides change (the Long Tasks API reports exactly those).
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const times = [];
  for (let i = 0; i < 27; i += 1) {
    const key = i % 9 === 8 ? 'Home' : 'ArrowRight';
    times.push(
      await page.evaluate(
        (k) =>
          new Promise((resolve) => {
            const started = performance.now();
            window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
          }),
        key,
      ),
    );
  }
  const max = Math.max(...times);
  const longTasks = await page.evaluate(() => window.__longTasks);
  console.log(
    `Slide change (9 slides, customer support, 1920×1080): median ${median(times).toFixed(1)} ms, max ${max.toFixed(1)} ms over ${times.length} changes, target ≤ ${SLIDE_TARGET_MS} ms: ${verdict(max <= SLIDE_TARGET_MS)}; main-thread tasks over 50 ms: ${longTasks.length === 0 ? 'none' : longTasks.map((d) => `${d.toFixed(0)} ms`).join(', ')} (target none): ${verdict(longTasks.length === 0)}`,
  );
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // 2× PNG of 500 steps: the SVG drawn in Node, rasterised in the page exactly as renderer/present/exports.ts.
  const ws = largeWorkspace(500);
  const svgStart = performance.now();
  const diagram = renderWorkflowSvg(ws.workflows[0], { roles: ws.roles });
  const svgMs = performance.now() - svgStart;
  const pngTimes = [];
  let pngBytes = 0;
  for (let i = 0; i < runs; i += 1) {
    const { ms, bytes } = await page.evaluate(
      async ({ svg, width, height }) => {
        const started = performance.now();
        const src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
        const image = new Image();
        image.width = width;
        image.height = height;
        await new Promise((resolve, reject) => {
          image.onload = resolve;
          image.onerror = reject;
          image.src = src;
        });
        const canvas = document.createElement('canvas');
        canvas.width = width * 2;
        canvas.height = height * 2;
        canvas.getContext('2d').drawImage(image, 0, 0, width * 2, height * 2);
        const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
        URL.revokeObjectURL(src);
        return { ms: performance.now() - started, bytes: blob.size };
      },
      { svg: diagram.svg, width: diagram.width, height: diagram.height },
    );
    pngTimes.push(ms);
    pngBytes = bytes;
  }
  const png = median(pngTimes);
  console.log(
    `2× PNG of 500 steps (${diagram.width * 2} × ${diagram.height * 2} px, ${(pngBytes / 1024).toFixed(0)} kB; SVG ${svgMs.toFixed(0)} ms in Node): median ${png.toFixed(0)} ms over ${runs} runs, target ≤ ${PNG_TARGET_MS} ms: ${verdict(png <= PNG_TARGET_MS)}`,
  );

  // The report of each example to PDF.
  for (const [example, workflow] of [
    ['Customer support', 'Customer support (to-be)'],
    ['Invoice processing', 'Invoice processing (to-be)'],
  ]) {
    const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await p.goto(url);
    await p.getByRole('button', { name: `Load example: ${example}` }).click();
    await p.getByRole('button', { name: `Open ${workflow}`, exact: true }).click();
    await p.getByRole('button', { name: 'Story…', exact: true }).click();
    await p.getByRole('dialog', { name: 'Story' }).getByRole('button', { name: 'Print report…' }).click();
    await p.getByRole('dialog', { name: 'Report' }).waitFor();
    await p.emulateMedia({ media: 'print' });
    const pdfTimes = [];
    let size = 0;
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      const pdf = await p.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        tagged: true,
        outline: true,
      });
      pdfTimes.push(performance.now() - started);
      size = pdf.length;
    }
    const ms = median(pdfTimes);
    console.log(
      `Report of ${workflow} to PDF (${(size / 1024).toFixed(0)} kB): median ${ms.toFixed(0)} ms over ${runs} runs, target ≤ ${PDF_TARGET_MS} ms: ${verdict(ms <= PDF_TARGET_MS)}`,
    );
    await p.close();
  }
} finally {
  await browser.close();
  await server.close();
}
if (failed) process.exitCode = 1;
