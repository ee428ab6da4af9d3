/**
 * Reading a Coarchitect file: parse, upgrade, validate, check references, then plan how it joins the
 * workspace. Nothing here touches storage; the caller applies the plan in one transaction, so a bad file
 * can never leave half an import behind.
 */
import type { z } from 'zod';
import { DocumentSchema, WORKFLOW_FORMAT, WORKSPACE_FORMAT } from './document';
import type { CoarchitectDocument } from './document';
import { migrateDocument, UnsupportedVersionError } from './migrations';
import type { JsonObject } from './migrations';
import { excerpt } from './excerpt';
import { locatePaths, parsePathString, pathToString, safeJsonParse } from './safeJson';
import { formatMegabytes, MAX_OPEN_BYTES, utf8ByteLength } from '../ipc';
import { newId } from '../model/ids';
import type { Role, Skill, Workflow, Workspace } from '../model/schema';

export interface ImportIssue {
  /** JSONPath of the offending value, e.g. `$.workflow.steps[2].rejectionRate`. */
  path: string;
  message: string;
  /** Where the value starts in the file (1-based), when the file could be read that far. */
  line?: number;
  column?: number;
}

export type ParseResult = { ok: true; document: CoarchitectDocument } | { ok: false; issues: ImportIssue[] };

/**
 * Files larger than this are refused before parsing: the same limit Electron's main process applies when it
 * opens a file, about four times the largest workspace we know of (a 5,000-step workflow is about 4 MB).
 */
export const MAX_IMPORT_BYTES = MAX_OPEN_BYTES;
/** Problems listed at most (a file with a broken step repeated 100,000 times needs no 100,000 lines). */
export const MAX_LISTED_ISSUES = 200;

export interface ParseOptions {
  /** Milliseconds the JSON reading may take (see safeJson.ts). */
  budgetMs?: number;
  now?: () => number;
}

/**
 * The one import pipeline, pure: size limit, safe JSON (refused keys, depth limit, time budget), format and
 * version, migrations, schema, then ids and references. Every problem found is listed, each with its JSON
 * path and, where the file could be read, its line and column; values in messages are cut to an excerpt.
 * The app runs it in a worker (renderer/workers/importClient.ts), the command line and tests directly.
 */
export function parseDocument(text: string, options: ParseOptions = {}): ParseResult {
  const limit = formatMegabytes(MAX_IMPORT_BYTES);
  // The UTF-8 size is at most three bytes per UTF-16 unit: count it only where it could matter.
  const bytes = text.length * 3 > MAX_IMPORT_BYTES ? utf8ByteLength(text) : text.length;
  if (bytes > MAX_IMPORT_BYTES) {
    return fail('$', `The file is too large (${formatMegabytes(bytes)}); the limit is ${limit}.`);
  }
  const read = safeJsonParse(text, options);
  const readIssues: ImportIssue[] = read.ok ? [] : read.issues;
  if (read.value === undefined) return { ok: false, issues: readIssues };
  const json = read.value;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('$', 'The file does not contain a Coarchitect document (expected a JSON object).', text);
  }
  const raw = json as JsonObject;
  if (raw.format !== WORKFLOW_FORMAT && raw.format !== WORKSPACE_FORMAT) {
    const other = otherApplication(raw);
    return fail(
      '$.format',
      `This is not a Coarchitect file${other ? ` (it looks like ${other})` : ''}: "format" must be "${WORKFLOW_FORMAT}" or "${WORKSPACE_FORMAT}".`,
      text,
    );
  }
  let migrated: JsonObject;
  try {
    migrated = migrateDocument(raw);
  } catch (error) {
    if (error instanceof UnsupportedVersionError) return fail('$.version', error.message, text);
    throw error;
  }
  const parsed = DocumentSchema.safeParse(migrated);
  const references = checkReferences(parsed.success ? viewOf(parsed.data) : looseViewOf(migrated));
  const schemaIssues = parsed.success ? [] : parsed.error.issues;
  const total = readIssues.length + references.length + schemaIssues.length;
  if (total === 0 && parsed.success) return { ok: true, document: parsed.data };
  // Only the listed problems are described and placed: a file can hold a million of them.
  const room = Math.max(0, MAX_LISTED_ISSUES - readIssues.length);
  const described = schemaIssues.slice(0, room).map((issue) => describeIssue(issue, migrated));
  described.push(...references.slice(0, room - described.length));
  const issues = readIssues.slice(0, MAX_LISTED_ISSUES).concat(described);
  if (total > issues.length) {
    const rest = (total - issues.length).toLocaleString('en-US');
    issues.push({ path: '$', message: `${MORE_PROBLEMS} ${rest} more problems of the same kinds.` });
  }
  return { ok: false, issues: placeIssues(text, issues) };
}

const MORE_PROBLEMS = '… and';

/** How many problems a list stands for, counting those its last line says were left out. */
export function problemCount(issues: readonly ImportIssue[]): number {
  const last = issues[issues.length - 1];
  const more =
    last?.path === '$' ? new RegExp(`^${MORE_PROBLEMS} ([\\d,]+) more problems`).exec(last.message) : null;
  return more ? issues.length - 1 + Number(more[1]?.replace(/,/g, '')) : issues.length;
}

/** Adds line and column to the issues that lack them (a second reading of the text, only on failure). */
function placeIssues(text: string, issues: ImportIssue[]): ImportIssue[] {
  const unplaced = issues.filter((i) => i.line === undefined);
  const paths = unplaced.map((i) => parsePathString(i.path));
  const known = paths.filter((p): p is (string | number)[] => p !== undefined);
  if (known.length === 0) return issues;
  const places = locatePaths(text, known);
  const byPath = new Map<string, { line: number; column: number }>();
  known.forEach((p, i) => {
    const place = places[i];
    if (place) byPath.set(pathToString(p), place);
  });
  return issues.map((i) => (i.line === undefined ? { ...i, ...byPath.get(i.path) } : i));
}

/** Names the application a JSON file comes from, for the files people most often pick by mistake. */
function otherApplication(raw: JsonObject): string | null {
  if (raw.type === 'excalidraw' || Array.isArray(raw.elements)) return 'an Excalidraw drawing';
  const text = JSON.stringify(Object.keys(raw)).toLowerCase();
  if (text.includes('bpmn') || raw.$type === 'bpmn:Definitions') return 'a BPMN diagram';
  if (typeof raw.$schema === 'string') return "a JSON Schema or another tool's file";
  return null;
}

function fail(path: string, message: string, text?: string): ParseResult {
  const issues = [{ path, message }];
  return { ok: false, issues: text === undefined ? issues : placeIssues(text, issues) };
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return pathToString(path.map((key) => (typeof key === 'number' ? key : String(key))));
}

const FIELD_LABELS: Record<string, string> = {
  volumePerWeek: 'case volume',
  rejectionRate: 'rejection rate',
  reworkTargetId: 'rework target',
  roleId: 'role',
  skillId: 'skill',
  level: 'required proficiency',
  hoursPerWeek: 'available hours per person per week',
  costPerHour: 'cost per hour',
  aiTool: 'AI tool',
  redesignOfId: 'redesigned workflow',
  createdAt: 'creation date',
  updatedAt: 'change date',
  exportedAt: 'export date',
};

function humanField(key: string): string {
  return FIELD_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Names what a path points into in the user's words: "step 'Draft reply'", "role 'Agent'". */
function subjectOf(path: readonly PropertyKey[], doc: unknown): { subject: string; rest: PropertyKey[] } {
  let node: unknown = doc;
  let subject = '';
  let restStart = 0;
  for (let i = 0; i < path.length; i++) {
    const key = path[i] as PropertyKey;
    const parentKey = path[i - 1];
    node =
      typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number' && typeof parentKey === 'string') {
      const nameOf = (n: unknown) =>
        typeof n === 'object' &&
        n !== null &&
        typeof (n as { name?: unknown }).name === 'string' &&
        (n as { name: string }).name.trim() !== ''
          ? `'${excerpt((n as { name: string }).name, 40)}'`
          : `#${key + 1}`;
      const kinds: Record<string, string> = {
        steps: 'step',
        workflows: 'workflow',
        roles: 'role',
        customSkills: 'skill',
        edges: 'connection',
        skills: 'required skill',
      };
      const kind = kinds[parentKey];
      if (kind) {
        subject =
          kind === 'connection' || kind === 'required skill'
            ? `${subject ? `${subject}, ` : ''}${kind} #${key + 1}`
            : `${kind} ${nameOf(node)}`;
        restStart = i + 1;
      }
    }
  }
  if (!subject && path[0] === 'workflow') subject = 'workflow';
  return { subject, rest: path.slice(restStart).filter((k) => k !== 'workflow') };
}

export function describeIssue(issue: z.core.$ZodIssue, doc: unknown): ImportIssue {
  const { subject, rest } = subjectOf(issue.path, doc);
  const field = rest.length > 0 ? humanField(String(rest[rest.length - 1])) : '';
  let message = issue.message;
  // Custom messages ("case volume must be a number") hide zod's "received undefined", so look at the value.
  const missing = /received undefined/.test(issue.message) || valueAt(doc, issue.path) === undefined;
  if (issue.code === 'invalid_type' && missing) {
    message = `${field || 'value'} is missing`;
  } else if (issue.code === 'invalid_union' || issue.code === 'invalid_value') {
    message = `${field || 'value'}: ${issue.message}`;
  } else if (field && !message.toLowerCase().includes(field.toLowerCase())) {
    message = `${field}: ${message}`;
  }
  return { path: jsonPath(issue.path), message: subject ? `${subject}: ${message}` : message };
}

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let node = doc;
  for (const key of path) {
    node =
      typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return node;
}

/** What the reference check reads of a document: typed when the schema passed, loosely read when not. */
interface ReferenceView {
  format: unknown;
  roles: readonly { id?: string }[];
  customSkills: readonly { id?: string }[];
  workflows: readonly {
    id?: string;
    name: string;
    steps: readonly {
      id?: string;
      name: string;
      type?: unknown;
      roleId?: string | null;
      reworkTargetId?: string | null;
    }[];
    edges: readonly { id?: string; source?: string; target?: string }[];
  }[];
}

function viewOf(doc: CoarchitectDocument): ReferenceView {
  return { ...doc, workflows: doc.format === WORKFLOW_FORMAT ? [doc.workflow] : doc.workflows };
}

/**
 * The same view of a document the schema refused, so its broken references are listed beside its schema
 * problems: whatever is not a string is left out, but every list keeps its positions (paths stay right).
 */
function looseViewOf(raw: JsonObject): ReferenceView {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const objects = (v: unknown): JsonObject[] =>
    Array.isArray(v)
      ? v.map((x: unknown) =>
          typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as JsonObject) : {},
        )
      : [];
  const workflows = raw.format === WORKFLOW_FORMAT ? objects([raw.workflow]) : objects(raw.workflows);
  return {
    format: raw.format,
    roles: objects(raw.roles).map((r) => ({ id: str(r.id) })),
    customSkills: objects(raw.customSkills).map((k) => ({ id: str(k.id) })),
    workflows: workflows.map((wf) => ({
      id: str(wf.id),
      name: str(wf.name) ?? '',
      steps: objects(wf.steps).map((st) => ({
        id: str(st.id),
        name: str(st.name) ?? '',
        type: st.type,
        roleId: str(st.roleId),
        reworkTargetId: str(st.reworkTargetId),
      })),
      edges: objects(wf.edges).map((e) => ({ id: str(e.id), source: str(e.source), target: str(e.target) })),
    })),
  };
}

/** Ids must be unique and every reference must resolve within the file. */
function checkReferences(doc: ReferenceView): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const roleIds = new Set(doc.roles.map((r) => r.id));
  const workflows = doc.workflows;
  const base = doc.format === WORKFLOW_FORMAT ? '$.workflow' : '$.workflows';
  duplicates(doc.roles.map((r) => r.id)).forEach((id) =>
    issues.push({ path: '$.roles', message: `role id '${excerpt(id, 40)}' is used more than once` }),
  );
  duplicates(doc.customSkills.map((s) => s.id)).forEach((id) =>
    issues.push({ path: '$.customSkills', message: `skill id '${excerpt(id, 40)}' is used more than once` }),
  );
  if (doc.format === WORKSPACE_FORMAT) {
    duplicates(doc.workflows.map((w) => w.id)).forEach((id) =>
      issues.push({
        path: '$.workflows',
        message: `workflow id '${excerpt(id, 40)}' is used more than once`,
      }),
    );
  }
  workflows.forEach((wf, w) => {
    const at = doc.format === WORKFLOW_FORMAT ? base : `${base}[${w}]`;
    const stepIds = new Set(wf.steps.map((s) => s.id));
    duplicates(wf.steps.map((s) => s.id)).forEach((id) =>
      issues.push({
        path: `${at}.steps`,
        message: `workflow '${excerpt(wf.name, 40)}': step id '${excerpt(id, 40)}' is used more than once`,
      }),
    );
    duplicates(wf.edges.map((e) => e.id)).forEach((id) =>
      issues.push({
        path: `${at}.edges`,
        message: `workflow '${excerpt(wf.name, 40)}': connection id '${excerpt(id, 40)}' is used more than once`,
      }),
    );
    wf.steps.forEach((s, i) => {
      if (s.type !== 'task' && s.type !== 'review') return;
      if (typeof s.roleId === 'string' && !roleIds.has(s.roleId)) {
        issues.push({
          path: `${at}.steps[${i}].roleId`,
          message: `step '${excerpt(s.name, 40)}': role '${excerpt(s.roleId, 40)}' is not in the file`,
        });
      }
      if (s.type === 'review' && typeof s.reworkTargetId === 'string' && !stepIds.has(s.reworkTargetId)) {
        issues.push({
          path: `${at}.steps[${i}].reworkTargetId`,
          message: `step '${excerpt(s.name, 40)}': rework target '${excerpt(s.reworkTargetId, 40)}' is not a step of this workflow`,
        });
      }
    });
    wf.edges.forEach((e, i) => {
      for (const end of ['source', 'target'] as const) {
        const stepId = e[end];
        if (stepId !== undefined && !stepIds.has(stepId)) {
          issues.push({
            path: `${at}.edges[${i}].${end}`,
            message: `connection #${i + 1}: ${end} '${excerpt(stepId, 40)}' is not a step of workflow '${excerpt(wf.name, 40)}'`,
          });
        }
      }
    });
  });
  return issues;
}

function duplicates(ids: readonly (string | undefined)[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) if (id !== undefined) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

export interface ImportPlan {
  workflows: Workflow[];
  roles: Role[];
  customSkills: Skill[];
  /** One line per decision the import took on the user's behalf, shown after importing. */
  notes: string[];
}

/**
 * Decides how a parsed document joins an existing workspace without overwriting anything: workflows whose
 * id is taken get a new id; a role or skill that already exists unchanged is reused, one that exists with
 * other content is added under a new id and the imported workflows are pointed at it.
 */
export function planImport(doc: CoarchitectDocument, existing: Workspace): ImportPlan {
  const notes: string[] = [];
  const skillMap = new Map<string, string>();
  const customSkills: Skill[] = [];
  for (const skill of doc.customSkills) {
    const same = existing.customSkills.find((s) => s.id === skill.id);
    if (!same) customSkills.push(skill);
    else if (!deepEqual(same, skill)) {
      const id = newId('custom');
      skillMap.set(skill.id, id);
      customSkills.push({ ...skill, id });
      notes.push(
        `Skill '${skill.name}' differs from yours with the same id; it was added as a separate skill.`,
      );
    }
  }
  const roleMap = new Map<string, string>();
  const roles: Role[] = [];
  for (let role of doc.roles) {
    // Levels follow renamed custom skills; an id in no ontology is kept as it is ("unknown skill").
    const skillOf = (id: string) => skillMap.get(id) ?? id;
    role = {
      ...role,
      skillLevels: role.skillLevels.map((l) => ({ ...l, skillId: skillOf(l.skillId) })),
      people: role.people.map((p) => ({
        ...p,
        levels: p.levels.map((l) => ({ ...l, skillId: skillOf(l.skillId) })),
      })),
    };
    const same = existing.roles.find((r) => r.id === role.id);
    if (!same) roles.push(role);
    else if (!deepEqual(same, role)) {
      const id = newId('role');
      roleMap.set(role.id, id);
      roles.push({
        ...role,
        id,
        name: uniqueName(
          role.name,
          existing.roles.map((r) => r.name),
        ),
      });
      notes.push(
        `Role '${role.name}' differs from the one you have; it was added as '${roles[roles.length - 1]?.name}'.`,
      );
    }
  }
  const incoming = doc.format === WORKFLOW_FORMAT ? [doc.workflow] : doc.workflows;
  const takenIds = new Set(existing.workflows.map((w) => w.id));
  const workflowMap = new Map<string, string>();
  for (const wf of incoming) {
    if (takenIds.has(wf.id)) workflowMap.set(wf.id, newId('wf'));
    takenIds.add(workflowMap.get(wf.id) ?? wf.id);
  }
  const existingNames = existing.workflows.map((w) => w.name);
  const workflows = incoming.map((wf) => {
    const id = workflowMap.get(wf.id) ?? wf.id;
    const renamed = workflowMap.has(wf.id) ? uniqueName(wf.name, existingNames) : wf.name;
    if (renamed !== wf.name)
      notes.push(`You already have '${wf.name}'; the imported copy is called '${renamed}'.`);
    existingNames.push(renamed);
    const redesignOfId =
      wf.redesignOfId === null ? null : (workflowMap.get(wf.redesignOfId) ?? wf.redesignOfId);
    const roleOf = (roleId: string) => roleMap.get(roleId) ?? roleId;
    const skillOf = (skillId: string) => skillMap.get(skillId) ?? skillId;
    return {
      ...wf,
      id,
      name: renamed,
      redesignOfId,
      steps: wf.steps.map((s) =>
        s.type === 'task' || s.type === 'review'
          ? {
              ...s,
              roleId: s.roleId === null ? null : roleOf(s.roleId),
              skills: s.skills.map((r) => ({ ...r, skillId: skillOf(r.skillId) })),
              coaching:
                s.coaching === null
                  ? null
                  : {
                      ...s.coaching,
                      coachRoleId: s.coaching.coachRoleId === null ? null : roleOf(s.coaching.coachRoleId),
                    },
            }
          : s,
      ),
      learningPlan: wf.learningPlan.map((item) => ({
        ...item,
        roleId: roleOf(item.roleId),
        skillId: skillOf(item.skillId),
      })),
    };
  });
  return { workflows, roles, customSkills, notes };
}

export function uniqueName(name: string, taken: readonly string[]): string {
  if (!taken.includes(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.includes(candidate)) return candidate;
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
