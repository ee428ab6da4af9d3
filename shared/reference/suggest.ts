/**
 * From exposure labels to a suggested mode, and the edits that link, accept, dismiss and unlink. Labels are
 * exposure (could an LLM cut the task's time by half?), not advice, so the suggestion never goes beyond
 * AI-assisted: automating a task outright is the user's call, and only with a review after it.
 */
import { newId } from '../model/ids';
import { nowIso, updateStep } from '../model/operations';
import type { ExposureLabel, OnetTaskLink, Step, TaskStep, Workflow } from '../model/schema';
import { defaultGovernance } from '../model/schema';
import type { ReferenceTask } from './search';

/** The modes a suggestion may propose; AI-automated is never among them. */
export type SuggestedMode = 'human' | 'ai-assisted';
export type LabelBasis = 'human' | 'gpt4';

export interface Suggestion {
  mode: SuggestedMode;
  /** Which label the suggestion follows: the human one where there is one, else GPT-4's. */
  basis: LabelBasis;
  label: ExposureLabel;
  /** Both labels are there and differ. */
  disagree: boolean;
}

export const LABEL_MEANINGS: Record<ExposureLabel, string> = {
  E0: 'no exposure: an LLM would not cut the time of this task by half',
  E1: 'direct exposure: an LLM alone could cut the time of this task by half or more',
  E2: 'exposure through software built on an LLM, which could cut the time by half or more',
};

export const BASIS_NAMES: Record<LabelBasis, string> = { human: 'human', gpt4: 'GPT-4' };

export function suggestMode(human: ExposureLabel | null, gpt: ExposureLabel | null): Suggestion | null {
  const basis: LabelBasis | null = human ? 'human' : gpt ? 'gpt4' : null;
  const label = human ?? gpt;
  if (!basis || !label) return null;
  return {
    mode: label === 'E0' ? 'human' : 'ai-assisted',
    basis,
    label,
    disagree: human !== null && gpt !== null && human !== gpt,
  };
}

/** One sentence that says what the suggestion rests on. */
export function explainSuggestion(s: Suggestion): string {
  const mode = s.mode === 'human' ? 'Human' : 'AI-assisted';
  return `${mode}, following the ${BASIS_NAMES[s.basis]} label (${s.label}: ${LABEL_MEANINGS[s.label]}).`;
}

export function linkFromTask(task: ReferenceTask, release: string): OnetTaskLink {
  return {
    taskId: task.taskId,
    socCode: task.occupation.soc,
    occupation: task.occupation.title,
    statement: task.statement,
    release,
    humanLabel: task.human,
    gptLabel: task.gpt,
    suggestion: 'pending',
    decidedAt: null,
  };
}

function taskStep(workflow: Workflow, stepId: string): TaskStep | null {
  const step = workflow.steps.find((s) => s.id === stepId);
  return step?.type === 'task' ? step : null;
}

/** Links a task step to an O*NET task; the mode stays as it is until the user accepts. */
export function linkOnetTask(workflow: Workflow, stepId: string, link: OnetTaskLink): Workflow {
  if (!taskStep(workflow, stepId)) return workflow;
  return updateStep(workflow, stepId, { onetTask: { ...link, suggestion: 'pending', decidedAt: null } });
}

export function unlinkOnetTask(workflow: Workflow, stepId: string): Workflow {
  const step = taskStep(workflow, stepId);
  if (!step?.onetTask) return workflow;
  return updateStep(workflow, stepId, { onetTask: null });
}

/** Applies the suggested mode (never AI-automated) and records the acceptance. */
export function acceptSuggestion(workflow: Workflow, stepId: string, at = nowIso()): Workflow {
  const step = taskStep(workflow, stepId);
  const link = step?.onetTask;
  const suggestion = link ? suggestMode(link.humanLabel, link.gptLabel) : null;
  if (!step || !link || !suggestion) return workflow;
  return updateStep(workflow, stepId, {
    mode: suggestion.mode,
    onetTask: { ...link, suggestion: 'accepted', decidedAt: at },
  });
}

/** Leaves the mode alone and records that the suggestion was dismissed. */
export function dismissSuggestion(workflow: Workflow, stepId: string, at = nowIso()): Workflow {
  const step = taskStep(workflow, stepId);
  if (!step?.onetTask) return workflow;
  return updateStep(workflow, stepId, {
    onetTask: { ...step.onetTask, suggestion: 'dismissed', decidedAt: at },
  });
}

const COLUMNS = 4;
const GAP_X = 260;
const GAP_Y = 160;
/** Short enough for a step on the diagram; the whole statement goes into the description. */
const NAME_MAX = 60;

/** The statement's start, cut at a word boundary with an ellipsis when it is longer than NAME_MAX. */
export function stepNameFor(statement: string): string {
  const text = statement.trim().replace(/\.$/, '');
  if (text.length <= NAME_MAX) return text;
  const cut = text.slice(0, NAME_MAX - 1);
  // The cut ends a word when the next character is a space; otherwise go back to the last whole word.
  const space = text[cut.length] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > NAME_MAX / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}…`;
}

/**
 * New human task steps, one per O*NET task, each linked (suggestion pending), laid out in rows below the
 * diagram and left unconnected: O*NET's task list is not a process order.
 */
export function createStepsFromTasks(
  workflow: Workflow,
  tasks: readonly ReferenceTask[],
  release: string,
): { workflow: Workflow; stepIds: string[] } {
  const bottom = workflow.steps.reduce((y, s) => Math.max(y, s.position.y), -GAP_Y);
  const left = workflow.steps.reduce((x, s) => Math.min(x, s.position.x), Infinity);
  const x0 = Number.isFinite(left) ? left : 0;
  const steps: Step[] = tasks.map((task, i) => ({
    id: newId('step'),
    type: 'task',
    name: stepNameFor(task.statement),
    description: task.statement,
    notes: '',
    position: { x: x0 + (i % COLUMNS) * GAP_X, y: bottom + GAP_Y * (1 + Math.floor(i / COLUMNS)) },
    mode: 'human',
    roleId: null,
    duration: { min: 5, likely: 10, max: 20 },
    skills: [],
    aiTool: '',
    aiCostPerRun: 0,
    aiConcurrency: null,
    learningCurve: null,
    coaching: null,
    onetTask: linkFromTask(task, release),
    ...defaultGovernance(),
  }));
  return {
    workflow: { ...workflow, steps: [...workflow.steps, ...steps], updatedAt: nowIso() },
    stepIds: steps.map((s) => s.id),
  };
}
