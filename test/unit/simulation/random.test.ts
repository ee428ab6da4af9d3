import { describe, expect, it } from 'vitest';
import { gammaConstants, pertMoments, pertShape, Random } from '../../../shared/simulation/random';

const N = 200_000;

function moments(sample: (r: Random) => number, seed = 7, n = N) {
  const rng = new Random(seed);
  let sum = 0;
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = sample(rng);
    sum += x;
    squares += x * x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = sum / n;
  return { mean, variance: squares / n - mean * mean, min, max };
}

describe('xoshiro128**', () => {
  it('reproduces the reference output for the state {1, 2, 3, 4}', () => {
    // First outputs of the reference C implementation (prng.di.unimi.it/xoshiro128starstar.c) from s = {1, 2, 3, 4}.
    const rng = Random.fromState(1, 2, 3, 4);
    const out = Array.from({ length: 6 }, () => rng.nextUint32());
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('gives the same stream for the same seed and stream, different ones otherwise', () => {
    const take = (seed: number, stream = 0) => {
      const r = new Random(seed, stream);
      return Array.from({ length: 8 }, () => r.nextUint32());
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    expect(take(42, 0)).not.toEqual(take(42, 1));
    expect(take(2 ** 40)).not.toEqual(take(0));
  });

  it('is uniform on [0, 1): mean 1/2, variance 1/12', () => {
    const m = moments((r) => r.next());
    expect(m.mean).toBeCloseTo(0.5, 2);
    expect(m.variance).toBeCloseTo(1 / 12, 3);
    expect(m.min).toBeGreaterThanOrEqual(0);
    expect(m.max).toBeLessThan(1);
  });
});

describe('continuous distributions', () => {
  it('exponential has the requested mean and variance mean²', () => {
    const m = moments((r) => r.exponential(3));
    expect(m.mean).toBeCloseTo(3, 1);
    expect(Math.abs(m.variance - 9) / 9).toBeLessThan(0.03);
  });

  it('standard normal has mean 0 and variance 1', () => {
    const m = moments((r) => r.normal());
    expect(Math.abs(m.mean)).toBeLessThan(0.01);
    expect(Math.abs(m.variance - 1)).toBeLessThan(0.02);
  });

  it('Gamma(k) has mean k and variance k, also for k < 1', () => {
    for (const k of [0.5, 1, 2.5, 5]) {
      const m = moments((r) => r.gamma(k), 11);
      expect(Math.abs(m.mean - k) / k).toBeLessThan(0.02);
      expect(Math.abs(m.variance - k) / k).toBeLessThan(0.04);
      expect(m.min).toBeGreaterThan(0);
    }
    expect(() => gammaConstants(0.5)).toThrow(RangeError);
  });
});

describe('PERT-Beta', () => {
  it('has α = 1 + 4(m − a)/(b − a) and β = 1 + 4(b − m)/(b − a)', () => {
    // a = 4, m = 7, b = 15: α = 1 + 12/11, β = 1 + 32/11; α + β = 6 always.
    const { alpha, beta } = pertShape(4, 7, 15);
    expect(alpha).toBeCloseTo(1 + 12 / 11, 12);
    expect(beta).toBeCloseTo(1 + 32 / 11, 12);
    expect(alpha + beta).toBeCloseTo(6, 12);
  });

  it.each([
    [4, 7, 15],
    [0, 0.1, 0.5],
    [1, 1, 3],
    [2, 5, 8],
    [10, 30, 30],
  ])(
    'a = %d, m = %d, b = %d: mean (a + 4m + b)/6 and the Beta variance over 200k samples, within [a, b]',
    (a, m, b) => {
      const expected = pertMoments(a, m, b);
      expect(expected.mean).toBeCloseTo((a + 4 * m + b) / 6, 12);
      const { alpha, beta } = pertShape(a, m, b);
      expect(expected.variance).toBeCloseTo(
        (alpha * beta * (b - a) ** 2) / ((alpha + beta) ** 2 * (alpha + beta + 1)),
        12,
      );
      const s = moments((r) => r.pert(a, m, b), 3);
      const sd = Math.sqrt(expected.variance);
      // Standard error of the mean is sd / √200000 ≈ 0.0022 sd; allow 5 of them.
      expect(Math.abs(s.mean - expected.mean)).toBeLessThan(5 * (sd / Math.sqrt(N)) + 1e-12);
      expect(Math.abs(s.variance - expected.variance) / expected.variance).toBeLessThan(0.02);
      expect(s.min).toBeGreaterThanOrEqual(a);
      expect(s.max).toBeLessThanOrEqual(b);
    },
  );

  it('returns a when a = b', () => {
    const rng = new Random(1);
    expect(rng.pert(5, 5, 5)).toBe(5);
    expect(rng.pert(0, 0, 0)).toBe(0);
    expect(pertMoments(5, 5, 5)).toEqual({ mean: 5, variance: 0 });
  });
});
