import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { freshDb } from '../freshDb';
import { CoarchitectDb } from '../../../renderer/storage/db';
import {
  changeWorkspacePassphrase,
  disableEncryption,
  enableEncryption,
  unlock,
  unlockWithRecovery,
} from '../../../renderer/storage/encryption';
import {
  loadHistory,
  loadWorkspace,
  saveHistory,
  saveRole,
  saveWorkflows,
} from '../../../renderer/storage/repository';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import type { Workspace } from '../../../shared/model/schema';
import type { HistoryRow } from '../../../renderer/storage/historyRow';

const FAST = { iterations: 1_000 };

/** Every object store's rows as JSON, read with plain IndexedDB: what someone copying the disk would see. */
async function rawDump(name: string): Promise<string> {
  return JSON.stringify(await rawStores(name));
}

async function rawStores(name: string): Promise<Record<string, unknown[]>> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const stores = [...idb.objectStoreNames];
  const tx = idb.transaction(stores, 'readonly');
  const all = await Promise.all(
    stores.map(
      (store) =>
        new Promise<unknown[]>((resolve, reject) => {
          const request = tx.objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        }),
    ),
  );
  idb.close();
  return Object.fromEntries(stores.map((store, i) => [store, all[i] ?? []]));
}

/** Names, labels and costs of the fixture that must never be stored in clear. */
function sensitiveStrings(ws: Workspace): string[] {
  const out = new Set<string>();
  for (const wf of ws.workflows) {
    out.add(wf.name);
    for (const step of wf.steps) out.add(step.name);
  }
  for (const role of ws.roles) {
    out.add(role.name);
    out.add(`"costPerHour":${role.costPerHour}`);
  }
  return [...out].filter((s) => s.length >= 4);
}

function historyOf(ws: Workspace): HistoryRow {
  const wf = ws.workflows[0]!;
  return {
    workflowId: wf.id,
    format: 1,
    savedAt: new Date().toISOString(),
    present: { updatedAt: wf.updatedAt, roles: ws.roles },
    past: [{ workflow: wf, roles: ws.roles }],
    future: [],
  };
}

async function seed(db: CoarchitectDb, ws: Workspace) {
  await saveWorkflows(db, ws.workflows);
  for (const role of ws.roles) await saveRole(db, role);
  await saveHistory(db, historyOf(ws));
}

const sorted = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe('encrypted storage', () => {
  it('after enabling, a raw IndexedDB dump holds none of the fixture’s names, labels or costs', async () => {
    const db = freshDb();
    const ws = customerSupportExample();
    await seed(db, ws);
    const secrets = sensitiveStrings(ws);
    expect(secrets.length).toBeGreaterThan(5);
    const before = await rawDump(db.name);
    expect(secrets.filter((s) => before.includes(s))).toEqual(secrets);

    await enableEncryption(db, 'long enough passphrase', FAST);
    const after = await rawDump(db.name);
    expect(secrets.filter((s) => after.includes(s))).toEqual([]);
    // Ids and timestamps stay clear: the journal replay and the indexes need them.
    expect(after).toContain(ws.workflows[0]!.id);
    expect(after).toContain(ws.workflows[0]!.updatedAt);

    // Repository code reads the same workspace as before, and new saves are sealed too.
    const loaded = await loadWorkspace(db);
    expect(loaded.unreadable).toEqual([]);
    expect(sorted(loaded.workspace.workflows)).toEqual(sorted(ws.workflows));
    expect(sorted(loaded.workspace.roles)).toEqual(sorted(ws.roles));
    expect(await loadHistory(db, ws.workflows[0]!.id)).toMatchObject({ status: 'ok' });
    await saveWorkflows(db, [{ ...ws.workflows[0]!, name: 'Renamed secret workflow' }]);
    expect(await rawDump(db.name)).not.toContain('Renamed secret workflow');
  });

  it('reopened, the workspace is locked: reads and writes refuse until the passphrase or recovery code opens it', async () => {
    const db = freshDb();
    const ws = customerSupportExample();
    await seed(db, ws);
    const { recoveryCode } = await enableEncryption(db, 'long enough passphrase', FAST);
    db.close();

    const again = new CoarchitectDb(db.name);
    await again.open();
    expect(again.encryption.locked).toBe(true);
    await expect(loadWorkspace(again)).rejects.toThrow('The workspace is locked');
    await expect(saveWorkflows(again, ws.workflows)).rejects.toThrow('The workspace is locked');
    await expect(unlock(again, 'wrong passphrase!')).rejects.toThrow('The passphrase is wrong');
    await unlock(again, 'long enough passphrase');
    expect(sorted((await loadWorkspace(again)).workspace.workflows)).toEqual(sorted(ws.workflows));

    again.encryption.lock();
    await unlockWithRecovery(again, recoveryCode);
    expect((await loadWorkspace(again)).workspace.roles).toHaveLength(ws.roles.length);
    again.close();
  });

  it('a passphrase change keeps the data and rewrites no record', async () => {
    const db = freshDb();
    const ws = customerSupportExample();
    await seed(db, ws);
    await enableEncryption(db, 'first passphrase', FAST);
    const before = await rawStores(db.name);
    await changeWorkspacePassphrase(db, 'first passphrase', 'second passphrase');
    const after = await rawStores(db.name);
    // Only the keyring changed: every sealed row is byte for byte the same.
    expect(JSON.stringify(after.keyring)).not.toBe(JSON.stringify(before.keyring));
    for (const table of ['workflows', 'roles', 'history'])
      expect(JSON.stringify(after[table])).toBe(JSON.stringify(before[table]));
    db.encryption.lock();
    await expect(unlock(db, 'first passphrase')).rejects.toThrow('passphrase is wrong');
    await unlock(db, 'second passphrase');
    expect(sorted((await loadWorkspace(db)).workspace.workflows)).toEqual(sorted(ws.workflows));
  });

  it('keeps a transaction alive across sealing: read, compare, write in one transaction (a revision check)', async () => {
    const db = freshDb();
    const ws = customerSupportExample();
    await seed(db, ws);
    await enableEncryption(db, 'long enough passphrase', FAST);
    const wf = ws.workflows[0]!;
    await db.transaction('rw', db.workflows, db.roles, async () => {
      const stored = await db.workflows.get(wf.id);
      expect(stored?.name).toBe(wf.name);
      await db.workflows.put({ ...wf, name: 'Checked and renamed', revision: 2 });
      const role = await db.roles.get(ws.roles[0]!.id);
      await db.roles.put({ ...role!, name: 'Renamed role' });
      expect((await db.workflows.get(wf.id))?.name).toBe('Checked and renamed');
    });
    const loaded = await loadWorkspace(db);
    expect(loaded.workspace.workflows.find((w) => w.id === wf.id)?.name).toBe('Checked and renamed');
    expect(loaded.workspace.roles.map((r) => r.name)).toContain('Renamed role');
  });

  it('disabling decrypts every row and removes the keys', async () => {
    const db = freshDb();
    const ws = customerSupportExample();
    await seed(db, ws);
    await enableEncryption(db, 'long enough passphrase', FAST);
    await disableEncryption(db);
    expect(db.encryption.enabled).toBe(false);
    const dump = await rawDump(db.name);
    expect(dump).toContain(ws.workflows[0]!.name);
    expect(await db.keyring.count()).toBe(0);
    expect(sorted((await loadWorkspace(db)).workspace.workflows)).toEqual(sorted(ws.workflows));
  });

  it('a sealed row copied onto another id fails by its GCM check, named', async () => {
    const db = freshDb();
    const ws = customerSupportExample();
    await seed(db, ws);
    await enableEncryption(db, 'long enough passphrase', FAST);
    const [a, b] = ws.workflows.map((w) => w.id);
    // Bypass the middleware: copy a's ciphertext under b's id, as an attacker editing the disk would.
    const raw = new Dexie(db.name);
    await raw.open();
    const rowA = (await raw.table('workflows').get(a!)) as Record<string, unknown>;
    await raw.table('workflows').put({ ...rowA, id: b });
    raw.close();
    await expect(loadWorkspace(db)).rejects.toThrow(
      `AES-GCM authentication failed for workflows record ${b}`,
    );
  });
});

describe('Dexie version 6', () => {
  it('opens a database built at version 4 unchanged, with an empty keyring and encryption off', async () => {
    const name = `test-v4-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(4).stores({
      workflows: 'id, name, kind, updatedAt',
      roles: 'id, name',
      customSkills: 'id, name',
      meta: 'key',
      history: 'workflowId',
    });
    const ws = customerSupportExample();
    await old.table('workflows').bulkPut(ws.workflows);
    await old.table('roles').bulkPut(ws.roles);
    old.close();

    const db = new CoarchitectDb(name);
    try {
      await db.open();
      expect(db.verno).toBeGreaterThanOrEqual(6);
      expect(await db.keyring.count()).toBe(0);
      expect(db.encryption.enabled).toBe(false);
      expect(sorted((await loadWorkspace(db)).workspace.workflows)).toEqual(sorted(ws.workflows));
    } finally {
      db.close();
      await db.delete();
    }
  });
});
