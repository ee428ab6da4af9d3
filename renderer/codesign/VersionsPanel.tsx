/**
 * The Versions tab: the sign-off of the redesign (propose, sign, its state) and the list of versions (name
 * one, compare with one, restore one as a new head, delete one that is not signed). Each version shows
 * whether its hash verifies; a flagged one stays listed and usable where its model can be read.
 */
import { useMemo, useState } from 'react';
import {
  authorLabel,
  checkSignatures,
  findingKey,
  inChainOrder,
  latestSignOff,
  signOffState,
  VERSION_PROBLEM_TEXT,
  type Version,
} from '../../shared/codesign/index';
import type { LintResult } from '../../shared/lint/index';
import type { Workflow } from '../../shared/model/schema';
import { Dialog } from '../ui/Dialog';
import { NameDialog } from '../ui/NameDialog';
import { compareWithVersion } from './versionCompare';
import {
  deleteVersionById,
  proposeForSignOff,
  restoreVersion,
  saveVersion,
  signProposal,
  useRecord,
} from './recordStore';
import { useContentHash } from './useContentHash';

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const REASON_LABELS: Record<Version['reason'], string> = {
  named: 'named',
  import: 'automatic: imported',
  restore: 'automatic: restore',
  'sign-off': 'automatic: proposed for sign-off',
  daily: 'automatic: daily',
};

export function VersionsPanel({ workflow, lint }: { workflow: Workflow; lint: LintResult }) {
  const versions = useRecord((s) => s.versions);
  const checks = useRecord((s) => s.checks);
  // Subscribed, so a signature marks its version at once (and disables its Delete).
  const signoffs = useRecord((s) => s.signoffs);
  const signedIds = useMemo(
    () => new Set(signoffs.filter((s) => s.signatures.length > 0).map((s) => s.versionId)),
    [signoffs],
  );
  const [naming, setNaming] = useState(false);
  const ordered = useMemo(() => inChainOrder(versions).reverse(), [versions]);
  return (
    <section className="versions" aria-label="Versions and sign-off">
      <SignOffSection workflow={workflow} lint={lint} />
      <h3>Versions</h3>
      <button type="button" onClick={() => setNaming(true)}>
        Name a version…
      </button>
      {ordered.length === 0 ? (
        <p>No versions yet. Name one to keep this state; some are saved automatically.</p>
      ) : (
        <ul className="version-list" aria-label="Versions">
          {ordered.map((v) => {
            const check = checks.get(v.id);
            const signed = signedIds.has(v.id);
            return (
              <li key={v.id} aria-label={`Version ${v.name}`} className={check && !check.ok ? 'flagged' : ''}>
                <div>
                  <strong>{v.name}</strong> <span className="comment-meta">#{v.seq}</span>
                  {signed && <span className="badge signed-badge">signed</span>}
                </div>
                <div className="comment-meta">
                  {when(v.createdAt)} · {v.author ? authorLabel(v.author) : 'automatic'} ·{' '}
                  {REASON_LABELS[v.reason]}
                </div>
                <div className="comment-meta" title={`SHA-256 ${v.hash}`}>
                  {!check
                    ? 'Checking…'
                    : check.ok
                      ? `Verified · ${v.contentHash.slice(0, 12)}`
                      : `⚠ Does not verify: ${check.problems.map((p) => VERSION_PROBLEM_TEXT[p]).join('; ')}`}
                </div>
                <div className="version-actions">
                  <button
                    type="button"
                    aria-label={`Compare with ${v.name}`}
                    onClick={() => compareWithVersion(v)}
                  >
                    Compare
                  </button>
                  <button
                    type="button"
                    aria-label={`Restore ${v.name}`}
                    onClick={() => void restoreVersion(workflow, v.id)}
                  >
                    Restore
                  </button>
                  <button
                    type="button"
                    aria-label={`Delete ${v.name}`}
                    disabled={signed}
                    title={signed ? 'A signed version cannot be deleted' : undefined}
                    onClick={() => void deleteVersionById(v.id)}
                  >
                    Delete
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <NameDialog
        open={naming}
        title="Name a version"
        label="Version name"
        initial=""
        confirmLabel="Save version"
        onCancel={() => setNaming(false)}
        onConfirm={(name) => {
          setNaming(false);
          void saveVersion(workflow, name, 'named');
        }}
      />
    </section>
  );
}

function SignOffSection({ workflow, lint }: { workflow: Workflow; lint: LintResult }) {
  const signoffs = useRecord((s) => s.signoffs);
  const checks = useRecord((s) => s.checks);
  const versions = useRecord((s) => s.versions);
  const profile = useRecord((s) => s.profile);
  const hash = useContentHash(workflow);
  const [proposing, setProposing] = useState(false);
  const [signing, setSigning] = useState(false);
  const signOff = useMemo(() => latestSignOff(signoffs), [signoffs]);
  const check = signOff ? checks.get(signOff.versionId) : undefined;
  const state = hash === null ? null : signOffState(signOff, check, hash);
  const signedVersion = signOff ? versions.find((v) => v.id === signOff.versionId) : undefined;
  const sigChecks = signOff ? checkSignatures(signOff, check) : [];

  let status: string;
  if (state === null) status = 'Checking…';
  else if (state.kind === 'none') status = 'Not proposed for sign-off';
  else if (state.kind === 'proposed')
    status = `Proposed: waiting for ${state.missing.join(' and ')}${state.changed ? ' (changed since proposed: propose again)' : ''}`;
  else if (state.kind === 'signed') status = 'Signed';
  else status = 'Changed since sign-off';

  return (
    <section className="signoff" aria-label="Sign-off">
      <h3>Sign-off</h3>
      <p className={`signoff-state ${state?.kind ?? ''}`} role="status">
        {status}
      </p>
      {state?.kind === 'changed' && signedVersion && (
        <button type="button" onClick={() => compareWithVersion(signedVersion)}>
          Show changes since sign-off
        </button>
      )}
      {signOff && (
        <ul className="signatures" aria-label="Signatures">
          {signOff.signatures.map((s) => {
            const c = sigChecks.find((x) => x.signatureId === s.id);
            return (
              <li key={s.id}>
                {c?.valid ? '✓' : '⚠'} {authorLabel(s.signer)} · {when(s.signedAt)}
                {s.note && ` · “${s.note}”`}
                {c && !c.valid && <span className="field-error"> Not valid: {c.reason}</span>}
              </li>
            );
          })}
        </ul>
      )}
      <div className="version-actions">
        <button type="button" onClick={() => setProposing(true)}>
          Propose for sign-off…
        </button>
        {signOff && state?.kind === 'proposed' && !state.changed && (
          <button type="button" onClick={() => setSigning(true)}>
            {profile ? `Sign as ${authorLabel(profile)}…` : 'Sign…'}
          </button>
        )}
      </div>
      <ProposeDialog
        open={proposing}
        lint={lint}
        onCancel={() => setProposing(false)}
        onConfirm={(ack) => {
          setProposing(false);
          void proposeForSignOff(workflow, ack);
        }}
      />
      <SignDialog
        open={signing}
        onCancel={() => setSigning(false)}
        onConfirm={(note) => {
          setSigning(false);
          if (hash) void signProposal(hash, note);
        }}
      />
    </section>
  );
}

function ProposeDialog({
  open,
  lint,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  lint: LintResult;
  onCancel(): void;
  onConfirm(acknowledged: string[]): void;
}) {
  const errors = lint.findings.filter((f) => f.severity === 'error');
  const warnings = lint.findings.filter((f) => f.severity === 'warning');
  const [acked, setAcked] = useState<ReadonlySet<string>>(new Set());
  const allAcked = warnings.every((w) => acked.has(findingKey(w)));
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && onCancel()}
      title="Propose for sign-off"
      description="Saves a version of the workflow as it is now; the CTO and the CHRO then each sign it."
    >
      {errors.length > 0 && (
        <div role="alert">
          <p>
            {errors.length} governance error{errors.length === 1 ? '' : 's'} must be fixed first (Problems
            tab):
          </p>
          <ul>
            {errors.map((e) => (
              <li key={findingKey(e)}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <fieldset className="field">
          <legend>Acknowledge each warning</legend>
          {warnings.map((w) => {
            const key = findingKey(w);
            return (
              <label key={key} className="ack">
                <input
                  type="checkbox"
                  checked={acked.has(key)}
                  onChange={(e) => {
                    const next = new Set(acked);
                    if (e.target.checked) next.add(key);
                    else next.delete(key);
                    setAcked(next);
                  }}
                />{' '}
                {w.message}
              </label>
            );
          })}
        </fieldset>
      )}
      {errors.length === 0 && warnings.length === 0 && <p>No governance errors or warnings.</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={errors.length > 0 || !allAcked}
          onClick={() => onConfirm([...acked])}
        >
          Propose
        </button>
      </div>
    </Dialog>
  );
}

function SignDialog({
  open,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  onCancel(): void;
  onConfirm(note: string): void;
}) {
  const [note, setNote] = useState('');
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && onCancel()}
      title="Sign the redesign"
      description="Your signature records your name, role, the time and the content hash of the proposed version."
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(note);
          setNote('');
        }}
      >
        <label className="field">
          <span>Note</span>
          <textarea rows={3} value={note} maxLength={2_000} onChange={(e) => setNote(e.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Sign
          </button>
        </div>
      </form>
    </Dialog>
  );
}
