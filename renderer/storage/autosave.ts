/**
 * Debounced saving of edited workflows. Typing or dragging produces many edits a second; they are
 * coalesced per workflow and written together, at the latest MAX_DELAY_MS after the first unsaved edit
 * (continuous editing must not postpone the save for ever: a crash loses at most about a second).
 *
 * Each workflow is written over the stored revision this tab's copy is based on; if another tab or
 * window wrote it meanwhile, nothing is written and the conflict is handed to `onConflict`.
 *
 * Before the page goes away the pending edits are also journalled synchronously to localStorage, one key
 * per tab and workflow, because an IndexedDB write started during unload may not finish; journals of
 * closed tabs are replayed at the next start (journalRecovery.ts).
 */
import { z } from 'zod';
import { WorkflowSchema } from '../../shared/model/schema';
import type { Workflow } from '../../shared/model/schema';
import type { SaveConflict, SaveOutcome } from './repository';

export type SaveState = 'saved' | 'saving' | 'error';

/** The one shared key of earlier versions; still read at start, never written. */
export const LEGACY_JOURNAL_KEY = 'coarchitect.pending-workflows';
export const JOURNAL_PREFIX = 'coarchitect.pending-workflow:';
export const journalKey = (tabId: string, workflowId: string) => `${JOURNAL_PREFIX}${tabId}:${workflowId}`;

/** A save is at most this late after the first edit it carries, however fast the edits come. */
export const MAX_DELAY_MS = 700;

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * One journalled workflow and the stored revision its copy was based on when journalled (null in journals
 * of earlier versions, which recorded the stored updatedAt instead).
 */
export interface JournalEntry {
  /** The localStorage key it was read from (to remove it once handled). */
  key: string;
  /** The tab that wrote it (null for the legacy shared journal). */
  tabId: string | null;
  workflow: Workflow;
  storedRevision: number | null;
  storedUpdatedAt: string | null;
}

/** The rule of the legacy journal: replay unless a newer version was stored since. */
export function shouldReplay(
  entry: Pick<JournalEntry, 'workflow' | 'storedUpdatedAt'>,
  stored: Pick<Workflow, 'updatedAt'> | undefined,
): boolean {
  return (
    !stored || stored.updatedAt === entry.storedUpdatedAt || stored.updatedAt <= entry.workflow.updatedAt
  );
}

export interface AutoSaverOptions {
  delayMs?: number;
  maxDelayMs?: number;
  storage?: KeyValueStorage | null;
  /** This tab's id (journal keys). */
  tabId?: string;
  /** Another window wrote the workflow since this copy was read; it stays unsaved until resolved. */
  onConflict?: (conflict: SaveConflict) => void;
  /** Workflows written, with their new revisions (to tell other windows). */
  onSaved?: (saved: readonly { id: string; revision: number }[]) => void;
}

type Write = (workflows: Workflow[], baseRevisions: number[]) => Promise<SaveOutcome | void>;

export class AutoSaver {
  private pending = new Map<string, Workflow>();
  /** Being written now (journalled too on unload: the page may die before the write completes). */
  private inFlight = new Map<string, Workflow>();
  /** Refused because another window wrote it meanwhile; not saved again until resolved. */
  private conflicted = new Set<string>();
  /** The stored revision each workflow's copy here is based on (0 or absent: never stored). */
  private revisions = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt: number | null = null;
  private writing: Promise<void> = Promise.resolve();
  /** Journal keys this tab wrote, per workflow, removed once that workflow is saved. */
  private journalled = new Set<string>();
  private readonly delayMs: number;
  private readonly maxDelayMs: number;
  private readonly storage: KeyValueStorage | null;
  readonly tabId: string;

  constructor(
    private readonly write: Write,
    private readonly onState: (state: SaveState, error?: string) => void,
    private readonly options: AutoSaverOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 300;
    this.maxDelayMs = options.maxDelayMs ?? MAX_DELAY_MS;
    this.storage = options.storage === undefined ? (globalThis.localStorage ?? null) : options.storage;
    this.tabId = options.tabId ?? 'tab';
  }

  schedule(workflow: Workflow): void {
    this.pending.set(workflow.id, workflow);
    if (this.conflicted.has(workflow.id)) return; // Saved once the conflict is resolved.
    this.onState('saving');
    const now = Date.now();
    this.firstPendingAt ??= now;
    if (this.timer !== null) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.delayMs, this.firstPendingAt + this.maxDelayMs - now));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Records the stored revisions of workflows (after loading, or following another window's write). */
  remember(revisions: Iterable<readonly [string, number]>): void {
    for (const [id, revision] of revisions) this.revisions.set(id, revision);
  }

  revisionOf(id: string): number {
    return this.revisions.get(id) ?? 0;
  }

  /** True while this tab holds edits of the workflow that are not stored (pending, being written, refused). */
  hasUnsaved(id: string): boolean {
    return this.pending.has(id) || this.inFlight.has(id) || this.conflicted.has(id);
  }

  /**
   * The conflict was resolved: the copy here is now based on `revision`; a pending version (keep mine) is
   * written over it, none (take theirs) leaves it.
   */
  resolve(id: string, revision: number): void {
    this.conflicted.delete(id);
    this.revisions.set(id, revision);
    const mine = this.pending.get(id);
    if (mine) this.schedule(mine);
    else {
      this.dropJournal(id);
      if (!this.hasPendingWrites && this.conflicted.size === 0) this.onState('saved');
    }
  }

  /** Holds a version back as in conflict (from a journal): saved only once resolve() is called. */
  holdConflict(workflow: Workflow): void {
    this.pending.set(workflow.id, workflow);
    this.conflicted.add(workflow.id);
  }

  /** Drops a pending save, e.g. when the workflow was deleted or replaced by another window's version. */
  forget(id: string): void {
    this.pending.delete(id);
    this.conflicted.delete(id);
    this.dropJournal(id);
  }

  /** Resolves when every write started so far has finished (a delete must not be overtaken by a save). */
  idle(): Promise<void> {
    return this.writing;
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  private get hasPendingWrites(): boolean {
    return [...this.pending.keys()].some((id) => !this.conflicted.has(id));
  }

  flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.firstPendingAt = null;
    const batch = [...this.pending.values()].filter((wf) => !this.conflicted.has(wf.id));
    if (batch.length === 0) return this.writing;
    for (const wf of batch) {
      this.pending.delete(wf.id);
      this.inFlight.set(wf.id, wf);
    }
    this.writing = this.writing.then(() => this.writeBatch(batch));
    return this.writing;
  }

  /** Never rejects: a failure is reported through onState and the batch stays pending. */
  private async writeBatch(batch: Workflow[]): Promise<void> {
    try {
      const outcome = await this.write(
        batch,
        batch.map((wf) => this.revisionOf(wf.id)),
      );
      const saved = outcome
        ? outcome.saved
        : batch.map((wf) => ({ id: wf.id, revision: this.revisionOf(wf.id) + 1 }));
      for (const { id, revision } of saved) {
        this.revisions.set(id, revision);
        if (!this.pending.has(id)) this.dropJournal(id);
      }
      for (const conflict of outcome?.conflicts ?? []) {
        this.conflicted.add(conflict.id);
        const mine = batch.find((wf) => wf.id === conflict.id);
        if (mine && !this.pending.has(conflict.id)) this.pending.set(conflict.id, mine);
        this.options.onConflict?.(conflict);
      }
      if (saved.length > 0) this.options.onSaved?.(saved);
      if (outcome?.conflicts.length)
        this.onState('error', 'another window changed this workflow; choose which version to keep');
      else if (!this.hasPendingWrites && this.conflicted.size === 0) this.onState('saved');
    } catch (error) {
      for (const wf of batch) if (!this.pending.has(wf.id)) this.pending.set(wf.id, wf);
      this.onState('error', error instanceof Error ? error.message : String(error));
    } finally {
      for (const wf of batch) this.inFlight.delete(wf.id);
    }
  }

  private dropJournal(id: string): void {
    const key = journalKey(this.tabId, id);
    if (!this.journalled.delete(key)) return;
    try {
      this.storage?.removeItem(key);
    } catch {
      // Unavailable storage: the entry is dropped at the next start, as stored already.
    }
  }

  /** Synchronous last resort when the page is hidden or closed: one key per unsaved workflow. */
  journal(): void {
    if (!this.storage) return;
    const unsaved = new Map([...this.inFlight, ...this.pending]);
    for (const wf of unsaved.values()) {
      const key = journalKey(this.tabId, wf.id);
      const entry = { format: 3, tabId: this.tabId, workflow: wf, storedRevision: this.revisionOf(wf.id) };
      try {
        this.storage.setItem(key, JSON.stringify(entry));
        this.journalled.add(key);
      } catch {
        // Storage full or unavailable: the IndexedDB flush that follows is all we can do.
      }
    }
  }
}

const EntryV3Schema = z.object({
  format: z.literal(3),
  tabId: z.string(),
  workflow: WorkflowSchema,
  storedRevision: z.number().int().nonnegative(),
});
const EntryV2Schema = z.object({ workflow: WorkflowSchema, storedUpdatedAt: z.string().nullable() });

type ReadableStorage = Pick<Storage, 'getItem' | 'key' | 'length'>;

/** Every journal key in storage (this version's per-tab keys and the legacy shared one). */
export function journalKeys(storage: ReadableStorage | null): string[] {
  if (!storage) return [];
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key && (key.startsWith(JOURNAL_PREFIX) || key === LEGACY_JOURNAL_KEY)) keys.push(key);
  }
  return keys.sort();
}

function parseJson(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The entries under one key; invalid entries are dropped. */
export function readJournalKey(storage: Pick<Storage, 'getItem'>, key: string): JournalEntry[] {
  const data = parseJson(storage.getItem(key));
  if (key !== LEGACY_JOURNAL_KEY) {
    const parsed = EntryV3Schema.safeParse(data);
    if (!parsed.success) return [];
    const { tabId, workflow, storedRevision } = parsed.data;
    return [{ key, tabId, workflow, storedRevision, storedUpdatedAt: null }];
  }
  // The legacy journal: a plain list of workflows (format 1) or { format: 2, entries }.
  const legacy = (workflow: Workflow, storedUpdatedAt: string | null): JournalEntry => ({
    key,
    tabId: null,
    workflow,
    storedRevision: null,
    storedUpdatedAt,
  });
  if (Array.isArray(data)) {
    return data.flatMap((row) => {
      const parsed = WorkflowSchema.safeParse(row);
      return parsed.success ? [legacy(parsed.data, null)] : [];
    });
  }
  const v2 = z.object({ format: z.literal(2), entries: z.array(z.unknown()) }).safeParse(data);
  if (!v2.success) return [];
  return v2.data.entries.flatMap((row) => {
    const parsed = EntryV2Schema.safeParse(row);
    return parsed.success ? [legacy(parsed.data.workflow, parsed.data.storedUpdatedAt)] : [];
  });
}

/** Every journalled workflow in storage, in key order. */
export function readJournal(
  storage: (Pick<Storage, 'getItem'> & ReadableStorage) | null = globalThis.localStorage ?? null,
): JournalEntry[] {
  if (!storage) return [];
  return journalKeys(storage).flatMap((key) => readJournalKey(storage, key));
}
