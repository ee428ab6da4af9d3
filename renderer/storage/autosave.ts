/**
 * Debounced saving of edited workflows. Typing or dragging produces many edits a second; they are
 * coalesced per workflow and written together. Before the page goes away the pending edits are also
 * journalled synchronously to localStorage, because an IndexedDB write started during unload may not
 * finish; the journal is replayed at the next start (see recoverJournal).
 */
import { z } from 'zod';
import { WorkflowSchema } from '../../shared/model/schema';
import type { Workflow } from '../../shared/model/schema';

export type SaveState = 'saved' | 'saving' | 'error';

export const JOURNAL_KEY = 'coarchitect.pending-workflows';

/**
 * One journalled workflow and the updatedAt of the version this session knew to be stored when it was
 * journalled. At the next start the entry replaces the stored row only if that row is still the one this
 * session knew (or is older): an undo journalled right before a reload carries an older updatedAt than
 * the stored row, and must still win.
 */
export interface JournalEntry {
  workflow: Workflow;
  storedUpdatedAt: string | null;
}

export function shouldReplay(entry: JournalEntry, stored: Pick<Workflow, 'updatedAt'> | undefined): boolean {
  return (
    !stored || stored.updatedAt === entry.storedUpdatedAt || stored.updatedAt <= entry.workflow.updatedAt
  );
}

export class AutoSaver {
  private pending = new Map<string, Workflow>();
  /** updatedAt of each workflow as stored in IndexedDB, as far as this session knows. */
  private stored = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (workflows: Workflow[]) => Promise<void>,
    private readonly onState: (state: SaveState, error?: string) => void,
    private readonly delayMs = 300,
    private readonly storage: Pick<
      Storage,
      'getItem' | 'setItem' | 'removeItem'
    > | null = globalThis.localStorage ?? null,
  ) {}

  schedule(workflow: Workflow): void {
    this.pending.set(workflow.id, workflow);
    this.onState('saving');
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Records what is in the database (after loading), for the journal's replay check. */
  remember(workflows: readonly Workflow[]): void {
    for (const wf of workflows) this.stored.set(wf.id, wf.updatedAt);
  }

  /** Drops a pending save, e.g. when the workflow was deleted. */
  forget(id: string): void {
    this.pending.delete(id);
  }

  /** Resolves when every write started so far has finished (a delete must not be overtaken by a save). */
  idle(): Promise<void> {
    return this.writing;
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = [...this.pending.values()];
    this.pending.clear();
    if (batch.length === 0) return this.writing;
    this.writing = this.writing
      .then(() => this.write(batch))
      .then(
        () => {
          this.remember(batch);
          this.storage?.removeItem(JOURNAL_KEY);
          if (this.pending.size === 0) this.onState('saved');
        },
        (error: unknown) => {
          for (const wf of batch) if (!this.pending.has(wf.id)) this.pending.set(wf.id, wf);
          this.onState('error', error instanceof Error ? error.message : String(error));
        },
      );
    return this.writing;
  }

  /** Synchronous last resort when the page is hidden or closed. */
  journal(): void {
    if (!this.storage || this.pending.size === 0) return;
    try {
      const entries: JournalEntry[] = [...this.pending.values()].map((workflow) => ({
        workflow,
        storedUpdatedAt: this.stored.get(workflow.id) ?? null,
      }));
      this.storage.setItem(JOURNAL_KEY, JSON.stringify({ format: 2, entries }));
    } catch {
      // Storage full or unavailable: the IndexedDB flush that follows is all we can do.
    }
  }
}

const JournalEntrySchema = z.object({ workflow: WorkflowSchema, storedUpdatedAt: z.string().nullable() });

/**
 * Workflows journalled at the last unload that may not have reached IndexedDB; invalid entries are dropped.
 * Reads the current format ({ format: 2, entries }) and the first one (a plain list of workflows).
 */
export function readJournal(
  storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null,
): JournalEntry[] {
  const text = storage?.getItem(JOURNAL_KEY);
  if (!text) return [];
  try {
    const data: unknown = JSON.parse(text);
    if (Array.isArray(data)) {
      return data.flatMap((row) => {
        const parsed = WorkflowSchema.safeParse(row);
        return parsed.success ? [{ workflow: parsed.data, storedUpdatedAt: null }] : [];
      });
    }
    const entries = z.object({ format: z.literal(2), entries: z.array(z.unknown()) }).safeParse(data);
    if (!entries.success) return [];
    return entries.data.entries.flatMap((row) => {
      const parsed = JournalEntrySchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return [];
  }
}
