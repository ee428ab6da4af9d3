import { describe, expect, it } from 'vitest';
import type { Skill } from '../../shared/model/schema';
import { newCustomSkill } from '../../shared/ontology/index';
import {
  applyOntologyMerge,
  exportSkillsFile,
  parseSkillsFile,
  planOntologyMerge,
  serializeSkillsFile,
  type SkillsFile,
} from '../../shared/ontology/skillsFile';

const AT = new Date('2026-12-07T10:00:00.000Z');

function skill(id: string, name: string, extra: Partial<Skill> = {}): Skill {
  return { ...newCustomSkill(name, '', id), ...extra };
}
const esco = (id: string, release = '1.2') => ({ source: 'esco' as const, id, release });

function file(skills: Skill[]): SkillsFile {
  return exportSkillsFile(skills, AT);
}

describe('skills file: export and parse', () => {
  it('round-trips custom skills with references and retirements', () => {
    const skills = [
      skill('custom-a', 'Claims law', { externalRefs: [esco('http://data.europa.eu/esco/skill/abc')] }),
      skill('custom-b', 'Old mainframe', { retired: true, hoursPerLevel: 12 }),
    ];
    const text = serializeSkillsFile(file(skills));
    const parsed = parseSkillsFile(text);
    expect(parsed).toEqual({ ok: true, file: file(skills) });
  });

  it('refuses unknown fields with their path', () => {
    const raw = JSON.parse(serializeSkillsFile(file([skill('custom-a', 'Claims law')])));
    raw.owner = 'Alice';
    raw.skills[0].colour = 'red';
    raw.skills[0].externalRefs = [{ ...esco('x'), url: 'http://x' }];
    const parsed = parseSkillsFile(JSON.stringify(raw));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual(
      expect.arrayContaining([
        { path: '$.owner', message: 'Unknown field "owner": a skills file version 1 has no such field.' },
        {
          path: '$.skills[0].colour',
          message: 'Unknown field "colour": a skills file version 1 has no such field.',
        },
        {
          path: '$.skills[0].externalRefs[0].url',
          message: 'Unknown field "url": a skills file version 1 has no such field.',
        },
      ]),
    );
  });

  it('refuses other files, newer versions, duplicate ids and unknown categories clearly', () => {
    const bad = (value: unknown) => {
      const parsed = parseSkillsFile(typeof value === 'string' ? value : JSON.stringify(value));
      return parsed.ok ? [] : parsed.issues.map((i) => i.message);
    };
    const ok = file([skill('custom-a', 'A')]);
    expect(bad('{')[0]).toMatch(/^The file is not valid JSON/);
    expect(bad([])).toEqual(['The file does not contain a skills ontology (expected a JSON object).']);
    expect(bad({ ...ok, format: 'coarchitect.workspace' })[0]).toMatch(/use|Import…/);
    expect(bad({ ...ok, version: 2 })[0]).toMatch(/newer Coarchitect \(version 2\)/);
    expect(bad({ ...ok, skills: [skill('custom-a', 'A'), skill('custom-a', 'B')] })).toEqual([
      '$.skills[1].id: appears twice in the file ("custom-a")',
    ]);
    expect(bad({ ...ok, skills: [skill('custom-a', 'A', { categoryId: 'nowhere' })] })).toEqual([
      '$.skills[0].categoryId: is not a category Coarchitect knows',
    ]);
    expect(bad('x'.repeat(5 * 1024 * 1024 + 1))[0]).toMatch(/too large/);
  });
});

describe('planOntologyMerge', () => {
  it('adds skills that match nothing, keeping their ids', () => {
    const plan = planOntologyMerge(file([skill('custom-new', 'Claims law')]), [skill('custom-a', 'Other')]);
    expect(plan.changes).toEqual([
      { kind: 'add', skillId: 'custom-new', matchedBy: null, summary: "Add 'Claims law'" },
    ]);
    expect(plan.conflicts).toEqual([]);
    expect(applyOntologyMerge([skill('custom-a', 'Other')], plan).map((s) => s.id)).toEqual([
      'custom-a',
      'custom-new',
    ]);
  });

  it('matches by id: renames and retires, keeping everything else of ours', () => {
    const ours = [skill('custom-a', 'Claims', { externalRefs: [esco('e1')] })];
    const theirs = [skill('custom-a', 'Claims law', { retired: true, externalRefs: [esco('e2')] })];
    const plan = planOntologyMerge(file(theirs), ours);
    expect(plan.changes.map((c) => [c.kind, c.summary, c.matchedBy])).toEqual([
      ['rename', "Rename 'Claims' to 'Claims law'", 'id'],
      ['retire', "Retire 'Claims law'", 'id'],
      ['update', "Update the external references of 'Claims law'", 'id'],
    ]);
    const merged = applyOntologyMerge(ours, plan);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: 'custom-a', name: 'Claims law', retired: true });
    expect(merged[0]?.externalRefs).toEqual([esco('e1'), esco('e2')]);
  });

  it('matches by external reference {source, id, release}, keeping our id', () => {
    const ours = [skill('team1-claims', 'Claims handling', { externalRefs: [esco('e1', '1.2')] })];
    const theirs = [skill('hq-claims', 'Claims law', { externalRefs: [esco('e1', '1.2')] })];
    const plan = planOntologyMerge(file(theirs), ours);
    expect(plan.changes).toEqual([
      {
        kind: 'rename',
        skillId: 'team1-claims',
        matchedBy: 'external-reference',
        summary: "Rename 'Claims handling' to 'Claims law' (matched by esco e1 (1.2))",
      },
    ]);
    expect(applyOntologyMerge(ours, plan).map((s) => [s.id, s.name])).toEqual([
      ['team1-claims', 'Claims law'],
    ]);
  });

  it('does not match a reference of another release', () => {
    const ours = [skill('team1-claims', 'Claims handling', { externalRefs: [esco('e1', '1.1')] })];
    const theirs = [skill('hq-claims', 'Claims law', { externalRefs: [esco('e1', '1.2')] })];
    expect(planOntologyMerge(file(theirs), ours).changes.map((c) => c.kind)).toEqual(['add']);
  });

  it('restores a skill the file no longer retires, and counts identical skills as unchanged', () => {
    const ours = [skill('custom-a', 'A', { retired: true }), skill('custom-b', 'B')];
    const plan = planOntologyMerge(file([skill('custom-a', 'A'), skill('custom-b', 'B')]), ours);
    expect(plan.changes.map((c) => c.summary)).toEqual(["Restore 'A' (no longer retired)"]);
    expect(plan.unchanged).toBe(1);
  });

  it('leaves built-in skills alone, by id or by their O*NET reference', () => {
    const plan = planOntologyMerge(
      file([
        skill('onet.writing', 'Writing (ours)'),
        skill('hq-reading', 'Reading', {
          externalRefs: [{ source: 'onet', id: '2.A.1.a', release: '30.0' }],
        }),
      ]),
      [],
    );
    expect(plan.changes).toEqual([]);
    expect(plan.unchanged).toBe(2);
  });

  it('lists conflicts and applies none of them', () => {
    const ours = [
      skill('custom-a', 'Claims', { externalRefs: [esco('e1')] }),
      skill('custom-b', 'Billing', { externalRefs: [esco('e2')] }),
      skill('custom-c', 'Billing disputes', { externalRefs: [esco('e2')] }),
      skill('custom-d', 'Negotiation'),
    ];
    const theirs = [
      // Id of one skill, reference of another.
      skill('custom-a', 'Claims law', { externalRefs: [esco('e2')] }),
      // A reference shared by two of ours.
      skill('hq-billing', 'Billing', { externalRefs: [esco('e2')] }),
      // Same name, other id, no reference.
      skill('hq-negotiation', 'negotiation'),
      // Two skills of the file on one of ours.
      skill('hq-claims-1', 'Claims 1', { externalRefs: [esco('e9')] }),
      skill('hq-claims-2', 'Claims 2', { externalRefs: [esco('e9')] }),
    ];
    const withE9 = [...ours, skill('custom-e', 'Claims intake', { externalRefs: [esco('e9')] })];
    const plan = planOntologyMerge(file(theirs), withE9);
    expect(plan.conflicts.map((c) => c.incomingId)).toEqual([
      'custom-a',
      'hq-billing',
      'hq-negotiation',
      'hq-claims-2',
    ]);
    expect(plan.conflicts[0]?.message).toBe(
      "'Claims law' has the id of your 'Claims' but the external reference esco e2 (1.2) of your 'Billing'; neither was changed.",
    );
    expect(plan.conflicts[1]?.message).toMatch(/shares external references with 2 of your skills/);
    expect(plan.conflicts[2]?.message).toMatch(/already have a skill named 'Negotiation'/);
    expect(plan.conflicts[3]?.message).toBe(
      "'Claims 2' and 'Claims 1' in the file both match your 'Claims intake'.",
    );
    // Only the first e9 skill applies (a rename of Claims intake).
    expect(plan.changes.map((c) => c.summary)).toEqual([
      "Rename 'Claims intake' to 'Claims 1' (matched by esco e9 (1.2))",
    ]);
    const merged = applyOntologyMerge(withE9, plan);
    expect(merged.map((s) => s.name)).toEqual([
      'Claims',
      'Billing',
      'Billing disputes',
      'Negotiation',
      'Claims 1',
    ]);
  });
});
