import { describe, expect, it } from 'vitest';
import {
  clipText,
  filterThreads,
  mentionParts,
  mentions,
  openThreadsByStep,
  resolveAnchor,
  type Thread,
} from '../../../shared/codesign';
import { customerSupportExample } from '../../../shared/examples/customerSupport';

const ws = customerSupportExample();
const wf = ws.workflows[0]!;
const draft = wf.steps.find((s) => s.name === 'Draft reply')!;
const cto = { name: 'Ada Lovelace', role: 'CTO' as const };
const chro = { name: 'Grace', role: 'CHRO' as const };

const thread = (id: string, text: string, extra: Partial<Thread> = {}): Thread => ({
  id,
  workflowId: wf.id,
  anchor: { kind: 'step', stepId: draft.id, name: 'Draft reply' },
  status: 'open',
  createdAt: '2026-12-07T10:00:00.000Z',
  comments: [{ id: `${id}-c`, author: cto, createdAt: '2026-12-07T10:00:00.000Z', text }],
  resolvedAt: null,
  decisionId: null,
  ...extra,
});

describe('anchors', () => {
  it('name the step, connection or role, and a removed step by the name it had', () => {
    expect(resolveAnchor({ kind: 'step', stepId: draft.id, name: 'old' }, wf, ws.roles)).toEqual({
      label: "on step 'Draft reply'",
      gone: false,
      stepId: draft.id,
    });
    const without = { ...wf, steps: wf.steps.filter((s) => s.id !== draft.id) };
    expect(resolveAnchor({ kind: 'step', stepId: draft.id, name: 'Draft reply' }, without, ws.roles)).toEqual(
      {
        label: "on removed step 'Draft reply'",
        gone: true,
        stepId: null,
      },
    );
    const edge = wf.edges[0]!;
    expect(resolveAnchor({ kind: 'connection', edgeId: edge.id, name: 'x' }, wf, ws.roles).label).toMatch(
      /^on connection '.+ → .+'$/,
    );
    expect(resolveAnchor({ kind: 'role', roleId: 'gone', name: 'Intern' }, wf, ws.roles)).toMatchObject({
      label: "on removed role 'Intern'",
      gone: true,
    });
    expect(resolveAnchor({ kind: 'workflow' }, wf, ws.roles).label).toBe('on the workflow');
  });
});

describe('mentions', () => {
  it('finds @CTO, @CHRO, known names with spaces and @words; markup stays text', () => {
    expect(
      mentionParts('Ask @CHRO and @Ada Lovelace, not email@example.com <b>now</b>', ['Ada Lovelace']),
    ).toEqual([
      { text: 'Ask ', mention: false },
      { text: '@CHRO', mention: true },
      { text: ' and ', mention: false },
      { text: '@Ada Lovelace', mention: true },
      { text: ', not email@example.com <b>now</b>', mention: false },
    ]);
    expect(mentions('over to @cto', cto)).toBe(true);
    expect(mentions('over to @Ada Lovelace', cto)).toBe(true);
    expect(mentions('over to @CHRO', cto)).toBe(false);
  });

  it('filters open, mine and mentions', () => {
    const threads = [
      thread('a', 'Why automate this? @CHRO'),
      thread('b', 'Done', { status: 'resolved' }),
      {
        ...thread('c', 'fine'),
        comments: [{ id: 'x', author: chro, createdAt: '2026-12-07T10:00:00.000Z', text: 'fine' }],
      },
    ];
    expect(filterThreads(threads, 'open', cto).map((t) => t.id)).toEqual(['a', 'c']);
    expect(filterThreads(threads, 'mine', cto).map((t) => t.id)).toEqual(['a', 'b']);
    expect(filterThreads(threads, 'mentions', chro).map((t) => t.id)).toEqual(['a']);
    expect(filterThreads(threads, 'mentions', null)).toEqual([]);
    expect(
      openThreadsByStep(threads)
        .get(draft.id)
        ?.map((t) => t.id),
    ).toEqual(['a', 'c']);
  });

  it('clips long comments on a word boundary', () => {
    const long = 'word '.repeat(100);
    const clipped = clipText(long, 40);
    expect(clipped.length).toBeLessThanOrEqual(40);
    expect(clipped.endsWith('…')).toBe(true);
    expect(clipText('short', 40)).toBe('short');
  });
});
