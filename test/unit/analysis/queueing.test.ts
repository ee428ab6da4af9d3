import { describe, expect, it } from 'vitest';
import {
  allenCunneenWait,
  erlangC,
  mixServiceTimes,
  mmcWait,
  poolQueue,
  serversFor,
} from '../../../shared/analysis/queueing';

describe('Erlang C', () => {
  it('M/M/1 with λ = 0.5, μ = 1: C = ρ = 0.5 and Wq = 1', () => {
    // For c = 1, C = ρ = λ/μ = 0.5; Wq = C / (μ − λ) = 0.5 / 0.5 = 1.
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12);
    expect(mmcWait(1, 0.5, 1)).toBeCloseTo(1, 12);
  });

  it('M/M/2 with λ = 1/min and μ = 0.75/min: C = 8/15 and Wq = 16/15 min', () => {
    // a = λ/μ = 4/3, ρ = a/2 = 2/3.
    // P0 = [1 + a + a²/2! · 1/(1 − ρ)]⁻¹ = [1 + 4/3 + (16/9)/2 · 3]⁻¹ = [1 + 4/3 + 8/3]⁻¹ = 1/5.
    // C = a²/2! · 1/(1 − ρ) · P0 = 8/3 · 1/5 = 8/15 ≈ 0.5333.
    // Wq = C / (cμ − λ) = (8/15) / (1.5 − 1) = 16/15 ≈ 1.0667 min.
    expect(erlangC(2, 4 / 3)).toBeCloseTo(8 / 15, 12);
    expect(mmcWait(2, 1, 0.75)).toBeCloseTo(16 / 15, 12);
  });

  it('matches the table value C(10, 8) ≈ 0.4092', () => {
    // Erlang C tables (e.g. Gross & Harris): c = 10 agents, a = 8 Erlangs → P(wait) = 0.40918.
    expect(erlangC(10, 8)).toBeCloseTo(0.40918, 5);
  });

  it('stays finite for 10,000 servers near saturation', () => {
    const c = erlangC(10_000, 9_900);
    expect(c).not.toBeNull();
    expect(c!).toBeGreaterThan(0);
    expect(c!).toBeLessThan(1);
    expect(erlangC(10_000, 5_000)).toBeCloseTo(0, 12);
  });

  it('returns null, not Infinity, when unstable', () => {
    expect(erlangC(2, 2)).toBeNull();
    expect(erlangC(2, 3)).toBeNull();
    expect(mmcWait(1, 1, 1)).toBeNull();
    expect(mmcWait(1, 2, 1)).toBeNull();
    expect(allenCunneenWait({ servers: 3, arrivalRate: 1, meanService: 3, serviceScv: 0.5 })).toBeNull();
  });

  it('gives no wait without arrivals', () => {
    expect(erlangC(3, 0)).toBe(0);
    expect(mmcWait(3, 0, 1)).toBe(0);
  });
});

describe('Allen–Cunneen G/G/c', () => {
  it('reduces to Erlang C when cs² = 1 (and ca² = 1)', () => {
    // (ca² + cs²) / 2 = (1 + 1) / 2 = 1, so Wq = Wq(M/M/2) = 16/15 from the M/M/2 example.
    expect(
      allenCunneenWait({ servers: 2, arrivalRate: 1, meanService: 1 / 0.75, serviceScv: 1 }),
    ).toBeCloseTo(16 / 15, 12);
  });

  it('halves the M/M/c wait for constant service times (cs² = 0)', () => {
    // (1 + 0) / 2 = 0.5: M/D/1 with ρ = 0.5 gives 0.5 · 1 = 0.5 (exact for M/D/1: ρ / (2μ(1 − ρ)) = 0.5).
    expect(allenCunneenWait({ servers: 1, arrivalRate: 0.5, meanService: 1, serviceScv: 0 })).toBeCloseTo(
      0.5,
      12,
    );
  });
});

describe('service mix and pools', () => {
  it('mixes the work of several steps by visits', () => {
    // Step A: weight 1, mean 2, E[S²] = 4 (constant); step B: weight 3, mean 6, E[S²] = 40 (PERT 2/5/14).
    // E[S] = (1·2 + 3·6) / 4 = 5; E[S²] = (1·4 + 3·40) / 4 = 31; cs² = 31 / 25 − 1 = 0.24.
    const mix = mixServiceTimes([
      { weight: 1, mean: 2, secondMoment: 4 },
      { weight: 3, mean: 6, secondMoment: 40 },
    ]);
    expect(mix.mean).toBeCloseTo(5, 12);
    expect(mix.secondMoment).toBeCloseTo(31, 12);
    expect(mix.scv).toBeCloseTo(0.24, 12);
  });

  it('models fractional headcount with ⌊h⌋ servers but the exact capacity', () => {
    // 2.5 people × 40 h = 100 h = 6,000 min a week, spread over 2 servers of 3,000 min each.
    // 500 visits × 9 min = 4,500 min ⇒ utilization 0.75; λ = 500 / 3,000 per min, a = λ · 9 = 1.5 = 2 · 0.75.
    expect(serversFor(2.5)).toBe(2);
    expect(serversFor(0.4)).toBe(1);
    expect(serversFor(0)).toBe(0);
    const q = poolQueue({
      headcount: 2.5,
      hoursPerWeek: 40,
      arrivalsPerWeek: 500,
      meanService: 9,
      serviceScv: 1,
    });
    expect(q.servers).toBe(2);
    expect(q.serverMinutesPerWeek).toBeCloseTo(3000, 9);
    expect(q.utilization).toBeCloseTo(0.75, 12);
    expect(q.offeredLoad).toBeCloseTo(1.5, 12);
    expect(q.stable).toBe(true);
    // Wq = C(2, 1.5) / (2μ − λ); C(2, 1.5) = (1.5²/2 · 4) / (1 + 1.5 + 4.5) = 4.5 / 7 = 0.642857;
    // 2μ − λ = 2/9 − 1/6 = 1/18 per min  ⇒  Wq = 0.642857 · 18 = 11.571 min.
    expect(q.waitMinutes).toBeCloseTo((4.5 / 7) * 18, 9);
  });

  it('is unstable at 100% and without capacity', () => {
    const full = poolQueue({
      headcount: 1,
      hoursPerWeek: 10,
      arrivalsPerWeek: 60,
      meanService: 10,
      serviceScv: 1,
    });
    expect(full.utilization).toBeCloseTo(1, 12);
    expect(full.stable).toBe(false);
    expect(full.waitMinutes).toBeNull();
    const none = poolQueue({
      headcount: 0,
      hoursPerWeek: 40,
      arrivalsPerWeek: 10,
      meanService: 5,
      serviceScv: 1,
    });
    expect(none.utilization).toBeNull();
    expect(none.waitMinutes).toBeNull();
    expect(none.stable).toBe(false);
  });
});

/** The full Erlang B recursion from k = 0, one step per server: the reference the fast one must match. */
function erlangCFull(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

describe('Erlang C in O(√a) steps', () => {
  it('matches textbook values', () => {
    // c = 2, a = 1: B(2, 1) = (1/2) / (1 + 1 + 1/2) = 1/5; C = 2·(1/5) / (2 − 1·(4/5)) = (2/5)/(6/5) = 1/3.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 14);
    // c = 3, a = 2: Σ aᵏ/k! = 1 + 2 + 2 + 4/3 = 19/3, B = (4/3)/(19/3) = 4/19;
    // C = 3·(4/19) / (3 − 2·(15/19)) = (12/19)/(27/19) = 4/9.
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 14);
    // c = 10, a = 8: Erlang B(10, 8) = 0.12166 (tables), C = 0.40918.
    expect(erlangC(10, 8)).toBeCloseTo(0.40918, 5);
    // c = 1: C = ρ.
    expect(erlangC(1, 0.9)).toBeCloseTo(0.9, 14);
  });

  it('equals the one-step-per-server recursion to 12 digits, from 1 to 100,000 servers', () => {
    const cases: [number, number][] = [];
    for (const c of [1, 2, 5, 17, 100, 143, 144, 145, 1_000, 10_000, 100_000]) {
      for (const rho of [0.01, 0.3, 0.7, 0.9, 0.99, 0.999]) cases.push([c, c * rho]);
    }
    for (const [c, a] of cases) {
      const fast = erlangC(c, a)!;
      const full = erlangCFull(c, a);
      if (full < 1e-300) expect(fast).toBe(0);
      else expect(Math.abs(fast - full) / full).toBeLessThan(1e-12);
    }
  });

  it('reports an exact 0, never a denormal, when waiting is beyond negligible', () => {
    expect(erlangC(100_000, 1)).toBe(0);
    expect(erlangC(1_000, 100)).toBe(0);
    for (const [c, a] of [
      [200, 20],
      [5_000, 4_000],
      [170, 1],
    ] as const) {
      const p = erlangC(c, a)!;
      expect(p === 0 || p >= 1e-300).toBe(true);
    }
  });

  it('answers at once for any number of servers, and null beyond the model', () => {
    expect(erlangC(1e16, 1)).toBe(0);
    expect(erlangC(1e16, 1e16 - 1)).toBeNull();
    expect(erlangC(Infinity, 1)).toBeNull();
    expect(erlangC(NaN, 1)).toBeNull();
    expect(erlangC(5e-324, 0)).toBeNull();
    expect(erlangC(3, NaN)).toBeNull();
  });
});
