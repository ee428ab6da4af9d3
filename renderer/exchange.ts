/**
 * Export and import through the platform adapter (native dialogs in Electron, download and file input in
 * the browser). The document itself is built and checked in shared/format.
 */
import {
  exportWorkflow,
  exportWorkspace,
  fileNameFor,
  serializeDocument,
  type CoarchitectDocument,
} from '../shared/format/document';
import type { Workspace } from '../shared/model/schema';
import { redactDocument, type RedactionLevel } from '../shared/format/redact';
import { importFileText, reportUnreadable, type ImportOptions } from './desktop/fileImport';
import { getPlatform } from './platform/index';
import { notify } from './store/notifications';
import { useWorkspace, workspaceDatabase } from './store/workspaceStore';

/** The document with the co-design record of its workflows (the record's code loads on first export). */
async function attachRecord<D extends CoarchitectDocument>(doc: D): Promise<D> {
  const { withRecord } = await import('./codesign/recordExchange');
  return withRecord(workspaceDatabase(), doc);
}

const FILTERS = [
  { name: 'Coarchitect file', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

export async function exportWorkflowToFile(workflowId: string): Promise<string | null> {
  const state = useWorkspace.getState();
  await state.flush();
  const workflow = state.workflows.find((w) => w.id === workflowId);
  if (!workflow) return null;
  const content = serializeDocument(await attachRecord(exportWorkflow(workflow, state)));
  const result = await getPlatform().saveTextFile({
    suggestedName: fileNameFor(workflow.name),
    content,
    filters: FILTERS,
  });
  return result.saved ? (result.fileName ?? fileNameFor(workflow.name)) : null;
}

export async function exportWorkspaceToFile(): Promise<string | null> {
  const state = useWorkspace.getState();
  await state.flush();
  const workspace: Workspace = {
    workflows: state.workflows,
    roles: state.roles,
    customSkills: state.customSkills,
  };
  const content = serializeDocument(await attachRecord(exportWorkspace(workspace)));
  const suggestedName = fileNameFor(`workspace-${new Date().toISOString().slice(0, 10)}`);
  const result = await getPlatform().saveTextFile({ suggestedName, content, filters: FILTERS });
  return result.saved ? (result.fileName ?? suggestedName) : null;
}

/**
 * Asks for a file and imports it through the one import path every way a file comes in takes
 * (desktop/fileImport.ts: notice, or the report dialog); nothing happens when the user cancels.
 */
export async function importFromFileAndReport(options: ImportOptions): Promise<void> {
  let file;
  try {
    file = await getPlatform().openTextFile({ filters: FILTERS });
  } catch (error) {
    reportUnreadable('', error instanceof Error ? error.message : String(error));
    return;
  }
  if (file) await importFileText(file.fileName, file.content, options);
}

function reportExportError(error: unknown): null {
  notify(`Export failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
  return null;
}

/** Export JSON / Save a copy as…: writes one workflow and says where it went. */
export async function exportWorkflowAndReport(workflowId: string): Promise<string | null> {
  const name = useWorkspace.getState().workflows.find((w) => w.id === workflowId)?.name;
  const fileName = await exportWorkflowToFile(workflowId).catch(reportExportError);
  if (fileName) notify(`Exported ${name ?? 'the workflow'} to ${fileName}.`);
  return fileName;
}

/** Export workspace: writes everything and says where it went. */
export async function exportWorkspaceAndReport(): Promise<string | null> {
  const fileName = await exportWorkspaceToFile().catch(reportExportError);
  if (fileName) notify(`Workspace exported to ${fileName}.`);
  return fileName;
}

/**
 * Export for sharing: the open workflow (or, with none open, the workspace) at a redaction level
 * (shared/format/redact.ts), with the manifest of what was removed; says where it went.
 */
export async function exportForSharingAndReport(
  workflowId: string | null,
  level: RedactionLevel,
): Promise<string | null> {
  const state = useWorkspace.getState();
  await state.flush();
  const workflow = workflowId ? state.workflows.find((w) => w.id === workflowId) : undefined;
  const document = await attachRecord(
    workflow
      ? exportWorkflow(workflow, state)
      : exportWorkspace({ workflows: state.workflows, roles: state.roles, customSkills: state.customSkills }),
  );
  const suffix = level === 'full' ? '' : level === 'public' ? ' (public)' : ' (outside HR)';
  const base = workflow ? workflow.name : `workspace-${new Date().toISOString().slice(0, 10)}`;
  const suggestedName = fileNameFor(`${base}${suffix}`);
  try {
    const content = serializeDocument(redactDocument(document, level));
    const result = await getPlatform().saveTextFile({ suggestedName, content, filters: FILTERS });
    const fileName = result.saved ? (result.fileName ?? suggestedName) : null;
    if (fileName) notify(`Exported for sharing to ${fileName}.`);
    return fileName;
  } catch (e) {
    return reportExportError(e);
  }
}
