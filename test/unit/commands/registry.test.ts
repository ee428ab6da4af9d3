// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  findAction,
  registerActions,
  runAction,
  useActionRegistry,
  type Action,
} from '../../../renderer/commands/registry';
import { actionForKey, dispatchShortcut, isModalOpen } from '../../../renderer/commands/shortcuts';

const offs: (() => void)[] = [];
function register(...actions: Action[]): void {
  offs.push(registerActions(actions));
}
afterEach(() => {
  offs.splice(0).forEach((off) => off());
  document.body.innerHTML = '';
});

const keydown = (key: string, init: KeyboardEventInit = {}) =>
  new KeyboardEvent('keydown', { key, cancelable: true, bubbles: true, ...init });
const context = { isMac: false, nativeMenu: false, textEditing: false, dialogOpen: false };

describe('action registry', () => {
  it('registers, finds, runs and unregisters exactly what was registered', () => {
    const run = vi.fn();
    const off = registerActions([{ id: 'view.a', title: 'A', group: 'View', run }]);
    const keep = registerActions([{ id: 'view.b', title: 'B', group: 'View', run: vi.fn() }]);
    expect(useActionRegistry.getState().actions.map((a) => a.id)).toEqual(['view.a', 'view.b']);
    expect(runAction('view.a')).toBe(true);
    expect(run).toHaveBeenCalledTimes(1);
    off();
    expect(findAction('view.a')).toBeUndefined();
    expect(runAction('view.a')).toBe(false);
    expect(useActionRegistry.getState().actions.map((a) => a.id)).toEqual(['view.b']);
    keep();
  });

  it('does not run a disabled action', () => {
    const run = vi.fn();
    register({ id: 'edit.x', title: 'X', group: 'Edit', enabled: () => false, run });
    expect(runAction('edit.x')).toBe(false);
    expect(run).not.toHaveBeenCalled();
  });
});

describe('key dispatcher', () => {
  it('picks the first enabled action whose keys match', () => {
    const disabled: Action = {
      id: 'a',
      title: 'A',
      group: 'Edit',
      keys: ['Mod+D'],
      enabled: () => false,
      run: vi.fn(),
    };
    const first: Action = { id: 'b', title: 'B', group: 'Edit', keys: ['Mod+D'], run: vi.fn() };
    const second: Action = { id: 'c', title: 'C', group: 'Edit', keys: ['Mod+D'], run: vi.fn() };
    const other: Action = { id: 'd', title: 'D', group: 'Edit', keys: ['Mod+E'], run: vi.fn() };
    const event = keydown('d', { ctrlKey: true });
    expect(actionForKey(event, [disabled, first, second, other], context)).toBe(first);
    expect(actionForKey(keydown('x', { ctrlKey: true }), [first, other], context)).toBeUndefined();
  });

  it('leaves text fields and dialogs their keys unless the action allows them', () => {
    const plain: Action = { id: 'p', title: 'P', group: 'Help', keys: ['Shift+?'], run: vi.fn() };
    const anywhere: Action = {
      id: 'k',
      title: 'K',
      group: 'Help',
      keys: ['Mod+K'],
      allowInTextFields: true,
      allowInDialogs: true,
      run: vi.fn(),
    };
    const question = keydown('?', { shiftKey: true });
    expect(actionForKey(question, [plain], { ...context, textEditing: true })).toBeUndefined();
    expect(actionForKey(question, [plain], { ...context, dialogOpen: true })).toBeUndefined();
    const modK = keydown('k', { ctrlKey: true });
    expect(actionForKey(modK, [anywhere], { ...context, textEditing: true, dialogOpen: true })).toBe(
      anywhere,
    );
  });

  it('leaves keys of a native menu item to the menu in Electron', () => {
    const undo: Action = {
      id: 'edit.undo',
      title: 'Undo',
      group: 'Edit',
      keys: ['Mod+Z'],
      menuCommand: 'undo',
      run: vi.fn(),
    };
    const redo: Action = {
      id: 'edit.redo',
      title: 'Redo',
      group: 'Edit',
      keys: ['Mod+Shift+Z', 'Mod+Y'],
      menuCommand: 'redo',
      run: vi.fn(),
    };
    const electron = { ...context, nativeMenu: true };
    expect(actionForKey(keydown('z', { ctrlKey: true }), [undo], electron)).toBeUndefined();
    expect(actionForKey(keydown('z', { ctrlKey: true }), [undo], context)).toBe(undo);
    // Ctrl+Y is no menu accelerator, so the page still handles it.
    expect(actionForKey(keydown('y', { ctrlKey: true }), [redo], electron)).toBe(redo);
  });

  it('runs the action and prevents the default, only when it handled the key', () => {
    const run = vi.fn();
    register({ id: 'help.k', title: 'K', group: 'Help', keys: ['Mod+K'], run });
    const handled = keydown('k', { ctrlKey: true });
    expect(dispatchShortcut(handled, { isMac: false, nativeMenu: false })).toBe(true);
    expect(run).toHaveBeenCalledTimes(1);
    expect(handled.defaultPrevented).toBe(true);

    const ignored = keydown('k');
    expect(dispatchShortcut(ignored, { isMac: false, nativeMenu: false })).toBe(false);
    expect(ignored.defaultPrevented).toBe(false);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('reads focus and open dialogs from the document', () => {
    const run = vi.fn();
    register({ id: 'help.sheet', title: 'Sheet', group: 'Help', keys: ['Shift+?'], run });
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    expect(dispatchShortcut(keydown('?', { shiftKey: true }), { isMac: false, nativeMenu: false })).toBe(
      false,
    );
    input.blur();

    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.dataset.state = 'open';
    document.body.append(dialog);
    expect(isModalOpen()).toBe(true);
    expect(dispatchShortcut(keydown('?', { shiftKey: true }), { isMac: false, nativeMenu: false })).toBe(
      false,
    );
    dialog.remove();
    expect(isModalOpen()).toBe(false);
    expect(dispatchShortcut(keydown('?', { shiftKey: true }), { isMac: false, nativeMenu: false })).toBe(
      true,
    );
    expect(run).toHaveBeenCalledTimes(1);
  });
});
