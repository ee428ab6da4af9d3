/**
 * The reference-data actions of the palette (App mounts this once), and the dialogs they open, whose code
 * loads the first time one opens.
 */
import { lazy, Suspense, useEffect } from 'react';
import { registerActions } from '../commands/registry';
import { useEditor } from '../store/editorStore';
import { useWorkspace } from '../store/workspaceStore';
import { openCreateDialog, openCredits, openLinkDialog, useReferenceUi } from './referenceUi';

const ReferenceDialogs = lazy(() => import('./ReferenceDialogs'));

/** Imports a reference pack, loading the reader first. */
export const importReference = () =>
  void import('./importReference').then(({ importReferenceAndReport }) => importReferenceAndReport());

/** The one selected step, when it is a task of the open workflow. */
function selectedTaskId(): string | null {
  const { openWorkflowId, workflows } = useWorkspace.getState();
  const { selectedStepIds, presenting } = useEditor.getState();
  if (!openWorkflowId || presenting || selectedStepIds.size !== 1) return null;
  const [id] = selectedStepIds;
  const step = workflows.find((w) => w.id === openWorkflowId)?.steps.find((s) => s.id === id);
  return step?.type === 'task' ? step.id : null;
}

export function ReferenceActions() {
  useEffect(
    () =>
      registerActions([
        {
          id: 'file.import-reference',
          title: 'Import reference data…',
          group: 'File',
          run: importReference,
          keywords: ['O*NET', 'exposure', 'labels', 'GPTs are GPTs', 'tsv', 'pack'],
        },
        {
          id: 'help.data-sources',
          title: 'Data sources and credits…',
          group: 'Help',
          run: openCredits,
          keywords: ['about', 'licence', 'license', 'attribution', 'O*NET', 'CC BY'],
        },
        {
          id: 'step.link-onet',
          title: 'Link to an O*NET task…',
          group: 'Step',
          enabled: () => selectedTaskId() !== null,
          run: () => {
            const id = selectedTaskId();
            if (id) openLinkDialog(id);
          },
          keywords: ['exposure', 'AI', 'suggestion', 'onet'],
        },
        {
          id: 'step.create-from-occupation',
          title: 'Create steps from an occupation’s tasks…',
          group: 'Step',
          enabled: () => useWorkspace.getState().openWorkflowId !== null && !useEditor.getState().presenting,
          run: () => {
            const id = useWorkspace.getState().openWorkflowId;
            if (id) openCreateDialog(id);
          },
          keywords: ['O*NET', 'occupation', 'tasks', 'onet'],
        },
      ]),
    [],
  );
  const anyOpen = useReferenceUi(
    (s) => s.linkStepId !== null || s.createInWorkflowId !== null || s.creditsOpen,
  );
  return anyOpen ? (
    <Suspense fallback={null}>
      <ReferenceDialogs />
    </Suspense>
  ) : null;
}
