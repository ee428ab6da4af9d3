import { describe, expect, it } from 'vitest';
import { legibleViewport } from '../../renderer/editor/legibleFit';

// A left-to-right flow 2,000 × 200 px at x 100, y 50 on a 700 × 600 canvas; legible zoom 0.9, padding 24.
const bounds = { x: 100, y: 50, width: 2000, height: 200 };
const screen = { width: 700, height: 600 };

describe('legibleViewport', () => {
  it('keeps a complete fit that is already legible', () => {
    const fitted = { x: 5, y: 6, zoom: 1 };
    expect(legibleViewport(bounds, screen, fitted, 0.9, 24)).toBe(fitted);
  });

  it('zooms in to the legible zoom and shows the start of a wide flow, centred vertically', () => {
    const v = legibleViewport(bounds, screen, { x: 0, y: 0, zoom: 0.3 }, 0.9, 24);
    expect(v.zoom).toBe(0.9);
    // Left edge at the padding: 24 − 100 × 0.9 = −66.
    expect(v.x).toBeCloseTo(-66);
    // 200 × 0.9 = 180 drawn, fits in 600: (600 − 180) / 2 − 50 × 0.9 = 210 − 45 = 165.
    expect(v.y).toBeCloseTo(165);
  });

  it('centres the selection when the flow overflows', () => {
    const focus = { x: 1500, y: 100, width: 200, height: 80 };
    const v = legibleViewport(bounds, screen, { x: 0, y: 0, zoom: 0.3 }, 0.9, 24, focus);
    // Selection centre 1,600 → 350 − 1,600 × 0.9 = −1,090.
    expect(v.x).toBeCloseTo(-1090);
    expect(v.y).toBeCloseTo(165);
  });
});
