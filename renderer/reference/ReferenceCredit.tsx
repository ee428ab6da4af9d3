/** The short credit shown wherever reference data is (the full texts are in About › Data sources). */
import './reference.css';
import type { ReferenceIndex } from '../../shared/reference/index';

export function ReferenceCredit({ index }: { index: ReferenceIndex }) {
  const { licence } = index.pack;
  return (
    <p className="reference-credit muted small">
      {licence.sources.map((s) => `${s.name}, ${s.licence}`).join('. ')}. The task data is modified (only the
      columns the app uses are kept). Full credits: Help › About, or “Data sources and credits” in the command
      palette.
    </p>
  );
}

export function NeedsReferenceData({ problem, onImport }: { problem: string | null; onImport(): void }) {
  return (
    <div className="reference-missing" role="status">
      <p>
        Suggestions need reference data. Import the GPTs-are-GPTs label set (<code>full_labelset.tsv</code>)
        or a Coarchitect reference pack.
      </p>
      {problem && <p className="field-error">{problem}</p>}
      <button type="button" onClick={onImport}>
        Import reference data…
      </button>
    </div>
  );
}
