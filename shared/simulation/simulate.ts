/**
 * Discrete-event Monte Carlo simulation of a workflow: cases arrive at random, walk through the steps (decision
 * branches, review rework loops, parallel branches) and queue first come, first served for the people of each
 * role.
 *
 * Model (see model.ts for the clock and units):
 * - Arrivals: Poisson, volumePerWeek per clock week of 2,400 clock minutes.
 * - Each role is a c-server FIFO queue over its own working time, and so is each AI-automated step with a
 *   concurrency limit (around the clock); other AI-automated steps and steps without a role start at once
 *   (infinitely many servers); start, decision and end steps take no time.
 * - Processing times: PERT-Beta from each step's {min, likely, max} (random.ts).
 * - Routing: as the analytic engine's Markov chain (routing.ts).
 * - Parallel blocks: a case is one token until it reaches a split, which forks it into one token per branch
 *   (no time passes); the tokens run at the same time, each queueing at its roles on its own. A join waits
 *   until a token from each branch of its split has arrived for that case (a rework loop inside a branch only
 *   delays that branch's arrival), then one token goes on; blocks nest. Per case and block a fork record
 *   counts the branches still to come (records are recycled through a free list, like cases).
 *
 * Statistics (per replication, each with its own random stream; see statistics.ts for the intervals):
 * - Warm-up: the first warmupWeeks of each replication are simulated but not measured; then `weeks` are.
 * - Cycle time: for every case finished while measuring, the sum along its path of its waits and processing
 *   times, each in the working minutes of the step's role (AI steps: minutes): the unit of the analytic
 *   engine's cycle time (processing + waiting). Its mean, median and 90th percentile per replication.
 *   Parallel blocks: every token carries its own sum (a branch starts from the case's sum at the split), and
 *   at the join the case goes on with the largest sum of the tokens arriving, so a block counts as its
 *   slowest branch (waits included) and nested blocks as theirs — in the same unit as the analytic engine's
 *   longest path (shared/analysis/parallel.ts). The slowest branch is the one with the most working minutes,
 *   which need not be the one that arrives last on the clock when its roles work different hours.
 * - Elapsed weeks: the same cases' time from arrival to finish on the common clock (for parallel blocks: until
 *   the last branch has arrived at the join).
 * - AI cost per case: the AI runs (visits to AI-automated and AI-assisted tasks) while measuring, times each
 *   step's AI cost per run, over the cases arrived while measuring (the analytic engine's aiCostPerCase).
 * - Per role (and limited AI step): utilisation = busy server time / (c × measured time); offered load = visits arrived × PERT mean
 *   / capacity; time-average queue length; mean wait per visit (visits that started while measuring), in the
 *   role's working minutes; the queue left at the end.
 * - Per step: visits while measuring / cases arrived while measuring.
 *
 * The hot loop allocates nothing: cases (and their parallel branches' tokens) are indices into preallocated
 * typed arrays, as are the fork records, all recycled through free lists and grown by doubling when full;
 * queues are ring buffers of token indices, and the event queue is a typed-array heap (heap.ts) whose item is
 * the token whose work ends, or −1 for the next arrival.
 *
 * Guard rails: invalid graphs and options are refused with an error result before anything runs; the run
 * stops after `maxEvents` events (default 50 million) or when more than MAX_CASES_IN_SYSTEM cases are in the
 * workflow at once, and says so. A queue whose offered load reaches 1 is reported as overloaded (its queue
 * grows without limit, so its waits depend on the run length) and the run as not stable.
 */
import type { Role, Workflow } from '../model/schema';
import { EventHeap } from './heap';
import {
  buildModel,
  CLOCK_MINUTES_PER_WEEK,
  SERVICE_EXPONENTIAL,
  SERVICE_FIXED,
  SERVICE_PERT,
} from './model';
import type { SimulationModel } from './model';
import { Random } from './random';
import { applyWhatIf } from '../whatIf/whatIf';
import { KIND_END, KIND_JOIN, KIND_JOIN_SPLIT, KIND_SPLIT, KIND_WORK } from './routing';
import { estimate, pooledHistogram, quantileSorted, sketchSorted } from './statistics';
import type { DistributionSketch } from './statistics';
import type {
  AiStepSimulation,
  QueueSimulation,
  RoleSimulation,
  ServiceDistribution,
  SimulationFailure,
  SimulationOptions,
  SimulationResult,
  SimulationSettings,
  SimulationSummary,
  StepSimulation,
} from './types';

export const DEFAULT_MAX_EVENTS = 50_000_000;
export const DEFAULT_WARMUP_WEEKS = 1;
export const MAX_REPLICATIONS = 10_000;
/**
 * A replication stops when this many cases are in the workflow at once (a queue that grows without limit);
 * a case inside a parallel block counts once per branch still running.
 */
export const MAX_CASES_IN_SYSTEM = 2_000_000;
export const HISTOGRAM_BINS = 40;
/** Cycle times kept per replication for its quantiles; beyond it, a uniform sample of this many (8 MB). */
export const CYCLE_SAMPLE_LIMIT = 1 << 20;
/** Events between two polls of shouldCancel (and progress checks) in simulateWorkflow. */
export const CHUNK_EVENTS = 16_384;

const ARRIVAL = -1;

/** A simulation that runs in slices, so that a Worker can answer messages (cancel) between them. */
export interface SimulationRun {
  /**
   * Processes up to `maxEvents` events; returns early when a replication ends. Returns true when the whole
   * run is finished (or was invalid or cancelled).
   */
  advance(maxEvents: number): boolean;
  /** Simulated weeks so far (warm-up included) over all replications. */
  readonly done: number;
  /** Simulated weeks of the whole run. */
  readonly total: number;
  /** Replications ended so far. */
  readonly replicationsEnded: number;
  cancel(): void;
  /** The result; call it once advance() has returned true. */
  result(): SimulationResult;
}

interface Settings {
  weeks: number;
  warmupWeeks: number;
  replications: number;
  seed: number;
  volumePerWeek: number;
  serviceDistribution: ServiceDistribution;
  maxEvents: number;
}

type WorkflowInput = Pick<Workflow, 'id' | 'name' | 'steps' | 'edges' | 'volumePerWeek'>;

function invalid(message: string): SimulationFailure {
  return { ok: false, cancelled: false, error: { code: 'invalid-option', message, stepIds: [] } };
}

function checkSettings(workflow: WorkflowInput, options: SimulationSettings): Settings | SimulationFailure {
  const { weeks, replications, seed } = options;
  if (!(Number.isFinite(weeks) && weeks > 0)) {
    return invalid(`The number of weeks to simulate must be more than 0 (got ${String(weeks)}).`);
  }
  if (!(Number.isInteger(replications) && replications >= 1 && replications <= MAX_REPLICATIONS)) {
    return invalid(
      `The number of replications must be a whole number from 1 to ${MAX_REPLICATIONS} (got ${String(replications)}).`,
    );
  }
  if (!Number.isFinite(seed)) return invalid(`The seed must be a finite number (got ${String(seed)}).`);
  const warmupWeeks = options.warmupWeeks ?? DEFAULT_WARMUP_WEEKS;
  if (!(Number.isFinite(warmupWeeks) && warmupWeeks >= 0)) {
    return invalid(`The warm-up must be at least 0 weeks (got ${String(warmupWeeks)}).`);
  }
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  if (!(maxEvents >= 1)) return invalid(`The event cap must be at least 1 (got ${String(maxEvents)}).`);
  const serviceDistribution = options.serviceDistribution ?? 'pert';
  if (serviceDistribution !== 'pert' && serviceDistribution !== 'exponential') {
    return invalid(`Unknown service distribution '${String(serviceDistribution)}'.`);
  }
  return {
    weeks,
    warmupWeeks,
    replications,
    seed,
    volumePerWeek: workflow.volumePerWeek,
    serviceDistribution,
    maxEvents,
  };
}

/** Sets up a simulation without running it; run it with advance() (or use simulateWorkflow). */
export function createSimulation(
  workflow: WorkflowInput,
  roles: readonly Role[],
  options: SimulationSettings,
): SimulationRun {
  const applied = applyWhatIf(workflow, roles, options);
  if (!applied.ok) return new FailedRun(invalid(applied.message));
  const settings = checkSettings(applied.workflow, options);
  if ('ok' in settings) return new FailedRun(settings);
  const built = buildModel(applied.workflow, applied.roles, {
    serviceDistribution: settings.serviceDistribution,
    warnings: applied.warnings,
  });
  if (!built.ok) return new FailedRun({ ok: false, cancelled: false, error: built.error });
  return new Engine(applied.workflow, built.model, settings);
}

/**
 * Runs the whole simulation synchronously, polling shouldCancel every CHUNK_EVENTS events and reporting
 * progress about every 1% and at the end of every replication.
 */
export function simulateWorkflow(
  workflow: WorkflowInput,
  roles: readonly Role[],
  options: SimulationOptions,
): SimulationResult {
  const { onProgress, shouldCancel, ...settings } = options;
  const run = createSimulation(workflow, roles, settings);
  const step = run.total / 100;
  let reported = 0;
  let replications = 0;
  for (;;) {
    if (shouldCancel?.()) {
      run.cancel();
      break;
    }
    const finished = run.advance(CHUNK_EVENTS);
    if (onProgress && (run.done - reported >= step || run.replicationsEnded !== replications || finished)) {
      reported = run.done;
      replications = run.replicationsEnded;
      onProgress(finished ? run.total : run.done, run.total);
    }
    if (finished) break;
  }
  return run.result();
}

class FailedRun implements SimulationRun {
  readonly done = 0;
  readonly total = 0;
  readonly replicationsEnded = 0;
  private cancelled = false;
  constructor(private readonly failure: SimulationFailure) {}
  advance(): boolean {
    return true;
  }
  cancel(): void {
    this.cancelled = true;
  }
  result(): SimulationResult {
    return this.cancelled ? { ok: false, cancelled: true } : this.failure;
  }
}

/** Per-replication figures, one entry per measured replication. */
interface Records {
  cycleMean: number[];
  cycleMedian: number[];
  cycleP90: number[];
  elapsedWeeks: number[];
  throughput: number[];
  aiCost: number[];
  utilization: number[][];
  offered: number[][];
  queueLength: number[][];
  wait: number[][];
  queueAtEnd: number[][];
  visits: number[][];
  sketches: DistributionSketch[];
}

class Engine implements SimulationRun {
  // Model, flattened.
  private readonly kind: Uint8Array;
  private readonly first: Int32Array;
  private readonly targets: Int32Array;
  private readonly cumulative: Float64Array;
  private readonly start: number;
  private readonly stepPool: Int32Array;
  private readonly service: Uint8Array;
  private readonly min: Float64Array;
  private readonly range: Float64Array;
  private readonly mean: Float64Array;
  private readonly alphaD: Float64Array;
  private readonly alphaC: Float64Array;
  private readonly betaD: Float64Array;
  private readonly betaC: Float64Array;
  private readonly clockScale: Float64Array;
  private readonly meanClock: Float64Array;
  /** AI cost per visit of each step (0 for steps that run no AI). */
  private readonly aiCost: Float64Array;

  // Run settings.
  private readonly horizon: number;
  private readonly warmupEnd: number;
  private readonly meanInterarrival: number;
  private readonly weeksPerReplication: number;

  // State of the current replication.
  private rng: Random;
  private readonly heap = new EventHeap(4096);
  private now = 0;
  private measuring = false;
  private inReplication = false;
  private caseCapacity = 1024;
  private caseStep = new Int32Array(this.caseCapacity);
  private caseArrive = new Float64Array(this.caseCapacity);
  private caseWork = new Float64Array(this.caseCapacity);
  private caseQueued = new Float64Array(this.caseCapacity);
  private free = new Int32Array(this.caseCapacity);
  private freeTop = 0;
  private live = 0;
  /**
   * Parallel branches: a case is one token until a split, then one token per branch. Each token knows its
   * fork record (-1 outside any block); a record counts the branches still to arrive at the join, keeps the
   * longest branch's accumulated time, and points to the enclosing block's record (nesting).
   */
  private caseFork = new Int32Array(this.caseCapacity).fill(-1);
  private forkCapacity = 64;
  private forkRemaining = new Int32Array(this.forkCapacity);
  private forkWork = new Float64Array(this.forkCapacity);
  private forkParent = new Int32Array(this.forkCapacity);
  private forkFree = Int32Array.from({ length: this.forkCapacity }, (_, i) => this.forkCapacity - 1 - i);
  private forkFreeTop = this.forkCapacity;

  // Pools (roles).
  private readonly poolCount: number;
  private readonly servers: Int32Array;
  private readonly toClock: Float64Array;
  private readonly toWork: Float64Array;
  private readonly busy: Int32Array;
  private readonly queues: Int32Array[];
  private readonly qHead: Int32Array;
  private readonly qLen: Int32Array;
  private readonly lastTouch: Float64Array;
  private readonly queueArea: Float64Array;
  private readonly busyArea: Float64Array;
  private readonly waitSum: Float64Array;
  private readonly waitCount: Float64Array;
  private readonly offeredWork: Float64Array;
  private readonly poolArrivals: Float64Array;

  // Counters while measuring.
  private readonly visits: Float64Array;
  private arrivals = 0;
  private completions = 0;
  private elapsedSum = 0;
  private cycles = new Float64Array(4096);
  private cycleSum = 0;
  private sampler: Random;
  private cycleMin = Infinity;
  private cycleMax = -Infinity;

  // Run bookkeeping.
  private replication = 0;
  private events = 0;
  private finished = false;
  private cancelled = false;
  private eventCapReached = false;
  private backlogCapReached = false;
  private replicationsDone = 0;
  private completedCases = 0;
  /** Smallest and largest cycle time measured, over all replications: the histogram's range. */
  private histogramMin = Infinity;
  private histogramMax = -Infinity;
  /** Visits that arrived at each pool while measuring, over all replications. */
  private readonly arrivedTotal: Float64Array;
  private readonly records: Records;

  constructor(
    private readonly workflow: WorkflowInput,
    private readonly model: SimulationModel,
    private readonly settings: Settings,
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
    const perPool = () => model.pools.map((): number[] => []);
    this.records = {
      cycleMean: [],
      cycleMedian: [],
      cycleP90: [],
      elapsedWeeks: [],
      throughput: [],
      aiCost: [],
      utilization: perPool(),
      offered: perPool(),
      queueLength: perPool(),
      wait: perPool(),
      queueAtEnd: perPool(),
      visits: Array.from(this.kind, (): number[] => []),
      sketches: [],
    };
  }

  get total(): number {
    return this.settings.replications * this.weeksPerReplication;
  }

  get done(): number {
    if (this.finished) return this.total;
    const within = this.inReplication ? Math.min(this.now, this.horizon) / CLOCK_MINUTES_PER_WEEK : 0;
    return this.replication * this.weeksPerReplication + within;
  }

  get replicationsEnded(): number {
    return this.replication;
  }

  cancel(): void {
    if (!this.finished) this.cancelled = true;
    this.finished = true;
  }

  advance(maxEvents: number): boolean {
    if (this.finished) return true;
    if (!this.inReplication) {
      if (this.replication >= this.settings.replications) {
        this.finished = true;
        return true;
      }
      this.beginReplication();
    }
    this.runEvents(Math.max(1, Math.floor(maxEvents)));
    if (this.eventCapReached || this.backlogCapReached) this.finished = true;
    else if (!this.inReplication && this.replication >= this.settings.replications) this.finished = true;
    return this.finished;
  }

  // ---- the hot loop -------------------------------------------------------------------------------------

  private runEvents(budget: number): void {
    const heap = this.heap;
    const horizon = this.horizon;
    const maxEvents = this.settings.maxEvents;
    for (let processed = 0; processed < budget; processed++) {
      const t = heap.minTime();
      if (t > horizon) {
        this.endReplication(horizon);
        return;
      }
      if (!this.measuring && t >= this.warmupEnd) this.beginMeasuring();
      const item = heap.pop();
      this.now = t;
      if (item === ARRIVAL) this.arrival();
      else this.departure(item);
      if (++this.events >= maxEvents) {
        this.eventCapReached = true;
        this.endReplication(t);
        return;
      }
      if (this.live > MAX_CASES_IN_SYSTEM) {
        this.backlogCapReached = true;
        this.endReplication(t);
        return;
      }
    }
  }

  private arrival(): void {
    this.heap.push(this.now + this.rng.exponential(this.meanInterarrival), ARRIVAL);
    const c = this.allocateCase();
    this.caseArrive[c] = this.now;
    this.caseWork[c] = 0;
    this.caseFork[c] = -1;
    if (this.measuring) {
      this.arrivals++;
      this.visits[this.start] = this.visits[this.start]! + 1;
    }
    this.route(c, this.start);
  }

  /** The case's work at its current step ends: free the server (or hand it to the next in line), move on. */
  private departure(c: number): void {
    const step = this.caseStep[c]!;
    const p = this.stepPool[step]!;
    if (p >= 0) {
      this.touch(p);
      if (this.qLen[p]! > 0) {
        const next = this.dequeue(p);
        this.startWork(next, this.caseStep[next]!, p, this.now - this.caseQueued[next]!);
      } else this.busy[p] = this.busy[p]! - 1;
    }
    this.route(c, step);
  }

  /** Moves case c on from step `from`, through zero-time steps, to its next work step or its end. */
  private route(c: number, from: number): void {
    const first = this.first;
    const targets = this.targets;
    const kind = this.kind;
    let s = from;
    for (;;) {
      const lo = first[s]!;
      const hi = first[s + 1]!;
      let next: number;
      if (hi - lo === 1) next = targets[lo]!;
      else {
        const u = this.rng.next();
        const cumulative = this.cumulative;
        let k = lo;
        while (k < hi - 1 && u >= cumulative[k]!) k++;
        next = targets[k]!;
      }
      const type = kind[next]!;
      if (type >= KIND_JOIN) {
        // KIND_JOIN or KIND_JOIN_SPLIT: counted when the join fires, once per set of branches, as in the
        // analytic engine.
        if (!this.arriveAtJoin(c)) return;
        if (this.measuring) this.visits[next] = this.visits[next]! + 1;
        if (type === KIND_JOIN_SPLIT) {
          this.fork(c, next);
          return;
        }
        s = next;
        continue;
      }
      if (this.measuring) this.visits[next] = this.visits[next]! + 1;
      if (type === KIND_WORK) {
        this.caseStep[c] = next;
        this.arriveAt(c, next);
        return;
      }
      if (type === KIND_END) {
        this.complete(c);
        return;
      }
      if (type === KIND_SPLIT) {
        this.fork(c, next);
        return;
      }
      s = next;
    }
  }

  /**
   * Token c reaches a split: c goes down the first branch and a new token down each other one, every token
   * starting from the time the case has accumulated so far. The case's figures are kept in locals, since c
   * may move on (or, straight into the join, be recycled) before the other tokens are made. The join cannot
   * fire before the last token has entered its branch, as it waits for one token per branch.
   */
  private fork(c: number, split: number): void {
    const r = this.allocateFork();
    const lo = this.first[split]!;
    const hi = this.first[split + 1]!;
    this.forkRemaining[r] = hi - lo;
    this.forkWork[r] = 0;
    this.forkParent[r] = this.caseFork[c]!;
    const arrived = this.caseArrive[c]!;
    const work = this.caseWork[c]!;
    this.caseFork[c] = r;
    this.enter(c, this.targets[lo]!);
    for (let k = lo + 1; k < hi; k++) {
      const t = this.allocateCase();
      this.caseArrive[t] = arrived;
      this.caseWork[t] = work;
      this.caseFork[t] = r;
      this.enter(t, this.targets[k]!);
    }
  }

  /** Token c starts at `step` (a branch's first step): as a step of route(), for one step. */
  private enter(c: number, step: number): void {
    const type = this.kind[step]!;
    if (type >= KIND_JOIN) {
      if (!this.arriveAtJoin(c)) return;
      if (this.measuring) this.visits[step] = this.visits[step]! + 1;
      if (type === KIND_JOIN_SPLIT) this.fork(c, step);
      else this.route(c, step);
      return;
    }
    if (this.measuring) this.visits[step] = this.visits[step]! + 1;
    if (type === KIND_WORK) {
      this.caseStep[c] = step;
      this.arriveAt(c, step);
    } else if (type === KIND_END) this.complete(c);
    else if (type === KIND_SPLIT) this.fork(c, step);
    else this.route(c, step);
  }

  /**
   * Token c arrives at its block's join. The last branch to arrive goes on, carrying the longest branch's
   * accumulated time (a case waits for its slowest branch); the others end here and are recycled. True when c
   * goes on, then back in the enclosing block (if any).
   */
  private arriveAtJoin(c: number): boolean {
    const r = this.caseFork[c]!;
    if (r < 0) return true;
    if (this.caseWork[c]! > this.forkWork[r]!) this.forkWork[r] = this.caseWork[c]!;
    this.forkRemaining[r] = this.forkRemaining[r]! - 1;
    if (this.forkRemaining[r]! > 0) {
      this.free[this.freeTop++] = c;
      this.live--;
      return false;
    }
    this.caseWork[c] = this.forkWork[r]!;
    this.caseFork[c] = this.forkParent[r]!;
    this.forkFree[this.forkFreeTop++] = r;
    return true;
  }

  private allocateFork(): number {
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

  private arriveAt(c: number, step: number): void {
    const p = this.stepPool[step]!;
    if (p < 0) {
      const work = this.sample(step);
      this.caseWork[c] = this.caseWork[c]! + work;
      this.heap.push(this.now + work * this.clockScale[step]!, c);
      return;
    }
    if (this.measuring) {
      this.offeredWork[p] = this.offeredWork[p]! + this.meanClock[step]!;
      this.poolArrivals[p] = this.poolArrivals[p]! + 1;
    }
    this.touch(p);
    if (this.busy[p]! < this.servers[p]!) {
      this.busy[p] = this.busy[p]! + 1;
      this.startWork(c, step, p, 0);
    } else {
      this.caseQueued[c] = this.now;
      this.enqueue(p, c);
    }
  }

  /** Case c starts its work at `step` on a server of pool p after waiting `waitClock` clock minutes. */
  private startWork(c: number, step: number, p: number, waitClock: number): void {
    const wait = waitClock * this.toWork[p]!;
    if (this.measuring) {
      this.waitSum[p] = this.waitSum[p]! + wait;
      this.waitCount[p] = this.waitCount[p]! + 1;
    }
    const work = this.sample(step);
    this.caseWork[c] = this.caseWork[c]! + wait + work;
    this.heap.push(this.now + work * this.toClock[p]!, c);
  }

  private complete(c: number): void {
    if (this.measuring) {
      this.completions++;
      this.elapsedSum += this.now - this.caseArrive[c]!;
      const cycle = this.caseWork[c]!;
      this.keepCycle(cycle);
      this.cycleSum += cycle;
      if (cycle < this.cycleMin) this.cycleMin = cycle;
      if (cycle > this.cycleMax) this.cycleMax = cycle;
    }
    this.free[this.freeTop++] = c;
    this.live--;
  }

  /**
   * Keeps a finished case's cycle time for the replication's median and 90th percentile: all of them up to
   * CYCLE_SAMPLE_LIMIT, beyond that a uniform random sample of that size (reservoir sampling, Vitter's
   * algorithm R, with its own random stream so that the simulation's stream is the same either way).
   */
  private keepCycle(cycle: number): void {
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
  private sample(step: number): number {
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
  private touch(p: number): void {
    const dt = this.now - this.lastTouch[p]!;
    if (dt > 0) {
      this.queueArea[p] = this.queueArea[p]! + this.qLen[p]! * dt;
      this.busyArea[p] = this.busyArea[p]! + this.busy[p]! * dt;
      this.lastTouch[p] = this.now;
    }
  }

  private enqueue(p: number, c: number): void {
    let queue = this.queues[p]!;
    const len = this.qLen[p]!;
    if (len === queue.length) queue = this.growQueue(p);
    const head = this.qHead[p]!;
    let at = head + len;
    if (at >= queue.length) at -= queue.length;
    queue[at] = c;
    this.qLen[p] = len + 1;
  }

  private dequeue(p: number): number {
    const queue = this.queues[p]!;
    const head = this.qHead[p]!;
    const c = queue[head]!;
    this.qHead[p] = head + 1 === queue.length ? 0 : head + 1;
    this.qLen[p] = this.qLen[p]! - 1;
    return c;
  }

  private growQueue(p: number): Int32Array {
    const old = this.queues[p]!;
    const head = this.qHead[p]!;
    const grown = new Int32Array(old.length * 2);
    grown.set(old.subarray(head));
    grown.set(old.subarray(0, head), old.length - head);
    this.queues[p] = grown;
    this.qHead[p] = 0;
    return grown;
  }

  private allocateCase(): number {
    if (this.freeTop === 0) this.growCases();
    this.live++;
    return this.free[--this.freeTop]!;
  }

  private growCases(): void {
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

  // ---- replications -------------------------------------------------------------------------------------

  private beginReplication(): void {
    this.rng = new Random(this.settings.seed, this.replication);
    this.sampler = new Random(this.settings.seed, -1 - this.replication);
    this.heap.clear();
    this.now = 0;
    this.live = 0;
    this.freeTop = 0;
    for (let i = this.caseCapacity - 1; i >= 0; i--) this.free[this.freeTop++] = i;
    this.forkFreeTop = 0;
    for (let i = this.forkCapacity - 1; i >= 0; i--) this.forkFree[this.forkFreeTop++] = i;
    this.busy.fill(0);
    this.qHead.fill(0);
    this.qLen.fill(0);
    this.lastTouch.fill(0);
    this.resetCounters();
    this.measuring = this.warmupEnd <= 0;
    if (this.meanInterarrival < Infinity)
      this.heap.push(this.rng.exponential(this.meanInterarrival), ARRIVAL);
    this.inReplication = true;
  }

  private resetCounters(): void {
    this.queueArea.fill(0);
    this.busyArea.fill(0);
    this.waitSum.fill(0);
    this.waitCount.fill(0);
    this.offeredWork.fill(0);
    this.poolArrivals.fill(0);
    this.visits.fill(0);
    this.arrivals = 0;
    this.completions = 0;
    this.elapsedSum = 0;
    this.cycleSum = 0;
    this.cycleMin = Infinity;
    this.cycleMax = -Infinity;
  }

  /** The warm-up is over: from now on, everything counts. */
  private beginMeasuring(): void {
    const now = this.now;
    this.now = this.warmupEnd;
    for (let p = 0; p < this.poolCount; p++) this.touch(p);
    this.now = now;
    this.resetCounters();
    this.measuring = true;
  }

  /** Closes the replication at clock time `end` and records its figures (if it measured anything). */
  private endReplication(end: number): void {
    if (!this.measuring && end >= this.warmupEnd) {
      this.now = this.warmupEnd;
      this.beginMeasuring();
    }
    this.now = end;
    for (let p = 0; p < this.poolCount; p++) this.touch(p);
    const window = end - this.warmupEnd;
    if (this.measuring && window > 0) this.record(window);
    this.inReplication = false;
    this.replication++;
  }

  private record(window: number): void {
    const rec = this.records;
    const weeks = window / CLOCK_MINUTES_PER_WEEK;
    const completions = this.completions;
    const n = Math.min(completions, CYCLE_SAMPLE_LIMIT);
    const sorted = this.cycles.subarray(0, n).sort();
    rec.cycleMean.push(completions > 0 ? this.cycleSum / completions : NaN);
    rec.cycleMedian.push(quantileSorted(sorted, 0.5, n));
    rec.cycleP90.push(quantileSorted(sorted, 0.9, n));
    rec.elapsedWeeks.push(completions > 0 ? this.elapsedSum / completions / CLOCK_MINUTES_PER_WEEK : NaN);
    rec.throughput.push(completions / weeks);
    let aiCost = 0;
    for (let i = 0; i < this.visits.length; i++) aiCost += this.visits[i]! * this.aiCost[i]!;
    rec.aiCost.push(this.arrivals > 0 ? aiCost / this.arrivals : NaN);
    if (n > 0) rec.sketches.push({ ...sketchSorted(sorted, n), cases: completions });
    this.completedCases += completions;
    if (completions > 0) {
      this.histogramMin = Math.min(this.histogramMin, this.cycleMin);
      this.histogramMax = Math.max(this.histogramMax, this.cycleMax);
    }
    for (let p = 0; p < this.poolCount; p++) {
      const c = this.servers[p]!;
      rec.utilization[p]!.push(c > 0 ? this.busyArea[p]! / (c * window) : NaN);
      rec.offered[p]!.push(c > 0 ? this.offeredWork[p]! / (c * window) : NaN);
      rec.queueLength[p]!.push(this.queueArea[p]! / window);
      rec.wait[p]!.push(this.waitCount[p]! > 0 ? this.waitSum[p]! / this.waitCount[p]! : NaN);
      rec.queueAtEnd[p]!.push(this.qLen[p]!);
      this.arrivedTotal[p] = this.arrivedTotal[p]! + this.poolArrivals[p]!;
    }
    for (let i = 0; i < this.visits.length; i++) {
      rec.visits[i]!.push(this.arrivals > 0 ? this.visits[i]! / this.arrivals : NaN);
    }
    this.replicationsDone++;
  }

  // ---- result -------------------------------------------------------------------------------------------

  result(): SimulationResult {
    if (this.cancelled) return { ok: false, cancelled: true };
    const rec = this.records;
    const { model, settings, workflow } = this;
    const warnings = [...model.warnings];
    const overloadedRoleIds: string[] = [];
    const overloadedAiStepIds: string[] = [];
    const roles: RoleSimulation[] = [];
    const aiSteps: AiStepSimulation[] = [];
    model.pools.forEach((pool, p) => {
      const offered = estimate(rec.offered[p]!);
      const overloaded =
        pool.servers === 0 ? this.arrivedTotal[p]! > 0 : offered !== null && offered.mean >= 1;
      const what = pool.kind === 'role' ? `Role '${pool.name}'` : `AI step '${pool.name}'`;
      if (overloaded) {
        (pool.kind === 'role' ? overloadedRoleIds : overloadedAiStepIds).push(pool.id);
        warnings.push(
          pool.servers === 0
            ? `${what} has no capacity, so its queue only grows.`
            : `${what} is overloaded: the work arriving needs ${Math.round(offered!.mean * 100)}% of its capacity, so its queue grows without limit and its waits (and the cycle time) keep growing the longer the run.`,
        );
      }
      const figures: QueueSimulation = {
        servers: pool.servers,
        utilization: estimate(rec.utilization[p]!),
        offeredLoad: offered,
        meanQueueLength: estimate(rec.queueLength[p]!),
        waitMinutes: estimate(rec.wait[p]!),
        queueAtEnd: estimate(rec.queueAtEnd[p]!),
        overloaded,
      };
      if (pool.kind === 'role') {
        roles.push({
          id: pool.id,
          name: pool.name,
          headcount: pool.headcount,
          hoursPerPersonPerWeek: pool.hoursPerWeek,
          ...figures,
        });
      } else aiSteps.push({ stepId: pool.id, name: pool.name, concurrency: pool.headcount, ...figures });
    });
    const steps: StepSimulation[] = workflow.steps.map((step, i) => ({
      id: step.id,
      name: step.name,
      type: step.type,
      roleId:
        this.stepPool[i]! >= 0 && model.pools[this.stepPool[i]!]!.kind === 'role'
          ? model.pools[this.stepPool[i]!]!.id
          : null,
      visitsPerCase: estimate(rec.visits[i]!),
    }));
    if (this.eventCapReached) {
      warnings.push(
        `The run stopped after ${settings.maxEvents.toLocaleString('en')} events, the cap: ${this.replicationsDone} of ${settings.replications} replications were measured (the last one only in part).`,
      );
    }
    if (this.backlogCapReached) {
      warnings.push(
        `The run stopped because more than ${MAX_CASES_IN_SYSTEM.toLocaleString('en')} cases were in the workflow at once: the queues grow without limit.`,
      );
    }
    const summary: SimulationSummary = {
      ok: true,
      cancelled: false,
      workflow: { id: workflow.id, name: workflow.name },
      settings: { ...settings },
      replicationsDone: this.replicationsDone,
      events: this.events,
      cycleTimeMinutes: {
        mean: estimate(rec.cycleMean),
        median: estimate(rec.cycleMedian),
        p90: estimate(rec.cycleP90),
      },
      elapsedWeeks: estimate(rec.elapsedWeeks),
      throughputPerWeek: estimate(rec.throughput),
      aiCostPerCase: estimate(rec.aiCost),
      completedCases: this.completedCases,
      roles,
      aiSteps,
      steps,
      histogram: pooledHistogram(rec.sketches, this.histogramMin, this.histogramMax, HISTOGRAM_BINS),
      stable:
        overloadedRoleIds.length === 0 &&
        overloadedAiStepIds.length === 0 &&
        !this.eventCapReached &&
        !this.backlogCapReached,
      overloadedRoleIds,
      overloadedAiStepIds,
      eventCapReached: this.eventCapReached,
      backlogCapReached: this.backlogCapReached,
      warnings,
    };
    return summary;
  }
}
