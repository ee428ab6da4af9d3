/**
 * The analytic model of a workflow: how often each step is done per case (visits.ts), how much work that is
 * per role and week, how busy each role is, where work piles up (the bottleneck), how long people wait for
 * a free colleague (queueing.ts), the expected cycle time (along the longest path: parallel branches run at
 * the same time, parallel.ts) and the cost per case. Every figure comes with a short explanation of its
 * formula and inputs, so the UI can answer "why is this number what it is?".
 *
 * Units: time in minutes, load and capacity in hours per week, money in the workspace's currency.
 * Queues are evaluated over each role's working time: a role works hoursPerWeek × headcount hours a week,
 * and its arrival rate and waits are per minute of that working time (a wait of 30 minutes means 30
 * working minutes, which may span a night or a weekend in calendar time).
 *
 * Nothing here mutates its inputs; a what-if (volume, headcount, rejection rates) is applied to copies at the
 * entry (analyzeWorkflow, with shared/whatIf), and the engine (analyzeFlow) never sees it.
 */
import { computeVisits } from './visits';
import type { MarkovChain } from './chain';
import { firstUnfitFigure, inputOutOfRange } from './domain';
import type { Role, Workflow } from '../model/schema';
import { applyWhatIf } from '../whatIf/whatIf';
import type { LongestPath } from '../flow/longestPath';
import type { PoolQueue } from './queueing';
import type { Explanations } from './explanationKeys';
import { rolesAtWork, stepFigures } from './phases/stepFigures';
import type { StepFigures } from './phases/stepFigures';
import { roleQueues } from './phases/roleQueues';
import { findBottleneck } from './phases/bottleneck';
import { pathTotals } from './phases/pathTotals';
import { explainRole } from './explain/roles';
import { explainSteps, explainVisits } from './explain/steps';
import { explainWorkflow } from './explain/workflow';
import type {
  AnalysisFailure,
  AnalysisOptions,
  AnalysisResult,
  ExplainLevel,
  FlowAnalysisOptions,
  RoleAnalysis,
  WorkflowAnalysis,
  WorkflowRef,
} from './types';

export type {
  AnalysisError,
  AnalysisFailure,
  AnalysisOptions,
  AnalysisResult,
  Bottleneck,
  ExplainLevel,
  FlowAnalysisOptions,
  Overload,
  RoleAnalysis,
  StepAnalysis,
  WorkflowAnalysis,
  WorkflowRef,
} from './types';

/** Parts of the analysis that are texts or references, not figures: not walked by the last guard. */
const TEXT_FIELDS: ReadonlySet<string> = new Set(['explanations', 'warnings', 'workflow']);

/**
 * The analysis of a workflow under a what-if: the what-if is checked and applied once (shared/whatIf), and
 * the engine below sees only the overridden workflow and roles.
 */
export function analyzeWorkflow(
  workflow: Workflow,
  roles: readonly Role[],
  options: AnalysisOptions = {},
): AnalysisResult {
  const applied = applyWhatIf(workflow, roles, options);
  if (!applied.ok) return invalidOption(workflow, applied.message);
  return analyzeFlow(applied.workflow, applied.roles, options, applied.warnings);
}

const refOf = (workflow: Workflow): WorkflowRef => ({
  id: workflow.id,
  name: workflow.name,
  kind: workflow.kind,
  redesignOfId: workflow.redesignOfId,
});

const invalidOption = (workflow: Workflow, message: string): AnalysisFailure => ({
  ok: false,
  workflow: refOf(workflow),
  error: { code: 'invalid-option', message, stepIds: [] },
});

const outOfRange = (workflow: Workflow, message: string): AnalysisFailure => ({
  ok: false,
  workflow: refOf(workflow),
  error: { code: 'out-of-range', message, stepIds: [] },
});

/** The learning hours per week by role (0 for a role without), or the message of the first invalid one. */
function learningHours(options: FlowAnalysisOptions): ((roleId: string) => number) | string {
  for (const [roleId, h] of Object.entries(options.learningHoursPerWeek ?? {})) {
    if (!(Number.isFinite(h) && h >= 0))
      return `The learning hours per week of role '${roleId}' must be at least 0 (got ${String(h)}).`;
  }
  return (roleId) => options.learningHoursPerWeek?.[roleId] ?? 0;
}

/**
 * The analysis of a workflow as it is, with the roles as they are (a what-if already applied), in phases:
 * visits (the Markov chain), step figures, role queues, the bottleneck, path totals, explanations.
 * `whatIfWarnings` are the what-if's own, which come first.
 */
export function analyzeFlow(
  workflow: Workflow,
  roles: readonly Role[],
  options: FlowAnalysisOptions = {},
  whatIfWarnings: readonly string[] = [],
): AnalysisResult {
  const learningOf = learningHours(options);
  if (typeof learningOf === 'string') return invalidOption(workflow, learningOf);
  const anyLearning = Object.values(options.learningHoursPerWeek ?? {}).some((h) => h > 0);
  const volume = workflow.volumePerWeek;
  const badInput = inputOutOfRange(workflow, roles, volume);
  if (badInput !== null) return outOfRange(workflow, `Out of range: ${badInput}.`);

  const solved = options.visits ?? computeVisits(workflow);
  if (!solved.ok) return { ok: false, workflow: refOf(workflow), error: solved.error };
  const { chain, visits } = solved;
  const warnings: string[] = [...whatIfWarnings];
  const atWork = rolesAtWork(workflow, roles);
  const figures = stepFigures(workflow, visits, volume, atWork, warnings);
  const queues = roleQueues(atWork.usedRoles, figures, visits, volume, learningOf);
  const top = findBottleneck(queues.roles, anyLearning);
  const totals = pathTotals(figures.steps, chain, queues.roles, figures.aiPools);

  const analysis: WorkflowAnalysis = {
    ok: true,
    workflow: refOf(workflow),
    volumePerWeek: volume,
    steps: figures.steps,
    roles: queues.roles,
    bottleneck: top.bottleneck,
    maxVolumePerWeek: top.maxVolumePerWeek,
    overload: top.overload,
    cycleTimeMinutes: totals.cycleTimeMinutes,
    costPerCase: totals.costPerCase,
    stable: totals.stable,
    warnings,
    explanations: {},
  };
  const context = { chain, visits, figures, pools: queues.pools, path: totals.path };
  explainAnalysis(analysis, workflow, context, top.bottleneckRole, options.explain ?? 'all');
  // Within the bounds every figure is finite and normal (test/unit/analysis/domain.test.ts); this guard
  // makes sure a figure that is not never reaches a screen or a report.
  const unfit = firstUnfitFigure(analysis, '', TEXT_FIELDS);
  if (unfit !== null) {
    return outOfRange(
      workflow,
      `The figure ${unfit} is out of the range the analysis can show; check the workflow's numbers.`,
    );
  }
  return analysis;
}

/** What the explanations read besides the analysis: the intermediate results of the phases. */
interface ExplainContext {
  chain: MarkovChain;
  visits: Float64Array;
  figures: StepFigures;
  pools: readonly PoolQueue[];
  path: LongestPath | null;
}

function explainAnalysis(
  analysis: WorkflowAnalysis,
  workflow: Workflow,
  { chain, visits, figures, pools, path }: ExplainContext,
  bottleneckRole: RoleAnalysis | null,
  explain: ExplainLevel,
): void {
  if (explain === 'none') return;
  const explanations: Explanations = analysis.explanations;
  const perStep = explain === 'all';
  if (perStep) {
    explainSteps(analysis, workflow.steps, figures.aiPools, figures.roleSteps);
    explainVisits(explanations, chain, visits);
  }
  analysis.roles.forEach((role, r) =>
    explainRole(
      explanations,
      role,
      figures.roleSteps[r]!,
      analysis.steps,
      analysis.volumePerWeek,
      pools[r]!,
      perStep,
    ),
  );
  explainWorkflow(analysis, bottleneckRole, figures.noRoleSteps, path);
}
