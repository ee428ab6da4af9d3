/**
 * The one IPC contract between Electron's main process and the renderer. Main registers exactly the channels
 * of `IPC_CONTRACT` and parses every argument with its schema; the preload exposes `CoarchitectApi` on
 * `window.coarchitect` and nothing else; the renderer's browser platform implements the same calls with web
 * APIs and the same schemas, so both behave alike. The other way round, main sends only the events of
 * `MAIN_EVENTS` (menu commands, opened files, flush requests), whose payloads the renderer parses too.
 */
import { z } from 'zod';

/** Largest text the renderer may ask to save (UTF-8 bytes). */
export const MAX_SAVE_BYTES = 50 * 1024 * 1024;
/** Largest file Coarchitect reads; larger files are refused before they are read. */
export const MAX_OPEN_BYTES = 20 * 1024 * 1024;

/** UTF-8 size of a string, without TextEncoder (shared/ sees neither the DOM nor Node). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** A string of at most `maxBytes` UTF-8 bytes, with one message for both checks. */
function textOfAtMost(maxBytes: number, message: string) {
  // The cheap check first: a string has at least as many UTF-8 bytes as UTF-16 code units.
  return z
    .string()
    .max(maxBytes, message)
    .refine((content) => utf8ByteLength(content) <= maxBytes, message);
}

/** "20 MB", "25.3 MB", "120 MB". */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const text = mb < 100 ? mb.toFixed(1).replace(/\.0$/, '') : mb.toFixed(0);
  return `${text} MB`;
}

/**
 * The message shown when a file is too large to open, in Electron and in the browser alike. Without a size
 * (or when it would round to the limit itself) it says "larger than".
 */
export function fileTooLargeMessage(fileName: string, sizeBytes?: number): string {
  const limit = formatMegabytes(MAX_OPEN_BYTES);
  const size =
    sizeBytes !== undefined && formatMegabytes(sizeBytes) !== limit
      ? `is ${formatMegabytes(sizeBytes)}`
      : `is larger than ${limit}`;
  return `"${fileName}" ${size}; Coarchitect opens files of at most ${limit}.`;
}

/** The message shown when a file is not UTF-8 text (for example a spreadsheet or an image). */
export function notTextFileMessage(fileName: string): string {
  return `"${fileName}" is not a UTF-8 text file.`;
}

// An extension without its leading dot, as Electron's dialogs and <input accept> both take it:
// "json", "coarchitect.json", or "*" for any file.
const extension = z
  .string()
  .regex(
    /^(\*|[A-Za-z0-9]+(\.[A-Za-z0-9]+)*)$/,
    'extensions are letters and digits without a leading dot, or "*"',
  )
  .max(32, 'extensions must be at most 32 characters');

export const FileFilterSchema = z.object({
  name: z
    .string()
    .min(1, 'filter names must not be empty')
    .max(100, 'filter names must be at most 100 characters'),
  extensions: z.array(extension).min(1, 'a filter needs at least one extension').max(20),
});
export type FileFilter = z.infer<typeof FileFilterSchema>;

const filters = z.array(FileFilterSchema).max(20, 'at most 20 filters');

export const SaveFileRequestSchema = z
  .strictObject({
    suggestedName: z
      .string()
      .min(1, 'the file name must not be empty')
      .max(255, 'the file name must be at most 255 characters')
      .refine((name) => !/[/\\]/.test(name), 'the file name must not contain path separators')
      .refine((name) => !name.includes('\0'), 'the file name must not contain NUL characters')
      .refine((name) => name !== '.' && name !== '..', 'the file name must not be "." or ".."'),
    content: textOfAtMost(MAX_SAVE_BYTES, `the content must be at most ${formatMegabytes(MAX_SAVE_BYTES)}`),
    filters,
    /** 'base64' for binary files (a PNG): the content is their bytes in base64 and is written decoded. */
    encoding: z.enum(['utf8', 'base64']).optional(),
  })
  .refine((r) => r.encoding !== 'base64' || /^[A-Za-z0-9+/]*={0,2}$/.test(r.content), {
    message: 'base64 content must hold only base64 characters',
    path: ['content'],
  });
export type SaveFileRequest = z.infer<typeof SaveFileRequestSchema>;

export const SaveFileResultSchema = z.strictObject({
  saved: z.boolean(),
  /** The name (not the path) the file was saved under; null when the user cancelled. */
  fileName: z.string().nullable(),
});
export type SaveFileResult = z.infer<typeof SaveFileResultSchema>;

export const OpenFileRequestSchema = z.strictObject({ filters });
export type OpenFileRequest = z.infer<typeof OpenFileRequestSchema>;

/** The opened file's name (not its path) and text; null when the user cancelled. */
export const OpenFileResultSchema = z.strictObject({ fileName: z.string(), content: z.string() }).nullable();
export type OpenFileResult = z.infer<typeof OpenFileResultSchema>;

/** A request without arguments: the preload always sends `{}`, and anything else is refused. */
export const EmptyRequestSchema = z.strictObject({});
/** What a channel without an answer resolves to. */
export const NoResultSchema = z.null();

/** At most this many files are listed under File › Open Recent and in the library. */
export const MAX_RECENT_FILES = 10;

export const RecentFileSchema = z.strictObject({
  /** The file's name, shown as the entry. */
  name: z.string(),
  /** The folder it is in, shown beside the name so two files of the same name can be told apart. */
  folder: z.string(),
});
export type RecentFile = z.infer<typeof RecentFileSchema>;
export const RecentFileListSchema = z.array(RecentFileSchema).max(MAX_RECENT_FILES);

/**
 * Opens an entry of the recent-files list by its position: the renderer never names a path, so it cannot make
 * main read any file the user did not open before.
 */
export const OpenRecentRequestSchema = z.strictObject({
  index: z
    .number()
    .int('the index must be a whole number')
    .min(0, 'the index must not be negative')
    .max(MAX_RECENT_FILES - 1, `the index must be below ${MAX_RECENT_FILES}`),
});
export type OpenRecentRequest = z.infer<typeof OpenRecentRequestSchema>;

/** A file main read for the renderer (no path, only its name). */
export const OpenedFileSchema = z.strictObject({
  fileName: z.string().min(1).max(255),
  content: z.string().max(MAX_OPEN_BYTES),
});
export type OpenedFile = z.infer<typeof OpenedFileSchema>;

/** What the renderer tells main so the menu can enable only what makes sense (Export JSON needs a workflow). */
export const MenuStateSchema = z.strictObject({
  workflowOpen: z.boolean(),
  hasWorkflows: z.boolean(),
});
export type MenuState = z.infer<typeof MenuStateSchema>;

/** Answers main's `app:flush` request of the same id once every pending write has reached the database. */
export const FlushReplySchema = z.strictObject({ requestId: z.string().min(1).max(100) });
export type FlushReply = z.infer<typeof FlushReplySchema>;

/** How many rolling backups of the workspace the desktop app keeps. */
export const BACKUPS_KEPT = 10;
/** How often the desktop app backs the workspace up while it runs (and once more before it closes). */
export const BACKUP_INTERVAL_MS = 5 * 60 * 1000;
/** The only names a backup has: the time (UTC, to the millisecond) and the number of workflows in it. */
export const BACKUP_FILE_PATTERN =
  /^coarchitect-backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-w(\d{1,6})\.json$/;

/** The renderer's exported workspace, for main to keep as a backup. */
export const WriteBackupRequestSchema = z.strictObject({
  content: textOfAtMost(MAX_OPEN_BYTES, `a backup must be at most ${formatMegabytes(MAX_OPEN_BYTES)}`),
});
export type WriteBackupRequest = z.infer<typeof WriteBackupRequestSchema>;

export const BackupInfoSchema = z.strictObject({
  fileName: z.string().regex(BACKUP_FILE_PATTERN, 'must be the name of a backup'),
  /** When it was written, ISO 8601 UTC. */
  createdAt: z.iso.datetime(),
  sizeBytes: z.number().int().min(0),
  workflowCount: z.number().int().min(0),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;
export const BackupListSchema = z.array(BackupInfoSchema).max(BACKUPS_KEPT * 2);

/** Reads a backup by its name, which must be a backup's name: no path, so no other file can be read. */
export const ReadBackupRequestSchema = z.strictObject({
  fileName: z.string().max(100).regex(BACKUP_FILE_PATTERN, 'the name must be the name of a backup'),
});
export type ReadBackupRequest = z.infer<typeof ReadBackupRequestSchema>;

// ---------------------------------------------------------------------------------------------------
// Presenting (issue 13): the report printed to PDF, full screen, the presenter window
// ---------------------------------------------------------------------------------------------------

/** Prints the sender's own page (the open report, print stylesheet) to a PDF the user saves. */
export const SaveReportPdfRequestSchema = z.strictObject({
  suggestedName: z
    .string()
    .min(5, 'the file name must not be empty')
    .max(255, 'the file name must be at most 255 characters')
    .regex(/\.pdf$/i, 'the file name must end in .pdf')
    .refine((name) => !/[/\\\0]/.test(name), 'the file name must not contain path separators or NUL'),
});
export type SaveReportPdfRequest = z.infer<typeof SaveReportPdfRequestSchema>;

/** Presenting enters or leaves full screen (Escape leaves full screen before the presentation). */
export const SetFullScreenRequestSchema = z.strictObject({ fullScreen: z.boolean() });
export type SetFullScreenRequest = z.infer<typeof SetFullScreenRequestSchema>;
export const FullScreenStateSchema = z.strictObject({
  fullScreen: z.boolean(),
  /** The window was not so before: Escape that left full screen keeps presenting. */
  changed: z.boolean(),
});

/** The presenter view's window: on the second display when there is one. */
export const PresenterWindowResultSchema = z.strictObject({
  opened: z.boolean(),
  /** Whether it went to another display than the main window's. */
  otherDisplay: z.boolean(),
});
export type PresenterWindowResult = z.infer<typeof PresenterWindowResultSchema>;

/** Every IPC channel (`domain:verb`) the renderer may invoke, with its request and result schemas. */
export const IPC_CONTRACT = {
  'file:save': { request: SaveFileRequestSchema, result: SaveFileResultSchema },
  'file:open': { request: OpenFileRequestSchema, result: OpenFileResultSchema },
  'recent:list': { request: EmptyRequestSchema, result: RecentFileListSchema },
  'recent:open': { request: OpenRecentRequestSchema, result: OpenedFileSchema },
  'recent:clear': { request: EmptyRequestSchema, result: NoResultSchema },
  'menu:state': { request: MenuStateSchema, result: NoResultSchema },
  'app:ready': { request: EmptyRequestSchema, result: NoResultSchema },
  'app:flushed': { request: FlushReplySchema, result: NoResultSchema },
  'backup:write': { request: WriteBackupRequestSchema, result: BackupInfoSchema },
  'backup:list': { request: EmptyRequestSchema, result: BackupListSchema },
  'backup:read': { request: ReadBackupRequestSchema, result: OpenedFileSchema },
  'report:save-pdf': { request: SaveReportPdfRequestSchema, result: SaveFileResultSchema },
  'window:set-full-screen': { request: SetFullScreenRequestSchema, result: FullScreenStateSchema },
  'presenter:open': { request: EmptyRequestSchema, result: PresenterWindowResultSchema },
  'presenter:close': { request: EmptyRequestSchema, result: NoResultSchema },
} as const;

export type IpcChannel = keyof typeof IPC_CONTRACT;
export const IPC_CHANNELS = Object.keys(IPC_CONTRACT) as IpcChannel[];
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof IPC_CONTRACT)[C]['request']>;
export type IpcResult<C extends IpcChannel> = z.infer<(typeof IPC_CONTRACT)[C]['result']>;

// ---------------------------------------------------------------------------------------------------
// Main → renderer
// ---------------------------------------------------------------------------------------------------

/**
 * The commands of the application menu that the renderer carries out. Everything else in the menu is a
 * role Electron performs itself (copy, zoom, full screen…) or happens in main (Open Recent, Quit).
 */
export const MENU_COMMANDS = [
  'new-workflow',
  'open',
  'import',
  'export-workflow',
  'export-workspace',
  'save-copy',
  'close-workflow',
  'undo',
  'redo',
  'select-all',
  'fit-view',
  'present',
  'present-end',
  'about',
  'shortcuts',
] as const;
export const MenuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

/**
 * Labels and shortcuts of the commands, shared by the menu (Electron accelerator syntax) and the renderer's
 * Keyboard shortcuts dialog, so the two never disagree. Commands without a shortcut have none.
 */
export const COMMAND_INFO: Record<MenuCommand, { label: string; accelerator?: string }> = {
  'new-workflow': { label: 'New workflow', accelerator: 'CmdOrCtrl+N' },
  open: { label: 'Open…', accelerator: 'CmdOrCtrl+O' },
  import: { label: 'Import…', accelerator: 'CmdOrCtrl+Shift+O' },
  'export-workflow': { label: 'Export JSON…', accelerator: 'CmdOrCtrl+E' },
  'export-workspace': { label: 'Export workspace…', accelerator: 'CmdOrCtrl+Shift+E' },
  'save-copy': { label: 'Save a copy as…', accelerator: 'CmdOrCtrl+Shift+S' },
  'close-workflow': { label: 'Close', accelerator: 'CmdOrCtrl+W' },
  undo: { label: 'Undo', accelerator: 'CmdOrCtrl+Z' },
  redo: { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z' },
  'select-all': { label: 'Select all', accelerator: 'CmdOrCtrl+A' },
  'fit-view': { label: 'Fit view', accelerator: 'CmdOrCtrl+Shift+H' },
  present: { label: 'Present', accelerator: 'F5' },
  // Sent when the window leaves full screen after Present (Escape, or the menu again); no menu item of its own.
  'present-end': { label: 'Stop presenting' },
  about: { label: 'About Coarchitect' },
  shortcuts: { label: 'Keyboard shortcuts', accelerator: 'CmdOrCtrl+/' },
};

export const MenuCommandEventSchema = z.strictObject({ command: MenuCommandSchema });
export type MenuCommandEvent = z.infer<typeof MenuCommandEventSchema>;

/**
 * A file the operating system or the user handed to the app (double click, "Open with", command line, a second
 * launch, Open Recent): its name and text, or why it could not be read.
 */
export const FileOpenedEventSchema = z.discriminatedUnion('ok', [
  OpenedFileSchema.extend({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), fileName: z.string().max(255), message: z.string().max(2000) }),
]);
export type FileOpenedEvent = z.infer<typeof FileOpenedEventSchema>;

/** Main asks the renderer to write everything pending before the window closes. */
export const FlushRequestSchema = FlushReplySchema;

/** Every event main sends to the renderer, with its payload schema. */
export const MAIN_EVENTS = {
  'menu:command': MenuCommandEventSchema,
  'file:opened': FileOpenedEventSchema,
  'recent:changed': EmptyRequestSchema,
  'app:flush': FlushRequestSchema,
} as const;
export type MainEvent = keyof typeof MAIN_EVENTS;
export const MAIN_EVENT_NAMES = Object.keys(MAIN_EVENTS) as MainEvent[];
export type MainEventPayload<E extends MainEvent> = z.infer<(typeof MAIN_EVENTS)[E]>;

/** Parses a payload main sent; null (and nothing happens) when it does not match the contract. */
export function parseMainEvent<E extends MainEvent>(event: E, raw: unknown): MainEventPayload<E> | null {
  const result = MAIN_EVENTS[event].safeParse(raw);
  return result.success ? (result.data as MainEventPayload<E>) : null;
}

/** Removes a listener added by one of the `on…` methods. */
export type Unsubscribe = () => void;

/** `window.coarchitect`, exposed by the preload of the desktop app. */
export interface CoarchitectApi {
  readonly platform: 'electron';
  saveTextFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openTextFile(request: OpenFileRequest): Promise<OpenFileResult>;
  listRecentFiles(): Promise<RecentFile[]>;
  openRecentFile(request: OpenRecentRequest): Promise<OpenedFile>;
  clearRecentFiles(): Promise<null>;
  setMenuState(state: MenuState): Promise<null>;
  /** Keeps the exported workspace as the newest rolling backup (main checks it and keeps the last 10). */
  writeBackup(request: WriteBackupRequest): Promise<BackupInfo>;
  listBackups(): Promise<BackupInfo[]>;
  readBackup(request: ReadBackupRequest): Promise<OpenedFile>;
  /** Prints the sending window's page (the report) with webContents.printToPDF and saves it. */
  saveReportPdf(request: SaveReportPdfRequest): Promise<SaveFileResult>;
  setFullScreen(request: SetFullScreenRequest): Promise<{ fullScreen: boolean; changed: boolean }>;
  /** Opens (or focuses) the presenter window, which loads the app at #presenter. */
  openPresenterWindow(): Promise<PresenterWindowResult>;
  closePresenterWindow(): Promise<null>;
  /** Says the renderer listens: main then delivers the files and commands it held back. */
  rendererReady(): Promise<null>;
  /** Payloads are passed on as main sent them; renderer/platform parses them with MAIN_EVENTS. */
  onCommand(listener: (payload: unknown) => void): Unsubscribe;
  onFileOpened(listener: (payload: unknown) => void): Unsubscribe;
  onRecentFilesChanged(listener: () => void): Unsubscribe;
  /** Main asks for a flush before closing; the preload answers once the returned promise settles. */
  onFlushRequest(listener: () => Promise<void>): Unsubscribe;
}

/** Parses a request for `channel`, or throws an Error whose message says what is wrong. */
export function parseIpcRequest<C extends IpcChannel>(channel: C, raw: unknown): IpcRequest<C> {
  const result = IPC_CONTRACT[channel].request.safeParse(raw);
  if (!result.success) {
    throw new Error(`Invalid arguments for ${channel}: ${z.prettifyError(result.error)}`);
  }
  return result.data as IpcRequest<C>;
}
