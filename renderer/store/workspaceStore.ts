/**
 * The document store: the workspace as the user edits it. Every change goes through a named action here;
 * persistence follows automatically (workflows debounced through the AutoSaver, roles and skills at once).
 * View state (selection, viewport) lives in editorStore.ts, never here.
 */
import { create } from 'zustand';
import { temporal } from 'zundo';
import { newId } from '../../shared/model/ids';
import * as ops from '../../shared/model/operations';
import type { Role, Skill, Workflow, Workspace } from '../../shared/model/schema';
import { planImport } from '../../shared/format/importer';
import { parseImportText } from '../workers/importClient';
import { isEncryptedFile } from '../../shared/encryption/encryptedExport';
import type { ImportIssue } from '../../shared/format/importer';
import { newCustomSkill } from '../../shared/ontology/index';
import { CoarchitectDb } from '../storage/db';
import * as repo from '../storage/repository';
import type { UnreadableRow } from '../storage/repository';
import { AutoSaver } from '../storage/autosave';
import type { SaveState } from '../storage/autosave';
import { HistorySaver, readHistoryJournals } from '../storage/historySaver';
import { createWorkflowWrites, directWrites, type WorkflowWrites } from '../storage/backgroundWrites';
import { recoverJournals } from '../storage/journalRecovery';
import { claimTab, liveTabs, TabChannel, type TabMessage } from '../storage/tabs';
import { requestPersistentStorage, type StoragePersistence } from '../storage/persistence';
import { notify } from './notifications';
import {
  captureHistory,
  restoreHistory,
  PERSISTED_CHARS_LIMIT,
  PERSISTED_STEPS_LIMIT,
  type DocumentSnapshot,
} from './persistentHistory';
import { flushPendingEdits } from '../ui/deferredCommit';

export type ImportOutcome =
  | { ok: true; workflowIds: string[]; notes: string[]; summary: string }
  | { ok: false; issues: ImportIssue[] };

/**
 * A workflow another tab or window wrote while this one held unsaved edits of it. "Mine" is the version in
 * this tab's state (held back from saving); "theirs" the stored one, at `revision`.
 */
export interface WorkflowConflict {
  id: string;
  theirs: Workflow;
  revision: number;
  /** Set when "mine" came from the unload journal of a closed tab: removed once resolved. */
  journalKey?: string;
}

export type ConflictChoice = 'mine' | 'theirs' | 'both';

export interface WorkspaceState extends Workspace {
  /** 'locked': the workspace is encrypted and its key is not in memory (the unlock screen shows). */
  status: 'loading' | 'locked' | 'ready' | 'failed';
  /** Conflicts waiting for the user's choice, oldest first (one per workflow). */
  conflicts: WorkflowConflict[];
  /** Whether the browser may clear the database when space runs low (navigator.storage.persist()). */
  storagePersistence: StoragePersistence;
  loadError: string | null;
  unreadable: UnreadableRow[];
  openWorkflowId: string | null;
  saveState: SaveState;
  saveError: string | null;
}

export interface WorkspaceActions {
  init(db?: CoarchitectDb): Promise<void>;
  /**
   * Locks an encrypted workspace: saves what is pending, drops the data key and every decrypted document
   * (and its undo history) from memory; the unlock screen shows until init runs again.
   */
  lock(): Promise<void>;
  openWorkflow(id: string | null): void;
  createWorkflow(name: string): string;
  /** Applies a pure edit to a workflow and schedules its save. */
  editWorkflow(id: string, edit: (wf: Workflow) => Workflow): void;
  renameWorkflow(id: string, name: string): void;
  duplicateWorkflow(id: string): string | null;
  createRedesign(id: string): string | null;
  deleteWorkflow(id: string): Promise<Workflow | null>;
  restoreWorkflow(workflow: Workflow): Promise<void>;
  addRole(partial?: Partial<Omit<Role, 'id'>>): Promise<Role>;
  updateRole(role: Role): Promise<void>;
  deleteRole(id: string): Promise<{ ok: boolean; reason?: string }>;
  addCustomSkill(name: string, description: string): Promise<Skill>;
  updateCustomSkill(skill: Skill): Promise<void>;
  /** Takes the changed and new custom skills of an ontology import, in one write. */
  mergeCustomSkills(skills: readonly Skill[]): Promise<void>;
  importText(text: string): Promise<ImportOutcome>;
  /** Ends a conflict: keep this tab's version, take the stored one, or keep both (mine as a copy). */
  resolveConflict(id: string, choice: ConflictChoice): void;
  flush(): Promise<void>;
}

export type WorkspaceStore = WorkspaceState & WorkspaceActions;

let db: CoarchitectDb | null = null;
let saver: AutoSaver | null = null;
/** Autosaves and histories go through here (to the persistence worker where there is one). */
let writes: WorkflowWrites | null = null;
let historySaver: HistorySaver | null = null;
/** The workflow whose history zundo holds and may be saved; null while it is being restored. */
let historyOwner: string | null = null;
/** Bumped on every switch, so that a restore that finishes late knows it is no longer wanted. */
let historySwitches = 0;
let historyRestored: Promise<void> = Promise.resolve();
let stopHistoryWatch: (() => void) | null = null;
/** Tells the other tabs and windows what this one wrote, and hears what they wrote. */
let channel: TabChannel | null = null;
/** The highest revision each workflow was announced at by another tab (to catch up after a write of ours). */
const announced = new Map<string, number>();

function database(): CoarchitectDb {
  if (!db) throw new Error('The workspace is not loaded yet.');
  return db;
}

/** The open database (for the privacy dialog and the unlock screen). */
export function workspaceDatabase(): CoarchitectDb {
  return database();
}

export type { DocumentSnapshot };

export const HISTORY_LIMIT = 200;

export const useWorkspace = create<WorkspaceStore>()(
  temporal(
    (set, get) => {
      /**
       * Persists a change written at once (roles, skills, deletions, imports) and reflects it in the save
       * indicator. A failure (e.g. the disk is full) is shown there and never rejects: callers fire and
       * forget, and a rejection nobody handles would be reported as an unhandled error on top.
       */
      async function persist(write: () => Promise<unknown>, announce = true): Promise<boolean> {
        set({ saveState: 'saving' });
        try {
          await write();
          set({ saveState: saver?.hasPending ? 'saving' : 'saved', saveError: null });
          if (announce) channel?.post({ type: 'library-changed' });
          return true;
        } catch (error) {
          set({ saveState: 'error', saveError: error instanceof Error ? error.message : String(error) });
          return false;
        }
      }

      function putWorkflow(workflow: Workflow): void {
        set((s) => {
          const exists = s.workflows.some((w) => w.id === workflow.id);
          return {
            workflows: exists
              ? s.workflows.map((w) => (w.id === workflow.id ? workflow : w))
              : [...s.workflows, workflow],
          };
        });
        saver?.schedule(workflow);
      }

      return {
        workflows: [],
        roles: [],
        customSkills: [],
        status: 'loading',
        loadError: null,
        unreadable: [],
        openWorkflowId: null,
        saveState: 'saved',
        saveError: null,
        conflicts: [],
        storagePersistence: 'unknown',

        async init(givenDb) {
          try {
            db = givenDb ?? db ?? new CoarchitectDb();
            await db.open();
            if (db.encryption.locked) {
              set({ status: 'locked' });
              return;
            }
            const encrypted = db.encryption.enabled;
            writes?.dispose();
            channel?.close();
            const tabId = claimTab();
            // Encrypted: rows are sealed on this thread (the worker never holds the key), and nothing is
            // journalled to localStorage, which would keep the documents in clear.
            const background = encrypted ? directWrites(db) : createWorkflowWrites(db);
            const journalStorage = encrypted ? null : (globalThis.localStorage ?? null);
            writes = background;
            // A message that cannot be followed (the database closed, a row unreadable) is left: the revision
            // check still keeps this tab from writing over what it did not see.
            channel = new TabChannel(tabId, (message) => void followElsewhere(message).catch(() => {}));
            saver = new AutoSaver(
              (workflows, bases) => background.saveWorkflows(workflows, bases),
              (saveState, error) => set({ saveState, saveError: error ?? null }),
              {
                tabId,
                storage: journalStorage,
                onConflict: (conflict) => addConflict(conflict),
                onSaved: (saved) => {
                  for (const { id, revision } of saved) {
                    channel?.post({ type: 'workflow-saved', id, revision });
                    // Another tab wrote after this one while the write was under way: follow it now.
                    if ((announced.get(id) ?? 0) > revision) void followWorkflow(id).catch(() => {});
                  }
                },
              },
            );
            // A history that cannot be saved costs only undo steps after a reload, never the document.
            historySaver = new HistorySaver(
              (row) => background.saveHistory(row),
              () => {},
              500,
              journalStorage,
              tabId,
            );
            historyOwner = null;
            historySwitches++;
            void requestPersistentStorage().then((storagePersistence) => set({ storagePersistence }));
            // Edits made right before a tab closed (or crashed) that may not have reached IndexedDB.
            const open = await liveTabs();
            const recovery = await recoverJournals(database(), open);
            // After the workflows: a journalled history describes the journalled workflow.
            for (const { key, row } of readHistoryJournals(open)) {
              if (row) await repo.saveHistory(database(), row);
              globalThis.localStorage?.removeItem(key);
            }
            const { workspace, unreadable, revisions } = await repo.loadWorkspace(database());
            saver.remember(revisions);
            // A journalled version that met a newer stored one: shown as a conflict, mine held back.
            const conflicts: WorkflowConflict[] = [];
            const copies: Workflow[] = [];
            let workflows = workspace.workflows;
            for (const c of recovery.conflicts) {
              if (conflicts.some((k) => k.id === c.id)) {
                // A second closed tab's version of the same workflow: kept whole, as a copy.
                copies.push(ops.duplicateWorkflow(c.mine, `${c.mine.name} (recovered)`));
                globalThis.localStorage?.removeItem(c.journalKey);
                continue;
              }
              conflicts.push({ id: c.id, theirs: c.theirs, revision: c.revision, journalKey: c.journalKey });
              workflows = workflows.map((w) => (w.id === c.id ? c.mine : w));
              saver.holdConflict(c.mine);
            }
            set({
              ...workspace,
              workflows,
              unreadable,
              status: 'ready',
              conflicts,
              ...(conflicts.length > 0 && {
                saveState: 'error' as const,
                saveError:
                  'a closed window left edits of a workflow changed since; choose which version to keep',
              }),
            });
            for (const copy of copies) putWorkflow(copy);
            for (const { id, revision } of recovery.saved)
              channel.post({ type: 'workflow-saved', id, revision });
            // Loading is not an edit: history starts empty.
            useWorkspace.temporal.getState().clear();
            stopHistoryWatch?.();
            stopHistoryWatch = useWorkspace.temporal.subscribe((now, before) => {
              if (now.pastStates !== before.pastStates || now.futureStates !== before.futureStates) {
                scheduleHistorySave();
              }
            });
          } catch (error) {
            set({ status: 'failed', loadError: error instanceof Error ? error.message : String(error) });
          }
        },

        async lock() {
          if (!db?.encryption.enabled) return;
          await get().flush();
          db.encryption.lock();
          writes?.dispose();
          writes = null;
          // A locked tab follows no one: it holds nothing to update until it is unlocked (init again).
          channel?.close();
          channel = null;
          saver = null;
          historySaver = null;
          historyOwner = null;
          historySwitches++;
          stopHistoryWatch?.();
          stopHistoryWatch = null;
          set({
            workflows: [],
            roles: [],
            customSkills: [],
            openWorkflowId: null,
            unreadable: [],
            conflicts: [],
            status: 'locked',
          });
          useWorkspace.temporal.getState().clear();
        },

        openWorkflow(id) {
          if (id === get().openWorkflowId) return;
          switchHistory(id);
          set({ openWorkflowId: id });
          const opened = get().workflows.find((w) => w.id === id);
          if (opened) writes?.prime(opened);
        },

        createWorkflow(name) {
          const wf = ops.createWorkflow(name);
          putWorkflow(wf);
          return wf.id;
        },

        editWorkflow(id, edit) {
          const current = get().workflows.find((w) => w.id === id);
          if (!current) return;
          const next = edit(current);
          if (next !== current) putWorkflow(next);
        },

        renameWorkflow(id, name) {
          const trimmed = name.trim();
          if (!trimmed) return;
          get().editWorkflow(id, (wf) => ops.updateWorkflowFields(wf, { name: trimmed }));
        },

        duplicateWorkflow(id) {
          const wf = get().workflows.find((w) => w.id === id);
          if (!wf) return null;
          const copy = ops.duplicateWorkflow(wf);
          putWorkflow(copy);
          return copy.id;
        },

        createRedesign(id) {
          const wf = get().workflows.find((w) => w.id === id);
          if (!wf) return null;
          const redesign = ops.createRedesign(wf);
          putWorkflow(redesign);
          return redesign.id;
        },

        async deleteWorkflow(id) {
          const wf = get().workflows.find((w) => w.id === id) ?? null;
          if (!wf) return null;
          saver?.forget(id);
          historySaver?.forget(id);
          if (historyOwner === id) historyOwner = null;
          set((s) => ({
            workflows: s.workflows.filter((w) => w.id !== id),
            openWorkflowId: s.openWorkflowId === id ? null : s.openWorkflowId,
          }));
          // A save under way would otherwise bring the deleted workflow or its history back.
          await Promise.all([saver?.idle(), historySaver?.idle()]);
          writes?.release(id);
          if (await persist(() => repo.deleteWorkflow(database(), id), false))
            channel?.post({ type: 'workflow-deleted', id });
          return wf;
        },

        async restoreWorkflow(workflow) {
          set((s) => ({ workflows: [...s.workflows.filter((w) => w.id !== workflow.id), workflow] }));
          await persist(async () => announceSaved(await repo.saveWorkflows(database(), [workflow])), false);
        },

        async addRole(partial = {}) {
          const role: Role = {
            id: newId('role'),
            name: partial.name ?? 'New role',
            headcount: partial.headcount ?? 1,
            hoursPerWeek: partial.hoursPerWeek ?? 35,
            costPerHour: partial.costPerHour ?? 50,
            skillLevels: [],
            people: [],
          };
          set((s) => ({ roles: [...s.roles, role] }));
          await persist(() => repo.saveRole(database(), role));
          return role;
        },

        async updateRole(role) {
          set((s) => ({ roles: s.roles.map((r) => (r.id === role.id ? role : r)) }));
          await persist(() => repo.saveRole(database(), role));
        },

        async deleteRole(id) {
          const uses = ops.stepsUsingRole(get().workflows, id);
          if (uses > 0) {
            return {
              ok: false,
              reason: `This role performs ${uses} step${uses === 1 ? '' : 's'}; give them another role first.`,
            };
          }
          set((s) => ({ roles: s.roles.filter((r) => r.id !== id) }));
          await persist(() => repo.deleteRole(database(), id));
          return { ok: true };
        },

        async addCustomSkill(name, description) {
          const skill = newCustomSkill(name.trim(), description.trim(), newId('custom'));
          set((s) => ({ customSkills: [...s.customSkills, skill] }));
          await persist(() => repo.saveCustomSkill(database(), skill));
          return skill;
        },

        async updateCustomSkill(skill) {
          set((s) => ({ customSkills: s.customSkills.map((k) => (k.id === skill.id ? skill : k)) }));
          await persist(() => repo.saveCustomSkill(database(), skill));
        },

        async mergeCustomSkills(skills) {
          const byId = new Map(skills.map((k) => [k.id, k]));
          set((s) => {
            const known = new Set(s.customSkills.map((k) => k.id));
            return {
              customSkills: [
                ...s.customSkills.map((k) => byId.get(k.id) ?? k),
                ...skills.filter((k) => !known.has(k.id)),
              ],
            };
          });
          await persist(() => repo.saveCustomSkills(database(), skills));
        },

        async importText(text) {
          if (isEncryptedFile(text)) {
            const message =
              'This file is an encrypted workspace: import it from Privacy & encryption (Import encrypted workspace…) with its passphrase.';
            return { ok: false, issues: [{ path: '$', message }] };
          }
          // Checked off the UI thread; nothing is stored unless the whole file is valid.
          const parsed = await parseImportText(text);
          if (!parsed.ok) return parsed;
          await get().flush();
          const { workflows, roles, customSkills } = get();
          const plan = planImport(parsed.document, { workflows, roles, customSkills });
          if (!(await persist(() => repo.applyImport(database(), plan))))
            return {
              ok: false,
              issues: [{ path: '$', message: get().saveError ?? 'The import could not be stored.' }],
            };
          announceSaved(new Map(plan.workflows.map((wf) => [wf.id, 1])));
          // The co-design record travels with its workflows (checked; what does not verify stays flagged).
          const doc = parsed.document;
          const fileIds =
            doc.format === 'coarchitect.workflow' ? [doc.workflow.id] : doc.workflows.map((w) => w.id);
          // Loaded on first use: the first paint does not wait for the co-design code.
          const { importRecordSection } = await import('../codesign/recordExchange');
          const recordNotes = await importRecordSection(
            database(),
            doc.codesign,
            fileIds,
            plan.workflows,
          ).catch((e: unknown) => [
            `The co-design record could not be stored: ${e instanceof Error ? e.message : String(e)}`,
          ]);
          // Parsed on import: later saves check only what the user changes.
          for (const wf of plan.workflows) repo.markChecked(wf);
          set((s) => ({
            workflows: [...s.workflows, ...plan.workflows],
            roles: [...s.roles, ...plan.roles],
            customSkills: [...s.customSkills, ...plan.customSkills],
          }));
          const n = plan.workflows.length;
          return {
            ok: true,
            workflowIds: plan.workflows.map((w) => w.id),
            notes: [...plan.notes, ...recordNotes],
            summary: `Imported ${n} workflow${n === 1 ? '' : 's'}${plan.roles.length ? `, ${plan.roles.length} role${plan.roles.length === 1 ? '' : 's'}` : ''}${plan.customSkills.length ? `, ${plan.customSkills.length} skill${plan.customSkills.length === 1 ? '' : 's'}` : ''}.`,
          };
        },

        resolveConflict(id, choice) {
          const conflict = get().conflicts.find((c) => c.id === id);
          if (!conflict || !saver) return;
          set((s) => ({ conflicts: s.conflicts.filter((c) => c.id !== id) }));
          if (conflict.journalKey) globalThis.localStorage?.removeItem(conflict.journalKey);
          const mine = get().workflows.find((w) => w.id === id);
          if (choice === 'mine' && mine) {
            saver.resolve(id, conflict.revision);
            return;
          }
          saver.forget(id);
          takeFromElsewhere(conflict.theirs, conflict.revision);
          saver.resolve(id, conflict.revision);
          if (choice === 'both' && mine)
            putWorkflow(ops.duplicateWorkflow(mine, `${mine.name} (my version)`));
        },

        async flush() {
          flushPendingEdits();
          await Promise.all([saver?.flush(), historySaver?.flush()]);
        },
      };
    },
    {
      partialize: (s): DocumentSnapshot => ({ workflows: s.workflows, roles: s.roles }),
      // Only changes to the documents make an undo step; saving state, loading and the open workflow do not.
      equality: (a, b) => a.workflows === b.workflows && a.roles === b.roles,
      limit: HISTORY_LIMIT,
    },
  ),
);

/** Tells the other tabs about workflows this one wrote outside the autosaver (restore, import, journal). */
function announceSaved(revisions: ReadonlyMap<string, number>): void {
  saver?.remember(revisions);
  for (const [id, revision] of revisions) channel?.post({ type: 'workflow-saved', id, revision });
}

/** A save was refused because another tab wrote first: the user chooses (ConflictDialog). */
function addConflict(conflict: { id: string; theirs: Workflow; revision: number }): void {
  useWorkspace.setState((s) => ({
    conflicts: [...s.conflicts.filter((c) => c.id !== conflict.id), conflict],
  }));
}

/**
 * Puts another tab's version of a workflow into this one without making it an undo step. The undo stacks
 * hold the old copy: for the open workflow they no longer describe the document and are cleared; in the
 * other snapshots the new copy replaces the old, so that an undo here cannot bring the old one back.
 */
function takeFromElsewhere(workflow: Workflow, revision: number): void {
  const temporal = useWorkspace.temporal.getState();
  temporal.pause();
  useWorkspace.setState((s) => ({
    workflows: s.workflows.some((w) => w.id === workflow.id)
      ? s.workflows.map((w) => (w.id === workflow.id ? workflow : w))
      : [...s.workflows, workflow],
  }));
  temporal.resume();
  saver?.remember([[workflow.id, revision]]);
  if (useWorkspace.getState().openWorkflowId === workflow.id) {
    temporal.clear();
    return;
  }
  const swap = (snapshots: Partial<DocumentSnapshot>[]) =>
    snapshots.map((snap) =>
      snap.workflows?.some((w) => w.id === workflow.id)
        ? { ...snap, workflows: snap.workflows.map((w) => (w.id === workflow.id ? workflow : w)) }
        : snap,
    );
  useWorkspace.temporal.setState({
    pastStates: swap(temporal.pastStates),
    futureStates: swap(temporal.futureStates),
  });
}

/** Loads a workflow another tab wrote, unless this tab holds unsaved edits of it (a conflict then). */
async function followWorkflow(id: string): Promise<void> {
  if (!db || !saver || saver.hasUnsaved(id)) return;
  const stored = await repo.loadWorkflow(db, id);
  if (!stored || stored.revision <= saver.revisionOf(id) || saver.hasUnsaved(id)) return;
  takeFromElsewhere(stored.workflow, stored.revision);
}

/** What another tab or window said it wrote. */
async function followElsewhere(message: TabMessage): Promise<void> {
  if (!db || !saver) return;
  switch (message.type) {
    case 'workflow-saved':
      announced.set(message.id, Math.max(announced.get(message.id) ?? 0, message.revision));
      if (message.revision > saver.revisionOf(message.id)) await followWorkflow(message.id);
      return;
    case 'workflow-deleted': {
      if (saver.hasUnsaved(message.id)) return; // Its next save writes it back: nothing is lost.
      const state = useWorkspace.getState();
      const gone = state.workflows.find((w) => w.id === message.id);
      if (!gone) return;
      saver.forget(message.id);
      useWorkspace.temporal.getState().pause();
      useWorkspace.setState((s) => ({ workflows: s.workflows.filter((w) => w.id !== message.id) }));
      useWorkspace.temporal.getState().resume();
      if (state.openWorkflowId === message.id) state.openWorkflow(null);
      notify(`“${gone.name}” was deleted in another window.`);
      return;
    }
    case 'library-changed': {
      const library = await repo.loadLibrary(db);
      const temporal = useWorkspace.temporal.getState();
      temporal.pause();
      useWorkspace.setState(library);
      temporal.resume();
      return;
    }
  }
}

function currentSnapshot(): DocumentSnapshot {
  const { workflows, roles } = useWorkspace.getState();
  return { workflows, roles };
}

/** Schedules saving the open workflow's history; called whenever zundo's stacks change. */
function scheduleHistorySave(): void {
  const workflowId = historyOwner;
  if (!workflowId || !historySaver) return;
  historySaver.schedule(workflowId, (maxChars = PERSISTED_CHARS_LIMIT) =>
    historyOwner === workflowId
      ? captureHistory(workflowId, useWorkspace.temporal.getState(), currentSnapshot(), {
          steps: PERSISTED_STEPS_LIMIT,
          chars: maxChars,
        })
      : null,
  );
}

/**
 * History is per workflow (as in VS Code or Figma): leaving a workflow saves its history, opening one
 * replaces zundo's stacks with that workflow's stored history. Opening the library starts an empty one.
 */
function switchHistory(workflowId: string | null): void {
  void historySaver?.flush();
  historyOwner = null;
  const switchNumber = ++historySwitches;
  useWorkspace.temporal.getState().clear();
  if (!workflowId || !db) return;
  const saving = historySaver;
  const restoring = async () => {
    await saving?.idle();
    const stored = await repo.loadHistory(database(), workflowId);
    if (switchNumber !== historySwitches) return;
    const stacks = useWorkspace.temporal.getState();
    const editedMeanwhile = stacks.pastStates.length > 0 || stacks.futureStates.length > 0;
    if (stored.status === 'ok' && !editedMeanwhile) {
      // An outdated history (the document changed elsewhere) is ignored; the next save replaces it.
      const restored = restoreHistory(stored.row, currentSnapshot());
      if (restored.ok) useWorkspace.temporal.setState(restored.stacks);
    }
    historyOwner = workflowId;
    if (editedMeanwhile) scheduleHistorySave();
  };
  historyRestored = restoring().catch(() => {
    // Unreadable storage: the workflow opens with an empty history, which is saved from the next edit.
    if (switchNumber === historySwitches) historyOwner = workflowId;
  });
}

/** Resolves once the open workflow's stored history is in zundo (for tests and callers that must wait). */
export function historyReady(): Promise<void> {
  return historyRestored;
}

/**
 * Writes what an undo or redo changed: workflows and roles whose object changed are saved, those that
 * disappeared are deleted. (Ordinary edits persist themselves; undo swaps whole snapshots.)
 */
export async function persistSnapshotChange(
  before: DocumentSnapshot,
  after: DocumentSnapshot,
): Promise<void> {
  const previousWorkflows = new Map(before.workflows.map((w) => [w.id, w]));
  const currentWorkflowIds = new Set(after.workflows.map((w) => w.id));
  for (const wf of after.workflows) if (previousWorkflows.get(wf.id) !== wf) saver?.schedule(wf);
  const previousRoles = new Map(before.roles.map((r) => [r.id, r]));
  const currentRoleIds = new Set(after.roles.map((r) => r.id));
  const removed = before.workflows.filter((wf) => !currentWorkflowIds.has(wf.id));
  for (const wf of removed) saver?.forget(wf.id);
  const pending: Promise<void>[] = [];
  for (const role of after.roles)
    if (previousRoles.get(role.id) !== role) pending.push(repo.saveRole(database(), role));
  for (const role of before.roles)
    if (!currentRoleIds.has(role.id)) pending.push(repo.deleteRole(database(), role.id));
  if (removed.length > 0) {
    // A save of the removed workflow under way must land before its deletion, not after.
    await saver?.idle();
    for (const wf of removed) {
      writes?.release(wf.id);
      pending.push(
        repo
          .deleteWorkflow(database(), wf.id)
          .then(() => channel?.post({ type: 'workflow-deleted', id: wf.id })),
      );
    }
  }
  await Promise.all(pending);
  if (after.roles !== before.roles) channel?.post({ type: 'library-changed' });
}

/** Journals unsaved edits synchronously when the page is hidden or closed, then starts the real write. */
export function installUnloadGuard(target: Pick<Window, 'addEventListener'> = window): void {
  const guard = () => {
    flushPendingEdits();
    saver?.journal();
    historySaver?.journal();
    void saver?.flush();
    void historySaver?.flush();
  };
  target.addEventListener('pagehide', guard);
  target.addEventListener('beforeunload', guard);
  target.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') guard();
  });
}

export function useOpenWorkflow(): Workflow | null {
  return useWorkspace((s) => s.workflows.find((w) => w.id === s.openWorkflowId) ?? null);
}

/** Stops hearing other tabs (tests start several "tabs" in one process; a page closes it by going away). */
export function closeWorkspaceChannel(): void {
  channel?.close();
  channel = null;
}
