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
});
