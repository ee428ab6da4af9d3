/**
 * Asks the browser once to keep the database even when disk space runs low (without it, IndexedDB is
 * "best effort" and may be evicted: Dexie #958). The answer is shown in the library.
 */
export type StoragePersistence = 'persistent' | 'best-effort' | 'unknown';

interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

let asked: Promise<StoragePersistence> | null = null;

export function requestPersistentStorage(
  storage: StorageManagerLike | undefined = (
    globalThis.navigator as { storage?: StorageManagerLike } | undefined
  )?.storage,
): Promise<StoragePersistence> {
  asked ??= (async () => {
    if (!storage?.persist) return 'unknown';
    try {
      if (await storage.persisted?.()) return 'persistent';
      return (await storage.persist()) ? 'persistent' : 'best-effort';
    } catch {
      return 'unknown';
    }
  })();
  return asked;
}

/** For tests: the next call asks again. */
export function forgetPersistenceAnswer(): void {
  asked = null;
}

export function describePersistence(state: StoragePersistence): string {
  switch (state) {
    case 'persistent':
      return 'Storage: persistent — the browser keeps this workspace even when disk space runs low.';
    case 'best-effort':
      return 'Storage: may be cleared by the browser when disk space runs low — export important workflows.';
    case 'unknown':
      return 'Storage: this browser does not say whether it keeps the workspace when disk space runs low.';
  }
}
