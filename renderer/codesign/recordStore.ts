/**
 * The co-design record of the open workflow in memory (threads, decisions, versions, sign-offs, the checks
 * of its version chain) and the local profile, with the actions that change them. Every action writes to
 * IndexedDB first and then updates the state. Nothing here touches the workflow itself except restore,
 * which goes through the workspace store's edit path (one undo step, autosaved).
 */
import { create } from 'zustand';
import {
  clipText,
  createVersion,
  openThreadsByStep,
  inChainOrder,
  latestSignOff,
  unpackSnapshot,
  verifyChain,
  type Anchor,
  type Decision,
  type Profile,
  type SignOff,
  type Thread,
  type Version,
  type VersionCheck,
  type VersionReason,
} from '../../shared/codesign/index';
import { newId } from '../../shared/model/ids';
import type { Workflow } from '../../shared/model/schema';
import * as repo from '../storage/codesignRepository';
import { notify } from '../store/notifications';
import { useWorkspace, workspaceDatabase } from '../store/workspaceStore';

interface RecordState {
  profile: Profile | null;
  profileLoaded: boolean;
  /** The profile dialog: open, and whether it was opened by an action waiting for a profile. */
  profileDialog: boolean;
  workflowId: string | null;
  threads: Thread[];
  decisions: Decision[];
  versions: Version[];
  signoffs: SignOff[];
  /** Check of each version of the chain; a version missing here is still being checked. */
  checks: ReadonlyMap<string, VersionCheck>;
  loaded: boolean;
  /** Open threads per step, for the pins on the canvas (kept in step with `threads`). */
  pins: ReadonlyMap<string, StepPin>;
}

export interface StepPin {
  count: number;
  /** The latest comment, clipped: the whole text is in the Discuss panel. */
  preview: string;
}

function pinsOf(threads: readonly Thread[]): Map<string, StepPin> {
  const pins = new Map<string, StepPin>();
  for (const [stepId, list] of openThreadsByStep(threads)) {
    const latest = list
      .flatMap((t) => t.comments)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .at(-1);
    pins.set(stepId, { count: list.length, preview: latest ? clipText(latest.text, 80) : '' });
  }
  return pins;
}

export const useRecord = create<RecordState>()(() => ({
  profile: null,
  profileLoaded: false,
  profileDialog: false,
  workflowId: null,
  threads: [],
  decisions: [],
  versions: [],
  signoffs: [],
  checks: new Map(),
  loaded: false,
  pins: new Map(),
}));

useRecord.subscribe((now, before) => {
  if (now.threads !== before.threads) useRecord.setState({ pins: pinsOf(now.threads) });
});

const now = () => new Date().toISOString();
const set = useRecord.setState;
const get = useRecord.getState;

let waitingForProfile: ((p: Profile | null) => void) | null = null;

export async function loadProfileOnce(): Promise<void> {
  if (get().profileLoaded) return;
  const profile = await repo.loadProfile(workspaceDatabase()).catch(() => null);
  set({ profile, profileLoaded: true });
}

export function openProfileDialog(): void {
  set({ profileDialog: true });
}

/** Saves the profile from the dialog (null: cancelled), and lets the action that asked for it continue. */
export async function closeProfileDialog(profile: Profile | null): Promise<void> {
  if (profile) {
    await repo.saveProfile(workspaceDatabase(), profile);
    set({ profile });
  }
  set({ profileDialog: false });
  const resolve = waitingForProfile;
  waitingForProfile = null;
  resolve?.(profile ?? get().profile);
}

/** The profile, asking for it once (a small dialog) on the first co-design action. */
export async function requireProfile(): Promise<Profile | null> {
  await loadProfileOnce();
  const { profile } = get();
  if (profile) return profile;
  waitingForProfile?.(null);
  return new Promise((resolve) => {
    waitingForProfile = resolve;
    set({ profileDialog: true });
  });
}

/** The load under way (a new version must chain to the stored head, so saving waits for it). */
let loading: Promise<void> = Promise.resolve();

/** Loads the record of a workflow (the open one) and checks its version chain in the background. */
export function loadWorkflowRecord(workflowId: string): Promise<void> {
  loading = loadRecordRows(workflowId);
  return loading;
}

async function loadRecordRows(workflowId: string): Promise<void> {
  set({
    workflowId,
    threads: [],
    decisions: [],
    versions: [],
    signoffs: [],
    checks: new Map(),
    loaded: false,
  });
  const { unreadable, ...record } = await repo.loadRecord(workspaceDatabase(), [workflowId]);
  if (get().workflowId !== workflowId) return;
  set({ ...record, loaded: true });
  if (unreadable > 0) notify(`${unreadable} co-design record row(s) could not be read and are not shown.`);
  // The chain is checked in the background (200 versions of 500 steps: a few seconds); rows show at once.
  void verifyChain(record.versions).then((checks) => {
    if (get().workflowId === workflowId) set((s) => ({ checks: new Map([...checks, ...s.checks]) }));
  });
}

function ownsRecord(workflowId: string): boolean {
  return get().workflowId === workflowId;
}

// ————— Threads and decisions —————

export async function addThread(workflowId: string, anchor: Anchor, text: string): Promise<Thread | null> {
  const author = await requireProfile();
  if (!author || !text.trim()) return null;
  const at = now();
  const thread: Thread = {
    id: newId('thread'),
    workflowId,
    anchor,
    status: 'open',
    createdAt: at,
    comments: [{ id: newId('comment'), author, createdAt: at, text: text.trim() }],
    resolvedAt: null,
    decisionId: null,
  };
  await repo.saveThread(workspaceDatabase(), thread);
  if (ownsRecord(workflowId)) set((s) => ({ threads: [...s.threads, thread] }));
  return thread;
}

async function updateThread(thread: Thread): Promise<void> {
  await repo.saveThread(workspaceDatabase(), thread);
  set((s) => ({ threads: s.threads.map((t) => (t.id === thread.id ? thread : t)) }));
}

export async function reply(threadId: string, text: string): Promise<void> {
  const author = await requireProfile();
  const thread = get().threads.find((t) => t.id === threadId);
  if (!author || !thread || !text.trim()) return;
  await updateThread({
    ...thread,
    comments: [...thread.comments, { id: newId('comment'), author, createdAt: now(), text: text.trim() }],
  });
}

export async function setThreadStatus(threadId: string, status: Thread['status']): Promise<void> {
  const thread = get().threads.find((t) => t.id === threadId);
  if (!thread) return;
  await updateThread({ ...thread, status, resolvedAt: status === 'resolved' ? now() : null });
}

export type DecisionDraft = Pick<
  Decision,
  'title' | 'context' | 'options' | 'decision' | 'rationale' | 'status' | 'links'
>;

/** Records a decision; from a thread, that thread is resolved as it. */
export async function recordDecision(
  workflowId: string,
  draft: DecisionDraft,
  fromThreadId: string | null = null,
): Promise<Decision | null> {
  const decidedBy = await requireProfile();
  if (!decidedBy) return null;
  const at = now();
  const decision: Decision = {
    ...draft,
    id: newId('decision'),
    workflowId,
    decidedBy,
    date: at.slice(0, 10),
    createdAt: at,
  };
  await repo.saveDecision(workspaceDatabase(), decision);
  if (ownsRecord(workflowId)) set((s) => ({ decisions: [...s.decisions, decision] }));
  const thread = fromThreadId ? get().threads.find((t) => t.id === fromThreadId) : undefined;
  if (thread) await updateThread({ ...thread, status: 'resolved', resolvedAt: at, decisionId: decision.id });
  return decision;
}

export async function setDecisionStatus(decisionId: string, status: Decision['status']): Promise<void> {
  const decision = get().decisions.find((d) => d.id === decisionId);
  if (!decision) return;
  const next = { ...decision, status };
  await repo.saveDecision(workspaceDatabase(), next);
  set((s) => ({ decisions: s.decisions.map((d) => (d.id === decisionId ? next : d)) }));
}

// ————— Versions —————

const head = (versions: readonly Version[]) => inChainOrder(versions).at(-1) ?? null;

/** Saves a version of the workflow as it is now, chained to the head of its versions. */
export async function saveVersion(
  workflow: Workflow,
  name: string,
  reason: VersionReason,
  askProfile = true,
): Promise<Version | null> {
  const author = askProfile ? await requireProfile() : get().profile;
  if (askProfile && !author) return null;
  if (!ownsRecord(workflow.id)) await loadWorkflowRecord(workflow.id);
  else await loading;
  const version = await createVersion(workflow, useWorkspace.getState().roles, head(get().versions), {
    id: newId('version'),
    name: name.trim() || 'Untitled version',
    reason,
    author,
    createdAt: now(),
  });
  await repo.saveVersion(workspaceDatabase(), version);
  if (ownsRecord(workflow.id)) {
    const previous = head(get().versions);
    // Created from the head this tab holds: it links correctly by construction; its own check is its link.
    const linked = version.prevHash === (previous?.hash ?? '');
    set((s) => ({
      versions: [...s.versions, version],
      checks: new Map([
        ...s.checks,
        [
          version.id,
          { versionId: version.id, ok: linked, problems: linked ? [] : (['chain-broken'] as const).slice() },
        ],
      ]),
    }));
  }
  return version;
}

/** The model a version stored, or null (with a notice) when it cannot be read. */
export function versionModel(version: Version): ReturnType<typeof unpackSnapshot> {
  return unpackSnapshot(version.data);
}

/** Versions a valid sign-off refers to cannot be deleted. */
export function isSignedVersion(versionId: string): boolean {
  return get().signoffs.some((s) => s.versionId === versionId && s.signatures.length > 0);
}

export async function deleteVersionById(versionId: string): Promise<boolean> {
  if (isSignedVersion(versionId)) {
    notify('A signed version cannot be deleted.');
    return false;
  }
  await repo.deleteVersion(workspaceDatabase(), versionId);
  set((s) => ({ versions: s.versions.filter((v) => v.id !== versionId) }));
  // Removing a link shows in the chain: the checks after it are redone.
  const checks = await verifyChain(get().versions);
  set({ checks });
  return true;
}

/**
 * Restores a version as a new head: saves the workflow as it is ("Before restore"), replaces it through the
 * workspace store's edit path (one undo step), and saves the result as "Restored …". History is never
 * rewritten. Roles are the workspace's and stay as they are.
 */
export async function restoreVersion(workflow: Workflow, versionId: string): Promise<boolean> {
  const version = get().versions.find((v) => v.id === versionId);
  if (!version) return false;
  const model = unpackSnapshot(version.data);
  if (!model.ok) {
    notify(`Version “${version.name}” cannot be restored: ${model.message}.`);
    return false;
  }
  if (!(await requireProfile())) return false;
  await saveVersion(workflow, `Before restoring “${version.name}”`, 'restore');
  const restored: Workflow = {
    ...model.snapshot.workflow,
    id: workflow.id,
    createdAt: workflow.createdAt,
    updatedAt: now(),
  };
  useWorkspace.getState().editWorkflow(workflow.id, () => restored);
  await saveVersion(restored, `Restored “${version.name}”`, 'restore');
  return true;
}

// ————— Sign-off —————

export function currentSignOff(): SignOff | null {
  return latestSignOff(get().signoffs);
}

/** Proposes the workflow as it is now: saves a version and opens the sign-off with the warnings acknowledged. */
export async function proposeForSignOff(workflow: Workflow, acknowledged: string[]): Promise<SignOff | null> {
  const proposedBy = await requireProfile();
  if (!proposedBy) return null;
  const version = await saveVersion(workflow, 'Proposed for sign-off', 'sign-off');
  if (!version) return null;
  const signOff: SignOff = {
    id: newId('signoff'),
    workflowId: workflow.id,
    versionId: version.id,
    contentHash: version.contentHash,
    proposedBy,
    proposedAt: version.createdAt,
    acknowledged,
    signatures: [],
  };
  await repo.saveSignOff(workspaceDatabase(), signOff);
  set((s) => ({ signoffs: [...s.signoffs, signOff] }));
  return signOff;
}

/** Signs the current proposal with the content hash as it is now (it must still be the proposed content). */
export async function signProposal(currentHash: string, note: string): Promise<boolean> {
  const signer = await requireProfile();
  const signOff = currentSignOff();
  if (!signer || !signOff) return false;
  if (currentHash !== signOff.contentHash) {
    notify('The workflow changed since it was proposed: propose it again to sign.');
    return false;
  }
  const next: SignOff = {
    ...signOff,
    signatures: [
      // One signature per person: signing again replaces the earlier one.
      ...signOff.signatures.filter((s) => !(s.signer.name === signer.name && s.signer.role === signer.role)),
      { id: newId('signature'), signer, signedAt: now(), note: note.trim(), contentHash: currentHash },
    ],
  };
  await repo.saveSignOff(workspaceDatabase(), next);
  set((s) => ({ signoffs: s.signoffs.map((x) => (x.id === next.id ? next : x)) }));
  return true;
}

/**
 * An automatic version before something is imported into a workflow (O*NET tasks, a pasted set of steps),
 * so the import can be compared and undone from the version list. The model is captured now, before the
 * edit that follows; saving finishes in the background.
 */
export function versionBeforeImport(workflowId: string, what: string): void {
  const workflow = useWorkspace.getState().workflows.find((w) => w.id === workflowId);
  if (!workflow) return;
  void saveVersion(workflow, `Before importing ${what}`, 'import', false).catch(() => {
    notify('The automatic version before the import could not be saved.');
  });
}
