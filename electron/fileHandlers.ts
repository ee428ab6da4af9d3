/**
 * The main-process side of `file:save` and `file:open`, and the one way main reads a file for the renderer.
 * Plain functions over two small adapters (native dialogs, file system), so they are tested in Node with
 * fakes; main.ts plugs in Electron's dialog module and nodeTextFiles.
 *
 * Every call is checked in the same order (see `guarded`): the sender must be a page of the app's own
 * origin, the arguments must parse with the shared schemas, and files larger than MAX_OPEN_BYTES are refused
 * before being read.
 */
import path from 'node:path';
import {
  MAX_OPEN_BYTES,
  fileTooLargeMessage,
  notTextFileMessage,
  type FileFilter,
  type OpenedFile,
} from '../shared/ipc';
import { guarded, type ChannelHandler, type IpcSender } from './ipc';

export type { ChannelHandler, IpcSender } from './ipc';

export interface FileDialogs<Owner> {
  /** Asks where to save; the chosen path, or null when the user cancelled. */
  chooseSavePath(
    owner: Owner,
    options: { suggestedName: string; filters: FileFilter[] },
  ): Promise<string | null>;
  /** Asks which file to open; its path, or null when the user cancelled. */
  chooseOpenPath(owner: Owner, options: { filters: FileFilter[] }): Promise<string | null>;
}

export interface TextFiles {
  /** Size in bytes of a regular file; rejects when it is missing or not a regular file. */
  size(filePath: string): Promise<number>;
  /** The file's bytes, or null when it holds more than maxBytes (it may have grown since `size`). */
  readBytes(filePath: string, maxBytes: number): Promise<Uint8Array | null>;
  /** Writes text, or with 'base64' the bytes that the base64 text encodes. */
  writeText(filePath: string, content: string, encoding?: 'utf8' | 'base64'): Promise<void>;
}

export interface FileHandlers<Owner> {
  'file:save': ChannelHandler<'file:save', Owner>;
  'file:open': ChannelHandler<'file:open', Owner>;
}

/** Turns a file-system error into words; the path itself is left out since the file name is already said. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'the file does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the location is read-only';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

async function explainFsErrors<T>(what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw new Error(`${what}: ${describeFsError(error)}.`, { cause: error });
  }
}

/**
 * Reads a text file for the renderer: refused before reading when over MAX_OPEN_BYTES (and while reading if it
 * grew), and refused unless it is UTF-8. Errors say what is wrong in words; `cause` keeps the errno error.
 */
export async function readTextFile(files: TextFiles, filePath: string): Promise<OpenedFile> {
  const fileName = path.basename(filePath);
  const size = await explainFsErrors(`Could not open "${fileName}"`, () => files.size(filePath));
  if (size > MAX_OPEN_BYTES) throw new Error(fileTooLargeMessage(fileName, size));
  const bytes = await explainFsErrors(`Could not open "${fileName}"`, () =>
    files.readBytes(filePath, MAX_OPEN_BYTES),
  );
  if (bytes === null) throw new Error(fileTooLargeMessage(fileName));
  try {
    return { fileName, content: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    throw new Error(notTextFileMessage(fileName));
  }
}

export function createFileHandlers<Owner>(deps: {
  dialogs: FileDialogs<Owner>;
  files: TextFiles;
  /** Told the path of every file opened through the dialog (for the recent-files list). */
  onOpened?: (filePath: string) => void;
}): FileHandlers<Owner> {
  const { dialogs, files, onOpened } = deps;

  return {
    'file:save': guarded('file:save', async (sender: IpcSender<Owner>, request) => {
      const filePath = await dialogs.chooseSavePath(sender.owner, {
        suggestedName: request.suggestedName,
        filters: request.filters,
      });
      if (filePath === null) return { saved: false, fileName: null };

      const fileName = path.basename(filePath);
      await explainFsErrors(`Could not save "${fileName}"`, () =>
        files.writeText(filePath, request.content, request.encoding ?? 'utf8'),
      );
      return { saved: true, fileName };
    }),

    'file:open': guarded('file:open', async (sender: IpcSender<Owner>, request) => {
      const filePath = await dialogs.chooseOpenPath(sender.owner, { filters: request.filters });
      if (filePath === null) return null;
      const file = await readTextFile(files, filePath);
      onOpened?.(filePath);
      return file;
    }),
  };
}
