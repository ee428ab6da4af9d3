/**
 * Print tiles by hand-computed cases: a diagram that fits stays whole (never enlarged), a wide one is cut into
 * overlapping columns at the legible scale, a huge one into a grid, and every tile fits the page box.
 */
import { describe, expect, it } from 'vitest';
import { pageTiles, prefixSvgIds, rowLetter, tiledDiagramHtml } from '../../../shared/report/tiles';
import { escapeXml } from '../../../shared/report/escape';

const page = { width: 1000, height: 600 };

describe('pageTiles', () => {
  it('keeps a small diagram whole at 1:1', () => {
    const grid = pageTiles({ width: 500, height: 300, minFontSize: 12 }, page, 8);
    expect(grid.tiles).toHaveLength(1);
    expect(grid.scale).toBe(1);
    expect(grid.tiles[0]).toMatchObject({
      x: 0,
      y: 0,
      width: 500,
      height: 300,
      label: 'A1',
      printWidth: 500,
    });
  });

  it('shrinks a diagram to the page while its text stays at or above 8 px', () => {
    // 1500 wide: scale 1000/1500 = 0.667, text 12 × 0.667 = 8 px exactly.
    const grid = pageTiles({ width: 1500, height: 300, minFontSize: 12 }, page, 8);
    expect(grid.tiles).toHaveLength(1);
    expect(grid.scale).toBeCloseTo(2 / 3, 6);
  });

  it('cuts a wide diagram into overlapping columns at the legible scale', () => {
    // Legible scale 8/12; a tile is 1000 / (2/3) = 1500 units wide; step 1500 × 0.92 = 1380;
    // 3000 units: ceil((3000 − 1500) / 1380) + 1 = 3 columns at 0, 1380, 1500 (the last flush right).
    const grid = pageTiles({ width: 3000, height: 300, minFontSize: 12 }, page, 8);
    expect(grid.columns).toBe(3);
    expect(grid.rows).toBe(1);
    expect(grid.tiles.map((t) => t.x)).toEqual([0, 1380, 1500]);
    expect(grid.tiles.map((t) => t.label)).toEqual(['A1', 'A2', 'A3']);
    for (const t of grid.tiles) expect(t.width).toBe(1500);
  });

  it('cuts a huge diagram into a grid, every tile inside the page box', () => {
    const grid = pageTiles({ width: 200_000, height: 5_000, minFontSize: 12 }, page, 8);
    expect(grid.rows).toBeGreaterThan(1);
    expect(grid.columns).toBeGreaterThan(100);
    expect(grid.tiles).toHaveLength(grid.rows * grid.columns);
    for (const t of grid.tiles) {
      expect(t.printWidth).toBeLessThanOrEqual(page.width);
      expect(t.printHeight).toBeLessThanOrEqual(page.height);
      expect(t.x + t.width).toBeLessThanOrEqual(200_000 + 1e-6);
      expect(t.y + t.height).toBeLessThanOrEqual(5_000 + 1e-6);
    }
    // Text never below 8 px.
    expect(grid.scale * 12).toBeGreaterThanOrEqual(8 - 1e-9);
  });

  it('labels rows A…Z, AA…', () => {
    expect([0, 25, 26, 27, 51, 52].map(rowLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
});

describe('tiledDiagramHtml', () => {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="300" viewBox="0 0 3000 300" role="img" aria-labelledby="diagram-title"><title id="diagram-title">x</title><defs><marker id="arrow"/></defs><path marker-end="url(#arrow)"/></svg>\n';
  const diagram = { svg, width: 3000, height: 300, minFontSize: 12, boxes: new Map() };

  it('declares the picture once and shows each tile as its cropped background', () => {
    const grid = pageTiles(diagram, page, 8);
    const html = tiledDiagramHtml(diagram, 'as-is', grid, 'Flow <b>', escapeXml);
    expect(html.match(/data:image\/svg\+xml/g)).toHaveLength(1);
    expect(html.match(/class="report-tile-view as-is-picture"/g)).toHaveLength(3);
    // Scale 2/3: the second tile starts at 1380 units = 920 px; the picture is 2000 × 200 px.
    expect(html).toContain('background-position:-920px 0px');
    expect(html).toContain('background-size:2000px 200px');
    expect(html).toContain('Part A3 of A3 (row 1 of 1, column 3 of 3; parts overlap)');
    expect(html).toContain('aria-label="Flow &lt;b&gt;, part A1"');
    const url = decodeURIComponent(/url\("data:image\/svg\+xml;charset=utf-8,([^"]*)"\)/.exec(html)![1]!);
    expect(url).toContain('url(#as-is-arrow)');
    expect(url).not.toContain('id="arrow"');
  });

  it('prints a single tile at its size', () => {
    const small = { ...diagram, width: 500 };
    const html = tiledDiagramHtml(small, 'p', pageTiles(small, page, 8), 't', escapeXml);
    expect(html).toContain('width="500" height="300"');
    expect(prefixSvgIds(svg, 'p')).toContain('aria-labelledby="p-diagram-title"');
  });
});
