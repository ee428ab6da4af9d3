/**
 * Converts between zundo's in-memory history (whole-workspace snapshots) and the stored history of the open
 * workflow (that workflow and the roles at each step). Pure functions: the store decides when to call them.
 *
 * What is kept: the steps nearest to the present, at most PERSISTED_STEPS_LIMIT each way and about
 * PERSISTED_CHARS_LIMIT characters of JSON in all, and only as far back (or forward) as the steps stay
 * about this workflow: a step that also changed other workflows (creating this one, an import) cannot be
 * replayed from a per-workflow history, so the stored history stops there.
 */
import { RoleSchema, type Role, type Workflow } from '../../shared/model/schema';
import { stepsUsingRole } from '../../shared/model/operations';
import { HISTORY_FORMAT, type HistoryEntry, type HistoryRow } from '../storage/historyRow';

/** What undo and redo restore: the documents, never view or status state. */
export interface DocumentSnapshot {
  workflows: Workflow[];
  roles: Role[];
}

/**
 * zundo's two stacks; in both the step nearest to the present is the last element. zundo types its states
 * as partial (a `partialize` may drop fields); ours are always whole, and a partial one ends the history.
 */
export interface HistoryStacks {
  pastStates: Partial<DocumentSnapshot>[];
  futureStates: Partial<DocumentSnapshot>[];
}

export interface HistoryLimits {
  steps: number;
  /** Characters of JSON, summed over past and future entries. */
  chars: number;
}

export const PERSISTED_STEPS_LIMIT = 100;
// Each save rewrites the whole row (cloned by IndexedDB in the persistence worker, or on the UI thread where
// there is none): about 5 MB keeps that to a few tens of milliseconds even for a 5,000-step workflow, whose
// history then holds its last step or two.
export const PERSISTED_CHARS_LIMIT = 5_000_000;
export const PERSISTED_LIMITS: HistoryLimits = { steps: PERSISTED_STEPS_LIMIT, chars: PERSISTED_CHARS_LIMIT };

/** True when every workflow but `workflowId` is the very same object, in the same order, in both. */
function othersUnchanged(a: DocumentSnapshot, b: DocumentSnapshot, workflowId: string): boolean {
  const as = a.workflows.filter((w) => w.id !== workflowId);
  const bs = b.workflows.filter((w) => w.id !== workflowId);
  return as.length === bs.length && as.every((w, i) => w === bs[i]);
}

function whole(state: Partial<DocumentSnapshot>): DocumentSnapshot | null {
  const { workflows, roles } = state;
  return workflows && roles ? { workflows, roles } : null;
}

function entryOf(state: DocumentSnapshot, workflowId: string): HistoryEntry | null {
  const workflow = state.workflows.find((w) => w.id === workflowId);
  return workflow ? { workflow, roles: state.roles } : null;
}

/**
 * The entries reachable from the present by stepping through `states` nearest first, while each step only
 * concerns this workflow and the roles. Returned nearest first.
 */
function reachable(
  states: readonly Partial<DocumentSnapshot>[],
  present: DocumentSnapshot,
  workflowId: string,
): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  let previous = present;
  for (let i = states.length - 1; i >= 0; i--) {
    const state = whole(states[i]!);
    const entry = state && entryOf(state, workflowId);
    if (!state || !entry || !othersUnchanged(state, previous, workflowId)) break;
    entries.push(entry);
    previous = state;
  }
  return entries;
}

// Sizes are measured once per object: consecutive snapshots share almost all of their steps and connections,
// so a new snapshot of a 5,000-step workflow costs the JSON of what changed, not of the whole workflow.
const itemChars = new WeakMap<object, number>();
const workflowChars = new WeakMap<Workflow, number>();
const rolesChars = new WeakMap<Role[], number>();

/** The length of JSON.stringify(items), summed from cached lengths of the items. */
function listChars(items: readonly object[]): number {
  let total = 2 + Math.max(0, items.length - 1); // brackets and commas
  for (const item of items) {
    let chars = itemChars.get(item);
    if (chars === undefined) itemChars.set(item, (chars = JSON.stringify(item).length));
    total += chars;
  }
  return total;
}

/** Exactly JSON.stringify(workflow).length: the workflow with empty lists, plus what its lists add. */
function jsonChars(workflow: Workflow): number {
  const shell = JSON.stringify({ ...workflow, steps: [], edges: [] }).length - 4;
  return shell + listChars(workflow.steps) + listChars(workflow.edges);
}

function charsOf(entry: HistoryEntry): number {
  let w = workflowChars.get(entry.workflow);
  if (w === undefined) workflowChars.set(entry.workflow, (w = jsonChars(entry.workflow)));
  let r = rolesChars.get(entry.roles);
  if (r === undefined) rolesChars.set(entry.roles, (r = JSON.stringify(entry.roles).length));
  return w + r;
}

/**
 * Keeps the entries nearest to the present within the limits, taking past and future in turn so that a
 * huge history still leaves a step to undo and one to redo. Both lists are given and returned nearest first.
 */
function bound(
  past: readonly HistoryEntry[],
  future: readonly HistoryEntry[],
  limits: HistoryLimits,
): { past: HistoryEntry[]; future: HistoryEntry[] } {
  const kept = { past: [] as HistoryEntry[], future: [] as HistoryEntry[] };
  const open = { past: true, future: true };
  let budget = limits.chars;
  for (let i = 0; i < limits.steps; i++) {
    for (const side of ['past', 'future'] as const) {
      const entry = (side === 'past' ? past : future)[i];
      if (!open[side] || !entry) continue;
      const size = charsOf(entry);
      // Once one entry does not fit, older ones on that side would leave a gap: that side stops.
      if (size > budget) {
        open[side] = false;
        continue;
      }
      budget -= size;
      kept[side].push(entry);
    }
  }
  return kept;
}

/**
 * The stored form of the open workflow's history, or null when the present has no such workflow.
 * `limits` bounds it (see the module comment); the journal uses a smaller budget than IndexedDB.
 */
export function captureHistory(
  workflowId: string,
  stacks: HistoryStacks,
  present: DocumentSnapshot,
  limits: HistoryLimits = PERSISTED_LIMITS,
  now: Date = new Date(),
): HistoryRow | null {
  const current = present.workflows.find((w) => w.id === workflowId);
  if (!current) return null;
  const { past, future } = bound(
    reachable(stacks.pastStates, present, workflowId),
    reachable(stacks.futureStates, present, workflowId),
    limits,
  );
  return {
    workflowId,
    format: HISTORY_FORMAT,
    savedAt: now.toISOString(),
    present: { updatedAt: current.updatedAt, roles: present.roles },
    past: past.reverse(),
    future: future.reverse(),
  };
}

const ROLE_FIELDS = Object.keys(RoleSchema.shape) as (keyof Role)[];

/** Field by field; skill levels and people are arrays of plain data, compared by their JSON. */
function sameRole(a: Role, b: Role): boolean {
  return ROLE_FIELDS.every((field) => {
    const x = a[field];
    const y = b[field];
    return x === y || (typeof x === 'object' && JSON.stringify(x) === JSON.stringify(y));
  });
}

/** Same roles with the same values, in any order (the database returns them sorted by id). */
function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  const byId = new Map(b.map((r) => [r.id, r]));
  return a.length === b.length && a.every((r) => byId.has(r.id) && sameRole(r, byId.get(r.id)!));
}

export type RestoredHistory = { ok: true; stacks: HistoryStacks } | { ok: false; reason: string };

/**
 * Rebuilds zundo's stacks from a stored history: each entry becomes a whole snapshot with the other
 * workflows as they are now. Refused when the document moved on since the history was saved (the workflow
 * was changed elsewhere, e.g. by an import, or the roles were edited with another workflow open): undoing
 * then would overwrite those changes.
 */
export function restoreHistory(row: HistoryRow, current: DocumentSnapshot): RestoredHistory {
  const workflow = current.workflows.find((w) => w.id === row.workflowId);
  if (!workflow) return { ok: false, reason: 'the workflow no longer exists' };
  if (workflow.updatedAt !== row.present.updatedAt) {
    return { ok: false, reason: 'the workflow was changed after its history was saved' };
  }
  if (!sameRoles(row.present.roles, current.roles)) {
    return { ok: false, reason: 'the roles were changed after the history was saved' };
  }
  const others = current.workflows.filter((w) => w.id !== row.workflowId);
  // Roles other workflows use now stay in every snapshot: undoing here must never orphan their steps.
  const neededElsewhere = current.roles.filter((r) => stepsUsingRole(others, r.id) > 0);
  const rebuild = (entry: HistoryEntry): DocumentSnapshot => {
    const roles = entry.roles.map((r) => current.roles.find((c) => c.id === r.id && sameRole(c, r)) ?? r);
    for (const role of neededElsewhere) if (!roles.some((r) => r.id === role.id)) roles.push(role);
    return {
      workflows: current.workflows.map((w) => (w.id === row.workflowId ? entry.workflow : w)),
      // The very same array when nothing differs, so an undo there writes no roles.
      roles: sameRoles(roles, current.roles) ? current.roles : roles,
    };
  };
  return { ok: true, stacks: { pastStates: row.past.map(rebuild), futureStates: row.future.map(rebuild) } };
}
