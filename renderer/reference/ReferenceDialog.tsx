/**
 * A dialog that works on the O*NET reference data: it loads the data when it opens, offers to import it
 * when there is none, and shows its content only once the index is ready.
 */
import { useEffect, type ReactNode } from 'react';
import type { ReferenceIndex } from '../../shared/reference/index';
import { Dialog } from '../ui/Dialog';
import { importReferenceAndReport } from './importReference';
import { NeedsReferenceData } from './ReferenceCredit';
import { ensureReference, useReference } from './referenceStore';
import { closeReferenceDialogs } from './referenceUi';

export function ReferenceDialog({
  open,
  title,
  description,
  children,
}: {
  open: boolean;
  title: string;
  description: string;
  /** The content, given the ready index. */
  children: (index: ReferenceIndex) => ReactNode;
}) {
  const reference = useReference((s) => s.state);
  useEffect(() => {
    if (open) void ensureReference();
  }, [open]);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && closeReferenceDialogs()}
      title={title}
      description={description}
    >
      {reference.status === 'ready' && open ? (
        children(reference.index)
      ) : reference.status === 'none' ? (
        <NeedsReferenceData problem={reference.problem} onImport={() => void importReferenceAndReport()} />
      ) : (
        <p role="status">Loading reference data…</p>
      )}
      {reference.status !== 'ready' && (
        <div className="dialog-actions">
          <button type="button" onClick={closeReferenceDialogs}>
            Cancel
          </button>
        </div>
      )}
    </Dialog>
  );
}
