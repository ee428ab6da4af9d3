import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { exportWorkspace, FORMAT_VERSION, serializeDocument } from '../../shared/format/document';
import { defaultLearningAssumptions } from '../../shared/model/schema';
import { parseDocument } from '../../shared/format/importer';
import { MIGRATIONS } from '../../shared/format/migrations';
import { customerSupportExample } from '../../shared/examples/customerSupport';
import { CoarchitectDb } from '../../renderer/storage/db';
import { loadWorkspace } from '../../renderer/storage/repository';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- old-shape JSON

/** The example as format/model version 2 wrote it: none of the CHRO lens's fields. */
function versionTwoWorkspace(): Json {
  const doc = JSON.parse(
    serializeDocument(exportWorkspace(customerSupportExample(), new Date('2026-11-01T09:00:00Z'))),
  );
  doc.version = 2;
  for (const wf of doc.workflows) {
    delete wf.learningPlan;
    delete wf.learningAssumptions;
    for (const step of wf.steps) {
      delete step.coaching;
      delete step.onetTask;
    }
  }
  for (const role of doc.roles) {
    delete role.skillLevels;
    delete role.people;
  }
  for (const skill of doc.customSkills) {
    delete skill.externalRefs;
    delete skill.hoursPerLevel;
  }
  return doc;
}

/** A workflow as format/model version 1 wrote it: no AI cost, concurrency, learning curve or feedback loop. */
function versionOneWorkspace(): Json {
  const doc = versionTwoWorkspace();
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

/** The example's workflows with the version-3 fields at their defaults (an older file cannot say otherwise). */
function exampleWithVersion3Defaults() {
  return customerSupportExample().workflows.map((wf) => ({
    ...wf,
    learningPlan: [],
    learningAssumptions: defaultLearningAssumptions(),
    steps: wf.steps.map((step) =>
      step.type === 'task'
        ? { ...step, coaching: null, onetTask: null }
        : step.type === 'review'
          ? { ...step, coaching: null }
          : step,
    ),
  }));
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
    expect(result.document.version).toBe(FORMAT_VERSION);
    // The same workflows, with the version-2 fields at their defaults (version 1 could not say otherwise).
    const expected = exampleWithVersion3Defaults().map((wf) => ({
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

describe('upgrading version 2 data', () => {
  it('migration 2 → 3 writes the CHRO lens fields explicitly', () => {
    const migrated = MIGRATIONS[1]!(versionTwoWorkspace()) as Json;
    const wf = migrated.workflows[0];
    expect(wf.learningPlan).toEqual([]);
    expect(wf.learningAssumptions).toEqual({
      feedbackMinutesPerRejection: 3,
      penaltyPerMissingLevel: 0.15,
      hoursPerLevelByCategory: {},
    });
    expect(wf.steps.find((s: Json) => s.type === 'task')).toMatchObject({ coaching: null, onetTask: null });
    expect(wf.steps.find((s: Json) => s.type === 'review')).toMatchObject({ coaching: null });
    expect(wf.steps.find((s: Json) => s.type === 'start')).not.toHaveProperty('coaching');
    expect(migrated.roles[0]).toMatchObject({ skillLevels: [], people: [] });
  });

  it('is idempotent: migrating the migrated document again changes nothing', () => {
    const once = MIGRATIONS[1]!(versionTwoWorkspace());
    const twice = MIGRATIONS[1]!(structuredClone(once));
    expect(twice).toEqual(once);
  });

  it('keeps values a version-2 file could not have had but a hand-edited one has', () => {
    const doc = versionTwoWorkspace();
    doc.roles[0].skillLevels = [{ skillId: 'x', level: 2 }];
    const migrated = MIGRATIONS[1]!(doc) as Json;
    expect(migrated.roles[0].skillLevels).toEqual([{ skillId: 'x', level: 2 }]);
  });

  it('imports a version 2 file as the same workflows with the version-3 defaults', () => {
    const result = parseDocument(JSON.stringify(versionTwoWorkspace()));
    expect(result.ok).toBe(true);
    if (!result.ok || result.document.format !== 'coarchitect.workspace') return;
    expect(result.document.version).toBe(FORMAT_VERSION);
    expect(result.document.workflows).toEqual(exampleWithVersion3Defaults());
    for (const role of result.document.roles) {
      expect(role.skillLevels).toEqual([]);
      expect(role.people).toEqual([]);
    }
  });

  it('upgrades rows a version 3 database holds when the app opens it', async () => {
    const name = `upgrade-v3-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(3).stores({
      workflows: 'id, name, kind, updatedAt',
      roles: 'id, name',
      customSkills: 'id, name',
      meta: 'key',
      history: 'workflowId',
    });
    const v2 = versionTwoWorkspace();
    await old.table('workflows').bulkPut(v2.workflows);
    await old.table('roles').bulkPut(v2.roles);
    await old.table('customSkills').put({
      id: 'custom.x',
      name: 'Old custom skill',
      description: '',
      categoryId: 'custom',
      source: 'custom',
      externalId: null,
      retired: false,
    });
    old.close();

    const db = new CoarchitectDb(name);
    const { workspace, unreadable } = await loadWorkspace(db);
    expect(unreadable).toEqual([]);
    expect(workspace.workflows).toHaveLength(2);
    const rawWorkflow = (await db.workflows.toArray())[0]!;
    expect(rawWorkflow.learningPlan).toEqual([]);
    expect((await db.roles.toArray())[0]).toMatchObject({ skillLevels: [], people: [] });
    expect(await db.customSkills.get('custom.x')).toMatchObject({ externalRefs: [], hoursPerLevel: null });
    db.close();
  });
});

/** The example as format version 4 wrote it: no audience, data or owner on steps. */
function versionFourWorkspace(): Json {
  const doc = JSON.parse(
    serializeDocument(exportWorkspace(customerSupportExample(), new Date('2026-11-01T09:00:00Z'))),
  );
  doc.version = 4;
  for (const wf of doc.workflows) {
    for (const step of wf.steps) {
      delete step.audience;
      delete step.data;
      delete step.owner;
    }
  }
  return doc;
}

describe('upgrading version 4 data', () => {
  it('migration 4 → 5 writes audience, data and owner on task and review steps only', () => {
    const migrated = MIGRATIONS[3]!(versionFourWorkspace()) as Json;
    for (const wf of migrated.workflows) {
      for (const step of wf.steps) {
        if (step.type === 'task' || step.type === 'review') {
          expect([step.audience, step.data, step.owner]).toEqual(['internal', 'none', '']);
        } else {
          expect('audience' in step || 'data' in step || 'owner' in step).toBe(false);
        }
      }
    }
    expect(MIGRATIONS[3]!(structuredClone(migrated))).toEqual(migrated);
  });

  it('keeps values a hand-edited version-4 file already has', () => {
    const doc = versionFourWorkspace();
    const draft = doc.workflows[1].steps.find((s: Json) => s.type === 'task');
    draft.audience = 'customer';
    draft.owner = 'Ana';
    const migrated = MIGRATIONS[3]!(doc) as Json;
    expect(migrated.workflows[1].steps.find((s: Json) => s.id === draft.id)).toMatchObject({
      audience: 'customer',
      data: 'none',
      owner: 'Ana',
    });
  });

  it('imports a version 4 file as the same workflows with the version-5 defaults', () => {
    const result = parseDocument(JSON.stringify(versionFourWorkspace()));
    expect(result.ok).toBe(true);
    if (!result.ok || result.document.format !== 'coarchitect.workspace') return;
    expect(result.document.version).toBe(FORMAT_VERSION);
    expect(result.document.workflows).toEqual(customerSupportExample().workflows);
  });

  it('reads version-4 rows of the current database with the defaults (rows are parsed on read)', async () => {
    const name = `upgrade-model4-${crypto.randomUUID()}`;
    const db = new CoarchitectDb(name);
    await db.open();
    const v4 = versionFourWorkspace();
    await db.table('workflows').bulkPut(v4.workflows.map((wf: Json) => ({ ...wf, revision: 1 })));
    await db.table('roles').bulkPut(v4.roles);
    const { workspace, unreadable } = await loadWorkspace(db);
    expect(unreadable).toEqual([]);
    expect(workspace.workflows).toEqual(customerSupportExample().workflows);
    db.close();
    await Dexie.delete(name);
  });
});
