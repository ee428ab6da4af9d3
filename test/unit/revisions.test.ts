/**
 * Revisions (Dexie version 5): a stale copy never overwrites a newer one, the check happens inside the write
 * transaction, and the unload journals of several closed tabs are replayed without losing any of them.
 */
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshDb } from './freshDb';
import { memoryStorage } from './memoryStorage';
import { createWorkflow, updateWorkflowFields } from '../../shared/model/operations';
import { CoarchitectDb } from '../../renderer/storage/db';
import {
  loadWorkflow,
  loadWorkspace,
  saveWorkflowRevisions,
  saveWorkflows,
} from '../../renderer/storage/repository';
import { journalKey, LEGACY_JOURNAL_KEY } from '../../renderer/storage/autosave';
import { recoverJournals } from '../../renderer/storage/journalRecovery';

describe('revisions', () => {
  it('starts at 1, rises by one at every write, and refuses a copy based on an older revision', async () => {
    const db = freshDb();
    const wf = createWorkflow('Claims');
    expect(await saveWorkflowRevisions(db, [{ workflow: wf, baseRevision: 0 }])).toEqual({
      saved: [{ id: wf.id, revision: 1 }],
      conflicts: [],
    });
    // Two tabs read revision 1; the first one's rename lands as revision 2.
    const renamed = {
      ...updateWorkflowFields(wf, { name: 'Claims, renamed' }),
      updatedAt: '2026-12-06T10:00:00.000Z',
    };
    expect((await saveWorkflowRevisions(db, [{ workflow: renamed, baseRevision: 1 }])).saved).toEqual([
      { id: wf.id, revision: 2 },
    ]);
    // The second tab still holds revision 1: its volume change is refused and handed back with theirs.
    const louder = {
      ...updateWorkflowFields(wf, { volumePerWeek: 999 }),
      updatedAt: '2026-12-06T10:00:01.000Z',
    };
    const outcome = await saveWorkflowRevisions(db, [{ workflow: louder, baseRevision: 1 }]);
    expect(outcome.saved).toEqual([]);
    expect(outcome.conflicts).toEqual([{ id: wf.id, theirs: renamed, revision: 2 }]);
    expect(await loadWorkflow(db, wf.id)).toEqual({ workflow: renamed, revision: 2 });
    // Based on revision 2 (after following the rename), the same change lands.
    const both = {
      ...updateWorkflowFields(renamed, { volumePerWeek: 999 }),
      updatedAt: '2026-12-06T10:00:02.000Z',
    };
    expect((await saveWorkflowRevisions(db, [{ workflow: both, baseRevision: 2 }])).saved).toEqual([
      { id: wf.id, revision: 3 },
    ]);
    const stored = (await loadWorkspace(db)).workspace.workflows[0];
    expect([stored?.name, stored?.volumePerWeek]).toEqual(['Claims, renamed', 999]);
  });

  it('takes a write that already landed (its answer lost) as saved, not as a conflict', async () => {
    const db = freshDb();
    const wf = createWorkflow('Twice');
    await saveWorkflowRevisions(db, [{ workflow: wf, baseRevision: 0 }]);
    expect(await saveWorkflowRevisions(db, [{ workflow: wf, baseRevision: 0 }])).toEqual({
      saved: [{ id: wf.id, revision: 1 }],
      conflicts: [],
    });
  });

  it('checks and writes in one transaction: of two writes racing from one revision, exactly one lands', async () => {
    const db = freshDb();
    const wf = createWorkflow('Race');
    await saveWorkflowRevisions(db, [{ workflow: wf, baseRevision: 0 }]);
    const a = { ...updateWorkflowFields(wf, { name: 'A' }), updatedAt: '2026-12-06T10:00:00.000Z' };
    const b = { ...updateWorkflowFields(wf, { name: 'B' }), updatedAt: '2026-12-06T10:00:00.001Z' };
    const [first, second] = await Promise.all([
      saveWorkflowRevisions(db, [{ workflow: a, baseRevision: 1 }]),
      saveWorkflowRevisions(db, [{ workflow: b, baseRevision: 1 }]),
    ]);
    expect(first.saved.length + second.saved.length).toBe(1);
    expect(first.conflicts.length + second.conflicts.length).toBe(1);
  });

  it('writes a copy based on a stored revision back when another tab deleted it (the edits survive)', async () => {
    const db = freshDb();
    const wf = createWorkflow('Deleted elsewhere');
    await saveWorkflowRevisions(db, [{ workflow: wf, baseRevision: 0 }]);
    await db.workflows.delete(wf.id);
    expect((await saveWorkflowRevisions(db, [{ workflow: wf, baseRevision: 1 }])).saved).toEqual([
      { id: wf.id, revision: 2 },
    ]);
  });

  it('an unconditional save (restore, keep mine) still raises the revision', async () => {
    const db = freshDb();
    const wf = createWorkflow('Forced');
    expect(await saveWorkflows(db, [wf])).toEqual(new Map([[wf.id, 1]]));
    expect(await saveWorkflows(db, [wf])).toEqual(new Map([[wf.id, 2]]));
  });

  it.each(['minimal', 'full', 'edge'])(
    'upgrades a version 4 database (%s fixture): every workflow row gets revision 1, nothing else changes',
    async (fixture) => {
      const rows = JSON.parse(readFileSync(`test/fixtures/dexie-v4/${fixture}.json`, 'utf8')) as {
        workflows: Record<string, unknown>[];
        roles: unknown[];
        customSkills: unknown[];
      };
      const name = `v4-${crypto.randomUUID()}`;
      const old = new Dexie(name);
      // Version 4's schema as it shipped (db.ts before version 5).
      old.version(4).stores({
        workflows: 'id, name, kind, updatedAt',
        roles: 'id, name',
        customSkills: 'id, name',
        meta: 'key',
        history: 'workflowId',
      });
      await old.table('workflows').bulkPut(rows.workflows);
      await old.table('roles').bulkPut(rows.roles);
      await old.table('customSkills').bulkPut(rows.customSkills);
      old.close();

      const db = new CoarchitectDb(name);
      try {
        const { workspace, unreadable, revisions } = await loadWorkspace(db);
        expect(db.verno).toBe(6);
        expect(unreadable).toEqual([]);
        const byId = <T extends { id: string }>(list: T[]) =>
          [...list].sort((a, b) => a.id.localeCompare(b.id));
        // Rows written before format versions 4 and 5 read back with the story default (null) and the
        // governance defaults on task and review steps (rows are parsed with the schema on read).
        const withGovernance = (step: Record<string, unknown>) =>
          step.type === 'task' || step.type === 'review'
            ? { audience: 'internal', data: 'none', owner: '', ...step }
            : step;
        const documents = rows.workflows.map(({ revision: _stray, ...wf }) => ({
          story: null,
          ...wf,
          steps: (wf.steps as Record<string, unknown>[]).map(withGovernance),
        }));
        expect(byId(workspace.workflows)).toEqual(byId(documents as unknown as { id: string }[]));
        expect(workspace.roles).toHaveLength(rows.roles.length);
        expect([...revisions.values()]).toEqual(rows.workflows.map(() => 1));
        // The index the revision check reads is built for the upgraded rows: a copy based on nothing is stale.
        const first = workspace.workflows[0]!;
        const stale = {
          ...updateWorkflowFields(first, { name: 'Stale' }),
          updatedAt: '2026-12-06T10:00:00.000Z',
        };
        const outcome = await saveWorkflowRevisions(db, [{ workflow: stale, baseRevision: 0 }]);
        expect(outcome.conflicts.map((c) => c.revision)).toEqual([1]);
      } finally {
        db.close();
        await Dexie.delete(name);
      }
    },
  );
});

describe('journal recovery', () => {
  const entry = (tabId: string, workflow: unknown, storedRevision: number) =>
    JSON.stringify({ format: 3, tabId, workflow, storedRevision });

  it('replays the first closed tab’s journal, shows a second one of the same workflow as a conflict, leaves a live tab’s', async () => {
    const db = freshDb();
    const wf = createWorkflow('Shared');
    await saveWorkflowRevisions(db, [{ workflow: wf, baseRevision: 0 }]);
    const fromA = {
      ...updateWorkflowFields(wf, { name: 'From tab A' }),
      updatedAt: '2026-12-06T10:00:00.000Z',
    };
    const fromB = {
      ...updateWorkflowFields(wf, { volumePerWeek: 7 }),
      updatedAt: '2026-12-06T10:00:01.000Z',
    };
    const fromLive = {
      ...updateWorkflowFields(wf, { volumePerWeek: 8 }),
      updatedAt: '2026-12-06T10:00:02.000Z',
    };
    const storage = memoryStorage();
    storage.setItem(journalKey('a', wf.id), entry('a', fromA, 1));
    storage.setItem(journalKey('b', wf.id), entry('b', fromB, 1));
    storage.setItem(journalKey('live', wf.id), entry('live', fromLive, 1));

    const recovery = await recoverJournals(db, new Set(['live']), storage);
    expect(recovery.saved).toEqual([{ id: wf.id, revision: 2 }]);
    expect(recovery.conflicts).toEqual([
      { id: wf.id, theirs: fromA, revision: 2, mine: fromB, journalKey: journalKey('b', wf.id) },
    ]);
    expect((await loadWorkflow(db, wf.id))?.workflow).toEqual(fromA);
    // A's journal is done; B's stays until its conflict is resolved; the live tab's is its own business.
    expect([...storage.data.keys()].sort()).toEqual(
      [journalKey('b', wf.id), journalKey('live', wf.id)].sort(),
    );
  });

  it('replays a journal of a workflow never stored, and the legacy shared journal by its old rule', async () => {
    const db = freshDb();
    const fresh = createWorkflow('Never saved');
    const legacy = createWorkflow('Legacy');
    const storage = memoryStorage();
    storage.setItem(journalKey('gone', fresh.id), entry('gone', fresh, 0));
    storage.setItem(
      LEGACY_JOURNAL_KEY,
      JSON.stringify({ format: 2, entries: [{ workflow: legacy, storedUpdatedAt: null }] }),
    );
    // An unreadable journal of a closed tab is dropped; a live tab's is left, readable or not.
    storage.setItem(journalKey('gone', 'wf-garbled'), '{not json');
    storage.setItem(journalKey('live', 'wf-garbled'), '{not json');
    const recovery = await recoverJournals(db, new Set(['live']), storage);
    expect(recovery.conflicts).toEqual([]);
    expect(recovery.saved.map((s) => s.revision)).toEqual([1, 1]);
    expect((await loadWorkspace(db)).workspace.workflows.map((w) => w.name).sort()).toEqual([
      'Legacy',
      'Never saved',
    ]);
    expect([...storage.data.keys()]).toEqual([journalKey('live', 'wf-garbled')]);
  });
});
