import { describe, expect, it } from 'vitest';
import { addStep, createStep, createWorkflow, updateWorkflowFields } from '../../shared/model/operations';
import type { Role, Workflow } from '../../shared/model/schema';
import { customerSupportExample } from '../../shared/examples/customerSupport';
import {
  captureHistory,
  restoreHistory,
  type DocumentSnapshot,
} from '../../renderer/store/persistentHistory';
import { HISTORY_JOURNAL_KEY, HistorySaver, readHistoryJournal } from '../../renderer/storage/historySaver';
import type { HistoryRow } from '../../renderer/storage/historyRow';

const role = (id: string, costPerHour = 50): Role => ({
  id,
  name: `Role ${id}`,
  headcount: 1,
  hoursPerWeek: 35,
  costPerHour,
  skillLevels: [],
  people: [],
});

const volume = (wf: Workflow, volumePerWeek: number, at: string) => ({
  ...updateWorkflowFields(wf, { volumePerWeek }),
  updatedAt: at,
});

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

describe('captureHistory', () => {
  const other = createWorkflow('Other');
  const v0 = createWorkflow('Mine', 'as-is', '2030-01-01T00:00:00.000Z');
  const v1 = volume(v0, 1, '2030-01-01T00:00:01.000Z');
  const v2 = volume(v1, 2, '2030-01-01T00:00:02.000Z');
  const v3 = volume(v2, 3, '2030-01-01T00:00:03.000Z');
  const roles = [role('r1')];

  it('stores the workflow and roles of each step, and the present’s date and roles', () => {
    const row = captureHistory(
      v0.id,
      {
        pastStates: [
          { workflows: [other, v0], roles: [] },
          { workflows: [other, v1], roles },
        ],
        futureStates: [{ workflows: [other, v3], roles }],
      },
      { workflows: [other, v2], roles },
      undefined,
      new Date('2030-02-01T00:00:00.000Z'),
    );
    expect(row).toEqual({
      workflowId: v0.id,
      format: 1,
      savedAt: '2030-02-01T00:00:00.000Z',
      present: { updatedAt: '2030-01-01T00:00:02.000Z', roles },
      past: [
        { workflow: v0, roles: [] },
        { workflow: v1, roles },
      ],
      future: [{ workflow: v3, roles }],
    });
  });

  it('stops at a step that also changed other workflows or before the workflow existed', () => {
    const imported = createWorkflow('Imported');
    const row = captureHistory(
      v0.id,
      {
        // Oldest first: before v0 existed; v0; an import happened between v1 and v2.
        pastStates: [
          { workflows: [other], roles },
          { workflows: [other, v0], roles },
          { workflows: [other, v1], roles },
          { workflows: [other, v1, imported], roles },
        ],
        futureStates: [],
      },
      { workflows: [other, v2, imported], roles },
    );
    expect(row?.past.map((e) => e.workflow.volumePerWeek)).toEqual([1]);
  });

  it('keeps the nearest steps within the character budget, taking past and future in turn', () => {
    const present: DocumentSnapshot = { workflows: [v2], roles };
    const stacks = {
      pastStates: [
        { workflows: [v0], roles },
        { workflows: [v1], roles },
      ],
      futureStates: [{ workflows: [v3], roles }],
    };
    const size = (wf: Workflow) => JSON.stringify(wf).length + JSON.stringify(roles).length;
    // Room for v1 (nearest past) and v3 (nearest future), one character short of adding v0 too.
    const chars = size(v1) + size(v3) + size(v0) - 1;
    const row = captureHistory(v0.id, stacks, present, { steps: 100, chars });
    expect(row?.past.map((e) => e.workflow.volumePerWeek)).toEqual([1]);
    expect(row?.future.map((e) => e.workflow.volumePerWeek)).toEqual([3]);

    const oneStep = captureHistory(v0.id, stacks, present, { steps: 1, chars: 1e9 });
    expect(oneStep?.past.map((e) => e.workflow.volumePerWeek)).toEqual([1]);
    expect(captureHistory('wf-absent', stacks, present)).toBeNull();
  });
});

describe('captureHistory sizes', () => {
  it('counts each entry at exactly its JSON length, steps and connections included', () => {
    const { workflows, roles: exampleRoles } = customerSupportExample();
    const [present, ...rest] = workflows;
    const older = { ...present!, updatedAt: '2020-01-01T00:00:00.000Z', steps: present!.steps.slice(1) };
    const stacks = { pastStates: [{ workflows: [older, ...rest], roles: exampleRoles }], futureStates: [] };
    const exact = JSON.stringify(older).length + JSON.stringify(exampleRoles).length;
    const snapshot = { workflows: [present!, ...rest], roles: exampleRoles };
    const fits = (chars: number) =>
      captureHistory(present!.id, stacks, snapshot, { steps: 10, chars })?.past.length;
    expect(fits(exact)).toBe(1);
    expect(fits(exact - 1)).toBe(0);
  });
});

describe('restoreHistory', () => {
  const v0 = createWorkflow('Mine', 'as-is', '2030-01-01T00:00:00.000Z');
  const v1 = volume(v0, 1, '2030-01-01T00:00:01.000Z');
  const clerk = role('clerk');
  const row = (roles: Role[]): HistoryRow => ({
    workflowId: v0.id,
    format: 1,
    savedAt: '2030-02-01T00:00:00.000Z',
    present: { updatedAt: v1.updatedAt, roles },
    past: [{ workflow: v0, roles: [] }],
    future: [],
  });

  it('rebuilds whole snapshots with the other workflows as they are now', () => {
    const other = createWorkflow('Other');
    const result = restoreHistory(row([clerk]), { workflows: [other, v1], roles: [{ ...clerk }] });
    expect(result).toEqual({
      ok: true,
      stacks: { pastStates: [{ workflows: [other, v0], roles: [] }], futureStates: [] },
    });
    if (result.ok) expect(result.stacks.pastStates[0]?.workflows?.[0]).toBe(other);
  });

  it('never drops a role another workflow uses now', () => {
    const task = { ...createStep('task', { x: 0, y: 0 }), roleId: clerk.id } as ReturnType<typeof createStep>;
    const other = addStep(createWorkflow('Other'), task);
    const result = restoreHistory(row([clerk]), { workflows: [v1, other], roles: [clerk] });
    expect(result.ok && result.stacks.pastStates[0]?.roles).toEqual([clerk]);
  });

  it('refuses a history when the workflow or the roles changed since it was saved', () => {
    const later = volume(v1, 9, '2030-03-01T00:00:00.000Z');
    expect(restoreHistory(row([clerk]), { workflows: [later], roles: [clerk] })).toEqual({
      ok: false,
      reason: 'the workflow was changed after its history was saved',
    });
    expect(restoreHistory(row([clerk]), { workflows: [v1], roles: [role('clerk', 60)] })).toEqual({
      ok: false,
      reason: 'the roles were changed after the history was saved',
    });
    expect(restoreHistory(row([]), { workflows: [], roles: [] })).toEqual({
      ok: false,
      reason: 'the workflow no longer exists',
    });
  });
});

describe('HistorySaver', () => {
  const wf = createWorkflow('Journalled');
  const rowFor = (volumePerWeek: number): HistoryRow => ({
    workflowId: wf.id,
    format: 1,
    savedAt: '2030-02-01T00:00:00.000Z',
    present: { updatedAt: wf.updatedAt, roles: [] },
    past: [{ workflow: { ...wf, volumePerWeek }, roles: [] }],
    future: [],
  });

  it('writes the latest capture once, journals on demand, and clears only a journal it covers', async () => {
    const storage = memoryStorage();
    const writes: number[] = [];
    let release: () => void = () => {};
    const saver = new HistorySaver(
      async (row) => {
        writes.push(row.past[0]!.workflow.volumePerWeek);
        await new Promise<void>((resolve) => (release = resolve));
      },
      () => {},
      10_000,
      storage,
    );
    saver.schedule(wf.id, () => rowFor(1));
    saver.schedule(wf.id, () => rowFor(2));
    const first = saver.flush();
    await Promise.resolve();
    expect(writes).toEqual([2]);

    // A newer edit is journalled while the first write is still under way…
    saver.schedule(wf.id, () => rowFor(3));
    saver.journal();
    expect(readHistoryJournal(storage)?.past[0]?.workflow.volumePerWeek).toBe(3);
    release();
    await first;
    // …so finishing the older write must not clear it.
    expect(storage.data.has(HISTORY_JOURNAL_KEY)).toBe(true);
    const second = saver.flush();
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await second;
    expect(writes).toEqual([2, 3]);
    expect(storage.data.has(HISTORY_JOURNAL_KEY)).toBe(false);
  });

  it('reads back only a valid journal', () => {
    const storage = memoryStorage();
    storage.setItem(HISTORY_JOURNAL_KEY, JSON.stringify(rowFor(4)));
    expect(readHistoryJournal(storage)).toEqual(rowFor(4));
    storage.setItem(
      HISTORY_JOURNAL_KEY,
      JSON.stringify({ ...rowFor(4), past: [{ workflow: {}, roles: [] }] }),
    );
    expect(readHistoryJournal(storage)).toBeNull();
    storage.setItem(HISTORY_JOURNAL_KEY, '{not json');
    expect(readHistoryJournal(storage)).toBeNull();
    expect(readHistoryJournal(null)).toBeNull();
  });
});
