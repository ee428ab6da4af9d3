/**
 * "Privacy & encryption": turn encryption at rest on (with the plain warning and the recovery code shown
 * once), lock now, change the passphrase, the idle lock, encrypted export and import, or turn it off.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { Dialog } from '../ui/Dialog';
import { notify } from '../store/notifications';
import { useWorkspace } from '../store/workspaceStore';
import { exportEncryptedWorkspace, importEncryptedWorkspace } from './encryptedFiles';
import {
  changeIdleLock,
  changePassphrase,
  refreshPrivacy,
  turnOffEncryption,
  turnOnEncryption,
  usePrivacy,
} from './privacyStore';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function Field(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'password' | 'number' | 'text';
  hint?: ReactNode;
  autoComplete?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'password'}
        value={props.value}
        autoComplete={props.autoComplete ?? 'new-password'}
        spellCheck={false}
        {...(props.type === 'number' ? { min: 0, max: 1440, step: 'any' } : {})}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && <p className="field-hint">{props.hint}</p>}
    </div>
  );
}

/** The idle lock, the same field when turning encryption on and when changing it later. */
function IdleLockField(props: { value: string; onChange(value: string): void }) {
  return <Field label="Lock after idle (minutes)" type="number" hint="0 never locks." {...props} />;
}

function useAction() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(task: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, run, setError };
}

export function PrivacyDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const encrypted = usePrivacy((s) => s.encrypted);
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  useEffect(() => {
    if (open) void refreshPrivacy();
  }, [open]);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && !recoveryCode && onClose()}
      title="Privacy & encryption"
      description="Encryption at rest keeps workflows, roles, people and their history unreadable on this computer without your passphrase."
    >
      {recoveryCode ? (
        <RecoveryCodeOnce
          code={recoveryCode}
          onDone={() => {
            setRecoveryCode(null);
            onClose();
          }}
        />
      ) : encrypted ? (
        <EncryptedSettings onClose={onClose} />
      ) : (
        <TurnOn onEnabled={setRecoveryCode} onCancel={onClose} />
      )}
      {!recoveryCode && <EncryptedFileSection />}
    </Dialog>
  );
}

function TurnOn({ onEnabled, onCancel }: { onEnabled(code: string): void; onCancel(): void }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [minutes, setMinutes] = useState('15');
  const [understood, setUnderstood] = useState(false);
  const { error, busy, run } = useAction();
  const idle = Number(minutes);
  const problem =
    passphrase.length < 8
      ? 'Choose a passphrase of at least 8 characters.'
      : repeat !== passphrase
        ? 'The two passphrases differ.'
        : !(idle >= 0 && idle <= 1440)
          ? 'Lock after idle must be between 0 and 1440 minutes.'
          : !understood
            ? 'Confirm that you understand the warning.'
            : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) void run(async () => onEnabled(await turnOnEncryption(passphrase, idle)));
      }}
    >
      <p className="privacy-warning" role="note">
        <strong>If you lose the passphrase and the recovery code, the data is lost.</strong> Nobody, including
        Coarchitect, can open an encrypted workspace without one of them.
      </p>
      <Field label="New passphrase" value={passphrase} onChange={setPassphrase} />
      <Field label="Repeat passphrase" value={repeat} onChange={setRepeat} />
      <IdleLockField value={minutes} onChange={setMinutes} />
      <label className="checkbox">
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />I
        understand that a lost passphrase without the recovery code means lost data
      </label>
      {(error ?? (passphrase && problem)) && (
        <p className="field-error" role="alert">
          {error ?? problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!!problem || busy}>
          {busy ? 'Encrypting…' : 'Encrypt workspace'}
        </button>
      </div>
    </form>
  );
}

function RecoveryCodeOnce({ code, onDone }: { code: string; onDone(): void }) {
  return (
    <div>
      <p>
        The workspace is encrypted. This is your recovery code: it opens the workspace if the passphrase is
        lost. It is shown only now; write it down or store it in a password manager.
      </p>
      <p className="recovery-code" aria-label="Recovery code">
        <code>{code}</code>
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={() => void navigator.clipboard?.writeText(code)}>
          Copy recovery code
        </button>
        <button type="button" className="primary" onClick={onDone}>
          I have saved the recovery code
        </button>
      </div>
    </div>
  );
}

function EncryptedSettings({ onClose }: { onClose(): void }) {
  const idleLockMinutes = usePrivacy((s) => s.idleLockMinutes);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [minutes, setMinutes] = useState(String(idleLockMinutes));
  const { error, busy, run } = useAction();
  useEffect(() => setMinutes(String(idleLockMinutes)), [idleLockMinutes]);
  return (
    <div className="privacy-settings">
      <p>
        This workspace is encrypted (AES-256-GCM; the key is derived from your passphrase with PBKDF2-SHA-256,
        600,000 iterations).
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="privacy-lock">
        <h3 id="privacy-lock">Locking</h3>
        <IdleLockField value={minutes} onChange={setMinutes} />
        <div className="dialog-actions">
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await changeIdleLock(Number(minutes));
                notify(`The workspace now locks after ${Number(minutes)} idle minutes.`);
              })
            }
          >
            Save idle lock
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                onClose();
                await useWorkspace.getState().lock();
              })
            }
          >
            Lock now
          </button>
        </div>
      </section>
      <section aria-labelledby="privacy-passphrase">
        <h3 id="privacy-passphrase">Change passphrase</h3>
        <Field
          label="Current passphrase"
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
        />
        <Field label="New passphrase" value={next} onChange={setNext} />
        <div className="dialog-actions">
          <button
            type="button"
            disabled={busy || !current || next.length < 8}
            onClick={() =>
              void run(async () => {
                await changePassphrase(current, next);
                setCurrent('');
                setNext('');
                notify('Passphrase changed. The recovery code still works.');
              })
            }
          >
            Change passphrase
          </button>
        </div>
      </section>
      <section aria-labelledby="privacy-off">
        <h3 id="privacy-off">Turn off</h3>
        <div className="dialog-actions">
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => void run(turnOffEncryption)}
          >
            Decrypt workspace
          </button>
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </section>
    </div>
  );
}

/** Encrypted export and import, whether or not the workspace itself is encrypted. */
function EncryptedFileSection() {
  const [filePassphrase, setFilePassphrase] = useState('');
  const { error, busy, run } = useAction();
  return (
    <section aria-labelledby="privacy-files">
      <h3 id="privacy-files">Encrypted file</h3>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <Field
        label="File passphrase"
        value={filePassphrase}
        onChange={setFilePassphrase}
        hint="Protects the exported file; tell the recipient separately."
      />
      <div className="dialog-actions">
        <button
          type="button"
          disabled={busy || filePassphrase.length < 8}
          onClick={() =>
            void run(async () => {
              const name = await exportEncryptedWorkspace(filePassphrase);
              if (name) notify(`Encrypted workspace exported to ${name}.`);
            })
          }
        >
          Export encrypted workspace…
        </button>
        <button
          type="button"
          disabled={busy || filePassphrase === ''}
          onClick={() =>
            void run(async () => {
              const outcome = await importEncryptedWorkspace(filePassphrase);
              if (!outcome) return;
              if (!outcome.ok)
                throw new Error(outcome.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
              notify(outcome.summary);
            })
          }
        >
          Import encrypted workspace…
        </button>
      </div>
    </section>
  );
}
