/**
 * Undo history surviving a reload: each "session" is a fresh copy of the store modules (vi.resetModules) on
 * the same fake IndexedDB database, as after reloading the page.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { updateWorkflowFields } from '../../shared/model/operations';
import { WorkflowSchema } from '../../shared/model/schema';
import { CoarchitectDb, DATABASE_VERSION } from '../../renderer/storage/db';
import { loadWorkspace, saveWorkflows } from '../../renderer/storage/repository';
import { HISTORY_JOURNAL_KEY } from '../../renderer/storage/historySaver';

const opened: Dexie[] = [];
const names: string[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
  vi.unstubAllGlobals();
});

function databaseName(): string {
  const name = `history-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

/** Starts the app's store as a page load would, on the named database. */
async function session(name: string) {
  vi.resetModules();
  const store = await import('../../renderer/store/workspaceStore');
  const history = await import('../../renderer/store/history');
  const storage = await import('../../renderer/storage/db');
  const db = new storage.CoarchitectDb(name);
  opened.push(db);
  await store.useWorkspace.getState().init(db);
  const workspace = () => store.useWorkspace.getState();
  const stacks = () => store.useWorkspace.temporal.getState();
  return {
    db,
    workspace,
    undo: history.undo,
    redo: history.redo,
    async open(id: string | null) {
      workspace().openWorkflow(id);
      await store.historyReady();
    },
    workflow: (id: string) => workspace().workflows.find((w) => w.id === id),
    depth: () => ({ past: stacks().pastStates.length, future: stacks().futureStates.length }),
    setVolume: (id: string, volumePerWeek: number) =>
      workspace().editWorkflow(id, (wf) => updateWorkflowFields(wf, { volumePerWeek })),
    installUnloadGuard: store.installUnloadGuard,
  };
}

/** A workflow with volume 100 edited to 10 and then 20, saved; returns its id. */
async function editedTwice(name: string): Promise<string> {
  const app = await session(name);
  const id = app.workspace().createWorkflow('Claims');
  await app.open(id);
  app.setVolume(id, 10);
  app.setVolume(id, 20);
  expect(app.depth()).toEqual({ past: 2, future: 0 });
  await app.workspace().flush();
  return id;
}

describe('undo history across a reload', () => {
  it('restores the open workflow’s history: undo and redo work after a reload and persist', async () => {
    const name = databaseName();
    const id = await editedTwice(name);

    const app = await session(name);
    await app.open(id);
    expect(app.workflow(id)?.volumePerWeek).toBe(20);
    expect(app.depth()).toEqual({ past: 2, future: 0 });
    app.undo();
    expect(app.workflow(id)?.volumePerWeek).toBe(10);
    app.undo();
    expect(app.workflow(id)?.volumePerWeek).toBe(100);
    expect(app.depth()).toEqual({ past: 0, future: 2 });
    app.redo();
    expect(app.workflow(id)?.volumePerWeek).toBe(10);
    await app.workspace().flush();

    // The undo itself was saved, and so was the history around it.
    const again = await session(name);
    await again.open(id);
    expect(again.workflow(id)?.volumePerWeek).toBe(10);
    expect(again.depth()).toEqual({ past: 1, future: 1 });
    again.redo();
    expect(again.workflow(id)?.volumePerWeek).toBe(20);
    again.undo();
    again.undo();
    expect(again.workflow(id)?.volumePerWeek).toBe(100);
  });

  it('shows each workflow its own history when switching between them', async () => {
    const name = databaseName();
    const app = await session(name);
    const a = app.workspace().createWorkflow('A');
    const b = app.workspace().createWorkflow('B');
    await app.open(a);
    app.setVolume(a, 1);
    app.setVolume(a, 2);
    await app.open(b);
    expect(app.depth()).toEqual({ past: 0, future: 0 });
    app.setVolume(b, 7);
    await app.open(null);
    expect(app.depth()).toEqual({ past: 0, future: 0 });
    await app.open(a);
    expect(app.depth()).toEqual({ past: 2, future: 0 });
    app.undo();
    expect(app.workflow(a)?.volumePerWeek).toBe(1);
    expect(app.workflow(b)?.volumePerWeek).toBe(7);
    await app.open(b);
    expect(app.depth()).toEqual({ past: 1, future: 0 });
  });

  it('discards a history whose workflow changed elsewhere, keeping the workflow as stored', async () => {
    const name = databaseName();
    const id = await editedTwice(name);
    const db = new CoarchitectDb(name);
    opened.push(db);
    const stored = WorkflowSchema.parse(await db.workflows.get(id));
    const changedElsewhere = { ...stored, volumePerWeek: 55, updatedAt: '2031-01-01T00:00:00.000Z' };
    await saveWorkflows(db, [changedElsewhere]);

    const app = await session(name);
    await app.open(id);
    expect(app.depth()).toEqual({ past: 0, future: 0 });
    expect(app.workflow(id)).toEqual(changedElsewhere);
  });

  it('ignores an unreadable or outdated history row, leaves it, and the workflow is intact', async () => {
    const name = databaseName();
    const id = await editedTwice(name);
    const db = new CoarchitectDb(name);
    opened.push(db);
    const before = (await loadWorkspace(db)).workspace.workflows;
    const good = await db.history.get(id);
    expect(good?.past).toHaveLength(2);
    const damaged = { workflowId: id, format: 1, past: 'not a list' };
    await db.history.put(damaged as never);

    const app = await session(name);
    await app.open(id);
    expect(app.depth()).toEqual({ past: 0, future: 0 });
    expect(app.workspace().workflows).toEqual(before);
    expect(app.workspace().unreadable).toEqual([]);
    expect(await db.history.get(id)).toEqual(damaged);

    const outdated = { ...good, format: 0 };
    await db.history.put(outdated as never);
    const later = await session(name);
    await later.open(id);
    expect(later.depth()).toEqual({ past: 0, future: 0 });
    expect(later.workflow(id)?.volumePerWeek).toBe(20);

    // The next edit's history replaces the bad row.
    later.setVolume(id, 30);
    await later.workspace().flush();
    const row = await db.history.get(id);
    expect(row?.format).toBe(1);
    expect(row?.past.map((e) => e.workflow.volumePerWeek)).toEqual([20]);
  });

  it('keeps at most the last 100 steps', async () => {
    const name = databaseName();
    const app = await session(name);
    const id = app.workspace().createWorkflow('Many edits');
    await app.open(id);
    for (let v = 1; v <= 105; v++) app.setVolume(id, v);
    await app.workspace().flush();
    const row = await app.db.history.get(id);
    // Volumes before the edits 6…105 are 5…104; the edits 1…5 (before them 100, 1…4) are dropped.
    expect(row?.past).toHaveLength(100);
    expect(row?.past[0]?.workflow.volumePerWeek).toBe(5);
    expect(row?.past.at(-1)?.workflow.volumePerWeek).toBe(104);

    const again = await session(name);
    await again.open(id);
    expect(again.depth()).toEqual({ past: 100, future: 0 });
  });

  it('restores role edits made with the workflow open', async () => {
    const name = databaseName();
    const app = await session(name);
    const id = app.workspace().createWorkflow('Staffing');
    await app.open(id);
    const role = await app.workspace().addRole({ name: 'Clerk' });
    await app.workspace().flush();

    const again = await session(name);
    await again.open(id);
    expect(again.workspace().roles).toEqual([role]);
    again.undo();
    expect(again.workspace().roles).toEqual([]);
    await again.workspace().flush();
    expect(await again.db.roles.count()).toBe(0);
  });

  it('deletes a workflow’s history with the workflow', async () => {
    const name = databaseName();
    const id = await editedTwice(name);
    const app = await session(name);
    expect(await app.db.history.get(id)).toBeDefined();
    await app.workspace().deleteWorkflow(id);
    expect(await app.db.history.get(id)).toBeUndefined();
  });

  it('keeps the last edit undoable when the page goes away before the history reached IndexedDB', async () => {
    const data = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => data.get(key) ?? null,
      setItem: (key: string, value: string) => void data.set(key, value),
      removeItem: (key: string) => void data.delete(key),
      key: (i: number) => [...data.keys()][i] ?? null,
      get length() {
        return data.size;
      },
    });
    const name = databaseName();
    const app = await session(name);
    const listeners = new Map<string, () => void>();
    const fakeWindow: Pick<Window, 'addEventListener'> = {
      addEventListener: (type: string, listener: EventListenerOrEventListenerObject) => {
        if (typeof listener === 'function') listeners.set(type, () => listener(new Event(type)));
      },
    };
    app.installUnloadGuard(fakeWindow);
    const id = app.workspace().createWorkflow('Closing soon');
    await app.open(id);
    app.setVolume(id, 42);
    listeners.get('pagehide')?.();
    // Journalled under this tab's own key.
    const key = [...data.keys()].find((k) => k.startsWith(`${HISTORY_JOURNAL_KEY}:`));
    expect(key).toBeDefined();
    const journal = data.get(key!);
    expect(journal).toBeDefined();
    // Simulate the IndexedDB write that unload cut short: the row is gone, the journal remains.
    await app.workspace().flush();
    await app.db.history.delete(id);
    data.set(key!, journal!);

    const again = await session(name);
    expect(data.has(key!)).toBe(false);
    await again.open(id);
    expect(again.workflow(id)?.volumePerWeek).toBe(42);
    again.undo();
    expect(again.workflow(id)?.volumePerWeek).toBe(100);
  });
});

describe('database version 3', () => {
  it('opens a version 2 database with all its data intact and an empty history table', async () => {
    const name = databaseName();
    const old = new Dexie(name);
    old.version(1).stores({
      workflows: 'id, name, kind, updatedAt',
      roles: 'id, name',
      customSkills: 'id, name',
      meta: 'key',
    });
    old.version(2).stores({});
    const { customerSupportExample } = await import('../../shared/examples/customerSupport');
    const ws = customerSupportExample();
    await old.table('workflows').bulkPut(ws.workflows);
    await old.table('roles').bulkPut(ws.roles);
    await old.table('meta').put({ key: 'welcome-seen', value: true });
    old.close();

    const db = new CoarchitectDb(name);
    opened.push(db);
    const { workspace, unreadable } = await loadWorkspace(db);
    expect(db.verno).toBe(DATABASE_VERSION);
    expect(unreadable).toEqual([]);
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(workspace.workflows)).toEqual(byId(ws.workflows));
    expect(byId(workspace.roles)).toEqual(byId(ws.roles));
    expect(await db.meta.get('welcome-seen')).toEqual({ key: 'welcome-seen', value: true });
    expect(await db.history.count()).toBe(0);
  });
});
