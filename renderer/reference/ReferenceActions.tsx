/** The reference-data actions of the palette, and the dialogs they open; App mounts this once. */
import { useEffect } from 'react';
import { registerActions } from '../commands/registry';
import './reference.css';
import { useEditor } from '../store/editorStore';
import { useWorkspace } from '../store/workspaceStore';
import { CreateFromOccupationDialog } from './CreateFromOccupationDialog';
import { importReferenceAndReport } from './importReference';
import { OnetLinkDialog } from './OnetLinkDialog';
import { DataSources } from './DataSources';
import { Dialog } from '../ui/Dialog';
import {
  closeReferenceDialogs,
  openCreateDialog,
  openCredits,
  openLinkDialog,
  useReferenceUi,
} from './referenceUi';

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
          run: () => void importReferenceAndReport(),
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
  return (
    <>
      <OnetLinkDialog />
      <CreateFromOccupationDialog />
      <CreditsDialog />
    </>
  );
}

function CreditsDialog() {
  const open = useReferenceUi((s) => s.creditsOpen);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && closeReferenceDialogs()}
      title="Data sources and credits"
      actions={
        <button type="button" className="primary" onClick={closeReferenceDialogs} autoFocus>
          Close
        </button>
      }
    >
      <div className="about">
        <DataSources open={open} />
      </div>
    </Dialog>
  );
}
