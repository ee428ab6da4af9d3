/** The IPC handlers of the rolling backups (backups.ts), guarded like every handler. */
import { guarded, type IpcHandlers } from './ipc';
import { listBackups, readBackup, writeBackup } from './backups';

export type BackupHandlers<Owner> = Pick<IpcHandlers<Owner>, 'backup:write' | 'backup:list' | 'backup:read'>;

export function createBackupHandlers<Owner>(deps: { dir: string; now?: () => Date }): BackupHandlers<Owner> {
  const now = deps.now ?? (() => new Date());
  return {
    'backup:write': guarded('backup:write', async (_sender, { content }) =>
      writeBackup(deps.dir, content, now()),
    ),
    'backup:list': guarded('backup:list', async () => listBackups(deps.dir)),
    'backup:read': guarded('backup:read', async (_sender, { fileName }) => readBackup(deps.dir, fileName)),
  };
}
