/**
 * Pure edits of a workflow. Each takes a workflow and returns a new one (never mutates), so the store can
 * keep history and React can compare by reference.
 */
import { newId } from './ids';
import { canConnect } from './rules';
import type { Edge, Position, Step, StepType, TaskMode, Workflow, WorkflowKind } from './schema';
import { defaultGovernance, noLearningPlan } from './schema';

export function nowIso(): string {
  return new Date().toISOString();
}

export function createWorkflow(name: string, kind: WorkflowKind = 'as-is', at = nowIso()): Workflow {
  const start = createStep('start', { x: 0, y: 0 });
  const end = createStep('end', { x: 520, y: 0 });
  return {
    id: newId('wf'),
    name,
    description: '',
    kind,
    redesignOfId: null,
    volumePerWeek: 100,
    steps: [start, end],
    edges: [],
    ...noLearningPlan(),
    createdAt: at,
    updatedAt: at,
  };
}

const DEFAULT_NAMES: Record<StepType, string> = {
  start: 'Start',
  end: 'Done',
  task: 'New task',
  review: 'Review',
  decision: 'Decision?',
  parallel: 'In parallel',
};

export function createStep(type: StepType, position: Position, mode: TaskMode = 'human'): Step {
  const base = { id: newId('step'), name: DEFAULT_NAMES[type], description: '', notes: '', position };
  switch (type) {
    case 'start':
    case 'end':
    case 'decision':
    case 'parallel':
      return { ...base, type };
    case 'task':
      return {
        ...base,
        type,
        mode,
        name: mode === 'human' ? 'New task' : mode === 'ai-assisted' ? 'New AI-assisted task' : 'New AI task',
        roleId: null,
        duration:
          mode === 'ai-automated' ? { min: 0.1, likely: 0.5, max: 2 } : { min: 5, likely: 10, max: 20 },
        skills: [],
        aiTool: '',
        aiCostPerRun: 0,
        aiConcurrency: null,
        learningCurve: null,
        coaching: null,
        onetTask: null,
        ...defaultGovernance(),
      };
    case 'review':
      return {
        ...base,
        type,
        roleId: null,
        duration: { min: 2, likely: 5, max: 10 },
        skills: [],
        rejectionRate: 0.1,
        reworkTargetId: null,
        coaching: null,
        feedbackLoop: null,
        ...defaultGovernance(),
      };
  }
}

function touch(workflow: Workflow, changes: Partial<Workflow>): Workflow {
  return { ...workflow, ...changes, updatedAt: nowIso() };
}

export function updateWorkflowFields(
  workflow: Workflow,
  patch: Partial<Pick<Workflow, 'name' | 'description' | 'kind' | 'redesignOfId' | 'volumePerWeek'>>,
): Workflow {
  return touch(workflow, patch);
}

export function addStep(workflow: Workflow, step: Step): Workflow {
  return touch(workflow, { steps: [...workflow.steps, step] });
}

/** A patch of the fields a step of the given type has; the type itself never changes. */
export type StepPatch = Partial<Omit<Extract<Step, { type: 'task' }>, 'id' | 'type'>> &
  Partial<Omit<Extract<Step, { type: 'review' }>, 'id' | 'type'>>;

export function updateStep(workflow: Workflow, stepId: string, patch: StepPatch): Workflow {
  return touch(workflow, {
    steps: workflow.steps.map((s) => (s.id === stepId ? pickKnownFields(s, patch) : s)),
  });
}

/** Applies only the fields the step's type declares, so a patch never smuggles task fields onto a start step. */
function pickKnownFields(step: Step, patch: StepPatch): Step {
  const next: Record<string, unknown> = { ...step };
  for (const [key, value] of Object.entries(patch)) {
    if (key in step && value !== undefined) next[key] = value;
  }
  return next as Step;
}

export function moveSteps(workflow: Workflow, positions: ReadonlyMap<string, Position>): Workflow {
  return touch(workflow, {
    steps: workflow.steps.map((s) => {
      const p = positions.get(s.id);
      return p ? { ...s, position: p } : s;
    }),
  });
}

/** Removes steps and edges; edges touching a removed step go too, and reviews forget removed rework targets. */
export function removeElements(
  workflow: Workflow,
  stepIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string> = new Set(),
): Workflow {
  const steps = workflow.steps
    .filter((s) => !stepIds.has(s.id))
    .map((s) =>
      s.type === 'review' && s.reworkTargetId !== null && stepIds.has(s.reworkTargetId)
        ? { ...s, reworkTargetId: null }
        : s,
    );
  const edges = workflow.edges.filter(
    (e) => !edgeIds.has(e.id) && !stepIds.has(e.source) && !stepIds.has(e.target),
  );
  return touch(workflow, { steps, edges });
}

export class ConnectionRefused extends Error {}

/** Connects two steps. A new branch of a decision gets the share of probability its siblings leave free. */
export function connect(
  workflow: Workflow,
  sourceId: string,
  targetId: string,
  edgeId = newId('edge'),
): Workflow {
  const verdict = canConnect(workflow, sourceId, targetId);
  if (!verdict.ok) throw new ConnectionRefused(verdict.reason);
  const source = workflow.steps.find((s) => s.id === sourceId);
  let probability: number | null = null;
  if (source?.type === 'decision') {
    const taken = workflow.edges
      .filter((e) => e.source === sourceId)
      .reduce((sum, e) => sum + (e.probability ?? 0), 0);
    probability = Math.max(0, Math.round((1 - taken) * 1000) / 1000);
  }
  const edge: Edge = { id: edgeId, source: sourceId, target: targetId, label: '', probability };
  return touch(workflow, { edges: [...workflow.edges, edge] });
}

export function updateEdge(
  workflow: Workflow,
  edgeId: string,
  patch: Partial<Pick<Edge, 'label' | 'probability'>>,
): Workflow {
  return touch(workflow, { edges: workflow.edges.map((e) => (e.id === edgeId ? { ...e, ...patch } : e)) });
}

/** A copy with a new id; step ids stay, since they are local to a workflow. */
export function duplicateWorkflow(
  workflow: Workflow,
  name = `${workflow.name} (copy)`,
  at = nowIso(),
): Workflow {
  return {
    ...(JSON.parse(JSON.stringify(workflow)) as Workflow),
    id: newId('wf'),
    name,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The start of a redesign: a to-be copy of an as-is workflow. Step ids are kept so that the comparison can
 * pair each redesigned step with the step it came from.
 */
export function createRedesign(asIs: Workflow, at = nowIso()): Workflow {
  return {
    ...duplicateWorkflow(asIs, `${asIs.name} (to-be)`, at),
    kind: 'to-be',
    redesignOfId: asIs.id,
  };
}

/** Steps whose skills mention a skill id; used before retiring or deleting a skill. */
export function stepsUsingSkill(workflows: readonly Workflow[], skillId: string): number {
  let count = 0;
  for (const wf of workflows) {
    for (const s of wf.steps) {
      if ((s.type === 'task' || s.type === 'review') && s.skills.some((r) => r.skillId === skillId)) count++;
    }
  }
  return count;
}

export function stepsUsingRole(workflows: readonly Workflow[], roleId: string): number {
  let count = 0;
  for (const wf of workflows) {
    for (const s of wf.steps) if ((s.type === 'task' || s.type === 'review') && s.roleId === roleId) count++;
  }
  return count;
}

/**
 * Puts a review right after a step: the step's outgoing connections now leave from the review, which sends
 * its rejected share back to the step. The reviewer is the step's role (a person checks their own
 * AI-assisted drafts) until someone chooses another. Only tasks and reviews can be reviewed this way.
 */
const REVIEW_GAP = 260;
const ROW_HEIGHT = 110;

export function insertReviewAfter(
  workflow: Workflow,
  stepId: string,
): { workflow: Workflow; reviewId: string } | null {
  const step = workflow.steps.find((s) => s.id === stepId);
  if (step?.type !== 'task' && step?.type !== 'review') return null;
  const review = createStep('review', { x: step.position.x + REVIEW_GAP, y: step.position.y });
  if (review.type !== 'review') return null;
  const reviewed = { ...review, name: `Review: ${step.name}`, roleId: step.roleId, reworkTargetId: step.id };
  // Make room: the steps to the right on the same row move one place further right.
  const steps = workflow.steps.map((s) =>
    s.position.x > step.position.x && Math.abs(s.position.y - step.position.y) < ROW_HEIGHT
      ? { ...s, position: { x: s.position.x + REVIEW_GAP, y: s.position.y } }
      : s,
  );
  const edges = workflow.edges.map((e) => (e.source === stepId ? { ...e, source: reviewed.id } : e));
  edges.push({ id: newId('edge'), source: stepId, target: reviewed.id, label: '', probability: null });
  return { workflow: touch(workflow, { steps: [...steps, reviewed], edges }), reviewId: reviewed.id };
}

/** Switches a task between human, AI-assisted and AI-automated; other steps are returned unchanged. */
export function setTaskMode(workflow: Workflow, stepId: string, mode: TaskMode): Workflow {
  const step = workflow.steps.find((s) => s.id === stepId);
  if (step?.type !== 'task' || step.mode === mode) return workflow;
  return updateStep(workflow, stepId, { mode });
}
