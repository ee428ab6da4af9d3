/** Export and import of `coarchitect.workspace.encrypted` files through the platform's file dialogs. */
import {
  decryptDocumentText,
  encryptDocumentText,
  ENCRYPTED_FILE_EXTENSION,
} from '../../shared/encryption/encryptedExport';
import { exportWorkspace, serializeDocument } from '../../shared/format/document';
import { getPlatform } from '../platform/index';
import { useWorkspace, workspaceDatabase, type ImportOutcome } from '../store/workspaceStore';

const FILTERS = [
  { name: 'Encrypted Coarchitect workspace', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

export async function exportEncryptedWorkspace(passphrase: string): Promise<string | null> {
  const state = useWorkspace.getState();
  await state.flush();
  const { workflows, roles, customSkills } = useWorkspace.getState();
  const { withRecord } = await import('../codesign/recordExchange');
  const doc = await withRecord(workspaceDatabase(), exportWorkspace({ workflows, roles, customSkills }));
  const text = serializeDocument(doc);
  const content = await encryptDocumentText(text, passphrase);
  const suggestedName = `workspace-${new Date().toISOString().slice(0, 10)}${ENCRYPTED_FILE_EXTENSION}`;
  const result = await getPlatform().saveTextFile({ suggestedName, content, filters: FILTERS });
  return result.saved ? (result.fileName ?? suggestedName) : null;
}

/** Null when the user cancelled; a wrong passphrase or a damaged file throws with a clear message. */
export async function importEncryptedWorkspace(passphrase: string): Promise<ImportOutcome | null> {
  const file = await getPlatform().openTextFile({ filters: FILTERS });
  if (!file) return null;
  const text = await decryptDocumentText(file.content, passphrase);
  return useWorkspace.getState().importText(text);
}
