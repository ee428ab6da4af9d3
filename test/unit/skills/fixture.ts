/**
 * A small hand-computable workspace for the skills lens tests.
 *
 * To-be, 100 cases a week: Start → Write (writer, 12 min; writing 3, verifying 2) → Review (reviewer, 6 min,
 * rejects 20% back to Write; verifying 4; coaching by the lead, 2 min per case) → Polish (writer, 6 min;
 * writing 4) → Sign-off (lead, 3 min) → End. Write and Review are visited 1 / (1 − 0.2) = 1.25 times.
 * As-is: Start → Write (writer, 10 min; writing 2, speaking 2) → End.
 *
 * Writer: 4 people × 40 h, team levels writing 2, verifying 1 (recorded). Reviewer: 2 × 40 h, team level
 * verifying 3, people Ana (verifying 2) and Ben (no own level → 3). Lead: 1 × 40 h.
 */
import { completeSteps, defaultLearningAssumptions } from '../../../shared/model/schema';
import type { Edge, LearningPlanItem, Role, StepInput, Workflow } from '../../../shared/model/schema';

export const WRITING = 'onet.writing';
export const SPEAKING = 'onet.speaking';
export const VERIFYING = 'ai.verifying-ai-output';

const AT = '2026-11-01T09:00:00.000Z';
const pos = { x: 0, y: 0 };
const fixed = (m: number) => ({ min: m, likely: m, max: m });

export function roles(): Role[] {
  return [
    {
      id: 'writer',
      name: 'Writer',
      headcount: 4,
      hoursPerWeek: 40,
      costPerHour: 50,
      skillLevels: [
        { skillId: WRITING, level: 2, source: 'assessed', asOf: '2026-10-01' },
        { skillId: VERIFYING, level: 1, source: 'estimate', asOf: null },
      ],
      people: [],
    },
    {
      id: 'reviewer',
      name: 'Reviewer',
      headcount: 2,
      hoursPerWeek: 40,
      costPerHour: 60,
      skillLevels: [{ skillId: VERIFYING, level: 3, source: 'self-assessed', asOf: null }],
      people: [
        { id: 'ana', displayName: 'Ana', levels: [{ skillId: VERIFYING, level: 2 }] },
        { id: 'ben', displayName: 'Ben', levels: [] },
      ],
    },
    {
      id: 'lead',
      name: 'Lead',
      headcount: 1,
      hoursPerWeek: 40,
      costPerHour: 80,
      skillLevels: [],
      people: [],
    },
  ];
}

const edges = (pairs: [string, string][]): Edge[] =>
  pairs.map(([source, target]) => ({
    id: `${source}-${target}`,
    source,
    target,
    label: '',
    probability: null,
  }));

function wf(id: string, kind: 'as-is' | 'to-be', steps: StepInput[], e: [string, string][]): Workflow {
  return {
    id,
    name: id,
    description: '',
    kind,
    redesignOfId: kind === 'to-be' ? 'asis' : null,
    volumePerWeek: 100,
    steps: completeSteps(steps),
    edges: edges(e),
    learningPlan: [],
    story: null,
    learningAssumptions: defaultLearningAssumptions(),
    createdAt: AT,
    updatedAt: AT,
  };
}

export function asIs(): Workflow {
  return wf(
    'asis',
    'as-is',
    [
      { type: 'start', id: 's', name: 'Start', position: pos },
      {
        type: 'task',
        id: 'write',
        name: 'Write',
        mode: 'human',
        roleId: 'writer',
        position: pos,
        duration: fixed(10),
        skills: [
          { skillId: WRITING, level: 2 },
          { skillId: SPEAKING, level: 2 },
        ],
      },
      { type: 'end', id: 'e', name: 'End', position: pos },
    ],
    [
      ['s', 'write'],
      ['write', 'e'],
    ],
  );
}

export function toBe(plan: LearningPlanItem[] = []): Workflow {
  const w = wf(
    'tobe',
    'to-be',
    [
      { type: 'start', id: 's', name: 'Start', position: pos },
      {
        type: 'task',
        id: 'write',
        name: 'Write',
        mode: 'ai-assisted',
        roleId: 'writer',
        position: pos,
        duration: fixed(12),
        skills: [
          { skillId: WRITING, level: 3 },
          { skillId: VERIFYING, level: 2 },
        ],
      },
      {
        type: 'review',
        id: 'review',
        name: 'Review',
        roleId: 'reviewer',
        position: pos,
        duration: fixed(6),
        skills: [{ skillId: VERIFYING, level: 4 }],
        rejectionRate: 0.2,
        reworkTargetId: 'write',
        coaching: { kind: 'coaching', coachRoleId: 'lead', minutesPerCase: 2 },
      },
      {
        type: 'task',
        id: 'polish',
        name: 'Polish',
        mode: 'human',
        roleId: 'writer',
        position: pos,
        duration: fixed(6),
        skills: [{ skillId: WRITING, level: 4 }],
      },
      {
        type: 'task',
        id: 'signoff',
        name: 'Sign-off',
        mode: 'human',
        roleId: 'lead',
        position: pos,
        duration: fixed(3),
      },
      { type: 'end', id: 'e', name: 'End', position: pos },
    ],
    [
      ['s', 'write'],
      ['write', 'review'],
      ['review', 'polish'],
      ['polish', 'signoff'],
      ['signoff', 'e'],
    ],
  );
  w.learningPlan = plan;
  return w;
}

export function planItem(
  extra: Partial<LearningPlanItem> & Pick<LearningPlanItem, 'id' | 'method'>,
): LearningPlanItem {
  return {
    skillId: WRITING,
    roleId: 'writer',
    fromLevel: 2,
    toLevel: 4,
    hoursPerWeek: 0,
    startWeek: 0,
    linkedStepId: null,
    notes: '',
    ...extra,
  };
}

/** The plan of the tests: the review's feedback directed to writing, and a writing course from week 2. */
export function writingPlan(): LearningPlanItem[] {
  return [
    planItem({ id: 'p-feedback', method: 'feedback-loop', linkedStepId: 'review' }),
    planItem({ id: 'p-course', method: 'course', hoursPerWeek: 1, startWeek: 2 }),
  ];
}
