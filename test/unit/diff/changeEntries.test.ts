import { describe, expect, it } from 'vitest';
import { diffWorkflows } from '../../../shared/diff';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { changeEntries } from '../../../renderer/codesign/changeEntries';

describe('changeEntries', () => {
  it('walks added, changed, removed; a mode change heads its entry and renames read as such', () => {
    const ws = customerSupportExample();
    const [asIs, toBe] = ws.workflows;
    const d = diffWorkflows({ workflow: asIs!, roles: ws.roles }, { workflow: toBe!, roles: ws.roles });
    const entries = changeEntries(d, (id) => (id === 'onet.writing' ? 'Writing' : id));
    expect(entries.map((e) => [e.group, e.stepId, e.headline])).toEqual([
      ['added', 'cs-tobe-step-edit', 'Agent edits AI draft'],
      ['changed', 'cs-tobe-step-triage', 'Triage and categorise: Human → AI-automated'],
      ['changed', 'cs-tobe-step-draft', 'Draft reply: Human → AI-automated'],
      ['changed', 'cs-tobe-step-hard', 'Complex or sensitive? → Hard case? (renamed)'],
      ['changed', 'cs-tobe-step-review', 'Senior review → Senior review of hard cases (renamed)'],
      ['changed', 'cs-tobe-step-send', 'Send reply: 1 / 1.5 / 3 min → 0.5 / 1 / 2 min'],
      ['removed', null, 'Research customer history'],
    ]);
    const draft = entries[2]!;
    expect(draft.details).toContain('skill Writing: level 4 → not required');
    expect(draft.details).not.toContain(expect.stringContaining('mode'));
    expect(draft.details).toHaveLength(14);
  });
});
