/**
 * What the React app may ask of the platform it runs on. Implemented once for Electron (native dialogs, menu
 * and recent files through the preload) and once for the plain browser (download link and file input; no
 * menu, no recent files); the UI never knows which.
 */
import type {
  BackupInfo,
  FileOpenedEvent,
  MenuCommand,
  MenuState,
  OpenedFile,
  OpenFileRequest,
  OpenFileResult,
  RecentFile,
  SaveFileRequest,
  SaveFileResult,
  Unsubscribe,
} from '../../shared/ipc';

export type {
  FileOpenedEvent,
  MenuCommand,
  MenuState,
  OpenedFile,
  OpenFileRequest,
  OpenFileResult,
  RecentFile,
  SaveFileRequest,
  SaveFileResult,
  Unsubscribe,
} from '../../shared/ipc';

/** The desktop app's rolling backups of the workspace (main keeps the newest BACKUPS_KEPT). */
export interface BackupStore {
  write(content: string): Promise<BackupInfo>;
  list(): Promise<BackupInfo[]>;
  read(fileName: string): Promise<OpenedFile>;
}

export interface Platform {
  readonly kind: 'electron' | 'browser';
  /** Saves text under a name the user confirms (Electron) or as a download (browser). */
  saveTextFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Lets the user pick a text file; null when they cancel. Rejects for files over MAX_OPEN_BYTES. */
  openTextFile(request: OpenFileRequest): Promise<OpenFileResult>;

  /**
   * Whether the app has a native menu bar (Electron), whose accelerators own the menu shortcuts; in the
   * browser the app handles them itself.
   */
  readonly hasNativeMenu: boolean;
  /** Whether there is a recent-files list at all (Electron); the browser has none, so the UI hides it. */
  readonly hasRecentFiles: boolean;
  listRecentFiles(): Promise<RecentFile[]>;
  /** Reads the recent file at this position of the list; rejects (with words) when it cannot. */
  openRecentFile(index: number): Promise<OpenedFile>;
  clearRecentFiles(): Promise<void>;
  onRecentFilesChanged(listener: () => void): Unsubscribe;

  /** Tells the native menu what is enabled; nothing happens in the browser. */
  setMenuState(state: MenuState): void;
  /** Commands of the native menu; never called in the browser. */
  onCommand(listener: (command: MenuCommand) => void): Unsubscribe;
  /** Files the OS or the user handed to the app (double click, command line, Open Recent of the menu). */
  onFileOpened(listener: (file: FileOpenedEvent) => void): Unsubscribe;
  /** Main asks for every pending write before the window closes; the returned promise says when it is done. */
  onFlushRequest(handler: () => Promise<void>): Unsubscribe;
  /** Rolling backups, where the platform keeps them (Electron); absent in the browser. */
  readonly backups?: BackupStore;
  /** Prints the open report to a PDF the user saves (Electron: webContents.printToPDF); absent in the browser (Print). */
  saveReportPdf?(request: { suggestedName: string }): Promise<SaveFileResult>;
  /**
   * Window full screen while presenting (Electron); absent in the browser, which uses the Fullscreen API.
   * `changed` is false when the window already was so.
   */
  setFullScreen?(fullScreen: boolean): Promise<{ fullScreen: boolean; changed: boolean }>;
  /** Opens the presenter view in its own window (Electron: on the second display); the browser uses window.open. */
  openPresenterWindow?(): Promise<{ opened: boolean; otherDisplay: boolean }>;
  closePresenterWindow?(): Promise<void>;
  /** Call once every listener above is in place: files and commands that arrived earlier follow. */
  ready(): void;
}
