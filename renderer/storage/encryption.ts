/**
 * Turning encryption at rest on and off, unlocking, locking and changing the passphrase of the local
 * workspace. Enabling and disabling rewrite every sensitive row in one transaction: all rows change, or
 * none do (a failure leaves the workspace as it was).
 */
import {
  KEYRING_ID,
  KeyringSchema,
  changePassphrase,
  createKeyring,
  unlockWithPassphrase,
  unlockWithRecoveryCode,
  type Keyring,
} from '../../shared/encryption/keyring';
import type { CoarchitectDb } from './db';
import { SEALED_TABLES } from './encryptionMiddleware';

export async function readKeyring(db: CoarchitectDb): Promise<Keyring | null> {
  const row: unknown = await db.keyring.get(KEYRING_ID);
  if (row === undefined) return null;
  const parsed = KeyringSchema.safeParse(row);
  if (!parsed.success)
    throw new Error(`The stored encryption keys are damaged: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

const sealedTables = (db: CoarchitectDb) => Object.keys(SEALED_TABLES).map((name) => db.table(name));

/** Rewrites every sensitive row (the middleware seals or opens it on the way). */
async function rewriteAll(
  db: CoarchitectDb,
  between: () => void,
  after: () => Promise<unknown>,
): Promise<void> {
  await db.transaction('rw', [...sealedTables(db), db.keyring], async () => {
    const contents = await Promise.all(sealedTables(db).map((table) => table.toArray()));
    between();
    await Promise.all(sealedTables(db).map((table, i) => table.bulkPut(contents[i] ?? [])));
    await after();
  });
}

export interface EnableOptions {
  /** Fewer only in tests; the stored header records the count used. */
  iterations?: number;
  idleLockMinutes?: number;
}

/** Encrypts the workspace; returns the recovery code, to show once. */
export async function enableEncryption(
  db: CoarchitectDb,
  passphrase: string,
  options: EnableOptions = {},
): Promise<{ recoveryCode: string }> {
  if (db.encryption.enabled) throw new Error('The workspace is already encrypted.');
  if (passphrase.length < 8) throw new Error('Choose a passphrase of at least 8 characters.');
  const { keyring, dataKey, recoveryCode } = await createKeyring(passphrase, options);
  try {
    await rewriteAll(
      db,
      () => db.encryption.unlock(dataKey),
      () => db.keyring.put(keyring),
    );
  } catch (error) {
    db.encryption.disable();
    throw error;
  }
  return { recoveryCode };
}

/** Decrypts every row and forgets the keys; the workspace must be unlocked. */
export async function disableEncryption(db: CoarchitectDb): Promise<void> {
  const key = db.encryption.dataKey();
  try {
    await rewriteAll(
      db,
      () => db.encryption.disable(),
      () => db.keyring.delete(KEYRING_ID),
    );
  } catch (error) {
    db.encryption.unlock(key);
    throw error;
  }
}

async function storedKeyring(db: CoarchitectDb): Promise<Keyring> {
  const keyring = await readKeyring(db);
  if (!keyring) throw new Error('This workspace is not encrypted.');
  return keyring;
}

export async function unlock(db: CoarchitectDb, passphrase: string): Promise<void> {
  db.encryption.unlock(await unlockWithPassphrase(await storedKeyring(db), passphrase));
}

export async function unlockWithRecovery(db: CoarchitectDb, code: string): Promise<void> {
  db.encryption.unlock(await unlockWithRecoveryCode(await storedKeyring(db), code));
}

/** Re-wraps the data key under the new passphrase: no record is rewritten. */
export async function changeWorkspacePassphrase(
  db: CoarchitectDb,
  current: string,
  next: string,
): Promise<void> {
  if (next.length < 8) throw new Error('Choose a passphrase of at least 8 characters.');
  const keyring = await storedKeyring(db);
  const dataKey = await unlockWithPassphrase(keyring, current);
  await db.keyring.put(await changePassphrase(keyring, dataKey, next));
}

export async function setIdleLockMinutes(db: CoarchitectDb, minutes: number): Promise<void> {
  const keyring = await storedKeyring(db);
  await db.keyring.put(KeyringSchema.parse({ ...keyring, idleLockMinutes: minutes }));
}
