/**
 * The preload of the main window: exposes `window.coarchitect` and nothing else. Sandboxed preloads can only
 * require 'electron', so this file imports nothing else at run time (build-electron.mjs bundles it to one CJS
 * file). There is no generic `invoke`: each method calls its one channel of the shared contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { CoarchitectApi, IpcChannel } from '../shared/ipc';

const SAVE_FILE = 'file:save' satisfies IpcChannel;
const OPEN_FILE = 'file:open' satisfies IpcChannel;

const api = {
  platform: 'electron',
  saveTextFile: (request) => ipcRenderer.invoke(SAVE_FILE, request),
  openTextFile: (request) => ipcRenderer.invoke(OPEN_FILE, request),
} satisfies CoarchitectApi;

contextBridge.exposeInMainWorld('coarchitect', api);
