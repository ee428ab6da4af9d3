import { describe, expect, it } from 'vitest';
import { analyzeWorkflow } from '../../shared/analysis/analyze';
import { customerSupportExample } from '../../shared/examples/customerSupport';
import {
  exportWorkflow,
  exportWorkspace,
  serializeDocument,
  type WorkspaceDocument,
} from '../../shared/format/document';
import { parseDocument } from '../../shared/format/importer';
import { costsRedacted, redactDocument, roleAlias } from '../../shared/format/redact';
import type { Workspace } from '../../shared/model/schema';
import { newCustomSkill } from '../../shared/ontology/index';

const AT = new Date('2026-12-07T10:00:00.000Z');

/** The customer-support pair with people (from the example), notes, descriptions and a custom skill. */
function sensitiveWorkspace(): Workspace {
  const ws = customerSupportExample();
  ws.workflows = ws.workflows.map((wf, i) => ({
    ...wf,
    name: i === 0 ? 'Team lead escalations (as-is)' : wf.name,
    description: 'Confidential: restructuring of the Lisbon office',
    steps: wf.steps.map((s) => ({
      ...s,
      description: s.type === 'task' ? 'Handled by Maria Lopez on Fridays' : s.description,
      notes: s.type === 'review' ? 'Payroll grade 7 review notes' : s.notes,
    })),
    learningPlan: wf.learningPlan.map((item) => ({ ...item, notes: 'Jonas Berg agreed on 3 October' })),
  }));
  ws.customSkills = [newCustomSkill('Claims law', 'Internal memo #4411 on claims', 'custom-claims')];
  return ws;
}

const SENSITIVE_OUTSIDE_HR = ['Maria Lopez', 'Jonas Berg', '"maria"', '"jonas"', 'Personal level'];
const SENSITIVE_PUBLIC = [
  ...SENSITIVE_OUTSIDE_HR,
  'Support agent',
  'Senior agent / reviewer',
  'Team lead',
  'cs-role-agent',
  'cs-role-senior',
  'cs-role-lead',
  'Lisbon',
  'Payroll grade 7',
  'agreed on 3 October',
  'Internal memo #4411',
];

function costsIn(text: string): number[] {
  return [...text.matchAll(/"costPerHour": ([0-9.e+-]+)/g)].map((m) => Number(m[1]));
}

describe('roleAlias', () => {
  it('names roles A to Z, then AA, AB…', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(roleAlias)).toEqual([
      'Role A',
      'Role B',
      'Role Z',
      'Role AA',
      'Role AB',
      'Role AZ',
      'Role BA',
      'Role ZZ',
      'Role AAA',
    ]);
  });
});

describe('redactDocument', () => {
  it('leaves a full export as it is', () => {
    const doc = exportWorkspace(sensitiveWorkspace(), AT);
    expect(redactDocument(doc, 'full')).toBe(doc);
    expect(serializeDocument(doc)).toContain('Maria Lopez');
  });

  it('"Share outside HR" removes people, their levels and costs per hour, lists them, and still validates', () => {
    const ws = sensitiveWorkspace();
    const before = JSON.stringify(ws);
    const doc = redactDocument(exportWorkspace(ws, AT), 'outside-hr');
    expect(JSON.stringify(ws), 'input untouched').toBe(before);
    const text = serializeDocument(doc);
    for (const s of SENSITIVE_OUTSIDE_HR) expect(text, s).not.toContain(s);
    // 38, 52 and 65 per hour in the example: all gone, written as 0.
    expect(costsIn(text)).toEqual([0, 0, 0]);
    // Role names, notes and team levels stay at this level.
    expect(text).toContain('Support agent');
    expect(text).toContain('Payroll grade 7');
    // People named in free text are replaced too.
    expect(text).toContain('Handled by [person] on Fridays');
    expect(doc.roles.every((r) => r.skillLevels.length > 0)).toBe(true);

    expect(doc.redaction).toEqual({
      level: 'outside-hr',
      removed: [
        { field: 'Role.people', count: 2, description: expect.any(String) },
        // Maria has one personal level, Jonas two.
        { field: 'Person.levels', count: 3, description: expect.any(String) },
        { field: 'Person.mentions', count: expect.any(Number), description: expect.any(String) },
        { field: 'Role.costPerHour', count: 3, description: expect.any(String) },
      ],
    });

    const parsed = parseDocument(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.document.redaction?.level).toBe('outside-hr');
    expect(parsed.document.roles.every((r) => r.costRedacted === true)).toBe(true);
  });

  it('"Public" also renames roles consistently and drops notes and descriptions', () => {
    const ws = sensitiveWorkspace();
    const doc = redactDocument(exportWorkspace(ws, AT), 'public') as WorkspaceDocument;
    const text = serializeDocument(doc);
    for (const s of SENSITIVE_PUBLIC) expect(text, s).not.toContain(s);
    expect(doc.roles.map((r) => [r.id, r.name])).toEqual([
      ['role-a', 'Role A'],
      ['role-b', 'Role B'],
      ['role-c', 'Role C'],
    ]);
    // The role named in a workflow's name is replaced by its alias (Team lead is the third role).
    expect(doc.workflows[0]?.name).toBe('Role C escalations (as-is)');
    // Every step's role points at a renamed role, and the same step keeps the same role.
    const originalRoleOf = new Map(
      ws.workflows.flatMap((wf) =>
        wf.steps.map((s) => [s.id, s.type === 'task' || s.type === 'review' ? s.roleId : null] as const),
      ),
    );
    const aliasOf = new Map(ws.roles.map((r, i) => [r.id, `role-${'abc'[i]}`]));
    for (const wf of doc.workflows)
      for (const s of wf.steps) {
        if (s.type !== 'task' && s.type !== 'review') continue;
        const original = originalRoleOf.get(s.id);
        expect(s.roleId).toBe(original ? aliasOf.get(original) : null);
        expect(s.description).toBe('');
        expect(s.notes).toBe('');
      }
    expect(
      doc.workflows
        .flatMap((wf) => wf.learningPlan.map((i) => i.roleId))
        .every((id) => /^role-[abc]$/.test(id)),
    ).toBe(true);
    expect(doc.redaction?.removed.map((e) => e.field)).toEqual([
      'Role.people',
      'Person.levels',
      'Person.mentions',
      'Role.costPerHour',
      'Role.name',
      'Workflow.description',
      'Step.description',
      'Step.notes',
      'LearningPlanItem.notes',
      'Skill.description',
    ]);
    expect(doc.redaction?.removed.find((e) => e.field === 'Role.name')?.count).toBe(3);
    expect(doc.redaction?.removed.find((e) => e.field === 'Workflow.description')?.count).toBe(2);

    const parsed = parseDocument(text);
    expect(parsed.ok, JSON.stringify(parsed.ok ? [] : parsed.issues)).toBe(true);
  });

  it('a redacted file analyses: the same utilization and cycle time, costs marked redacted', () => {
    const ws = sensitiveWorkspace();
    const parsed = parseDocument(serializeDocument(redactDocument(exportWorkspace(ws, AT), 'public')));
    if (!parsed.ok || parsed.document.format !== 'coarchitect.workspace') throw new Error('not parsed');
    const { document } = parsed;
    document.workflows.forEach((wf, i) => {
      const original = ws.workflows[i]!;
      const before = analyzeWorkflow(original, ws.roles);
      const after = analyzeWorkflow(wf, document.roles);
      if (!before.ok || !after.ok) throw new Error('analysis failed');
      expect(after.cycleTimeMinutes).toEqual(before.cycleTimeMinutes);
      expect(after.roles.map((r) => r.utilization)).toEqual(before.roles.map((r) => r.utilization));
      // People costs are unknown (written as 0), AI costs stay; nothing is NaN.
      expect(after.costPerCase.people).toBe(0);
      expect(after.costPerCase.ai).toBeCloseTo(before.costPerCase.ai, 10);
      expect(Number.isFinite(after.costPerCase.total)).toBe(true);
      expect(costsRedacted(wf, document.roles)).toBe(true);
      expect(costsRedacted(original, ws.roles)).toBe(false);
    });
  });

  it('redacts a single-workflow export to the roles it uses', () => {
    const ws = sensitiveWorkspace();
    const wf = ws.workflows[1]!;
    const doc = redactDocument(exportWorkflow(wf, ws, AT), 'public');
    const text = serializeDocument(doc);
    for (const s of SENSITIVE_PUBLIC) expect(text, s).not.toContain(s);
    expect(parseDocument(text).ok).toBe(true);
  });

  it('"Share outside HR" removes the owners named on steps and their mentions in text', () => {
    const ws = customerSupportExample();
    const toBe = ws.workflows.find((w) => w.kind === 'to-be')!;
    const wf = {
      ...toBe,
      steps: toBe.steps.map((s) =>
        s.type === 'task' && s.mode === 'ai-automated'
          ? { ...s, owner: 'Ana Duarte', notes: 'Ana Duarte signs off the prompt' }
          : s,
      ),
    };
    const owned = wf.steps.filter((s) => s.type === 'task' && s.owner !== '').length;
    expect(owned).toBeGreaterThan(0);
    const doc = redactDocument(exportWorkflow(wf, ws, AT), 'outside-hr');
    const text = serializeDocument(doc);
    expect(text).not.toContain('Ana Duarte');
    expect(text).toContain('[person] signs off the prompt');
    expect(doc.redaction?.removed.find((e) => e.field === 'Step.owner')?.count).toBe(owned);
    expect(parseDocument(text).ok).toBe(true);
    // The full export keeps the owner.
    expect(serializeDocument(exportWorkflow(wf, ws, AT))).toContain('"owner": "Ana Duarte"');
  });

  it('refuses a manifest with unknown fields', () => {
    const doc = redactDocument(exportWorkspace(sensitiveWorkspace(), AT), 'outside-hr');
    const tampered = { ...doc, redaction: { ...doc.redaction, extra: 1 } };
    const parsed = parseDocument(JSON.stringify(tampered));
    expect(parsed.ok).toBe(false);
  });
});
