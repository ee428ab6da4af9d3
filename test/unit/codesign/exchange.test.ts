import { describe, expect, it } from 'vitest';
import {
  checkSection,
  CodesignSectionSchema,
  createVersion,
  remapSection,
  type CodesignSection,
} from '../../../shared/codesign';
import { customerSupportExample } from '../../../shared/examples/customerSupport';

const ws = customerSupportExample();
const wf = ws.workflows[0]!;
const ada = { name: 'Ada', role: 'CTO' as const };
const grace = { name: 'Grace', role: 'CHRO' as const };

async function section(): Promise<CodesignSection> {
  const v1 = await createVersion(wf, ws.roles, null, {
    id: 'v1',
    name: 'First',
    reason: 'named',
    author: ada,
    createdAt: '2026-12-07T10:00:00.000Z',
  });
  const sig = (id: string, signer: typeof ada | typeof grace) => ({
    id,
    signer,
    signedAt: '2026-12-07T11:00:00.000Z',
    note: '',
    contentHash: v1.contentHash,
  });
  return CodesignSectionSchema.parse({
    versions: [v1],
    threads: [
      {
        id: 't1',
        workflowId: wf.id,
        anchor: { kind: 'workflow' },
        status: 'resolved',
        createdAt: '2026-12-07T10:00:00.000Z',
        comments: [{ id: 'c1', author: ada, createdAt: '2026-12-07T10:00:00.000Z', text: 'Go?' }],
        resolvedAt: '2026-12-07T10:05:00.000Z',
        decisionId: 'd1',
      },
    ],
    decisions: [
      {
        id: 'd1',
        workflowId: wf.id,
        title: 'Go',
        decidedBy: grace,
        date: '2026-12-07',
        status: 'accepted',
        links: { threadIds: ['t1'], versionIds: ['v1'], stepIds: [] },
        createdAt: '2026-12-07T10:05:00.000Z',
      },
    ],
    signoffs: [
      {
        id: 's1',
        workflowId: wf.id,
        versionId: 'v1',
        contentHash: v1.contentHash,
        proposedBy: ada,
        proposedAt: '2026-12-07T10:00:00.000Z',
        signatures: [sig('g1', ada), sig('g2', grace)],
      },
    ],
  });
}

describe('the codesign section on import', () => {
  it('follows workflows imported as copies, with fresh row ids and links rewritten', async () => {
    let n = 0;
    const remapped = remapSection(await section(), new Map([[wf.id, 'wf-copy']]), (p) => `${p}-${++n}`);
    const [v] = remapped.versions;
    const [t] = remapped.threads;
    const [d] = remapped.decisions;
    const [s] = remapped.signoffs;
    expect([v!.workflowId, t!.workflowId, d!.workflowId, s!.workflowId]).toEqual([
      'wf-copy',
      'wf-copy',
      'wf-copy',
      'wf-copy',
    ]);
    expect(v!.id).not.toBe('v1');
    expect(t!.decisionId).toBe(d!.id);
    expect(d!.links.threadIds).toEqual([t!.id]);
    expect(d!.links.versionIds).toEqual([v!.id]);
    expect(s!.versionId).toBe(v!.id);
    expect(s!.signatures.map((g) => g.id)).not.toContain('g1');
    // The copy still verifies: the workflow id is not content.
    expect((await checkSection(remapped)).notes).toEqual([]);
  });

  it('drops the record of workflows that were not imported', async () => {
    const remapped = remapSection(await section(), new Map([['other', 'other']]));
    expect(remapped).toEqual({ threads: [], decisions: [], versions: [], signoffs: [] });
  });

  it('flags a tampered signature and a tampered version, never counting them', async () => {
    const good = await section();
    const forgedSignature = {
      ...good,
      signoffs: good.signoffs.map((s) => ({
        ...s,
        signatures: [s.signatures[0]!, { ...s.signatures[1]!, contentHash: 'e'.repeat(64) }],
      })),
    };
    const check = await checkSection(forgedSignature);
    expect(check.invalidSignatures).toBe(1);
    expect(check.notes).toEqual([
      '1 signature in the file does not match the signed version: kept, flagged and not counted.',
    ]);
    const forgedVersion = {
      ...good,
      versions: good.versions.map((v) => ({ ...v, contentHash: 'a'.repeat(64) })),
    };
    const vCheck = await checkSection(forgedVersion);
    expect(vCheck.flaggedVersions.map((v) => v.name)).toEqual(['First']);
    // Both signatures sit on a version that does not verify: neither counts.
    expect(vCheck.invalidSignatures).toBe(2);
  });
});

describe('format version 6', () => {
  it('the edge fixture carries a record whose chain verifies and whose tampered signature is flagged', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseDocument } = await import('../../../shared/format/importer');
    const parsed = parseDocument(readFileSync('test/fixtures/format-v6/edge.json', 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const record = parsed.document.codesign!;
    expect(record.threads[0]!.comments[0]!.text).toHaveLength(10_000);
    const check = await checkSection(record);
    expect(check.flaggedVersions).toEqual([]);
    expect(check.invalidSignatures).toBe(1);
  });

  it('5 → 6 adds no record and drops a stray one a version-5 writer never produced', async () => {
    const { migrateDocument } = await import('../../../shared/format/migrations');
    const { readFileSync } = await import('node:fs');
    const v5 = JSON.parse(readFileSync('test/fixtures/format-v5/minimal.json', 'utf8')) as Record<
      string,
      unknown
    >;
    const migrated = migrateDocument({ ...v5, codesign: { threads: 'not trusted' } });
    expect(migrated.version).toBe(6);
    expect(migrated).not.toHaveProperty('codesign');
  });
});
