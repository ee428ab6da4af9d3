/**
 * Reads and writes the workspace. Every row is parsed with the shared schema on the way in, so data from
 * an older app version or a damaged row is reported and left untouched in the database instead of being
 * half-read or overwritten.
 */
import type { z } from 'zod';
import { EdgeSchema, RoleSchema, SkillSchema, StepSchema, WorkflowSchema } from '../../shared/model/schema';
import type { Role, Skill, Workflow, Workspace } from '../../shared/model/schema';
import type { ImportPlan } from '../../shared/format/importer';
import type { CoarchitectDb } from './db';
import { parseHistoryRow, type HistoryRow } from './historyRow';

export interface UnreadableRow {
  table: string;
  id: string;
  message: string;
}

export interface LoadedWorkspace {
  workspace: Workspace;
  unreadable: UnreadableRow[];
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
  return {
    workspace: {
      workflows: readable,
      roles: parseRows('roles', roles, RoleSchema, unreadable),
      customSkills: parseRows('customSkills', customSkills, SkillSchema, unreadable),
    },
    unreadable,
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

export async function saveWorkflows(db: CoarchitectDb, workflows: readonly Workflow[]): Promise<void> {
  await db.workflows.bulkPut(workflows.map(checkedForWrite));
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

/** Adds everything an import brings in one transaction: all of it lands, or none of it. */
export async function applyImport(db: CoarchitectDb, plan: ImportPlan): Promise<void> {
  await db.transaction('rw', db.workflows, db.roles, db.customSkills, async () => {
    await db.roles.bulkAdd(plan.roles);
    await db.customSkills.bulkAdd(plan.customSkills);
    await db.workflows.bulkAdd(plan.workflows);
  });
}
