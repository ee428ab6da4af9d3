/**
 * Comment threads and decisions, kept beside a workflow (never inside it: they change neither its content
 * hash nor its undo history). A thread is anchored to a step, a connection, a role or the workflow; the
 * anchor remembers the name it had, so a thread on a deleted step still says where it was.
 */
import { z } from 'zod';
import type { Role, Workflow } from '../model/schema';
import { AuthorSchema, type Profile } from './profile';

const id = z.string().min(1).max(200);
const isoDate = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });
/** Longest comment kept; the canvas pin clips far shorter (clipText). */
export const COMMENT_MAX = 10_000;

export const AnchorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('workflow') }),
  z.object({ kind: z.literal('step'), stepId: id, name: z.string().max(200) }),
  z.object({ kind: z.literal('connection'), edgeId: id, name: z.string().max(500) }),
  z.object({ kind: z.literal('role'), roleId: id, name: z.string().max(200) }),
]);
export type Anchor = z.infer<typeof AnchorSchema>;

export const CommentSchema = z.object({
  id,
  author: AuthorSchema,
  createdAt: isoDate,
  text: z
    .string()
    .trim()
    .min(1, 'a comment must not be empty')
    .max(COMMENT_MAX, `a comment must be at most ${COMMENT_MAX.toLocaleString('en')} characters`),
});
export type Comment = z.infer<typeof CommentSchema>;

export const ThreadSchema = z.object({
  id,
  workflowId: id,
  anchor: AnchorSchema,
  status: z.enum(['open', 'resolved']),
  createdAt: isoDate,
  comments: z.array(CommentSchema).min(1, 'a thread has at least one comment'),
  resolvedAt: isoDate.nullable().default(null),
  /** The decision this thread was resolved as, if any. */
  decisionId: id.nullable().default(null),
});
export type Thread = z.infer<typeof ThreadSchema>;

export const DECISION_STATUSES = ['proposed', 'accepted', 'superseded'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const DecisionSchema = z.object({
  id,
  workflowId: id,
  title: z.string().trim().min(1, 'a decision needs a title').max(300),
  context: z.string().max(COMMENT_MAX).default(''),
  options: z.array(z.string().max(1_000)).max(50).default([]),
  decision: z.string().max(COMMENT_MAX).default(''),
  rationale: z.string().max(COMMENT_MAX).default(''),
  decidedBy: AuthorSchema,
  /** The day it was decided (YYYY-MM-DD). */
  date: z.iso.date({ error: 'must be a date (YYYY-MM-DD)' }),
  status: z.enum(DECISION_STATUSES),
  links: z
    .object({
      stepIds: z.array(id).default([]),
      threadIds: z.array(id).default([]),
      versionIds: z.array(id).default([]),
    })
    .default({ stepIds: [], threadIds: [], versionIds: [] }),
  createdAt: isoDate,
});
export type Decision = z.infer<typeof DecisionSchema>;

export interface ResolvedAnchor {
  /** Where the thread is, for people: "on step 'Draft reply'", "on removed step 'Draft reply'". */
  label: string;
  /** The anchor no longer exists in the workflow; the thread shows at workflow level with this note. */
  gone: boolean;
  /** The step to select and count the thread on, when it still exists. */
  stepId: string | null;
}

/** Where a thread is anchored now. */
export function resolveAnchor(anchor: Anchor, workflow: Workflow, roles: readonly Role[]): ResolvedAnchor {
  switch (anchor.kind) {
    case 'workflow':
      return { label: 'on the workflow', gone: false, stepId: null };
    case 'step': {
      const step = workflow.steps.find((s) => s.id === anchor.stepId);
      return step
        ? { label: `on step '${step.name}'`, gone: false, stepId: step.id }
        : { label: `on removed step '${anchor.name}'`, gone: true, stepId: null };
    }
    case 'connection': {
      const edge = workflow.edges.find((e) => e.id === anchor.edgeId);
      if (!edge) return { label: `on removed connection '${anchor.name}'`, gone: true, stepId: null };
      return { label: `on connection '${connectionName(workflow, edge.id)}'`, gone: false, stepId: null };
    }
    case 'role': {
      const role = roles.find((r) => r.id === anchor.roleId);
      return role
        ? { label: `on role '${role.name}'`, gone: false, stepId: null }
        : { label: `on removed role '${anchor.name}'`, gone: true, stepId: null };
    }
  }
}

export function connectionName(workflow: Workflow, edgeId: string): string {
  const edge = workflow.edges.find((e) => e.id === edgeId);
  if (!edge) return edgeId;
  const name = (stepId: string) => workflow.steps.find((s) => s.id === stepId)?.name ?? stepId;
  return `${name(edge.source)} → ${name(edge.target)}`;
}

/** Open threads per step, for the pins on the canvas. */
export function openThreadsByStep(threads: readonly Thread[]): Map<string, Thread[]> {
  const byStep = new Map<string, Thread[]>();
  for (const t of threads) {
    if (t.status !== 'open' || t.anchor.kind !== 'step') continue;
    const list = byStep.get(t.anchor.stepId);
    if (list) list.push(t);
    else byStep.set(t.anchor.stepId, [t]);
  }
  return byStep;
}

/** A comment cut to `max` characters on a word boundary where it can be, with an ellipsis. */
export function clipText(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

export type TextPart = { text: string; mention: boolean };

/**
 * Splits a comment into text and mentions (@CTO, @CHRO or @ a known name, longest first, then any @word).
 * The parts are plain strings: markup in a comment shows as the characters typed, never as markup.
 */
export function mentionParts(text: string, knownNames: readonly string[] = []): TextPart[] {
  const names = [...new Set(['CTO', 'CHRO', ...knownNames.filter((n) => n.trim())])].sort(
    (a, b) => b.length - a.length,
  );
  const parts: TextPart[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '@' && (i === 0 || /\s|[(,;]/.test(text[i - 1] ?? ''))) {
      const rest = text.slice(i + 1);
      const known = names.find(
        (n) => rest.toLowerCase().startsWith(n.toLowerCase()) && !/\w/.test(rest[n.length] ?? ''),
      );
      const word = known ? rest.slice(0, known.length) : (/^[\p{L}\p{N}_.-]+/u.exec(rest)?.[0] ?? '');
      if (word) {
        if (plain) parts.push({ text: plain, mention: false });
        plain = '';
        parts.push({ text: `@${word}`, mention: true });
        i += word.length + 1;
        continue;
      }
    }
    plain += text[i];
    i++;
  }
  if (plain) parts.push({ text: plain, mention: false });
  return parts;
}

/** Whether a text mentions this profile: by its role (@CTO, @CHRO) or its name. */
export function mentions(text: string, profile: Profile): boolean {
  const targets = [profile.name.toLowerCase()];
  if (profile.role !== 'other') targets.push(profile.role.toLowerCase());
  return mentionParts(text, [profile.name]).some(
    (p) => p.mention && targets.includes(p.text.slice(1).toLowerCase()),
  );
}

export type ThreadFilter = 'all' | 'open' | 'mine' | 'mentions';

export function filterThreads(
  threads: readonly Thread[],
  filter: ThreadFilter,
  profile: Profile | null,
): Thread[] {
  switch (filter) {
    case 'all':
      return [...threads];
    case 'open':
      return threads.filter((t) => t.status === 'open');
    case 'mine':
      return profile ? threads.filter((t) => t.comments.some((c) => c.author.name === profile.name)) : [];
    case 'mentions':
      return profile ? threads.filter((t) => t.comments.some((c) => mentions(c.text, profile))) : [];
  }
}
