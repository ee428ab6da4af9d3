/** Diagram fitting on slides: whole when legible, else a window at the legible scale around the focus. */
import { describe, expect, it } from 'vitest';
import { fitDiagram, printTiles, unionOf, zoomTo } from '../../../renderer/present/fit';

const diagram = { width: 2000, height: 500, minFontSize: 12 };

describe('fitDiagram', () => {
  it('shows the whole diagram when its smallest text stays at or above the minimum', () => {
    // 1600 / 2000 = 0.8; 12 × 0.8 = 9.6 px ≥ 9 px.
    const fit = fitDiagram({ diagram, area: { width: 1600, height: 900 }, minTextPx: 9, focus: null });
    expect(fit).toEqual({ viewBox: { x: 0, y: 0, width: 2000, height: 500 }, scale: 0.8, cropped: false });
  });

  it('crops to a window at the legible scale around the focus, kept inside the diagram', () => {
    // legible scale = 12 / 12 = 1 → a 1000 × 600 window; the focus at x 1800 pushes it to the right edge.
    const fit = fitDiagram({
      diagram,
      area: { width: 1000, height: 600 },
      minTextPx: 12,
      focus: { x: 1750, y: 200, width: 100, height: 100 },
    });
    expect(fit.cropped).toBe(true);
    expect(fit.scale).toBe(1);
    // Wider than the diagram's height: centred vertically ((500 − 600) / 2 = −50).
    expect(fit.viewBox).toEqual({ x: 1000, y: -50, width: 1000, height: 600 });
    const left = fitDiagram({
      diagram,
      area: { width: 1000, height: 600 },
      minTextPx: 12,
      focus: { x: 0, y: 0, width: 100, height: 100 },
    });
    expect(left.viewBox.x).toBe(0);
    // 400 wide focus centre at 1000: window 500..1500.
    const mid = fitDiagram({
      diagram,
      area: { width: 1000, height: 600 },
      minTextPx: 12,
      focus: { x: 800, y: 0, width: 400, height: 10 },
    });
    expect(mid.viewBox.x).toBe(500);
  });

  it('zooms to a walk stop at most 1.6× and never below the legible scale', () => {
    const box = { x: 900, y: 200, width: 200, height: 80 };
    // min(1.6, 1920×0.25/200 = 2.4, 1000×0.4/80 = 5) = 1.6.
    const big = zoomTo(box, diagram, { width: 1920, height: 1000 }, 12);
    expect(big.scale).toBe(1.6);
    expect(big.viewBox.width).toBe(1200);
    expect(big.viewBox.x + big.viewBox.width / 2).toBe(1000);
    // 400×0.25/200 = 0.5 < legible 1 → 1.
    expect(zoomTo(box, diagram, { width: 400, height: 300 }, 12).scale).toBe(1);
  });

  it('unites boxes', () => {
    expect(unionOf([])).toBeNull();
    expect(
      unionOf([
        { x: 10, y: 20, width: 10, height: 10 },
        { x: 40, y: 5, width: 10, height: 10 },
      ]),
    ).toEqual({ x: 10, y: 5, width: 40, height: 25 });
  });
});

describe('printTiles', () => {
  it('keeps a diagram whole when its text stays legible at page width', () => {
    // 1000 / 1200 × 12 = 10 px ≥ 8 px.
    expect(printTiles({ width: 1200, height: 400, minFontSize: 12 }, 1000, 8)).toEqual([
      { x: 0, y: 0, width: 1200, height: 400 },
    ]);
  });

  it('tiles a wide diagram in overlapping columns at the legible scale, the last ending at the edge', () => {
    // Tile width = 1000 × 12 / 8 = 1500 units, step 1500 × 0.9 = 1350: tiles at 0, 1350, then 3000 − 1500.
    const tiles = printTiles({ width: 3000, height: 600, minFontSize: 12 }, 1000, 8, 0.1);
    expect(tiles.map((t) => [t.x, t.width])).toEqual([
      [0, 1500],
      [1350, 1500],
      [1500, 1500],
    ]);
    // 2228 wide (the customer-support to-be) on a 1047 px A4 landscape page: 2 tiles.
    expect(printTiles({ width: 2228, height: 488, minFontSize: 12 }, 1047, 8)).toHaveLength(2);
  });
});
