/**
 * The content hash of a workflow: SHA-256 (WebCrypto) of the RFC 8785 canonical JSON of its semantic
 * content. Positions, the story, timestamps and lint settings are left out, so moving steps or editing the
 * presentation never changes it; comments and decisions live beside the workflow and never reach it.
 */
import canonicalize from 'canonicalize';
import type { Role, Workflow } from '../model/schema';

/** Workflow fields that are not content: its storage id (a copy gets another), how it is presented, when saved. */
const NON_SEMANTIC_WORKFLOW_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'story', 'lintSettings']);
const SEMANTIC_ROLE_FIELDS = ['id', 'name', 'headcount', 'hoursPerWeek', 'costPerHour'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The roles the workflow's steps are done by (or coached by): their figures change the analysis. */
export function rolesUsedBy(workflow: Workflow, roles: readonly Role[]): Role[] {
  const used = new Set<string>();
  for (const s of workflow.steps) {
    if (s.type !== 'task' && s.type !== 'review') continue;
    if (s.roleId !== null) used.add(s.roleId);
    if (s.coaching?.coachRoleId) used.add(s.coaching.coachRoleId);
  }
  return roles.filter((r) => used.has(r.id));
}

/** What a change must touch to count as a change of content (see the sign-off invalidation matrix). */
export function semanticContent(workflow: Workflow, roles: readonly Role[]): Json {
  const wf: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(workflow)) {
    if (!NON_SEMANTIC_WORKFLOW_FIELDS.has(key)) wf[key] = value;
  }
  wf.steps = workflow.steps.map((step) => {
    const { position: _position, ...rest } = step;
    return rest;
  });
  const usedRoles = rolesUsedBy(workflow, roles)
    .map((r) => Object.fromEntries(SEMANTIC_ROLE_FIELDS.map((k) => [k, r[k]])))
    .sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
  return JSON.parse(JSON.stringify({ workflow: wf, roles: usedRoles })) as Json;
}

/** RFC 8785 canonical JSON: keys sorted by UTF-16 code units, numbers as ECMAScript prints them. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('the value has no JSON form');
  return text;
}

/** The slice of WebCrypto used here (browsers, workers and Node 20+ have it; shared/ has no DOM types). */
const web = globalThis as unknown as {
  crypto: { subtle: { digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> } };
  TextEncoder: new () => { encode(text: string): Uint8Array<ArrayBuffer> };
};

export async function sha256Hex(text: string): Promise<string> {
  const digest = await web.crypto.subtle.digest('SHA-256', new web.TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The content hash a signature and a version record. */
export function contentHash(workflow: Workflow, roles: readonly Role[]): Promise<string> {
  return sha256Hex(canonicalJson(semanticContent(workflow, roles)));
}
