import { describe, expect, it } from 'vitest';
import {
  estimate,
  pooledHistogram,
  QUANTILE_POINTS,
  quantileSorted,
  sketchSorted,
  tQuantile975,
} from '../../../shared/simulation/statistics';

describe('Student t quantiles', () => {
  it('match tables: t(0.975, 1) = 12.706, t(0.975, 9) = 2.262, t(0.975, 30) = 2.042', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(9)).toBeCloseTo(2.262, 3);
    expect(tQuantile975(30)).toBeCloseTo(2.042, 3);
  });

  it('continue smoothly beyond the table: t(0.975, 40) = 2.0211, t(0.975, 120) = 1.9799, → 1.96', () => {
    expect(tQuantile975(31)).toBeLessThan(tQuantile975(30));
    expect(tQuantile975(40)).toBeCloseTo(2.0211, 4);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 4);
    expect(tQuantile975(120)).toBeCloseTo(1.9799, 4);
    expect(tQuantile975(1e9)).toBeCloseTo(1.96, 3);
    expect(tQuantile975(0)).toBeNaN();
  });
});

describe('estimate', () => {
  it('gives mean ± t · s / √n', () => {
    // Values 1…5: mean 3, s = √2.5 ≈ 1.5811, t(0.975, 4) = 2.7764 → half-width 2.7764 · 1.5811 / √5 ≈ 1.9632.
    const e = estimate([1, 2, 3, 4, 5])!;
    expect(e.mean).toBe(3);
    expect(e.halfWidth).toBeCloseTo(1.9632, 4);
    expect(e.low).toBeCloseTo(3 - 1.9632, 4);
    expect(e.high).toBeCloseTo(3 + 1.9632, 4);
    expect(e.n).toBe(5);
  });

  it('leaves out values a replication could not measure, and has no interval for one value', () => {
    expect(estimate([NaN, 4, NaN])).toEqual({ mean: 4, halfWidth: null, low: 4, high: 4, n: 1 });
    expect(estimate([NaN])).toBeNull();
    expect(estimate([])).toBeNull();
  });
});

describe('quantiles and histogram', () => {
  it('interpolates quantiles linearly', () => {
    const sorted = [1, 2, 3, 4];
    expect(quantileSorted(sorted, 0)).toBe(1);
    expect(quantileSorted(sorted, 0.5)).toBe(2.5);
    expect(quantileSorted(sorted, 0.9)).toBeCloseTo(3.7, 12);
    expect(quantileSorted(sorted, 1)).toBe(4);
    expect(quantileSorted(sorted, 0.5, 3)).toBe(2);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('pools replications by their case counts into shares that add up to 1', () => {
    const a = Float64Array.from({ length: 1000 }, (_, i) => i / 1000); // uniform on [0, 1)
    const b = Float64Array.from({ length: 3000 }, () => 0.95);
    const hist = pooledHistogram([sketchSorted(a, a.length), sketchSorted(b, b.length)], 0, 1, 10);
    expect(hist).toHaveLength(10);
    expect(hist.reduce((s, bin) => s + bin.share, 0)).toBeCloseTo(1, 12);
    // a (1000 cases) spreads 10% of its weight per bin; b (3000 cases) is all in the last bin.
    expect(hist[0]!.share).toBeCloseTo(0.025, 3);
    expect(hist[9]!.share).toBeCloseTo(0.025 + 0.75, 3);
    expect(hist[0]!.from).toBe(0);
    expect(hist[9]!.to).toBeCloseTo(1, 12);
    expect(sketchSorted(a, a.length).points).toHaveLength(QUANTILE_POINTS);
    expect(pooledHistogram([], 0, 1, 10)).toEqual([]);
  });
});
