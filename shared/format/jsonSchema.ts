/**
 * JSON Schemas of the exchange format, generated from the same zod schemas the importer parses with, so
 * the published schema cannot drift from what the app accepts. The committed copies in docs/ are checked
 * against this code by test/unit/artifacts.test.ts (run it with UPDATE_ARTIFACTS=1 to regenerate them).
 *
 * The schemas describe the input side: fields with a default (description, notes, roles, ...) are optional,
 * as they are when a file is imported. Checks that JSON Schema cannot express (minimum ≤ most likely ≤
 * maximum, references between ids) are made by the importer only.
 */
import { z } from 'zod';
import {
  FORMAT_VERSION,
  WORKFLOW_FORMAT,
  WORKSPACE_FORMAT,
  WorkflowDocumentSchema,
  WorkspaceDocumentSchema,
} from './document';

export type JsonSchema = Record<string, unknown>;

/** Base of the schemas' `$id`s: a URN, since the format is not published at a web address. */
export const SCHEMA_ID_BASE = 'urn:coarchitect:schema';

function generate(schema: z.ZodType, format: string, title: string): JsonSchema {
  const {
    $schema,
    title: _title,
    ...rest
  } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
  return {
    $schema,
    $id: `${SCHEMA_ID_BASE}:${format}:v${FORMAT_VERSION}`,
    title,
    ...rest,
  };
}

/** JSON Schema (draft 2020-12) of a `.coarchitect.json` file holding one workflow. */
export function workflowJsonSchema(): JsonSchema {
  return generate(
    WorkflowDocumentSchema,
    WORKFLOW_FORMAT,
    `Coarchitect workflow, format version ${FORMAT_VERSION}`,
  );
}

/** JSON Schema (draft 2020-12) of a `.coarchitect.json` file holding a whole workspace. */
export function workspaceJsonSchema(): JsonSchema {
  return generate(
    WorkspaceDocumentSchema,
    WORKSPACE_FORMAT,
    `Coarchitect workspace, format version ${FORMAT_VERSION}`,
  );
}
