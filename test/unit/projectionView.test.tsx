// @vitest-environment jsdom
/**
 * The learning projection of a large workflow (over 300 steps) runs in the analysis worker by itself, once
 * editing pauses: no click, one run for a burst of edits, the last figures kept on screen while it updates.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { largeWorkspace } from '../../shared/examples/largeWorkflow';
import { projectLearning, type ProjectionResult } from '../../shared/analysis/projection';
import type { Workflow } from '../../shared/model/schema';

const runs: { workflow: Workflow; resolve: (r: ProjectionResult) => void }[] = [];
vi.mock('../../renderer/workers/analysisClient', () => ({
  projectInBackground: (workflow: Workflow) => {
    let resolve: (r: ProjectionResult) => void = () => {};
    const promise = new Promise<ProjectionResult>((r) => (resolve = r));
    runs.push({ workflow, resolve });
    return { promise, cancel: vi.fn() };
  },
}));

const { ProjectionView } = await import('../../renderer/analysis/ProjectionView');
const { useWorkspace } = await import('../../renderer/store/workspaceStore');

const { workflows, roles } = largeWorkspace(400);
const workflow = workflows[0]!;
const renamed = (name: string): Workflow => ({ ...workflow, name });

beforeEach(() => {
  vi.useFakeTimers();
  runs.length = 0;
  useWorkspace.setState({ roles });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('ProjectionView on a large workflow', () => {
  it('projects in the background once editing pauses, and keeps the last figures while it updates', async () => {
    const view = render(<ProjectionView workflow={workflow} />);
    expect(screen.queryByRole('button', { name: 'Project learning over the weeks' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Projecting…');
    act(() => void vi.advanceTimersByTime(399));
    expect(runs).toHaveLength(0);
    act(() => void vi.advanceTimersByTime(1));
    expect(runs).toHaveLength(1);
    const result = projectLearning(workflow, roles, { weeks: 26 });
    await act(async () => runs[0]!.resolve(result));
    expect(screen.queryByText('Projecting…')).toBeNull();

    // Three quick edits: one run, after the last; the earlier figures stay meanwhile.
    for (const name of ['a', 'b', 'c']) {
      view.rerender(<ProjectionView workflow={renamed(name)} />);
      act(() => void vi.advanceTimersByTime(100));
    }
    expect(screen.getByRole('status').textContent).toBe('Updating the projection…');
    expect(screen.queryByText('Projecting…')).toBeNull();
    act(() => void vi.advanceTimersByTime(400));
    expect(runs.map((r) => r.workflow.name)).toEqual([workflow.name, 'c']);
    await act(async () => runs[1]!.resolve(result));
    expect(screen.queryByText('Updating the projection…')).toBeNull();
  });
});
