/**
 * The application menu, as a template built from plain data: the platform, what the renderer reported
 * (`menu:state`), the recent files and a set of actions. Every item either has a role Electron performs
 * (copy, zoom, full screen, window management) or a click that calls one of the actions; main.ts turns the
 * actions into IPC commands to the focused window. Rebuilt whenever its inputs change.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { COMMAND_INFO, type MenuCommand, type MenuState, type RecentFile } from '../shared/ipc';

export interface MenuActions {
  /** Sends a command to the renderer of the focused window (creating a window first if there is none). */
  command(command: MenuCommand): void;
  /** File › Close: back to the library when a workflow is open, else closes the window. */
  close(): void;
  /** View › Present: full screen and the side panels hidden, or back. */
  present(): void;
  openRecent(index: number): void;
  clearRecent(): void;
}

export interface MenuModel {
  platform: NodeJS.Platform;
  appName: string;
  /** Unpackaged runs (development, tests) also get Reload and the developer tools. */
  isPackaged: boolean;
  state: MenuState;
  recent: readonly RecentFile[];
}

/** The ids of items whose enabled state follows the renderer's state; tests and main look them up. */
export const MENU_IDS = {
  newWorkflow: 'file.new-workflow',
  open: 'file.open',
  openRecent: 'file.open-recent',
  import: 'file.import',
  exportWorkflow: 'file.export-workflow',
  exportWorkspace: 'file.export-workspace',
  saveCopy: 'file.save-copy',
  close: 'file.close',
  undo: 'edit.undo',
  redo: 'edit.redo',
  selectAll: 'edit.select-all',
  fitView: 'view.fit-view',
  present: 'view.present',
  about: 'help.about',
  shortcuts: 'help.shortcuts',
} as const;

export const INITIAL_MENU_STATE: MenuState = { workflowOpen: false, hasWorkflows: false };

export function buildMenuTemplate(model: MenuModel, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = model.platform === 'darwin';
  const { workflowOpen, hasWorkflows } = model.state;
  // "&F" marks the access key of a menu on Windows and Linux; macOS menus have none.
  const title = (label: string) => (isMac ? label.replace('&', '') : label);

  const command = (id: string, name: MenuCommand, enabled = true): MenuItemConstructorOptions => {
    const info = COMMAND_INFO[name];
    return {
      id,
      label: info.label,
      ...(info.accelerator ? { accelerator: info.accelerator } : {}),
      enabled,
      click: () => actions.command(name),
    };
  };

  const recentItems: MenuItemConstructorOptions[] =
    model.recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : model.recent.map((file, index) => ({
          // "&" would make the next letter a mnemonic on Windows and Linux.
          label: file.name.replace(/&/g, '&&'),
          sublabel: file.folder,
          toolTip: `${file.folder}${model.platform === 'win32' ? '\\' : '/'}${file.name}`,
          click: () => actions.openRecent(index),
        }));

  const file: MenuItemConstructorOptions = {
    label: title('&File'),
    submenu: [
      command(MENU_IDS.newWorkflow, 'new-workflow'),
      command(MENU_IDS.open, 'open'),
      {
        id: MENU_IDS.openRecent,
        label: 'Open Recent',
        submenu: [
          ...recentItems,
          { type: 'separator' },
          { label: 'Clear Recent', enabled: model.recent.length > 0, click: () => actions.clearRecent() },
        ],
      },
      { type: 'separator' },
      command(MENU_IDS.import, 'import'),
      command(MENU_IDS.exportWorkflow, 'export-workflow', workflowOpen),
      command(MENU_IDS.exportWorkspace, 'export-workspace', hasWorkflows),
      command(MENU_IDS.saveCopy, 'save-copy', workflowOpen),
      { type: 'separator' },
      {
        id: MENU_IDS.close,
        label: workflowOpen ? 'Close Workflow' : 'Close Window',
        accelerator: COMMAND_INFO['close-workflow'].accelerator!,
        click: () => actions.close(),
      },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'E&xit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: title('&Edit'),
    submenu: [
      // Commands, not roles: the renderer undoes in the focused text field itself, and leaves the diagram's
      // own undo to the editor once it has one.
      command(MENU_IDS.undo, 'undo'),
      command(MENU_IDS.redo, 'redo'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      // A command too: in a text field it selects the text, on the diagram every step.
      command(MENU_IDS.selectAll, 'select-all'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: title('&View'),
    submenu: [
      command(MENU_IDS.fitView, 'fit-view', workflowOpen),
      {
        id: MENU_IDS.present,
        label: COMMAND_INFO.present.label,
        accelerator: COMMAND_INFO.present.accelerator!,
        enabled: workflowOpen,
        click: () => actions.present(),
      },
      { type: 'separator' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(model.isPackaged
        ? []
        : [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: title('&Window'),
    role: 'windowMenu',
  };

  const about = command(MENU_IDS.about, 'about');
  const help: MenuItemConstructorOptions = {
    label: title('&Help'),
    role: 'help',
    submenu: [
      command(MENU_IDS.shortcuts, 'shortcuts'),
      ...(isMac ? [] : [{ type: 'separator' } as const, about]),
    ],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: model.appName,
    submenu: [
      { ...about, label: `About ${model.appName}` },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  return [...(isMac ? [appMenu] : []), file, edit, view, windowMenu, help];
}
