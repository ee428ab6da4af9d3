/**
 * The `analyze` command line, as a pure function: arguments and a file reader in, exit code and output out.
 * scripts/analyze.mjs bundles it and wires it to the real file system and process.
 *
 *   npm run analyze -- <file.coarchitect.json> [--workflow NAME] [--json] [--volume N] [--weeks W] [--simulate WEEKS --seed N]
 *
 * Exit codes: 0 success; 2 bad usage, an unreadable or invalid file, an unknown workflow, or a workflow that
 * cannot be analysed (the message says why, on stderr).
 */
import { analyzeWorkflow } from './analyze';
import type { AnalysisFailure, WorkflowAnalysis } from './analyze';
import { compareAnalyses } from './compare';
import type { WorkflowComparison } from './compare';
import {
  formatComparisonText,
  formatFailure,
  formatProjectionText,
  formatTextReport,
  REPORT_VERSION,
  roundDeep,
  toComparisonReport,
  toReport,
} from './report';
import { parseDocument } from '../format/importer';
import { boundProblem } from '../model/bounds';
import { WORKFLOW_FORMAT } from '../format/document';
import type { Workflow } from '../model/schema';
import { MAX_PROJECTION_WEEKS, projectLearning } from './learning';
import { skillIndex } from '../ontology';
import { formatInteger, formatPercent } from './numbers';
import { simulateWorkflow, type Estimate, type SimulationSummary } from '../simulation/index';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const USAGE = `Usage: npm run analyze -- <file.coarchitect.json> [options]

Analyses the workflows of a Coarchitect workflow or workspace file: visits per step, load and utilization
per role, the bottleneck, waiting times, cycle time and cost per case. With several workflows, every one is
analysed, and each to-be workflow is compared with the as-is workflow it redesigns.

Options:
  --workflow NAME   analyse only the workflow with this name (or id)
  --json            print the JSON report (see docs/analysis-report.md) instead of text
  --volume N        what-if: N cases per week instead of each workflow's own volume
  --weeks W         learning projection: the figures week by week for W weeks, as learning curves and
                    review feedback loops take effect
  --simulate WEEKS  discrete-event simulation of WEEKS weeks per replication (results with 95% intervals)
  --seed N          seed of the simulation's random numbers (default 1): the same seed gives the same run
  --replications R  independent simulation runs (default 10)
  -h, --help        show this help
`;

interface Args {
  file: string;
  workflow: string | null;
  json: boolean;
  volume: number | null;
  simulate: number | null;
  seed: number;
  replications: number;
  weeks: number | null;
}

type Parsed = { ok: true; args: Args } | { ok: false; result: CliResult };

const usageError = (message: string): Parsed => ({
  ok: false,
  result: { exitCode: 2, stdout: '', stderr: `${message}\n\n${USAGE}` },
});

function parseArgs(argv: readonly string[]): Parsed {
  const files: string[] = [];
  const args: Omit<Args, 'file'> = {
    workflow: null,
    json: false,
    volume: null,
    simulate: null,
    seed: 1,
    replications: 10,
    weeks: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return null;
      i++;
      return next;
    };
    const positive = (name: string, allowZero: boolean): number | string => {
      const v = value();
      const x = v === null ? NaN : Number(v);
      const ok = Number.isFinite(x) && (allowZero ? x >= 0 : x > 0);
      return ok
        ? x
        : `${name} needs a number${allowZero ? ' of at least 0' : ' above 0'}${v === null ? '' : ` (got '${v}')`}.`;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return { ok: false, result: { exitCode: 0, stdout: USAGE, stderr: '' } };
      case '--json':
        args.json = true;
        break;
      case '--simulate': {
        const v = positive('--simulate', false);
        if (typeof v === 'string' || !Number.isInteger(v))
          return usageError('--simulate needs a whole number of weeks above 0.');
        args.simulate = v;
        break;
      }
      case '--seed': {
        const v = positive('--seed', true);
        if (typeof v === 'string' || !Number.isInteger(v))
          return usageError('--seed needs a whole number of at least 0.');
        args.seed = v;
        break;
      }
      case '--replications': {
        const v = positive('--replications', false);
        if (typeof v === 'string' || !Number.isInteger(v) || v < 2)
          return usageError('--replications needs a whole number of at least 2.');
        args.replications = v;
        break;
      }
      case '--workflow': {
        const v = value();
        if (v === null || v === '') return usageError('--workflow needs a workflow name.');
        args.workflow = v;
        break;
      }
      case '--volume': {
        const v = value();
        const x = v === null ? NaN : Number(v);
        if (v === null || Number.isNaN(x))
          return usageError(`--volume needs a number${v === null ? '' : ` (got '${v}')`}.`);
        const problem = boundProblem('volumePerWeek', x);
        if (problem) return usageError(`--volume: ${problem}.`);
        args.volume = x;
        break;
      }
      case '--weeks': {
        const v = positive('--weeks', false);
        if (typeof v === 'string' || !Number.isInteger(v) || v > MAX_PROJECTION_WEEKS) {
          return usageError(`--weeks needs a whole number of weeks from 1 to ${MAX_PROJECTION_WEEKS}.`);
        }
        args.weeks = v;
        break;
      }
      default:
        if (raw.startsWith('-') && raw !== '-') return usageError(`Unknown option '${raw}'.`);
        files.push(raw);
    }
  }
  if (files.length === 0) return usageError('Give the file to analyse.');
  if (files.length > 1) return usageError(`Give one file to analyse (got ${files.length}).`);
  return { ok: true, args: { ...args, file: files[0]! } };
}

export function runCli(argv: readonly string[], readFile: (path: string) => string): CliResult {
  const parsed = parseArgs(argv);
  if (!parsed.ok) return parsed.result;
  const args = parsed.args;
  const notes: string[] = [];

  let text: string;
  try {
    text = readFile(args.file);
  } catch (error) {
    return fail(`Cannot read '${args.file}': ${(error as Error).message}`);
  }
  const doc = parseDocument(text);
  if (!doc.ok) {
    const issues = doc.issues
      .slice(0, 20)
      .map(
        (i) =>
          `  ${i.path}${i.line === undefined ? '' : ` (line ${i.line}, column ${i.column ?? 1})`}: ${i.message}`,
      );
    if (doc.issues.length > 20) issues.push(`  … and ${doc.issues.length - 20} more`);
    return fail(`'${args.file}' is not a valid Coarchitect file:\n${issues.join('\n')}`);
  }
  const all: Workflow[] =
    doc.document.format === WORKFLOW_FORMAT ? [doc.document.workflow] : doc.document.workflows;
  if (all.length === 0) return fail(`'${args.file}' contains no workflows.`);
  let selected = all;
  if (args.workflow !== null) {
    const wanted = args.workflow;
    const match =
      all.find((w) => w.name === wanted) ??
      all.find((w) => w.id === wanted) ??
      all.find((w) => w.name.toLowerCase() === wanted.toLowerCase());
    if (!match) {
      return fail(
        `No workflow named '${wanted}' in '${args.file}'. Its workflows: ${all.map((w) => `'${w.name}'`).join(', ')}.`,
      );
    }
    selected = [match];
  }

  const options = args.volume === null ? {} : { volumePerWeek: args.volume };
  const analyses: WorkflowAnalysis[] = [];
  const failures: AnalysisFailure[] = [];
  for (const wf of selected) {
    const result = analyzeWorkflow(wf, doc.document.roles, { ...options, explain: 'none' });
    if (result.ok) analyses.push(result);
    else failures.push(result);
  }
  const comparisons: WorkflowComparison[] = [];
  for (const toBe of analyses) {
    if (toBe.workflow.kind !== 'to-be' || toBe.workflow.redesignOfId === null) continue;
    const asIs = analyses.find((a) => a.workflow.id === toBe.workflow.redesignOfId);
    if (asIs) comparisons.push(compareAnalyses(asIs, toBe));
  }

  // Learning projection and simulation, per analysed workflow, when asked for.
  const roles = doc.document.roles;
  const skills = skillIndex(doc.document.customSkills);
  const byId = new Map(selected.map((w) => [w.id, w]));
  const extras = analyses.map((a) => {
    const wf = byId.get(a.workflow.id)!;
    const projection =
      args.weeks === null ? null : projectLearning(wf, roles, { weeks: args.weeks, options, skills });
    const simulation =
      args.simulate === null
        ? null
        : simulateWorkflow(wf, roles, {
            ...options,
            weeks: args.simulate,
            seed: args.seed,
            replications: args.replications,
          });
    if (projection && !projection.ok) notes.push(`${a.workflow.name}: no projection: ${projection.message}`);
    if (simulation && !simulation.ok && !simulation.cancelled)
      notes.push(`${a.workflow.name}: no simulation: ${simulation.error.message}`);
    return {
      projection: projection?.ok ? projection : null,
      simulation: simulation?.ok ? simulation : null,
    };
  });

  const stderr = [...notes, ...failures.map((f) => formatFailure(f).trimEnd())].map((l) => `${l}\n`).join('');
  const exitCode = failures.length > 0 ? 2 : 0;
  if (args.json) {
    const envelope = {
      reportVersion: REPORT_VERSION,
      reports: analyses.map((a, i) => ({
        ...toReport(a),
        ...(extras[i]?.projection ? { projection: roundDeep(extras[i].projection.weeks) } : {}),
        ...(extras[i]?.simulation ? { simulation: roundDeep(extras[i].simulation) } : {}),
      })),
      comparisons: comparisons.map(toComparisonReport),
      errors: failures.map((f) => ({
        workflow: { id: f.workflow.id, name: f.workflow.name, kind: f.workflow.kind },
        ...f.error,
      })),
    };
    return { exitCode, stdout: `${JSON.stringify(envelope, null, 2)}\n`, stderr };
  }
  const rule = `\n${'─'.repeat(72)}\n\n`;
  const sections = [
    ...analyses.map((a, i) => {
      const extra = extras[i];
      const parts = [formatTextReport(a)];
      if (extra?.projection) parts.push(formatProjectionText(a, extra.projection));
      if (extra?.simulation) parts.push(formatSimulationText(extra.simulation));
      return parts.join('\n');
    }),
    ...comparisons.map(formatComparisonText),
  ];
  return { exitCode, stdout: sections.join(rule), stderr };
}

function estimate(e: Estimate | null, digits = 1): string {
  if (!e) return '—';
  return e.halfWidth === null
    ? e.mean.toFixed(digits)
    : `${e.mean.toFixed(digits)} ± ${e.halfWidth.toFixed(digits)}`;
}

function formatSimulationText(sim: SimulationSummary): string {
  const s = sim.settings;
  const lines = [
    `Simulation: ${s.replications} replications of ${s.weeks} weeks (after ${s.warmupWeeks} warm-up), seed ${s.seed}; ${formatInteger(sim.completedCases)} cases`,
    `Cycle time (working minutes, mean ± 95% interval): mean ${estimate(sim.cycleTimeMinutes.mean)}, median ${estimate(sim.cycleTimeMinutes.median)}, 90th percentile ${estimate(sim.cycleTimeMinutes.p90)}`,
    `Throughput: ${estimate(sim.throughputPerWeek)} cases/week${sim.stable ? '' : ' — NOT STABLE: work piles up faster than it is done'}`,
    ...sim.roles.map(
      (r) =>
        `  ${r.name}: utilization ${r.utilization ? formatPercent(r.utilization.mean) : '—'}, wait ${estimate(r.waitMinutes)} min, queue ${estimate(r.meanQueueLength, 2)}`,
    ),
    ...sim.warnings.map((w) => `Note: ${w}`),
  ];
  return `${lines.join('\n')}\n`;
}

function fail(message: string): CliResult {
  return { exitCode: 2, stdout: '', stderr: `${message}\n` };
}
