import { describe, expect, it } from 'vitest';
import { createWorkflow, createStep, addStep } from '../../../shared/model/operations';
import { EXPOSURE_LABELS, WorkflowSchema, type TaskStep, type Workflow } from '../../../shared/model/schema';
import {
  acceptSuggestion,
  buildIndex,
  createStepsFromTasks,
  dismissSuggestion,
  explainSuggestion,
  linkFromTask,
  linkOnetTask,
  occupationTasks,
  readPack,
  searchTasks,
  suggestMode,
  taskAt,
  unlinkOnetTask,
  type ReferenceIndex,
} from '../../../shared/reference/index';
import { fixturePackJson, gzipJson } from './fixture';

function fixtureIndex(): ReferenceIndex {
  const result = readPack(gzipJson(fixturePackJson()));
  if (!result.ok) throw new Error(result.reason);
  return buildIndex(result.pack);
}

function withTask(mode: TaskStep['mode'] = 'human'): { workflow: Workflow; stepId: string } {
  const step = createStep('task', { x: 100, y: 0 }, mode);
  return { workflow: addStep(createWorkflow('Test'), step), stepId: step.id };
}

const taskOf = (wf: Workflow, id: string) => wf.steps.find((s) => s.id === id) as TaskStep;

describe('suggested mode from the exposure labels', () => {
  it('maps E0 to human and E1, E2 to AI-assisted, following the human label', () => {
    expect(suggestMode('E0', 'E2')).toEqual({ mode: 'human', basis: 'human', label: 'E0', disagree: true });
    expect(suggestMode('E1', 'E1')).toEqual({
      mode: 'ai-assisted',
      basis: 'human',
      label: 'E1',
      disagree: false,
    });
    expect(suggestMode('E2', 'E0')).toEqual({
      mode: 'ai-assisted',
      basis: 'human',
      label: 'E2',
      disagree: true,
    });
  });

  it('follows GPT-4 only where there is no human label, and says so', () => {
    const s = suggestMode(null, 'E2');
    expect(s).toEqual({ mode: 'ai-assisted', basis: 'gpt4', label: 'E2', disagree: false });
    expect(s && explainSuggestion(s)).toBe(
      'AI-assisted, following the GPT-4 label (E2: exposure through software built on an LLM, which could cut the time by half or more).',
    );
    expect(suggestMode(null, null)).toBeNull();
  });

  it('never suggests AI-automated, for any pair of labels', () => {
    for (const h of [...EXPOSURE_LABELS, null]) {
      for (const g of [...EXPOSURE_LABELS, null]) {
        expect(suggestMode(h, g)?.mode ?? 'none').not.toBe('ai-automated');
      }
    }
  });

  it('shows the fixture’s disagreements: 10 of its 29 tasks with both labels', () => {
    const index = fixtureIndex();
    const disagree = index.pack.tasks.filter((_, i) => {
      const t = taskAt(index, i);
      return t && suggestMode(t.human, t.gpt)?.disagree;
    });
    expect(disagree.map((t) => t[0])).toEqual([
      '900001',
      '900005',
      '900007',
      '900012',
      '900013',
      '900016',
      '900018',
      '900022',
      '900026',
      '900030',
    ]);
  });
});

describe('linking, accepting and dismissing', () => {
  const index = fixtureIndex();
  const draft = searchTasks(index, 'draft written replies').tasks[0];
  if (!draft) throw new Error('fixture task missing');
  const link = linkFromTask(draft, '27.2');

  it('copies both labels and the occupation into the link; the mode does not change', () => {
    const { workflow, stepId } = withTask('human');
    const linked = linkOnetTask(workflow, stepId, link);
    const step = taskOf(linked, stepId);
    expect(step.mode).toBe('human');
    expect(step.onetTask).toEqual({
      taskId: '900001',
      socCode: '43-4051.00',
      occupation: 'Customer Service Representatives',
      statement: 'Draft written replies to customer questions about orders and deliveries.',
      release: '27.2',
      humanLabel: 'E1',
      gptLabel: 'E2',
      suggestion: 'pending',
      decidedAt: null,
    });
    expect(WorkflowSchema.safeParse(linked).success).toBe(true);
  });

  it('accept applies the suggested mode and records it; dismiss records and leaves the mode', () => {
    const { workflow, stepId } = withTask('human');
    const linked = linkOnetTask(workflow, stepId, link);
    const accepted = acceptSuggestion(linked, stepId, '2026-12-06T12:00:00.000Z');
    expect(taskOf(accepted, stepId).mode).toBe('ai-assisted');
    expect(taskOf(accepted, stepId).onetTask).toMatchObject({
      suggestion: 'accepted',
      decidedAt: '2026-12-06T12:00:00.000Z',
    });
    const dismissed = dismissSuggestion(linked, stepId, '2026-12-06T12:05:00.000Z');
    expect(taskOf(dismissed, stepId).mode).toBe('human');
    expect(taskOf(dismissed, stepId).onetTask).toMatchObject({ suggestion: 'dismissed' });
    expect(taskOf(unlinkOnetTask(dismissed, stepId), stepId).onetTask).toBeNull();
  });

  it('accepting on an AI-automated step never keeps it automated: the suggestion tops out at AI-assisted', () => {
    const { workflow, stepId } = withTask('ai-automated');
    const accepted = acceptSuggestion(linkOnetTask(workflow, stepId, link), stepId);
    expect(taskOf(accepted, stepId).mode).toBe('ai-assisted');
  });

  it('creates unconnected human steps from an occupation’s tasks, core tasks first, each linked', () => {
    const tasks = occupationTasks(index, 0);
    expect(tasks.map((t) => t.taskId)).toEqual([
      '900001',
      '900002',
      '900003',
      '900004',
      '900005',
      '900006',
      '900009',
      '900010',
      '900007',
      '900008',
    ]);
    const { workflow } = withTask();
    const { workflow: next, stepIds } = createStepsFromTasks(workflow, tasks.slice(0, 5), '27.2');
    expect(stepIds).toHaveLength(5);
    const made = stepIds.map((id) => taskOf(next, id));
    expect(made.every((s) => s.mode === 'human' && s.onetTask?.suggestion === 'pending')).toBe(true);
    // Four per row below the lowest step (y 0): rows at y 160 and 320, from the leftmost x (0, the start step).
    expect(made.map((s) => s.position)).toEqual([
      { x: 0, y: 160 },
      { x: 260, y: 160 },
      { x: 520, y: 160 },
      { x: 780, y: 160 },
      { x: 0, y: 320 },
    ]);
    // Names are short (the whole statement is the description), cut at a word.
    expect(made[0]?.name).toBe('Draft written replies to customer questions about orders…');
    expect(made[0]?.description).toBe(
      'Draft written replies to customer questions about orders and deliveries.',
    );
    expect(made[1]?.name).toBe('Greet walk-in customers at the service desk and direct them…');
    expect(next.edges).toEqual(workflow.edges);
    expect(WorkflowSchema.safeParse(next).success).toBe(true);
  });
});

describe('task search', () => {
  const index = fixtureIndex();

  it('finds tasks whose statement or occupation holds every word', () => {
    expect(searchTasks(index, 'write').tasks.map((t) => t.taskId)).toEqual(['900015', '900021', '900025']);
    expect(searchTasks(index, 'CODE review').tasks.map((t) => t.taskId)).toEqual(['900022']);
    // The occupation title counts too: every task of Accountants and Auditors matches "accountants".
    expect(searchTasks(index, 'accountants').total).toBe(10);
    expect(searchTasks(index, 'accountants findings').tasks.map((t) => t.taskId)).toEqual(['900015']);
  });

  it('searches one occupation’s tasks only when asked', () => {
    expect(searchTasks(index, 'complaints', { occupation: 0 }).tasks.map((t) => t.taskId)).toEqual([
      '900004',
      '900007',
    ]);
    expect(searchTasks(index, 'complaints', { occupation: 2 }).total).toBe(0);
    expect(searchTasks(index, 'write', { occupation: 2 }).tasks.map((t) => t.taskId)).toEqual([
      '900021',
      '900025',
    ]);
  });

  it('an empty query lists everything (up to the limit) and a 10,000-character one is cut, not stalled', () => {
    const empty = searchTasks(index, '', { limit: 5 });
    expect(empty.total).toBe(30);
    expect(empty.tasks).toHaveLength(5);
    const long = searchTasks(index, 'x'.repeat(10_000));
    expect(long).toEqual({ tasks: [], total: 0, cut: true });
  });
});
