/**
 * Files generated from the code and committed to the repository: the JSON Schemas of the exchange format
 * (docs/) and the example files (examples/). This test fails when a file no longer matches what the code
 * generates; regenerate them with
 *
 *   UPDATE_ARTIFACTS=1 npx vitest run test/unit/artifacts.test.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import {
  FORMAT_VERSION,
  WORKFLOW_FORMAT,
  WORKSPACE_FORMAT,
  exportWorkspace,
  serializeDocument,
} from '../../shared/format/document';
import { parseDocument } from '../../shared/format/importer';
import { workflowJsonSchema, workspaceJsonSchema } from '../../shared/format/jsonSchema';
import type { JsonSchema } from '../../shared/format/jsonSchema';
import { customerSupportExample } from '../../shared/examples/customerSupport';
import { invoiceProcessingExample } from '../../shared/examples/invoiceProcessing';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const UPDATE = process.env.UPDATE_ARTIFACTS === '1';
const EXAMPLES_EXPORTED_AT = new Date('2026-11-01T09:00:00.000Z');

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const ARTIFACTS: ReadonlyArray<readonly [string, () => string]> = [
  ['docs/coarchitect.workflow.schema.json', () => json(workflowJsonSchema())],
  ['docs/coarchitect.workspace.schema.json', () => json(workspaceJsonSchema())],
  [
    'examples/customer-support.coarchitect.json',
    () => serializeDocument(exportWorkspace(customerSupportExample(), EXAMPLES_EXPORTED_AT)),
  ],
  [
    'examples/invoice-processing.coarchitect.json',
    () => serializeDocument(exportWorkspace(invoiceProcessingExample(), EXAMPLES_EXPORTED_AT)),
  ],
];

describe.each(ARTIFACTS)('%s', (file, generate) => {
  const absolute = path.join(ROOT, file);

  it(UPDATE ? 'is regenerated' : 'matches what the code generates', () => {
    const expected = generate();
    if (UPDATE) {
      mkdirSync(path.dirname(absolute), { recursive: true });
      writeFileSync(absolute, expected);
      return;
    }
    expect(
      existsSync(absolute),
      `${file} is missing; run UPDATE_ARTIFACTS=1 npx vitest run test/unit/artifacts.test.ts`,
    ).toBe(true);
    expect(
      readFileSync(absolute, 'utf8') === expected,
      `${file} is out of date; run UPDATE_ARTIFACTS=1 npx vitest run test/unit/artifacts.test.ts`,
    ).toBe(true);
  });
});

describe('example files', () => {
  it.each(ARTIFACTS.filter(([file]) => file.startsWith('examples/')))(
    '%s imports cleanly',
    (_file, generate) => {
      const result = parseDocument(generate());
      expect(result.ok ? [] : result.issues).toEqual([]);
    },
  );
});

describe('JSON Schemas', () => {
  const cases: ReadonlyArray<readonly [string, JsonSchema, string, string]> = [
    ['workflow', workflowJsonSchema(), WORKFLOW_FORMAT, 'workflow'],
    ['workspace', workspaceJsonSchema(), WORKSPACE_FORMAT, 'workflows'],
  ];

  it.each(cases)(
    '%s schema is a draft 2020-12 schema with an id and title',
    (_name, schema, format, content) => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toEqual(expect.stringContaining(format));
      expect(schema.title).toEqual(expect.stringContaining(`format version ${FORMAT_VERSION}`));
      expect(schema.type).toBe('object');
      const properties = schema.properties as Record<string, { const?: unknown }>;
      expect(properties.format?.const).toBe(format);
      expect(properties.version?.const).toBe(FORMAT_VERSION);
      expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'exportedAt', content]));
      // Fields with a default are optional in a file, as they are when importing.
      expect(schema.required).not.toContain('roles');
    },
  );

  it('is the same every time it is generated', () => {
    expect(workflowJsonSchema()).toEqual(workflowJsonSchema());
    expect(workspaceJsonSchema()).not.toEqual(workflowJsonSchema());
  });
});
