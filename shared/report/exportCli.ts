/**
 * The `export` command line, as a pure function: arguments and a file reader in, the files to write out
 * (SVG, CSV tables, the HTML report) plus what needs a browser (PNG from the SVG, PDF from the report).
 * scripts/export.mjs bundles it, writes the files and hands PNG and PDF to Chromium.
 *
 *   npm run export -- FILE --workflow NAME [--svg out.svg] [--png out.png] [--scale 2] [--csv DIR]
 *                     [--report out.html] [--pdf out.pdf] [--heat load|wait] [--bom] [--paper A4|Letter]
 *
 * Exit codes: 0 success; 2 bad usage, an unreadable or invalid file, or an unknown workflow.
 */
import { analyzeWorkflow, compareAnalyses } from '../analysis';
import type { WorkflowAnalysis, WorkflowComparison } from '../analysis';
import { WORKFLOW_FORMAT } from '../format/document';
import { parseDocument } from '../format/importer';
import type { Workflow } from '../model/schema';
import { skillIndex } from '../ontology';
import { computeSkillsLens } from '../skills/lens';
import { generateStory } from '../story/generate';
import { storyDecisions } from '../codesign/storyDecisions';
import { storyPair } from '../story/pair';
import { rolesCsv, skillsCsv, stepsCsv, summaryCsv } from './csv';
import { renderReportHtml, type PaperSize } from './html';
import { renderWorkflowSvg, type HeatKind } from './svg';

export const EXPORT_USAGE = `Usage: npm run export -- <file.coarchitect.json> --workflow NAME [outputs]

Writes pictures, tables and the report of one workflow (and of its as-is or to-be pair) of a Coarchitect file.

Outputs (at least one):
  --svg FILE        the diagram as SVG (drawn from the model: no scripts, no external references)
  --png FILE        the diagram as PNG, rasterised from that SVG (needs Chromium)
  --scale N         PNG scale: 1, 2 or 4 (default 2)
  --csv DIR         steps.csv, roles.csv, summary.csv and (when there are skills) skills.csv in DIR
  --report FILE     the printable report as one self-contained HTML file
  --pdf FILE        the report as PDF (needs Chromium)
Options:
  --workflow NAME   the workflow, by name or id (required when the file holds more than one)
  --heat load|wait  tint the diagram's steps by person-hours a week or by waiting time
  --bom             start CSV files with a byte-order mark (for Excel)
  --paper A4|Letter report page size, landscape (default A4)
  --date YYYY-MM-DD date in the report's footer (default today)
  -h, --help        show this help
`;

export interface ExportArgs {
  file: string;
  workflow: string | null;
  svg: string | null;
  png: string | null;
  scale: 1 | 2 | 4;
  csv: string | null;
  report: string | null;
  pdf: string | null;
  heat: HeatKind | null;
  bom: boolean;
  paper: PaperSize;
  date: string | null;
}

export interface ExportFile {
  /** As given on the command line (resolved by the caller); CSV files are joined to the --csv folder. */
  path: string;
  content: string;
}

export interface ExportPlan {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Text files to write. */
  files: ExportFile[];
  /** The SVG to rasterise into `png.path` at `png.scale`, with its size. */
  png: { path: string; scale: number; svg: string; width: number; height: number } | null;
  /** The report HTML to print into `pdf.path`. */
  pdf: { path: string; html: string } | null;
}

const fail = (message: string, usage = false): ExportPlan => ({
  exitCode: 2,
  stdout: '',
  stderr: `${message}\n${usage ? `\n${EXPORT_USAGE}` : ''}`,
  files: [],
  png: null,
  pdf: null,
});

type Parsed = { ok: true; args: ExportArgs } | { ok: false; plan: ExportPlan };

export function parseExportArgs(argv: readonly string[]): Parsed {
  const files: string[] = [];
  const args: Omit<ExportArgs, 'file'> = {
    workflow: null,
    svg: null,
    png: null,
    scale: 2,
    csv: null,
    report: null,
    pdf: null,
    heat: null,
    bom: false,
    paper: 'A4',
    date: null,
  };
  const bad = (message: string): Parsed => ({ ok: false, plan: fail(message, true) });
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string | null => {
      if (inline !== undefined) return inline === '' ? null : inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return null;
      i++;
      return next;
    };
    const path = (name: keyof typeof args & ('svg' | 'png' | 'csv' | 'report' | 'pdf' | 'workflow')) => {
      const v = value();
      if (v === null)
        return `${flag} needs a ${name === 'csv' ? 'folder' : name === 'workflow' ? 'workflow name' : 'file name'}.`;
      args[name] = v;
      return null;
    };
    let problem: string | null = null;
    switch (flag) {
      case '-h':
      case '--help':
        return { ok: false, plan: { ...fail(''), exitCode: 0, stdout: EXPORT_USAGE, stderr: '' } };
      case '--workflow':
        problem = path('workflow');
        break;
      case '--svg':
        problem = path('svg');
        break;
      case '--png':
        problem = path('png');
        break;
      case '--csv':
        problem = path('csv');
        break;
      case '--report':
        problem = path('report');
        break;
      case '--pdf':
        problem = path('pdf');
        break;
      case '--bom':
        args.bom = true;
        break;
      case '--scale': {
        const v = value();
        if (v !== '1' && v !== '2' && v !== '4')
          problem = `--scale needs 1, 2 or 4${v === null ? '' : ` (got '${v}')`}.`;
        else args.scale = Number(v) as 1 | 2 | 4;
        break;
      }
      case '--heat': {
        const v = value();
        if (v !== 'load' && v !== 'wait')
          problem = `--heat needs load or wait${v === null ? '' : ` (got '${v}')`}.`;
        else args.heat = v;
        break;
      }
      case '--paper': {
        const v = value();
        if (v !== 'A4' && v !== 'Letter')
          problem = `--paper needs A4 or Letter${v === null ? '' : ` (got '${v}')`}.`;
        else args.paper = v;
        break;
      }
      case '--date': {
        const v = value();
        if (v === null || !/^\d{4}-\d{2}-\d{2}$/.test(v)) problem = '--date needs a date as YYYY-MM-DD.';
        else args.date = v;
        break;
      }
      default:
        if (raw.startsWith('-') && raw !== '-') problem = `Unknown option '${raw}'.`;
        else files.push(raw);
    }
    if (problem) return bad(problem);
  }
  if (files.length !== 1)
    return bad(files.length === 0 ? 'Give the file to export from.' : `Give one file (got ${files.length}).`);
  if (!args.svg && !args.png && !args.csv && !args.report && !args.pdf)
    return bad('Say what to write: --svg, --png, --csv, --report or --pdf.');
  return { ok: true, args: { ...args, file: files[0]! } };
}

/** Joins a folder and a file name with the folder's own separator. */
function join(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

function analysed(
  wf: Workflow | null,
  roles: Parameters<typeof analyzeWorkflow>[1],
): WorkflowAnalysis | null {
  if (!wf || wf.steps.length === 0) return null;
  const r = analyzeWorkflow(wf, roles);
  return r.ok ? r : null;
}

export function planExport(
  argv: readonly string[],
  readFile: (path: string) => string,
  today: string,
): ExportPlan {
  const parsed = parseExportArgs(argv);
  if (!parsed.ok) return parsed.plan;
  const args = parsed.args;
  let text: string;
  try {
    text = readFile(args.file);
  } catch (error) {
    return fail(`Cannot read '${args.file}': ${(error as Error).message}`);
  }
  const doc = parseDocument(text);
  if (!doc.ok) {
    const issues = doc.issues.slice(0, 20).map((i) => `  ${i.path}: ${i.message}`);
    return fail(`'${args.file}' is not a valid Coarchitect file:\n${issues.join('\n')}`);
  }
  const all: Workflow[] =
    doc.document.format === WORKFLOW_FORMAT ? [doc.document.workflow] : doc.document.workflows;
  if (all.length === 0) return fail(`'${args.file}' contains no workflows.`);
  const names = all.map((w) => `'${w.name}'`).join(', ');
  let workflow: Workflow | undefined;
  if (args.workflow === null) {
    if (all.length > 1)
      return fail(`'${args.file}' holds ${all.length} workflows: choose one with --workflow (${names}).`);
    workflow = all[0];
  } else {
    const wanted = args.workflow;
    workflow =
      all.find((w) => w.name === wanted) ??
      all.find((w) => w.id === wanted) ??
      all.find((w) => w.name.toLowerCase() === wanted.toLowerCase());
    if (!workflow) return fail(`No workflow named '${wanted}' in '${args.file}'. Its workflows: ${names}.`);
  }
  const roles = doc.document.roles;
  const skills = skillIndex(doc.document.customSkills);
  const pair = storyPair(workflow!, all);
  const subject = workflow!;
  const analysis = analysed(subject, roles);
  const out: ExportFile[] = [];
  const lines: string[] = [];

  const diagram = renderWorkflowSvg(subject, { roles, analysis, heat: args.heat });
  if (args.svg) {
    out.push({ path: args.svg, content: diagram.svg });
    lines.push(`SVG ${diagram.width} × ${diagram.height}: ${args.svg}`);
  }
  if (args.csv) {
    if (!analysis) {
      return fail(
        `'${subject.name}' cannot be analysed (it is empty or has problems), so there are no tables to write.`,
      );
    }
    let comparison: WorkflowComparison | null = null;
    if (subject.kind === 'to-be' && pair.asIs) {
      const a = analysed(pair.asIs, roles);
      if (a) comparison = compareAnalyses(a, analysis);
    }
    const options = { bom: args.bom };
    const tables: [string, string][] = [
      ['steps.csv', stepsCsv(subject, analysis, options)],
      ['roles.csv', rolesCsv(analysis, options)],
      ['summary.csv', summaryCsv(analysis, comparison, options)],
    ];
    if (pair.toBe) {
      const lens = computeSkillsLens({ toBe: pair.toBe, asIs: pair.asIs, roles, skills });
      if (lens.ok && lens.rows.length > 0) tables.push(['skills.csv', skillsCsv(lens, options)]);
    }
    for (const [name, content] of tables) out.push({ path: join(args.csv, name), content });
    lines.push(`CSV ${tables.map(([n]) => n).join(', ')}: ${args.csv}`);
  }
  let html: string | null = null;
  if (args.report || args.pdf) {
    const storyOf = pair.toBe ?? pair.asIs;
    const decisions = storyOf
      ? storyDecisions(doc.document.codesign?.decisions ?? [], storyOf.id, storyOf.story?.showNames ?? false)
      : [];
    const generated = generateStory({ toBe: pair.toBe, asIs: pair.asIs, roles, skills, decisions });
    html = renderReportHtml({
      generated,
      toBe: pair.toBe,
      asIs: pair.asIs,
      roles,
      skills,
      date: args.date ?? today,
      paper: args.paper,
    });
  }
  if (args.report && html) {
    out.push({ path: args.report, content: html });
    lines.push(`Report: ${args.report}`);
  }
  return {
    exitCode: 0,
    stdout: lines.map((l) => `${l}\n`).join(''),
    stderr: '',
    files: out,
    png: args.png
      ? { path: args.png, scale: args.scale, svg: diagram.svg, width: diagram.width, height: diagram.height }
      : null,
    pdf: args.pdf && html ? { path: args.pdf, html } : null,
  };
}
