/**
 * The exchange format: a versioned JSON document holding one workflow or a whole workspace. Version 1 was
 * the first; every later version gets a migration in migrations.ts and the number goes up by one.
 * Version 2 added parallel steps, AI cost and concurrency, learning curves and feedback loops.
 * Version 3 added the CHRO lens: current skill levels and people on roles, external references and hours per
 * level on skills, a learning plan with its assumptions on workflows, coaching on steps, O*NET task links.
 * Version 4 added the story of a redesign on workflows (slides shown, their order and notes, next steps).
 * Version 5 added governance attributes on task and review steps: audience, data handled and owner.
 */
import { z } from 'zod';
import { RoleSchema, SkillSchema, WorkflowSchema } from '../model/schema';
import type { Role, Skill, Workflow, Workspace } from '../model/schema';
import { RedactionManifestSchema } from './redactionManifest';

export const FORMAT_VERSION = 5;
export const WORKFLOW_FORMAT = 'coarchitect.workflow';
export const WORKSPACE_FORMAT = 'coarchitect.workspace';
export const FILE_EXTENSION = '.coarchitect.json';
export const APP_NAME = 'Coarchitect';

const header = {
  version: z.literal(FORMAT_VERSION),
  exportedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }),
  generator: z.string().max(200).default(APP_NAME),
  /** Only in a redacted export (redact.ts): what was removed. Optional, so older readers simply ignore it. */
  redaction: RedactionManifestSchema.optional(),
};

export const WorkflowDocumentSchema = z
  .object({
    format: z.literal(WORKFLOW_FORMAT),
    ...header,
    workflow: WorkflowSchema,
    /** The roles the workflow's steps refer to, so the file stands on its own. */
    roles: z.array(RoleSchema).default([]),
    /** The user's own skills the workflow refers to (built-in skills ship with the app). */
    customSkills: z.array(SkillSchema).default([]),
  })
  .meta({
    title: 'Coarchitect workflow',
    description: 'One task-level workflow with the roles and custom skills it uses.',
  });
export type WorkflowDocument = z.infer<typeof WorkflowDocumentSchema>;

export const WorkspaceDocumentSchema = z
  .object({
    format: z.literal(WORKSPACE_FORMAT),
    ...header,
    workflows: z.array(WorkflowSchema),
    roles: z.array(RoleSchema).default([]),
    customSkills: z.array(SkillSchema).default([]),
  })
  .meta({
    title: 'Coarchitect workspace',
    description: 'Every workflow, role and custom skill of a workspace.',
  });
export type WorkspaceDocument = z.infer<typeof WorkspaceDocumentSchema>;

export type CoarchitectDocument = WorkflowDocument | WorkspaceDocument;

export const DocumentSchema = z.discriminatedUnion('format', [
  WorkflowDocumentSchema,
  WorkspaceDocumentSchema,
]);

function usedRoleAndSkillIds(workflows: readonly Workflow[]): {
  roleIds: Set<string>;
  skillIds: Set<string>;
} {
  const roleIds = new Set<string>();
  const skillIds = new Set<string>();
  for (const wf of workflows) {
    for (const s of wf.steps) {
      if (s.type !== 'task' && s.type !== 'review') continue;
      if (s.roleId !== null) roleIds.add(s.roleId);
      for (const r of s.skills) skillIds.add(r.skillId);
    }
  }
  return { roleIds, skillIds };
}

export function exportWorkflow(
  workflow: Workflow,
  workspace: Pick<Workspace, 'roles' | 'customSkills'>,
  at = new Date(),
): WorkflowDocument {
  const { roleIds, skillIds } = usedRoleAndSkillIds([workflow]);
  return {
    format: WORKFLOW_FORMAT,
    version: FORMAT_VERSION,
    exportedAt: at.toISOString(),
    generator: APP_NAME,
    workflow,
    roles: workspace.roles.filter((r: Role) => roleIds.has(r.id)),
    customSkills: workspace.customSkills.filter((s: Skill) => skillIds.has(s.id)),
  };
}

export function exportWorkspace(workspace: Workspace, at = new Date()): WorkspaceDocument {
  return {
    format: WORKSPACE_FORMAT,
    version: FORMAT_VERSION,
    exportedAt: at.toISOString(),
    generator: APP_NAME,
    workflows: workspace.workflows,
    roles: workspace.roles,
    customSkills: workspace.customSkills,
  };
}

export function serializeDocument(doc: CoarchitectDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The part of a file name made from a workflow name, in characters every file system accepts. */
export function fileStemFor(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 80);
  return safe || 'workflow';
}

/** A file name from a workflow name that every file system accepts. */
export function fileNameFor(name: string): string {
  return `${fileStemFor(name)}${FILE_EXTENSION}`;
}
