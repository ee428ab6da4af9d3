/**
 * One skills ontology across teams: exports this workspace's own skills as a `coarchitect.skills` file and
 * imports one, showing what it would add, rename, retire or restore (and what conflicts) before applying it.
 */
import { Download, Upload } from 'lucide-react';
import { useState } from 'react';
import {
  MAX_SKILLS_FILE_BYTES,
  SKILLS_FILE_EXTENSION,
  exportSkillsFile,
  parseSkillsFile,
  planOntologyMerge,
  serializeSkillsFile,
  type OntologyMergePlan,
} from '../../shared/ontology/skillsFile';
import { getPlatform } from '../platform/index';
import { notify } from '../store/notifications';
import { useWorkspace } from '../store/workspaceStore';
import { Dialog } from '../ui/Dialog';

const FILTERS = [
  { name: 'Coarchitect skills', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

async function exportOntology(): Promise<void> {
  const { customSkills } = useWorkspace.getState();
  const suggestedName = `skills-${new Date().toISOString().slice(0, 10)}${SKILLS_FILE_EXTENSION}`;
  try {
    const result = await getPlatform().saveTextFile({
      suggestedName,
      content: serializeSkillsFile(exportSkillsFile(customSkills)),
      filters: FILTERS,
    });
    if (result.saved)
      notify(
        `Exported ${customSkills.length} skill${customSkills.length === 1 ? '' : 's'} to ${result.fileName ?? suggestedName}.`,
      );
  } catch (error) {
    notify(`Export failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}

interface Pending {
  fileName: string;
  plan: OntologyMergePlan | null;
  problems: string[];
}

/** Reads and checks a skills file; the plan says what importing it would change here. */
async function readOntologyFile(): Promise<Pending | null> {
  const file = await getPlatform().openTextFile({ filters: FILTERS });
  if (!file) return null;
  if (file.content.length > MAX_SKILLS_FILE_BYTES)
    return {
      fileName: file.fileName,
      plan: null,
      problems: [`The file is larger than ${MAX_SKILLS_FILE_BYTES / 1024 / 1024} MB; nothing was read.`],
    };
  const parsed = parseSkillsFile(file.content);
  if (!parsed.ok)
    return {
      fileName: file.fileName,
      plan: null,
      problems: parsed.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)),
    };
  return {
    fileName: file.fileName,
    plan: planOntologyMerge(parsed.file, useWorkspace.getState().customSkills),
    problems: [],
  };
}

export function OntologyExchange() {
  const [pending, setPending] = useState<Pending | null>(null);
  const close = () => setPending(null);
  const importOntology = async () => {
    try {
      setPending(await readOntologyFile());
    } catch (error) {
      notify(
        `The file could not be read: ${error instanceof Error ? error.message : String(error)}`,
        'error',
      );
    }
  };
  const apply = async () => {
    const plan = pending?.plan;
    close();
    if (!plan || plan.skills.length === 0) return;
    await useWorkspace.getState().mergeCustomSkills(plan.skills);
    notify(`Skills ontology merged: ${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'}.`);
  };
  const plan = pending?.plan ?? null;
  const changes = plan?.changes.length ?? 0;
  return (
    <div className="ontology-exchange" role="group" aria-label="Share the skills ontology">
      <button type="button" onClick={() => void exportOntology()}>
        <Download size={16} aria-hidden /> Export ontology…
      </button>
      <button type="button" onClick={() => void importOntology()}>
        <Upload size={16} aria-hidden /> Import ontology…
      </button>
      <Dialog
        open={pending !== null}
        onOpenChange={(open) => !open && close()}
        title={plan ? 'Import skills ontology' : 'This skills file cannot be imported'}
        description={pending?.fileName}
        actions={
          <>
            <button type="button" onClick={close}>
              {plan && changes > 0 ? 'Cancel' : 'Close'}
            </button>
            {plan && changes > 0 && (
              <button type="button" className="primary" onClick={() => void apply()}>
                Apply {changes} change{changes === 1 ? '' : 's'}
              </button>
            )}
          </>
        }
      >
        {pending && !plan && (
          <ul aria-label="Problems">
            {pending.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
        {plan && (
          <>
            <p>
              {changes === 0
                ? 'Nothing to change: every skill of the file is already here as it is.'
                : `Importing merges by id and by external reference; workflows and levels keep pointing at the same skills.`}
              {plan.unchanged > 0 &&
                ` ${plan.unchanged} skill${plan.unchanged === 1 ? ' is' : 's are'} unchanged.`}
            </p>
            {changes > 0 && (
              <ul aria-label="Changes">
                {plan.changes.map((c, i) => (
                  <li key={i}>{c.summary}</li>
                ))}
              </ul>
            )}
            {plan.conflicts.length > 0 && (
              <>
                <h3>Not imported</h3>
                <ul aria-label="Conflicts">
                  {plan.conflicts.map((c, i) => (
                    <li key={i}>{c.message}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </Dialog>
    </div>
  );
}
