/**
 * The co-design record in an export for sharing. Its authors are people: "outside-hr" replaces every
 * author's name (and the same names typed into comments and decisions) with "[person]", keeping the
 * co-architect role, and leaves out versions and sign-offs, whose stored models hold the unredacted
 * workflow (people, costs) and whose hashes a redaction would break. "public" leaves the record out.
 */
import type { CodesignSection } from './exchange';
import type { Author } from './profile';

export const PERSON_PLACEHOLDER = '[person]';

export interface SectionRedaction {
  section: CodesignSection | undefined;
  /** Author names replaced (each occurrence, including mentions in texts). */
  names: number;
  /** Versions and sign-offs left out. */
  versions: number;
  signoffs: number;
  threads: number;
  decisions: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function redactSection(
  section: CodesignSection | undefined,
  level: 'outside-hr' | 'public',
  otherNames: readonly string[] = [],
): SectionRedaction {
  const none = { names: 0, versions: 0, signoffs: 0, threads: 0, decisions: 0 };
  if (!section) return { section: undefined, ...none };
  if (level === 'public') {
    return {
      section: undefined,
      ...none,
      versions: section.versions.length,
      signoffs: section.signoffs.length,
      threads: section.threads.length,
      decisions: section.decisions.length,
    };
  }
  const authors = [
    ...section.threads.flatMap((t) => t.comments.map((c) => c.author.name)),
    ...section.decisions.map((d) => d.decidedBy.name),
  ];
  const names = [...new Set([...authors, ...otherNames].filter((n) => n.trim() !== ''))].sort(
    (a, b) => b.length - a.length,
  );
  let count = 0;
  const pattern =
    names.length === 0
      ? null
      : new RegExp(`(?<![\\p{L}\\p{N}])(${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const text = (t: string) =>
    pattern
      ? t.replace(pattern, () => {
          count++;
          return PERSON_PLACEHOLDER;
        })
      : t;
  const author = (a: Author): Author => {
    count++;
    return { ...a, name: PERSON_PLACEHOLDER };
  };
  const threads = section.threads.map((t) => ({
    ...t,
    anchor: t.anchor,
    comments: t.comments.map((c) => ({ ...c, author: author(c.author), text: text(c.text) })),
  }));
  const decisions = section.decisions.map((d) => ({
    ...d,
    decidedBy: author(d.decidedBy),
    title: text(d.title),
    context: text(d.context),
    options: d.options.map(text),
    decision: text(d.decision),
    rationale: text(d.rationale),
    // Versions are left out, so links to them would point nowhere.
    links: { ...d.links, versionIds: [] },
  }));
  return {
    section: { threads, decisions, versions: [], signoffs: [] },
    names: count,
    versions: section.versions.length,
    signoffs: section.signoffs.length,
    threads: 0,
    decisions: 0,
  };
}
