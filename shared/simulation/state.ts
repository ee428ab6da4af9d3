/**
 * The state of a simulation run: the model flattened into typed arrays, the tokens (cases and their parallel
 * branches) and fork records with their free lists, each pool's ring-buffer queue and time integrals, and
 * the counters of the measured window, with the operations on them that are not events (allocating and
 * growing, queueing, sampling a processing time, keeping a cycle time). The event loop (engine.ts) extends
 * it, so that the hot loop reads every field straight off one object, as before the split.
 */
import { EventHeap } from './heap';
import { CLOCK_MINUTES_PER_WEEK, SERVICE_EXPONENTIAL, SERVICE_FIXED, SERVICE_PERT } from './model';
import type { SimulationModel } from './model';
import { Random } from './random';
import { emptyRecords } from './records';
import type { Records } from './records';
import type { RunSettings, WorkflowInput } from './settings';
import { CYCLE_SAMPLE_LIMIT } from './limits';

export abstract class SimulationState {
  // Model, flattened.
  readonly kind: Uint8Array;
  readonly first: Int32Array;
  readonly targets: Int32Array;
  readonly cumulative: Float64Array;
  readonly start: number;
  readonly stepPool: Int32Array;
  readonly service: Uint8Array;
  readonly min: Float64Array;
  readonly range: Float64Array;
  readonly mean: Float64Array;
  readonly alphaD: Float64Array;
  readonly alphaC: Float64Array;
  readonly betaD: Float64Array;
  readonly betaC: Float64Array;
  readonly clockScale: Float64Array;
  readonly meanClock: Float64Array;
  /** AI cost per visit of each step (0 for steps that run no AI). */
  readonly aiCost: Float64Array;

  // Run settings.
  readonly horizon: number;
  readonly warmupEnd: number;
  readonly meanInterarrival: number;
  readonly weeksPerReplication: number;

  // State of the current replication.
  rng: Random;
  readonly heap = new EventHeap(4096);
  now = 0;
  measuring = false;
  inReplication = false;
  caseCapacity = 1024;
  caseStep = new Int32Array(this.caseCapacity);
  caseArrive = new Float64Array(this.caseCapacity);
  caseWork = new Float64Array(this.caseCapacity);
  caseQueued = new Float64Array(this.caseCapacity);
  free = new Int32Array(this.caseCapacity);
  freeTop = 0;
  live = 0;
  /**
   * Parallel branches: a case is one token until a split, then one token per branch. Each token knows its
   * fork record (-1 outside any block); a record counts the branches still to arrive at the join, keeps the
   * longest branch's accumulated time, and points to the enclosing block's record (nesting).
   */
  caseFork = new Int32Array(this.caseCapacity).fill(-1);
  forkCapacity = 64;
  forkRemaining = new Int32Array(this.forkCapacity);
  forkWork = new Float64Array(this.forkCapacity);
  forkParent = new Int32Array(this.forkCapacity);
  forkFree = Int32Array.from({ length: this.forkCapacity }, (_, i) => this.forkCapacity - 1 - i);
  forkFreeTop = this.forkCapacity;

  // Pools (roles).
  readonly poolCount: number;
  readonly servers: Int32Array;
  readonly toClock: Float64Array;
  readonly toWork: Float64Array;
  readonly busy: Int32Array;
  readonly queues: Int32Array[];
  readonly qHead: Int32Array;
  readonly qLen: Int32Array;
  readonly lastTouch: Float64Array;
  readonly queueArea: Float64Array;
  readonly busyArea: Float64Array;
  readonly waitSum: Float64Array;
  readonly waitCount: Float64Array;
  readonly offeredWork: Float64Array;
  readonly poolArrivals: Float64Array;

  // Counters while measuring.
  readonly visits: Float64Array;
  arrivals = 0;
  completions = 0;
  elapsedSum = 0;
  cycles = new Float64Array(4096);
  cycleSum = 0;
  sampler: Random;
  cycleMin = Infinity;
  cycleMax = -Infinity;

  // Run bookkeeping.
  replication = 0;
  events = 0;
  finished = false;
  cancelled = false;
  eventCapReached = false;
  backlogCapReached = false;
  replicationsDone = 0;
  completedCases = 0;
  /** Smallest and largest cycle time measured, over all replications: the histogram's range. */
  histogramMin = Infinity;
  histogramMax = -Infinity;
  /** Visits that arrived at each pool while measuring, over all replications. */
  readonly arrivedTotal: Float64Array;
  readonly records: Records;

  constructor(
    readonly workflow: WorkflowInput,
    readonly model: SimulationModel,
    readonly settings: RunSettings,
  ) {
    const r = model.routing;
    this.kind = r.kind;
    this.first = r.first;
    this.targets = r.targets;
    this.cumulative = r.cumulative;
    this.start = r.start;
    this.stepPool = model.pool;
    this.service = model.service;
    this.min = model.min;
    this.range = model.range;
    this.mean = model.mean;
    this.alphaD = model.alphaD;
    this.alphaC = model.alphaC;
    this.betaD = model.betaD;
    this.betaC = model.betaC;
    this.clockScale = model.clockScale;
    this.meanClock = model.meanClock;
    this.aiCost = model.aiCost;

    this.warmupEnd = settings.warmupWeeks * CLOCK_MINUTES_PER_WEEK;
    this.horizon = (settings.warmupWeeks + settings.weeks) * CLOCK_MINUTES_PER_WEEK;
    this.meanInterarrival =
      settings.volumePerWeek > 0 ? CLOCK_MINUTES_PER_WEEK / settings.volumePerWeek : Infinity;
    this.weeksPerReplication = settings.warmupWeeks + settings.weeks;
    this.rng = new Random(settings.seed, 0);
    this.sampler = new Random(settings.seed, -1);

    const k = model.pools.length;
    this.poolCount = k;
    this.servers = Int32Array.from(model.pools, (p) => p.servers);
    this.toClock = Float64Array.from(model.pools, (p) => p.toClock);
    this.toWork = Float64Array.from(model.pools, (p) => p.toWork);
    this.busy = new Int32Array(k);
    this.queues = model.pools.map(() => new Int32Array(256));
    this.qHead = new Int32Array(k);
    this.qLen = new Int32Array(k);
    this.lastTouch = new Float64Array(k);
    this.queueArea = new Float64Array(k);
    this.busyArea = new Float64Array(k);
    this.waitSum = new Float64Array(k);
    this.waitCount = new Float64Array(k);
    this.offeredWork = new Float64Array(k);
    this.poolArrivals = new Float64Array(k);
    this.visits = new Float64Array(this.kind.length);
    this.arrivedTotal = new Float64Array(k);
    this.records = emptyRecords(k, this.kind.length);
  }

  /**
   * Keeps a finished case's cycle time for the replication's median and 90th percentile: all of them up to
   * CYCLE_SAMPLE_LIMIT, beyond that a uniform random sample of that size (reservoir sampling, Vitter's
   * algorithm R, with its own random stream so that the simulation's stream is the same either way).
   */
  protected keepCycle(cycle: number): void {
    const seen = this.completions;
    if (seen <= CYCLE_SAMPLE_LIMIT) {
      if (seen > this.cycles.length) {
        const grown = new Float64Array(Math.min(CYCLE_SAMPLE_LIMIT, this.cycles.length * 2));
        grown.set(this.cycles);
        this.cycles = grown;
      }
      this.cycles[seen - 1] = cycle;
      return;
    }
    const j = Math.floor(this.sampler.next() * seen);
    if (j < CYCLE_SAMPLE_LIMIT) this.cycles[j] = cycle;
  }

  /** Processing time of one visit to a work step, in minutes. */
  protected sample(step: number): number {
    const kind = this.service[step]!;
    if (kind === SERVICE_PERT) {
      const rng = this.rng;
      const x = rng.gammaWith(this.alphaD[step]!, this.alphaC[step]!);
      const y = rng.gammaWith(this.betaD[step]!, this.betaC[step]!);
      return this.min[step]! + this.range[step]! * (x / (x + y));
    }
    if (kind === SERVICE_FIXED) return this.min[step]!;
    if (kind === SERVICE_EXPONENTIAL) return this.rng.exponential(this.mean[step]!);
    return 0;
  }

  /** Adds the time since the pool last changed to its queue-length and busy-server integrals. */
  protected touch(p: number): void {
    const dt = this.now - this.lastTouch[p]!;
    if (dt > 0) {
      this.queueArea[p] = this.queueArea[p]! + this.qLen[p]! * dt;
      this.busyArea[p] = this.busyArea[p]! + this.busy[p]! * dt;
      this.lastTouch[p] = this.now;
    }
  }

  protected enqueue(p: number, c: number): void {
    let queue = this.queues[p]!;
    const len = this.qLen[p]!;
    if (len === queue.length) queue = this.growQueue(p);
    const head = this.qHead[p]!;
    let at = head + len;
    if (at >= queue.length) at -= queue.length;
    queue[at] = c;
    this.qLen[p] = len + 1;
  }

  protected dequeue(p: number): number {
    const queue = this.queues[p]!;
    const head = this.qHead[p]!;
    const c = queue[head]!;
    this.qHead[p] = head + 1 === queue.length ? 0 : head + 1;
    this.qLen[p] = this.qLen[p]! - 1;
    return c;
  }

  protected growQueue(p: number): Int32Array {
    const old = this.queues[p]!;
    const head = this.qHead[p]!;
    const grown = new Int32Array(old.length * 2);
    grown.set(old.subarray(head));
    grown.set(old.subarray(0, head), old.length - head);
    this.queues[p] = grown;
    this.qHead[p] = 0;
    return grown;
  }

  protected allocateCase(): number {
    if (this.freeTop === 0) this.growCases();
    this.live++;
    return this.free[--this.freeTop]!;
  }

  protected growCases(): void {
    const old = this.caseCapacity;
    const capacity = old * 2;
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    const step = new Int32Array(capacity);
    step.set(this.caseStep);
    this.caseStep = step;
    this.caseArrive = grow64(this.caseArrive);
    this.caseWork = grow64(this.caseWork);
    this.caseQueued = grow64(this.caseQueued);
    const fork = new Int32Array(capacity).fill(-1);
    fork.set(this.caseFork);
    this.caseFork = fork;
    // All old cases are in use (the free list is empty): the new ones are free, lowest index on top.
    this.free = new Int32Array(capacity);
    for (let i = capacity - 1; i >= old; i--) this.free[this.freeTop++] = i;
    this.caseCapacity = capacity;
  }

  protected allocateFork(): number {
    if (this.forkFreeTop === 0) {
      const old = this.forkCapacity;
      const capacity = old * 2;
      const remaining = new Int32Array(capacity);
      remaining.set(this.forkRemaining);
      const work = new Float64Array(capacity);
      work.set(this.forkWork);
      const parent = new Int32Array(capacity);
      parent.set(this.forkParent);
      this.forkRemaining = remaining;
      this.forkWork = work;
      this.forkParent = parent;
      this.forkFree = new Int32Array(capacity);
      for (let i = capacity - 1; i >= old; i--) this.forkFree[this.forkFreeTop++] = i;
      this.forkCapacity = capacity;
    }
    return this.forkFree[--this.forkFreeTop]!;
  }
}
