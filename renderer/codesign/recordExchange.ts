/**
 * The co-design record in exports and imports: the section of the exported workflows is read from storage;
 * an imported section is checked (hash chains, signatures), moved onto the ids the workflows were stored
 * with, given fresh row ids, stored, and followed by an automatic "Imported" version of each workflow.
 */
import {
  checkSection,
  createVersion,
  inChainOrder,
  remapSection,
  type CodesignSection,
} from '../../shared/codesign/index';
import type { Role, Workflow } from '../../shared/model/schema';
import * as repo from '../storage/codesignRepository';
import type { CoarchitectDb } from '../storage/db';
import { newId } from '../../shared/model/ids';

export async function recordSectionFor(
  db: CoarchitectDb,
  workflowIds: readonly string[],
): Promise<CodesignSection> {
  const { unreadable: _unreadable, ...section } = await repo.loadRecord(db, workflowIds);
  return section;
}

/**
 * Stores the record that came with imported workflows. `fileIds[i]` is the id the i-th workflow had in the
 * file, `imported[i]` the workflow as stored. Returns the notes for the import report.
 */
export async function importRecordSection(
  db: CoarchitectDb,
  section: CodesignSection | undefined,
  fileIds: readonly string[],
  imported: readonly Workflow[],
  roles: readonly Role[],
): Promise<string[]> {
  const ids = new Map(fileIds.map((id, i) => [id, imported[i]?.id ?? id]));
  const record = section
    ? remapSection(section, ids)
    : { threads: [], decisions: [], versions: [], signoffs: [] };
  const { notes } = await checkSection(record);
  // A version on import: the file's state is where later edits are compared from.
  const at = new Date().toISOString();
  for (const wf of imported) {
    const head = inChainOrder(record.versions.filter((v) => v.workflowId === wf.id)).at(-1) ?? null;
    record.versions.push(
      await createVersion(wf, roles, head, {
        id: newId('version'),
        name: 'Imported from file',
        reason: 'import',
        author: null,
        createdAt: at,
      }),
    );
  }
  await repo.addRecord(db, record);
  const n = section ? section.threads.length + section.decisions.length + section.signoffs.length : 0;
  if (n > 0 || (section?.versions.length ?? 0) > 0) {
    notes.unshift(
      `Co-design record: ${section?.threads.length ?? 0} threads, ${section?.decisions.length ?? 0} decisions, ${section?.versions.length ?? 0} versions, ${section?.signoffs.length ?? 0} sign-offs.`,
    );
  }
  return notes;
}
