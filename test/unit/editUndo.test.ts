// Undo grouping of the clipboard and arrange edits in the document store: one user action, one undo step.
import { beforeEach, describe, expect, it } from 'vitest';
import { alignSteps, nudgeSteps } from '../../shared/model/arrange';
import { copyFragment, duplicateSteps, pasteFragment } from '../../shared/model/clipboard';
import { addStep, createStep } from '../../shared/model/operations';
import type { Workflow } from '../../shared/model/schema';
import { CoarchitectDb } from '../../renderer/storage/db';
import { useWorkspace } from '../../renderer/store/workspaceStore';

let dbCount = 0;
let workflowId = '';

function current(): Workflow {
  const wf = useWorkspace.getState().workflows.find((w) => w.id === workflowId);
  if (!wf) throw new Error('workflow missing');
  return wf;
}

const history = () => useWorkspace.temporal.getState();

beforeEach(async () => {
  useWorkspace.setState({
    workflows: [],
    roles: [],
    customSkills: [],
    openWorkflowId: null,
    status: 'loading',
  });
  await useWorkspace.getState().init(new CoarchitectDb(`edit-undo-test-${dbCount++}`));
  workflowId = useWorkspace.getState().createWorkflow('Onboarding');
  // Two tasks to copy and arrange; their creation is not part of what the tests undo.
  useWorkspace
    .getState()
    .editWorkflow(workflowId, (wf) =>
      addStep(addStep(wf, createStep('task', { x: 100, y: 0 })), createStep('task', { x: 300, y: 50 })),
    );
  history().clear();
});

describe('undo grouping of clipboard and arrange edits', () => {
  it('undoes a paste of several connected steps in one step', () => {
    const before = current();
    const taskIds = new Set(before.steps.filter((s) => s.type === 'task').map((s) => s.id));
    const copied = copyFragment(before, taskIds);
    if (!copied) throw new Error('nothing copied');

    useWorkspace
      .getState()
      .editWorkflow(
        workflowId,
        (wf) => pasteFragment(wf, copied.fragment, { offset: { x: 40, y: 40 } }).workflow,
      );
    expect(current().steps).toHaveLength(4 + 2);
    expect(history().pastStates).toHaveLength(1);

    history().undo();
    expect(current()).toBe(before);
    history().redo();
    expect(current().steps).toHaveLength(6);
  });

  it('undoes a duplicate and an alignment one at a time', () => {
    const before = current();
    const taskIds = new Set(before.steps.filter((s) => s.type === 'task').map((s) => s.id));
    useWorkspace.getState().editWorkflow(workflowId, (wf) => duplicateSteps(wf, taskIds).workflow);
    const duplicated = current();
    useWorkspace.getState().editWorkflow(workflowId, (wf) => alignSteps(wf, taskIds, 'top', new Map()));
    expect(history().pastStates).toHaveLength(2);

    history().undo();
    expect(current()).toBe(duplicated);
    history().undo();
    expect(current()).toBe(before);
  });

  it('records no undo step for an arrange edit that moves nothing', () => {
    useWorkspace.getState().editWorkflow(workflowId, (wf) => nudgeSteps(wf, new Set(['ghost']), 1, 0));
    useWorkspace.getState().editWorkflow(workflowId, (wf) => alignSteps(wf, new Set(), 'left', new Map()));
    expect(history().pastStates).toHaveLength(0);
  });
});
