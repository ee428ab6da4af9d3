import { noLearningPlan } from '../../../shared/model/schema';
// Small builders for hand-made workflows in the analysis tests.
import type {
  Edge,
  ReviewStep,
  Role,
  Step,
  TaskMode,
  TaskStep,
  Workflow,
} from '../../../shared/model/schema';
import { analyzeWorkflow } from '../../../shared/analysis/analyze';
import type { AnalysisOptions, WorkflowAnalysis } from '../../../shared/analysis/analyze';

const position = { x: 0, y: 0 };
type Times = readonly [number, number, number];

export const start = (id = 'start'): Step => ({
  type: 'start',
  id,
  name: id,
  description: '',
  notes: '',
  position,
});
export const end = (id = 'end'): Step => ({
  type: 'end',
  id,
  name: id,
  description: '',
  notes: '',
  position,
});
export const decision = (id: string): Step => ({
  type: 'decision',
  id,
  name: id,
  description: '',
  notes: '',
  position,
});
/** A parallel gateway: a split with several next steps, a join with several incoming connections. */
export const parallel = (id: string): Step => ({
  type: 'parallel',
  id,
  name: id,
  description: '',
  notes: '',
  position,
});
export function task(
  id: string,
  roleId: string | null = null,
  times: Times = [1, 1, 1],
  mode: TaskMode = 'human',
): TaskStep {
  return {
    type: 'task',
    id,
    name: id,
    description: '',
    notes: '',
    position,
    roleId,
    duration: { min: times[0], likely: times[1], max: times[2] },
    skills: [],
    mode,
    aiTool: '',
    aiCostPerRun: 0,
    aiConcurrency: null,
    learningCurve: null,
    coaching: null,
    onetTask: null,
    audience: 'internal',
    data: 'none',
    owner: '',
  };
}
export function review(
  id: string,
  rejectionRate: number,
  reworkTargetId: string | null,
  roleId: string | null = null,
  times: Times = [1, 1, 1],
): ReviewStep {
  return {
    type: 'review',
    id,
    name: id,
    description: '',
    notes: '',
    position,
    roleId,
    duration: { min: times[0], likely: times[1], max: times[2] },
    skills: [],
    rejectionRate,
    reworkTargetId,
    feedbackLoop: null,
    audience: 'internal',
    data: 'none',
    owner: '',
    coaching: null,
  };
}

/** Edges from `a>b` or `a>b:0.3` strings. */
export function edges(...specs: string[]): Edge[] {
  return specs.map((spec) => {
    const [path, p] = spec.split(':');
    const [source, target] = (path ?? '').split('>');
    return {
      id: `${source}-${target}`,
      source: source ?? '',
      target: target ?? '',
      label: '',
      probability: p === undefined ? null : Number(p),
    };
  });
}

export function workflow(
  steps: Step[],
  edgeList: Edge[],
  volumePerWeek = 100,
  extra: Partial<Workflow> = {},
): Workflow {
  return {
    id: 'wf',
    name: 'Test workflow',
    description: '',
    kind: 'as-is',
    redesignOfId: null,
    volumePerWeek,
    steps,
    edges: edgeList,
    ...noLearningPlan(),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

export const role = (id: string, headcount: number, hoursPerWeek: number, costPerHour: number): Role => ({
  id,
  name: id,
  headcount,
  hoursPerWeek,
  costPerHour,
  skillLevels: [],
  people: [],
});

/** analyzeWorkflow that fails the test if the workflow cannot be analysed. */
export function analyzeOk(wf: Workflow, roles: readonly Role[], options?: AnalysisOptions): WorkflowAnalysis {
  const result = analyzeWorkflow(wf, roles, options);
  if (!result.ok) throw new Error(`analysis failed: ${result.error.message}`);
  return result;
}
