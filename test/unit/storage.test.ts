import { afterEach, describe, it, expect, vi } from 'vitest';
import { freshDb } from './freshDb';
import {
  applyImport,
  deleteWorkflow,
  loadWorkspace,
  saveCustomSkill,
  saveRole,
  saveWorkflows,
} from '../../renderer/storage/repository';
import {
  AutoSaver,
  LEGACY_JOURNAL_KEY,
  journalKey,
  readJournal,
  shouldReplay,
} from '../../renderer/storage/autosave';
import type { SaveState } from '../../renderer/storage/autosave';
import type { Workflow } from '../../shared/model/schema';
import { createWorkflow, updateWorkflowFields } from '../../shared/model/operations';
import { newCustomSkill } from '../../shared/ontology/index';
import type { ImportPlan } from '../../shared/format/importer';
import { customerSupportExample } from '../../shared/examples/customerSupport';
import { invoiceProcessingExample } from '../../shared/examples/invoiceProcessing';

afterEach(() => {
  vi.useRealTimers();
});

import { memoryStorage } from './memoryStorage';

describe('repository', () => {
  it('loads what it saved', async () => {
    const db = freshDb();
    const ws = customerSupportExample();
    const skill = newCustomSkill('Tone of voice', 'Brand voice', 'custom-tone');
    await saveWorkflows(db, ws.workflows);
    for (const role of ws.roles) await saveRole(db, role);
    await saveCustomSkill(db, skill);

    const loaded = await loadWorkspace(db);
    expect(loaded.unreadable).toEqual([]);
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(loaded.workspace.workflows)).toEqual(byId(ws.workflows));
    expect(byId(loaded.workspace.roles)).toEqual(byId(ws.roles));
    expect(loaded.workspace.customSkills).toEqual([skill]);
  });

  it('overwrites a saved workflow with its new version and deletes by id', async () => {
    const db = freshDb();
    const wf = createWorkflow('Draft');
    await saveWorkflows(db, [wf]);
    await saveWorkflows(db, [updateWorkflowFields(wf, { name: 'Final' })]);
    expect((await loadWorkspace(db)).workspace.workflows.map((w) => w.name)).toEqual(['Final']);
    await deleteWorkflow(db, wf.id);
    expect((await loadWorkspace(db)).workspace.workflows).toEqual([]);
  });

  it('refuses to save an invalid workflow', async () => {
    const db = freshDb();
    const wf = { ...createWorkflow('Bad'), volumePerWeek: -1 };
    await expect(saveWorkflows(db, [wf])).rejects.toThrow();
    expect(await db.workflows.count()).toBe(0);
  });

  it('checks new steps and connections of every save, also after earlier saves of the same workflow', async () => {
    const db = freshDb();
    const wf = createWorkflow('Checked');
    await saveWorkflows(db, [wf]);
    const badStep = {
      ...wf,
      steps: [...wf.steps, { ...wf.steps[0], id: 'step-x', position: { x: 'left' } }],
    };
    await expect(saveWorkflows(db, [badStep as unknown as Workflow])).rejects.toThrow(/Step 3 \(step-x\)/);
    const badEdge = {
      ...wf,
      edges: [{ id: 'edge-x', source: wf.steps[0]!.id, target: wf.steps[1]!.id, label: '', probability: 2 }],
    };
    await expect(saveWorkflows(db, [badEdge])).rejects.toThrow(/Connection 1 \(edge-x\)/);
    const stored = await loadWorkspace(db);
    expect(stored.workspace.workflows).toEqual([wf]);
  });

  it('reports a corrupt row, leaves it in the database and still loads the good rows', async () => {
    const db = freshDb();
    const good = createWorkflow('Good');
    await saveWorkflows(db, [good]);
    const bad = { ...createWorkflow('Damaged'), id: 'wf-damaged', steps: 'not a list' };
    await db.workflows.put(bad as never);
    await db.roles.put({ id: 'role-bad', name: 'Bad role' } as never);

    const loaded = await loadWorkspace(db);
    expect(loaded.workspace.workflows).toEqual([good]);
    expect(loaded.workspace.roles).toEqual([]);
    expect(loaded.unreadable).toEqual(
      expect.arrayContaining([
        { table: 'workflows', id: 'wf-damaged', message: expect.any(String) },
        { table: 'roles', id: 'role-bad', message: expect.any(String) },
      ]),
    );
    expect(loaded.unreadable).toHaveLength(2);

    expect(await db.workflows.get('wf-damaged')).toEqual(bad);
    expect(await db.roles.get('role-bad')).toBeDefined();
    // Loading again reports it again: nothing was repaired or dropped behind the user's back.
    expect((await loadWorkspace(db)).unreadable).toHaveLength(2);
  });

  it('reports a stored row beyond a bound (an older version wrote it) with the bound message, unclamped', async () => {
    const db = freshDb();
    const role = { id: 'role-huge', name: 'Huge', headcount: 1e16, hoursPerWeek: 40, costPerHour: 1 };
    await db.roles.put(role as never);
    const wf = { ...createWorkflow('Huge volume'), id: 'wf-huge', volumePerWeek: 1e308, revision: 1 };
    await db.workflows.put(wf);

    const loaded = await loadWorkspace(db);
    expect(loaded.workspace.roles).toEqual([]);
    expect(loaded.unreadable).toEqual(
      expect.arrayContaining([
        { table: 'roles', id: 'role-huge', message: 'headcount must be at most 100,000 (got 1e16)' },
        { table: 'workflows', id: 'wf-huge', message: 'case volume must be at most 1e9 (got 1e308)' },
      ]),
    );
    // Left as it was: never clamped behind the user's back.
    expect(await db.roles.get('role-huge')).toEqual(role);
    expect((await db.workflows.get('wf-huge'))?.volumePerWeek).toBe(1e308);
    // …and nothing beyond a bound can be written.
    await expect(saveWorkflows(db, [{ ...createWorkflow('New'), volumePerWeek: 2e9 }])).rejects.toThrow(
      /case volume must be at most 1e9 \(got 2e9\)/,
    );
    await expect(saveRole(db, role as never)).rejects.toThrow(/headcount must be at most 100,000/);
  });

  it('applies an import plan', async () => {
    const db = freshDb();
    const ws = invoiceProcessingExample();
    const skill = newCustomSkill('Ledger lore', '', 'custom-ledger');
    await applyImport(db, { workflows: ws.workflows, roles: ws.roles, customSkills: [skill], notes: [] });
    const loaded = await loadWorkspace(db);
    expect(loaded.workspace.workflows).toHaveLength(ws.workflows.length);
    expect(loaded.workspace.roles).toHaveLength(ws.roles.length);
    expect(loaded.workspace.customSkills).toEqual([skill]);
  });

  it('applies an import all or nothing', async () => {
    const db = freshDb();
    const existing = createWorkflow('Already here');
    await saveWorkflows(db, [existing]);

    const ws = customerSupportExample();
    const plan: ImportPlan = {
      roles: ws.roles,
      customSkills: [newCustomSkill('Tone of voice', '', 'custom-tone')],
      // The second workflow collides with the stored one, so bulkAdd fails part-way.
      workflows: [ws.workflows[0]!, { ...ws.workflows[1]!, id: existing.id }],
      notes: [],
    };
    await expect(applyImport(db, plan)).rejects.toThrow();

    expect(await db.roles.count()).toBe(0);
    expect(await db.customSkills.count()).toBe(0);
    expect(await db.workflows.toArray()).toEqual([{ ...existing, revision: 1 }]);
  });
});

describe('AutoSaver', () => {
  function setup(write: (workflows: Workflow[]) => Promise<void> = async () => {}) {
    const writes: Workflow[][] = [];
    const states: Array<[SaveState, string | undefined]> = [];
    const storage = memoryStorage();
    const saver = new AutoSaver(
      async (workflows) => {
        writes.push(workflows);
        await write(workflows);
      },
      (state, error) => states.push([state, error]),
      { delayMs: 300, storage, tabId: 'tab-1' },
    );
    return { saver, writes, states, storage };
  }

  it('coalesces several edits into one write of the latest versions', async () => {
    vi.useFakeTimers();
    const { saver, writes, states } = setup();
    const a = createWorkflow('A');
    const b = createWorkflow('B');
    saver.schedule(a);
    await vi.advanceTimersByTimeAsync(200);
    saver.schedule(b);
    await vi.advanceTimersByTimeAsync(200);
    const a2 = { ...a, name: 'A, edited' };
    saver.schedule(a2);
    expect(writes).toEqual([]);

    await vi.advanceTimersByTimeAsync(300);
    await saver.flush();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toEqual([a2, b]);
    expect(states.map(([s]) => s)).toEqual(['saving', 'saving', 'saving', 'saved']);
    expect(saver.hasPending).toBe(false);
  });

  it('saves at the latest 700 ms after the first edit, however fast edits keep coming', async () => {
    vi.useFakeTimers();
    const { saver, writes } = setup();
    const wf = createWorkflow('Busy');
    // An edit every 100 ms would postpone a plain 300 ms debounce for ever.
    for (let i = 1; i <= 10; i++) {
      saver.schedule({ ...wf, volumePerWeek: i });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(writes.map((batch) => batch[0]?.volumePerWeek)).toEqual([7]);
  });

  it('writes to the database through the repository', async () => {
    const db = freshDb();
    const states: SaveState[] = [];
    const saver = new AutoSaver(
      async (wfs) => {
        await saveWorkflows(db, wfs);
      },
      (s) => states.push(s),
      { delayMs: 5, storage: memoryStorage() },
    );
    const wf = createWorkflow('Saved soon');
    saver.schedule(wf);
    saver.schedule({ ...wf, name: 'Saved soon, renamed' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await saver.flush();
    expect((await loadWorkspace(db)).workspace.workflows.map((w) => w.name)).toEqual(['Saved soon, renamed']);
    expect(states).toEqual(['saving', 'saving', 'saved']);
  });

  it('reports an error, keeps the workflow pending and saves it on the next flush', async () => {
    let fail = true;
    const { saver, writes, states } = setup(async () => {
      if (fail) throw new Error('disk full');
    });
    const wf = createWorkflow('Fragile');
    saver.schedule(wf);
    await saver.flush();
    expect(states).toEqual([
      ['saving', undefined],
      ['error', 'disk full'],
    ]);
    expect(saver.hasPending).toBe(true);

    fail = false;
    await saver.flush();
    expect(writes).toEqual([[wf], [wf]]);
    expect(states.at(-1)).toEqual(['saved', undefined]);
    expect(saver.hasPending).toBe(false);
  });

  it('does not let a failed batch overwrite a newer edit made meanwhile', async () => {
    let rejectWrite: (error: Error) => void = () => {};
    const { saver, writes, storage } = setup(
      () =>
        new Promise<void>((_resolve, reject) => {
          rejectWrite = reject;
        }),
    );
    const wf = createWorkflow('Racing');
    saver.schedule(wf);
    const first = saver.flush();
    await Promise.resolve();
    await Promise.resolve();
    const newer = { ...wf, name: 'Racing, newer' };
    saver.schedule(newer);
    rejectWrite(new Error('offline'));
    await first;
    expect(writes).toEqual([[wf]]);
    saver.journal();
    expect(readJournal(storage).map((e) => e.workflow)).toEqual([newer]);
    saver.forget(wf.id);
  });

  it('journals a workflow whose write is still under way (the page may die before it completes)', async () => {
    let finish: () => void = () => {};
    const { saver, storage } = setup(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    const wf = createWorkflow('In flight');
    saver.schedule(wf);
    const writing = saver.flush();
    await Promise.resolve();
    saver.journal();
    expect(readJournal(storage).map((e) => e.workflow)).toEqual([wf]);
    finish();
    await writing;
    expect(storage.data.size).toBe(0);
  });

  it('forgets a pending workflow', async () => {
    const { saver, writes } = setup();
    const wf = createWorkflow('Deleted');
    saver.schedule(wf);
    saver.forget(wf.id);
    expect(saver.hasPending).toBe(false);
    await saver.flush();
    expect(writes).toEqual([]);
  });

  it('journals each pending workflow under its own key for this tab, with the revision it is based on', async () => {
    const { saver, storage } = setup(async () => {
      throw new Error('no database');
    });
    const a = createWorkflow('A');
    const b = createWorkflow('B');
    saver.journal();
    expect(storage.data.size).toBe(0);

    saver.remember([[a.id, 4]]);
    saver.schedule(a);
    saver.schedule(b);
    saver.journal();
    expect([...storage.data.keys()].sort()).toEqual(
      [journalKey('tab-1', a.id), journalKey('tab-1', b.id)].sort(),
    );
    const entries = readJournal(storage);
    expect(entries.map((e) => [e.workflow.name, e.tabId, e.storedRevision]).sort()).toEqual([
      ['A', 'tab-1', 4],
      ['B', 'tab-1', 0],
    ]);

    // A failed write leaves the journal in place.
    await saver.flush();
    expect(readJournal(storage)).toHaveLength(2);
  });

  it('clears only the journal of the workflows it saved', async () => {
    const { saver, storage } = setup();
    const a = createWorkflow('A');
    saver.schedule(a);
    saver.journal();
    // Another tab's journal of the same workflow is not this tab's to clear.
    storage.setItem(journalKey('tab-2', a.id), storage.getItem(journalKey('tab-1', a.id)) ?? '');
    await saver.flush();
    expect([...storage.data.keys()]).toEqual([journalKey('tab-2', a.id)]);
  });

  it('reads the legacy shared journal and drops invalid entries and unreadable journals', () => {
    const storage = memoryStorage();
    const good = createWorkflow('Good');
    // The first journal format, a plain list of workflows, is still read.
    storage.setItem(
      LEGACY_JOURNAL_KEY,
      JSON.stringify([good, { id: 'x', name: 'Half a workflow' }, 42, null]),
    );
    expect(readJournal(storage).map((e) => [e.workflow, e.storedUpdatedAt])).toEqual([[good, null]]);
    storage.setItem(
      LEGACY_JOURNAL_KEY,
      JSON.stringify({ format: 2, entries: [{ workflow: good, storedUpdatedAt: 'x' }, { workflow: 1 }] }),
    );
    expect(readJournal(storage).map((e) => [e.workflow, e.storedUpdatedAt, e.tabId])).toEqual([
      [good, 'x', null],
    ]);

    storage.setItem(LEGACY_JOURNAL_KEY, '{not json');
    expect(readJournal(storage)).toEqual([]);
    storage.setItem(LEGACY_JOURNAL_KEY, JSON.stringify({ workflows: [good] }));
    expect(readJournal(storage)).toEqual([]);
    storage.setItem(journalKey('t', good.id), JSON.stringify({ format: 3, tabId: 't', workflow: { id: 1 } }));
    expect(readJournal(storage)).toEqual([]);
    expect(readJournal(memoryStorage())).toEqual([]);
    expect(readJournal(null)).toEqual([]);
  });

  it('keeps the legacy replay rule: an undo journalled right before a reload still wins', () => {
    const edited = { ...createWorkflow('Edited'), updatedAt: '2026-11-02T10:00:00.000Z' };
    const undone = { ...edited, name: 'Before the edit', updatedAt: '2026-11-02T09:00:00.000Z' };
    const entry = { workflow: undone, storedUpdatedAt: edited.updatedAt };
    expect(shouldReplay(entry, edited)).toBe(true);
    expect(shouldReplay(entry, { updatedAt: '2026-11-02T11:00:00.000Z' })).toBe(false);
    expect(shouldReplay(entry, undefined)).toBe(true);
  });

  it('survives a storage that refuses to write', () => {
    const storage = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const saver = new AutoSaver(
      async () => {},
      () => {},
      { storage },
    );
    saver.schedule(createWorkflow('A'));
    expect(() => saver.journal()).not.toThrow();
  });
});
