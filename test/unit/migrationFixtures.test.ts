/**
 * Every past format migrates: a file of each format version (test/fixtures/format-v1..v3) and a database
 * of each schema version (test/fixtures/dexie-v1..v6, built in fake-indexeddb at that old schema) reach the
 * current version, validate, and migrate idempotently; a file or database from a newer version is refused
 * with a clear message and nothing written. Fixtures: scripts/make-migration-fixtures.mjs.
 */
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DocumentSchema, FORMAT_VERSION } from '../../shared/format/document';
import { parseDocument } from '../../shared/format/importer';
import { MIGRATIONS, migrateDocument, type JsonObject } from '../../shared/format/migrations';
import { CoarchitectDb, DATABASE_VERSION, NewerDatabaseError } from '../../renderer/storage/db';
import { loadWorkspace } from '../../renderer/storage/repository';

const KINDS = ['minimal', 'full', 'edge'] as const;
const VERSIONS = Array.from({ length: FORMAT_VERSION }, (_, i) => i + 1);

const fixtureText = (dir: string, kind: string) => readFileSync(`test/fixtures/${dir}/${kind}.json`, 'utf8');
const fixture = (dir: string, kind: string) => JSON.parse(fixtureText(dir, kind)) as JsonObject;

describe('file format fixtures', () => {
  it('exist for every format version up to the current one', () => {
    for (const v of VERSIONS) for (const kind of KINDS) expect(fixture(`format-v${v}`, kind).version).toBe(v);
  });

  describe.each(VERSIONS)('format version %i', (version) => {
    it.each(KINDS)('%s: migrates to the current version, validates and imports', (kind) => {
      const migrated = migrateDocument(fixture(`format-v${version}`, kind));
      expect(migrated.version).toBe(FORMAT_VERSION);
      expect(DocumentSchema.safeParse(migrated).success).toBe(true);
      const imported = parseDocument(fixtureText(`format-v${version}`, kind));
      expect(imported.ok ? [] : imported.issues).toEqual([]);
    });

    it.each(KINDS)('%s: migrating twice changes nothing (the chain and each step)', (kind) => {
      const once = migrateDocument(fixture(`format-v${version}`, kind));
      expect(migrateDocument(structuredClone(once))).toEqual(once);
      // Each migration on its own: applied to its own output, it adds nothing more.
      let doc = fixture(`format-v${version}`, kind);
      for (let v = version; v < FORMAT_VERSION; v++) {
        const migrate = MIGRATIONS[v - 1]!;
        const step = migrate(structuredClone(doc));
        expect(migrate(structuredClone(step))).toEqual(step);
        doc = { ...step, version: v + 1 };
      }
      expect(doc).toEqual(once);
    });

    it.each(KINDS)('%s: migrating leaves its input unchanged (pure)', (kind) => {
      const input = fixture(`format-v${version}`, kind);
      const copy = structuredClone(input);
      const migrated = migrateDocument(input);
      expect(input).toEqual(copy);
      expect(migrateDocument(fixture(`format-v${version}`, kind))).toEqual(migrated);
    });
  });

  it('refuses a file from a newer format version with a clear message', () => {
    const doc = { ...fixture(`format-v${FORMAT_VERSION}`, 'full'), version: FORMAT_VERSION + 1 };
    const result = parseDocument(JSON.stringify(doc, null, 2));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ path: '$.version', line: 3, column: 14 });
    expect(result.issues[0]?.message).toMatch(
      new RegExp(`newer Coarchitect \\(format version ${FORMAT_VERSION + 1}\\).*Update Coarchitect`),
    );
  });
});

/** Each schema version's stores as it shipped (db.ts at that version). */
const SCHEMAS: Record<number, Record<string, string>> = {
  1: { workflows: 'id, name, kind, updatedAt', roles: 'id, name', customSkills: 'id, name', meta: 'key' },
  2: { workflows: 'id, name, kind, updatedAt', roles: 'id, name', customSkills: 'id, name', meta: 'key' },
  3: {
    workflows: 'id, name, kind, updatedAt',
    roles: 'id, name',
    customSkills: 'id, name',
    meta: 'key',
    history: 'workflowId',
  },
  4: {
    workflows: 'id, name, kind, updatedAt',
    roles: 'id, name',
    customSkills: 'id, name',
    meta: 'key',
    history: 'workflowId',
  },
  5: {
    workflows: 'id, name, kind, updatedAt, [id+revision]',
    roles: 'id, name',
    customSkills: 'id, name',
    meta: 'key',
    history: 'workflowId',
  },
  6: {
    workflows: 'id, name, kind, updatedAt, [id+revision]',
    roles: 'id, name',
    customSkills: 'id, name',
    meta: 'key',
    history: 'workflowId',
    keyring: 'id',
  },
};

interface Rows {
  workflows: (JsonObject & { id: string; revision?: number })[];
  roles: JsonObject[];
  customSkills: JsonObject[];
}

async function buildOldDatabase(schema: number, stores: Record<string, string>, rows: Rows): Promise<string> {
  const name = `old-v${schema}-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  old.version(schema).stores(stores);
  await old.table('workflows').bulkPut(rows.workflows);
  await old.table('roles').bulkPut(rows.roles);
  await old.table('customSkills').bulkPut(rows.customSkills);
  old.close();
  return name;
}

async function dumpAll(name: string): Promise<Record<string, unknown[]>> {
  const raw = new Dexie(name);
  await raw.open();
  const out: Record<string, unknown[]> = {};
  for (const table of raw.tables) out[table.name] = await table.toArray();
  raw.close();
  return out;
}

describe('database fixtures', () => {
  describe.each(Object.keys(SCHEMAS).map(Number))('schema version %i', (schema) => {
    it.each(KINDS)(
      '%s: opens with the current schema, every row validates, nothing is lost',
      async (kind) => {
        const rows = fixture(`dexie-v${schema}`, kind) as unknown as Rows;
        const name = await buildOldDatabase(schema, SCHEMAS[schema]!, rows);
        const db = new CoarchitectDb(name);
        try {
          const { workspace, unreadable, revisions } = await loadWorkspace(db);
          expect(db.verno).toBe(DATABASE_VERSION);
          expect(unreadable).toEqual([]);
          expect(workspace.workflows.map((w) => w.id).sort()).toEqual(rows.workflows.map((w) => w.id).sort());
          expect(workspace.roles).toHaveLength(rows.roles.length);
          expect(workspace.customSkills).toHaveLength(rows.customSkills.length);
          // Schema 5 rows keep their revision; older ones start at 1.
          for (const wf of rows.workflows) {
            expect(revisions.get(wf.id)).toBe(schema >= 5 ? wf.revision : 1);
          }
          // Names and figures come through the upgrade unchanged.
          for (const wf of rows.workflows) {
            const loaded = workspace.workflows.find((w) => w.id === wf.id)!;
            expect([loaded.name, loaded.volumePerWeek]).toEqual([wf.name, wf.volumePerWeek]);
          }
        } finally {
          db.close();
          await Dexie.delete(name);
        }
      },
    );

    it('opening twice changes nothing more (the upgrade is idempotent)', async () => {
      const rows = fixture(`dexie-v${schema}`, 'full') as unknown as Rows;
      const name = await buildOldDatabase(schema, SCHEMAS[schema]!, rows);
      try {
        const first = new CoarchitectDb(name);
        await first.open();
        first.close();
        const once = await dumpAll(name);
        const second = new CoarchitectDb(name);
        await second.open();
        second.close();
        expect(await dumpAll(name)).toEqual(once);
      } finally {
        await Dexie.delete(name);
      }
    });
  });

  it('refuses a database from a newer schema version: a clear message, nothing written', async () => {
    const name = `newer-${crypto.randomUUID()}`;
    const newer = new Dexie(name);
    newer.version(DATABASE_VERSION + 1).stores({
      ...SCHEMAS[5],
      keyring: 'id',
      threads: 'id, workflowId',
      decisions: 'id, workflowId',
      versions: 'id, workflowId',
      signoffs: 'id, workflowId',
      future: 'id',
    });
    const rows = fixture('dexie-v5', 'full') as unknown as Rows;
    await newer.table('workflows').bulkPut(rows.workflows);
    await newer.table('future').put({ id: 'x', what: 'a newer app' });
    newer.close();
    const before = await dumpAll(name);
    const db = new CoarchitectDb(name);
    try {
      const error = await db.open().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(NewerDatabaseError);
      expect((error as Error).message).toMatch(
        new RegExp(`newer Coarchitect \\(database version ${DATABASE_VERSION + 1};.*Update Coarchitect`),
      );
      await expect(loadWorkspace(db)).rejects.toThrow(/newer Coarchitect/);
      expect(await dumpAll(name)).toEqual(before);
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });
});
