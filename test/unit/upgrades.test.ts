import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { exportWorkspace, serializeDocument } from '../../shared/format/document';
import { parseDocument } from '../../shared/format/importer';
import { MIGRATIONS } from '../../shared/format/migrations';
import { customerSupportExample } from '../../shared/examples/customerSupport';
import { CoarchitectDb } from '../../renderer/storage/db';
import { loadWorkspace } from '../../renderer/storage/repository';

/** A workflow as format/model version 1 wrote it: no AI cost, concurrency, learning curve or feedback loop. */
function versionOneWorkspace() {
  const doc = JSON.parse(
    serializeDocument(exportWorkspace(customerSupportExample(), new Date('2026-11-01T09:00:00Z'))),
  );
  doc.version = 1;
  for (const wf of doc.workflows) {
    for (const step of wf.steps) {
      delete step.aiCostPerRun;
      delete step.aiConcurrency;
      delete step.learningCurve;
      delete step.feedbackLoop;
    }
  }
  return doc;
}

describe('upgrading version 1 data', () => {
  it('migration 1 → 2 writes the new step fields explicitly', () => {
    const doc = versionOneWorkspace();
    const migrated = MIGRATIONS[0]!(doc) as { workflows: { steps: Record<string, unknown>[] }[] };
    const task = migrated.workflows[0]!.steps.find((s) => s.type === 'task')!;
    const review = migrated.workflows[0]!.steps.find((s) => s.type === 'review')!;
    expect(task).toMatchObject({ aiCostPerRun: 0, aiConcurrency: null, learningCurve: null });
    expect(review).toMatchObject({ feedbackLoop: null });
  });

  it('imports a version 1 file as the same workflows with the new defaults', () => {
    const result = parseDocument(JSON.stringify(versionOneWorkspace()));
    expect(result.ok).toBe(true);
    if (!result.ok || result.document.format !== 'coarchitect.workspace') return;
    expect(result.document.version).toBe(2);
    // The same workflows, with the version-2 fields at their defaults (version 1 could not say otherwise).
    const expected = customerSupportExample().workflows.map((wf) => ({
      ...wf,
      steps: wf.steps.map((step) =>
        step.type === 'task'
          ? { ...step, aiCostPerRun: 0, aiConcurrency: null, learningCurve: null }
          : step.type === 'review'
            ? { ...step, feedbackLoop: null }
            : step,
      ),
    }));
    expect(result.document.workflows).toEqual(expected);
  });

  it('upgrades rows a version 1 database holds when the app opens it', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores({
      workflows: 'id, name, kind, updatedAt',
      roles: 'id, name',
      customSkills: 'id, name',
      meta: 'key',
    });
    const v1 = versionOneWorkspace();
    await old.table('workflows').bulkPut(v1.workflows);
    await old.table('roles').bulkPut(v1.roles);
    old.close();

    const db = new CoarchitectDb(name);
    const { workspace, unreadable } = await loadWorkspace(db);
    expect(unreadable).toEqual([]);
    expect(workspace.workflows).toHaveLength(2);
    const raw = (await db.workflows.toArray()).flatMap((w) => w.steps).find((s) => s.type === 'task');
    expect(raw).toMatchObject({ aiCostPerRun: 0, aiConcurrency: null, learningCurve: null });
    db.close();
  });
});
