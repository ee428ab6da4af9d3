/**
 * Example workspace: marketing content production, as it works today and redesigned with AI.
 * Deterministic (fixed ids and timestamps) so it can be loaded, compared and tested reliably.
 */
import type { Edge, Role, StepInput, Workflow, Workspace } from '../model/schema';
import { completeSteps, completeRoles, defaultLearningAssumptions, noLearningPlan } from '../model/schema';
import { at, edge, levels, planItem } from '../examples/builders';

const CREATED_AT = '2026-11-01T09:00:00.000Z';
const TO_BE_CREATED_AT = '2026-11-08T09:00:00.000Z';

const MARKETER = 'mk-role-marketer';
const REVIEWER = 'mk-role-reviewer';
const MANAGER = 'mk-role-manager';

function roles(): Role[] {
  return completeRoles([
    {
      id: MARKETER,
      name: 'Content marketer',
      headcount: 9,
      hoursPerWeek: 37.5,
      costPerHour: 48,
      skillLevels: levels('assessed', '2026-10-15', {
        'digcomp.browsing-searching-filtering': 3,
        'digcomp.evaluating-information': 3,
        'onet.active-listening': 3,
        'onet.reading-comprehension': 3,
        'onet.writing': 4,
        'digcomp.developing-content': 3,
        'onet.persuasion': 3,
        'onet.quality-control-analysis': 3,
        'digcomp.sharing': 3,
        'digcomp.managing-information': 2,
        'ai.editing-ai-drafts': 4,
        'ai.verifying-ai-output': 4,
        'digcomp.netiquette': 2,
        'ai.improving-prompts-and-policies': 1,
      }),
    },
    // A brand manager and an in-house lawyer, each with about half of their week set aside for content reviews.
    {
      id: REVIEWER,
      name: 'Brand / legal reviewer',
      headcount: 2,
      hoursPerWeek: 20,
      costPerHour: 75,
      skillLevels: levels('self-assessed', '2026-10-15', {
        'onet.quality-control-analysis': 4,
        'onet.judgment-and-decision-making': 4,
        'digcomp.copyright-and-licences': 4,
        'ai.coaching-and-feedback': 2,
        'ai.verifying-ai-output': 4,
        'ai.ai-risk-and-ethics': 3,
        'ai.improving-prompts-and-policies': 3,
      }),
    },
    // The manager also runs campaigns and the budget; only the hours spent on content are counted.
    {
      id: MANAGER,
      name: 'Marketing manager',
      headcount: 1,
      hoursPerWeek: 24,
      costPerHour: 85,
      skillLevels: levels('estimate', '2026-10-15', {
        'onet.writing': 3,
        'onet.operations-analysis': 3,
        'onet.judgment-and-decision-making': 3,
        'onet.coordination': 2,
        'ai.prompt-and-task-design': 2,
        'ai.context-and-grounding': 3,
      }),
    },
  ]);
}

function asIs(): Workflow {
  const p = 'mk-asis';
  const s = (name: string) => `${p}-step-${name}`;
  const steps: StepInput[] = [
    {
      type: 'start',
      id: s('start'),
      name: 'Content request received',
      description:
        'A product team, a campaign or the sales team asks for a piece of content: a blog post, landing page, email or case study.',
      notes: '',
      position: at(0),
    },
    {
      type: 'task',
      id: s('brief'),
      name: 'Write content brief',
      description:
        'The marketing manager agrees audience, goal, key messages, channel and deadline with the requester, and writes them into a one-page brief.',
      notes: '',
      position: at(1),
      roleId: MANAGER,
      duration: { min: 20, likely: 30, max: 60 },
      skills: [
        { skillId: 'onet.writing', level: 3 },
        { skillId: 'onet.operations-analysis', level: 3 },
        { skillId: 'onet.judgment-and-decision-making', level: 3 },
        { skillId: 'onet.coordination', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('research'),
      name: 'Research the topic',
      description:
        'A content marketer reads the product documentation, interviews a subject-matter expert, and gathers data, quotes and competitor examples.',
      notes: 'Experts are often slow to find time, so research can stretch over several days.',
      position: at(2),
      roleId: MARKETER,
      duration: { min: 60, likely: 120, max: 240 },
      skills: [
        { skillId: 'digcomp.browsing-searching-filtering', level: 3 },
        { skillId: 'digcomp.evaluating-information', level: 3 },
        { skillId: 'onet.active-listening', level: 3 },
        { skillId: 'onet.reading-comprehension', level: 3 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('draft'),
      name: 'Write first draft',
      description:
        'The marketer writes the piece from scratch, following the brief and the brand style guide.',
      notes: 'The largest block of marketer time.',
      position: at(3),
      roleId: MARKETER,
      duration: { min: 120, likely: 240, max: 480 },
      skills: [
        { skillId: 'onet.writing', level: 4 },
        { skillId: 'digcomp.developing-content', level: 3 },
        { skillId: 'onet.persuasion', level: 3 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('edit'),
      name: 'Edit and fact-check',
      description:
        'A second marketer edits the draft for structure, clarity and the style guide, and checks facts and figures against their sources.',
      notes: '',
      position: at(4),
      roleId: MARKETER,
      duration: { min: 30, likely: 60, max: 120 },
      skills: [
        { skillId: 'onet.writing', level: 4 },
        { skillId: 'onet.quality-control-analysis', level: 3 },
        { skillId: 'digcomp.evaluating-information', level: 3 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'review',
      id: s('review'),
      name: 'Brand and legal review',
      description:
        'The brand manager checks voice and visual identity; the in-house lawyer checks product claims, comparisons, testimonials and image licences.',
      notes:
        'A quarter of pieces go back to the writer, most often for product claims without evidence. Rework means a fresh pass through editing.',
      position: at(5),
      roleId: REVIEWER,
      duration: { min: 20, likely: 40, max: 90 },
      skills: [
        { skillId: 'onet.quality-control-analysis', level: 4 },
        { skillId: 'onet.judgment-and-decision-making', level: 4 },
        { skillId: 'digcomp.copyright-and-licences', level: 4 },
        { skillId: 'ai.coaching-and-feedback', level: 2 },
      ],
      rejectionRate: 0.25,
      reworkTargetId: s('draft'),
    },
    {
      type: 'task',
      id: s('publish'),
      name: 'Publish',
      description:
        'The marketer builds the page or email in the content management system, adds images and search metadata, schedules it, and shares it on the agreed channels.',
      notes:
        'Content is published in English only; the few translations needed are bought from an agency outside this workflow.',
      position: at(6),
      roleId: MARKETER,
      duration: { min: 20, likely: 30, max: 60 },
      skills: [
        { skillId: 'digcomp.developing-content', level: 3 },
        { skillId: 'digcomp.sharing', level: 3 },
        { skillId: 'digcomp.managing-information', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'end',
      id: s('end'),
      name: 'Content published',
      description: 'The piece is live on its channels and the requester has the link.',
      notes: '',
      position: at(7),
    },
  ];
  const edges: Edge[] = [
    edge(p, 'start', 'brief'),
    edge(p, 'brief', 'research'),
    edge(p, 'research', 'draft'),
    edge(p, 'draft', 'edit'),
    edge(p, 'edit', 'review'),
    edge(p, 'review', 'publish'),
    edge(p, 'publish', 'end'),
  ];
  return {
    id: p,
    name: 'Marketing content production (as-is)',
    description:
      'Content production today: the marketing manager writes the brief, content marketers research, write and edit every piece by hand, and brand and legal review it before it is published in English.',
    kind: 'as-is',
    redesignOfId: null,
    volumePerWeek: 30,
    steps: completeSteps(steps),
    edges,
    ...noLearningPlan(),
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
  };
}

function toBe(): Workflow {
  const p = 'mk-tobe';
  const s = (name: string) => `${p}-step-${name}`;
  const steps: StepInput[] = [
    {
      type: 'start',
      id: s('start'),
      name: 'Content request received',
      description:
        'A product team, a campaign or the sales team asks for a piece of content: a blog post, landing page, email or case study.',
      notes: '',
      position: at(0),
    },
    {
      type: 'task',
      id: s('brief'),
      name: 'Write content brief',
      description:
        'The marketing manager agrees audience, goal, key messages, channel, deadline and target markets with the requester. The brief also lists the sources the AI may draw on and the claims that need evidence.',
      notes: 'A sharper brief is the cheapest way to a better AI draft.',
      position: at(1),
      roleId: MANAGER,
      duration: { min: 20, likely: 30, max: 60 },
      skills: [
        { skillId: 'onet.writing', level: 3 },
        { skillId: 'onet.judgment-and-decision-making', level: 3 },
        { skillId: 'ai.prompt-and-task-design', level: 3 },
        { skillId: 'ai.context-and-grounding', level: 3 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('draft'),
      name: 'AI drafts from the brief',
      description:
        'A drafting assistant reads the brief and the approved sources and writes a first draft in the brand’s voice, citing a source for every claim.',
      notes:
        'Skills listed here are those needed to maintain the prompts, the style guide and the library of approved sources that the assistant draws on.',
      position: at(2),
      roleId: null,
      duration: { min: 1, likely: 3, max: 10 },
      skills: [
        { skillId: 'ai.prompt-and-task-design', level: 4 },
        { skillId: 'ai.context-and-grounding', level: 4 },
        { skillId: 'digcomp.copyright-and-licences', level: 3 },
      ],
      mode: 'ai-automated',
      aiTool: 'Content drafting assistant',
    },
    {
      type: 'task',
      id: s('edit'),
      name: 'Marketer edits the AI draft',
      description:
        'A content marketer checks every claim against its source, adds expert quotes and an original angle, and rewrites for voice and flow.',
      notes:
        'Marketers tag recurring problems in the drafts (weak claims, generic phrasing), which feeds the monthly prompt and style-guide review.',
      position: at(3),
      roleId: MARKETER,
      duration: { min: 45, likely: 90, max: 180 },
      skills: [
        { skillId: 'ai.editing-ai-drafts', level: 4 },
        { skillId: 'ai.verifying-ai-output', level: 4 },
        { skillId: 'onet.writing', level: 4 },
        { skillId: 'digcomp.evaluating-information', level: 3 },
      ],
      mode: 'ai-assisted',
      aiTool: 'Content drafting assistant',
    },
    {
      type: 'review',
      id: s('review'),
      name: 'Brand and legal review',
      description:
        'The brand manager checks voice and visual identity; the in-house lawyer checks product claims, comparisons and testimonials, and that AI-generated text and images are original, licensed and disclosed where the policy requires.',
      notes:
        'AI drafts sound confident even when a claim is weak, so reviewers check claims more closely and send more pieces back. Rejected pieces go back to the marketer, not to the AI.',
      position: at(4),
      roleId: REVIEWER,
      duration: { min: 25, likely: 45, max: 100 },
      skills: [
        { skillId: 'onet.quality-control-analysis', level: 4 },
        { skillId: 'onet.judgment-and-decision-making', level: 4 },
        { skillId: 'digcomp.copyright-and-licences', level: 4 },
        { skillId: 'ai.verifying-ai-output', level: 4 },
        { skillId: 'ai.ai-risk-and-ethics', level: 3 },
        { skillId: 'ai.improving-prompts-and-policies', level: 3 },
      ],
      rejectionRate: 0.3,
      reworkTargetId: s('edit'),
    },
    {
      type: 'task',
      id: s('localise'),
      name: 'AI localises variants',
      description:
        'A localisation model produces variants for the five target markets, adapting idioms, units and examples and using each market’s approved terminology. Legal wording is locked and translated from the approved glossary.',
      notes:
        'Skills listed here are those needed to keep the glossaries current and to track localisation quality by market.',
      position: at(5),
      roleId: null,
      duration: { min: 2, likely: 5, max: 15 },
      skills: [
        { skillId: 'ai.measuring-ai-quality', level: 3 },
        { skillId: 'ai.context-and-grounding', level: 3 },
        { skillId: 'digcomp.integrating-content', level: 3 },
      ],
      mode: 'ai-automated',
      aiTool: 'Localisation model with market glossaries',
    },
    {
      type: 'review',
      id: s('spot-check'),
      name: 'Marketer spot-checks a sample',
      description:
        'A marketer who knows the language reads a sample of passages from each variant for meaning, tone and terminology, and sends a variant back when something is off.',
      notes: 'Findings become glossary entries and examples for the localisation model.',
      position: at(6),
      roleId: MARKETER,
      duration: { min: 15, likely: 25, max: 45 },
      skills: [
        { skillId: 'ai.verifying-ai-output', level: 3 },
        { skillId: 'digcomp.netiquette', level: 3 },
        { skillId: 'onet.reading-comprehension', level: 3 },
        { skillId: 'ai.improving-prompts-and-policies', level: 2 },
      ],
      rejectionRate: 0.1,
      reworkTargetId: s('localise'),
    },
    {
      type: 'task',
      id: s('publish'),
      name: 'Publish all variants',
      description:
        'The marketer builds the page or email in the content management system for each market, adds images and search metadata, schedules it, and shares it on the agreed channels.',
      notes: '',
      position: at(7),
      roleId: MARKETER,
      duration: { min: 30, likely: 45, max: 90 },
      skills: [
        { skillId: 'digcomp.developing-content', level: 3 },
        { skillId: 'digcomp.sharing', level: 3 },
        { skillId: 'digcomp.managing-information', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'end',
      id: s('end'),
      name: 'Content published',
      description: 'The piece is live in every target market and the requester has the links.',
      notes: '',
      position: at(8),
    },
  ];
  const edges: Edge[] = [
    edge(p, 'start', 'brief'),
    edge(p, 'brief', 'draft'),
    edge(p, 'draft', 'edit'),
    edge(p, 'edit', 'review'),
    edge(p, 'review', 'localise'),
    edge(p, 'localise', 'spot-check'),
    edge(p, 'spot-check', 'publish'),
    edge(p, 'publish', 'end'),
  ];
  return {
    id: p,
    name: 'Marketing content production (to-be)',
    description:
      'Redesigned with AI: an assistant drafts each piece from the brief, marketers edit and own it, brand and legal review every piece, and AI produces localised variants that a marketer spot-checks before publishing.',
    kind: 'to-be',
    redesignOfId: 'mk-asis',
    volumePerWeek: 30,
    steps: completeSteps(steps),
    edges,
    learningPlan: [
      planItem(p, 'netiquette-study', {
        method: 'self-study',
        roleId: MARKETER,
        skillId: 'digcomp.netiquette',
        fromLevel: 2,
        toLevel: 3,
        hoursPerWeek: 0.5,
        startWeek: 0,
      }),
      planItem(p, 'prompts-feedback', {
        method: 'feedback-loop',
        roleId: MARKETER,
        skillId: 'ai.improving-prompts-and-policies',
        fromLevel: 1,
        toLevel: 2,
        hoursPerWeek: 0,
        startWeek: 0,
        linkedStep: 'review',
        notes: 'Brand and legal say why a piece goes back; marketers turn it into prompt and brief changes.',
      }),
      planItem(p, 'prompts-retro', {
        method: 'weekly-retro',
        roleId: MARKETER,
        skillId: 'ai.improving-prompts-and-policies',
        fromLevel: 1,
        toLevel: 2,
        hoursPerWeek: 0.25,
        startWeek: 0,
        notes: 'A quarter-hour team slot each week: one prompt or brief change tried, and what it did.',
      }),
      planItem(p, 'manager-course', {
        method: 'course',
        roleId: MANAGER,
        skillId: 'ai.prompt-and-task-design',
        fromLevel: 2,
        toLevel: 3,
        hoursPerWeek: 1,
        startWeek: 0,
      }),
    ],
    learningAssumptions: defaultLearningAssumptions(),
    story: null,
    createdAt: TO_BE_CREATED_AT,
    updatedAt: TO_BE_CREATED_AT,
  };
}

/** The marketing-content example: roles, the as-is content workflow and its AI redesign. */
export function marketingContentExample(): Workspace {
  return { workflows: [asIs(), toBe()], roles: roles(), customSkills: [] };
}
