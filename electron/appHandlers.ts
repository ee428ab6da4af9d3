/**
 * The IPC handlers besides the file dialogs: the recent-files list, the menu state, and the renderer's
 * readiness and flush answers. Guarded like every handler: sender first, then the request's schema.
 */
import type { MenuState } from '../shared/ipc';
import type { DocumentOpener } from './documents';
import { guarded, type IpcHandlers } from './ipc';
import type { RecentFiles } from './recentFiles';
import type { RendererBridge } from './rendererBridge';

export type AppHandlers<Owner> = Omit<
  IpcHandlers<Owner>,
  | 'file:save'
  | 'file:open'
  | 'backup:write'
  | 'backup:list'
  | 'backup:read'
  | 'report:save-pdf'
  | 'window:set-full-screen'
  | 'presenter:open'
  | 'presenter:close'
>;

export function createAppHandlers<Owner>(deps: {
  recent: RecentFiles;
  documents: DocumentOpener;
  onRecentChanged(): void;
  /** The bridge of the window that sent a call; null for a sender that is no main window. */
  bridgeFor(owner: Owner): RendererBridge | null;
  setMenuState(owner: Owner, state: MenuState): void;
}): AppHandlers<Owner> {
  return {
    'recent:list': guarded('recent:list', async () => deps.recent.entries()),

    'recent:open': guarded('recent:open', async (_sender, { index }) => {
      const opened = await deps.documents.openRecent(index);
      if (!opened.ok) throw new Error(opened.message);
      return { fileName: opened.fileName, content: opened.content };
    }),

    'recent:clear': guarded('recent:clear', async () => {
      await deps.recent.clear();
      deps.onRecentChanged();
      return null;
    }),

    'menu:state': guarded('menu:state', async (sender, state) => {
      deps.setMenuState(sender.owner, state);
      return null;
    }),

    'app:ready': guarded('app:ready', async (sender) => {
      const bridge = deps.bridgeFor(sender.owner);
      if (!bridge) throw new Error('app:ready refused: the request did not come from a Coarchitect window.');
      bridge.markReady();
      return null;
    }),

    'app:flushed': guarded('app:flushed', async (sender, { requestId }) => {
      deps.bridgeFor(sender.owner)?.flushed(requestId);
      return null;
    }),
  };
}
