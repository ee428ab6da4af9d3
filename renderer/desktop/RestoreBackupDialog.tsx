/**
 * "Restore from backup…" (desktop): the rolling backups, newest first, with their time, size and number of
 * workflows. Restoring goes through the normal import, so it adds the backup's workflows beside yours (a taken
 * id becomes a copy) and never overwrites anything; the dialog says so before it does it.
 */
import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../shared/ipc';
import { getPlatform } from '../platform/index';
import { Dialog } from '../ui/Dialog';
import { importFileText } from './fileImport';

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function RestoreBackupDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const backups = getPlatform().backups;
  const [list, setList] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<BackupInfo | null>(null);

  useEffect(() => {
    if (!open || !backups) return;
    setList(null);
    setChosen(null);
    setError(null);
    backups.list().then(
      (found) => setList([...found].sort((a, b) => b.createdAt.localeCompare(a.createdAt))),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [open, backups]);

  async function restore(backup: BackupInfo) {
    if (!backups) return;
    try {
      const file = await backups.read(backup.fileName);
      if (await importFileText(`Backup of ${when(backup.createdAt)}`, file.content, { openSingle: false }))
        onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title="Restore from backup"
      description={
        backups
          ? 'The desktop app keeps a backup of the workspace every 5 minutes while it changes (the newest 10).'
          : 'Backups are kept by the desktop app; this browser keeps none.'
      }
      actions={
        <button type="button" onClick={onClose}>
          Close
        </button>
      }
    >
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {backups && list === null && !error && <p role="status">Looking for backups…</p>}
      {list && list.length === 0 && <p>No backups yet: the first is written 5 minutes after a change.</p>}
      {list && list.length > 0 && !chosen && (
        <ul className="backup-list" aria-label="Backups">
          {list.map((b) => (
            <li key={b.fileName}>
              <button type="button" onClick={() => setChosen(b)}>
                {when(b.createdAt)} · {b.workflowCount} workflow{b.workflowCount === 1 ? '' : 's'} ·{' '}
                {size(b.sizeBytes)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <div role="group" aria-label="Confirm restore">
          <p>
            Restore the backup of {when(chosen.createdAt)}? Its {chosen.workflowCount} workflow
            {chosen.workflowCount === 1 ? '' : 's'} will be added beside yours; a workflow you still have is
            added as a copy, so nothing you have now is overwritten.
          </p>
          <button type="button" className="primary" onClick={() => void restore(chosen)}>
            Restore
          </button>{' '}
          <button type="button" onClick={() => setChosen(null)}>
            Back
          </button>
        </div>
      )}
    </Dialog>
  );
}
