/**
 * The preload of the main window: exposes `window.coarchitect` and nothing else. Sandboxed preloads can only
 * require 'electron', so this file imports nothing else at run time (build-electron.mjs bundles it to one CJS
 * file). There is no generic `invoke`, `send` or `on`: each method uses its one channel of the shared
 * contract, and listeners get the payload only, never Electron's event (whose `sender` is ipcRenderer).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CoarchitectApi, IpcChannel, MainEvent } from '../shared/ipc';

const channel = <C extends IpcChannel>(name: C) => name;
const event = <E extends MainEvent>(name: E) => name;

function subscribe(name: MainEvent, listener: (payload: unknown) => void) {
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(name, wrapped);
  return () => {
    ipcRenderer.removeListener(name, wrapped);
  };
}

const api = {
  platform: 'electron',
  saveTextFile: (request) => ipcRenderer.invoke(channel('file:save'), request),
  openTextFile: (request) => ipcRenderer.invoke(channel('file:open'), request),
  listRecentFiles: () => ipcRenderer.invoke(channel('recent:list'), {}),
  openRecentFile: (request) => ipcRenderer.invoke(channel('recent:open'), request),
  clearRecentFiles: () => ipcRenderer.invoke(channel('recent:clear'), {}),
  setMenuState: (state) => ipcRenderer.invoke(channel('menu:state'), state),
  rendererReady: () => ipcRenderer.invoke(channel('app:ready'), {}),
  writeBackup: (request) => ipcRenderer.invoke(channel('backup:write'), request),
  listBackups: () => ipcRenderer.invoke(channel('backup:list'), {}),
  readBackup: (request) => ipcRenderer.invoke(channel('backup:read'), request),
  saveReportPdf: (request) => ipcRenderer.invoke(channel('report:save-pdf'), request),
  setFullScreen: (request) => ipcRenderer.invoke(channel('window:set-full-screen'), request),
  openPresenterWindow: () => ipcRenderer.invoke(channel('presenter:open'), {}),
  closePresenterWindow: () => ipcRenderer.invoke(channel('presenter:close'), {}),
  onCommand: (listener) => subscribe(event('menu:command'), (payload) => listener(payload)),
  onFileOpened: (listener) => subscribe(event('file:opened'), (payload) => listener(payload)),
  onRecentFilesChanged: (listener) => subscribe(event('recent:changed'), () => listener()),
  onFlushRequest: (listener) =>
    subscribe(event('app:flush'), (payload) => {
      // Answer with main's own request id whether the flush worked or not: main only waits for the answer.
      const requestId = (payload as { requestId?: unknown } | null)?.requestId;
      void Promise.resolve()
        .then(() => listener())
        .catch(() => {})
        .finally(() => ipcRenderer.invoke(channel('app:flushed'), { requestId }).catch(() => {}));
    }),
} satisfies CoarchitectApi;

contextBridge.exposeInMainWorld('coarchitect', api);
