/**
 * The `coarchitect.skills` file: a workspace's own ontology (custom skills with their external references
 * and retirements) on its own, so a company can keep one ontology across teams. Reading is strict (an
 * unknown field is refused with its path); merging is planned first (what would be added, renamed, retired
 * or restored, and what conflicts) and applied only after the user has seen the plan.
 */
import { z } from 'zod';
import { ExternalSkillRefSchema, SkillSchema } from '../model/schema';
import type { ExternalSkillRef, Skill } from '../model/schema';
import { APP_NAME } from '../format/document';
import { jsonPath } from '../format/importer';
import { ALL_CATEGORIES, BUILTIN_SKILLS } from './index';

export const SKILLS_FORMAT = 'coarchitect.skills';
export const SKILLS_FORMAT_VERSION = 1;
export const SKILLS_FILE_EXTENSION = '.coarchitect.skills.json';
/** A skills file is small (a few hundred skills); anything far larger is not one. */
export const MAX_SKILLS_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_SKILLS_IN_FILE = 10_000;

const knownCategories = new Set(ALL_CATEGORIES.map((c) => c.id));

/** A skill as the file holds it: the model's skill, refusing fields it does not know (strict all the way). */
const FileSkillSchema = z.strictObject({
  ...SkillSchema.shape,
  externalRefs: z.array(z.strictObject(ExternalSkillRefSchema.shape)).max(50).default([]),
  categoryId: SkillSchema.shape.categoryId.refine((id) => knownCategories.has(id), {
    message: 'is not a category Coarchitect knows',
  }),
});

export const SkillsFileSchema = z
  .strictObject({
    format: z.literal(SKILLS_FORMAT),
    version: z.literal(SKILLS_FORMAT_VERSION),
    exportedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }),
    generator: z.string().max(200).default(APP_NAME),
    skills: z.array(FileSkillSchema).max(MAX_SKILLS_IN_FILE, `at most ${MAX_SKILLS_IN_FILE} skills`),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.skills.forEach((skill, i) => {
      if (seen.has(skill.id))
        ctx.addIssue({
          code: 'custom',
          path: ['skills', i, 'id'],
          message: `appears twice in the file ("${skill.id}")`,
        });
      seen.add(skill.id);
    });
  })
  .meta({
    title: 'Coarchitect skills ontology',
    description: "A workspace's own skills, their external references and retirements.",
  });
export type SkillsFile = z.infer<typeof SkillsFileSchema>;

export function exportSkillsFile(customSkills: readonly Skill[], at = new Date()): SkillsFile {
  return {
    format: SKILLS_FORMAT,
    version: SKILLS_FORMAT_VERSION,
    exportedAt: at.toISOString(),
    generator: APP_NAME,
    skills: customSkills.map((s) => ({ ...s })),
  };
}

export function serializeSkillsFile(file: SkillsFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export interface SkillsFileIssue {
  path: string;
  message: string;
}
export type SkillsFileResult = { ok: true; file: SkillsFile } | { ok: false; issues: SkillsFileIssue[] };

/** Long values in messages are cut, so a hostile file cannot fill the screen. */
function excerpt(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function parseSkillsFile(text: string): SkillsFileResult {
  const fail = (path: string, message: string): SkillsFileResult => ({
    ok: false,
    issues: [{ path, message }],
  });
  if (text.length > MAX_SKILLS_FILE_BYTES)
    return fail('$', `The file is too large for a skills file (the limit is 5 MB).`);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail('$', `The file is not valid JSON: ${excerpt((error as Error).message, 200)}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return fail('$', 'The file does not contain a skills ontology (expected a JSON object).');
  const raw = json as Record<string, unknown>;
  if (raw.format !== SKILLS_FORMAT)
    return fail(
      '$.format',
      raw.format === 'coarchitect.workflow' || raw.format === 'coarchitect.workspace'
        ? 'This is a workflow or workspace file: open it with Import…, not as a skills ontology.'
        : `This is not a skills ontology: "format" must be "${SKILLS_FORMAT}".`,
    );
  if (typeof raw.version === 'number' && raw.version > SKILLS_FORMAT_VERSION)
    return fail(
      '$.version',
      `The skills file was written by a newer Coarchitect (version ${raw.version}); this app reads version ${SKILLS_FORMAT_VERSION}. Update Coarchitect to import it.`,
    );
  const parsed = SkillsFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.flatMap((issue): SkillsFileIssue[] => {
      const path = jsonPath(issue.path);
      if (issue.code === 'unrecognized_keys')
        return issue.keys.map((key) => ({
          path: `${path}.${excerpt(key, 40)}`,
          message: `Unknown field "${excerpt(key, 40)}": a skills file version ${SKILLS_FORMAT_VERSION} has no such field.`,
        }));
      return [{ path, message: `${path}: ${excerpt(issue.message, 200)}` }];
    }),
  };
}

// -------------------------------------------------------------------------------------------------
// Merging
// -------------------------------------------------------------------------------------------------

export type OntologyChangeKind = 'add' | 'rename' | 'retire' | 'restore' | 'update';

export interface OntologyChange {
  kind: OntologyChangeKind;
  /** The skill's id in this workspace after the merge (a matched skill keeps its own id). */
  skillId: string;
  /** How the file's skill was matched to one of ours; null when it is new. */
  matchedBy: 'id' | 'external-reference' | null;
  /** In words, for the dialog: "Rename 'Claims' to 'Claims law'". */
  summary: string;
}

export interface OntologyConflict {
  /** The id of the skill in the file. */
  incomingId: string;
  message: string;
}

export interface OntologyMergePlan {
  changes: OntologyChange[];
  conflicts: OntologyConflict[];
  /** Skills of the file already here as they are (or built in). */
  unchanged: number;
  /** The custom skills to write (new and changed), each complete; conflicting ones are left out. */
  skills: Skill[];
}

const refKey = (r: ExternalSkillRef) => `${r.source}\u0000${r.id}\u0000${r.release}`;
const refText = (r: ExternalSkillRef) => `${r.source} ${r.id}${r.release ? ` (${r.release})` : ''}`;

function sameRef(a: readonly ExternalSkillRef[], b: readonly ExternalSkillRef[]): ExternalSkillRef | null {
  const keys = new Set(a.map(refKey));
  return b.find((r) => keys.has(refKey(r))) ?? null;
}

function unionRefs(a: readonly ExternalSkillRef[], b: readonly ExternalSkillRef[]): ExternalSkillRef[] {
  const out = [...a];
  const keys = new Set(a.map(refKey));
  for (const r of b) if (!keys.has(refKey(r))) out.push(r);
  return out;
}

/**
 * Plans how a skills file joins this workspace's custom skills. A skill of the file matches one of ours by
 * id, or else by a shared external reference {source, id, release}; the match keeps our id (so workflows
 * and levels still point at it) and takes the file's name, description, retirement and hours per level, with
 * the external references of both. A skill that matches nothing is added, unless one of ours has the same
 * name (a conflict: likely the same skill without a shared id or reference). Skills that are built in, or
 * match a built-in skill's reference, are left alone. Conflicts are listed and not applied.
 */
export function planOntologyMerge(file: SkillsFile, existing: readonly Skill[]): OntologyMergePlan {
  const builtinIds = new Set(BUILTIN_SKILLS.map((s) => s.id));
  const changes: OntologyChange[] = [];
  const conflicts: OntologyConflict[] = [];
  const skills: Skill[] = [];
  const claimed = new Map<string, string>();
  let unchanged = 0;

  for (const incoming of file.skills) {
    const conflict = (message: string) => conflicts.push({ incomingId: incoming.id, message });
    if (builtinIds.has(incoming.id)) {
      unchanged++;
      continue;
    }
    const builtinMatch = BUILTIN_SKILLS.find((s) => sameRef(s.externalRefs, incoming.externalRefs));
    const byId = existing.find((s) => s.id === incoming.id);
    const byRef = existing.filter((s) => s !== byId && sameRef(s.externalRefs, incoming.externalRefs));
    if (!byId && builtinMatch) {
      unchanged++;
      continue;
    }
    if (byId && byRef.length > 0) {
      conflict(
        `'${incoming.name}' has the id of your '${byId.name}' but the external reference ${refText(sameRef(byRef[0]!.externalRefs, incoming.externalRefs)!)} of your '${byRef[0]!.name}'; neither was changed.`,
      );
      continue;
    }
    if (!byId && byRef.length > 1) {
      conflict(
        `'${incoming.name}' shares external references with ${byRef.length} of your skills (${byRef.map((s) => `'${s.name}'`).join(', ')}); it was not merged.`,
      );
      continue;
    }
    const target = byId ?? byRef[0];
    if (!target) {
      const sameName = existing.find((s) => s.name.toLowerCase() === incoming.name.toLowerCase());
      if (sameName) {
        conflict(
          `You already have a skill named '${sameName.name}' with another id and no shared external reference; '${incoming.name}' was not added.`,
        );
        continue;
      }
      skills.push({ ...incoming });
      changes.push({
        kind: 'add',
        skillId: incoming.id,
        matchedBy: null,
        summary: `Add '${incoming.name}'${incoming.retired ? ' (retired)' : ''}`,
      });
      continue;
    }
    const earlier = claimed.get(target.id);
    if (earlier !== undefined) {
      conflict(`'${incoming.name}' and '${earlier}' in the file both match your '${target.name}'.`);
      continue;
    }
    claimed.set(target.id, incoming.name);
    const matchedBy = byId ? 'id' : 'external-reference';
    const merged: Skill = {
      ...target,
      name: incoming.name,
      description: incoming.description,
      retired: incoming.retired,
      hoursPerLevel: incoming.hoursPerLevel,
      externalRefs: unionRefs(target.externalRefs, incoming.externalRefs),
    };
    const via =
      matchedBy === 'id'
        ? ''
        : ` (matched by ${refText(sameRef(target.externalRefs, incoming.externalRefs)!)})`;
    const found: OntologyChange[] = [];
    const change = (kind: OntologyChangeKind, summary: string) =>
      found.push({ kind, skillId: target.id, matchedBy, summary: `${summary}${via}` });
    if (merged.name !== target.name) change('rename', `Rename '${target.name}' to '${merged.name}'`);
    if (merged.retired && !target.retired) change('retire', `Retire '${merged.name}'`);
    if (!merged.retired && target.retired) change('restore', `Restore '${merged.name}' (no longer retired)`);
    const details: string[] = [];
    if (merged.description !== target.description) details.push('description');
    if (merged.hoursPerLevel !== target.hoursPerLevel) details.push('hours per level');
    if (merged.externalRefs.length !== target.externalRefs.length) details.push('external references');
    if (details.length > 0) change('update', `Update the ${details.join(', ')} of '${merged.name}'`);
    if (found.length === 0) {
      unchanged++;
      continue;
    }
    changes.push(...found);
    skills.push(merged);
  }
  return { changes, conflicts, unchanged, skills };
}

/** The custom skills after applying a plan: changed ones replaced in place, new ones at the end. */
export function applyOntologyMerge(existing: readonly Skill[], plan: OntologyMergePlan): Skill[] {
  const byId = new Map(plan.skills.map((s) => [s.id, s]));
  const out = existing.map((s) => byId.get(s.id) ?? s);
  const known = new Set(existing.map((s) => s.id));
  for (const s of plan.skills) if (!known.has(s.id)) out.push(s);
  return out;
}
