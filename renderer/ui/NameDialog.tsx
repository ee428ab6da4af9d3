/** Asks for a name (new workflow, rename), with the same inline validation as every other field. */
import { useEffect, useState } from 'react';
import { Dialog } from './Dialog';

export interface NameDialogProps {
  open: boolean;
  title: string;
  label: string;
  initial: string;
  confirmLabel: string;
  onCancel(): void;
  onConfirm(name: string): void;
}

export function NameDialog({
  open,
  title,
  label,
  initial,
  confirmLabel,
  onCancel,
  onConfirm,
}: NameDialogProps) {
  const [name, setName] = useState(initial);
  useEffect(() => {
    if (open) setName(initial);
  }, [open, initial]);
  const error =
    name.trim() === ''
      ? `${label} must not be empty.`
      : name.length > 200
        ? `${label} must be at most 200 characters.`
        : null;
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onCancel()} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!error) onConfirm(name.trim());
        }}
      >
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor="name-dialog-input">{label}</label>
          <input
            id="name-dialog-input"
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
          {error && name !== '' && <p className="field-error">{error}</p>}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!!error}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
