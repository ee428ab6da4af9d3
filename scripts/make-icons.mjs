// `npm run icons`: renders build/icon.svg into the icon set electron-builder packages, and checks them in:
//
//   build/icon.png            1024×1024 (electron-builder's source icon; also the window icon on Linux)
//   build/icons/NxN.png       16, 32, 48, 64, 128, 256, 512 and 1024 (Linux: AppImage and deb take this folder)
//   build/icon.ico            16–256, as Windows' NSIS installer and the .exe need
//   build/icon.icns           16–1024 with the @2x variants, for macOS
//
// The SVG is rasterised by Chromium (the same Debian Chromium the end-to-end tests use, through
// playwright-core), because ImageMagick's own SVG renderer drops the gradients and clip path. The ICO is
// assembled by ImageMagick (`convert`), the ICNS by the small writer below: both containers simply hold the
// PNGs. Run it again after changing build/icon.svg; the outputs are our own artwork and are committed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = path.join(root, 'build');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

// ICNS entry types holding PNG data, by pixel size (macOS 10.7+). The @2x types share pixel sizes with the
// plain ones of double the point size, so e.g. 32 px is written as both 'icp5' (32 pt) and 'ic11' (16 pt @2x).
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

function fail(message) {
  console.error(message);
  process.exit(1);
}

async function renderPngs(svg, sizes) {
  if (!existsSync(CHROMIUM))
    fail(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const pngs = new Map();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((img) => img.decode());
      pngs.set(
        size,
        await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }),
      );
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

/** An ICNS file: 'icns' + total length, then entries of type + length (both including the 8-byte header). */
export function icnsFrom(pngs) {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = pngs.get(size);
    const header = Buffer.alloc(8);
    header.write(type, 0, 'ascii');
    header.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([header, png]);
  });
  const body = Buffer.concat(entries);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([header, body]);
}

const svg = readFileSync(path.join(buildDir, 'icon.svg'), 'utf8');
const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)])].sort(
  (a, b) => a - b,
);
const pngs = await renderPngs(svg, sizes);

mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
for (const size of LINUX_SIZES)
  writeFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`), pngs.get(size));
writeFileSync(path.join(buildDir, 'icon.png'), pngs.get(1024));
writeFileSync(path.join(buildDir, 'icon.icns'), icnsFrom(pngs));

// ImageMagick stores the small sizes as bitmaps and 256 px as PNG, the layout every Windows version reads.
const icoInputs = ICO_SIZES.map((size) => path.join(buildDir, 'icons', `${size}x${size}.png`));
const temporary = [];
for (const size of ICO_SIZES.filter((s) => !LINUX_SIZES.includes(s))) {
  const file = path.join(buildDir, 'icons', `${size}x${size}.png`);
  writeFileSync(file, pngs.get(size));
  temporary.push(file);
}
try {
  execFileSync('convert', [...icoInputs, path.join(buildDir, 'icon.ico')], { stdio: 'inherit' });
} catch (error) {
  fail(
    `ImageMagick's convert could not write build/icon.ico (${error.message}); apt-get install -y imagemagick.`,
  );
} finally {
  for (const file of temporary) rmSync(file, { force: true });
}

console.log(
  `Wrote build/icon.png, build/icons/{${LINUX_SIZES.join(',')}}.png, build/icon.ico (${ICO_SIZES.join(', ')}) and build/icon.icns.`,
);
