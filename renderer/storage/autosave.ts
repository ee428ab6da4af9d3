/**
 * Debounced saving of edited workflows. Typing or dragging produces many edits a second; they are
 * coalesced per workflow and written together. Before the page goes away the pending edits are also
 * journalled synchronously to localStorage, because an IndexedDB write started during unload may not
 * finish; the journal is replayed at the next start (see recoverJournal).
 */
import { WorkflowSchema } from '../../shared/model/schema';
import type { Workflow } from '../../shared/model/schema';

export type SaveState = 'saved' | 'saving' | 'error';

export const JOURNAL_KEY = 'coarchitect.pending-workflows';

export class AutoSaver {
  private pending = new Map<string, Workflow>();
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

  /** Drops a pending save, e.g. when the workflow was deleted. */
  forget(id: string): void {
    this.pending.delete(id);
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
      this.storage.setItem(JOURNAL_KEY, JSON.stringify([...this.pending.values()]));
    } catch {
      // Storage full or unavailable: the IndexedDB flush that follows is all we can do.
    }
  }
}

/** Workflows journalled at the last unload that may not have reached IndexedDB; invalid entries are dropped. */
export function readJournal(
  storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null,
): Workflow[] {
  const text = storage?.getItem(JOURNAL_KEY);
  if (!text) return [];
  try {
    const rows: unknown = JSON.parse(text);
    if (!Array.isArray(rows)) return [];
    return rows.flatMap((row) => {
      const parsed = WorkflowSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return [];
  }
}
