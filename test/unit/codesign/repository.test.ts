import { describe, expect, it } from 'vitest';
import { createVersion, type SignOff, type Thread } from '../../../shared/codesign';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import * as repo from '../../../renderer/storage/codesignRepository';
import { freshDb } from '../freshDb';

const ws = customerSupportExample();
const wf = ws.workflows[0]!;
const ada = { name: 'Ada', role: 'CTO' as const };

describe('co-design repository', () => {
  it('keeps the profile and the record of each workflow apart, and leaves out rows that do not parse', async () => {
    const db = freshDb();
    expect(await repo.loadProfile(db)).toBeNull();
    await repo.saveProfile(db, ada);
    expect(await repo.loadProfile(db)).toEqual(ada);

    const version = await createVersion(wf, ws.roles, null, {
      id: 'v1',
      name: 'First',
      reason: 'named',
      author: ada,
      createdAt: '2026-12-07T10:00:00.000Z',
    });
    const thread: Thread = {
      id: 't1',
      workflowId: wf.id,
      anchor: { kind: 'workflow' },
      status: 'open',
      createdAt: '2026-12-07T10:00:00.000Z',
      comments: [{ id: 'c1', author: ada, createdAt: '2026-12-07T10:00:00.000Z', text: 'Hello' }],
      resolvedAt: null,
      decisionId: null,
    };
    const signOff: SignOff = {
      id: 's1',
      workflowId: wf.id,
      versionId: 'v1',
      contentHash: version.contentHash,
      proposedBy: ada,
      proposedAt: '2026-12-07T10:00:00.000Z',
      acknowledged: ['a|b|c'],
      signatures: [
        {
          id: 'g1',
          signer: ada,
          signedAt: '2026-12-07T10:00:00.000Z',
          note: '',
          contentHash: version.contentHash,
        },
      ],
    };
    await repo.saveVersion(db, version);
    await repo.saveThread(db, thread);
    await repo.saveSignOff(db, signOff);
    await repo.saveThread(db, { ...thread, id: 't2', workflowId: 'other' });
    await db.threads.put({ ...thread, id: 't3', comments: [] });
    const record = await repo.loadRecord(db, [wf.id]);
    expect(record.versions.map((v) => v.id)).toEqual(['v1']);
    expect(record.threads.map((t) => t.id)).toEqual(['t1']);
    expect(record.signoffs).toEqual([signOff]);
    expect(record.unreadable).toBe(1);
  });
});
