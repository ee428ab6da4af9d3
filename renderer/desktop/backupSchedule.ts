/**
 * Rolling backups in the desktop app: every BACKUP_INTERVAL_MS the whole workspace is exported and handed to
 * main (which validates it, writes it atomically and keeps the newest BACKUPS_KEPT). Nothing is written when
 * nothing changed since the last backup, and never while the workspace is encrypted: a backup is clear text.
 */
import { BACKUP_INTERVAL_MS } from '../../shared/ipc';
import { exportWorkspace, serializeDocument } from '../../shared/format/document';
import type { BackupStore } from '../platform/platform';
import { usePrivacy } from '../privacy/privacyStore';
import { useWorkspace } from '../store/workspaceStore';

export interface BackupScheduleOptions {
  intervalMs?: number;
  /** Told when a backup fails (the disk is full, main refused it); the schedule goes on. */
  onError?(error: unknown): void;
}

/**
 * What a backup would hold now (its text, and the contents without the export's own timestamp, to tell
 * whether anything changed), or null when there is nothing to back up or it must not be.
 */
export function backupContent(): { text: string; contents: string } | null {
  if (usePrivacy.getState().encrypted) return null;
  const { status, workflows, roles, customSkills } = useWorkspace.getState();
  if (status !== 'ready' || workflows.length === 0) return null;
  return {
    text: serializeDocument(exportWorkspace({ workflows, roles, customSkills })),
    contents: JSON.stringify([workflows, roles, customSkills]),
  };
}

/** Starts the schedule; returns the function that stops it. `backupNow` writes one at once if needed. */
export function startBackupSchedule(
  store: BackupStore,
  { intervalMs = BACKUP_INTERVAL_MS, onError }: BackupScheduleOptions = {},
): { stop(): void; backupNow(): Promise<boolean> } {
  let last: string | null = null;
  let running: Promise<boolean> | null = null;
  const backupNow = (): Promise<boolean> => {
    if (running) return running;
    const content = backupContent();
    if (content === null || content.contents === last) return Promise.resolve(false);
    // Through a promise from the start, so even a write that throws at once is reported, never unhandled.
    running = Promise.resolve()
      .then(() => store.write(content.text))
      .then(() => {
        last = content.contents;
        return true;
      })
      .catch((error: unknown) => {
        onError?.(error);
        return false;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void backupNow(), intervalMs);
  return { stop: () => clearInterval(timer), backupNow };
}
