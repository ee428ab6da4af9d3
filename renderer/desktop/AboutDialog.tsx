/** Help › About: the version, the licences, and the credits of the skills ontology and the reference data. */
import { version } from '../../package.json';
import { ONTOLOGY_SOURCES } from '../../shared/ontology/builtin';
import { Dialog } from '../ui/Dialog';
import { DataSources } from '../reference/DataSources';

/** The libraries the app ships, with their licences (all permissive; full texts are in their packages). */
const THIRD_PARTY = [
  ['Electron', 'MIT'],
  ['React', 'MIT'],
  ['React Flow (@xyflow/react)', 'MIT'],
  ['zustand', 'MIT'],
  ['Dexie', 'Apache-2.0'],
  ['zod', 'MIT'],
  ['Radix UI', 'MIT'],
  ['Lucide icons', 'ISC'],
  ['html-to-image', 'MIT'],
  ['fflate', 'MIT'],
] as const;

export function AboutDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title="About Coarchitect"
      description={`Version ${version}. Redesign work at the task level for the AI era. MIT licence.`}
      actions={
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      }
    >
      <div className="about">
        <h3>Skills ontology</h3>
        <ul aria-label="Ontology credits">
          {ONTOLOGY_SOURCES.map((source) => (
            <li key={source.id}>
              <strong>
                {source.url ? (
                  <a href={source.url} target="_blank" rel="noopener noreferrer">
                    {source.name}
                  </a>
                ) : (
                  source.name
                )}
              </strong>{' '}
              — {source.licence}. <span className="muted">{source.attribution}</span>
            </li>
          ))}
        </ul>
        <DataSources open={open} />
        <h3>Open-source software</h3>
        <ul aria-label="Licences" className="about-licences">
          {THIRD_PARTY.map(([name, licence]) => (
            <li key={name}>
              {name} <span className="muted">({licence})</span>
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
