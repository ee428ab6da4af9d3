/** Why a file could not be imported: every problem with its JSON path, and its line and column where known. */
import { problemCount, type ImportIssue } from '../../shared/format/importer';
import { excerpt } from '../../shared/format/excerpt';
import { Dialog } from './Dialog';

const SHOWN = 50;

export function ImportReport({
  fileName,
  issues,
  onClose,
}: {
  fileName: string;
  issues: readonly ImportIssue[] | null;
  onClose(): void;
}) {
  const count = problemCount(issues ?? []);
  return (
    <Dialog
      open={issues !== null}
      onOpenChange={(o) => !o && onClose()}
      role="alertdialog"
      title="The file could not be imported"
      description={`${fileName ? `“${excerpt(fileName, 80)}”` : 'The file'} has ${count.toLocaleString('en-US')} problem${count === 1 ? '' : 's'}. Nothing was changed in your workspace.`}
      actions={
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      }
    >
      <ul className="import-issues" aria-label="Import problems">
        {(issues ?? []).slice(0, SHOWN).map((issue, i) => (
          <li key={i}>
            <code>{issue.path}</code>
            {issue.line !== undefined && ` (line ${issue.line}, column ${issue.column ?? 1})`} {issue.message}
          </li>
        ))}
        {count > SHOWN && <li>… and {(count - SHOWN).toLocaleString('en-US')} more.</li>}
      </ul>
    </Dialog>
  );
}
