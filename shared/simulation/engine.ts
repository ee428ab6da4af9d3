/**
 * The event loop of a simulation run (see simulate.ts for the model): arrivals, ends of work, routing through
 * zero-time steps, parallel forks and joins, queueing at the pools, and the replications' life cycle. The
 * state it works on, and the operations that are not events, are in state.ts.
 */
import { CLOCK_MINUTES_PER_WEEK } from './model';
import { Random } from './random';
import { KIND_END, KIND_JOIN, KIND_JOIN_SPLIT, KIND_SPLIT, KIND_WORK } from './routing';
import { recordReplication } from './records';
import { summarize } from './result';
import { SimulationState } from './state';
import type { SimulationRun } from './settings';
import type { SimulationResult } from './types';
import { MAX_CASES_IN_SYSTEM } from './limits';

const ARRIVAL = -1;

/** Replications `from` (included) to `to` (excluded): all of them, or one worker's part of a parallel run. */
export interface ReplicationRange {
  from: number;
  to: number;
}

export class Engine extends SimulationState implements SimulationRun {
  /** The replications this run simulates; replication r always draws from its own stream (seed, r). */
  readonly part: ReplicationRange;

  constructor(
    workflow: ConstructorParameters<typeof SimulationState>[0],
    model: ConstructorParameters<typeof SimulationState>[1],
    settings: ConstructorParameters<typeof SimulationState>[2],
    part: ReplicationRange = { from: 0, to: settings.replications },
  ) {
    super(workflow, model, settings);
    this.part = part;
    this.replication = part.from;
  }

  get total(): number {
    return (this.part.to - this.part.from) * this.weeksPerReplication;
  }

  get done(): number {
    if (this.finished) return this.total;
    const within = this.inReplication ? Math.min(this.now, this.horizon) / CLOCK_MINUTES_PER_WEEK : 0;
    return (this.replication - this.part.from) * this.weeksPerReplication + within;
  }

  get replicationsEnded(): number {
    return this.replication - this.part.from;
  }

  cancel(): void {
    if (!this.finished) this.cancelled = true;
    this.finished = true;
  }

  advance(maxEvents: number): boolean {
    if (this.finished) return true;
    if (!this.inReplication) {
      if (this.replication >= this.part.to) {
        this.finished = true;
        return true;
      }
      this.beginReplication();
    }
    this.runEvents(Math.max(1, Math.floor(maxEvents)));
    if (this.eventCapReached || this.backlogCapReached) this.finished = true;
    else if (!this.inReplication && this.replication >= this.part.to) this.finished = true;
    return this.finished;
  }

  result(): SimulationResult {
    return this.cancelled ? { ok: false, cancelled: true } : summarize(this);
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
    if (this.measuring && window > 0) recordReplication(this, window);
    this.inReplication = false;
    this.replication++;
  }
}
