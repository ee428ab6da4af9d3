/**
 * A diagram laid out for printed pages: whole on one page when its smallest text stays legible there, else
 * cut into a grid of overlapping tiles at the smallest legible scale, each tile exactly one page box, with a
 * grid label (row letter, column number) so the parts can be put together again. Never cut, never shrunk
 * below legible text. Pure: the in-app report and the export CLI's HTML report both use it.
 */
import type { SvgDiagram } from './svg';

export interface Tile {
  /** The part of the diagram shown, in diagram units. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** 0-based position in the grid. */
  row: number;
  column: number;
  /** "B3": row letter, column number. */
  label: string;
  /** Printed size, CSS pixels: never larger than the page box. */
  printWidth: number;
  printHeight: number;
}

export interface TileGrid {
  tiles: Tile[];
  rows: number;
  columns: number;
  /** CSS pixels per diagram unit. */
  scale: number;
}

/** "A", "B", … "Z", "AA", "AB", … */
export function rowLetter(row: number): string {
  let n = row + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Start positions of `count` windows of `size` over `total`, overlapping evenly, the last flush with the end. */
function starts(total: number, size: number, overlap: number): number[] {
  if (size >= total) return [0];
  const step = size * (1 - overlap);
  const count = Math.ceil((total - size) / step) + 1;
  return Array.from({ length: count }, (_, i) => Math.min(i * step, total - size));
}

/**
 * The tiles of `diagram` for a page box of `page` CSS pixels, its smallest text at least `minTextPx` on paper
 * (8 px = 6 pt). Tiles overlap by `overlap` of their size.
 */
export function pageTiles(
  diagram: Pick<SvgDiagram, 'width' | 'height' | 'minFontSize'>,
  page: { width: number; height: number },
  minTextPx: number,
  overlap = 0.08,
): TileGrid {
  const whole = Math.min(page.width / diagram.width, page.height / diagram.height);
  const legible = minTextPx / diagram.minFontSize;
  // Whole on one page when legible there; never enlarged beyond 1:1.
  const scale = whole >= legible ? Math.min(1, whole) : legible;
  const tileWidth = Math.min(diagram.width, page.width / scale);
  const tileHeight = Math.min(diagram.height, page.height / scale);
  const xs = starts(diagram.width, tileWidth, overlap);
  const ys = starts(diagram.height, tileHeight, overlap);
  const tiles: Tile[] = [];
  ys.forEach((y, row) =>
    xs.forEach((x, column) =>
      tiles.push({
        x,
        y,
        width: tileWidth,
        height: tileHeight,
        row,
        column,
        label: `${rowLetter(row)}${column + 1}`,
        printWidth: Math.floor(tileWidth * scale * 10) / 10,
        printHeight: Math.floor(tileHeight * scale * 10) / 10,
      }),
    ),
  );
  return { tiles, rows: ys.length, columns: xs.length, scale };
}

const r1 = (v: number) => String(Math.round(v * 10) / 10);

/** The diagram's ids (title, arrow markers) made unique with `prefix`, so several diagrams share a page. */
export function prefixSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/id="(diagram-title|arrow|arrow-rework)"/g, (_m, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#(arrow|arrow-rework)\)/g, (_m, id: string) => `url(#${prefix}-${id})`)
    .replace('aria-labelledby="diagram-title"', `aria-labelledby="${prefix}-diagram-title"`);
}

/**
 * HTML for the tiles of a diagram: one tile is the SVG itself at its printed size; several tiles show one
 * picture of the diagram (a data: URL declared once in a <style>) as each tile's background, cropped and
 * placed to the tile, so a 5,000-step diagram on hundreds of pages is still one copy of the drawing that the
 * browser decodes once (an inline <use> per tile would clone the whole drawing for every tile). Every tile is
 * a <figure> of class report-tile with its grid label in the caption.
 */
export function tiledDiagramHtml(
  diagram: SvgDiagram,
  prefix: string,
  grid: TileGrid,
  title: string,
  escape: (text: string) => string,
): string {
  const svg = prefixSvgIds(diagram.svg, prefix);
  if (grid.tiles.length === 1) {
    const t = grid.tiles[0]!;
    const sized = svg.replace(
      /^<svg([^>]*?) width="[\d.]+" height="[\d.]+"/,
      (_m, attrs: string) => `<svg${attrs} width="${r1(t.printWidth)}" height="${r1(t.printHeight)}"`,
    );
    return `<figure class="report-tile" data-tile="A1">${sized}</figure>`;
  }
  const s = grid.scale;
  // encodeURIComponent leaves no double quote, so the URL is safe inside url("…").
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  const out: string[] = [
    `<style>.${prefix}-picture{background-image:url("${url}");background-repeat:no-repeat;background-size:${r1(diagram.width * s)}px ${r1(diagram.height * s)}px}</style>`,
  ];
  const last = `${rowLetter(grid.rows - 1)}${grid.columns}`;
  for (const t of grid.tiles) {
    const style = `width:${r1(t.printWidth)}px;height:${r1(t.printHeight)}px;background-position:${r1(-t.x * s)}px ${r1(-t.y * s)}px`;
    out.push(
      `<figure class="report-tile" data-tile="${t.label}">`,
      `<div class="report-tile-view ${prefix}-picture" role="img" aria-label="${escape(`${title}, part ${t.label}`)}" data-scale="${s}" style="${style}"></div>`,
      `<figcaption>Part ${t.label} of ${last} (row ${t.row + 1} of ${grid.rows}, column ${t.column + 1} of ${grid.columns}; parts overlap)</figcaption>`,
      '</figure>',
    );
  }
  return out.join('\n');
}
