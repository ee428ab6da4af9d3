/**
 * The co-design record in exports and imports: the section of the exported workflows is read from storage
 * and attached to the document; an imported section is moved onto the ids the workflows were stored with,
 * given fresh row ids, checked (hash chains, signatures: what does not verify is kept and flagged) and stored.
 */
import { checkSection, remapSection, type CodesignSection } from '../../shared/codesign/index';
import type { CoarchitectDocument } from '../../shared/format/document';
import type { Workflow } from '../../shared/model/schema';
import * as repo from '../storage/codesignRepository';
import type { CoarchitectDb } from '../storage/db';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

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
): Promise<string[]> {
  if (!section) return [];
  const ids = new Map(fileIds.map((id, i) => [id, imported[i]?.id ?? id]));
  const record = section
    ? remapSection(section, ids)
    : { threads: [], decisions: [], versions: [], signoffs: [] };
  const { notes } = await checkSection(record);
  await repo.addRecord(db, record);
  const { threads, decisions, versions, signoffs } = record;
  if (threads.length + decisions.length + versions.length + signoffs.length > 0) {
    notes.unshift(
      `Co-design record: ${plural(threads.length, 'thread')}, ${plural(decisions.length, 'decision')}, ${plural(versions.length, 'version')}, ${plural(signoffs.length, 'sign-off')}.`,
    );
  }
  return notes;
}

/** The document with the co-design record of its workflows (left out when there is none). */
export async function withRecord<D extends CoarchitectDocument>(db: CoarchitectDb, doc: D): Promise<D> {
  const ids = doc.format === 'coarchitect.workflow' ? [doc.workflow.id] : doc.workflows.map((w) => w.id);
  const section = await recordSectionFor(db, ids);
  const empty =
    section.threads.length + section.decisions.length + section.versions.length + section.signoffs.length ===
    0;
  return empty ? doc : { ...doc, codesign: section };
}
