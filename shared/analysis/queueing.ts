/**
 * Waiting in line for a pool of people (or AI instances) that serve work first come, first served.
 *
 * - Erlang C: the probability that an arrival has to wait in an M/M/c queue with offered load a = λ/μ
 *   (Erlang 1917; e.g. Gross & Harris, "Fundamentals of Queueing Theory", §2.3). Computed through the
 *   Erlang B recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)) and C = c·B / (c − a·(1 − B)), which never
 *   forms a power or a factorial, so it is stable for any c; started near a − 12√a and stopped once the
 *   answer is below 1e−300, it takes O(√a) steps, not one per server (see erlangBOrNegligible).
 * - Mean wait of M/M/c: Wq = C(c, a) / (cμ − λ).
 * - Allen–Cunneen for G/G/c: Wq ≈ Wq(M/M/c) · (ca² + cs²) / 2, with ca² and cs² the squared coefficients of
 *   variation of inter-arrival and service times (Allen, "Probability, Statistics and Queueing Theory",
 *   2nd ed., 1990; Hopp & Spearman, "Factory Physics", 3rd ed., 2008, §8.4). Exact when ca² = cs² = 1.
 *
 * Every wait is null (not Infinity) when the queue is unstable, i.e. the offered load reaches the servers.
 */

/** Minutes in a calendar week: AI pools are taken to run around the clock. */
export const MINUTES_PER_WEEK = 7 * 24 * 60;

/** Standard deviations below the offered load where the Erlang B recursion starts (see erlangBOrNegligible). */
const START_SPREAD = 12;
/** Below this the probability of waiting is reported as exactly 0: far under any shown digit, never denormal. */
const NEGLIGIBLE = 1e-300;
/**
 * A larger offered load than any valid model gives (a < c ≤ 100,000, the largest headcount or AI
 * concurrency) is out of range: erlangC answers null rather than take 49·√a steps.
 */
export const MAX_OFFERED_LOAD = 1e7;

/**
 * Erlang B, the blocking probability B(c, a) = (aᶜ/c!) / Σₖ₌₀..c aᵏ/k!, by the recursion
 * B(k) = a·B(k−1) / (k + a·B(k−1)), in O(√a) steps however large c is:
 * - It starts at k₀ = ⌊a − 12√a⌋ instead of 0, from B(k₀) ≈ 1 − k₀/a. The terms aᵏ/k! below k₀ are, like a
 *   Poisson(a) lower tail, under e^(−12²/2) ≈ 5e−32 of the largest term; an error ε in 1/B(k₀) reaches
 *   1/B(c) only multiplied by that ratio, so the result is the full recursion's to the last bit (tested).
 * - It stops once B(k)·k/(k − a) < 1e−300 (k > a): B falls with k, and C(c, a) ≤ B(k)·k/(k − a) for
 *   every c ≥ k, so the probability of waiting is then 0 to every digit a double can hold. That happens
 *   within about 37√a + 170 steps past a.
 * Returns 0 for such negligible values; the caller passes 0 < a < c and a ≤ MAX_OFFERED_LOAD, so k₀ < c.
 */
function erlangBOrNegligible(c: number, a: number): number {
  const k0 = Math.max(0, Math.floor(a - START_SPREAD * Math.sqrt(a)));
  let b = k0 === 0 ? 1 : 1 - k0 / a;
  for (let k = k0 + 1; k <= c; k++) {
    b = (a * b) / (k + a * b);
    if (k > a && (b * k) / (k - a) < NEGLIGIBLE) return 0;
  }
  return b;
}

/**
 * Probability of waiting, C(c, a), in an M/M/c queue with c servers and offered load a = λ/μ (in Erlangs).
 * Null when the queue is unstable (a ≥ c), c < 1 or not finite, or a beyond MAX_OFFERED_LOAD (out of
 * range). Takes O(√a) steps (at most about 16,000 for the largest valid headcount), never one per server.
 */
export function erlangC(servers: number, offeredLoad: number): number | null {
  const c = Math.floor(servers);
  const a = offeredLoad;
  if (!(c >= 1) || !Number.isFinite(c) || !(a >= 0) || a >= c || a > MAX_OFFERED_LOAD) return null;
  if (a === 0) return 0;
  const b = erlangBOrNegligible(c, a);
  if (b === 0) return 0;
  const p = (c * b) / (c - a * (1 - b));
  return p < NEGLIGIBLE ? 0 : Math.min(1, p);
}

/**
 * Mean wait in line of an M/M/c queue, Wq = C(c, a) / (cμ − λ), in the time unit of the rates.
 * Null when unstable (λ ≥ cμ).
 */
export function mmcWait(servers: number, arrivalRate: number, serviceRate: number): number | null {
  if (arrivalRate === 0) return Math.floor(servers) >= 1 ? 0 : null;
  if (!(serviceRate > 0)) return null;
  const c = Math.floor(servers);
  const p = erlangC(c, arrivalRate / serviceRate);
  if (p === null) return null;
  return p / (c * serviceRate - arrivalRate);
}

/**
 * Allen–Cunneen approximation of the mean wait in line of a G/G/c queue:
 * Wq ≈ Wq(M/M/c) · (ca² + cs²) / 2. Null when unstable.
 */
export function allenCunneenWait(input: {
  servers: number;
  /** Arrivals per time unit. */
  arrivalRate: number;
  /** Mean service time, in the same time unit. */
  meanService: number;
  /** Squared coefficient of variation of service times. */
  serviceScv: number;
  /** Squared coefficient of variation of inter-arrival times; 1 for Poisson arrivals. */
  arrivalScv?: number;
}): number | null {
  const { servers, arrivalRate, meanService, serviceScv, arrivalScv = 1 } = input;
  if (arrivalRate === 0 || meanService === 0) return Math.floor(servers) >= 1 ? 0 : null;
  const wait = mmcWait(servers, arrivalRate, 1 / meanService);
  return wait === null ? null : (wait * (arrivalScv + serviceScv)) / 2;
}

/** Moments of a mixture of service times, e.g. a role's work mix over its steps. */
export interface ServiceMix {
  /** E[S]. */
  mean: number;
  /** E[S²]. */
  secondMoment: number;
  /** cs² = Var[S] / E[S]² = E[S²] / E[S]² − 1 (0 when E[S] = 0). */
  scv: number;
}

/**
 * Mixes service times by weight (visits per case): E[S] = Σ wᵢ E[Sᵢ] / Σ wᵢ and E[S²] = Σ wᵢ E[Sᵢ²] / Σ wᵢ.
 * An arrival at the pool is a visit to step i with probability wᵢ / Σ w.
 */
export function mixServiceTimes(
  parts: readonly { weight: number; mean: number; secondMoment: number }[],
): ServiceMix {
  let w = 0;
  let m1 = 0;
  let m2 = 0;
  for (const p of parts) {
    w += p.weight;
    m1 += p.weight * p.mean;
    m2 += p.weight * p.secondMoment;
  }
  if (!(w > 0)) return { mean: 0, secondMoment: 0, scv: 0 };
  const mean = m1 / w;
  const secondMoment = m2 / w;
  return { mean, secondMoment, scv: mean > 0 ? Math.max(0, secondMoment / (mean * mean) - 1) : 0 };
}

/** The number of servers a pool of (possibly fractional) headcount is modelled with: ⌊h⌋, at least 1 if h > 0. */
export function serversFor(headcount: number): number {
  return headcount > 0 ? Math.max(1, Math.floor(headcount)) : 0;
}

export interface PoolInput {
  /** People (may be fractional, e.g. 2.5 for two full-timers and a half-timer) or AI concurrency. */
  headcount: number;
  /** Working hours per week of one unit of headcount. */
  hoursPerWeek: number;
  /** Visits arriving at the pool per week. */
  arrivalsPerWeek: number;
  /** Mean service time per visit, minutes. */
  meanService: number;
  /** Squared coefficient of variation of the service time. */
  serviceScv: number;
}

export interface PoolQueue {
  /** c = ⌊headcount⌋, at least 1 when headcount > 0. */
  servers: number;
  /** Minutes each server works per week: the exact capacity spread over the c servers. */
  serverMinutesPerWeek: number;
  /** λ, arrivals per minute of a server's working time. */
  arrivalRate: number;
  /** a = λ · E[S], in Erlangs (busy servers on average). */
  offeredLoad: number;
  /** ρ = a / c = work / exact capacity; null when there is work but no capacity. */
  utilization: number | null;
  stable: boolean;
  /** Probability of waiting, C(c, a); null when unstable. */
  probabilityOfWaiting: number | null;
  /** Mean wait in line per visit in minutes of working time (Allen–Cunneen); null when unstable. */
  waitMinutes: number | null;
}

/**
 * A pool of c identical servers sharing one first-come-first-served queue, evaluated over its working time.
 * The exact capacity (headcount × hours per week) is kept by letting each of the c = ⌊headcount⌋ servers work
 * headcount / c × hoursPerWeek: so utilization is exactly work / capacity, and the queue is stable exactly
 * when utilization < 1. For whole headcounts the arrival rate is the familiar
 * λ = arrivals per week / (hoursPerWeek × 60).
 */
export function poolQueue(input: PoolInput): PoolQueue {
  const { headcount, hoursPerWeek, arrivalsPerWeek, meanService, serviceScv } = input;
  const servers = serversFor(headcount);
  const capacityMinutes = headcount * hoursPerWeek * 60;
  const serverMinutesPerWeek = servers > 0 ? capacityMinutes / servers : 0;
  const workMinutes = arrivalsPerWeek * meanService;
  if (!(workMinutes > 0)) {
    return {
      servers,
      serverMinutesPerWeek,
      arrivalRate: serverMinutesPerWeek > 0 ? arrivalsPerWeek / serverMinutesPerWeek : 0,
      offeredLoad: 0,
      utilization: 0,
      stable: true,
      probabilityOfWaiting: 0,
      waitMinutes: 0,
    };
  }
  if (!(capacityMinutes > 0)) {
    return {
      servers,
      serverMinutesPerWeek,
      arrivalRate: 0,
      offeredLoad: 0,
      utilization: null,
      stable: false,
      probabilityOfWaiting: null,
      waitMinutes: null,
    };
  }
  const arrivalRate = arrivalsPerWeek / serverMinutesPerWeek;
  const offeredLoad = arrivalRate * meanService;
  const utilization = workMinutes / capacityMinutes;
  const stable = utilization < 1;
  const probabilityOfWaiting = stable ? erlangC(servers, offeredLoad) : null;
  const waitMinutes = stable
    ? allenCunneenWait({ servers, arrivalRate, meanService, serviceScv, arrivalScv: 1 })
    : null;
  return {
    servers,
    serverMinutesPerWeek,
    arrivalRate,
    offeredLoad,
    utilization,
    stable: stable && waitMinutes !== null,
    probabilityOfWaiting,
    waitMinutes,
  };
}
