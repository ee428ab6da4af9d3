/**
 * Every figure the engines produce for the examples, the templates and generated large workflows: the
 * analysis (with its explanations), a seeded simulation and the learning projection, each as is and under a
 * what-if, plus the command line's output and the refusals of invalid what-ifs. The equality test compares
 * them with the figures stored before the flow core was refactored (test/fixtures/flow-figures/).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeWorkflow } from '../../../shared/analysis/analyze';
import type { AnalysisOptions } from '../../../shared/analysis/analyze';
import { projectLearning } from '../../../shared/analysis/learning';
import { runCli } from '../../../shared/analysis/cli';
import { simulateWorkflow } from '../../../shared/simulation/index';
import { largeWorkspace } from '../../../shared/examples/largeWorkflow';
import { TEMPLATES } from '../../../shared/templates/index';
import { skillIndex } from '../../../shared/ontology';
import type { Workflow, Workspace } from '../../../shared/model/schema';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface NamedWorkspace {
  name: string;
  workspace: Workspace;
  /** Large workflows are simulated for less time and projected over fewer weeks, to keep the test quick. */
  large: boolean;
}

export function workspaces(): NamedWorkspace[] {
  return [
    ...TEMPLATES.map((t) => ({ name: `template:${t.id}`, workspace: t.build(), large: false })),
    { name: 'large:200', workspace: largeWorkspace(200), large: true },
    { name: 'large:600-dense', workspace: largeWorkspace(600, 8, { decisionEvery: 4 }), large: true },
  ];
}

/** A what-if that touches every kind of override: volume, a headcount, a rejection rate, and unknown keys. */
export function whatIfFor(workflow: Workflow, workspace: Workspace): AnalysisOptions {
  const role = workspace.roles.find((r) => workflow.steps.some((s) => 'roleId' in s && s.roleId === r.id));
  const reviews = workflow.steps.filter((s) => s.type === 'review');
  return {
    volumePerWeek: workflow.volumePerWeek * 1.5 + 3,
    headcount: { ...(role ? { [role.id]: role.headcount + 1.5 } : {}), 'no-such-role': 2 },
    rejectionRate: {
      ...(reviews[0] ? { [reviews[0].id]: 0.35 } : {}),
      ...(reviews[1] ? { [reviews[1].id]: 0 } : {}),
      'no-such-review': 0.5,
    },
  };
}

/** JSON round trip: what the fixture can hold (and compares bit for bit: doubles print exactly). */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

function workflowFigures(entry: NamedWorkspace, workflow: Workflow): Record<string, unknown> {
  const { workspace, large } = entry;
  const roles = workspace.roles;
  const whatIf = whatIfFor(workflow, workspace);
  const skills = skillIndex(workspace.customSkills);
  const simulation = (options: AnalysisOptions) =>
    simulateWorkflow(workflow, roles, {
      volumePerWeek: options.volumePerWeek,
      headcount: options.headcount,
      rejectionRate: options.rejectionRate,
      weeks: large ? 1 : 4,
      warmupWeeks: 1,
      replications: large ? 2 : 3,
      seed: 20261207,
    });
  const weeks = large ? 4 : 30;
  return {
    analysis: analyzeWorkflow(workflow, roles),
    analysisWhatIf: analyzeWorkflow(workflow, roles, whatIf),
    ...(large
      ? {}
      : { analysisSummary: analyzeWorkflow(workflow, roles, { ...whatIf, explain: 'summary' }) }),
    simulation: simulation({}),
    simulationWhatIf: simulation(whatIf),
    projection: projectLearning(workflow, roles, { weeks, skills }),
    projectionWhatIf: projectLearning(workflow, roles, { weeks, options: whatIf, skills }),
    projectionNoSkills: projectLearning(workflow, roles, { weeks, skillEffects: false }),
  };
}

/** Invalid what-ifs: each engine's refusal, message included. */
function refusals(workspace: Workspace): Record<string, unknown> {
  const workflow = workspace.workflows[0]!;
  const roles = workspace.roles;
  const review = workflow.steps.find((s) => s.type === 'review');
  const bad: Record<string, AnalysisOptions> = {
    negativeVolume: { volumePerWeek: -1 },
    nanVolume: { volumePerWeek: Number.NaN },
    hugeVolume: { volumePerWeek: 1e12 },
    negativeHeadcount: { headcount: { [roles[0]!.id]: -2 } },
    nanHeadcount: { headcount: { [roles[0]!.id]: Number.NaN } },
    rejectionAboveOne: { rejectionRate: { [review?.id ?? 'x']: 1.5 } },
    rejectionNegative: { rejectionRate: { [review?.id ?? 'x']: -0.1 } },
    rejectionAll: { rejectionRate: { [review?.id ?? 'x']: 1 } },
  };
  const out: Record<string, unknown> = {};
  for (const [name, options] of Object.entries(bad)) {
    out[name] = {
      analysis: analyzeWorkflow(workflow, roles, { ...options, explain: 'none' }),
      simulation: simulateWorkflow(workflow, roles, {
        ...options,
        weeks: 1,
        replications: 2,
        seed: 1,
      }),
      projection: projectLearning(workflow, roles, { weeks: 2, options }),
    };
  }
  return out;
}

function cliFigures(): Record<string, unknown> {
  const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
  const out: Record<string, unknown> = {};
  for (const file of [
    'examples/customer-support.coarchitect.json',
    'examples/invoice-processing.coarchitect.json',
  ]) {
    for (const args of [
      ['--json'],
      ['--json', '--volume', '900', '--weeks', '6', '--simulate', '2', '--seed', '3', '--replications', '2'],
      ['--volume', '900', '--weeks', '6', '--simulate', '2', '--seed', '3', '--replications', '2'],
    ]) {
      out[`${file} ${args.join(' ')}`] = runCli([file, ...args], read);
    }
  }
  return out;
}

/** All the figures, one entry per workspace (and the command line), ready to store as JSON. */
export function allFigures(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of workspaces()) {
    const perWorkflow: Record<string, unknown> = {};
    for (const workflow of entry.workspace.workflows)
      perWorkflow[workflow.id] = workflowFigures(entry, workflow);
    out[entry.name] = plain(perWorkflow);
  }
  out['refusals'] = plain(refusals(TEMPLATES[0]!.build()));
  out['cli'] = plain(cliFigures());
  return out;
}
