import type { CoarchitectApi } from '../../shared/ipc';
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

export function createElectronPlatform(api: CoarchitectApi): Platform {
  return {
    kind: 'electron',
    saveTextFile: (request) =>
      api.saveTextFile(request).catch((error: unknown) => Promise.reject(cleanIpcError(error))),
    openTextFile: (request) =>
      api.openTextFile(request).catch((error: unknown) => Promise.reject(cleanIpcError(error))),
  };
}
