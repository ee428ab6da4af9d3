/**
 * Transparent record encryption as a Dexie DBCore middleware: rows of the sensitive tables are sealed on
 * the way to IndexedDB and opened on the way back, so repository code never sees ciphertext. A stored row
 * keeps only its key and timestamps clear (what the indexes and the journal replay need):
 *   { id, createdAt, updatedAt, sealed: { v, iv, data } }
 * Other indexed fields (name, kind) are absent from sealed rows, so those indexes are simply empty; the
 * library filters and sorts in memory and never queries them.
 *
 * WebCrypto is asynchronous and an IndexedDB transaction commits as soon as it has no pending request, so
 * while a seal or open is in flight the transaction is kept busy with cheap reads and the work resumes
 * inside one of their success callbacks (the technique of Dexie.waitFor).
 */
import type {
  DBCore,
  DBCoreCursor,
  DBCoreGetManyRequest,
  DBCoreGetRequest,
  DBCoreMutateRequest,
  DBCoreQueryRequest,
  DBCoreOpenCursorRequest,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { isSealed, openJson, sealJson, type Sealed } from '../../shared/encryption/records';
import type { EncryptionSession } from './encryptionSession';

/** The sensitive tables and the fields of each that stay clear. */
export const SEALED_TABLES: Readonly<Record<string, readonly string[]>> = {
  workflows: ['id', 'createdAt', 'updatedAt', 'revision'],
  roles: ['id'],
  customSkills: ['id'],
  history: ['workflowId', 'savedAt'],
  // The co-design record: the workflow id stays clear for its index.
  threads: ['id', 'workflowId'],
  decisions: ['id', 'workflowId'],
  versions: ['id', 'workflowId'],
  signoffs: ['id', 'workflowId'],
};

type Row = Record<string, unknown>;
interface SealedRow extends Row {
  sealed: Sealed;
}

const keyOf = (row: Row, keyPath: string) => String(row[keyPath]);

/** Resolves with `work`'s outcome inside an IndexedDB callback, so the transaction is still active. */
function withinTransaction<T>(trans: DBCoreTransaction, storeName: string, work: Promise<T>): Promise<T> {
  const idb = trans as unknown as IDBTransaction;
  if (typeof idb.objectStore !== 'function') return work;
  return new Promise<T>((resolve, reject) => {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
    work.then(
      (value) => (outcome = { ok: true, value }),
      (error: unknown) => (outcome = { ok: false, error }),
    );
    const ping = () => {
      if (outcome) {
        if (outcome.ok) resolve(outcome.value);
        else reject(outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error)));
        return;
      }
      try {
        const request = idb.objectStore(storeName).get(-Infinity);
        request.onsuccess = ping;
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    ping();
  });
}

export async function sealRow(
  session: EncryptionSession,
  table: string,
  keyPath: string,
  row: Row,
): Promise<SealedRow> {
  const clearFields = SEALED_TABLES[table] ?? [];
  const sealed = await sealJson(session.dataKey(), row, { table, id: keyOf(row, keyPath) });
  const out: SealedRow = { sealed };
  for (const field of clearFields) if (field in row) out[field] = row[field];
  return out;
}

/** Opens a sealed row; clear rows (written before encryption was enabled) pass as they are. */
export async function openRow(
  session: EncryptionSession,
  table: string,
  keyPath: string,
  row: unknown,
): Promise<unknown> {
  if (typeof row !== 'object' || row === null || !isSealed((row as Row).sealed)) return row;
  const stored = row as SealedRow;
  const value = await openJson(session.dataKey(), stored.sealed, { table, id: keyOf(stored, keyPath) });
  // Clear fields written after sealing (a later schema upgrade) win over the sealed copy.
  const { sealed: _sealed, ...clear } = stored;
  return { ...(value as Row), ...clear };
}

function sealedTable(session: EncryptionSession, table: DBCoreTable): DBCoreTable {
  const name = table.name;
  const keyPath = table.schema.primaryKey.keyPath;
  if (typeof keyPath !== 'string') throw new Error(`Table ${name}: sealed tables need a single-field key`);
  const open = (trans: DBCoreTransaction, values: readonly unknown[]) =>
    values.length === 0
      ? Promise.resolve([] as unknown[])
      : withinTransaction(trans, name, Promise.all(values.map((v) => openRow(session, name, keyPath, v))));

  return {
    ...table,
    async mutate(req: DBCoreMutateRequest) {
      if ((req.type !== 'add' && req.type !== 'put') || !session.enabled) return table.mutate(req);
      // Checked before any await, so a locked workspace never writes a clear row.
      session.dataKey();
      const values = await withinTransaction(
        req.trans,
        name,
        Promise.all(req.values.map((v) => sealRow(session, name, keyPath, v as Row))),
      );
      return table.mutate({ ...req, values });
    },
    async get(req: DBCoreGetRequest) {
      const row: unknown = await table.get(req);
      return row === undefined ? row : (await open(req.trans, [row]))[0];
    },
    async getMany(req: DBCoreGetManyRequest) {
      const rows = await table.getMany(req);
      return open(req.trans, rows);
    },
    async query(req: DBCoreQueryRequest) {
      const result = await table.query(req);
      if (!req.values) return result;
      return { ...result, result: await open(req.trans, result.result) };
    },
    async openCursor(req: DBCoreOpenCursorRequest) {
      const cursor = await table.openCursor(req);
      if (!cursor || !req.values) return cursor;
      return openingCursor(cursor, (row) =>
        withinTransaction(req.trans, name, openRow(session, name, keyPath, row)),
      );
    },
  };
}

/** A cursor whose value is the opened row: each step is opened before the caller sees it. */
function openingCursor(cursor: DBCoreCursor, open: (row: unknown) => Promise<unknown>): DBCoreCursor {
  let current: unknown;
  return Object.create(cursor, {
    value: { get: () => current },
    start: {
      value: (onNext: () => void) =>
        cursor.start(() => {
          open(cursor.value).then(
            (value) => {
              current = value;
              onNext();
            },
            (error: unknown) => cursor.fail(error instanceof Error ? error : new Error(String(error))),
          );
        }),
    },
  }) as DBCoreCursor;
}

export function encryptionMiddleware(session: EncryptionSession): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'coarchitect-encryption',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return name in SEALED_TABLES ? sealedTable(session, table) : table;
      },
    }),
  };
}
