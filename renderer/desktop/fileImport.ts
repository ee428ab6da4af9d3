/**
 * Importing a file that reached the app by any road — the Import button, File › Open, a double click or
 * command line (through main), Open Recent, a drop on the window — ends here, so all of them report alike:
 * a notice with what was imported, or the report dialog with every problem. A file holding exactly one
 * workflow is opened in the editor when the user asked to *open* it.
 */
import { create } from 'zustand';
import type { ImportIssue } from '../../shared/format/importer';
import {
  MAX_OPEN_BYTES,
  fileTooLargeMessage,
  notTextFileMessage,
  type FileOpenedEvent,
} from '../../shared/ipc';
import { notify } from '../store/notifications';
import { useWorkspace } from '../store/workspaceStore';

export interface ImportFailure {
  fileName: string;
  issues: ImportIssue[];
}

/** The failed import the report dialog shows (one at a time; a newer failure replaces it). */
export const useImportFailure = create<{ failure: ImportFailure | null }>()(() => ({ failure: null }));

export function showImportFailure(fileName: string, issues: ImportIssue[]): void {
  useImportFailure.setState({ failure: { fileName, issues } });
}

export function dismissImportFailure(): void {
  useImportFailure.setState({ failure: null });
}

export interface ImportOptions {
  /** Open the workflow when the file held exactly one (File › Open, double click, drop); Import does not. */
  openSingle: boolean;
}

/** Imports a file's text and reports the outcome; true when something was imported. */
export async function importFileText(
  fileName: string,
  content: string,
  { openSingle }: ImportOptions,
): Promise<boolean> {
  const outcome = await useWorkspace.getState().importText(content);
  if (!outcome.ok) {
    showImportFailure(fileName, outcome.issues);
    return false;
  }
  notify(fileName ? `${fileName}: ${outcome.summary}` : outcome.summary);
  outcome.notes.forEach((note) => notify(note));
  const [only] = outcome.workflowIds;
  if (openSingle && outcome.workflowIds.length === 1 && only) useWorkspace.getState().openWorkflow(only);
  return true;
}

/** A file that could not even be read: shown in the same report, as a problem of the whole file. */
export function reportUnreadable(fileName: string, message: string): void {
  showImportFailure(fileName, [{ path: '$', message }]);
}

/** A file main opened for the renderer (command line, double click, second launch, Open Recent). */
export async function importOpenedFile(event: FileOpenedEvent): Promise<boolean> {
  if (!event.ok) {
    reportUnreadable(event.fileName, event.message);
    return false;
  }
  return importFileText(event.fileName, event.content, { openSingle: true });
}

/** Reads a dropped or picked File with the same limits as Electron's main process. */
export async function readDroppedFile(file: File): Promise<string> {
  if (file.size > MAX_OPEN_BYTES) throw new Error(fileTooLargeMessage(file.name, file.size));
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(notTextFileMessage(file.name));
  }
}

/** Imports files dropped on the window, one after the other. */
export async function importDroppedFiles(files: readonly File[]): Promise<void> {
  for (const file of files) {
    let content: string;
    try {
      content = await readDroppedFile(file);
    } catch (error) {
      reportUnreadable(file.name, error instanceof Error ? error.message : String(error));
      continue;
    }
    await importFileText(file.name, content, { openSingle: files.length === 1 });
  }
}
