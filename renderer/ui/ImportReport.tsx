/** Why a file could not be imported: every problem with its JSON path. */
import type { ImportIssue } from '../../shared/format/importer';
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
  return (
    <Dialog
      open={issues !== null}
      onOpenChange={(o) => !o && onClose()}
      role="alertdialog"
      title="The file could not be imported"
      description={`${fileName ? `“${fileName}”` : 'The file'} has ${issues?.length ?? 0} problem${issues?.length === 1 ? '' : 's'}. Nothing was changed in your workspace.`}
      actions={
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      }
    >
      <ul className="import-issues" aria-label="Import problems">
        {(issues ?? []).slice(0, SHOWN).map((issue, i) => (
          <li key={i}>
            <code>{issue.path}</code> {issue.message}
          </li>
        ))}
        {(issues?.length ?? 0) > SHOWN && <li>… and {(issues?.length ?? 0) - SHOWN} more.</li>}
      </ul>
    </Dialog>
  );
}
