/**
 * Debounced saving of the open workflow's undo history, with the same unload journal as the AutoSaver:
 * before the page goes away the history is written synchronously to localStorage (an IndexedDB write
 * started during unload may not finish) and replayed at the next start, so the edit made right before a
 * reload can still be undone. The history is captured when it is written, not at every edit: capturing
 * costs a walk over the undo stacks, and only the latest version matters.
 */
import { parseHistoryRow, type HistoryRow } from './historyRow';

/** The shared key of earlier versions (and of a saver given no tab id); per tab, historyJournalKey. */
export const HISTORY_JOURNAL_KEY = 'coarchitect.pending-history';
const HISTORY_JOURNAL_PREFIX = `${HISTORY_JOURNAL_KEY}:`;
export const historyJournalKey = (tabId: string) => `${HISTORY_JOURNAL_PREFIX}${tabId}`;
/** localStorage holds about 5 MB per origin, shared with the workflow journal: the journal keeps less. */
export const HISTORY_JOURNAL_CHARS = 1_500_000;

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Produces the row to write now, at most `maxChars` characters of entries when given, or null when there
 * is nothing (any more) to write for that workflow.
 */
export type CaptureHistory = (maxChars?: number) => HistoryRow | null;

export class HistorySaver {
  private pending: { workflowId: string; capture: CaptureHistory } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  /** Counts schedules, so that a write only clears a journal it covers. */
  private edits = 0;
  private journalled = 0;

  constructor(
    private readonly write: (row: HistoryRow) => Promise<void>,
    private readonly onError: (error: unknown) => void = () => {},
    private readonly delayMs = 500,
    private readonly storage: KeyValueStorage | null = globalThis.localStorage ?? null,
    tabId?: string,
  ) {
    this.journalKey = tabId ? historyJournalKey(tabId) : HISTORY_JOURNAL_KEY;
  }

  private readonly journalKey: string;

  schedule(workflowId: string, capture: CaptureHistory): void {
    // Another workflow's history still waiting is captured now, before its stacks are replaced.
    if (this.pending && this.pending.workflowId !== workflowId) void this.flush();
    this.pending = { workflowId, capture };
    this.edits++;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Drops a pending save, e.g. when the workflow was deleted. */
  forget(workflowId: string): void {
    if (this.pending?.workflowId === workflowId) this.pending = null;
  }

  /** Captures the pending history now (synchronously) and writes it after any write under way. */
  flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const row = this.pending?.capture() ?? null;
    this.pending = null;
    if (!row) return this.writing;
    const covers = this.edits;
    this.writing = this.writing
      .then(() => this.write(row))
      .then(
        () => {
          if (covers >= this.journalled) this.storage?.removeItem(this.journalKey);
        },
        (error: unknown) => this.onError(error),
      );
    return this.writing;
  }

  /** Resolves when every write started so far has finished (reading a history must wait for its write). */
  idle(): Promise<void> {
    return this.writing;
  }

  /** Synchronous last resort when the page is hidden or closed; keeps the steps nearest to the present. */
  journal(): void {
    if (!this.storage || !this.pending) return;
    const row = this.pending.capture(HISTORY_JOURNAL_CHARS);
    if (!row) return;
    try {
      this.storage.setItem(this.journalKey, JSON.stringify(row));
      this.journalled = this.edits;
    } catch {
      // Storage full or unavailable: the IndexedDB flush that follows is all we can do.
    }
  }
}

/** The history journalled at the last unload, or null when there is none or it cannot be used. */
export function readHistoryJournal(
  storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null,
): HistoryRow | null {
  const text = storage?.getItem(HISTORY_JOURNAL_KEY);
  if (!text) return null;
  try {
    const parsed = parseHistoryRow(JSON.parse(text));
    return parsed.ok ? parsed.row : null;
  } catch {
    return null;
  }
}

/**
 * The histories journalled by tabs that are no longer open (and the legacy shared one), with their keys so
 * that they can be removed once replayed.
 */
export function readHistoryJournals(
  liveTabs: ReadonlySet<string>,
  storage: Pick<Storage, 'getItem' | 'key' | 'length'> | null = globalThis.localStorage ?? null,
): { key: string; row: HistoryRow | null }[] {
  if (!storage) return [];
  const found: { key: string; row: HistoryRow | null }[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key) continue;
    const orphan =
      key === HISTORY_JOURNAL_KEY ||
      (key.startsWith(HISTORY_JOURNAL_PREFIX) && !liveTabs.has(key.slice(HISTORY_JOURNAL_PREFIX.length)));
    if (!orphan) continue;
    found.push({
      key,
      row: readHistoryJournal({ getItem: (k) => (k === HISTORY_JOURNAL_KEY ? storage.getItem(key) : null) }),
    });
  }
  return found;
}
