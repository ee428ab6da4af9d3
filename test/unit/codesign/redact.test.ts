import { describe, expect, it } from 'vitest';
import { redactSection, type CodesignSection } from '../../../shared/codesign';

const ada = { name: 'Ada Lovelace', role: 'CTO' as const };
const section: CodesignSection = {
  threads: [
    {
      id: 't1',
      workflowId: 'wf',
      anchor: { kind: 'workflow' },
      status: 'open',
      createdAt: '2026-12-07T10:00:00.000Z',
      comments: [
        {
          id: 'c1',
          author: ada,
          createdAt: '2026-12-07T10:00:00.000Z',
          text: 'Ask Ada Lovelace and Bob (@CHRO)',
        },
      ],
      resolvedAt: null,
      decisionId: null,
    },
  ],
  decisions: [
    {
      id: 'd1',
      workflowId: 'wf',
      title: 'Agreed with ada lovelace',
      context: '',
      options: [],
      decision: '',
      rationale: '',
      decidedBy: ada,
      date: '2026-12-07',
      status: 'accepted',
      links: { stepIds: [], threadIds: ['t1'], versionIds: ['v1'] },
      createdAt: '2026-12-07T10:00:00.000Z',
    },
  ],
  versions: [],
  signoffs: [],
};

describe('redacting the co-design record', () => {
  it('outside HR: authors and their names in texts become [person], roles stay', () => {
    const r = redactSection(section, 'outside-hr', ['Bob']);
    const c = r.section!.threads[0]!.comments[0]!;
    expect(c.author).toEqual({ name: '[person]', role: 'CTO' });
    expect(c.text).toBe('Ask [person] and [person] (@CHRO)');
    expect(r.section!.decisions[0]!.title).toBe('Agreed with [person]');
    expect(r.section!.decisions[0]!.links.versionIds).toEqual([]);
    expect(r.names).toBe(5);
    expect(JSON.stringify(r.section)).not.toMatch(/Ada|Bob/i);
  });

  it('public: the whole record is left out', () => {
    const r = redactSection(section, 'public');
    expect(r.section).toBeUndefined();
    expect([r.threads, r.decisions]).toEqual([1, 1]);
  });
});

describe('sharing export of a document with a co-design record', () => {
  it('outside HR keeps comments without names and lists what it removed; public leaves the record out', async () => {
    const { customerSupportExample } = await import('../../../shared/examples/customerSupport');
    const { exportWorkflow } = await import('../../../shared/format/document');
    const { redactDocument } = await import('../../../shared/format/redact');
    const ws = customerSupportExample();
    const doc = { ...exportWorkflow(ws.workflows[0]!, ws), codesign: section };
    const outside = redactDocument(doc, 'outside-hr');
    expect(outside.codesign?.threads[0]?.comments[0]?.author.name).toBe('[person]');
    expect(outside.redaction?.removed.map((e) => e.field)).toContain('Codesign.authors');
    const pub = redactDocument(doc, 'public');
    expect(pub).not.toHaveProperty('codesign');
    expect(pub.redaction?.removed.find((e) => e.field === 'Codesign.record')?.count).toBe(2);
    expect(redactDocument(doc, 'full')).toBe(doc);
  });
});
