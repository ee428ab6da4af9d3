/**
 * What the interface needs to know of encryption at rest: whether it is on and after how long idle the
 * workspace locks. The key itself lives only in the database's EncryptionSession.
 */
import { create } from 'zustand';
import { JOURNAL_PREFIX, LEGACY_JOURNAL_KEY } from '../storage/autosave';
import {
  changeWorkspacePassphrase,
  disableEncryption,
  enableEncryption,
  readKeyring,
  setIdleLockMinutes,
  unlock,
  unlockWithRecovery,
} from '../storage/encryption';
import { HISTORY_JOURNAL_KEY } from '../storage/historySaver';
import { useWorkspace, workspaceDatabase } from '../store/workspaceStore';

interface PrivacyState {
  encrypted: boolean;
  idleLockMinutes: number;
}

export const usePrivacy = create<PrivacyState>()(() => ({ encrypted: false, idleLockMinutes: 0 }));

export async function refreshPrivacy(): Promise<void> {
  const keyring = await readKeyring(workspaceDatabase());
  usePrivacy.setState({ encrypted: keyring !== null, idleLockMinutes: keyring?.idleLockMinutes ?? 0 });
}

/** Reloads the workspace from the database (after unlocking, enabling or disabling). */
async function reload(): Promise<void> {
  await useWorkspace.getState().init(workspaceDatabase());
  await refreshPrivacy();
}

export async function unlockWorkspace(secret: string, kind: 'passphrase' | 'recovery code'): Promise<void> {
  const db = workspaceDatabase();
  if (kind === 'passphrase') await unlock(db, secret);
  else await unlockWithRecovery(db, secret);
  await reload();
}

/** Encrypts every stored record; returns the recovery code to show once. */
export async function turnOnEncryption(
  passphrase: string,
  idleLockMinutes: number,
  iterations?: number,
): Promise<string> {
  const workspace = useWorkspace.getState();
  await workspace.flush();
  const { recoveryCode } = await enableEncryption(workspaceDatabase(), passphrase, {
    idleLockMinutes,
    ...(iterations ? { iterations } : {}),
  });
  // The unload journals hold documents in clear; from now on none is written.
  removeUnloadJournals(globalThis.localStorage ?? null);
  const open = workspace.openWorkflowId;
  await reload();
  useWorkspace.getState().openWorkflow(open);
  return recoveryCode;
}

/** Every tab's workflow and history journals (and the shared key of versions before tabs had their own). */
function removeUnloadJournals(storage: Storage | null): void {
  if (!storage) return;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (
      key &&
      (key === LEGACY_JOURNAL_KEY || key.startsWith(JOURNAL_PREFIX) || key.startsWith(HISTORY_JOURNAL_KEY))
    )
      keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}

export async function turnOffEncryption(): Promise<void> {
  const workspace = useWorkspace.getState();
  await workspace.flush();
  await disableEncryption(workspaceDatabase());
  const open = workspace.openWorkflowId;
  await reload();
  useWorkspace.getState().openWorkflow(open);
}

export async function changePassphrase(current: string, next: string): Promise<void> {
  await changeWorkspacePassphrase(workspaceDatabase(), current, next);
}

export async function changeIdleLock(minutes: number): Promise<void> {
  await setIdleLockMinutes(workspaceDatabase(), minutes);
  await refreshPrivacy();
}
