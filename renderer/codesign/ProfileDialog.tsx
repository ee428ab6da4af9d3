/** Asks once for the local profile (display name and co-architect role); "Edit profile…" opens it again. */
import { useEffect, useState } from 'react';
import { COARCHITECT_ROLES, ProfileSchema, type CoarchitectRole } from '../../shared/codesign/index';
import { Dialog } from '../ui/Dialog';
import { closeProfileDialog, useRecord } from './recordStore';

const ROLE_LABELS: Record<CoarchitectRole, string> = { CTO: 'CTO', CHRO: 'CHRO', other: 'Other' };

export function ProfileDialog() {
  const open = useRecord((s) => s.profileDialog);
  const profile = useRecord((s) => s.profile);
  const [name, setName] = useState('');
  const [role, setRole] = useState<CoarchitectRole>('CTO');
  useEffect(() => {
    if (!open) return;
    setName(profile?.name ?? '');
    setRole(profile?.role ?? 'CTO');
  }, [open, profile]);
  const parsed = ProfileSchema.safeParse({ name, role });
  const error = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'invalid profile');
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && void closeProfileDialog(null)}
      title="Your profile"
      description="Your name and role author your comments, decisions and signatures. Stored on this computer only."
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (parsed.success) void closeProfileDialog(parsed.data);
        }}
      >
        <label className="field">
          <span>Display name</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error !== null && name !== ''}
            autoFocus
          />
        </label>
        <fieldset className="field profile-roles">
          <legend>Co-architect role</legend>
          {COARCHITECT_ROLES.map((r) => (
            <label key={r}>
              <input type="radio" name="profile-role" checked={role === r} onChange={() => setRole(r)} />{' '}
              {ROLE_LABELS[r]}
            </label>
          ))}
        </fieldset>
        {error && name !== '' && <p className="field-error">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={() => void closeProfileDialog(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!parsed.success}>
            Save profile
          </button>
        </div>
      </form>
    </Dialog>
  );
}
