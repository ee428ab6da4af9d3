/**
 * The imported reference pack lives in a database of its own ("coarchitect-reference"), apart from the
 * workspace, so reference data never touches the workspace's schema or its migrations. One row: the pack's
 * gzipped bytes, parsed again with the same reader whenever they are read.
 */
import Dexie, { type Table } from 'dexie';

export const REFERENCE_DATABASE_NAME = 'coarchitect-reference';
const ACTIVE = 'active';

export interface StoredPackRow {
  key: string;
  bytes: Uint8Array;
  fileName: string;
  importedAt: string;
}

export class ReferenceDb extends Dexie {
  packs!: Table<StoredPackRow, string>;

  constructor(name = REFERENCE_DATABASE_NAME) {
    super(name);
    this.version(1).stores({ packs: 'key' });
  }
}

let db: ReferenceDb | null = null;
function database(): ReferenceDb {
  db ??= new ReferenceDb();
  return db;
}

export async function loadStoredPack(): Promise<StoredPackRow | null> {
  const row: unknown = await database().packs.get(ACTIVE);
  if (typeof row !== 'object' || row === null) return null;
  const { bytes, fileName, importedAt } = row as Record<string, unknown>;
  // Checked with isView rather than instanceof: a structured clone may come from another realm.
  if (!ArrayBuffer.isView(bytes) || typeof fileName !== 'string' || typeof importedAt !== 'string')
    return null;
  return {
    key: ACTIVE,
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    fileName,
    importedAt,
  };
}

export async function storePack(bytes: Uint8Array, fileName: string, importedAt: string): Promise<void> {
  await database().packs.put({ key: ACTIVE, bytes, fileName, importedAt });
}

export async function removeStoredPack(): Promise<void> {
  await database().packs.delete(ACTIVE);
}
