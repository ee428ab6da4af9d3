/**
 * What the React app may ask of the platform it runs on. Implemented once for Electron (native dialogs through
 * the preload) and once for the plain browser (download link and file input); the UI never knows which.
 */
import type { OpenFileRequest, OpenFileResult, SaveFileRequest, SaveFileResult } from '../../shared/ipc';

export type { OpenFileRequest, OpenFileResult, SaveFileRequest, SaveFileResult } from '../../shared/ipc';

export interface Platform {
  readonly kind: 'electron' | 'browser';
  /** Saves text under a name the user confirms (Electron) or as a download (browser). */
  saveTextFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Lets the user pick a text file; null when they cancel. Rejects for files over MAX_OPEN_BYTES. */
  openTextFile(request: OpenFileRequest): Promise<OpenFileResult>;
}
