/**
 * Replays, at start, the unload journals of tabs that closed (or crashed) before their last edits reached
 * IndexedDB. Several tabs may have journalled, even the same workflow: each entry is written only over the
 * revision it was based on, one after another, so the first one lands and a second one based on the same
 * revision comes back as a conflict to show, not to resolve silently. Journals of tabs still open are left
 * to them.
 */
import type { Workflow } from '../../shared/model/schema';
import type { CoarchitectDb } from './db';
import {
  JOURNAL_PREFIX,
  journalKeys,
  readJournal,
  readJournalKey,
  shouldReplay,
  LEGACY_JOURNAL_KEY,
  type JournalEntry,
} from './autosave';
import * as repo from './repository';

export interface JournalConflict extends repo.SaveConflict {
  mine: Workflow;
  /** Removed once the conflict is resolved. */
  journalKey: string;
}

export interface Recovery {
  /** Workflows written, with their new revisions. */
  saved: { id: string; revision: number }[];
  conflicts: JournalConflict[];
}

type JournalStorage = Pick<Storage, 'getItem' | 'removeItem' | 'key' | 'length'>;

function remove(storage: JournalStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Left for the next start; replaying it again is harmless (same content, or a conflict shown again).
  }
}

async function replayLegacy(db: CoarchitectDb, entry: JournalEntry, recovery: Recovery): Promise<void> {
  const stored = await repo.loadWorkflow(db, entry.workflow.id);
  if (!shouldReplay(entry, stored?.workflow)) return;
  const revisions = await repo.saveWorkflows(db, [entry.workflow]);
  for (const [id, revision] of revisions) recovery.saved.push({ id, revision });
}

export async function recoverJournals(
  db: CoarchitectDb,
  liveTabs: ReadonlySet<string>,
  storage: JournalStorage | null = globalThis.localStorage ?? null,
): Promise<Recovery> {
  const recovery: Recovery = { saved: [], conflicts: [] };
  if (!storage) return recovery;
  const entries = readJournal(storage).filter((e) => e.tabId === null || !liveTabs.has(e.tabId));
  const handled = new Set<string>();
  for (const entry of entries) {
    if (entry.storedRevision === null) {
      await replayLegacy(db, entry, recovery);
      handled.add(entry.key);
      continue;
    }
    const outcome = await repo.saveWorkflowRevisions(db, [
      { workflow: entry.workflow, baseRevision: entry.storedRevision },
    ]);
    recovery.saved.push(...outcome.saved);
    for (const conflict of outcome.conflicts)
      recovery.conflicts.push({ ...conflict, mine: entry.workflow, journalKey: entry.key });
    if (outcome.conflicts.length === 0) handled.add(entry.key);
  }
  // Unreadable journals of closed tabs are dropped too: nothing in them can be replayed.
  const read = new Set(entries.map((e) => e.key));
  for (const key of journalKeys(storage)) {
    if (key === LEGACY_JOURNAL_KEY) handled.add(key);
    else if (!read.has(key) && readJournalKey(storage, key).length === 0) {
      const tabId = key.slice(JOURNAL_PREFIX.length).split(':')[0] ?? '';
      if (!liveTabs.has(tabId)) handled.add(key);
    }
  }
  for (const key of handled) remove(storage, key);
  return recovery;
}
