/**
 * CTO + CHRO sign-off. A proposal names the version proposed (saved at that moment) and the lint warnings
 * acknowledged; each co-architect adds a signature that records the content hash it saw. The state is
 * always computed, never stored: a signature counts only when its hash is the proposed version's and that
 * version verifies, so a tampered record can never show as signed. Locally a signature is an attestation;
 * the hash chain makes later edits visible.
 */
import { z } from 'zod';
import { AuthorSchema, type CoarchitectRole } from './profile';
import type { VersionCheck } from './versions';

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex');
const isoDate = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

export const SignatureSchema = z.object({
  id: z.string().min(1).max(200),
  signer: AuthorSchema,
  signedAt: isoDate,
  note: z.string().max(2_000, 'note must be at most 2,000 characters').default(''),
  contentHash: Hex64,
});
export type Signature = z.infer<typeof SignatureSchema>;

export const SignOffSchema = z.object({
  id: z.string().min(1).max(200),
  workflowId: z.string().min(1).max(200),
  versionId: z.string().min(1).max(200),
  contentHash: Hex64,
  proposedBy: AuthorSchema,
  proposedAt: isoDate,
  /** Keys of the lint warnings acknowledged one by one when proposing (see findingKey). */
  acknowledged: z.array(z.string().max(500)).default([]),
  signatures: z.array(SignatureSchema).default([]),
});
export type SignOff = z.infer<typeof SignOffSchema>;

/** The roles whose signatures make a redesign signed. */
export const REQUIRED_SIGNERS: readonly CoarchitectRole[] = ['CTO', 'CHRO'];

/** A lint finding's identity for acknowledging it: rule, step and message. */
export const findingKey = (f: { ruleId: string; stepId?: string; message: string }) =>
  `${f.ruleId}|${f.stepId ?? ''}|${f.message}`;

export type SignOffState =
  | { kind: 'none' }
  /** Proposed, waiting for the missing roles' signatures. */
  | { kind: 'proposed'; missing: CoarchitectRole[]; changed: boolean }
  | { kind: 'signed' }
  /** Signed, and the content changed since (moves, comments and lint settings do not count). */
  | { kind: 'changed' };

export interface SignatureCheck {
  signatureId: string;
  valid: boolean;
  /** Why it does not count, in words. */
  reason?: string;
}

export function checkSignatures(signOff: SignOff, versionCheck: VersionCheck | undefined): SignatureCheck[] {
  return signOff.signatures.map((s) => {
    if (!versionCheck) return { signatureId: s.id, valid: false, reason: 'the signed version is missing' };
    if (!versionCheck.ok)
      return { signatureId: s.id, valid: false, reason: 'the signed version does not verify' };
    if (s.contentHash !== signOff.contentHash)
      return { signatureId: s.id, valid: false, reason: 'it signs other content than the proposed version' };
    return { signatureId: s.id, valid: true };
  });
}

/**
 * Where the sign-off of a workflow stands, from its latest proposal, the check of the proposed version and
 * the content hash of the workflow as it is now.
 */
export function signOffState(
  signOff: SignOff | null,
  versionCheck: VersionCheck | undefined,
  currentHash: string,
): SignOffState {
  if (!signOff) return { kind: 'none' };
  const valid = new Set(
    checkSignatures(signOff, versionCheck)
      .filter((c) => c.valid)
      .map((c) => c.signatureId),
  );
  const signedRoles = new Set(signOff.signatures.filter((s) => valid.has(s.id)).map((s) => s.signer.role));
  const missing = REQUIRED_SIGNERS.filter((r) => !signedRoles.has(r));
  const changed = currentHash !== signOff.contentHash;
  if (missing.length > 0) return { kind: 'proposed', missing, changed };
  return changed ? { kind: 'changed' } : { kind: 'signed' };
}

/** The latest proposal of a workflow (proposals are kept; the newest one counts). */
export function latestSignOff(signOffs: readonly SignOff[]): SignOff | null {
  let latest: SignOff | null = null;
  for (const s of signOffs) if (!latest || s.proposedAt > latest.proposedAt) latest = s;
  return latest;
}
