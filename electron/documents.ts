/**
 * Opening files main was handed by the OS or the user (command line, double click, second launch, Open
 * Recent) for the renderer: read with the same bounds as `file:open`, then remembered in the recent files.
 * A recent file that has gone missing is dropped from the list.
 */
import path from 'node:path';
import type { FileOpenedEvent } from '../shared/ipc';
import { readTextFile, type TextFiles } from './fileHandlers';
import type { RecentFiles } from './recentFiles';

export interface DocumentOpener {
  open(filePath: string): Promise<FileOpenedEvent>;
  openRecent(index: number): Promise<FileOpenedEvent>;
  /** Records a file opened elsewhere (the Open dialog). */
  remember(filePath: string): Promise<void>;
}

export function createDocumentOpener(deps: {
  files: TextFiles;
  recent: RecentFiles;
  /** Called after every change of the recent-files list (rebuild the menu, tell the renderer). */
  onRecentChanged(): void;
  /** The OS's own recent documents (macOS Dock menu, Windows jump list); optional. */
  addRecentDocument?(filePath: string): void;
  onError?(error: unknown): void;
}): DocumentOpener {
  const { files, recent } = deps;

  async function changeRecent(change: () => Promise<void>): Promise<void> {
    try {
      await change();
    } catch (error) {
      // The list is a convenience: failing to store it must not fail the opening of the file.
      deps.onError?.(error);
    }
    deps.onRecentChanged();
  }

  async function remember(filePath: string): Promise<void> {
    await changeRecent(() => recent.add(filePath));
    deps.addRecentDocument?.(filePath);
  }

  async function open(filePath: string): Promise<FileOpenedEvent> {
    try {
      const file = await readTextFile(files, filePath);
      await remember(filePath);
      return { ok: true, ...file };
    } catch (error) {
      const code = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code;
      if (code === 'ENOENT' && recent.list().includes(filePath)) {
        await changeRecent(() => recent.remove(filePath));
      }
      const fileName = path.basename(filePath);
      return { ok: false, fileName, message: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    open,
    remember,
    async openRecent(index) {
      const filePath = recent.at(index);
      if (filePath === null) {
        return { ok: false, fileName: '', message: 'That recent file is no longer in the list.' };
      }
      return open(filePath);
    },
  };
}
