/**
 * Versions of a workflow: each stores the model (workflow and the roles it uses) deflated with fflate, in
 * base64 so that a row survives JSON (exports, sealed rows), and two hashes of its semantic content:
 * `contentHash` = sha256(canonical) and `hash` = sha256(prevHash + canonical), chaining every version to the
 * one before it so that editing, re-hashing or reordering a stored version shows. History is append-only:
 * a restore adds versions, it never rewrites one.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { RoleSchema, WorkflowSchema, type Role, type Workflow } from '../model/schema';
import { canonicalJson, rolesUsedBy, semanticContent, sha256Hex } from './hash';
import { AuthorSchema, type Author } from './profile';

export const VERSION_REASONS = ['named', 'import', 'restore', 'sign-off', 'daily'] as const;
export type VersionReason = (typeof VERSION_REASONS)[number];

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex');
const isoDate = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

export const VersionSchema = z.object({
  id: z.string().min(1).max(200),
  workflowId: z.string().min(1).max(200),
  /** Position in the workflow's chain, from 1. */
  seq: z.number().int().min(1),
  name: z.string().trim().min(1, 'version name must not be empty').max(200),
  reason: z.enum(VERSION_REASONS),
  createdAt: isoDate,
  author: AuthorSchema.nullable(),
  /** The previous version's `hash`, or '' for the first. */
  prevHash: z.union([Hex64, z.literal('')]),
  contentHash: Hex64,
  hash: Hex64,
  /** Deflated JSON of { workflow, roles }, base64. */
  data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
export type Version = z.infer<typeof VersionSchema>;

export interface Snapshot {
  workflow: Workflow;
  roles: Role[];
}
const SnapshotSchema = z.object({ workflow: WorkflowSchema, roles: z.array(RoleSchema) });

/** Base64 of bulk bytes (browsers, workers and Node 20+ have atob and btoa; shared/ has no DOM types). */
const web = globalThis as unknown as { atob(text: string): string; btoa(binary: string): string };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return web.btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = web.atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function packSnapshot(snapshot: Snapshot): string {
  return toBase64(deflateSync(strToU8(JSON.stringify(snapshot)), { level: 6 }));
}

/** The stored model of a version, or why it cannot be read. */
export function unpackSnapshot(
  data: string,
): { ok: true; snapshot: Snapshot } | { ok: false; message: string } {
  try {
    const parsed = SnapshotSchema.safeParse(JSON.parse(strFromU8(inflateSync(fromBase64(data)))));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
    }
    return { ok: true, snapshot: parsed.data };
  } catch {
    return { ok: false, message: 'the stored model is not readable' };
  }
}

export interface NewVersion {
  id: string;
  name: string;
  reason: VersionReason;
  author: Author | null;
  createdAt: string;
}

/** A version of `workflow` after `previous` (the head of its chain, or null for the first). */
export async function createVersion(
  workflow: Workflow,
  roles: readonly Role[],
  previous: Pick<Version, 'seq' | 'hash'> | null,
  meta: NewVersion,
): Promise<Version> {
  const canonical = canonicalJson(semanticContent(workflow, roles));
  const prevHash = previous?.hash ?? '';
  const [contentHash, hash] = await Promise.all([sha256Hex(canonical), sha256Hex(prevHash + canonical)]);
  return {
    ...meta,
    workflowId: workflow.id,
    seq: (previous?.seq ?? 0) + 1,
    prevHash,
    contentHash,
    hash,
    data: packSnapshot({ workflow, roles: rolesUsedBy(workflow, roles) }),
  };
}

export type VersionProblem =
  | 'unreadable'
  /** The stored model does not give the recorded content hash (the model or the hash was edited). */
  | 'content-mismatch'
  /** The recorded chain hash is not sha256(prevHash + content). */
  | 'hash-mismatch'
  /** It does not follow the version before it (removed, reordered or re-hashed history). */
  | 'chain-broken';

export interface VersionCheck {
  versionId: string;
  ok: boolean;
  problems: VersionProblem[];
}

export const VERSION_PROBLEM_TEXT: Record<VersionProblem, string> = {
  unreadable: 'its stored model cannot be read',
  'content-mismatch': 'its stored model does not match its content hash',
  'hash-mismatch': 'its chain hash does not match its content',
  'chain-broken': 'it does not follow the version before it',
};

/** Orders a workflow's versions as recorded (by seq, then time). */
export const inChainOrder = (versions: readonly Version[]): Version[] =>
  [...versions].sort((a, b) => a.seq - b.seq || a.createdAt.localeCompare(b.createdAt));

/**
 * Checks every version of one workflow, in chain order. A flagged version stays listed (and its model
 * usable where it can be read); the versions after it are checked against what it records.
 */
export async function verifyChain(versions: readonly Version[]): Promise<Map<string, VersionCheck>> {
  const result = new Map<string, VersionCheck>();
  let previous: Version | null = null;
  for (const v of inChainOrder(versions)) {
    const problems: VersionProblem[] = [];
    const unpacked = unpackSnapshot(v.data);
    if (!unpacked.ok) problems.push('unreadable');
    else {
      const canonical = canonicalJson(semanticContent(unpacked.snapshot.workflow, unpacked.snapshot.roles));
      const [content, chained] = await Promise.all([sha256Hex(canonical), sha256Hex(v.prevHash + canonical)]);
      if (content !== v.contentHash) problems.push('content-mismatch');
      if (chained !== v.hash) problems.push('hash-mismatch');
    }
    const expectedPrev = previous?.hash ?? '';
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (v.prevHash !== expectedPrev || v.seq !== expectedSeq) problems.push('chain-broken');
    result.set(v.id, { versionId: v.id, ok: problems.length === 0, problems });
    previous = v;
  }
  return result;
}
