/**
 * Output analysis of the simulation: every figure is computed once per replication, and the replications
 * (independent, each with its own random stream) are summarised by their mean and a 95% confidence
 * interval from Student's t distribution, mean ± t(0.975, n − 1) · s / √n (Law, "Simulation Modeling and
 * Analysis", 5th ed., 2015, §9.4.1: the method of independent replications).
 */
import type { Estimate, HistogramBin } from './types';

/** Two-sided 95% quantiles t(0.975, ν) for ν = 1…30 (standard tables, four decimals). */
const T_975 = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604,
  2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555,
  2.0518, 2.0484, 2.0452, 2.0423,
];

const Z_975 = 1.959963984540054;

/**
 * t(0.975, ν): the table for ν ≤ 30, beyond it the Cornish–Fisher expansion of t around the normal quantile
 * (Abramowitz & Stegun 26.7.5), accurate to better than 10⁻⁴ for ν > 30.
 */
export function tQuantile975(degreesOfFreedom: number): number {
  const v = Math.floor(degreesOfFreedom);
  if (v < 1) return NaN;
  if (v <= T_975.length) return T_975[v - 1]!;
  const z = Z_975;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
}

/**
 * Mean and 95% confidence interval of per-replication values. Values that are not finite (a figure that a
 * replication could not measure, e.g. a cycle time when no case finished) are left out; null when none is
 * left. With one value the half-width is null (no spread to estimate).
 */
export function estimate(values: readonly number[]): Estimate | null {
  let n = 0;
  let sum = 0;
  for (const x of values) {
    if (Number.isFinite(x)) {
      n++;
      sum += x;
    }
  }
  if (n === 0) return null;
  const mean = sum / n;
  if (n === 1) return { mean, halfWidth: null, low: mean, high: mean, n };
  let squares = 0;
  for (const x of values) {
    if (Number.isFinite(x)) squares += (x - mean) * (x - mean);
  }
  const sd = Math.sqrt(squares / (n - 1));
  const halfWidth = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return { mean, halfWidth, low: mean - halfWidth, high: mean + halfWidth, n };
}

/** The p-quantile (0 ≤ p ≤ 1) of the first `length` values of an ascending array, interpolating linearly. */
export function quantileSorted(sorted: ArrayLike<number>, p: number, length = sorted.length): number {
  if (length === 0) return NaN;
  const h = (length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, length - 1);
  const a = sorted[lo]!;
  return a + (h - lo) * (sorted[hi]! - a);
}

/** Quantile points kept from one replication to draw the pooled histogram: QUANTILE_POINTS of them. */
export const QUANTILE_POINTS = 1000;

/** One replication's cycle-time distribution as QUANTILE_POINTS mid-point quantiles and its case count. */
export interface DistributionSketch {
  points: Float64Array;
  cases: number;
}

export function sketchSorted(sorted: ArrayLike<number>, length: number): DistributionSketch {
  const points = new Float64Array(QUANTILE_POINTS);
  for (let k = 0; k < QUANTILE_POINTS; k++)
    points[k] = quantileSorted(sorted, (k + 0.5) / QUANTILE_POINTS, length);
  return { points, cases: length };
}

/**
 * A histogram with `bins` equal bins from the smallest to the largest value seen, pooled over replications:
 * each replication's quantile points carry 1/QUANTILE_POINTS of its cases, so a replication with more
 * finished cases weighs more. Shares add up to 1.
 */
export function pooledHistogram(
  sketches: readonly DistributionSketch[],
  minimum: number,
  maximum: number,
  bins: number,
): HistogramBin[] {
  let total = 0;
  for (const s of sketches) total += s.cases;
  if (!(total > 0) || !Number.isFinite(minimum) || !Number.isFinite(maximum)) return [];
  const lo = minimum;
  const hi = maximum > minimum ? maximum : minimum + 1;
  const width = (hi - lo) / bins;
  const weights = new Float64Array(bins);
  for (const s of sketches) {
    const w = s.cases / QUANTILE_POINTS / total;
    for (let k = 0; k < s.points.length; k++) {
      const b = Math.min(bins - 1, Math.max(0, Math.floor((s.points[k]! - lo) / width)));
      weights[b] = weights[b]! + w;
    }
  }
  return Array.from(weights, (share, b) => ({ from: lo + b * width, to: lo + (b + 1) * width, share }));
}
