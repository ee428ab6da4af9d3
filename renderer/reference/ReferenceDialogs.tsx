/** The reference-data dialogs: linking a task to O*NET, steps from an occupation, the credits. */
import { CreateFromOccupationDialog } from './CreateFromOccupationDialog';
import { OnetLinkDialog } from './OnetLinkDialog';
import { DataSources } from './DataSources';
import { Dialog } from '../ui/Dialog';
import { closeReferenceDialogs, useReferenceUi } from './referenceUi';

export default function ReferenceDialogs() {
  return (
    <>
      <OnetLinkDialog />
      <CreateFromOccupationDialog />
      <CreditsDialog />
    </>
  );
}

function CreditsDialog() {
  const open = useReferenceUi((s) => s.creditsOpen);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && closeReferenceDialogs()}
      title="Data sources and credits"
      actions={
        <button type="button" className="primary" onClick={closeReferenceDialogs} autoFocus>
          Close
        </button>
      }
    >
      <div className="about">
        <DataSources open={open} />
      </div>
    </Dialog>
  );
}
