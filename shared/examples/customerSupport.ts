/**
 * Example workspace: an email customer-support team, as it works today and redesigned with AI.
 * Deterministic (fixed ids and timestamps) so it can be loaded, compared and tested reliably.
 */
import type { Edge, Role, StepInput, Workflow, Workspace } from '../model/schema';
import { completeSteps, completeRoles, defaultLearningAssumptions, noLearningPlan } from '../model/schema';
import { at, edge, levels, person, planItem } from './builders';

const CREATED_AT = '2026-11-01T09:00:00.000Z';
const TO_BE_CREATED_AT = '2026-11-08T09:00:00.000Z';

const AGENT = 'cs-role-agent';
const SENIOR = 'cs-role-senior';
const LEAD = 'cs-role-lead';

function roles(): Role[] {
  return completeRoles([
    {
      id: AGENT,
      name: 'Support agent',
      headcount: 18,
      hoursPerWeek: 36,
      costPerHour: 38,
      skillLevels: levels('assessed', '2026-10-15', {
        'onet.reading-comprehension': 3,
        'onet.critical-thinking': 3,
        'digcomp.managing-information': 3,
        'digcomp.browsing-searching-filtering': 3,
        'digcomp.evaluating-information': 2,
        'onet.writing': 4,
        'onet.service-orientation': 3,
        'onet.social-perceptiveness': 3,
        'onet.active-listening': 3,
        'digcomp.interacting': 3,
        'ai.verifying-ai-output': 3,
        'ai.editing-ai-drafts': 2,
        'ai.customer-empathy-with-ai': 3,
        'ai.escalation-judgment': 2,
      }),
    },
    {
      id: SENIOR,
      name: 'Senior agent / reviewer',
      headcount: 2,
      hoursPerWeek: 36,
      costPerHour: 52,
      skillLevels: levels('self-assessed', '2026-10-15', {
        'onet.quality-control-analysis': 4,
        'onet.judgment-and-decision-making': 4,
        'onet.writing': 4,
        'ai.coaching-and-feedback': 3,
        'ai.verifying-ai-output': 3,
        'ai.improving-prompts-and-policies': 3,
        'ai.knowledge-capture': 3,
      }),
      people: [
        person(SENIOR, 'maria', 'Maria Lopez', { 'ai.verifying-ai-output': 3 }),
        person(SENIOR, 'jonas', 'Jonas Berg', {
          'ai.verifying-ai-output': 3,
          'ai.improving-prompts-and-policies': 3,
        }),
      ],
    },
    {
      id: LEAD,
      name: 'Team lead',
      headcount: 1,
      hoursPerWeek: 30,
      costPerHour: 65,
      skillLevels: levels('estimate', '2026-10-15', {
        'ai.coaching-and-feedback': 4,
        'ai.change-leadership': 3,
        'ai.workflow-redesign': 2,
      }),
    },
  ]);
}

function asIs(): Workflow {
  const p = 'cs-asis';
  const s = (name: string) => `${p}-step-${name}`;
  const steps: StepInput[] = [
    {
      type: 'start',
      id: s('start'),
      name: 'Ticket received',
      description: 'A customer email or web-form message arrives in the shared support inbox.',
      notes: '',
      position: at(0),
    },
    {
      type: 'task',
      id: s('triage'),
      name: 'Triage and categorise',
      description:
        'An agent reads the ticket, sets its category and priority, and assigns it to the right queue.',
      notes: 'Around 8% of tickets are miscategorised and bounce between queues before anyone works on them.',
      position: at(1),
      roleId: AGENT,
      duration: { min: 1, likely: 2, max: 5 },
      skills: [
        { skillId: 'onet.reading-comprehension', level: 3 },
        { skillId: 'onet.critical-thinking', level: 2 },
        { skillId: 'digcomp.managing-information', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('research'),
      name: 'Research customer history',
      description:
        'The agent looks up the customer’s orders, earlier tickets and account notes in the CRM and the order system.',
      notes: 'Three separate systems; agents copy details into the ticket by hand.',
      position: at(2),
      roleId: AGENT,
      duration: { min: 2, likely: 4, max: 10 },
      skills: [
        { skillId: 'digcomp.browsing-searching-filtering', level: 3 },
        { skillId: 'onet.reading-comprehension', level: 3 },
        { skillId: 'digcomp.evaluating-information', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('draft'),
      name: 'Draft reply',
      description:
        'The agent writes a reply from scratch, using saved snippets and the knowledge base where they fit.',
      notes: 'The largest block of agent time. Quality varies a lot between agents.',
      position: at(3),
      roleId: AGENT,
      duration: { min: 12, likely: 18, max: 35 },
      skills: [
        { skillId: 'onet.writing', level: 4 },
        { skillId: 'onet.service-orientation', level: 3 },
        { skillId: 'onet.social-perceptiveness', level: 3 },
        { skillId: 'onet.active-listening', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'decision',
      id: s('complex'),
      name: 'Complex or sensitive?',
      description:
        'Complaints, refunds above the agent’s limit, legal threats and vulnerable customers need a senior review.',
      notes: '',
      position: at(4),
    },
    {
      type: 'review',
      id: s('review'),
      name: 'Senior review',
      description:
        'A senior agent checks the draft for accuracy, tone and policy, and sends it back if it needs work.',
      notes: 'Rejected drafts go back to the original agent with a short comment.',
      position: at(5, -1),
      roleId: SENIOR,
      duration: { min: 4, likely: 7, max: 15 },
      skills: [
        { skillId: 'onet.quality-control-analysis', level: 4 },
        { skillId: 'onet.judgment-and-decision-making', level: 4 },
        { skillId: 'onet.writing', level: 4 },
        { skillId: 'ai.coaching-and-feedback', level: 3 },
      ],
      rejectionRate: 0.1,
      reworkTargetId: s('draft'),
    },
    {
      type: 'task',
      id: s('send'),
      name: 'Send reply',
      description: 'The agent sends the reply, updates the ticket status and logs the contact reason.',
      notes: '',
      position: at(6),
      roleId: AGENT,
      duration: { min: 1, likely: 1.5, max: 3 },
      skills: [
        { skillId: 'digcomp.interacting', level: 2 },
        { skillId: 'digcomp.managing-information', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'end',
      id: s('end'),
      name: 'Ticket resolved',
      description: 'The customer has an answer and the ticket is closed.',
      notes: '',
      position: at(7),
    },
  ];
  const edges: Edge[] = [
    edge(p, 'start', 'triage'),
    edge(p, 'triage', 'research'),
    edge(p, 'research', 'draft'),
    edge(p, 'draft', 'complex'),
    edge(p, 'complex', 'review', 'Yes', 0.25),
    edge(p, 'complex', 'send', 'No', 0.75),
    edge(p, 'review', 'send'),
    edge(p, 'send', 'end'),
  ];
  return {
    id: p,
    name: 'Customer support (as-is)',
    description:
      'Email support today: agents triage, research and write every reply by hand; a quarter of tickets get a senior review.',
    kind: 'as-is',
    redesignOfId: null,
    volumePerWeek: 1200,
    steps: completeSteps(steps),
    edges,
    ...noLearningPlan(),
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
  };
}

function toBe(): Workflow {
  const p = 'cs-tobe';
  const s = (name: string) => `${p}-step-${name}`;
  const steps: StepInput[] = [
    {
      type: 'start',
      id: s('start'),
      name: 'Ticket received',
      description: 'A customer email or web-form message arrives in the shared support inbox.',
      notes: '',
      position: at(0),
    },
    {
      type: 'task',
      id: s('triage'),
      name: 'Auto-triage',
      description:
        'A classifier sets category, priority and queue, and flags likely complex or sensitive tickets.',
      notes:
        'Skills listed here are those needed to keep the classifier accurate: reading its quality reports and spotting drift.',
      position: at(1),
      roleId: null,
      duration: { min: 0, likely: 0.1, max: 0.5 },
      skills: [
        { skillId: 'ai.measuring-ai-quality', level: 3 },
        { skillId: 'ai.data-literacy-for-ai', level: 2 },
      ],
      mode: 'ai-automated',
      aiTool: 'Ticket classifier',
    },
    {
      type: 'task',
      id: s('draft'),
      name: 'AI drafts reply',
      description:
        'The reply assistant pulls the customer’s history from the CRM and order system and drafts a reply grounded in the knowledge base.',
      notes:
        'Skills listed here are those needed to maintain the prompts and the knowledge base the assistant uses.',
      position: at(2),
      roleId: null,
      duration: { min: 0.2, likely: 0.5, max: 1 },
      skills: [
        { skillId: 'ai.prompt-and-task-design', level: 4 },
        { skillId: 'ai.context-and-grounding', level: 4 },
        { skillId: 'ai.privacy-and-confidentiality', level: 3 },
      ],
      mode: 'ai-automated',
      aiTool: 'LLM reply assistant',
      aiCostPerRun: 0.04,
    },
    {
      type: 'task',
      id: s('edit'),
      name: 'Agent edits AI draft',
      description:
        'The agent checks the draft against the customer’s history, corrects facts and tone, and decides whether the case is a hard one.',
      notes:
        'Agents flag every factual error in the draft with one click, which feeds the weekly prompt review.',
      position: at(3),
      roleId: AGENT,
      coaching: { kind: 'pairing', coachRoleId: SENIOR, minutesPerCase: 0.25 },
      duration: { min: 4, likely: 7, max: 15 },
      skills: [
        { skillId: 'ai.verifying-ai-output', level: 4 },
        { skillId: 'ai.editing-ai-drafts', level: 3 },
        { skillId: 'onet.writing', level: 3 },
        { skillId: 'ai.customer-empathy-with-ai', level: 3 },
        { skillId: 'ai.escalation-judgment', level: 3 },
        { skillId: 'onet.reading-comprehension', level: 3 },
      ],
      mode: 'ai-assisted',
      aiTool: 'LLM reply assistant',
      aiCostPerRun: 0.02,
      // Agents get faster at editing AI drafts as they learn what the model gets wrong.
      learningCurve: { learningRate: 0.9, floorShare: 0.6, casesBefore: 1200 },
    },
    {
      type: 'decision',
      id: s('hard'),
      name: 'Hard case?',
      description:
        'Complaints, refunds above the agent’s limit, legal threats, vulnerable customers and drafts the agent does not trust.',
      notes: '',
      position: at(4),
    },
    {
      type: 'review',
      id: s('review'),
      name: 'Senior review of hard cases',
      description: 'A senior agent reviews hard cases for accuracy, tone and policy before they go out.',
      notes:
        'Weekly prompt and policy review (not a step, since it does not happen per ticket): the team lead and the senior agents spend about an hour a week turning review findings and flagged AI errors into prompt changes, knowledge-base fixes and policy updates.',
      position: at(5, -1),
      roleId: SENIOR,
      duration: { min: 4, likely: 7, max: 15 },
      skills: [
        { skillId: 'onet.judgment-and-decision-making', level: 4 },
        { skillId: 'ai.verifying-ai-output', level: 4 },
        { skillId: 'ai.coaching-and-feedback', level: 3 },
        { skillId: 'ai.improving-prompts-and-policies', level: 3 },
        { skillId: 'ai.knowledge-capture', level: 3 },
      ],
      rejectionRate: 0.15,
      reworkTargetId: s('edit'),
      // The weekly prompt and policy review closes a fifth of the gap to a 5% rejection rate each week.
      feedbackLoop: { weeklyReduction: 0.2, floorRate: 0.05 },
    },
    {
      type: 'task',
      id: s('send'),
      name: 'Send reply',
      description:
        'The agent sends the reply; status and contact reason are filled in from the triage result.',
      notes: '',
      position: at(6),
      roleId: AGENT,
      duration: { min: 0.5, likely: 1, max: 2 },
      skills: [{ skillId: 'digcomp.interacting', level: 2 }],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'end',
      id: s('end'),
      name: 'Ticket resolved',
      description: 'The customer has an answer and the ticket is closed.',
      notes: '',
      position: at(7),
    },
  ];
  const edges: Edge[] = [
    edge(p, 'start', 'triage'),
    edge(p, 'triage', 'draft'),
    edge(p, 'draft', 'edit'),
    edge(p, 'edit', 'hard'),
    edge(p, 'hard', 'review', 'Yes', 0.3),
    edge(p, 'hard', 'send', 'No', 0.7),
    edge(p, 'review', 'send'),
    edge(p, 'send', 'end'),
  ];
  return {
    id: p,
    name: 'Customer support (to-be)',
    description:
      'Redesigned with AI: tickets are triaged and drafted automatically, agents edit and own every reply, and seniors review the hard cases. A weekly prompt and policy review turns review findings into better prompts and guidelines.',
    kind: 'to-be',
    redesignOfId: 'cs-asis',
    volumePerWeek: 1200,
    steps: completeSteps(steps),
    edges,
    learningPlan: [
      planItem(p, 'verify-feedback', {
        method: 'feedback-loop',
        roleId: AGENT,
        skillId: 'ai.verifying-ai-output',
        fromLevel: 3,
        toLevel: 4,
        hoursPerWeek: 0,
        startWeek: 0,
        linkedStep: 'review',
        notes: 'Seniors say why they send a reply back; agents learn where the drafts go wrong.',
      }),
      planItem(p, 'verify-course', {
        method: 'course',
        roleId: AGENT,
        skillId: 'ai.verifying-ai-output',
        fromLevel: 3,
        toLevel: 4,
        hoursPerWeek: 0.5,
        startWeek: 0,
        notes:
          'A short course on checking AI drafts against the order system and the knowledge base, half an hour a week.',
      }),
      planItem(p, 'edit-pairing', {
        method: 'pairing',
        roleId: AGENT,
        skillId: 'ai.editing-ai-drafts',
        fromLevel: 2,
        toLevel: 3,
        hoursPerWeek: 0,
        startWeek: 0,
        linkedStep: 'edit',
        notes: 'Seniors pair with agents on a share of the drafts.',
      }),
      planItem(p, 'senior-retro', {
        method: 'weekly-retro',
        roleId: SENIOR,
        skillId: 'ai.verifying-ai-output',
        fromLevel: 3,
        toLevel: 4,
        hoursPerWeek: 1,
        startWeek: 0,
        notes:
          'The weekly prompt and policy review doubles as the seniors’ retro: a goal, an approach tried, what worked.',
      }),
    ],
    learningAssumptions: defaultLearningAssumptions(),
    story: null,
    createdAt: TO_BE_CREATED_AT,
    updatedAt: TO_BE_CREATED_AT,
  };
}

/** The customer-support example: roles, the as-is workflow and its AI redesign. */
export function customerSupportExample(): Workspace {
  return { workflows: [asIs(), toBe()], roles: roles(), customSkills: [] };
}
