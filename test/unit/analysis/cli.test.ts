import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../shared/analysis/cli';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CS = 'examples/customer-support.coarchitect.json';
const AP = 'examples/invoice-processing.coarchitect.json';
const readExample = (path: string) => readFileSync(`${root}${path}`, 'utf8');

/** A reader over in-memory files; unknown paths fail like a missing file. */
const memory =
  (files: Record<string, string>) =>
  (path: string): string => {
    const text = files[path];
    if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return text;
  };

describe('analyze CLI', () => {
  it('analyses every workflow of a workspace and compares the to-be with its as-is', () => {
    const r = runCli([CS], readExample);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Customer support (as-is)');
    expect(r.stdout).toContain('Customer support (to-be)');
    expect(r.stdout).toContain('Bottleneck: Support agent at 89.5% utilization');
    expect(r.stdout).toContain('Bottleneck: Senior agent / reviewer at 68.4% utilization');
    expect(r.stdout).toContain('Customer support (as-is) → Customer support (to-be)');
  });

  it('prints the JSON reports with --json', () => {
    const r = runCli([AP, '--json'], readExample);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.reportVersion).toBe(1);
    expect(out.reports.map((x: { workflow: { id: string } }) => x.workflow.id)).toEqual([
      'ap-asis',
      'ap-tobe',
    ]);
    expect(out.comparisons).toHaveLength(1);
    expect(out.comparisons[0].asIs.id).toBe('ap-asis');
    expect(out.errors).toEqual([]);
    expect(out.reports[0].bottleneck.roleId).toBe('ap-role-specialist');
  });

  it('analyses one workflow with --workflow (by name, any case, or id) and does not compare', () => {
    for (const name of ['Customer support (to-be)', 'customer support (TO-BE)', 'cs-tobe']) {
      const r = runCli([CS, '--workflow', name, '--json'], readExample);
      expect(r.exitCode).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.reports).toHaveLength(1);
      expect(out.reports[0].workflow.id).toBe('cs-tobe');
      expect(out.comparisons).toEqual([]);
    }
  });

  it('applies a what-if volume', () => {
    const r = runCli([CS, '--workflow=cs-asis', '--volume', '2000'], readExample);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('2,000 cases/week');
    expect(r.stdout).toContain('Overload:');
  });

  it('projects learning week by week with --weeks', () => {
    const r = runCli([CS, '--workflow', 'Customer support (to-be)', '--weeks', '4'], readExample);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Learning projection, weeks 0–4');
    // Week 0 has today's skill levels: the agents' and seniors' missing levels lengthen the edit and the
    // review (and raise its rejection), and the plan's learning time enters the seniors' load, so the
    // seniors start at 90.4% rather than today's 68.4% and come down as the plan closes the gaps.
    expect(r.stdout).toContain('the learning plan: week 0 has today');
    expect(r.stdout).toMatch(/^ +0 +1,344 +Senior agent \/ reviewer 90\.4% +22\.8 +10\.95$/m);
    expect(r.stdout).toMatch(/^ +4 +1,445 +Senior agent \/ reviewer 84\.7% +16\.5 +8\.70$/m);
    expect(r.stdout).toContain('Maximum volume: 1,755 cases/week');
    const json = JSON.parse(
      runCli([CS, '--workflow', 'Customer support (to-be)', '--weeks', '4', '--json'], readExample).stdout,
    );
    const projection = json.reports[0].projection;
    expect(projection).toHaveLength(5);
    // The feedback loop lowers the review's rejection rate from 15% a fifth of the way to 5% a week; the
    // agents' missing levels raise it by their penalty factor (penaltyFactor of the edit step).
    const editPenalty = projection[1].penaltyFactor['cs-tobe-step-edit'];
    expect(editPenalty).toBeGreaterThan(1);
    expect(projection[1].rejectionRate['cs-tobe-step-review']).toBeCloseTo(
      (0.05 + 0.1 * 0.8) * editPenalty,
      3,
    );
    // The editing task learns (rate 0.9 from 1,200 cases); its cumulative count is in the JSON, rounded.
    expect(projection[0].cumulativeCases['cs-tobe-step-edit']).toBe(1200);
    expect(projection[1].timeFactor['cs-tobe-step-edit']).toBeLessThan(1);
    expect(projection[1].timeFactor['cs-tobe-step-edit']).toBe(
      Number(projection[1].timeFactor['cs-tobe-step-edit'].toFixed(4)),
    );
  });

  it('says so instead of printing a flat table when nothing in a workflow learns', () => {
    const r = runCli([CS, '--workflow', 'cs-asis', '--weeks', '8'], readExample);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Learning projection, weeks 0–8: nothing in this workflow learns');
    const json = JSON.parse(
      runCli([CS, '--workflow', 'cs-asis', '--weeks', '8', '--json'], readExample).stdout,
    );
    const projection = json.reports[0].projection;
    // Every week is today's analysis.
    expect(projection).toHaveLength(9);
    expect(new Set(projection.map((p: { costPerCase: number }) => p.costPerCase))).toEqual(
      new Set([json.reports[0].costPerCase.total]),
    );
    expect(projection[8].timeFactor).toEqual({});
  });

  it('simulates with --simulate WEEKS --seed N, reproducibly and in agreement with the analysis', () => {
    const args = [
      CS,
      '--workflow',
      'Customer support (to-be)',
      '--simulate',
      '3',
      '--seed',
      '5',
      '--replications',
      '4',
      '--json',
    ];
    const first = JSON.parse(runCli(args, readExample).stdout);
    const again = JSON.parse(runCli(args, readExample).stdout);
    const sim = first.reports[0].simulation;
    expect(sim).toEqual(again.reports[0].simulation);
    expect(sim.settings).toMatchObject({ weeks: 3, seed: 5, replications: 4 });
    // Utilization is load / capacity in both engines.
    const reviewer = sim.roles.find((r: { id: string }) => r.id === 'cs-role-senior');
    const analytic = first.reports[0].roles.find((r: { id: string }) => r.id === 'cs-role-senior');
    expect(Math.abs(reviewer.utilization.mean - analytic.utilization)).toBeLessThan(0.03);
    const text = runCli(
      args.filter((a) => a !== '--json'),
      readExample,
    ).stdout;
    expect(text).toContain('Simulation: 4 replications of 3 weeks');
  });

  it('prints help', () => {
    const r = runCli(['--help'], readExample);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Usage: npm run analyze');
  });

  describe('bad input exits with code 2 and a message on stderr', () => {
    it.each([
      ['a missing file', ['nope.coarchitect.json'], {}, /Cannot read 'nope.coarchitect.json'/],
      [
        'invalid JSON',
        ['bad.json'],
        { 'bad.json': '{ not json' },
        /not a valid Coarchitect file[\s\S]*not valid JSON/,
      ],
      ['a non-Coarchitect file', ['other.json'], { 'other.json': '{"hello": 1}' }, /"format" must be/],
      ['no file argument', [], {}, /Give the file to analyse/],
      ['an unknown option', ['x.json', '--fast'], {}, /Unknown option '--fast'/],
      ['a bad --weeks', ['x.json', '--weeks', 'many'], {}, /--weeks needs a whole number of weeks/],
      ['a bad --simulate', ['x.json', '--simulate', '0'], {}, /--simulate needs a whole number of weeks/],
    ])('%s', (_label, args, files, message) => {
      const r = runCli(args, memory(files));
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    });

    it('an invalid document names the offending field', () => {
      const doc = JSON.parse(readExample(CS));
      doc.workflows[0].volumePerWeek = -5;
      const r = runCli(['cs.json'], memory({ 'cs.json': JSON.stringify(doc) }));
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('$.workflows[0].volumePerWeek');
    });

    it('a headcount of 1e16 (or a time of 1e308) is refused at once with the bound it breaks', () => {
      // Before the bounds, the queueing loop ran once per person: this file never finished.
      const doc = JSON.parse(readExample(CS)) as { roles: { headcount: number }[] };
      doc.roles[0]!.headcount = 1e16;
      const r = runCli(['huge.json', '--json'], memory({ 'huge.json': JSON.stringify(doc) }));
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/headcount must be at most 100,000 \(got 1e16\)/);
      expect(r.stderr).not.toMatch(/Infinity|NaN/);
    });

    it('a what-if volume beyond its bound is refused with the bound message', () => {
      const r = runCli([CS, '--volume', '1e308'], readExample);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('--volume: case volume must be at most 1e9 (got 1e308)');
    });

    it('an unknown workflow name lists the workflows there are', () => {
      const r = runCli([CS, '--workflow', 'Payroll'], readExample);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain("No workflow named 'Payroll'");
      expect(r.stderr).toContain("'Customer support (as-is)', 'Customer support (to-be)'");
    });

    it('a workflow that cannot be analysed is reported, the others still are', () => {
      const doc = JSON.parse(readExample(CS));
      const reviewStep = doc.workflows[0].steps.find((s: { type: string }) => s.type === 'review');
      // Rejects 10% but no longer says where rework goes (the file format allows it; the analysis cannot).
      reviewStep.reworkTargetId = null;
      const r = runCli(['cs.json', '--json'], memory({ 'cs.json': JSON.stringify(doc) }));
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('Customer support (as-is): cannot be analysed');
      expect(r.stderr).toContain("Review 'Senior review' rejects 10% of work but has no rework target");
      const out = JSON.parse(r.stdout);
      expect(out.reports.map((x: { workflow: { id: string } }) => x.workflow.id)).toEqual(['cs-tobe']);
      expect(out.errors[0]).toMatchObject({ code: 'rework-target-missing', workflow: { id: 'cs-asis' } });
    });
  });
});
