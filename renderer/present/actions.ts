/**
 * The palette's actions for the story, the presentation's slides and exports: registered by the app shell
 * eagerly (this file is small), while the surfaces themselves load lazily.
 */
import { useEffect } from 'react';
import { registerActions } from '../commands/registry';
import { useEditor } from '../store/editorStore';
import { useWorkspace } from '../store/workspaceStore';
import { usePresentUi } from './presentUi';

const workflowOpen = () =>
  useWorkspace.getState().openWorkflowId !== null && !useEditor.getState().presenting;

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
      ]),
    [],
  );
}

/** Whether the lazily loaded surfaces are needed at all. */
export function usePresentSurfacesNeeded(): boolean {
  const ui = usePresentUi((s) => s.exportOpen || s.storyOpen);
  const presenting = useEditor((s) => s.presenting);
  return ui || presenting;
}
