/**
 * "Export for sharing…": choose how much to leave out (Full, Share outside HR, Public) before the file goes
 * to people outside HR or outside the company. What each level removes is said next to it.
 */
import { useId, useState } from 'react';
import { REDACTION_CHOICES, type RedactionLevel } from '../../shared/format/redact';
import { exportForSharingAndReport } from '../exchange';
import { useWorkspace } from '../store/workspaceStore';
import { Dialog } from './Dialog';

export function ShareExportDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const [level, setLevel] = useState<RedactionLevel>('outside-hr');
  const [busy, setBusy] = useState(false);
  const workflow = useWorkspace((s) => s.workflows.find((w) => w.id === s.openWorkflowId));
  const name = useId();
  const what = workflow ? `“${workflow.name}”` : 'the whole workspace';
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title="Export for sharing"
      description={`Exports ${what} as a Coarchitect file. The file lists what was left out, and still opens and analyses.`}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              const saved = await exportForSharingAndReport(workflow?.id ?? null, level);
              setBusy(false);
              if (saved) onClose();
            }}
          >
            Export
          </button>
        </>
      }
    >
      <fieldset className="share-levels">
        <legend>What to leave out</legend>
        {REDACTION_CHOICES.map((choice) => (
          <label key={choice.level} className="share-level">
            <input
              type="radio"
              name={name}
              value={choice.level}
              checked={level === choice.level}
              onChange={() => setLevel(choice.level)}
            />
            <span>
              <strong>{choice.label}</strong>
              <span className="muted small"> — {choice.removes}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}
