/**
 * Reads and writes the workspace. Every row is parsed with the shared schema on the way in, so data from
 * an older app version or a damaged row is reported and left untouched in the database instead of being
 * half-read or overwritten.
 */
import type { z } from 'zod';
import { EdgeSchema, RoleSchema, SkillSchema, StepSchema, WorkflowSchema } from '../../shared/model/schema';
import type { Role, Skill, Workflow, Workspace } from '../../shared/model/schema';
import type { ImportPlan } from '../../shared/format/importer';
import type { LintWorkspaceSettings } from '../../shared/lint/workspaceSettings';
import Dexie from 'dexie';
import type { CoarchitectDb, WorkflowRow } from './db';
import { parseHistoryRow, type HistoryRow } from './historyRow';

export interface UnreadableRow {
  table: string;
  id: string;
  message: string;
}

export interface LoadedWorkspace {
  workspace: Workspace;
  unreadable: UnreadableRow[];
  /** The stored revision of each readable workflow. */
  revisions: Map<string, number>;
}

function parseRows<T>(
  table: string,
  rows: unknown[],
  schema: z.ZodType<T>,
  unreadable: UnreadableRow[],
): T[] {
  const ok: T[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) ok.push(parsed.data);
    else {
      const id =
        typeof row === 'object' && row !== null && 'id' in row ? String((row as { id: unknown }).id) : '?';
      unreadable.push({ table, id, message: parsed.error.issues[0]?.message ?? 'invalid row' });
    }
  }
  return ok;
}

export async function loadWorkspace(db: CoarchitectDb): Promise<LoadedWorkspace> {
  const unreadable: UnreadableRow[] = [];
  const [workflows, roles, customSkills] = await db.transaction(
    'r',
    db.workflows,
    db.roles,
    db.customSkills,
    () => Promise.all([db.workflows.toArray(), db.roles.toArray(), db.customSkills.toArray()]),
  );
  const readable = parseRows('workflows', workflows, WorkflowSchema, unreadable);
  // Parsed just now: the first save after loading need not check them again.
  for (const wf of readable) markChecked(wf);
  const revisions = new Map(workflows.map((row) => [row.id, revisionOf(row)]));
  return {
    revisions,
    workspace: {
      workflows: readable,
      roles: parseRows('roles', roles, RoleSchema, unreadable),
      customSkills: parseRows('customSkills', customSkills, SkillSchema, unreadable),
    },
    unreadable,
  };
}

/** Roles and custom skills only (what another tab's "library changed" needs; workflows are not re-read). */
export async function loadLibrary(db: CoarchitectDb): Promise<Pick<Workspace, 'roles' | 'customSkills'>> {
  const unreadable: UnreadableRow[] = [];
  const [roles, customSkills] = await db.transaction('r', db.roles, db.customSkills, () =>
    Promise.all([db.roles.toArray(), db.customSkills.toArray()]),
  );
  return {
    roles: parseRows('roles', roles, RoleSchema, unreadable),
    customSkills: parseRows('customSkills', customSkills, SkillSchema, unreadable),
  };
}

/** The workflow's own fields; its steps and edges are checked one by one (see checkedForWrite). */
const WorkflowShellSchema = WorkflowSchema.omit({ steps: true, edges: true });
/** Step and edge objects already checked: edits share unchanged ones, so a save checks only what changed. */
const checked = new WeakSet<object>();

/**
 * The workflow as it will be written, refused (throws) if it breaks the schema, so nothing invalid is ever
 * stored. Checking only new step and edge objects keeps an autosave of a 5,000-step workflow cheap.
 */
export function checkedForWrite(workflow: Workflow): Workflow {
  WorkflowShellSchema.parse(workflow);
  if (!Array.isArray(workflow.steps) || !Array.isArray(workflow.edges))
    throw new Error(`Workflow ${workflow.id}: steps and connections must be lists`);
  workflow.steps.forEach((step, i) => {
    if (checked.has(step)) return;
    const result = StepSchema.safeParse(step);
    if (!result.success) throw new Error(`Step ${i + 1} (${step.id}): ${result.error.issues[0]?.message}`);
    checked.add(step);
  });
  workflow.edges.forEach((edge, i) => {
    if (checked.has(edge)) return;
    const result = EdgeSchema.safeParse(edge);
    if (!result.success)
      throw new Error(`Connection ${i + 1} (${edge.id}): ${result.error.issues[0]?.message}`);
    checked.add(edge);
  });
  return workflow;
}

/** Records a workflow's steps and connections as valid (they were just parsed with the schema). */
export function markChecked(workflow: Workflow): void {
  for (const step of workflow.steps) checked.add(step);
  for (const edge of workflow.edges) checked.add(edge);
}

function revisionOf(row: unknown): number {
  const revision = (row as { revision?: unknown } | undefined)?.revision;
  return typeof revision === 'number' && Number.isInteger(revision) && revision > 0 ? revision : 0;
}

/** The stored revision of each workflow (0 when absent), read from the index: the rows are not loaded. */
async function storedRevisions(db: CoarchitectDb, ids: readonly string[]): Promise<number[]> {
  return Promise.all(
    ids.map(async (id) => {
      const keys = await db.workflows
        .where('[id+revision]')
        .between([id, Dexie.minKey], [id, Dexie.maxKey])
        .keys();
      const revisions = keys.map((key) => (Array.isArray(key) ? Number(key[1]) : 0));
      return revisions.length ? Math.max(...revisions) : 0;
    }),
  );
}

/** A workflow to write and the stored revision its copy is based on (0: never stored). */
export interface WorkflowWrite {
  workflow: Workflow;
  baseRevision: number;
}

/** Another window wrote the workflow since this copy was read: nothing was written over it. */
export interface SaveConflict {
  id: string;
  theirs: Workflow;
  revision: number;
}

export interface SaveOutcome {
  saved: { id: string; revision: number }[];
  conflicts: SaveConflict[];
}

/** Deep equality of JSON-like values, whatever the order of keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Same content (e.g. a write that landed although its answer was lost): not a conflict. */
function sameDocument(a: Workflow, b: Workflow): boolean {
  return a.updatedAt === b.updatedAt && sameValue(a, b);
}

/**
 * Writes workflows already checked (checkedForWrite), each only over the revision its copy was based on,
 * all in one transaction: the check and the write cannot be separated by another window's write. A
 * workflow someone else changed meanwhile is not written; it comes back as a conflict with their version.
 * Used on the UI thread and in the persistence worker alike.
 */
export async function writeWorkflowRevisions(
  db: CoarchitectDb,
  writes: readonly WorkflowWrite[],
): Promise<SaveOutcome> {
  if (writes.length === 0) return { saved: [], conflicts: [] };
  return db.transaction('rw', db.workflows, async () => {
    const current = await storedRevisions(
      db,
      writes.map((w) => w.workflow.id),
    );
    const outcome: SaveOutcome = { saved: [], conflicts: [] };
    const rows: WorkflowRow[] = [];
    for (const [i, { workflow, baseRevision }] of writes.entries()) {
      const stored = current[i] ?? 0;
      if (stored > 0 && stored !== baseRevision) {
        const theirs = WorkflowSchema.safeParse(await db.workflows.get(workflow.id));
        if (theirs.success && sameDocument(theirs.data, workflow)) {
          outcome.saved.push({ id: workflow.id, revision: stored });
          continue;
        }
        if (theirs.success) {
          outcome.conflicts.push({ id: workflow.id, theirs: theirs.data, revision: stored });
          continue;
        }
        // A damaged stored row gives way to a valid copy.
      }
      // Absent though based on a stored copy: deleted elsewhere; written back so that these edits survive.
      const revision = Math.max(stored, baseRevision) + 1;
      rows.push({ ...workflow, revision });
      outcome.saved.push({ id: workflow.id, revision });
    }
    if (rows.length > 0) await db.workflows.bulkPut(rows);
    return outcome;
  });
}

/** Checks and writes workflows over the revisions their copies are based on (see writeWorkflowRevisions). */
export async function saveWorkflowRevisions(
  db: CoarchitectDb,
  writes: readonly WorkflowWrite[],
): Promise<SaveOutcome> {
  for (const w of writes) checkedForWrite(w.workflow);
  return writeWorkflowRevisions(db, writes);
}

/**
 * Writes workflows whatever is stored (a restore, an import, a chosen "keep mine"), each at the next
 * revision, so that other windows still see them as newer. Returns the revisions written.
 */
export async function saveWorkflows(
  db: CoarchitectDb,
  workflows: readonly Workflow[],
): Promise<Map<string, number>> {
  workflows.forEach(checkedForWrite);
  return db.transaction('rw', db.workflows, async () => {
    const current = await storedRevisions(
      db,
      workflows.map((w) => w.id),
    );
    const rows = workflows.map((wf, i) => ({ ...wf, revision: (current[i] ?? 0) + 1 }));
    await db.workflows.bulkPut(rows);
    return new Map(rows.map((row) => [row.id, row.revision]));
  });
}

/** Reads one stored workflow and its revision; null when absent or unreadable. */
export async function loadWorkflow(
  db: CoarchitectDb,
  id: string,
): Promise<{ workflow: Workflow; revision: number } | null> {
  const row: unknown = await db.workflows.get(id);
  if (row === undefined) return null;
  const parsed = WorkflowSchema.safeParse(row);
  if (!parsed.success) return null;
  markChecked(parsed.data);
  return { workflow: parsed.data, revision: revisionOf(row) };
}

/** Deletes a workflow and its undo history together. */
export async function deleteWorkflow(db: CoarchitectDb, id: string): Promise<void> {
  await db.transaction('rw', db.workflows, db.history, async () => {
    await db.workflows.delete(id);
    await db.history.delete(id);
  });
}

export type StoredHistory =
  { status: 'none' } | { status: 'ok'; row: HistoryRow } | { status: 'unreadable'; message: string };

/**
 * Reads a workflow's undo history. An unreadable row is reported and left in place like any other bad row:
 * it is never restored, and the next save of that workflow's history replaces it.
 */
export async function loadHistory(db: CoarchitectDb, workflowId: string): Promise<StoredHistory> {
  const row: unknown = await db.history.get(workflowId);
  if (row === undefined) return { status: 'none' };
  const parsed = parseHistoryRow(row);
  return parsed.ok ? { status: 'ok', row: parsed.row } : { status: 'unreadable', message: parsed.message };
}

/**
 * Writes a workflow's undo history. Unlike documents it is not parsed on the way out: its entries are
 * snapshots the store already held, and parsing up to 100 of them on every save would cost more than it
 * protects; it is parsed on the way in instead.
 */
export async function saveHistory(db: CoarchitectDb, row: HistoryRow): Promise<void> {
  await db.history.put(row);
}

export async function saveRole(db: CoarchitectDb, role: Role): Promise<void> {
  await db.roles.put(RoleSchema.parse(role));
}

export async function deleteRole(db: CoarchitectDb, id: string): Promise<void> {
  await db.roles.delete(id);
}

export async function saveCustomSkill(db: CoarchitectDb, skill: Skill): Promise<void> {
  await db.customSkills.put(SkillSchema.parse(skill));
}

/** Writes several custom skills in one transaction (an ontology import): all of them land, or none. */
export async function saveCustomSkills(db: CoarchitectDb, skills: readonly Skill[]): Promise<void> {
  const valid = skills.map((skill) => SkillSchema.parse(skill));
  await db.transaction('rw', db.customSkills, () => db.customSkills.bulkPut(valid));
}

/** Adds everything an import brings in one transaction: all of it lands, or none of it. */
export async function applyImport(db: CoarchitectDb, plan: ImportPlan): Promise<void> {
  await db.transaction('rw', db.workflows, db.roles, db.customSkills, async () => {
    await db.roles.bulkAdd(plan.roles);
    await db.customSkills.bulkAdd(plan.customSkills);
    await db.workflows.bulkAdd(plan.workflows.map((wf) => ({ ...wf, revision: 1 })));
  });
}

/** The meta-table key of the workspace's lint settings (shared/lint/workspaceSettings.ts). */
export const LINT_SETTINGS_KEY = 'lintSettings';

/**
 * The stored lint settings as they are, or null when none were saved. Not parsed here: the lint reads them
 * leniently and lists what is wrong (unknown rule ids, bad custom rules) while the defaults apply.
 */
export async function loadLintSettings(db: CoarchitectDb): Promise<unknown> {
  return (await db.meta.get(LINT_SETTINGS_KEY))?.value ?? null;
}

export async function saveLintSettings(db: CoarchitectDb, settings: LintWorkspaceSettings): Promise<void> {
  await db.meta.put({ key: LINT_SETTINGS_KEY, value: settings });
}
