/** "Compare with as-is…" in the command palette, for a to-be that names its as-is; the panel closes with the editor. */
import { useEffect, useRef } from 'react';
import type { Workflow } from '../../shared/model/schema';
import { registerActions } from '../commands/registry';
import { useEditor } from '../store/editorStore';
import { useCompare } from './compareStore';

export function useCompareAction(workflow: Workflow): void {
  const current = useRef(workflow);
  current.current = workflow;
  useEffect(() => {
    const off = registerActions([
      {
        id: 'view.compare-with-as-is',
        title: 'Compare with as-is…',
        group: 'View',
        keywords: ['diff', 'changes', 'versions', 'co-design'],
        enabled: () =>
          !useEditor.getState().presenting &&
          current.current.kind === 'to-be' &&
          current.current.redesignOfId !== null,
        run: () => useCompare.getState().setOpen(true),
      },
    ]);
    return () => {
      off();
      useCompare.getState().setOpen(false);
    };
  }, []);
  // Another workflow opened in the same editor: its comparison is not the one that was open.
  useEffect(() => () => useCompare.getState().setOpen(false), [workflow.id]);
}
