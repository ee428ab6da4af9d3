// @vitest-environment jsdom
/**
 * The export planner and the HTML report: arguments, the files planned for an example, the report's figures
 * equal to the analysis's JSON report, hostile labels escaped, an empty workflow and one with problems said so.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../shared/analysis/cli';
import { formatMinutes, formatMoney, formatPercent } from '../../../shared/analysis/numbers';
import { exportWorkspace, serializeDocument } from '../../../shared/format/document';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { parseCsv } from '../../../shared/report/csv';
import { planExport } from '../../../shared/report/exportCli';
import { cssString, pageCss } from '../../../shared/report/html';

const EXAMPLE = 'examples/customer-support.coarchitect.json';
const read = (path: string) => readFileSync(path, 'utf8');
const TODAY = '2026-12-07';

describe('export arguments', () => {
  it('asks for an output, a known option and a valid scale', () => {
    expect(planExport([EXAMPLE], read, TODAY).stderr).toContain('Say what to write');
    expect(planExport([EXAMPLE, '--svg'], read, TODAY).stderr).toContain('--svg needs a file name.');
    expect(planExport([EXAMPLE, '--png', 'x.png', '--scale', '3'], read, TODAY).stderr).toContain(
      "--scale needs 1, 2 or 4 (got '3')",
    );
    expect(planExport([EXAMPLE, '--nope'], read, TODAY).stderr).toContain("Unknown option '--nope'");
    expect(planExport(['--help'], read, TODAY)).toMatchObject({ exitCode: 0 });
  });

  it('needs --workflow for a workspace and names its workflows when one is unknown', () => {
    const many = planExport([EXAMPLE, '--svg', 'a.svg'], read, TODAY);
    expect(many.exitCode).toBe(2);
    expect(many.stderr).toContain('choose one with --workflow');
    const unknown = planExport([EXAMPLE, '--svg', 'a.svg', '--workflow', 'Nope'], read, TODAY);
    expect(unknown.stderr).toContain("No workflow named 'Nope'");
    expect(unknown.stderr).toContain("'Customer support (to-be)'");
  });

  it('says why a file cannot be read', () => {
    const plan = planExport(
      ['missing.json', '--svg', 'a.svg'],
      () => {
        throw new Error('ENOENT');
      },
      TODAY,
    );
    expect(plan).toMatchObject({ exitCode: 2, stderr: "Cannot read 'missing.json': ENOENT\n" });
  });
});

describe('export of the customer-support to-be', () => {
  const plan = planExport(
    [
      EXAMPLE,
      '--workflow',
      'Customer support (to-be)',
      '--svg',
      'o/d.svg',
      '--csv',
      'o/csv',
      '--report',
      'o/r.html',
      '--png',
      'o/d.png',
      '--pdf',
      'o/r.pdf',
    ],
    read,
    TODAY,
  );
  const file = (path: string) => plan.files.find((f) => f.path === path)?.content ?? '';

  it('plans the SVG, four CSV tables, the report, and the PNG and PDF for Chromium', () => {
    expect(plan.exitCode).toBe(0);
    expect(plan.files.map((f) => f.path)).toEqual([
      'o/d.svg',
      'o/csv/steps.csv',
      'o/csv/roles.csv',
      'o/csv/summary.csv',
      'o/csv/skills.csv',
      'o/r.html',
    ]);
    expect(plan.png).toMatchObject({ path: 'o/d.png', scale: 2 });
    expect(plan.png?.svg).toBe(file('o/d.svg'));
    expect(plan.pdf?.html).toBe(file('o/r.html'));
  });

  it('writes CSV rows of every step and role', () => {
    const steps = parseCsv(file('o/csv/steps.csv'));
    const ws = customerSupportExample();
    const toBe = ws.workflows.find((w) => w.kind === 'to-be')!;
    expect(steps).toHaveLength(toBe.steps.length + 1);
    expect(steps[0]).toContain('wait_minutes');
  });

  it('reports the figures of `npm run analyze -- --json`', () => {
    const json = JSON.parse(
      runCli([EXAMPLE, '--workflow', 'Customer support (to-be)', '--json'], read).stdout,
    ) as {
      reports: {
        cycleTimeMinutes: { total: number };
        costPerCase: { total: number };
        roles: { name: string; utilization: number }[];
      }[];
    };
    const report = json.reports[0]!;
    const doc = new DOMParser().parseFromString(file('o/r.html'), 'text/html');
    const text = (doc.body.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).toContain(`${formatMinutes(report.cycleTimeMinutes.total)} min per case`);
    expect(text).toContain(formatMoney(report.costPerCase.total));
    const roleRows = [...doc.querySelectorAll('table')]
      .filter((t) => t.caption?.textContent === 'Utilization per role')
      .flatMap((t) => [...t.querySelectorAll('tbody tr')].map((tr) => tr.textContent ?? ''));
    for (const r of report.roles)
      expect(
        roleRows.some((row) => row.startsWith(r.name) && row.includes(formatPercent(r.utilization))),
        r.name,
      ).toBe(true);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(file('o/r.html')).not.toMatch(/(src|href)="https?:/);
    expect(doc.querySelectorAll('section.report-page').length).toBeGreaterThan(9);
  });
});

function workspaceFile(mutate: (ws: ReturnType<typeof customerSupportExample>) => void): string {
  const ws = customerSupportExample();
  mutate(ws);
  return serializeDocument(exportWorkspace(ws, new Date('2026-01-01T00:00:00Z')));
}

describe('report of hostile, empty and broken workflows', () => {
  it('escapes labels with markup and right-to-left overrides', () => {
    const text = workspaceFile((ws) => {
      const toBe = ws.workflows.find((w) => w.kind === 'to-be')!;
      toBe.steps[1]!.name = '<script>alert(1)</script>\u202Eevil';
      toBe.name = 'Hostile "to-be" <b>';
    });
    const plan = planExport(
      ['x', '--workflow', 'Hostile "to-be" <b>', '--report', 'r.html', '--svg', 'd.svg'],
      () => text,
      TODAY,
    );
    expect(plan.exitCode).toBe(0);
    const html = plan.files.find((f) => f.path === 'r.html')!.content;
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;⟨U+202E⟩evil');
    expect(html).toContain('content: "Hostile \\"to-be\\" <b> · 2026-12-07"');
    expect(plan.files.find((f) => f.path === 'd.svg')!.content).not.toContain('<script');
  });

  it("puts the file's accepted decisions on the decisions page, by role and escaped", () => {
    const ws = customerSupportExample();
    const toBe = ws.workflows.find((w) => w.kind === 'to-be')!;
    const doc = {
      ...exportWorkspace(ws, new Date('2026-01-01T00:00:00Z')),
      codesign: {
        threads: [],
        versions: [],
        signoffs: [],
        decisions: [
          {
            id: 'd1',
            workflowId: toBe.id,
            title: 'AI drafts <replies>',
            context: '',
            options: [],
            decision: 'Agents edit every draft',
            rationale: 'Drafting is most of the time',
            decidedBy: { name: 'Grace', role: 'CHRO' },
            date: '2026-12-07',
            status: 'accepted',
            links: { stepIds: [], threadIds: [], versionIds: [] },
            createdAt: '2026-12-07T10:00:00.000Z',
          },
        ],
      },
    };
    const plan = planExport(
      ['x', '--workflow', toBe.name, '--report', 'r.html'],
      () => JSON.stringify(doc),
      TODAY,
    );
    expect(plan.exitCode).toBe(0);
    const html = plan.files.find((f) => f.path === 'r.html')!.content;
    expect(html).toContain('<strong>AI drafts &lt;replies&gt;</strong>: Agents edit every draft');
    expect(html).toContain('Decided by CHRO on 2026-12-07');
    expect(html).not.toContain('Grace');
    expect(html).not.toContain('No co-design data yet');
  });

  it('says an empty workflow is empty', () => {
    const text = workspaceFile((ws) => {
      const toBe = ws.workflows.find((w) => w.kind === 'to-be')!;
      toBe.steps = [];
      toBe.edges = [];
    });
    const plan = planExport(
      ['x', '--workflow', 'Customer support (to-be)', '--report', 'r.html'],
      () => text,
      TODAY,
    );
    expect(plan.files[0]!.content).toContain('This workflow is empty: it has no steps yet');
  });

  it('lists the problems of a workflow that cannot be analysed instead of figures', () => {
    const text = workspaceFile((ws) => {
      const toBe = ws.workflows.find((w) => w.kind === 'to-be')!;
      // Cut every connection: the steps become unreachable.
      toBe.edges = [];
    });
    const plan = planExport(
      ['x', '--workflow', 'Customer support (to-be)', '--report', 'r.html'],
      () => text,
      TODAY,
    );
    const html = plan.files[0]!.content;
    expect(html).toContain('The figures cannot be computed until these problems are fixed');
    expect(html).toMatch(/<ul class="report-problems"><li>/);
  });
});

describe('page rules', () => {
  it('writes the footer as a CSS string and numbers the pages', () => {
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
    const css = pageCss('Flow', '2026-12-07', 'Letter');
    expect(css).toContain('size: Letter landscape');
    expect(css).toContain('"Page " counter(page) " of " counter(pages)');
  });
});
