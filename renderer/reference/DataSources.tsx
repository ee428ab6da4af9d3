/**
 * About › Data sources: the AI-exposure reference data credited as its licences ask. The credits come from the
 * loaded pack's own licence block; before any data is there, those of the GPTs-are-GPTs label set are shown.
 */
import './reference.css';
import { useEffect } from 'react';
import { labelsetLicence, type LicenceBlock } from '../../shared/reference/index';
import { ensureReference, useReference } from './referenceStore';

export function DataSources({ open }: { open: boolean }) {
  const reference = useReference((s) => s.state);
  useEffect(() => {
    if (open) void ensureReference();
  }, [open]);
  const licence: LicenceBlock =
    reference.status === 'ready' ? reference.index.pack.licence : labelsetLicence();
  const status =
    reference.status === 'ready'
      ? `${reference.index.pack.title}: ${reference.index.pack.tasks.length.toLocaleString('en')} tasks, ${reference.source === 'imported' ? `imported from ${reference.fileName}` : 'shipped with the app'}.`
      : 'No AI-exposure reference data is loaded; once it is, it is credited as follows.';
  return (
    <section aria-labelledby="about-data-sources">
      <h3 id="about-data-sources">Data sources</h3>
      <p className="muted small">{status}</p>
      <ul aria-label="Data source credits">
        {licence.sources.map((source) => (
          <li key={source.name}>
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
      {licence.notices.map((notice) => (
        <details key={notice.name} className="licence-notice">
          <summary>
            {notice.name} ({notice.licence} notice)
          </summary>
          <pre>{notice.text}</pre>
        </details>
      ))}
    </section>
  );
}
