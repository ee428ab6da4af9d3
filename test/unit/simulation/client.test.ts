// runSimulation with a stand-in Worker: messages, the warm pool and its idle end, cancel and its grace period.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import {
  endIdleSimulationWorkers,
  idleSimulationWorkers,
  POOL_IDLE_MS,
  prewarmSimulationWorkers,
  runSimulation,
  workersFor,
} from '../../../renderer/workers/simulationClient';
import { createSimulationPart, simulateWorkflow } from '../../../shared/simulation/index';
import type {
  SimulationWorkerRequest,
  SimulationWorkerResponse,
} from '../../../renderer/workers/simulation.worker';

class FakeWorker {
  static last: FakeWorker | null = null;
  static all: FakeWorker[] = [];
  readonly sent: SimulationWorkerRequest[] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((event: unknown) => void)[]>();
  constructor(
    readonly url: URL,
    readonly options: { type: string },
  ) {
    FakeWorker.last = this;
    FakeWorker.all.push(this);
  }
  addEventListener(type: string, listener: (event: unknown) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  removeEventListener(type: string, listener: (event: unknown) => void) {
    this.listeners.set(
      type,
      (this.listeners.get(type) ?? []).filter((l) => l !== listener),
    );
  }
  postMessage(message: SimulationWorkerRequest) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: SimulationWorkerResponse) {
    for (const l of this.listeners.get('message') ?? []) l({ data });
  }
  fail(message: string) {
    for (const l of this.listeners.get('error') ?? []) l({ message });
  }
}

const { workflows, roles } = customerSupportExample();
const options = { weeks: 1, replications: 1, seed: 1 };

beforeEach(() => {
  FakeWorker.all = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  endIdleSimulationWorkers();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('runSimulation', () => {
  it('starts a module worker, forwards progress and resolves with the result', async () => {
    const progress: [number, number][] = [];
    const handle = runSimulation(workflows[0]!, roles, options, (d, t) => progress.push([d, t]));
    const worker = FakeWorker.last!;
    expect(worker.options).toEqual({ type: 'module' });
    expect(String(worker.url)).toMatch(/simulation\.worker\.ts$/);
    const run = worker.sent[0]!;
    expect(run).toMatchObject({ type: 'run', workflow: workflows[0], options });
    worker.reply({ type: 'progress', id: 'someone-else', done: 1, total: 9 });
    worker.reply({ type: 'progress', id: run.id, done: 1, total: 2 });
    worker.reply({ type: 'result', id: run.id, result: { ok: false, cancelled: true } });
    await expect(handle.promise).resolves.toEqual({ ok: false, cancelled: true });
    expect(progress).toEqual([[1, 2]]);
    // Kept warm for the next run, which it serves without a new worker.
    expect(worker.terminated).toBe(false);
    expect(idleSimulationWorkers()).toBe(1);
    const again = runSimulation(workflows[0]!, roles, options);
    expect(FakeWorker.all).toHaveLength(1);
    expect(idleSimulationWorkers()).toBe(0);
    const second = worker.sent[1]!;
    expect(second).toMatchObject({ type: 'run' });
    // Replies to the first run no longer reach anyone.
    worker.reply({ type: 'result', id: run.id, result: { ok: false, cancelled: true } });
    worker.reply({ type: 'result', id: second.id, result: { ok: false, cancelled: true } });
    await expect(again.promise).resolves.toEqual({ ok: false, cancelled: true });
  });

  it('prewarms workers that the next run takes instead of starting new ones', async () => {
    prewarmSimulationWorkers(2);
    prewarmSimulationWorkers(2);
    expect(FakeWorker.all).toHaveLength(2);
    expect(FakeWorker.all.every((w) => w.sent.length === 0)).toBe(true);
    runSimulation(workflows[0]!, roles, { weeks: 1, replications: 4, seed: 5 }, undefined, 2);
    expect(FakeWorker.all).toHaveLength(2);
    expect(FakeWorker.all.map((w) => w.sent[0]?.type)).toEqual(['run', 'run']);
  });

  it('terminates a waiting worker after POOL_IDLE_MS without work', async () => {
    vi.useFakeTimers();
    const handle = runSimulation(workflows[0]!, roles, options);
    const worker = FakeWorker.last!;
    worker.reply({ type: 'result', id: worker.sent[0]!.id, result: { ok: false, cancelled: true } });
    await handle.promise;
    vi.advanceTimersByTime(POOL_IDLE_MS - 1);
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(worker.terminated).toBe(true);
    expect(idleSimulationWorkers()).toBe(0);
  });

  it('rejects on a worker error message or a crash', async () => {
    const a = runSimulation(workflows[0]!, roles, options);
    FakeWorker.last!.reply({ type: 'error', id: FakeWorker.last!.sent[0]!.id, message: 'bad input' });
    await expect(a.promise).rejects.toThrow('bad input');
    const b = runSimulation(workflows[0]!, roles, options);
    FakeWorker.last!.fail('boom');
    await expect(b.promise).rejects.toThrow('boom');
    expect(FakeWorker.last!.terminated).toBe(true);
  });

  it('asks the worker to cancel, and gives up on it after a grace period', async () => {
    vi.useFakeTimers();
    const handle = runSimulation(workflows[0]!, roles, options);
    const worker = FakeWorker.last!;
    handle.cancel();
    handle.cancel();
    expect(worker.sent.map((m) => m.type)).toEqual(['run', 'cancel']);
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(1000);
    await expect(handle.promise).resolves.toEqual({ ok: false, cancelled: true });
    expect(worker.terminated).toBe(true);
  });

  it("gives each core a part of the replications and merges their figures into the single run's result", async () => {
    expect(workersFor(8, 2)).toBe(2);
    expect(workersFor(8, 16)).toBe(4);
    expect(workersFor(1, 16)).toBe(1);
    const several = { weeks: 1, replications: 4, seed: 5 };
    const progress: [number, number][] = [];
    const handle = runSimulation(workflows[0]!, roles, several, (d, t) => progress.push([d, t]), 2);
    const parts = FakeWorker.all.map((w) => w.sent[0]!);
    expect(parts.map((m) => (m.type === 'run' ? m.part : null))).toEqual([
      { from: 0, to: 2 },
      { from: 2, to: 4 },
    ]);
    // Each worker does what the real one does with its part; the second answers first.
    for (const [i, worker] of [...FakeWorker.all.entries()].reverse()) {
      const message = parts[i]!;
      if (message.type !== 'run' || !message.part) throw new Error('not a part');
      const run = createSimulationPart(workflows[0]!, roles, several, message.part);
      while (!run.advance(10_000));
      worker.reply({ type: 'progress', id: message.id, done: run.total, total: run.total });
      worker.reply({ type: 'part', id: message.id, part: run.figures()! });
    }
    await expect(handle.promise).resolves.toEqual(simulateWorkflow(workflows[0]!, roles, several));
    expect(progress.at(-1)).toEqual([4 * 2, 4 * 2]);
    expect(idleSimulationWorkers()).toBe(2);
    endIdleSimulationWorkers();
    expect(FakeWorker.all.every((w) => w.terminated)).toBe(true);
  });

  it('cancels every part', async () => {
    const handle = runSimulation(workflows[0]!, roles, { weeks: 1, replications: 4, seed: 5 }, undefined, 2);
    handle.cancel();
    for (const worker of FakeWorker.all) {
      expect(worker.sent.map((m) => m.type)).toEqual(['run', 'cancel']);
      worker.reply({ type: 'result', id: worker.sent[0]!.id, result: { ok: false, cancelled: true } });
    }
    await expect(handle.promise).resolves.toEqual({ ok: false, cancelled: true });
  });
});
