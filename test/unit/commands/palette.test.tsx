// @vitest-environment jsdom
// The command palette as a keyboard user meets it: Ctrl+K opens it, the search box lists actions and steps,
// Enter on a step selects it and shows it in the Inspector.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { largeWorkspace } from '../../../shared/examples/largeWorkflow';
import type { Workflow } from '../../../shared/model/schema';
import { useAppActions } from '../../../renderer/commands/appActions';
import {
  CommandPalette,
  MAX_STEP_RESULTS,
  openCommandPalette,
} from '../../../renderer/commands/CommandPalette';
import { useActionShortcuts } from '../../../renderer/commands/shortcuts';
import { useEditor } from '../../../renderer/store/editorStore';
import { useWorkspace } from '../../../renderer/store/workspaceStore';

function Harness({ workflow }: { workflow: Workflow }) {
  useActionShortcuts();
  useAppActions({
    newWorkflow: vi.fn(),
    shortcuts: vi.fn(),
    palette: openCommandPalette,
    privacy: vi.fn(),
    share: vi.fn(),
    restoreBackup: vi.fn(),
  });
  return <CommandPalette workflow={workflow} />;
}

function openWorkspace(workflows: Workflow[], roles = customerSupportExample().roles) {
  useWorkspace.setState({ workflows, roles, customSkills: [], openWorkflowId: workflows[0]!.id });
  useWorkspace.temporal.getState().clear();
}

beforeAll(() => {
  // jsdom lays nothing out; cmdk measures its list and scrolls the chosen option into view.
  Element.prototype.scrollIntoView = vi.fn();
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
beforeEach(() => {
  useEditor.setState({ panel: 'analysis', presenting: false, focusStepId: null });
  useEditor.getState().clearSelection();
});
afterEach(cleanup);

const pressCtrlK = () =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key: 'k', ctrlKey: true });

describe('command palette', () => {
  it('opens with Ctrl+K and lists enabled actions with their shortcut and the steps', () => {
    const asIs = customerSupportExample().workflows[0]!;
    openWorkspace([asIs]);
    render(<Harness workflow={asIs} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => pressCtrlK());

    const dialog = screen.getByRole('dialog', { name: 'Command palette' });
    const input = within(dialog).getByRole('combobox', { name: 'Search actions and steps' });
    expect(document.activeElement).toBe(input);
    expect(within(dialog).getByRole('option', { name: 'Analysis panel (Alt+2)' })).toBeTruthy();
    expect(within(dialog).getByRole('option', { name: 'Fit view (Ctrl+Shift+H)' })).toBeTruthy();
    // Nothing to undo yet, so Undo is not offered.
    expect(within(dialog).queryByRole('option', { name: /^Undo/ })).toBeNull();
    const steps = within(dialog).getByRole('group', { name: 'Steps' });
    expect(within(steps).getAllByRole('option')).toHaveLength(asIs.steps.length);
    expect(
      within(steps).getByRole('option', { name: 'Draft reply (Human task · Support agent)' }),
    ).toBeTruthy();
  });

  it('narrows to what is typed; Enter on a step selects it, opens the Inspector and brings it into view', () => {
    const asIs = customerSupportExample().workflows[0]!;
    openWorkspace([asIs]);
    render(<Harness workflow={asIs} />);
    act(() => pressCtrlK());
    const input = screen.getByRole('combobox', { name: 'Search actions and steps' });
    fireEvent.change(input, { target: { value: 'senior rev' } });
    expect(screen.getAllByRole('option')).toEqual([
      screen.getByRole('option', { name: 'Senior review (Review · Senior agent / reviewer)' }),
    ]);
    fireEvent.keyDown(input, { key: 'Enter' });

    expect(screen.queryByRole('dialog')).toBeNull();
    const editor = useEditor.getState();
    expect([...editor.selectedStepIds]).toEqual(['cs-asis-step-review']);
    expect(editor.panel).toBe('inspector');
    expect(editor.focusStepId).toBe('cs-asis-step-review');
  });

  it('runs an action chosen by keyboard', () => {
    const asIs = customerSupportExample().workflows[0]!;
    openWorkspace([asIs]);
    useEditor.setState({ panel: 'inspector' });
    render(<Harness workflow={asIs} />);
    act(() => pressCtrlK());
    const input = screen.getByRole('combobox', { name: 'Search actions and steps' });
    fireEvent.change(input, { target: { value: 'problems panel' } });
    expect(screen.getAllByRole('option', { name: 'Problems panel (Alt+5)' })[0]).toBe(
      screen.getAllByRole('option')[0],
    );
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(useEditor.getState().panel).toBe('problems');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('renders at most the best 50 steps of a workflow of 5,000', () => {
    const large = largeWorkspace(5000);
    const workflow = large.workflows[0]!;
    openWorkspace([workflow], large.roles);
    render(<Harness workflow={workflow} />);
    act(() => pressCtrlK());
    const input = screen.getByRole('combobox', { name: 'Search actions and steps' });
    fireEvent.change(input, { target: { value: 'task' } });
    const steps = screen.getByRole('group', { name: 'Steps' });
    expect(within(steps).getAllByRole('option')).toHaveLength(MAX_STEP_RESULTS);
    expect(screen.getByRole('status').textContent).toMatch(/^Showing the best 50 of \d{4} matching steps/);
    // Timings belong to bench/palette.mjs (real Chromium); jsdom on a busy machine only needs time.
  }, 20_000);
});
