/**
 * The application menu. For now only File › Import…/Export… (disabled until the renderer's commands are
 * wired to the menu) next to Electron's role-based Edit, View and Window menus.
 */
import type { MenuItemConstructorOptions } from 'electron';

export const MENU_IDS = { import: 'file.import', export: 'file.export' } as const;

export function buildMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      // No accelerators yet: the renderer owns its shortcuts until the menu mirrors its commands.
      { id: MENU_IDS.import, label: 'Import…', enabled: false },
      { id: MENU_IDS.export, label: 'Export…', enabled: false },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
}
