/**
 * The one list of things a user can do: the command palette offers them, the shortcut sheet lists them and
 * the global key dispatcher (shortcuts.ts) runs them. Whoever owns an action registers it while mounted:
 *
 *   useEffect(() => registerActions([{ id: 'edit.duplicate', title: 'Duplicate', group: 'Edit',
 *     keys: ['Mod+D'], enabled: () => selection.size > 0, run: duplicate }]), []);
 */
import { create } from 'zustand';
import type { MenuCommand } from '../../shared/ipc';

export const ACTION_GROUPS = ['File', 'Edit', 'Arrange', 'View', 'Step', 'Help'] as const;
export type ActionGroup = (typeof ACTION_GROUPS)[number];

export interface Action {
  /** Unique, dotted by area: "view.fit", "edit.undo". */
  id: string;
  title: string;
  group: ActionGroup;
  /** Shortcuts in keys.ts syntax; the first is the one shown. */
  keys?: readonly string[];
  /** Read when needed (on a key press, when the palette opens); absent means always enabled. */
  enabled?: () => boolean;
  run: () => void;
  /** Its keys also work while typing in a text field (Mod+K, Mod+F). */
  allowInTextFields?: boolean;
  /** Its keys also work while a modal dialog is open. */
  allowInDialogs?: boolean;
  /**
   * The native menu item (Electron) with the same accelerator: there the menu delivers those keys as a
   * command, so the dispatcher leaves them alone instead of running the action twice.
   */
  menuCommand?: MenuCommand;
  /**
   * Its keys reach it through the browser, not the dispatcher (Mod+C, X, V fire the copy, cut and paste
   * events that carry the system clipboard): they are listed, never intercepted.
   */
  nativeKeys?: boolean;
  /** Other words the palette finds it by. */
  keywords?: readonly string[];
}

interface RegistryState {
  actions: readonly Action[];
}

export const useActionRegistry = create<RegistryState>()(() => ({ actions: [] }));

/** Adds actions (after those already registered); returns the function that removes exactly these. */
export function registerActions(actions: readonly Action[]): () => void {
  useActionRegistry.setState((s) => ({ actions: [...s.actions, ...actions] }));
  const added = new Set(actions);
  return () => useActionRegistry.setState((s) => ({ actions: s.actions.filter((a) => !added.has(a)) }));
}

/** Every registered action, in registration order (re-renders when actions come and go). */
export function useActions(): readonly Action[] {
  return useActionRegistry((s) => s.actions);
}

export function isEnabled(action: Action): boolean {
  return action.enabled ? action.enabled() : true;
}

/** The action of this id; when several share it, the one registered first. */
export function findAction(id: string): Action | undefined {
  return useActionRegistry.getState().actions.find((a) => a.id === id);
}

/** Runs the action if it exists and is enabled; true when it ran. */
export function runAction(id: string): boolean {
  const action = findAction(id);
  if (!action || !isEnabled(action)) return false;
  action.run();
  return true;
}
