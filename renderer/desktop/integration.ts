/**
 * Connects the React app to its platform: menu commands, files handed over by the OS, flush requests before
 * the window closes, the menu's enabled state, and files dropped on the window. One hook, used once by App.
 */
import { useEffect, useRef } from 'react';
import type { MenuState } from '../../shared/ipc';
import { exportWorkflowAndReport, exportWorkspaceAndReport, importFromFileAndReport } from '../exchange';
import { getPlatform, type MenuCommand, type Platform } from '../platform/index';
import { useWorkspace, type WorkspaceStore } from '../store/workspaceStore';
import { dispatchCommand, isTextEditing, undoOrRedo } from './commands';
import { importDroppedFiles, importOpenedFile } from './fileImport';
import { startBackupSchedule } from './backupSchedule';
import { notify } from '../store/notifications';

/** The commands whose UI lives in App (dialogs). */
export interface CommandUi {
  newWorkflow(): void;
  about(): void;
  shortcuts(): void;
}

/** Carries out a menu command; every command not consumed here is also dispatched as a DOM event. */
export function runCommand(command: MenuCommand, ui: CommandUi): void {
  const store = useWorkspace.getState();
  const openId = store.openWorkflowId;
  switch (command) {
    case 'new-workflow':
      ui.newWorkflow();
      break;
    case 'open':
      void importFromFileAndReport({ openSingle: true });
      break;
    case 'import':
      void importFromFileAndReport({ openSingle: false });
      break;
    case 'export-workflow':
    case 'save-copy':
      if (openId) void exportWorkflowAndReport(openId);
      break;
    case 'export-workspace':
      if (store.workflows.length > 0) void exportWorkspaceAndReport();
      break;
    case 'close-workflow':
      store.openWorkflow(null);
      break;
    case 'undo':
    case 'redo':
      // A focused text field undoes its own typing; otherwise the command goes to whoever listens.
      if (undoOrRedo(command)) return;
      break;
    case 'select-all':
      // A focused text field selects its own text; otherwise the editor selects every step.
      if (isTextEditing(document.activeElement)) {
        document.execCommand('selectAll');
        return;
      }
      break;
    case 'about':
      ui.about();
      break;
    case 'shortcuts':
      ui.shortcuts();
      break;
    case 'fit-view':
    case 'present':
    case 'present-end':
      break;
  }
  dispatchCommand(command);
}

export function menuStateOf(state: Pick<WorkspaceStore, 'openWorkflowId' | 'workflows'>): MenuState {
  return {
    workflowOpen: state.openWorkflowId !== null && state.workflows.some((w) => w.id === state.openWorkflowId),
    hasWorkflows: state.workflows.length > 0,
  };
}

/** Keeps the native menu's enabled items in step with the store. */
export function syncMenuState(platform: Platform): () => void {
  let last = '';
  const push = (state: MenuState) => {
    const key = JSON.stringify(state);
    if (key === last) return;
    last = key;
    platform.setMenuState(state);
  };
  push(menuStateOf(useWorkspace.getState()));
  return useWorkspace.subscribe((state) => push(menuStateOf(state)));
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * Files dropped anywhere on the window are imported (in Electron and the browser alike). Drops the page
 * handles itself (a palette item on the diagram) call preventDefault and are left alone. `onDragging` tells
 * whether files are being dragged over the window, for the drop hint.
 */
export function installFileDrop(target: Window, onDragging: (dragging: boolean) => void): () => void {
  let depth = 0;
  const enter = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    depth += 1;
    onDragging(true);
  };
  const leave = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) onDragging(false);
  };
  const over = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    // Without this the drop is refused, and Electron or the browser would navigate to the file instead.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const drop = (event: DragEvent) => {
    depth = 0;
    onDragging(false);
    if (event.defaultPrevented || !hasFiles(event)) return;
    event.preventDefault();
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length > 0) void importDroppedFiles(files);
  };
  target.addEventListener('dragenter', enter);
  target.addEventListener('dragleave', leave);
  target.addEventListener('dragover', over);
  target.addEventListener('drop', drop);
  return () => {
    target.removeEventListener('dragenter', enter);
    target.removeEventListener('dragleave', leave);
    target.removeEventListener('dragover', over);
    target.removeEventListener('drop', drop);
  };
}

/**
 * Subscribes App to its platform once the workspace is loaded (an opened file needs the database), then
 * tells the platform it is ready, so files and commands that came earlier are delivered now.
 */
export function useDesktopIntegration(ui: CommandUi, onDragging: (dragging: boolean) => void): void {
  const status = useWorkspace((s) => s.status);
  const latest = useRef({ ui, onDragging });
  useEffect(() => {
    latest.current = { ui, onDragging };
  });

  useEffect(() => {
    if (status !== 'ready') return;
    const platform = getPlatform();
    const backups = platform.backups
      ? startBackupSchedule(platform.backups, {
          onError: (e) =>
            notify(`The backup could not be written: ${e instanceof Error ? e.message : String(e)}`, 'error'),
        })
      : null;
    const unsubscribe = [
      platform.onCommand((command) => runCommand(command, latest.current.ui)),
      platform.onFileOpened((file) => void importOpenedFile(file)),
      // Before the window closes: every pending write, then a last backup if anything changed.
      platform.onFlushRequest(async () => {
        await useWorkspace.getState().flush();
        await backups?.backupNow();
      }),
      () => backups?.stop(),
      syncMenuState(platform),
      installFileDrop(window, (dragging) => latest.current.onDragging(dragging)),
    ];
    platform.ready();
    return () => unsubscribe.forEach((off) => off());
  }, [status]);
}
