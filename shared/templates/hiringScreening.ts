/**
 * Example workspace: hiring and candidate screening, as it works today and redesigned with AI.
 * Deterministic (fixed ids and timestamps) so it can be loaded, compared and tested reliably.
 */
import type { Edge, Role, StepInput, Workflow, Workspace } from '../model/schema';
import { completeSteps, completeRoles, defaultLearningAssumptions, noLearningPlan } from '../model/schema';
import { at, edge, levels, person, planItem } from '../examples/builders';

const CREATED_AT = '2026-11-01T09:00:00.000Z';
const TO_BE_CREATED_AT = '2026-11-08T09:00:00.000Z';

const RECRUITER = 'hr-role-recruiter';
const MANAGER = 'hr-role-manager';
const COORDINATOR = 'hr-role-coordinator';

function roles(): Role[] {
  return completeRoles([
    {
      id: RECRUITER,
      name: 'Recruiter',
      headcount: 4,
      hoursPerWeek: 37.5,
      costPerHour: 45,
      skillLevels: levels('assessed', '2026-10-15', {
        'onet.reading-comprehension': 3,
        'onet.critical-thinking': 3,
        'onet.judgment-and-decision-making': 3,
        'digcomp.evaluating-information': 2,
        'onet.active-listening': 4,
        'onet.speaking': 3,
        'onet.social-perceptiveness': 3,
        'onet.writing': 3,
        'onet.service-orientation': 3,
        'onet.negotiation': 2,
        'ai.bias-awareness': 3,
        'ai.verifying-ai-output': 3,
        'ai.ai-risk-and-ethics': 3,
        'ai.improving-prompts-and-policies': 2,
        'ai.editing-ai-drafts': 2,
        'ai.explaining-ai-use': 2,
      }),
      people: [
        person(RECRUITER, 'aylin', 'Aylin Demir', { 'ai.bias-awareness': 4 }),
        person(RECRUITER, 'ben', 'Ben Carter', { 'ai.bias-awareness': 3 }),
        person(RECRUITER, 'chloe', 'Chloé Martin', { 'ai.bias-awareness': 3 }),
        person(RECRUITER, 'dev', 'Dev Patel', { 'ai.bias-awareness': 2 }),
      ],
    },
    // Hiring managers lead their own teams; only the hours they set aside for hiring are counted.
    {
      id: MANAGER,
      name: 'Hiring manager',
      headcount: 20,
      hoursPerWeek: 6,
      costPerHour: 80,
      skillLevels: levels('estimate', '2026-10-15', {
        'onet.active-listening': 4,
        'onet.social-perceptiveness': 4,
        'onet.management-of-personnel-resources': 4,
        'onet.writing': 3,
        'onet.judgment-and-decision-making': 4,
        'onet.critical-thinking': 3,
        'ai.explaining-ai-use': 1,
        'ai.verifying-ai-output': 2,
        'ai.bias-awareness': 2,
        'ai.editing-ai-drafts': 2,
      }),
    },
    {
      id: COORDINATOR,
      name: 'HR coordinator',
      headcount: 2,
      hoursPerWeek: 32,
      costPerHour: 32,
      skillLevels: levels('assessed', '2026-10-15', {
        'onet.coordination': 4,
        'onet.time-management': 3,
        'digcomp.interacting': 3,
        'onet.service-orientation': 2,
        'ai.exception-handling': 2,
      }),
    },
  ]);
}

function asIs(): Workflow {
  const p = 'hr-asis';
  const s = (name: string) => `${p}-step-${name}`;
  const steps: StepInput[] = [
    {
      type: 'start',
      id: s('start'),
      name: 'Application received',
      description:
        'A candidate applies for an open role through the careers site or a job board, and the application lands in the applicant tracking system.',
      notes: 'Around 30 roles are open at any time, each drawing about 20 applications a week.',
      position: at(0),
    },
    {
      type: 'task',
      id: s('cv-screen'),
      name: 'Screen CV by hand',
      description:
        'A recruiter reads the CV and cover letter, compares them with the job advert, and decides whether the candidate goes on the shortlist.',
      notes:
        'Screening criteria differ between recruiters and are rarely written down, so similar candidates can get different outcomes.',
      position: at(1),
      roleId: RECRUITER,
      duration: { min: 3, likely: 5, max: 10 },
      skills: [
        { skillId: 'onet.reading-comprehension', level: 3 },
        { skillId: 'onet.critical-thinking', level: 3 },
        { skillId: 'onet.judgment-and-decision-making', level: 3 },
        { skillId: 'digcomp.evaluating-information', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'decision',
      id: s('shortlisted'),
      name: 'On the shortlist?',
      description: 'The candidate meets the must-have requirements of the role and looks worth a call.',
      notes: '',
      position: at(2),
    },
    {
      type: 'end',
      id: s('not-shortlisted'),
      name: 'Not shortlisted',
      description: 'The candidate receives the standard rejection email from the applicant tracking system.',
      notes: '',
      position: at(3, 1),
    },
    {
      type: 'task',
      id: s('schedule-call'),
      name: 'Schedule phone screen',
      description:
        'The HR coordinator emails the candidate to agree a time for a call with the recruiter and sends the calendar invitation.',
      notes: '',
      position: at(3),
      roleId: COORDINATOR,
      duration: { min: 5, likely: 10, max: 20 },
      skills: [
        { skillId: 'onet.coordination', level: 3 },
        { skillId: 'onet.time-management', level: 3 },
        { skillId: 'digcomp.interacting', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('phone-screen'),
      name: 'Phone screen',
      description:
        'The recruiter calls the candidate to check motivation, salary expectations, notice period and the key requirements of the role.',
      notes: '',
      position: at(4),
      roleId: RECRUITER,
      duration: { min: 20, likely: 30, max: 45 },
      skills: [
        { skillId: 'onet.active-listening', level: 4 },
        { skillId: 'onet.speaking', level: 3 },
        { skillId: 'onet.social-perceptiveness', level: 3 },
        { skillId: 'onet.judgment-and-decision-making', level: 3 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'decision',
      id: s('invite'),
      name: 'Invite to interview?',
      description: 'The recruiter recommends the candidate to the hiring manager, who agrees to interview.',
      notes: '',
      position: at(5),
    },
    {
      type: 'end',
      id: s('declined'),
      name: 'Declined after phone screen',
      description: 'The recruiter emails the candidate that the application will not go further.',
      notes: '',
      position: at(6, 1),
    },
    {
      type: 'task',
      id: s('schedule-interview'),
      name: 'Schedule interview',
      description:
        'The HR coordinator finds a slot that suits the candidate and two or three interviewers, books a room or video link, and sends the invitations.',
      notes:
        'Done by email and shared calendars. About one interview in three is moved at least once, which means starting again.',
      position: at(6),
      roleId: COORDINATOR,
      duration: { min: 20, likely: 40, max: 90 },
      skills: [
        { skillId: 'onet.coordination', level: 4 },
        { skillId: 'onet.time-management', level: 3 },
        { skillId: 'digcomp.interacting', level: 3 },
        { skillId: 'onet.service-orientation', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('interview'),
      name: 'Interview',
      description:
        'The hiring manager interviews the candidate, usually with a colleague, and writes up free-form notes afterwards.',
      notes:
        'Questions and notes differ from one interviewer to the next, which makes candidates hard to compare fairly.',
      position: at(7),
      roleId: MANAGER,
      duration: { min: 60, likely: 75, max: 120 },
      skills: [
        { skillId: 'onet.active-listening', level: 4 },
        { skillId: 'onet.social-perceptiveness', level: 4 },
        { skillId: 'onet.management-of-personnel-resources', level: 4 },
        { skillId: 'onet.writing', level: 3 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('decide'),
      name: 'Hiring decision',
      description:
        'The hiring manager and the recruiter compare the candidates interviewed for the role and decide whether to make an offer.',
      notes: '',
      position: at(8),
      roleId: MANAGER,
      duration: { min: 10, likely: 20, max: 40 },
      skills: [
        { skillId: 'onet.judgment-and-decision-making', level: 4 },
        { skillId: 'onet.management-of-personnel-resources', level: 4 },
        { skillId: 'onet.critical-thinking', level: 3 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('communicate'),
      name: 'Communicate decision',
      description:
        'The recruiter calls or emails the candidate with the outcome: an offer, or a rejection with brief feedback.',
      notes: 'Unsuccessful candidates often wait a week or more, and feedback is usually generic.',
      position: at(9),
      roleId: RECRUITER,
      duration: { min: 10, likely: 15, max: 30 },
      skills: [
        { skillId: 'onet.speaking', level: 3 },
        { skillId: 'onet.writing', level: 3 },
        { skillId: 'onet.service-orientation', level: 3 },
        { skillId: 'onet.negotiation', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'end',
      id: s('end'),
      name: 'Decision communicated',
      description: 'The candidate knows the outcome and the application is closed in the tracking system.',
      notes: '',
      position: at(10),
    },
  ];
  const edges: Edge[] = [
    edge(p, 'start', 'cv-screen'),
    edge(p, 'cv-screen', 'shortlisted'),
    edge(p, 'shortlisted', 'schedule-call', 'Yes', 0.2),
    edge(p, 'shortlisted', 'not-shortlisted', 'No', 0.8),
    edge(p, 'schedule-call', 'phone-screen'),
    edge(p, 'phone-screen', 'invite'),
    edge(p, 'invite', 'schedule-interview', 'Yes', 0.4),
    edge(p, 'invite', 'declined', 'No', 0.6),
    edge(p, 'schedule-interview', 'interview'),
    edge(p, 'interview', 'decide'),
    edge(p, 'decide', 'communicate'),
    edge(p, 'communicate', 'end'),
  ];
  return {
    id: p,
    name: 'Hiring and candidate screening (as-is)',
    description:
      'Hiring today: recruiters screen every CV by hand and phone the shortlist, the HR coordinator schedules calls and interviews by email, and hiring managers interview and decide.',
    kind: 'as-is',
    redesignOfId: null,
    volumePerWeek: 600,
    steps: completeSteps(steps),
    edges,
    ...noLearningPlan(),
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
  };
}

function toBe(): Workflow {
  const p = 'hr-tobe';
  const s = (name: string) => `${p}-step-${name}`;
  const steps: StepInput[] = [
    {
      type: 'start',
      id: s('start'),
      name: 'Application received',
      description:
        'A candidate applies for an open role through the careers site or a job board, and the application lands in the applicant tracking system.',
      notes: '',
      position: at(0),
    },
    {
      type: 'task',
      id: s('rank'),
      name: 'AI ranks CVs against the job profile',
      description:
        'A ranking model scores each CV against the structured job profile (must-have and nice-to-have criteria) and gives a short reason for each score. Name, photo, age and address are hidden from the model.',
      notes:
        'Skills listed here are those needed to keep the ranking accurate and fair: writing clear job profiles, keeping personal data out of the model and watching the ranking for skew.',
      position: at(1),
      roleId: null,
      duration: { min: 0.1, likely: 0.2, max: 0.5 },
      skills: [
        { skillId: 'ai.prompt-and-task-design', level: 3 },
        { skillId: 'ai.bias-awareness', level: 4 },
        { skillId: 'ai.measuring-ai-quality', level: 3 },
        { skillId: 'ai.privacy-and-confidentiality', level: 3 },
      ],
      mode: 'ai-automated',
      aiTool: 'ATS candidate-ranking model',
    },
    {
      type: 'review',
      id: s('shortlist-review'),
      name: 'Recruiter reviews shortlist and checks for bias',
      description:
        'The recruiter checks each score and its reason against the CV, reads a sample of lower-ranked applications, and compares shortlist rates across groups of candidates. A wrong or skewed ranking goes back for re-ranking with a corrected job profile.',
      notes:
        'Every time a recruiter overrides the ranking, they record why. The monthly fairness report and the job-profile guidelines are built from these records.',
      position: at(2),
      roleId: RECRUITER,
      duration: { min: 2, likely: 3, max: 6 },
      skills: [
        { skillId: 'ai.bias-awareness', level: 4 },
        { skillId: 'ai.verifying-ai-output', level: 4 },
        { skillId: 'onet.judgment-and-decision-making', level: 3 },
        { skillId: 'ai.ai-risk-and-ethics', level: 3 },
        { skillId: 'ai.improving-prompts-and-policies', level: 2 },
      ],
      rejectionRate: 0.08,
      reworkTargetId: s('rank'),
    },
    {
      type: 'decision',
      id: s('shortlisted'),
      name: 'On the shortlist?',
      description: 'The candidate meets the must-have requirements of the role and looks worth a call.',
      notes: '',
      position: at(3),
    },
    {
      type: 'end',
      id: s('not-shortlisted'),
      name: 'Not shortlisted',
      description: 'The candidate receives the standard rejection email from the applicant tracking system.',
      notes: '',
      position: at(4, 1),
    },
    {
      type: 'task',
      id: s('schedule-call'),
      name: 'Schedule phone screen',
      description:
        'The candidate picks a time from the recruiter’s calendar with a self-booking link sent by the scheduling assistant; the HR coordinator steps in only when no time fits.',
      notes: '',
      position: at(4),
      roleId: COORDINATOR,
      duration: { min: 1, likely: 2, max: 5 },
      skills: [
        { skillId: 'onet.coordination', level: 2 },
        { skillId: 'digcomp.interacting', level: 2 },
        { skillId: 'ai.exception-handling', level: 2 },
      ],
      mode: 'ai-assisted',
      aiTool: 'Interview scheduling assistant',
    },
    {
      type: 'task',
      id: s('phone-screen'),
      name: 'Phone screen',
      description:
        'The recruiter calls the candidate to check motivation, salary expectations, notice period and the key requirements of the role.',
      notes: 'Kept fully human: this is the candidate’s first conversation with the company.',
      position: at(5),
      roleId: RECRUITER,
      duration: { min: 20, likely: 30, max: 45 },
      skills: [
        { skillId: 'onet.active-listening', level: 4 },
        { skillId: 'onet.speaking', level: 3 },
        { skillId: 'onet.social-perceptiveness', level: 3 },
        { skillId: 'onet.judgment-and-decision-making', level: 3 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'decision',
      id: s('invite'),
      name: 'Invite to interview?',
      description: 'The recruiter recommends the candidate to the hiring manager, who agrees to interview.',
      notes: '',
      position: at(6),
    },
    {
      type: 'end',
      id: s('declined'),
      name: 'Declined after phone screen',
      description: 'The recruiter emails the candidate that the application will not go further.',
      notes: '',
      position: at(7, 1),
    },
    {
      type: 'task',
      id: s('schedule-interview'),
      name: 'Schedule interview',
      description:
        'The scheduling assistant proposes times that suit the candidate and the interview panel, sends the invitations and handles moves; the HR coordinator resolves clashes and special requests.',
      notes: '',
      position: at(7),
      roleId: COORDINATOR,
      coaching: { kind: 'coaching', coachRoleId: RECRUITER, minutesPerCase: 2 },
      duration: { min: 5, likely: 10, max: 20 },
      skills: [
        { skillId: 'onet.coordination', level: 3 },
        { skillId: 'ai.exception-handling', level: 3 },
        { skillId: 'onet.service-orientation', level: 2 },
      ],
      mode: 'ai-assisted',
      aiTool: 'Interview scheduling assistant',
    },
    {
      type: 'task',
      id: s('interview'),
      name: 'Structured interview',
      description:
        'The hiring manager and a colleague ask the agreed questions for the role. With the candidate’s consent the interview is recorded, so nobody has to write notes during or after it.',
      notes:
        'Candidates who decline recording are interviewed the same way, and the interviewer takes notes.',
      position: at(8),
      roleId: MANAGER,
      duration: { min: 55, likely: 60, max: 75 },
      skills: [
        { skillId: 'onet.active-listening', level: 4 },
        { skillId: 'onet.social-perceptiveness', level: 4 },
        { skillId: 'onet.management-of-personnel-resources', level: 4 },
        { skillId: 'ai.explaining-ai-use', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('notes'),
      name: 'AI drafts structured interview notes',
      description:
        'From the recording and the interview guide, the notes assistant drafts notes for each question with the candidate’s own words as evidence for each competency. It does not score or recommend.',
      notes:
        'Skills listed here are those needed to set up the interview guides and to keep recordings and notes private and free of biased wording.',
      position: at(9),
      roleId: null,
      duration: { min: 1, likely: 2, max: 5 },
      skills: [
        { skillId: 'ai.privacy-and-confidentiality', level: 4 },
        { skillId: 'ai.prompt-and-task-design', level: 3 },
        { skillId: 'ai.bias-awareness', level: 3 },
      ],
      mode: 'ai-automated',
      aiTool: 'Interview notes assistant',
    },
    {
      type: 'review',
      id: s('notes-review'),
      name: 'Hiring manager reviews interview notes',
      description:
        'The hiring manager checks the draft notes against the interview, corrects or adds evidence, and scores each competency.',
      notes: 'Notes that miss or misstate answers go back for redrafting with the manager’s corrections.',
      position: at(10),
      roleId: MANAGER,
      duration: { min: 5, likely: 10, max: 20 },
      skills: [
        { skillId: 'ai.verifying-ai-output', level: 3 },
        { skillId: 'onet.judgment-and-decision-making', level: 4 },
        { skillId: 'ai.bias-awareness', level: 3 },
        { skillId: 'ai.editing-ai-drafts', level: 2 },
      ],
      rejectionRate: 0.1,
      reworkTargetId: s('notes'),
    },
    {
      type: 'task',
      id: s('decide'),
      name: 'Hiring decision',
      description:
        'The hiring manager and the recruiter compare the candidates on the same structured evidence and decide whether to make an offer.',
      notes: '',
      position: at(11),
      roleId: MANAGER,
      duration: { min: 10, likely: 15, max: 30 },
      skills: [
        { skillId: 'onet.judgment-and-decision-making', level: 4 },
        { skillId: 'onet.management-of-personnel-resources', level: 4 },
        { skillId: 'ai.bias-awareness', level: 3 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('communicate'),
      name: 'Communicate decision',
      description:
        'The recruiter calls successful candidates. For the others, an assistant drafts specific feedback from the interview notes, which the recruiter checks, adjusts and sends.',
      notes: '',
      position: at(12),
      roleId: RECRUITER,
      duration: { min: 5, likely: 8, max: 15 },
      skills: [
        { skillId: 'onet.speaking', level: 3 },
        { skillId: 'ai.editing-ai-drafts', level: 3 },
        { skillId: 'onet.service-orientation', level: 3 },
        { skillId: 'ai.explaining-ai-use', level: 2 },
      ],
      mode: 'ai-assisted',
      aiTool: 'Candidate email assistant',
    },
    {
      type: 'end',
      id: s('end'),
      name: 'Decision communicated',
      description: 'The candidate knows the outcome and the application is closed in the tracking system.',
      notes: '',
      position: at(13),
    },
  ];
  const edges: Edge[] = [
    edge(p, 'start', 'rank'),
    edge(p, 'rank', 'shortlist-review'),
    edge(p, 'shortlist-review', 'shortlisted'),
    edge(p, 'shortlisted', 'schedule-call', 'Yes', 0.2),
    edge(p, 'shortlisted', 'not-shortlisted', 'No', 0.8),
    edge(p, 'schedule-call', 'phone-screen'),
    edge(p, 'phone-screen', 'invite'),
    edge(p, 'invite', 'schedule-interview', 'Yes', 0.4),
    edge(p, 'invite', 'declined', 'No', 0.6),
    edge(p, 'schedule-interview', 'interview'),
    edge(p, 'interview', 'notes'),
    edge(p, 'notes', 'notes-review'),
    edge(p, 'notes-review', 'decide'),
    edge(p, 'decide', 'communicate'),
    edge(p, 'communicate', 'end'),
  ];
  return {
    id: p,
    name: 'Hiring and candidate screening (to-be)',
    description:
      'Redesigned with AI: a model ranks every CV against the job profile and recruiters review the shortlist for accuracy and bias, scheduling is handled by an assistant, and hiring managers review AI-drafted structured interview notes before deciding.',
    kind: 'to-be',
    redesignOfId: 'hr-asis',
    volumePerWeek: 600,
    steps: completeSteps(steps),
    edges,
    learningPlan: [
      planItem(p, 'bias-course', {
        method: 'course',
        roleId: RECRUITER,
        skillId: 'ai.bias-awareness',
        fromLevel: 3,
        toLevel: 4,
        hoursPerWeek: 1,
        startWeek: 0,
        notes: 'A fairness-in-screening course, an hour a week.',
      }),
      planItem(p, 'verify-retro', {
        method: 'weekly-retro',
        roleId: RECRUITER,
        skillId: 'ai.verifying-ai-output',
        fromLevel: 3,
        toLevel: 4,
        hoursPerWeek: 0.5,
        startWeek: 0,
      }),
      planItem(p, 'manager-verify', {
        method: 'self-study',
        roleId: MANAGER,
        skillId: 'ai.verifying-ai-output',
        fromLevel: 2,
        toLevel: 3,
        hoursPerWeek: 0.5,
        startWeek: 1,
      }),
      planItem(p, 'manager-explain', {
        method: 'course',
        roleId: MANAGER,
        skillId: 'ai.explaining-ai-use',
        fromLevel: 1,
        toLevel: 2,
        hoursPerWeek: 0.5,
        startWeek: 4,
      }),
      planItem(p, 'coordinator-coaching', {
        method: 'coaching',
        roleId: COORDINATOR,
        skillId: 'ai.exception-handling',
        fromLevel: 2,
        toLevel: 3,
        hoursPerWeek: 0,
        startWeek: 0,
        linkedStep: 'schedule-interview',
      }),
    ],
    learningAssumptions: defaultLearningAssumptions(),
    story: null,
    createdAt: TO_BE_CREATED_AT,
    updatedAt: TO_BE_CREATED_AT,
  };
}

/** The hiring example: roles, the as-is candidate-screening workflow and its AI redesign. */
export function hiringScreeningExample(): Workspace {
  return { workflows: [asIs(), toBe()], roles: roles(), customSkills: [] };
}
