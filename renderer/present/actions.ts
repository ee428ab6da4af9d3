/**
 * The palette's actions for the story, the presentation's slides and exports: registered by the app shell
 * eagerly (this file is small), while the surfaces themselves load lazily.
 */
import { useEffect } from 'react';
import { registerActions } from '../commands/registry';
import { onCommand } from '../desktop/commands';
import { useEditor } from '../store/editorStore';
import { useWorkspace } from '../store/workspaceStore';
import { usePresentUi } from './presentUi';

const workflowOpen = () =>
  useWorkspace.getState().openWorkflowId !== null && !useEditor.getState().presenting;

/** Where the focus was when the presentation started: it goes back there afterwards. */
let focusBefore: HTMLElement | null = null;

/** Remembers the focused element, for a surface that takes over the window (presentation, report). */
export function rememberFocus(): void {
  focusBefore = document.activeElement instanceof HTMLElement ? document.activeElement : null;
}

export function restoreFocus(): void {
  const element = focusBefore;
  focusBefore = null;
  // After the editor's panels have come back (they are hidden while presenting).
  requestAnimationFrame(() => {
    if (element?.isConnected) element.focus();
  });
}

export function usePresentActions(): void {
  useEffect(
    () =>
      registerActions([
        {
          id: 'file.export-picture',
          title: 'Export picture and data…',
          group: 'File',
          enabled: workflowOpen,
          run: () => usePresentUi.getState().setExportOpen(true),
          keywords: ['svg', 'png', 'image', 'csv', 'copy image', 'clipboard', 'spreadsheet'],
        },
        {
          id: 'view.story',
          title: 'Edit story…',
          group: 'View',
          enabled: workflowOpen,
          run: () => usePresentUi.getState().setStoryOpen(true),
          keywords: ['slides', 'presentation', 'speaker notes', 'next steps', 'reorder', 'hide slide'],
        },
        {
          id: 'file.print-report',
          title: 'Print report…',
          group: 'File',
          enabled: workflowOpen,
          run: () => {
            rememberFocus();
            usePresentUi.getState().setReportOpen(true);
          },
          keywords: ['pdf', 'handout', 'print', 'report', 'slides'],
        },
      ]),
    [],
  );
  // Registered by the app shell, before the editor's own listener (which fits the diagram) and even before
  // the editor's code has loaded: Present works the moment a workflow opens. The focus is read before the
  // panels hide.
  useEffect(
    () =>
      onCommand((command) => {
        const { presenting, setPresenting } = useEditor.getState();
        if (command === 'present' && !presenting && useWorkspace.getState().openWorkflowId !== null) {
          rememberFocus();
          setPresenting(true);
        } else if (command === 'present-end' && presenting) setPresenting(false);
      }),
    [],
  );
}

/** Whether the lazily loaded surfaces are needed at all. */
export function usePresentSurfacesNeeded(): boolean {
  const ui = usePresentUi((s) => s.exportOpen || s.storyOpen || s.reportOpen);
  const presenting = useEditor((s) => s.presenting);
  return ui || presenting;
}
