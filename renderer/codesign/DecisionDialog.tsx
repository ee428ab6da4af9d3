/** Records a decision (from scratch, or resolving a thread as one). */
import { useEffect, useState } from 'react';
import { DECISION_STATUSES, type DecisionStatus } from '../../shared/codesign/index';
import { Dialog } from '../ui/Dialog';
import type { DecisionDraft } from './recordStore';

export interface DecisionDialogProps {
  open: boolean;
  initial: DecisionDraft;
  onCancel(): void;
  onConfirm(draft: DecisionDraft): void;
}

export function DecisionDialog({ open, initial, onCancel, onConfirm }: DecisionDialogProps) {
  const [title, setTitle] = useState(initial.title);
  const [context, setContext] = useState(initial.context);
  const [options, setOptions] = useState(initial.options.join('\n'));
  const [decision, setDecision] = useState(initial.decision);
  const [rationale, setRationale] = useState(initial.rationale);
  const [status, setStatus] = useState<DecisionStatus>(initial.status);
  useEffect(() => {
    if (!open) return;
    setTitle(initial.title);
    setContext(initial.context);
    setOptions(initial.options.join('\n'));
    setDecision(initial.decision);
    setRationale(initial.rationale);
    setStatus(initial.status);
  }, [open, initial]);
  const error = title.trim() === '' ? 'A decision needs a title.' : null;
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onCancel()} title="Record a decision">
      <form
        className="decision-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (error) return;
          onConfirm({
            ...initial,
            title: title.trim(),
            context,
            options: options
              .split('\n')
              .map((o) => o.trim())
              .filter(Boolean),
            decision,
            rationale,
            status,
          });
        }}
      >
        <label className="field">
          <span>Decision title</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
        </label>
        {error && <p className="field-error">{error}</p>}
        <label className="field">
          <span>Context</span>
          <textarea rows={3} value={context} onChange={(e) => setContext(e.target.value)} />
        </label>
        <label className="field">
          <span>Options (one per line)</span>
          <textarea rows={2} value={options} onChange={(e) => setOptions(e.target.value)} />
        </label>
        <label className="field">
          <span>Decision</span>
          <textarea rows={2} value={decision} onChange={(e) => setDecision(e.target.value)} />
        </label>
        <label className="field">
          <span>Rationale</span>
          <textarea rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} />
        </label>
        <label className="field">
          <span>Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as DecisionStatus)}>
            {DECISION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={error !== null}>
            Record decision
          </button>
        </div>
      </form>
    </Dialog>
  );
}
