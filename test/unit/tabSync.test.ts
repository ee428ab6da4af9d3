/**
 * Two tabs on one workspace: each "tab" is a fresh copy of the store modules (vi.resetModules) on the same
 * fake IndexedDB database; Node's BroadcastChannel carries their messages as the browser's does.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { updateWorkflowFields } from '../../shared/model/operations';

const opened: Dexie[] = [];
const names: string[] = [];
const stores: { close(): void }[] = [];

afterEach(async () => {
  for (const store of stores.splice(0)) store.close();
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
  vi.restoreAllMocks();
});

function databaseName(): string {
  const name = `tabs-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

async function tab(name: string) {
  vi.resetModules();
  const store = await import('../../renderer/store/workspaceStore');
  const storage = await import('../../renderer/storage/db');
  const db = new storage.CoarchitectDb(name);
  opened.push(db);
  await store.useWorkspace.getState().init(db);
  const state = () => store.useWorkspace.getState();
  stores.push({ close: () => store.closeWorkspaceChannel() });
  return {
    db,
    state,
    workflow: (id: string) => state().workflows.find((w) => w.id === id),
    rename: (id: string, name: string) => state().renameWorkflow(id, name),
    setVolume: (id: string, volumePerWeek: number) =>
      state().editWorkflow(id, (wf) => updateWorkflowFields(wf, { volumePerWeek })),
    flush: () => state().flush(),
  };
}

/** Waits until `check` holds (messages between tabs arrive asynchronously). */
async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('two tabs on one workflow', () => {
  it('the other tab follows a saved change live, so its own later edit keeps it', async () => {
    const name = databaseName();
    const a = await tab(name);
    const id = a.state().createWorkflow('Claims');
    await a.flush();
    const b = await tab(name);
    expect(b.workflow(id)?.name).toBe('Claims');

    a.rename(id, 'Claims, renamed');
    await a.flush();
    await until(() => b.workflow(id)?.name === 'Claims, renamed');
    // Following is not an edit of B's: nothing to undo there.
    b.setVolume(id, 321);
    await b.flush();
    await until(() => a.workflow(id)?.volumePerWeek === 321);

    const reloaded = await tab(name);
    expect([reloaded.workflow(id)?.name, reloaded.workflow(id)?.volumePerWeek]).toEqual([
      'Claims, renamed',
      321,
    ]);
    expect([a.state().conflicts, b.state().conflicts]).toEqual([[], []]);
  });

  it('roles and skills added in one tab appear in the other', async () => {
    const name = databaseName();
    const a = await tab(name);
    const b = await tab(name);
    await a.state().addRole({ name: 'Reviewer' });
    await a.state().addCustomSkill('Tone of voice', 'Brand voice');
    await until(() => b.state().roles.some((r) => r.name === 'Reviewer'));
    await until(() => b.state().customSkills.some((k) => k.name === 'Tone of voice'));
  });

  it('a workflow created or deleted in one tab appears in or leaves the other', async () => {
    const name = databaseName();
    const a = await tab(name);
    const b = await tab(name);
    const id = a.state().createWorkflow('Brand new');
    await a.flush();
    await until(() => b.workflow(id)?.name === 'Brand new');
    await a.state().deleteWorkflow(id);
    await until(() => b.workflow(id) === undefined);
  });

  it('a true conflict (both edited the same revision) is held back and resolved only by a choice', async () => {
    const name = databaseName();
    const a = await tab(name);
    const id = a.state().createWorkflow('Claims');
    await a.flush();
    const b = await tab(name);
    // Both edit before either has saved: B's copy is stale once A's save lands.
    a.rename(id, 'Renamed in A');
    b.setVolume(id, 777);
    await a.flush();
    await b.flush();

    const conflict = b.state().conflicts[0];
    expect(conflict?.theirs.name).toBe('Renamed in A');
    expect(b.workflow(id)?.volumePerWeek).toBe(777);
    expect(b.state().saveState).toBe('error');
    // Nothing was written over A's version.
    const reloaded = await tab(name);
    expect(reloaded.workflow(id)?.name).toBe('Renamed in A');
    expect(reloaded.workflow(id)?.volumePerWeek).not.toBe(777);

    b.state().resolveConflict(id, 'both');
    await b.flush();
    expect(b.state().conflicts).toEqual([]);
    const final = await tab(name);
    const names = final.state().workflows.map((w) => [w.name, w.volumePerWeek]);
    expect(names).toEqual(
      expect.arrayContaining([
        ['Renamed in A', 100],
        ['Claims (my version)', 777],
      ]),
    );
  });

  it('"keep mine" writes this tab’s version over theirs; "take theirs" drops it', async () => {
    const name = databaseName();
    const a = await tab(name);
    const id = a.state().createWorkflow('Claims');
    await a.flush();
    const b = await tab(name);
    a.rename(id, 'A1');
    b.rename(id, 'B1');
    await a.flush();
    await b.flush();
    b.state().resolveConflict(id, 'mine');
    await b.flush();
    await until(() => a.workflow(id)?.name === 'B1');

    a.rename(id, 'A2');
    b.rename(id, 'B2');
    await a.flush();
    await b.flush();
    expect(b.state().conflicts).toHaveLength(1);
    b.state().resolveConflict(id, 'theirs');
    await b.flush();
    expect(b.workflow(id)?.name).toBe('A2');
    expect((await tab(name)).workflow(id)?.name).toBe('A2');
  });
});

describe('journals of closed tabs at start', () => {
  it('a journalled edit that met a newer stored version is shown as a conflict, and kept when chosen', async () => {
    const { memoryStorage } = await import('./memoryStorage');
    const { journalKey } = await import('../../renderer/storage/autosave');
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    try {
      const name = databaseName();
      const a = await tab(name);
      const id = a.state().createWorkflow('Journalled');
      await a.flush();
      const base = a.workflow(id)!;
      a.rename(id, 'Saved by another tab');
      await a.flush();
      // A tab that crashed had journalled its own edit of revision 1.
      const mine = {
        ...updateWorkflowFields(base, { volumePerWeek: 4242 }),
        updatedAt: '2030-01-01T00:00:00.000Z',
      };
      storage.setItem(
        journalKey('crashed', id),
        JSON.stringify({ format: 3, tabId: 'crashed', workflow: mine, storedRevision: 1 }),
      );

      const b = await tab(name);
      expect(b.state().conflicts.map((c) => [c.id, c.theirs.name])).toEqual([[id, 'Saved by another tab']]);
      expect(b.workflow(id)?.volumePerWeek).toBe(4242);
      expect(b.state().saveState).toBe('error');
      b.state().resolveConflict(id, 'mine');
      await b.flush();
      expect(storage.data.has(journalKey('crashed', id))).toBe(false);
      const c = await tab(name);
      expect(c.workflow(id)?.volumePerWeek).toBe(4242);
      expect(c.state().conflicts).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('a write that fails (disk full)', () => {
  it('is shown in the save state and leaves no unhandled promise rejection', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const name = databaseName();
      const app = await tab(name);
      const id = app.state().createWorkflow('Full disk');
      await app.flush();
      const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      vi.spyOn(app.db, 'transaction').mockImplementation(() => Promise.reject(quota) as never);
      vi.spyOn(app.db.roles, 'put').mockImplementation(() => Promise.reject(quota) as never);
      vi.spyOn(app.db.customSkills, 'put').mockImplementation(() => Promise.reject(quota) as never);

      app.setVolume(id, 5);
      await app.flush();
      expect(app.state().saveState).toBe('error');
      expect(app.state().saveError).toMatch(/quota/i);
      // The store's other writes, fired and forgotten by the UI, fail the same way without rejecting.
      void app.state().addRole({ name: 'Reviewer' });
      void app.state().addCustomSkill('Tone', 'Brand voice');
      await app
        .state()
        .deleteWorkflow(id)
        .catch(() => null);
      expect(app.state().saveState).toBe('error');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
