import { describe, it, expect } from 'vitest';
import type { Role, Skill, Workflow, Workspace } from '../../shared/model/schema';
import {
  FORMAT_VERSION,
  WORKFLOW_FORMAT,
  WORKSPACE_FORMAT,
  exportWorkflow,
  exportWorkspace,
  serializeDocument,
} from '../../shared/format/document';
import type { CoarchitectDocument, WorkflowDocument, WorkspaceDocument } from '../../shared/format/document';
import { parseDocument, planImport } from '../../shared/format/importer';
import type { ImportIssue } from '../../shared/format/importer';
import { MIGRATIONS, UnsupportedVersionError, migrateDocument } from '../../shared/format/migrations';
import type { JsonObject, Migration } from '../../shared/format/migrations';
import { newCustomSkill } from '../../shared/ontology/index';
import { customerSupportExample } from '../../shared/examples/customerSupport';
import { invoiceProcessingExample } from '../../shared/examples/invoiceProcessing';

const EXPORTED_AT = new Date('2026-11-01T09:00:00.000Z');
const EXAMPLES: ReadonlyArray<readonly [string, () => Workspace]> = [
  ['customer support', customerSupportExample],
  ['invoice processing', invoiceProcessingExample],
];
const EMPTY: Workspace = { workflows: [], roles: [], customSkills: [] };

function parsed(text: string): CoarchitectDocument {
  const result = parseDocument(text);
  if (!result.ok) throw new Error(`expected the file to parse: ${JSON.stringify(result.issues, null, 2)}`);
  return result.document;
}

function issuesOf(doc: unknown): ImportIssue[] {
  const result = parseDocument(typeof doc === 'string' ? doc : JSON.stringify(doc));
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

function asIsOf(ws: Workspace): Workflow {
  return ws.workflows.find((w) => w.kind === 'as-is')!;
}

/** A workflow document of the customer-support as-is workflow as plain JSON, for breaking. */
function workflowJson(): JsonObject & {
  workflow: { steps: JsonObject[]; edges: JsonObject[] } & JsonObject;
} {
  const ws = customerSupportExample();
  return JSON.parse(serializeDocument(exportWorkflow(asIsOf(ws), ws, EXPORTED_AT)));
}

describe('export and import round trip', () => {
  describe.each(EXAMPLES)('%s example', (_name, build) => {
    it('keeps a whole workspace unchanged', () => {
      const ws = build();
      const doc = parsed(serializeDocument(exportWorkspace(ws, EXPORTED_AT))) as WorkspaceDocument;
      expect(doc.format).toBe(WORKSPACE_FORMAT);
      expect(doc.version).toBe(FORMAT_VERSION);
      expect(doc.exportedAt).toBe(EXPORTED_AT.toISOString());
      expect(doc.workflows).toEqual(ws.workflows);
      expect(doc.roles).toEqual(ws.roles);
      expect(doc.customSkills).toEqual(ws.customSkills);
      expect(doc).toEqual(exportWorkspace(ws, EXPORTED_AT));
    });

    it('keeps every single workflow unchanged', () => {
      const ws = build();
      for (const workflow of ws.workflows) {
        const exported = exportWorkflow(workflow, ws, EXPORTED_AT);
        const doc = parsed(serializeDocument(exported)) as WorkflowDocument;
        expect(doc.format).toBe(WORKFLOW_FORMAT);
        expect(doc.workflow).toEqual(workflow);
        expect(doc).toEqual(exported);
      }
    });
  });

  it('keeps custom skills', () => {
    const ws = customerSupportExample();
    const skill = newCustomSkill('Tone of voice', 'Writes in the brand voice.', 'custom-tone');
    const workflow = asIsOf(ws);
    const withSkill: Workflow = {
      ...workflow,
      steps: workflow.steps.map((s) =>
        s.type === 'task' ? { ...s, skills: [...s.skills, { skillId: skill.id, level: 4 }] } : s,
      ),
    };
    const doc = parsed(
      serializeDocument(exportWorkflow(withSkill, { ...ws, customSkills: [skill] }, EXPORTED_AT)),
    ) as WorkflowDocument;
    expect(doc.customSkills).toEqual([skill]);
    expect(doc.workflow).toEqual(withSkill);
  });
});

describe('exportWorkflow', () => {
  it('includes only the roles and custom skills the workflow uses', () => {
    const ws = customerSupportExample();
    const workflow = asIsOf(ws);
    const used = newCustomSkill('Tone of voice', '', 'custom-used');
    const unused = newCustomSkill('Origami', '', 'custom-unused');
    const idleRole: Role = {
      id: 'role-idle',
      name: 'Nobody',
      headcount: 1,
      hoursPerWeek: 40,
      costPerHour: 10,
      skillLevels: [],
      people: [],
    };
    const firstTask = workflow.steps.find((s) => s.type === 'task')!;
    const withSkill: Workflow = {
      ...workflow,
      steps: workflow.steps.map((s) =>
        s === firstTask && s.type === 'task'
          ? { ...s, skills: [...s.skills, { skillId: used.id, level: 2 }] }
          : s,
      ),
    };
    const doc = exportWorkflow(
      withSkill,
      { roles: [...ws.roles, idleRole], customSkills: [unused, used] },
      EXPORTED_AT,
    );

    const usedRoleIds = new Set(
      workflow.steps.flatMap((s) =>
        (s.type === 'task' || s.type === 'review') && s.roleId ? [s.roleId] : [],
      ),
    );
    expect(usedRoleIds.size).toBeGreaterThan(0);
    expect(doc.roles.map((r) => r.id).sort()).toEqual([...usedRoleIds].sort());
    expect(doc.customSkills).toEqual([used]);
    expect(doc.exportedAt).toBe('2026-11-01T09:00:00.000Z');
  });
});

describe('parseDocument errors', () => {
  it('rejects text that is not JSON', () => {
    const [issue, ...rest] = issuesOf('{"format": ');
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ path: '$.format', line: 1, column: 12 });
    expect(issue?.message).toMatch(/not valid JSON/);
  });

  it('rejects a JSON array', () => {
    expect(issuesOf([{ format: WORKFLOW_FORMAT }])).toEqual([
      { path: '$', message: expect.stringMatching(/JSON object/), line: 1, column: 1 },
    ]);
  });

  it('rejects a file of another format', () => {
    const doc = { ...workflowJson(), format: 'bpmn.workflow' };
    expect(issuesOf(doc)).toMatchObject([
      { path: '$.format', message: expect.stringContaining('not a Coarchitect file') },
    ]);
  });

  it('rejects a file written by a newer Coarchitect', () => {
    const doc = { ...workflowJson(), version: FORMAT_VERSION + 1 };
    const issues = issuesOf(doc);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('$.version');
    expect(issues[0]?.message).toMatch(/newer Coarchitect/);
    expect(issues[0]?.message).toContain(`version ${FORMAT_VERSION + 1}`);
  });

  it('rejects a file without a version', () => {
    const { version: _version, ...doc } = workflowJson();
    const issues = issuesOf(doc);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('$.version');
    expect(issues[0]?.message).toMatch(/no valid format version/);
  });

  it('names the step and the field of an out-of-range rejection rate', () => {
    const doc = workflowJson();
    const index = doc.workflow.steps.findIndex((s) => s.type === 'review');
    expect(index).toBeGreaterThan(0);
    const step = doc.workflow.steps[index]!;
    step.rejectionRate = 1.5;
    const issues = issuesOf(doc);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe(`$.workflow.steps[${index}].rejectionRate`);
    expect(issues[0]?.message).toContain(`step '${String(step.name)}'`);
    expect(issues[0]?.message).toContain('rejection rate must be between 0 and 1');
  });

  it('reports a missing required field', () => {
    const doc = workflowJson();
    delete doc.workflow.volumePerWeek;
    const issues = issuesOf(doc);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('$.workflow.volumePerWeek');
    expect(issues[0]?.message).toBe('workflow: case volume is missing');
  });

  it('says a field is missing even where the schema has its own type message', () => {
    const doc = workflowJson();
    delete (doc.roles as JsonObject[])[0]!.headcount;
    (doc.roles as JsonObject[])[1]!.costPerHour = 'a lot';
    const issues = issuesOf(doc);
    expect(issues).toMatchObject([
      {
        path: '$.roles[0].headcount',
        message: `role '${String((doc.roles as JsonObject[])[0]!.name)}': headcount is missing`,
      },
      {
        path: '$.roles[1].costPerHour',
        message: `role '${String((doc.roles as JsonObject[])[1]!.name)}': cost per hour must be a number`,
      },
    ]);
  });

  it('reports a missing field of a step with the step name', () => {
    const doc = workflowJson();
    const step = doc.workflow.steps[1]!;
    delete step.position;
    const [issue] = issuesOf(doc);
    expect(issue?.path).toBe('$.workflow.steps[1].position');
    expect(issue?.message).toBe(`step '${String(step.name)}': position is missing`);
  });

  it('lists broken references beside schema problems, not only after them', () => {
    const doc = workflowJson();
    const index = doc.workflow.steps.findIndex((s) => s.type === 'task');
    doc.workflow.steps[index]!.roleId = 'role-elsewhere';
    doc.workflow.volumePerWeek = -1;
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toEqual([
      '$.workflow.volumePerWeek',
      `$.workflow.steps[${index}].roleId`,
    ]);
    expect(issues.every((i) => i.line !== undefined)).toBe(true);
  });

  it('reports a step whose role is not in the file', () => {
    const doc = workflowJson();
    const index = doc.workflow.steps.findIndex((s) => s.type === 'task');
    const step = doc.workflow.steps[index]!;
    step.roleId = 'role-elsewhere';
    const issues = issuesOf(doc);
    expect(issues).toMatchObject([
      {
        path: `$.workflow.steps[${index}].roleId`,
        message: `step '${String(step.name)}': role 'role-elsewhere' is not in the file`,
      },
    ]);
  });

  it('reports a connection to a step that is not in the workflow', () => {
    const doc = workflowJson();
    doc.workflow.edges[2]!.target = 'step-ghost';
    const issues = issuesOf(doc);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('$.workflow.edges[2].target');
    expect(issues[0]?.message).toContain("'step-ghost'");
  });

  it('reports duplicate step ids', () => {
    const doc = workflowJson();
    doc.workflow.steps[2]!.id = doc.workflow.steps[1]!.id;
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toContain('$.workflow.steps');
    expect(issues.find((i) => i.path === '$.workflow.steps')?.message).toContain(
      `step id '${String(doc.workflow.steps[1]!.id)}' is used more than once`,
    );
  });

  it('reports every issue of a badly broken file', () => {
    const doc = workflowJson();
    doc.exportedAt = 'yesterday';
    doc.workflow.kind = 'maybe';
    doc.workflow.steps[1]!.name = '';
    doc.workflow.steps[2]!.type = 'meeting';
    doc.workflow.edges[0]!.probability = -1;
    const issues = issuesOf(doc);
    expect(issues.length).toBeGreaterThanOrEqual(5);
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.exportedAt',
        '$.workflow.kind',
        '$.workflow.steps[1].name',
        '$.workflow.steps[2].type',
        '$.workflow.edges[0].probability',
      ]),
    );
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(0);
  });

  it('reports issues inside a workspace with the workflow index in the path', () => {
    const ws = invoiceProcessingExample();
    const doc = JSON.parse(serializeDocument(exportWorkspace(ws, EXPORTED_AT)));
    doc.workflows[1].steps[0].name = 42;
    doc.roles[0].hoursPerWeek = 200;
    const paths = issuesOf(doc).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['$.workflows[1].steps[0].name', '$.roles[0].hoursPerWeek']),
    );
  });
});

describe('planImport', () => {
  function workflowDoc(ws: Workspace, workflow = asIsOf(ws)): WorkflowDocument {
    return parsed(serializeDocument(exportWorkflow(workflow, ws, EXPORTED_AT))) as WorkflowDocument;
  }

  it('keeps ids that are free and brings roles along', () => {
    const ws = customerSupportExample();
    const doc = workflowDoc(ws);
    const plan = planImport(doc, EMPTY);
    expect(plan.workflows).toEqual([doc.workflow]);
    expect(plan.roles).toEqual(doc.roles);
    expect(plan.customSkills).toEqual([]);
    expect(plan.notes).toEqual([]);
  });

  it('gives a workflow whose id is taken a new id and a numbered name', () => {
    const ws = customerSupportExample();
    const doc = workflowDoc(ws);
    const plan = planImport(doc, ws);
    const [imported] = plan.workflows;
    expect(plan.workflows).toHaveLength(1);
    expect(imported?.id).not.toBe(doc.workflow.id);
    expect(ws.workflows.map((w) => w.id)).not.toContain(imported?.id);
    expect(imported?.name).toBe(`${doc.workflow.name} (2)`);
    expect(imported?.steps).toEqual(doc.workflow.steps);
    expect(plan.notes.join('\n')).toContain(`'${doc.workflow.name} (2)'`);

    const again = planImport(doc, { ...ws, workflows: [...ws.workflows, imported!] });
    expect(again.workflows[0]?.name).toBe(`${doc.workflow.name} (3)`);
  });

  it('reuses a role that exists unchanged', () => {
    const ws = customerSupportExample();
    const plan = planImport(workflowDoc(ws), { ...EMPTY, roles: ws.roles });
    expect(plan.roles).toEqual([]);
    expect(plan.workflows[0]).toEqual(asIsOf(ws));
  });

  it('adds a role that differs under a new id and points the steps at it', () => {
    const ws = customerSupportExample();
    const changed = ws.roles.map((r) =>
      r.id === 'cs-role-agent' ? { ...r, costPerHour: r.costPerHour + 10 } : r,
    );
    const plan = planImport(workflowDoc(ws), { ...EMPTY, roles: changed });
    expect(plan.roles).toHaveLength(1);
    const added = plan.roles[0]!;
    expect(added.id).not.toBe('cs-role-agent');
    expect(added.costPerHour).toBe(ws.roles.find((r) => r.id === 'cs-role-agent')!.costPerHour);
    expect(added.name).toBe('Support agent (2)');

    const original = asIsOf(ws);
    const imported = plan.workflows[0]!;
    imported.steps.forEach((s, i) => {
      const before = original.steps[i]!;
      if (
        (s.type === 'task' || s.type === 'review') &&
        (before.type === 'task' || before.type === 'review')
      ) {
        expect(s.roleId).toBe(before.roleId === 'cs-role-agent' ? added.id : before.roleId);
      }
    });
    expect(
      imported.steps.some((s) => (s.type === 'task' || s.type === 'review') && s.roleId === added.id),
    ).toBe(true);
    expect(plan.notes.join('\n')).toContain('Support agent (2)');
  });

  it('adds a custom skill that differs under a new id and points the steps at it', () => {
    const ws = customerSupportExample();
    const skill: Skill = newCustomSkill('Tone of voice', 'Brand voice', 'custom-tone');
    const workflow = asIsOf(ws);
    const withSkill: Workflow = {
      ...workflow,
      steps: workflow.steps.map((s) =>
        s.type === 'task' ? { ...s, skills: [{ skillId: skill.id, level: 3 }] } : s,
      ),
    };
    const doc = workflowDoc({ ...ws, customSkills: [skill] }, withSkill);
    const plan = planImport(doc, { ...EMPTY, customSkills: [{ ...skill, description: 'Something else' }] });
    expect(plan.customSkills).toHaveLength(1);
    const added = plan.customSkills[0]!;
    expect(added.id).not.toBe(skill.id);
    const tasks = plan.workflows[0]!.steps.filter((s) => s.type === 'task');
    for (const t of tasks) expect(t.skills).toEqual([{ skillId: added.id, level: 3 }]);

    expect(planImport(doc, { ...EMPTY, customSkills: [skill] }).customSkills).toEqual([]);
  });

  it('points an imported redesign at its imported as-is workflow when both ids collide', () => {
    const ws = customerSupportExample();
    const doc = parsed(serializeDocument(exportWorkspace(ws, EXPORTED_AT)));
    const plan = planImport(doc, ws);
    expect(plan.workflows).toHaveLength(2);
    const asIs = plan.workflows.find((w) => w.kind === 'as-is')!;
    const toBe = plan.workflows.find((w) => w.kind === 'to-be')!;
    const existingIds = ws.workflows.map((w) => w.id);
    expect(existingIds).not.toContain(asIs.id);
    expect(existingIds).not.toContain(toBe.id);
    expect(toBe.redesignOfId).toBe(asIs.id);
    expect(plan.roles).toEqual([]);
  });

  it('keeps a redesign pointing at an existing as-is workflow when only the redesign is imported', () => {
    const ws = customerSupportExample();
    const toBe = ws.workflows.find((w) => w.kind === 'to-be')!;
    const plan = planImport(workflowDoc(ws, toBe), { ...ws, workflows: [asIsOf(ws)] });
    expect(plan.workflows[0]?.id).toBe(toBe.id);
    expect(plan.workflows[0]?.redesignOfId).toBe(asIsOf(ws).id);
  });
});

describe('migrations', () => {
  const v1ToV2: Migration = (doc) => ({
    ...doc,
    trail: [...((doc.trail as string[]) ?? []), 'v1→v2'],
    renamed: doc.old,
  });
  const v2ToV3: Migration = (doc) => {
    const { old: _old, ...rest } = doc;
    return { ...rest, trail: [...(doc.trail as string[]), `v2→v3 from version ${String(doc.version)}`] };
  };

  it('upgrades one version at a time, in order', () => {
    const result = migrateDocument({ version: 1, old: 'x' }, [v1ToV2, v2ToV3], 3);
    expect(result).toEqual({ version: 3, renamed: 'x', trail: ['v1→v2', 'v2→v3 from version 2'] });
  });

  it('starts from the version the document has', () => {
    expect(migrateDocument({ version: 2, trail: [] }, [v1ToV2, v2ToV3], 3)).toEqual({
      version: 3,
      trail: ['v2→v3 from version 2'],
    });
    const current = { version: 3, data: 1 };
    expect(migrateDocument(current, [v1ToV2, v2ToV3], 3)).toEqual(current);
  });

  it('does not change the document it is given', () => {
    const doc = { version: 1, old: 'x' };
    migrateDocument(doc, [v1ToV2, v2ToV3], 3);
    expect(doc).toEqual({ version: 1, old: 'x' });
  });

  it('refuses documents from a newer version', () => {
    expect(() => migrateDocument({ version: 4 }, [v1ToV2, v2ToV3], 3)).toThrow(UnsupportedVersionError);
    expect(() => migrateDocument({ version: 4 }, [v1ToV2, v2ToV3], 3)).toThrow(/newer Coarchitect/);
  });

  it.each([1.5, 0, -1, '1', null, undefined, Number.NaN])('refuses the version %s', (version) => {
    expect(() => migrateDocument({ version }, [v1ToV2, v2ToV3], 3)).toThrow(UnsupportedVersionError);
  });

  it('refuses when a migration is missing', () => {
    expect(() => migrateDocument({ version: 1 }, [v1ToV2], 3)).toThrow(/from format version 2 to 3/);
  });

  it('has one migration for every format version before the current one', () => {
    expect(MIGRATIONS).toHaveLength(FORMAT_VERSION - 1);
    const oldest = { version: 1 };
    expect(migrateDocument(oldest).version).toBe(FORMAT_VERSION);
  });
});
