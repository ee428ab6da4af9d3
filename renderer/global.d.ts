import type { CoarchitectApi } from '../shared/ipc';

declare global {
  interface Window {
    /** Exposed by Electron's preload (electron/preload.ts); absent in the plain browser. */
    coarchitect?: CoarchitectApi;
  }
}

export {};
