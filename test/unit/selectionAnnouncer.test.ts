import { beforeEach, describe, expect, it } from 'vitest';
import { customerSupportExample } from '../../shared/examples/customerSupport';
import { useEditor } from '../../renderer/store/editorStore';
import { useWorkspace } from '../../renderer/store/workspaceStore';
import { selectionMessage } from '../../renderer/ui/SelectionAnnouncer';

describe('the selection announcement', () => {
  beforeEach(() => {
    const ws = customerSupportExample();
    useWorkspace.setState({ workflows: ws.workflows, roles: ws.roles, openWorkflowId: ws.workflows[0]!.id });
  });

  it('names the kind, the step and its role for one step, and counts a larger selection', () => {
    const wf = useWorkspace.getState().workflows[0]!;
    const review = wf.steps.find((s) => s.type === 'review')!;
    useEditor.getState().setSelection(new Set([review.id]), new Set());
    expect(selectionMessage()).toBe(`Selected Review: ${review.name}, by Senior agent / reviewer`);
    useEditor
      .getState()
      .setSelection(new Set(wf.steps.slice(0, 3).map((s) => s.id)), new Set([wf.edges[0]!.id]));
    expect(selectionMessage()).toBe('Selected 3 steps and 1 connection');
    useEditor.getState().setSelection(new Set(), new Set());
    expect(selectionMessage()).toBe('');
  });
});
