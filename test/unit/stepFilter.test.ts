import { describe, expect, it } from 'vitest';
import { WorkflowSchema, type Workflow } from '../../shared/model/schema';
import {
  isStepFilterActive,
  matchingStepIds,
  NO_STEP_FILTER,
  type StepFilter,
} from '../../shared/model/stepFilter';
import type { Problem } from '../../shared/model/validate';

const at = { x: 0, y: 0 };
const duration = { min: 1, likely: 2, max: 3 };
const workflow: Workflow = WorkflowSchema.parse({
  id: 'wf',
  name: 'Replies',
  kind: 'as-is',
  volumePerWeek: 100,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  edges: [],
  steps: [
    { type: 'start', id: 'start', name: 'Ticket received', position: at },
    {
      type: 'task',
      id: 'triage',
      name: 'Triage',
      description: 'Read the TICKET and set its priority',
      position: at,
      roleId: 'agent',
      duration,
      mode: 'human',
      skills: [{ skillId: 'reading', level: 2 }],
    },
    {
      type: 'task',
      id: 'draft',
      name: 'Draft reply',
      position: at,
      roleId: 'agent',
      duration,
      mode: 'ai-assisted',
      skills: [{ skillId: 'writing', level: 3 }],
    },
    {
      type: 'task',
      id: 'classify',
      name: 'Classify urgency',
      position: at,
      roleId: null,
      duration,
      mode: 'ai-automated',
    },
    {
      type: 'review',
      id: 'review',
      name: 'Senior review',
      position: at,
      roleId: 'senior',
      duration,
      rejectionRate: 0.1,
      skills: [{ skillId: 'writing', level: 4 }],
    },
    { type: 'end', id: 'end', name: 'Done', position: at },
  ],
});
const skillNames = new Map([
  ['reading', 'Reading Comprehension'],
  ['writing', 'Writing'],
]);
const problems: Problem[] = [
  { severity: 'error', code: 'x', message: 'a', stepId: 'classify' },
  { severity: 'warning', code: 'y', message: 'b', stepId: 'review' },
  { severity: 'warning', code: 'z', message: 'workflow-wide' },
];
const find = (filter: Partial<StepFilter>) =>
  matchingStepIds(workflow, { ...NO_STEP_FILTER, ...filter }, problems, skillNames);
const sorted = (ids: Set<string> | null) => (ids ? [...ids].sort() : null);

describe('matchingStepIds', () => {
  it('is null while no criterion is set (blank text included)', () => {
    expect(find({})).toBeNull();
    expect(find({ text: '   ' })).toBeNull();
    expect(isStepFilterActive({ ...NO_STEP_FILTER, problemsOnly: true })).toBe(true);
  });

  it('finds text in names and descriptions, ignoring case and surrounding spaces', () => {
    // "ticket" is in the start's name and in the triage's description (upper case there).
    expect(sorted(find({ text: ' Ticket ' }))).toEqual(['start', 'triage']);
    expect(sorted(find({ text: 'REPLY' }))).toEqual(['draft']);
    expect(sorted(find({ text: 'nothing like this' }))).toEqual([]);
  });

  it('finds text in the names of required skills', () => {
    expect(sorted(find({ text: 'writ' }))).toEqual(['draft', 'review']);
  });

  it('matches any of the chosen modes; steps without a mode never match', () => {
    expect(sorted(find({ modes: ['human'] }))).toEqual(['triage']);
    expect(sorted(find({ modes: ['ai-assisted', 'ai-automated'] }))).toEqual(['classify', 'draft']);
  });

  it('matches the performing or reviewing role, and skills', () => {
    expect(sorted(find({ roleIds: ['agent'] }))).toEqual(['draft', 'triage']);
    expect(sorted(find({ roleIds: ['senior'] }))).toEqual(['review']);
    expect(sorted(find({ skillIds: ['writing'] }))).toEqual(['draft', 'review']);
    expect(sorted(find({ skillIds: ['reading', 'writing'] }))).toEqual(['draft', 'review', 'triage']);
  });

  it('keeps steps with a problem of their own', () => {
    expect(sorted(find({ problemsOnly: true }))).toEqual(['classify', 'review']);
  });

  it('combines criteria with "and"', () => {
    expect(sorted(find({ skillIds: ['writing'], roleIds: ['agent'] }))).toEqual(['draft']);
    expect(sorted(find({ problemsOnly: true, modes: ['ai-automated'] }))).toEqual(['classify']);
    expect(sorted(find({ text: 'review', modes: ['human'] }))).toEqual([]);
  });
});
