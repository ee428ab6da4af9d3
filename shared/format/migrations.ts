/**
 * Upgrades documents written by older versions of Coarchitect, one version at a time. The list is
 * append-only: migration n turns a version-n document into a version-(n+1) one.
 */
import { FORMAT_VERSION } from './document';
import {
  addVersion2StepFields,
  addVersion3RoleFields,
  addVersion3SkillFields,
  addVersion3WorkflowFields,
  addVersion5StepFields,
} from '../model/upgrades';

export type JsonObject = { [key: string]: unknown };
export type Migration = (doc: JsonObject) => JsonObject;

/** Every workflow object in a document, whichever kind it is. */
function workflowsOf(doc: JsonObject): unknown[] {
  if (Array.isArray(doc.workflows)) return doc.workflows;
  return doc.workflow === undefined ? [] : [doc.workflow];
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Index i upgrades version i + 1 to version i + 2. */
export const MIGRATIONS: readonly Migration[] = [
  // 1 → 2: task steps gain AI cost, AI concurrency and a learning curve; reviews gain a feedback loop.
  // Written out explicitly so a version-2 file states every field; parallel steps are new and need nothing.
  (doc) => {
    for (const wf of workflowsOf(doc)) addVersion2StepFields(wf);
    return doc;
  },
  // 2 → 3: the CHRO lens. Workflows gain a learning plan and assumptions, work steps coaching, tasks an
  // O*NET task link, roles current skill levels and people, skills external references and hours per level.
  (doc) => {
    for (const wf of workflowsOf(doc)) addVersion3WorkflowFields(wf);
    for (const role of listOf(doc.roles)) addVersion3RoleFields(role);
    for (const skill of listOf(doc.customSkills)) addVersion3SkillFields(skill);
    return doc;
  },
  // 3 → 4: workflows gain a story (the presentation of the redesign), null until someone edits it.
  (doc) => {
    for (const wf of workflowsOf(doc)) {
      if (wf !== null && typeof wf === 'object' && !Array.isArray(wf) && !('story' in wf)) {
        (wf as JsonObject).story = null;
      }
    }
    return doc;
  },
  // 4 → 5: task and review steps gain audience (internal), data handled (none) and owner (nobody named).
  (doc) => {
    for (const wf of workflowsOf(doc)) addVersion5StepFields(wf);
    return doc;
  },
];

export class UnsupportedVersionError extends Error {}

export function migrateDocument(
  doc: JsonObject,
  migrations: readonly Migration[] = MIGRATIONS,
  target = FORMAT_VERSION,
): JsonObject {
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new UnsupportedVersionError(
      `The file has no valid format version (found ${JSON.stringify(version)}).`,
    );
  }
  if (version > target) {
    throw new UnsupportedVersionError(
      `The file was written by a newer Coarchitect (format version ${version}); this app reads versions up to ${target}. Update Coarchitect to open it.`,
    );
  }
  // The steps upgrade in place (shared with the database's upgrades): work on a copy, so the chain is pure.
  let current = version < target ? (JSON.parse(JSON.stringify(doc)) as JsonObject) : doc;
  for (let v = version; v < target; v++) {
    const migrate = migrations[v - 1];
    if (!migrate)
      throw new UnsupportedVersionError(`No upgrade is known from format version ${v} to ${v + 1}.`);
    current = { ...migrate(current), version: v + 1 };
  }
  return current;
}
