/**
 * Where autosaves and undo histories are written: in the persistence worker when there is one (so that
 * IndexedDB's cloning of large workflows happens off the UI thread), else on this thread. The worker is
 * an optimisation, never a requirement: if it cannot start, fails a write, or loses track of what it was
 * sent, every request it had not finished is written here instead, in order, and so is everything after
 * (a write that fails here too is reported as any failed save is).
 */
import type { Workflow } from '../../shared/model/schema';
import type { CoarchitectDb } from './db';
import type { HistoryRow } from './historyRow';
import {
  ReplySchema,
  SaveOutcomeSchema,
  historySlot,
  primeSlot,
  sendHistory,
  sendWorkflows,
  workflowSlot,
  type PersistenceRequest,
} from './persistenceProtocol';
import * as repo from './repository';
import type { SaveOutcome } from './repository';
import { ObjectSender } from './sharedObjects';

export interface WorkflowWrites {
  /**
   * Writes workflows, each only over the stored revision given for it in `baseRevisions` (a conflict
   * otherwise, see repository.writeWorkflowRevisions); without `baseRevisions`, whatever is stored.
   */
  saveWorkflows(workflows: readonly Workflow[], baseRevisions?: readonly number[]): Promise<SaveOutcome>;
  saveHistory(row: HistoryRow): Promise<void>;
  /** The workflow was deleted: what was kept to make its next save cheap can go. */
  release(workflowId: string): void;
  /**
   * The workflow was opened for editing: its steps and connections are sent ahead, a few hundred at a time
   * while the page is idle, so that its first save sends only what the edit changed.
   */
  prime(workflow: Workflow): void;
  /** Stops the worker; what it had not finished is written on this thread. */
  dispose(): void;
}

export function directWrites(db: CoarchitectDb): WorkflowWrites {
  return {
    saveWorkflows: async (workflows, baseRevisions) => {
      if (baseRevisions)
        return repo.saveWorkflowRevisions(
          db,
          workflows.map((workflow, i) => ({ workflow, baseRevision: baseRevisions[i] ?? 0 })),
        );
      const revisions = await repo.saveWorkflows(db, workflows);
      return { saved: [...revisions].map(([id, revision]) => ({ id, revision })), conflicts: [] };
    },
    saveHistory: (row) => repo.saveHistory(db, row),
    release: () => {},
    prime: () => {},
    dispose: () => {},
  };
}

/** What the client needs of a Worker (a fake in tests). */
export interface WorkerPort {
  postMessage(message: PersistenceRequest): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent<unknown>) => void) | null;
  terminate(): void;
}

type Request = PersistenceRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

/** Objects per priming message: cloning a few hundred steps takes about a millisecond. */
export const PRIME_CHUNK = 400;

/** Runs `task` when the page is idle (a timer where requestIdleCallback is missing). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 1000 });
  else setTimeout(task, 0);
}

/** A worker that has not answered a request in this long is taken to be stuck (a save takes under a second). */
export const ANSWER_WITHIN_MS = 15_000;

interface Pending {
  /** The same write done on this thread, should the worker not do it. */
  fallback: () => Promise<unknown>;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  watchdog: ReturnType<typeof setTimeout>;
}

export class WorkerWrites implements WorkflowWrites {
  private sender = new ObjectSender();
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private worker: WorkerPort | null;
  /** Fallback writes run one after another, in the order they were asked for. */
  private fallbackChain: Promise<unknown> = Promise.resolve();
  /** The priming run of each workflow and its slots; a new run, a save or a release ends the old one. */
  private primes = new Map<string, { slots: string[] }>();

  constructor(
    worker: WorkerPort,
    databaseName: string,
    private readonly direct: WorkflowWrites,
    /** Told once, when writing moves to this thread for good. */
    private readonly onAbandon: (reason: string) => void = () => {},
  ) {
    this.worker = worker;
    worker.onmessage = (event) => this.answer(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.abandon(event.message || 'the worker failed');
    };
    worker.onmessageerror = () => this.abandon('a reply could not be read');
    void this.request({ type: 'open', databaseName }, () => Promise.resolve());
  }

  /** True while writes go to the worker (false once it failed and this thread took over). */
  get inWorker(): boolean {
    return this.worker !== null;
  }

  /** Steps and connections the worker holds, so that the next save sends only what changed. */
  get objectsInWorker(): number {
    return this.sender.size;
  }

  saveWorkflows(workflows: readonly Workflow[], baseRevisions?: readonly number[]): Promise<SaveOutcome> {
    const fallback = () => this.direct.saveWorkflows(workflows, baseRevisions);
    if (!this.worker) return this.runDirect(fallback);
    try {
      // Refused here, before anything is sent, exactly as a write on this thread would be.
      workflows.forEach(repo.checkedForWrite);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const sent = this.request(
      {
        type: 'save-workflows',
        workflows: sendWorkflows(this.sender, workflows),
        baseRevisions: baseRevisions ? [...baseRevisions] : null,
      },
      fallback,
    ).then((result) => {
      const outcome = SaveOutcomeSchema.safeParse(result);
      if (!outcome.success) throw new Error('The storage worker answered a save without its outcome.');
      return outcome.data as SaveOutcome;
    });
    // Saved whole now: the workflow's own slot holds all of it, so the priming slots can let go.
    for (const workflow of workflows) this.releasePrimes(workflow.id);
    return sent;
  }

  prime(workflow: Workflow): void {
    if (!this.worker) return;
    this.releasePrimes(workflow.id);
    const items: readonly object[] = [...workflow.steps, ...workflow.edges];
    const run = { slots: [] as string[] };
    this.primes.set(workflow.id, run);
    let part = 0;
    const next = () => {
      if (!this.worker || this.primes.get(workflow.id) !== run) return;
      const chunk = items.slice(part * PRIME_CHUNK, (part + 1) * PRIME_CHUNK);
      if (chunk.length === 0) return;
      const slot = primeSlot(workflow.id, part++);
      const message = this.sender.message(slot);
      const wire = this.sender.encode(message, chunk);
      this.sender.commit(message);
      run.slots.push(slot);
      void this.request({ type: 'prime', slot, items: wire }, () => Promise.resolve());
      whenIdle(next);
    };
    whenIdle(next);
  }

  private releasePrimes(workflowId: string): void {
    const run = this.primes.get(workflowId);
    if (!run) return;
    this.primes.delete(workflowId);
    if (run.slots.length === 0) return;
    for (const slot of run.slots) this.sender.release(slot);
    if (this.worker) void this.request({ type: 'release', slots: run.slots }, () => Promise.resolve());
  }

  saveHistory(row: HistoryRow): Promise<void> {
    const fallback = () => this.direct.saveHistory(row);
    if (!this.worker) return this.runDirect(fallback);
    return this.request({ type: 'save-history', row: sendHistory(this.sender, row) }, fallback).then(
      () => {},
    );
  }

  release(workflowId: string): void {
    this.releasePrimes(workflowId);
    const slots = [workflowSlot(workflowId), historySlot(workflowId)];
    for (const slot of slots) this.sender.release(slot);
    if (this.worker) void this.request({ type: 'release', slots }, () => Promise.resolve());
  }

  dispose(): void {
    this.abandon(null);
  }

  private request(request: Request, fallback: () => Promise<unknown>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise<unknown>((resolve, reject) => {
      const watchdog = setTimeout(
        () => this.abandon(`no answer in ${ANSWER_WITHIN_MS / 1000} s`),
        ANSWER_WITHIN_MS,
      );
      this.pending.set(id, { fallback, resolve, reject, watchdog });
      try {
        this.worker?.postMessage({ ...request, id } as PersistenceRequest);
      } catch (error) {
        this.abandon(error instanceof Error ? error.message : String(error));
      }
    });
  }

  private answer(data: unknown): void {
    const reply = ReplySchema.safeParse(data);
    if (!reply.success) return;
    const pending = this.pending.get(reply.data.id);
    if (!pending) return;
    clearTimeout(pending.watchdog);
    this.pending.delete(reply.data.id);
    if (reply.data.ok) pending.resolve(reply.data.result);
    else {
      // Whatever went wrong there (its database, its copy of the objects), this thread takes over.
      this.pending.set(reply.data.id, pending);
      this.abandon(reply.data.message);
    }
  }

  /**
   * The worker is no use any more (or disposed of, reason null): what it had not finished, and everything
   * after, is written here.
   */
  private abandon(reason: string | null): void {
    if (this.worker && reason !== null) this.onAbandon(reason);
    this.worker?.terminate();
    this.worker = null;
    const unfinished = [...this.pending.entries()].sort(([a], [b]) => a - b);
    this.pending.clear();
    for (const [, pending] of unfinished) clearTimeout(pending.watchdog);
    for (const [, pending] of unfinished)
      this.runDirect(pending.fallback).then(pending.resolve, (error: unknown) =>
        pending.reject(error instanceof Error ? error : new Error(String(error))),
      );
  }

  private runDirect<T>(write: () => Promise<T>): Promise<T> {
    const run = this.fallbackChain.then(write);
    this.fallbackChain = run.then(
      () => {},
      () => {},
    );
    return run;
  }
}

/** Writes in a persistence worker where Web Workers exist (the app), on this thread otherwise (Node tests). */
export function createWorkflowWrites(db: CoarchitectDb): WorkflowWrites {
  const direct = directWrites(db);
  if (typeof Worker === 'undefined') return direct;
  try {
    const worker = new Worker(new URL('../workers/persistence.worker.ts', import.meta.url), {
      type: 'module',
      name: 'persistence',
    });
    return new WorkerWrites(worker, db.name, direct, (reason) =>
      console.warn(`Saving on the UI thread from now on: the storage worker stopped (${reason}).`),
    );
  } catch {
    return direct;
  }
}
