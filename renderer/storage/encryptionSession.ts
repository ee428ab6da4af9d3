/**
 * Whether this database's rows are sealed, and the data key while the workspace is unlocked. One per
 * database connection; the middleware (encryptionMiddleware.ts) reads it on every row. Locking drops the
 * key: WebCrypto keeps its bytes out of reach of script, and nothing else holds them.
 */
import type { KeyHandle } from '../../shared/encryption/webcrypto';

export class LockedError extends Error {
  constructor() {
    super('The workspace is locked: unlock it with its passphrase or recovery code.');
    this.name = 'LockedError';
  }
}

export class EncryptionSession {
  /** True once a keyring is stored: rows are sealed on write and nothing is written clear. */
  enabled = false;
  private key: KeyHandle | null = null;

  get locked(): boolean {
    return this.enabled && this.key === null;
  }

  /** The data key, or LockedError: a locked workspace neither reads nor writes sealed rows. */
  dataKey(): KeyHandle {
    if (!this.key) throw new LockedError();
    return this.key;
  }

  hasKey(): boolean {
    return this.key !== null;
  }

  unlock(key: KeyHandle): void {
    this.enabled = true;
    this.key = key;
  }

  lock(): void {
    this.key = null;
  }

  disable(): void {
    this.enabled = false;
    this.key = null;
  }
}
