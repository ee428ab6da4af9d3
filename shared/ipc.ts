/**
 * The one IPC contract between Electron's main process and the renderer. Main registers exactly the channels
 * of `IPC_CONTRACT` and parses every argument with its schema; the preload exposes `CoarchitectApi` on
 * `window.coarchitect` and nothing else; the renderer's browser platform implements the same calls with web
 * APIs and the same schemas, so both behave alike.
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

export const SaveFileRequestSchema = z.strictObject({
  suggestedName: z
    .string()
    .min(1, 'the file name must not be empty')
    .max(255, 'the file name must be at most 255 characters')
    .refine((name) => !/[/\\]/.test(name), 'the file name must not contain path separators')
    .refine((name) => !name.includes('\0'), 'the file name must not contain NUL characters')
    .refine((name) => name !== '.' && name !== '..', 'the file name must not be "." or ".."'),
  content: z
    .string()
    // The cheap check first: a string has at least as many UTF-8 bytes as UTF-16 code units.
    .max(MAX_SAVE_BYTES, `the content must be at most ${formatMegabytes(MAX_SAVE_BYTES)}`)
    .refine(
      (content) => utf8ByteLength(content) <= MAX_SAVE_BYTES,
      `the content must be at most ${formatMegabytes(MAX_SAVE_BYTES)}`,
    ),
  filters,
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

/** Every IPC channel (`domain:verb`) with its request and result schemas. */
export const IPC_CONTRACT = {
  'file:save': { request: SaveFileRequestSchema, result: SaveFileResultSchema },
  'file:open': { request: OpenFileRequestSchema, result: OpenFileResultSchema },
} as const;

export type IpcChannel = keyof typeof IPC_CONTRACT;
export const IPC_CHANNELS = Object.keys(IPC_CONTRACT) as IpcChannel[];
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof IPC_CONTRACT)[C]['request']>;
export type IpcResult<C extends IpcChannel> = z.infer<(typeof IPC_CONTRACT)[C]['result']>;

/** `window.coarchitect`, exposed by the preload of the desktop app. */
export interface CoarchitectApi {
  readonly platform: 'electron';
  saveTextFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openTextFile(request: OpenFileRequest): Promise<OpenFileResult>;
}

/** Parses a request for `channel`, or throws an Error whose message says what is wrong. */
export function parseIpcRequest<C extends IpcChannel>(channel: C, raw: unknown): IpcRequest<C> {
  const result = IPC_CONTRACT[channel].request.safeParse(raw);
  if (!result.success) {
    throw new Error(`Invalid arguments for ${channel}: ${z.prettifyError(result.error)}`);
  }
  return result.data as IpcRequest<C>;
}
