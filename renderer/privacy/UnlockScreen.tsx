/** Shown while an encrypted workspace is locked: the passphrase, or the recovery code instead. */
import { LockKeyhole } from 'lucide-react';
import { useId, useState } from 'react';
import { unlockWorkspace } from './privacyStore';

export function UnlockScreen() {
  const [kind, setKind] = useState<'passphrase' | 'recovery code'>('passphrase');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = useId();
  const errorId = useId();
  const label = kind === 'passphrase' ? 'Passphrase' : 'Recovery code';

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await unlockWorkspace(secret, kind);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  }

  return (
    <main className="unlock-screen" aria-labelledby="unlock-title">
      <form
        className="unlock-card"
        onSubmit={(e) => {
          e.preventDefault();
          if (secret !== '' && !busy) void submit();
        }}
      >
        <LockKeyhole size={28} aria-hidden />
        <h1 id="unlock-title">Workspace locked</h1>
        <p>This workspace is encrypted on this computer. Enter its {kind} to open it.</p>
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor={fieldId}>{label}</label>
          <input
            id={fieldId}
            type={kind === 'passphrase' ? 'password' : 'text'}
            autoComplete={kind === 'passphrase' ? 'current-password' : 'off'}
            autoFocus
            spellCheck={false}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          {error && (
            <p id={errorId} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button
            type="button"
            onClick={() => {
              setKind(kind === 'passphrase' ? 'recovery code' : 'passphrase');
              setSecret('');
              setError(null);
            }}
          >
            {kind === 'passphrase' ? 'Use recovery code' : 'Use passphrase'}
          </button>
          <button type="submit" className="primary" disabled={secret === '' || busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
      </form>
    </main>
  );
}
