/** The dialog adapter of the IPC file handlers, on Electron's native dialogs. */
import path from 'node:path';
import { app, dialog, type BrowserWindow, type FileFilter as ElectronFileFilter } from 'electron';
import type { FileFilter } from '../shared/ipc';
import type { FileDialogs } from './fileHandlers';

function toElectronFilters(filters: FileFilter[]): ElectronFileFilter[] {
  return filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));
}

function documentsFolder(): string | null {
  try {
    return app.getPath('documents');
  } catch {
    return null;
  }
}

export const electronDialogs: FileDialogs<BrowserWindow | null> = {
  async chooseSavePath(owner, { suggestedName, filters }) {
    const folder = documentsFolder();
    const options: Electron.SaveDialogOptions = {
      defaultPath: folder ? path.join(folder, suggestedName) : suggestedName,
      filters: toElectronFilters(filters),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },

  async chooseOpenPath(owner, { filters }) {
    const options: Electron.OpenDialogOptions = {
      filters: toElectronFilters(filters),
      properties: ['openFile'],
    };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
};
