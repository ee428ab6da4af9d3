import { describe, expect, it } from 'vitest';
import { largeWorkspace } from '../../shared/examples/largeWorkflow';
import { validateWorkflow } from '../../shared/model/validate';
import { skillIndex } from '../../shared/ontology/index';
import { WorkflowSchema } from '../../shared/model/schema';

describe('generated large workflows', () => {
  it.each([50, 500, 2000])('builds a valid %i-step workflow', (n) => {
    const ws = largeWorkspace(n);
    const wf = ws.workflows[0]!;
    expect(wf.steps).toHaveLength(n);
    expect(WorkflowSchema.parse(wf)).toEqual(wf);
    expect(validateWorkflow(wf, { roles: ws.roles, skills: skillIndex([]) })).toEqual([]);
  });

  it('is denser with a decision block every 4 steps: about 1.2 edges per step, still valid', () => {
    const ws = largeWorkspace(5000, 8, { decisionEvery: 4 });
    const wf = ws.workflows[0]!;
    const rework = wf.steps.filter((s) => s.type === 'review' && s.reworkTargetId).length;
    expect(wf.steps).toHaveLength(5000);
    expect((wf.edges.length + rework) / 5000).toBeGreaterThanOrEqual(1.18);
    expect(validateWorkflow(wf, { roles: ws.roles, skills: skillIndex([]) })).toEqual([]);
  });

  it('places the end step right after the last one, not rows away', () => {
    const wf = largeWorkspace(2000, 8, { decisionEvery: 4 }).workflows[0]!;
    const end = wf.steps.find((s) => s.type === 'end')!;
    const lowest = Math.max(...wf.steps.filter((s) => s !== end).map((s) => s.position.y));
    expect(end.position.y - lowest).toBeLessThanOrEqual(200);
  });
});
