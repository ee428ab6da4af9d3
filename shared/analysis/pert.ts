/**
 * Three-point (PERT) estimates of processing time. With minimum a, most likely m and maximum b, the PERT
 * (beta) approximation gives mean (a + 4m + b) / 6 and standard deviation (b − a) / 6 (Malcolm, Roseboom,
 * Clark & Fazar, "Application of a technique for research and development program evaluation", Operations
 * Research 7(5), 1959).
 */
import type { Duration } from '../model/schema';

export interface PertEstimate {
  /** Mean, (a + 4m + b) / 6, in the unit of the estimate (minutes in Coarchitect). */
  mean: number;
  /** Standard deviation, (b − a) / 6. */
  sd: number;
  /** Variance, sd². */
  variance: number;
  /** Coefficient of variation, sd / mean; 0 when the mean is 0 (then the time is always 0). */
  cv: number;
  /** Second moment E[T²] = variance + mean², used to mix the times of several steps. */
  secondMoment: number;
}

export const ZERO_ESTIMATE: PertEstimate = { mean: 0, sd: 0, variance: 0, cv: 0, secondMoment: 0 };

export function pert(duration: Pick<Duration, 'min' | 'likely' | 'max'>): PertEstimate {
  const { min: a, likely: m, max: b } = duration;
  const mean = (a + 4 * m + b) / 6;
  const sd = Math.abs(b - a) / 6;
  const variance = sd * sd;
  return { mean, sd, variance, cv: mean > 0 ? sd / mean : 0, secondMoment: variance + mean * mean };
}
