import { parseMainEvent, type CoarchitectApi } from '../../shared/ipc';
import type { Platform } from './platform';

/**
 * Electron wraps errors thrown in main as "Error invoking remote method 'file:open': Error: <message>". The
 * user should read only the message.
 */
export function cleanIpcError(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const match = /^Error invoking remote method '[^']+': (?:[A-Za-z]*Error: )?([\s\S]*)$/.exec(error.message);
  return match?.[1] ? new Error(match[1], { cause: error }) : error;
}

function clean<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => Promise.reject(cleanIpcError(error)));
}

function report(what: string) {
  return (error: unknown) => console.error(`${what}:`, cleanIpcError(error).message);
}

export function createElectronPlatform(api: CoarchitectApi): Platform {
  return {
    kind: 'electron',
    saveTextFile: (request) => clean(api.saveTextFile(request)),
    openTextFile: (request) => clean(api.openTextFile(request)),

    backups: {
      write: (content) => clean(api.writeBackup({ content })),
      list: () => clean(api.listBackups()),
      read: (fileName) => clean(api.readBackup({ fileName })),
    },

    saveReportPdf: (request) => clean(api.saveReportPdf(request)),
    setFullScreen: (fullScreen) => clean(api.setFullScreen({ fullScreen })),
    openPresenterWindow: () => clean(api.openPresenterWindow()),
    closePresenterWindow: () => clean(api.closePresenterWindow()).then(() => undefined),

    hasNativeMenu: true,
    hasRecentFiles: true,
    listRecentFiles: () => clean(api.listRecentFiles()),
    openRecentFile: (index) => clean(api.openRecentFile({ index })),
    clearRecentFiles: () => clean(api.clearRecentFiles()).then(() => undefined),
    onRecentFilesChanged: (listener) => api.onRecentFilesChanged(() => listener()),

    setMenuState: (state) => void api.setMenuState(state).catch(report('Could not update the menu')),
    // Payloads are checked against the contract here too: one that does not match is dropped.
    onCommand: (listener) =>
      api.onCommand((payload) => {
        const event = parseMainEvent('menu:command', payload);
        if (event) listener(event.command);
      }),
    onFileOpened: (listener) =>
      api.onFileOpened((payload) => {
        const event = parseMainEvent('file:opened', payload);
        if (event) listener(event);
      }),
    onFlushRequest: (handler) => api.onFlushRequest(() => handler()),
    ready: () => void api.rendererReady().catch(report('Could not reach the main process')),
  };
}
