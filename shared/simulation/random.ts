/**
 * Seeded random numbers for the simulation: the same seed gives the same stream on every platform.
 *
 * - Generator: xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
 *   47(4), 2021), 128 bits of state in four 32-bit words, period 2¹²⁸ − 1, seeded through SplitMix32 so that
 *   nearby seeds (1, 2, 3…) give unrelated streams. Each replication gets its own stream (seed, stream).
 * - Normal variates: Marsaglia's polar method (the second variate of each pair is kept for the next call).
 * - Gamma variates: Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3),
 *   2000; shapes below 1 via Gamma(k) = Gamma(k + 1) · U^(1/k).
 * - Beta(α, β) = X / (X + Y) with X ~ Gamma(α), Y ~ Gamma(β).
 * - PERT-Beta on [a, b] with mode m: a + (b − a) · Beta(α, β), α = 1 + 4(m − a)/(b − a),
 *   β = 1 + 4(b − m)/(b − a), whose mean is (a + 4m + b) / 6 (Vose, "Risk Analysis", 3rd ed., 2008, §III.8).
 */

const TWO_POW_32 = 4294967296;

/** One step of SplitMix32 (a 32-bit relative of Steele, Lea & Flood's SplitMix64): a well-mixed 32-bit word. */
function splitMix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Precomputed constants of Marsaglia–Tsang for one shape k ≥ 1: d = k − 1/3, c = 1/√(9d). */
export interface GammaConstants {
  d: number;
  c: number;
}

export function gammaConstants(shape: number): GammaConstants {
  if (!(shape >= 1)) throw new RangeError(`gammaConstants needs a shape of at least 1 (got ${shape})`);
  const d = shape - 1 / 3;
  return { d, c: 1 / Math.sqrt(9 * d) };
}

/** Shape parameters of the PERT-Beta distribution with minimum a, mode m and maximum b (a < b). */
export function pertShape(a: number, m: number, b: number): { alpha: number; beta: number } {
  const range = b - a;
  return { alpha: 1 + (4 * (m - a)) / range, beta: 1 + (4 * (b - m)) / range };
}

/** Mean and variance of the PERT-Beta distribution: (a + 4m + b)/6 and αβ(b − a)² / ((α + β)²(α + β + 1)). */
export function pertMoments(a: number, m: number, b: number): { mean: number; variance: number } {
  const mean = (a + 4 * m + b) / 6;
  if (!(b > a)) return { mean: a, variance: 0 };
  const { alpha, beta } = pertShape(a, m, b);
  const s = alpha + beta; // always 6
  const range = b - a;
  return { mean, variance: (alpha * beta * range * range) / (s * s * (s + 1)) };
}

export class Random {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spare = 0;
  private hasSpare = false;

  /**
   * @param seed any finite number; its integer part (up to 2⁵³) selects the stream family.
   * @param stream a second number mixed in, e.g. the replication index, for independent sub-streams.
   */
  constructor(seed: number, stream = 0) {
    const integer = Math.trunc(Number.isFinite(seed) ? seed : 0);
    const low = (integer % TWO_POW_32) | 0;
    const high = Math.trunc(integer / TWO_POW_32) | 0;
    let x = splitMix32(low ^ 0x2545f491);
    x = splitMix32(x ^ high);
    x = splitMix32(x ^ Math.trunc(stream));
    // Fill the state with successive SplitMix32 outputs (a Weyl sequence step of the golden ratio apart).
    const golden = 0x9e3779b9;
    this.s0 = splitMix32(x + golden);
    this.s1 = splitMix32(x + 2 * golden);
    this.s2 = splitMix32(x + 3 * golden);
    this.s3 = splitMix32(x + 4 * golden);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator with the given raw state (not all zero), e.g. to check the published test vectors. */
  static fromState(s0: number, s1: number, s2: number, s3: number): Random {
    const r = new Random(0);
    r.s0 = s0 | 0;
    r.s1 = s1 | 0;
    r.s2 = s2 | 0;
    r.s3 = s3 | 0;
    return r;
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  }

  /** Uniform on [0, 1), in steps of 2⁻³². */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** Uniform on (0, 1): never exactly 0 or 1, safe to take the logarithm of. */
  nextOpen(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(this.nextOpen());
  }

  /** Standard normal (Marsaglia's polar method). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }

  /** Gamma(k, 1) for k ≥ 1 from precomputed constants (see gammaConstants); the fast path of the simulation. */
  gammaWith(d: number, c: number): number {
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.nextOpen();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Gamma(shape, 1) for any shape > 0. */
  gamma(shape: number): number {
    if (shape >= 1) {
      const { d, c } = gammaConstants(shape);
      return this.gammaWith(d, c);
    }
    const { d, c } = gammaConstants(shape + 1);
    return this.gammaWith(d, c) * Math.pow(this.nextOpen(), 1 / shape);
  }

  /** Beta(α, β) on [0, 1]. */
  beta(alpha: number, beta: number): number {
    const x = this.gamma(alpha);
    const y = this.gamma(beta);
    return x / (x + y);
  }

  /** PERT-Beta on [a, b] with mode m; returns a when a == b. */
  pert(a: number, m: number, b: number): number {
    if (!(b > a)) return a;
    const { alpha, beta } = pertShape(a, m, b);
    return a + (b - a) * this.beta(alpha, beta);
  }
}
