import { describe, expect, it, vi } from 'vitest';
import { freshDb } from './freshDb';
import { ObjectReceiver, ObjectSender } from '../../renderer/storage/sharedObjects';
import {
  receiveHistory,
  receiveWorkflows,
  sendHistory,
  sendWorkflows,
  type PersistenceReply,
  type PersistenceRequest,
} from '../../renderer/storage/persistenceProtocol';
import { createPersistenceService } from '../../renderer/storage/persistenceService';
import {
  ANSWER_WITHIN_MS,
  directWrites,
  PRIME_CHUNK,
  WorkerWrites,
  type WorkerPort,
} from '../../renderer/storage/backgroundWrites';
import { largeWorkspace } from '../../shared/examples/largeWorkflow';
import { loadHistory, loadWorkspace } from '../../renderer/storage/repository';
import type { HistoryRow } from '../../renderer/storage/historyRow';
import * as ops from '../../shared/model/operations';
import type { Workflow } from '../../shared/model/schema';
import { customerSupportExample } from '../../shared/examples/customerSupport';

const example = customerSupportExample();
const workflow = example.workflows[0]!;
const moved = (wf: Workflow, x: number) => ops.moveSteps(wf, new Map([[wf.steps[1]!.id, { x, y: 0 }]]));

/** The stored history after one edit: `present` is the edited workflow, the original is one undo away. */
function historyAfter(present: Workflow): HistoryRow {
  return {
    workflowId: workflow.id,
    format: 1,
    savedAt: '2030-01-01T00:00:00.000Z',
    present: { updatedAt: present.updatedAt, roles: example.roles },
    past: [{ workflow, roles: example.roles }],
    future: [],
  };
}

describe('shared objects', () => {
  it('sends a step or connection once; later messages carry its handle only', () => {
    const sender = new ObjectSender();
    const receiver = new ObjectReceiver();
    const first = sendWorkflows(sender, [workflow]);
    const newItems = (wire: typeof first) =>
      [...wire[0]!.steps, ...wire[0]!.edges].filter((item) => typeof item !== 'number').length;
    expect(newItems(first)).toBe(workflow.steps.length + workflow.edges.length);
    expect(receiveWorkflows(receiver, structuredClone(first))).toEqual([workflow]);

    const next = moved(workflow, 500);
    const second = sendWorkflows(sender, [next]);
    expect(newItems(second)).toBe(1);
    const received = receiveWorkflows(receiver, structuredClone(second))[0]!;
    expect(received).toEqual(next);
    expect(received.steps[1]!.position).toEqual({ x: 500, y: 0 });
    // The replaced step is forgotten on both sides: the tables stay the size of what the slot holds.
    expect(sender.size).toBe(workflow.steps.length + workflow.edges.length);
    expect(receiver.size).toBe(sender.size);
  });

  it('keeps an object while any slot holds it, and forgets it when the last one lets go', () => {
    const sender = new ObjectSender();
    const receiver = new ObjectReceiver();
    const next = moved(workflow, 10);
    const row = historyAfter(next);
    receiveWorkflows(receiver, structuredClone(sendWorkflows(sender, [next])));
    const wire = sendHistory(sender, row);
    // The history shares all but one step with the saved workflow: only the old version of that step is new.
    expect(wire.past[0]!.workflow.steps.filter((s) => typeof s !== 'number')).toHaveLength(1);
    expect(receiveHistory(receiver, structuredClone(wire))).toEqual(row);
    const all = workflow.steps.length + workflow.edges.length + 1;
    expect([sender.size, receiver.size]).toEqual([all, all]);

    sender.release(`history:${workflow.id}`);
    receiver.release(`history:${workflow.id}`);
    expect([sender.size, receiver.size]).toEqual([all - 1, all - 1]);
    sender.release(`workflow:${workflow.id}`);
    receiver.release(`workflow:${workflow.id}`);
    expect([sender.size, receiver.size]).toEqual([0, 0]);
  });

  it('refuses a handle it does not know instead of writing a half-decoded workflow', () => {
    const wire = sendWorkflows(new ObjectSender(), [workflow]);
    wire[0]!.steps[0] = 99999;
    expect(() => receiveWorkflows(new ObjectReceiver(), wire)).toThrow(/Unknown object handle 99999/);
  });
});

/** A worker in this thread: the real service behind structured clones, answering asynchronously. */
class FakeWorker implements WorkerPort {
  onmessage: WorkerPort['onmessage'] = null;
  onerror: WorkerPort['onerror'] = null;
  onmessageerror: WorkerPort['onmessageerror'] = null;
  terminated = false;
  received: PersistenceRequest[] = [];
  private handle = createPersistenceService((reply: PersistenceReply) =>
    setTimeout(() => this.onmessage?.(new MessageEvent('message', { data: structuredClone(reply) }))),
  );

  /** Answers every save with an error, as a worker whose database refuses writes would. */
  failWrites = false;

  postMessage(message: PersistenceRequest): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    const refused = this.failWrites && copy.type.startsWith('save');
    const answer = { id: copy.id, ok: false as const, message: 'QuotaExceededError' };
    setTimeout(() => {
      if (this.terminated) return;
      if (refused) this.onmessage?.(new MessageEvent('message', { data: answer }));
      else this.handle(copy);
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  fail(): void {
    this.onerror?.(Object.assign(new Event('error'), { message: 'worker crashed' }) as ErrorEvent);
  }
}

/** Resolves once `condition` holds (checked every few milliseconds, for at most two seconds). */
async function eventually(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 2000) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A fresh database, a fake worker, and WorkerWrites over both. */
function workerWrites() {
  const db = freshDb();
  const worker = new FakeWorker();
  return { db, worker, writes: new WorkerWrites(worker, db.name, directWrites(db)) };
}

describe('WorkerWrites', () => {
  it('writes workflows and histories through the worker into the same database', async () => {
    const { db, worker, writes } = workerWrites();
    await writes.saveWorkflows([workflow]);
    const next = moved(workflow, 40);
    await writes.saveWorkflows([next]);
    const row = historyAfter(next);
    await writes.saveHistory(row);
    expect(writes.inWorker).toBe(true);
    const { workspace } = await loadWorkspace(db);
    expect(workspace.workflows).toEqual([next]);
    const history = await loadHistory(db, workflow.id);
    expect(history).toEqual({ status: 'ok', row });
    // The second save of the workflow carried one step; the rest went as handles.
    const saves = worker.received.filter((r) => r.type === 'save-workflows');
    const sent = (r: PersistenceRequest) =>
      r.type === 'save-workflows' ? r.workflows[0]!.steps.filter((s) => typeof s !== 'number').length : -1;
    expect(saves.map(sent)).toEqual([workflow.steps.length, 1]);
  });

  it('sends an opened workflow ahead in idle chunks, so that its first save carries only the change', async () => {
    const { db, worker, writes } = workerWrites();
    const large = largeWorkspace(1000, 4).workflows[0]!;
    const all = large.steps.length + large.edges.length;
    writes.prime(large);
    await eventually(() => writes.objectsInWorker === all);
    const primes = worker.received.filter((r) => r.type === 'prime');
    expect(primes).toHaveLength(Math.ceil(all / PRIME_CHUNK));
    const next = moved(large, 99);
    await writes.saveWorkflows([next]);
    const save = worker.received.find((r) => r.type === 'save-workflows');
    const fresh =
      save?.type === 'save-workflows' ? save.workflows[0]!.steps.filter((s) => typeof s !== 'number') : [];
    expect(fresh).toHaveLength(1);
    // The priming slots are let go once the save holds everything: the replaced step is forgotten.
    expect(writes.objectsInWorker).toBe(all);
    const { workspace } = await loadWorkspace(db);
    expect(workspace.workflows).toEqual([next]);
  });

  it('refuses an invalid workflow before sending it, as a write on the UI thread would', async () => {
    const { worker, writes } = workerWrites();
    const broken = { ...workflow, steps: [{ ...workflow.steps[0]!, name: 42 }] } as unknown as Workflow;
    await expect(writes.saveWorkflows([broken])).rejects.toThrow(/Step 1/);
    expect(worker.received.map((r) => r.type)).toEqual(['open']);
  });

  it('writes on this thread, in order, what a failed worker had not finished', async () => {
    const { db, worker, writes } = workerWrites();
    await writes.saveWorkflows([workflow]);
    worker.terminate(); // It stops answering…
    const first = writes.saveWorkflows([moved(workflow, 1)]);
    const last = moved(workflow, 2);
    const second = writes.saveWorkflows([last]);
    worker.fail(); // …then reports its failure.
    await Promise.all([first, second]);
    expect(writes.inWorker).toBe(false);
    const later = moved(last, 3);
    await writes.saveWorkflows([later]);
    const { workspace } = await loadWorkspace(db);
    expect(workspace.workflows).toEqual([later]);
  });

  it('writes here what the worker could not write to its database', async () => {
    const { db, worker, writes } = workerWrites();
    worker.failWrites = true; // As if IndexedDB refused the worker (quota, or no IndexedDB in workers).
    await writes.saveWorkflows([workflow]);
    expect(writes.inWorker).toBe(false);
    const { workspace } = await loadWorkspace(db);
    expect(workspace.workflows).toEqual([workflow]);
  });

  it('writes here what a worker that stopped answering was sent', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const db = freshDb();
      const worker = new FakeWorker();
      worker.terminated = true; // Never answers, never reports an error.
      const warnings: string[] = [];
      const writes = new WorkerWrites(worker, db.name, directWrites(db), (reason) => warnings.push(reason));
      const saved = writes.saveWorkflows([workflow]);
      await vi.advanceTimersByTimeAsync(ANSWER_WITHIN_MS);
      vi.useRealTimers();
      await saved;
      expect(writes.inWorker).toBe(false);
      expect(warnings).toEqual([`no answer in ${ANSWER_WITHIN_MS / 1000} s`]);
      const { workspace } = await loadWorkspace(db);
      expect(workspace.workflows).toEqual([workflow]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('falls back when the worker loses track of what it was sent', async () => {
    const { db, worker, writes } = workerWrites();
    await writes.saveWorkflows([workflow]);
    // A worker that restarted has an empty table: the next save's handles mean nothing to it.
    const restarted = new FakeWorker();
    restarted.onmessage = worker.onmessage;
    restarted.postMessage({ id: 0, type: 'open', databaseName: db.name });
    Object.assign(worker, { postMessage: (m: PersistenceRequest) => restarted.postMessage(m) });
    const next = moved(workflow, 7);
    await writes.saveWorkflows([next]);
    expect(writes.inWorker).toBe(false);
    const { workspace } = await loadWorkspace(db);
    expect(workspace.workflows).toEqual([next]);
  });
});
