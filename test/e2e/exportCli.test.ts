/**
 * `npm run export` on both examples, for real: the SVG parses and holds no script or external reference, the
 * PNG is the SVG at 2×, the CSV tables parse with a row per step and role, and the HTML and PDF reports hold
 * the figures of `npm run analyze -- --json`; the PDF's fonts are embedded and its pages numbered.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMinutes, formatMoney, formatPercent } from '../../shared/analysis/numbers';
import { parseCsv } from '../../shared/report/csv';
import { tempDir } from './harness';

interface JsonReport {
  workflow: { name: string };
  cycleTimeMinutes: { total: number | null };
  costPerCase: { total: number };
  roles: { name: string; utilization: number | null }[];
  steps: unknown[];
}

const EXAMPLES = [
  ['examples/customer-support.coarchitect.json', 'Customer support (to-be)'],
  ['examples/invoice-processing.coarchitect.json', 'Invoice processing (to-be)'],
] as const;

function analyze(file: string, workflow: string): JsonReport {
  const out = execFileSync('node', ['scripts/analyze.mjs', file, '--workflow', workflow, '--json'], {
    encoding: 'utf8',
  });
  return (JSON.parse(out) as { reports: JsonReport[] }).reports[0]!;
}

describe('npm run export', () => {
  for (const [file, workflow] of EXAMPLES) {
    it(`writes SVG, PNG, CSV, the report and its PDF for ${workflow}`, async (context) => {
      if (!existsSync('/usr/bin/pdftotext'))
        context.skip('pdftotext is not installed (apt-get install -y poppler-utils)');
      const dir = tempDir();
      const at = (name: string) => join(dir, name);
      const stdout = execFileSync(
        'node',
        [
          'scripts/export.mjs',
          file,
          '--workflow',
          workflow,
          '--svg',
          at('d.svg'),
          '--png',
          at('d.png'),
          '--csv',
          at('csv'),
          '--report',
          at('r.html'),
          '--pdf',
          at('r.pdf'),
          '--date',
          '2026-12-07',
        ],
        { encoding: 'utf8' },
      );
      expect(stdout).toContain('PDF:');

      const svg = readFileSync(at('d.svg'), 'utf8');
      expect(svg).not.toMatch(/<script|<foreignObject|\son\w+=|(href|src)="(?!#)/i);
      const size = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!;
      const png = readFileSync(at('d.png'));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
        Number(size[1]) * 2,
        Number(size[2]) * 2,
      ]);

      const report = analyze(file, workflow);
      const steps = parseCsv(readFileSync(at('csv/steps.csv'), 'utf8'));
      const roles = parseCsv(readFileSync(at('csv/roles.csv'), 'utf8'));
      expect(steps.length - 1).toBe(report.steps.length);
      expect(roles.length - 1).toBe(report.roles.length);

      const figures = [
        report.cycleTimeMinutes.total === null
          ? 'unbounded'
          : `${formatMinutes(report.cycleTimeMinutes.total)} min per case`,
        formatMoney(report.costPerCase.total),
        ...report.roles.map((r) => formatPercent(r.utilization)),
      ];
      const html = readFileSync(at('r.html'), 'utf8');
      expect(html).not.toMatch(/<script/i);
      for (const f of figures) expect(html).toContain(f);

      const pdf = at('r.pdf');
      const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(
        /[ \t]+/g,
        ' ',
      );
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      expect(pages).toBeGreaterThan(9);
      expect(pdfText).toContain(`Page ${pages} of ${pages}`);
      expect(pdfText).toContain(`${workflow} · 2026-12-07`);
      for (const f of figures) expect(pdfText).toContain(f);
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      // Column "emb" is the fourth from the right: every font embedded.
      for (const line of fonts) expect(line.trim().split(/\s+/).slice(-5)[0], line).toBe('yes');
    });
  }
});
