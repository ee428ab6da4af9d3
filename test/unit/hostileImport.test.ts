/**
 * Import that cannot hurt: every file of the hostile corpus (test/fixtures/hostile/, written by
 * scripts/make-hostile-corpus.mjs) and a few huge ones made here goes the way a dropped file does
 * (readDroppedFile, then the store's importText on a fake-indexeddb database). Each gives a clear error or a
 * valid import within a second, then the analysis within a second; after a failure a digest of every store
 * is what it was before; nothing rejects unhandled.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeWorkflow } from '../../shared/analysis/analyze';
import { exportWorkspace, serializeDocument } from '../../shared/format/document';
import {
  MAX_IMPORT_BYTES,
  MAX_LISTED_ISSUES,
  parseDocument,
  problemCount,
} from '../../shared/format/importer';
import { largeWorkspace } from '../../shared/examples/largeWorkflow';
import { CoarchitectDb } from '../../renderer/storage/db';
import { readDroppedFile } from '../../renderer/desktop/fileImport';
import { useWorkspace, type ImportOutcome } from '../../renderer/store/workspaceStore';

const DIR = 'test/fixtures/hostile/';
const corpus = readdirSync(DIR).sort();

/** The files that are valid Coarchitect files however odd they look; everything else must be refused. */
const VALID = new Set([
  'bom-then-valid.json',
  'branch-probabilities-sum-70.json',
  'emoji-and-combining.json',
  'extra-unknown-fields.json',
  'lone-surrogate.json',
  'markup-in-names.json',
  'rtl-override-names.json',
  'workspace-valid.json',
]);

/** What some refusals must say (the message of one of the problems, and where it is). */
const EXPECTED: Record<string, { path?: string; message: RegExp; line?: number }> = {
  'truncated-half.json': { message: /not valid JSON: .*cut short/ },
  'empty.json': { path: '$', message: /empty/, line: 1 },
  'proto-key-top.json': { path: '$.__proto__', message: /"__proto__" is not allowed/, line: 2 },
  'proto-key-in-step.json': { message: /"__proto__" is not allowed/ },
  'constructor-key.json': { path: '$.constructor', message: /"constructor" is not allowed/ },
  'prototype-key-in-role.json': { path: '$.roles[0].prototype', message: /"prototype" is not allowed/ },
  'duplicate-keys.json': { path: '$.workflow.volumePerWeek', message: /appears twice/ },
  'deep-arrays-10000.json': { message: /nested more than 64 levels/, line: 1 },
  'list-200k-items.json': { path: '$.workflow.steps', message: /more than 100,000 items/ },
  'future-version.json': { path: '$.version', message: /newer Coarchitect.*Update Coarchitect/ },
  'excalidraw-drawing.json': { path: '$.format', message: /looks like an Excalidraw drawing/ },
  'bpmn-as-json.json': { path: '$.format', message: /looks like a BPMN diagram/ },
  'headcount-1e16.json': { path: '$.roles[0].headcount', message: /headcount must be at most 100,000/ },
  'volume-1e308.json': { path: '$.workflow.volumePerWeek', message: /case volume must be at most/ },
  'number-overflow-1e400.json': { path: '$.workflow.volumePerWeek', message: /too large to be read/ },
  'dangling-edge-target.json': { path: '$.workflow.edges[0].target', message: /is not a step/ },
  'duplicate-step-ids.json': { path: '$.workflow.steps', message: /used more than once/ },
  'name-900k-characters.json': { path: '$.workflow.name', message: /name: must be at most 200 characters/ },
  'zero-width-ids.json': { message: /is not a step of this workflow/ },
  'invalid-utf8.json': { message: /not a UTF-8 text file/ },
  'encrypted-workspace-garbage.json': { message: /encrypted workspace/ },
  'many-problems.json': { path: '$', message: /and \d+ more problems/ },
};

let db: CoarchitectDb;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  db = new CoarchitectDb(`hostile-${crypto.randomUUID()}`);
  await useWorkspace.getState().init(db);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  db.close();
  await Dexie.delete(db.name);
});

/** Every row of every store, in key order: equal digests mean nothing stored changed. */
async function digest(): Promise<string> {
  const hash = createHash('sha256');
  for (const table of db.tables) {
    hash.update(`${table.name}\n`);
    for (const row of await table.toArray()) hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}

type Outcome = ImportOutcome | { ok: false; unreadable: string };

/** As a dropped file: read with the app's limits, then imported; timed. */
async function importBytes(name: string, bytes: Uint8Array): Promise<{ outcome: Outcome; ms: number }> {
  const started = performance.now();
  let text: string;
  try {
    text = await readDroppedFile(new File([bytes as BlobPart], name));
  } catch (error) {
    return { outcome: { ok: false, unreadable: (error as Error).message }, ms: performance.now() - started };
  }
  const outcome = await useWorkspace.getState().importText(text);
  return { outcome, ms: performance.now() - started };
}

function messagesOf(outcome: Outcome): { path: string; message: string; line?: number }[] {
  if (outcome.ok) return [];
  return 'unreadable' in outcome ? [{ path: '$', message: outcome.unreadable }] : outcome.issues;
}

async function expectSafe(name: string, bytes: Uint8Array): Promise<Outcome> {
  await useWorkspace.getState().flush();
  const before = await digest();
  const { outcome, ms } = await importBytes(name, bytes);
  expect(ms, `${name} took ${Math.round(ms)} ms`).toBeLessThan(1000);
  if (!outcome.ok) {
    const issues = messagesOf(outcome);
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.message.trim().length).toBeGreaterThan(10);
      // Cut to an excerpt: no message repeats a huge value, none carries a raw reordering character.
      expect(issue.message.length).toBeLessThan(600);
      expect(issue.message).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
    expect(await digest()).toBe(before);
  } else {
    for (const id of outcome.workflowIds) {
      const state = useWorkspace.getState();
      const workflow = state.workflows.find((w) => w.id === id)!;
      const started = performance.now();
      analyzeWorkflow(workflow, state.roles);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  }
  return outcome;
}

describe('the hostile corpus', () => {
  it('has at least 50 named files, none over 1 MB', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    for (const name of corpus) expect(readFileSync(DIR + name).length).toBeLessThan(1024 * 1024);
  });

  it.each(corpus)(
    '%s: a clear error or a valid import, fast, nothing stored changed on failure',
    async (name) => {
      const outcome = await expectSafe(name, new Uint8Array(readFileSync(DIR + name)));
      expect(outcome.ok, JSON.stringify(messagesOf(outcome)).slice(0, 500)).toBe(VALID.has(name));
      const expected = EXPECTED[name];
      if (expected) {
        const match = messagesOf(outcome).find((i) => expected.message.test(i.message));
        expect(match, JSON.stringify(messagesOf(outcome)).slice(0, 800)).toBeDefined();
        if (expected.path !== undefined) expect(match?.path).toBe(expected.path);
        if (expected.line !== undefined) expect(match?.line).toBe(expected.line);
      }
    },
  );

  it('lists the first 200 of many problems and counts them all', () => {
    const result = parseDocument(readFileSync(`${DIR}many-problems.json`, 'utf8'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(result.issues[0]).toMatchObject({ path: '$.workflow.steps[0].rejectionRate', column: 26 });
    // 400 reviews, each with a rejection rate of 2 and a rework target that is gone, and the template's
    // connections, whose two ends are gone.
    const doc = JSON.parse(readFileSync(`${DIR}many-problems.json`, 'utf8')) as {
      workflow: { edges: unknown[] };
    };
    expect(problemCount(result.issues)).toBe(400 + 400 + 2 * doc.workflow.edges.length);
  });

  it('keeps the prototype of every object untouched', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('huge files, made at test time', () => {
  it('refuses a file over the size limit at once', async () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1024).fill(0x20);
    const outcome = await expectSafe('oversize.json', bytes);
    expect(messagesOf(outcome)[0]?.message).toMatch(/at most 20 MB/);
  });

  it('refuses a file just under the limit that is one huge string', async () => {
    const text = `{"format":"coarchitect.workflow","version":3,"name":"${'x'.repeat(MAX_IMPORT_BYTES - 100)}"}`;
    const outcome = await expectSafe('huge-string.json', new TextEncoder().encode(text));
    expect(outcome.ok).toBe(false);
  });

  it('imports a valid 5,000-step workflow', async () => {
    const text = serializeDocument(exportWorkspace(largeWorkspace(5000)));
    const outcome = await expectSafe('large.json', new TextEncoder().encode(text));
    expect(outcome.ok).toBe(true);
  });

  it('writes in one transaction: a write failing half-way stores nothing', async () => {
    await useWorkspace.getState().flush();
    const before = await digest();
    const count = useWorkspace.getState().workflows.length;
    // The roles are added first; the workflows' write then fails as a full disk would.
    const failing = vi
      .spyOn(db.workflows, 'bulkAdd')
      .mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const doc = JSON.parse(readFileSync(`${DIR}workspace-valid.json`, 'utf8')) as {
      roles: { name: string }[];
    };
    // Roles that differ from the stored ones are added under new ids: the write has something to undo.
    doc.roles.forEach((r) => (r.name = `${r.name} (theirs)`));
    const outcome = await useWorkspace.getState().importText(JSON.stringify(doc));
    failing.mockRestore();
    expect(outcome.ok).toBe(false);
    expect(messagesOf(outcome)[0]?.message).toMatch(/quota|could not be stored/i);
    expect(await digest()).toBe(before);
    expect(useWorkspace.getState().workflows).toHaveLength(count);
  });

  it('left no rejection unhandled', () => {
    expect(unhandled).toEqual([]);
  });
});
