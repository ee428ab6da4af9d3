// @vitest-environment jsdom
// The renderer's desktop integration: the command bus, menu commands, files opened by the OS or dropped on the
// window, the menu state, and the library's recent files (shown in Electron, absent in the browser).
import { File as NodeFile } from 'node:buffer';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportWorkspace, serializeDocument } from '../../../shared/format/document';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { MAX_OPEN_BYTES } from '../../../shared/ipc';
import {
  COMMAND_EVENT,
  dispatchCommand,
  isTextEditing,
  onCommand,
  undoOrRedo,
} from '../../../renderer/desktop/commands';
import { importDroppedFiles, importOpenedFile, useImportFailure } from '../../../renderer/desktop/fileImport';
import {
  installFileDrop,
  menuStateOf,
  runCommand,
  syncMenuState,
} from '../../../renderer/desktop/integration';
import { RecentFiles } from '../../../renderer/desktop/RecentFiles';
import { formatAccelerator } from '../../../renderer/commands/keys';
import { createBrowserPlatform } from '../../../renderer/platform/browserPlatform';
import { setPlatformForTesting, type Platform } from '../../../renderer/platform/index';
import { CoarchitectDb } from '../../../renderer/storage/db';
import { useNotices } from '../../../renderer/store/notifications';
import { useWorkspace } from '../../../renderer/store/workspaceStore';

const exampleText = serializeDocument(exportWorkspace(customerSupportExample()));

function file(text: string | Uint8Array, name: string): File {
  return new NodeFile([text], name) as unknown as File;
}

function fakePlatform(overrides: Partial<Platform> = {}): Platform {
  return {
    ...createBrowserPlatform(),
    kind: 'electron',
    hasNativeMenu: true,
    hasRecentFiles: true,
    listRecentFiles: vi.fn(async () => [
      { name: 'support.coarchitect.json', folder: '/home/ana' },
      { name: 'other.json', folder: '/tmp' },
    ]),
    openRecentFile: vi.fn(async () => ({ fileName: 'support.coarchitect.json', content: exampleText })),
    clearRecentFiles: vi.fn(async () => {}),
    onRecentFilesChanged: vi.fn(() => () => {}),
    setMenuState: vi.fn(),
    ...overrides,
  };
}

let dbCount = 0;
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
beforeEach(async () => {
  useWorkspace.setState({
    workflows: [],
    roles: [],
    customSkills: [],
    openWorkflowId: null,
    status: 'loading',
  });
  await useWorkspace.getState().init(new CoarchitectDb(`desktop-test-${dbCount++}`));
  useImportFailure.setState({ failure: null });
  useNotices.setState({ notices: [] });
});
afterEach(() => {
  cleanup();
  setPlatformForTesting(null);
});

describe('command bus', () => {
  it('dispatches commands as the coarchitect:command DOM event with { command }', () => {
    const seen: unknown[] = [];
    const listener = (event: Event) => seen.push((event as CustomEvent).detail);
    window.addEventListener('coarchitect:command', listener);
    expect(COMMAND_EVENT).toBe('coarchitect:command');
    dispatchCommand('fit-view');
    window.removeEventListener('coarchitect:command', listener);
    expect(seen).toEqual([{ command: 'fit-view' }]);
  });

  it('subscribes and unsubscribes, ignoring events that carry no known command', () => {
    const commands: string[] = [];
    const off = onCommand((command) => commands.push(command));
    dispatchCommand('present');
    window.dispatchEvent(new CustomEvent(COMMAND_EVENT, { detail: { command: 'format-disk' } }));
    window.dispatchEvent(new CustomEvent(COMMAND_EVENT));
    off();
    dispatchCommand('present-end');
    expect(commands).toEqual(['present']);
  });

  it('undoes in a focused text field and leaves everything else to listeners', () => {
    const input = document.createElement('input');
    document.body.append(input);
    const execCommand = vi.fn(() => true);
    Object.assign(document, { execCommand });
    input.focus();
    expect(isTextEditing(document.activeElement)).toBe(true);
    expect(undoOrRedo('undo')).toBe(true);
    expect(execCommand).toHaveBeenCalledWith('undo');
    input.blur();
    expect(undoOrRedo('redo')).toBe(false);
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    expect(isTextEditing(checkbox)).toBe(false);
    input.remove();
  });
});

describe('menu commands', () => {
  const ui = () => ({ newWorkflow: vi.fn(), about: vi.fn(), shortcuts: vi.fn() });

  it('opens the app dialogs and passes every command on as a DOM event', () => {
    const actions = ui();
    const seen: string[] = [];
    const off = onCommand((command) => seen.push(command));
    runCommand('new-workflow', actions);
    runCommand('about', actions);
    runCommand('shortcuts', actions);
    runCommand('fit-view', actions);
    runCommand('present', actions);
    runCommand('undo', actions);
    off();
    expect(actions.newWorkflow).toHaveBeenCalled();
    expect(actions.about).toHaveBeenCalled();
    expect(actions.shortcuts).toHaveBeenCalled();
    expect(seen).toEqual(['new-workflow', 'about', 'shortcuts', 'fit-view', 'present', 'undo']);
  });

  it('Select all selects the text of a focused field, and otherwise goes to the editor as a command', () => {
    const seen: string[] = [];
    const off = onCommand((command) => seen.push(command));
    const field = document.createElement('input');
    field.value = 'Draft reply';
    document.body.append(field);
    field.focus();
    const execCommand = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    runCommand('select-all', ui());
    expect(execCommand).toHaveBeenCalledWith('selectAll');
    expect(seen).toEqual([]);
    field.remove();
    runCommand('select-all', ui());
    expect(seen).toEqual(['select-all']);
    off();
  });

  it('closes the open workflow, and ignores exports with nothing to export', () => {
    const id = useWorkspace.getState().createWorkflow('Onboarding');
    useWorkspace.getState().openWorkflow(id);
    const saveTextFile = vi.fn(async () => ({ saved: true, fileName: 'x.json' }));
    setPlatformForTesting(fakePlatform({ saveTextFile }));
    runCommand('close-workflow', ui());
    expect(useWorkspace.getState().openWorkflowId).toBeNull();
    runCommand('export-workflow', ui());
    runCommand('save-copy', ui());
    expect(saveTextFile).not.toHaveBeenCalled();
  });

  it('exports the open workflow for Export JSON and Save a copy as', async () => {
    const id = useWorkspace.getState().createWorkflow('Onboarding');
    useWorkspace.getState().openWorkflow(id);
    const saveTextFile = vi.fn(async () => ({ saved: true, fileName: 'onboarding.coarchitect.json' }));
    setPlatformForTesting(fakePlatform({ saveTextFile }));
    runCommand('save-copy', ui());
    await waitFor(() => expect(saveTextFile).toHaveBeenCalledTimes(1));
    expect(saveTextFile.mock.calls[0]).toEqual([
      expect.objectContaining({ suggestedName: 'onboarding.coarchitect.json' }),
    ]);
    await waitFor(() =>
      expect(useNotices.getState().notices.map((n) => n.text)).toContain(
        'Exported Onboarding to onboarding.coarchitect.json.',
      ),
    );
  });

  it('reports the menu state: a workflow open, any workflows at all', () => {
    const platform = fakePlatform();
    const stop = syncMenuState(platform);
    expect(platform.setMenuState).toHaveBeenLastCalledWith({ workflowOpen: false, hasWorkflows: false });
    const id = useWorkspace.getState().createWorkflow('A');
    expect(platform.setMenuState).toHaveBeenLastCalledWith({ workflowOpen: false, hasWorkflows: true });
    useWorkspace.getState().openWorkflow(id);
    expect(platform.setMenuState).toHaveBeenLastCalledWith({ workflowOpen: true, hasWorkflows: true });
    const calls = vi.mocked(platform.setMenuState).mock.calls.length;
    useWorkspace.getState().renameWorkflow(id, 'B');
    expect(platform.setMenuState).toHaveBeenCalledTimes(calls);
    stop();
    expect(menuStateOf({ openWorkflowId: 'gone', workflows: [] })).toEqual({
      workflowOpen: false,
      hasWorkflows: false,
    });
  });
});

describe('files opened by the OS or dropped', () => {
  it('imports an opened file and opens it when it holds one workflow', async () => {
    const single = serializeDocument(
      exportWorkspace({
        ...customerSupportExample(),
        workflows: customerSupportExample().workflows.slice(0, 1),
      }),
    );
    await expect(
      importOpenedFile({ ok: true, fileName: 'one.coarchitect.json', content: single }),
    ).resolves.toBe(true);
    const { workflows, openWorkflowId } = useWorkspace.getState();
    expect(workflows).toHaveLength(1);
    expect(openWorkflowId).toBe(workflows[0]!.id);
  });

  it('stays in the library for a file with several workflows, with a notice naming the file', async () => {
    await importOpenedFile({ ok: true, fileName: 'customer-support.coarchitect.json', content: exampleText });
    expect(useWorkspace.getState().workflows).toHaveLength(2);
    expect(useWorkspace.getState().openWorkflowId).toBeNull();
    expect(useNotices.getState().notices[0]!.text).toMatch(
      /^customer-support\.coarchitect\.json: Imported 2/,
    );
  });

  it('shows the import report for a broken file, and for one main could not read', async () => {
    await importOpenedFile({ ok: true, fileName: 'broken.json', content: '{ nope' });
    expect(useImportFailure.getState().failure).toMatchObject({ fileName: 'broken.json' });
    await importOpenedFile({ ok: false, fileName: 'gone.json', message: 'Could not open "gone.json".' });
    expect(useImportFailure.getState().failure).toEqual({
      fileName: 'gone.json',
      issues: [{ path: '$', message: 'Could not open "gone.json".' }],
    });
    expect(useWorkspace.getState().workflows).toEqual([]);
  });

  it('imports dropped files with the same limits as main', async () => {
    const huge = file('{}', 'huge.json');
    Object.defineProperty(huge, 'size', { value: MAX_OPEN_BYTES + 1 });
    await importDroppedFiles([huge]);
    expect(useImportFailure.getState().failure?.issues[0]!.message).toMatch(
      /Coarchitect opens files of at most/,
    );
    await importDroppedFiles([file(new Uint8Array([0xff, 0xfe]), 'photo.png')]);
    expect(useImportFailure.getState().failure?.issues[0]!.message).toBe(
      '"photo.png" is not a UTF-8 text file.',
    );
    await importDroppedFiles([file(exampleText, 'support.coarchitect.json')]);
    expect(useWorkspace.getState().workflows).toHaveLength(2);
  });

  it('takes file drops on the window, but leaves drops the page handled and drags without files', async () => {
    const dragging: boolean[] = [];
    const stop = installFileDrop(window, (d) => dragging.push(d));
    const dragEvent = (type: string, types: string[], files: File[] = []) => {
      const event = new Event(type, { bubbles: true, cancelable: true }) as DragEvent;
      Object.defineProperty(event, 'dataTransfer', { value: { types, files, dropEffect: 'none' } });
      return event;
    };

    window.dispatchEvent(dragEvent('dragenter', ['Files']));
    const over = dragEvent('dragover', ['Files']);
    window.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    const palette = dragEvent('dragover', ['application/x-coarchitect-step']);
    window.dispatchEvent(palette);
    expect(palette.defaultPrevented).toBe(false);

    const handled = dragEvent('drop', ['Files'], [file(exampleText, 'a.json')]);
    handled.preventDefault();
    window.dispatchEvent(handled);
    const drop = dragEvent('drop', ['Files'], [file(exampleText, 'support.coarchitect.json')]);
    window.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    await waitFor(() => expect(useWorkspace.getState().workflows).toHaveLength(2));
    expect(dragging).toEqual([true, false, false]);
    stop();
  });
});

describe('recent files in the library', () => {
  it('are not shown in the browser', () => {
    setPlatformForTesting(createBrowserPlatform());
    const { container } = render(<RecentFiles />);
    expect(container.innerHTML).toBe('');
  });

  it('are listed in the desktop app and opened by index', async () => {
    const platform = fakePlatform();
    setPlatformForTesting(platform);
    render(<RecentFiles />);
    const button = await screen.findByRole('button', { name: 'Open recent file support.coarchitect.json' });
    expect(screen.getByRole('list', { name: 'Recent files' }).textContent).toContain('/home/ana');
    await act(async () => button.click());
    expect(platform.openRecentFile).toHaveBeenCalledWith(0);
    await waitFor(() => expect(useWorkspace.getState().workflows).toHaveLength(2));
    await act(async () => screen.getByRole('button', { name: 'Clear' }).click());
    expect(platform.clearRecentFiles).toHaveBeenCalled();
  });

  it('report a recent file that cannot be opened', async () => {
    setPlatformForTesting(
      fakePlatform({
        openRecentFile: vi.fn(async () => {
          throw new Error('Could not open "other.json": the file does not exist.');
        }),
      }),
    );
    render(<RecentFiles />);
    const button = await screen.findByRole('button', { name: 'Open recent file other.json' });
    await act(async () => button.click());
    await waitFor(() =>
      expect(useImportFailure.getState().failure).toEqual({
        fileName: 'other.json',
        issues: [{ path: '$', message: 'Could not open "other.json": the file does not exist.' }],
      }),
    );
  });
});

describe('keyboard shortcuts', () => {
  it('shows accelerators as the keys are labelled on each platform', () => {
    expect(formatAccelerator('CmdOrCtrl+Shift+E', false)).toBe('Ctrl+Shift+E');
    expect(formatAccelerator('CmdOrCtrl+Shift+E', true)).toBe('⌘⇧E');
    expect(formatAccelerator('F5', true)).toBe('F5');
    expect(formatAccelerator('CmdOrCtrl+Plus, CmdOrCtrl+-', false)).toBe('Ctrl+Plus, Ctrl+-');
  });
});
