/**
 * The renderer's command bus. Menu commands (Electron) and, later, keyboard shortcuts arrive here; the app
 * carries out its own (import, export, close…) and every command is also dispatched on `window` as a DOM
 * CustomEvent, so any component can react without knowing where commands come from:
 *
 *   window.addEventListener(COMMAND_EVENT, (e) => {
 *     if ((e as CustomEvent<AppCommandDetail>).detail.command === 'fit-view') fitView();
 *   });
 *
 * Event name: 'coarchitect:command'; detail: `{ command: MenuCommand }` (e.g. 'fit-view', 'present',
 * 'present-end', 'undo', 'redo').
 */
import { MenuCommandSchema, type MenuCommand } from '../../shared/ipc';

export type { MenuCommand } from '../../shared/ipc';

export const COMMAND_EVENT = 'coarchitect:command';

export interface AppCommandDetail {
  command: MenuCommand;
}

declare global {
  interface WindowEventMap {
    'coarchitect:command': CustomEvent<AppCommandDetail>;
  }
}

/** Dispatches a command to whoever listens; true when no listener called preventDefault(). */
export function dispatchCommand(command: MenuCommand, target: EventTarget = window): boolean {
  return target.dispatchEvent(
    new CustomEvent<AppCommandDetail>(COMMAND_EVENT, { detail: { command }, cancelable: true }),
  );
}

/** Subscribes to commands; returns the unsubscribe function. Unknown payloads are ignored. */
export function onCommand(
  listener: (command: MenuCommand, event: CustomEvent<AppCommandDetail>) => void,
  target: EventTarget = window,
): () => void {
  const handle = (event: Event) => {
    const detail = (event as CustomEvent<unknown>).detail as { command?: unknown } | null;
    const parsed = MenuCommandSchema.safeParse(detail?.command);
    if (parsed.success) listener(parsed.data, event as CustomEvent<AppCommandDetail>);
  };
  target.addEventListener(COMMAND_EVENT, handle);
  return () => target.removeEventListener(COMMAND_EVENT, handle);
}

/** True when the keyboard focus is in a field whose text the browser itself can undo. */
export function isTextEditing(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled;
  if (element instanceof HTMLInputElement) {
    const textual = ['text', 'search', 'url', 'tel', 'email', 'password', 'number', ''];
    return textual.includes(element.type) && !element.readOnly && !element.disabled;
  }
  return element instanceof HTMLElement && element.isContentEditable;
}

/**
 * Menu Undo / Redo. The menu's accelerators reach the page as commands instead of as Electron's undo role, so
 * a focused text field undoes its typing through the browser's own editing history, and anything else is left
 * to a listener of the command (the diagram has no undo yet: then nothing happens).
 */
export function undoOrRedo(command: 'undo' | 'redo', doc: Document = document): boolean {
  if (!isTextEditing(doc.activeElement)) return false;
  // execCommand is deprecated but remains the only way to reach a field's native undo stack.
  return doc.execCommand(command);
}
