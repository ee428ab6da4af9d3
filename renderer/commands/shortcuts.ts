/**
 * The one global keydown listener: a key press runs the first enabled registered action whose shortcut it
 * is. Text fields keep their keys (typing "?" in a name must not open the shortcut sheet), and so do open
 * dialogs, unless an action says otherwise.
 */
import { useEffect } from 'react';
import { COMMAND_INFO, type MenuCommand } from '../../shared/ipc';
import { isTextEditing } from '../desktop/commands';
import { getPlatform } from '../platform/index';
import { isMacPlatform, keysFromAccelerator, matchesKey, type KeyEventLike } from './keys';
import { isEnabled, useActionRegistry, type Action } from './registry';

export interface ShortcutContext {
  isMac: boolean;
  /** An Electron menu handles its own accelerators (see Action.menuCommand). */
  nativeMenu: boolean;
  /** Focus is in a field where keys type text. */
  textEditing: boolean;
  dialogOpen: boolean;
}

function isMenuAccelerator(command: MenuCommand | undefined, key: string): boolean {
  const accelerator = command ? COMMAND_INFO[command].accelerator : undefined;
  return accelerator !== undefined && keysFromAccelerator(accelerator) === key;
}

/** The action a key press runs in this context, if any. */
export function actionForKey(
  event: KeyEventLike,
  actions: readonly Action[],
  context: ShortcutContext,
): Action | undefined {
  return actions.find((action) => {
    if (context.textEditing && !action.allowInTextFields) return false;
    if (context.dialogOpen && !action.allowInDialogs) return false;
    if (action.nativeKeys) return false;
    const keys = (action.keys ?? []).filter(
      (key) => !(context.nativeMenu && isMenuAccelerator(action.menuCommand, key)),
    );
    return keys.some((key) => matchesKey(event, key, context.isMac)) && isEnabled(action);
  });
}

/** A modal dialog (Radix or native) is open: its keys are its own. */
export function isModalOpen(doc: Document = document): boolean {
  return (
    doc.querySelector(
      '[role="dialog"][data-state="open"], [role="alertdialog"][data-state="open"], dialog[open], [aria-modal="true"]',
    ) !== null
  );
}

/** Handles one keydown; true when an action ran (and the browser's default was prevented). */
export function dispatchShortcut(
  event: KeyboardEvent,
  context: Pick<ShortcutContext, 'isMac' | 'nativeMenu'>,
  doc: Document = document,
): boolean {
  if (event.defaultPrevented || event.isComposing) return false;
  const action = actionForKey(event, useActionRegistry.getState().actions, {
    ...context,
    textEditing: isTextEditing(doc.activeElement),
    dialogOpen: isModalOpen(doc),
  });
  if (!action) return false;
  event.preventDefault();
  action.run();
  return true;
}

/** Mounted once, by App. */
export function useActionShortcuts(target: Window = window): void {
  useEffect(() => {
    const context = { isMac: isMacPlatform(), nativeMenu: getPlatform().hasNativeMenu };
    const onKey = (event: KeyboardEvent) => void dispatchShortcut(event, context, target.document);
    target.addEventListener('keydown', onKey);
    return () => target.removeEventListener('keydown', onKey);
  }, [target]);
}
