/** The record store against a real (fake-indexeddb) database and the workspace store's edit path. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentHash } from '../../../shared/codesign';
import { updateStep } from '../../../shared/model/operations';
import { CoarchitectDb } from '../../../renderer/storage/db';
import { useWorkspace } from '../../../renderer/store/workspaceStore';
import {
  closeProfileDialog,
  deleteVersionById,
  loadWorkflowRecord,
  proposeForSignOff,
  requireProfile,
  restoreVersion,
  saveVersion,
  signProposal,
  useRecord,
} from '../../../renderer/codesign/recordStore';

let dbCount = 0;
let workflowId = '';
const current = () => useWorkspace.getState().workflows.find((w) => w.id === workflowId)!;

beforeEach(async () => {
  useWorkspace.setState({
    workflows: [],
    roles: [],
    customSkills: [],
    openWorkflowId: null,
    status: 'loading',
  });
  useRecord.setState({ profile: null, profileLoaded: false, profileDialog: false });
  await useWorkspace.getState().init(new CoarchitectDb(`record-store-test-${dbCount++}`));
  workflowId = useWorkspace.getState().createWorkflow('Onboarding');
  await loadWorkflowRecord(workflowId);
});

/** Switches the local profile (as "Edit profile…" does). */
async function asProfile(name: string, role: 'CTO' | 'CHRO') {
  useRecord.setState({ profileLoaded: true, profileDialog: true });
  await closeProfileDialog({ name, role });
}

describe('record store', () => {
  it('asks for the profile once, then uses it', async () => {
    const asked = requireProfile();
    await vi.waitFor(() => expect(useRecord.getState().profileDialog).toBe(true));
    await closeProfileDialog({ name: 'Ada', role: 'CTO' });
    expect(await asked).toEqual({ name: 'Ada', role: 'CTO' });
    expect(await requireProfile()).toEqual({ name: 'Ada', role: 'CTO' });
    expect(useRecord.getState().profileDialog).toBe(false);
  });

  it('restore makes a new head through the edit path (undoable) and keeps history', async () => {
    await asProfile('Ada', 'CTO');
    const first = (await saveVersion(current(), 'First', 'named'))!;
    const startId = current().steps[0]!.id;
    useWorkspace.getState().editWorkflow(workflowId, (wf) => updateStep(wf, startId, { name: 'Begin' }));
    expect(current().steps[0]!.name).toBe('Begin');
    expect(await restoreVersion(current(), first.id)).toBe(true);
    expect(current().steps[0]!.name).not.toBe('Begin');
    const names = useRecord.getState().versions.map((v) => [v.seq, v.name]);
    expect(names).toEqual([
      [1, 'First'],
      [2, 'Before restoring “First”'],
      [3, 'Restored “First”'],
    ]);
    expect([...useRecord.getState().checks.values()].every((c) => c.ok)).toBe(true);
    // The restore was an ordinary edit: undo brings the renamed step back.
    useWorkspace.temporal.getState().undo();
    expect(current().steps[0]!.name).toBe('Begin');
    // Everything was stored: a reload of the record finds the same chain.
    await loadWorkflowRecord(workflowId);
    expect(useRecord.getState().versions).toHaveLength(3);
  });

  it('signs with CTO and CHRO; a signed version cannot be deleted', async () => {
    await asProfile('Ada', 'CTO');
    const signOff = (await proposeForSignOff(current(), []))!;
    const hash = await contentHash(current(), useWorkspace.getState().roles);
    expect(await signProposal(hash, 'ok')).toBe(true);
    await asProfile('Grace', 'CHRO');
    expect(await signProposal(hash, '')).toBe(true);
    const stored = useRecord.getState().signoffs.find((s) => s.id === signOff.id)!;
    expect(stored.signatures.map((s) => s.signer.role)).toEqual(['CTO', 'CHRO']);
    expect(await deleteVersionById(signOff.versionId)).toBe(false);
    expect(useRecord.getState().versions.map((v) => v.id)).toContain(signOff.versionId);
    // Signing content other than the proposal is refused.
    expect(await signProposal('0'.repeat(64), '')).toBe(false);
  });
});
