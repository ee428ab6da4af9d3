import { describe, expect, it } from 'vitest';
import {
  checkSignatures,
  contentHash,
  createVersion,
  latestSignOff,
  signOffState,
  verifyChain,
  type SignOff,
  type Thread,
  type Version,
} from '../../../shared/codesign';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import type { Workflow } from '../../../shared/model/schema';

const ws = customerSupportExample();
const wf = ws.workflows[1]!;
const cto = { name: 'Ada', role: 'CTO' as const };
const chro = { name: 'Grace', role: 'CHRO' as const };

async function proposal(workflow: Workflow): Promise<{ version: Version; signOff: SignOff }> {
  const version = await createVersion(workflow, ws.roles, null, {
    id: 'v1',
    name: 'Proposed for sign-off',
    reason: 'sign-off',
    author: cto,
    createdAt: '2026-12-07T10:00:00.000Z',
  });
  const signature = (id: string, signer: typeof cto | typeof chro) => ({
    id,
    signer,
    signedAt: '2026-12-07T11:00:00.000Z',
    note: '',
    contentHash: version.contentHash,
  });
  return {
    version,
    signOff: {
      id: 's1',
      workflowId: workflow.id,
      versionId: version.id,
      contentHash: version.contentHash,
      proposedBy: cto,
      proposedAt: '2026-12-07T10:00:00.000Z',
      acknowledged: [],
      signatures: [signature('sig-cto', cto), signature('sig-chro', chro)],
    },
  };
}

async function stateAfter(edit: (w: Workflow) => Workflow, threads: Thread[] = []) {
  const { version, signOff } = await proposal(wf);
  const checks = await verifyChain([version]);
  void threads; // Threads live beside the workflow: nothing of them reaches the hash.
  return signOffState(signOff, checks.get(version.id), await contentHash(edit(wf), ws.roles)).kind;
}

const mapStep = (
  w: Workflow,
  name: string,
  f: (s: Workflow['steps'][number]) => Workflow['steps'][number],
) => ({
  ...w,
  steps: w.steps.map((s) => (s.name === name ? f(s) : s)),
});

describe('sign-off invalidation matrix', () => {
  it('signed when nothing changed', async () => {
    expect(await stateAfter((w) => w)).toBe('signed');
  });
  it('a move (positions) keeps it signed', async () => {
    expect(
      await stateAfter((w) =>
        mapStep(w, 'Send reply', (s) => ({ ...s, position: { x: s.position.x + 300, y: 40 } })),
      ),
    ).toBe('signed');
  });
  it('a rename invalidates it', async () => {
    expect(await stateAfter((w) => mapStep(w, 'Send reply', (s) => ({ ...s, name: 'Send answer' })))).toBe(
      'changed',
    );
  });
  it('a time change invalidates it', async () => {
    expect(
      await stateAfter((w) =>
        mapStep(w, 'Send reply', (s) =>
          s.type === 'task'
            ? { ...s, duration: { ...s.duration, likely: s.duration.likely + 1, max: 99 } }
            : s,
        ),
      ),
    ).toBe('changed');
  });
  it('a comment keeps it signed (threads are beside the workflow)', async () => {
    const thread: Thread = {
      id: 't1',
      workflowId: wf.id,
      anchor: { kind: 'workflow' },
      status: 'open',
      createdAt: '2026-12-07T12:00:00.000Z',
      comments: [{ id: 'c1', author: chro, createdAt: '2026-12-07T12:00:00.000Z', text: 'Looks good @CTO' }],
      resolvedAt: null,
      decisionId: null,
    };
    expect(await stateAfter((w) => w, [thread])).toBe('signed');
  });
  it('a lint setting or a story edit keeps it signed', async () => {
    expect(
      await stateAfter((w) => ({ ...w, lintSettings: { 'ai-tool-named': 'off' } }) as unknown as Workflow),
    ).toBe('signed');
    expect(await stateAfter((w) => ({ ...w, updatedAt: '2031-01-01T00:00:00.000Z' }))).toBe('signed');
  });
});

describe('sign-off state', () => {
  it('waits for the missing role and counts only valid signatures', async () => {
    const { version, signOff } = await proposal(wf);
    const checks = await verifyChain([version]);
    const hash = version.contentHash;
    const onlyCto = { ...signOff, signatures: signOff.signatures.slice(0, 1) };
    expect(signOffState(onlyCto, checks.get('v1'), hash)).toEqual({
      kind: 'proposed',
      missing: ['CHRO'],
      changed: false,
    });
    // A signature of other content never counts.
    const forged = {
      ...signOff,
      signatures: [signOff.signatures[0]!, { ...signOff.signatures[1]!, contentHash: 'f'.repeat(64) }],
    };
    expect(signOffState(forged, checks.get('v1'), hash).kind).toBe('proposed');
    expect(checkSignatures(forged, checks.get('v1'))[1]).toMatchObject({ valid: false });
    // A tampered version makes every signature on it invalid.
    const tampered = await verifyChain([{ ...version, contentHash: 'a'.repeat(64) }]);
    expect(signOffState(signOff, tampered.get('v1'), hash).kind).toBe('proposed');
    expect(signOffState(null, undefined, hash)).toEqual({ kind: 'none' });
  });

  it('the newest proposal counts', async () => {
    const { signOff } = await proposal(wf);
    const later = { ...signOff, id: 's2', proposedAt: '2026-12-08T10:00:00.000Z' };
    expect(latestSignOff([later, signOff])?.id).toBe('s2');
    expect(latestSignOff([])).toBeNull();
  });
});
