/** CSV export: RFC 4180 quoting, the injection guard, '.' decimals, BOM, and figures against hand-computed values. */
import { describe, expect, it } from 'vitest';
import { analyzeWorkflow, compareAnalyses } from '../../../shared/analysis';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { skillIndex } from '../../../shared/ontology';
import type { Workflow } from '../../../shared/model/schema';
import { completeRoles, completeSteps, noLearningPlan } from '../../../shared/model/schema';
import { computeSkillsLens } from '../../../shared/skills';
import {
  csvCell,
  csvNumber,
  parseCsv,
  rolesCsv,
  skillsCsv,
  stepsCsv,
  summaryCsv,
  toCsv,
} from '../../../shared/report/csv';

describe('csv cells', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('yes');
  });

  it('guards cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    // Numbers stay numbers, negative ones included.
    expect(csvCell(-2.5)).toBe('-2.5');
  });

  it("writes numbers with '.' and no exponent", () => {
    expect(csvNumber(1234.56789)).toBe('1234.5679');
    expect(csvNumber(0.1 + 0.2)).toBe('0.3');
    expect(csvNumber(-0)).toBe('0');
    expect(csvNumber(1e-7)).toBe('0');
    expect(csvNumber(1e21)).toBe('1000000000000000000000');
    expect(csvNumber(1.5e-5)).toBe('0');
    expect(csvNumber(Number.NaN)).toBe('');
  });

  it('shows bidirectional overrides as code points', () => {
    expect(csvCell('abc\u202Edef')).toBe('abc⟨U+202E⟩def');
  });

  it('joins rows with CRLF, optional BOM, and parses back', () => {
    const text = toCsv(
      ['name', 'wait_minutes'],
      [
        ['a,"b"', 1.5],
        ['=x', null],
      ],
      { bom: true },
    );
    expect(text).toBe('\uFEFFname,wait_minutes\r\n"a,""b""",1.5\r\n\'=x,\r\n');
    expect(parseCsv(text)).toEqual([
      ['name', 'wait_minutes'],
      ['a,"b"', '1.5'],
      ["'=x", ''],
    ]);
  });
});

/** One human task of exactly 6 minutes, 100 cases a week, one person working 40 hours at 50 an hour. */
function tiny(): { wf: Workflow; roles: ReturnType<typeof completeRoles> } {
  const roles = completeRoles([{ id: 'r', name: 'Clerk', headcount: 1, hoursPerWeek: 40, costPerHour: 50 }]);
  const wf: Workflow = {
    id: 'wf',
    name: 'Tiny',
    description: '',
    kind: 'as-is',
    redesignOfId: null,
    volumePerWeek: 100,
    steps: completeSteps([
      { id: 's', type: 'start', name: 'Start', position: { x: 0, y: 0 } },
      {
        id: 't',
        type: 'task',
        name: '=cmd|calc',
        mode: 'human',
        roleId: 'r',
        duration: { min: 6, likely: 6, max: 6 },
        position: { x: 260, y: 0 },
      },
      { id: 'e', type: 'end', name: 'Done', position: { x: 520, y: 0 } },
    ]),
    edges: [
      { id: 'e1', source: 's', target: 't', label: '', probability: null },
      { id: 'e2', source: 't', target: 'e', label: '', probability: null },
    ],
    ...noLearningPlan(),
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
  };
  return { wf, roles };
}

describe('csv tables', () => {
  const { wf, roles } = tiny();
  const analysis = analyzeWorkflow(wf, roles);
  if (!analysis.ok) throw new Error(analysis.error.message);

  it('steps: hand-computed load and cost, hostile name guarded', () => {
    const rows = parseCsv(stepsCsv(wf, analysis));
    expect(rows[0]).toContain('wait_minutes');
    const task = rows.find((r) => r[0] === 't')!;
    // 100 cases × 6 min = 600 min = 10 person-hours a week; 6 min at 50/h = 5 per case.
    expect(task[1]).toBe("'=cmd|calc");
    expect(task[4]).toBe('Clerk');
    expect(task[5]).toBe('1');
    expect(task[6]).toBe('6');
    expect(task[9]).toBe('10');
    expect(task[10]).toBe('5');
  });

  it('roles: 10 of 40 hours is 25% utilization', () => {
    const rows = parseCsv(rolesCsv(analysis));
    expect(rows[1]!.slice(0, 6)).toEqual(['r', 'Clerk', '1', '40', '50', '10']);
    expect(rows[1]![8]).toBe('25');
    expect(rows[1]![10]).toBe('yes');
  });

  it('summary: cost per case 5, capacity 400 cases a week', () => {
    const [header, row] = parseCsv(summaryCsv(analysis));
    const at = (name: string) => row![header!.indexOf(name)];
    expect(at('cost_per_case')).toBe('5');
    expect(at('processing_minutes')).toBe('6');
    expect(at('capacity_cases_per_week')).toBe('400');
    expect(at('constraint_role')).toBe('Clerk');
    expect(at('constraint_utilization_percent')).toBe('25');
    expect(at('hours_freed_per_week')).toBe('');
  });

  it('summary and skills of the customer-support pair match the analysis and the lens', () => {
    const ws = customerSupportExample();
    const asIs = ws.workflows.find((w) => w.kind === 'as-is')!;
    const toBe = ws.workflows.find((w) => w.kind === 'to-be')!;
    const a = analyzeWorkflow(asIs, ws.roles);
    const b = analyzeWorkflow(toBe, ws.roles);
    if (!a.ok || !b.ok) throw new Error('analysis failed');
    const comparison = compareAnalyses(a, b);
    const [header, row] = parseCsv(summaryCsv(b, comparison, { bom: true }));
    expect(Number(row![header!.indexOf('fte_freed')])).toBeCloseTo(comparison.totals.fteFreed, 3);
    expect(Number(row![header!.indexOf('cycle_time_minutes')])).toBeCloseTo(b.cycleTimeMinutes.total!, 3);
    const lens = computeSkillsLens({ toBe, asIs, roles: ws.roles, skills: skillIndex(ws.customSkills) });
    if (!lens.ok) throw new Error(lens.message);
    const skills = parseCsv(skillsCsv(lens));
    expect(skills[0]).toContain('reskilling_hours');
    expect(skills).toHaveLength(lens.rows.length + 1);
  });
});
