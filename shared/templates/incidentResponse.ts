/**
 * Example workspace: IT incident response, as it works today and redesigned with AI.
 * Deterministic (fixed ids and timestamps) so it can be loaded, compared and tested reliably.
 */
import type { Edge, Role, StepInput, Workflow, Workspace } from '../model/schema';
import { completeSteps, completeRoles, defaultLearningAssumptions, noLearningPlan } from '../model/schema';
import { at, edge, levels, person, planItem } from '../examples/builders';

const CREATED_AT = '2026-11-01T09:00:00.000Z';
const TO_BE_CREATED_AT = '2026-11-08T09:00:00.000Z';

const ANALYST = 'it-role-analyst';
const ENGINEER = 'it-role-engineer';
const MANAGER = 'it-role-manager';

const MAJOR_NOTE =
  'Priority 1 or 2: a business-critical service is down, or degraded for many users, or customer data may be affected.';

function roles(): Role[] {
  return completeRoles([
    // Analysts also handle service requests; only the hours they spend on incidents are counted.
    {
      id: ANALYST,
      name: 'Service desk analyst',
      headcount: 3,
      hoursPerWeek: 37.5,
      costPerHour: 36,
      skillLevels: levels('assessed', '2026-10-15', {
        'onet.active-listening': 3,
        'onet.reading-comprehension': 3,
        'digcomp.managing-information': 2,
        'onet.critical-thinking': 3,
        'onet.judgment-and-decision-making': 3,
        'onet.systems-analysis': 2,
        'digcomp.evaluating-information': 2,
        'onet.writing': 2,
        'onet.service-orientation': 3,
        'digcomp.interacting': 2,
        'ai.editing-ai-drafts': 1,
      }),
    },
    // Engineers spend the rest of their week on project work; only the hours kept free for incidents count.
    {
      id: ENGINEER,
      name: 'On-call engineer',
      headcount: 17,
      hoursPerWeek: 20,
      costPerHour: 72,
      skillLevels: levels('assessed', '2026-10-15', {
        'onet.troubleshooting': 4,
        'onet.systems-analysis': 4,
        'onet.complex-problem-solving': 4,
        'digcomp.browsing-searching-filtering': 3,
        'onet.repairing': 3,
        'onet.operation-and-control': 3,
        'onet.operations-monitoring': 3,
        'ai.verifying-ai-output': 2,
        'ai.context-and-grounding': 2,
        'ai.escalation-judgment': 3,
        'ai.knowledge-capture': 1,
      }),
    },
    // Incident managers also run problem management; only the hours for incidents are counted.
    {
      id: MANAGER,
      name: 'Incident manager',
      headcount: 2,
      hoursPerWeek: 30,
      costPerHour: 80,
      skillLevels: levels('self-assessed', '2026-10-15', {
        'onet.writing': 4,
        'onet.systems-evaluation': 4,
        'onet.complex-problem-solving': 3,
        'onet.coordination': 3,
        'onet.judgment-and-decision-making': 4,
        'ai.verifying-ai-output': 3,
        'ai.escalation-judgment': 4,
        'onet.systems-analysis': 3,
        'ai.ai-risk-and-ethics': 2,
        'ai.editing-ai-drafts': 3,
        'ai.knowledge-capture': 3,
      }),
      people: [
        person(MANAGER, 'priya', 'Priya Nair', { 'ai.verifying-ai-output': 4, 'ai.ai-risk-and-ethics': 3 }),
        person(MANAGER, 'tom', 'Tom Weber', { 'ai.verifying-ai-output': 3, 'ai.ai-risk-and-ethics': 2 }),
      ],
    },
  ]);
}

function asIs(): Workflow {
  const p = 'it-asis';
  const s = (name: string) => `${p}-step-${name}`;
  const steps: StepInput[] = [
    {
      type: 'start',
      id: s('start'),
      name: 'Alert or user report received',
      description: 'A monitoring alert fires, or a user reports that a service is down, slow or wrong.',
      notes: 'About 60% of incidents start from monitoring alerts and 40% from user calls and emails.',
      position: at(0),
    },
    {
      type: 'task',
      id: s('log'),
      name: 'Log incident ticket',
      description:
        'A service desk analyst opens a ticket, records the symptoms, the affected service and the users involved.',
      notes: 'Related alerts often arrive as separate tickets and are merged by hand later.',
      position: at(1),
      roleId: ANALYST,
      duration: { min: 3, likely: 5, max: 10 },
      skills: [
        { skillId: 'onet.active-listening', level: 3 },
        { skillId: 'onet.reading-comprehension', level: 2 },
        { skillId: 'digcomp.managing-information', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('triage'),
      name: 'Triage and assign',
      description:
        'The analyst sets impact and urgency, looks for related alerts and recent changes, and assigns the ticket to the on-call engineer of the team that owns the service.',
      notes:
        'About 15% of tickets go to the wrong team first and are passed on, which costs an hour or more.',
      position: at(2),
      roleId: ANALYST,
      duration: { min: 4, likely: 8, max: 20 },
      skills: [
        { skillId: 'onet.critical-thinking', level: 3 },
        { skillId: 'onet.judgment-and-decision-making', level: 3 },
        { skillId: 'onet.systems-analysis', level: 2 },
        { skillId: 'digcomp.evaluating-information', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('diagnose'),
      name: 'Diagnose cause',
      description:
        'The on-call engineer reads logs, dashboards and recent changes, searches old tickets and the wiki, and works out what is wrong.',
      notes:
        'Runbooks are spread across the wiki and often out of date, so engineers rely on memory and on calling colleagues.',
      position: at(3),
      roleId: ENGINEER,
      duration: { min: 15, likely: 30, max: 90 },
      skills: [
        { skillId: 'onet.troubleshooting', level: 4 },
        { skillId: 'onet.systems-analysis', level: 4 },
        { skillId: 'onet.complex-problem-solving', level: 4 },
        { skillId: 'digcomp.browsing-searching-filtering', level: 3 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('fix'),
      name: 'Apply fix',
      description:
        'The engineer restarts, rolls back, scales out or patches the service through an emergency change, and checks that it is healthy again.',
      notes: '',
      position: at(4),
      roleId: ENGINEER,
      duration: { min: 10, likely: 25, max: 90 },
      skills: [
        { skillId: 'onet.repairing', level: 3 },
        { skillId: 'onet.operation-and-control', level: 3 },
        { skillId: 'onet.troubleshooting', level: 3 },
        { skillId: 'onet.operations-monitoring', level: 3 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'decision',
      id: s('major'),
      name: 'Major incident?',
      description: MAJOR_NOTE,
      notes: '',
      position: at(5),
    },
    {
      type: 'task',
      id: s('pir'),
      name: 'Post-incident review',
      description:
        'The incident manager rebuilds the timeline from chat logs, tickets and monitoring, runs the review meeting, and writes the report with follow-up actions.',
      notes:
        'Rebuilding the timeline by hand takes most of the time; reports are often finished a week or more after the incident.',
      position: at(6, -1),
      roleId: MANAGER,
      duration: { min: 240, likely: 420, max: 900 },
      skills: [
        { skillId: 'onet.writing', level: 4 },
        { skillId: 'onet.systems-evaluation', level: 4 },
        { skillId: 'onet.complex-problem-solving', level: 3 },
        { skillId: 'onet.coordination', level: 3 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('close'),
      name: 'Close ticket and inform users',
      description:
        'The analyst writes the resolution note, tells the affected users that the service is back, and closes the ticket.',
      notes: '',
      position: at(7),
      roleId: ANALYST,
      duration: { min: 2, likely: 4, max: 10 },
      skills: [
        { skillId: 'onet.writing', level: 2 },
        { skillId: 'onet.service-orientation', level: 3 },
        { skillId: 'digcomp.interacting', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'end',
      id: s('end'),
      name: 'Service restored',
      description: 'The service works again, the affected users know, and the ticket is closed.',
      notes: '',
      position: at(8),
    },
  ];
  const edges: Edge[] = [
    edge(p, 'start', 'log'),
    edge(p, 'log', 'triage'),
    edge(p, 'triage', 'diagnose'),
    edge(p, 'diagnose', 'fix'),
    edge(p, 'fix', 'major'),
    edge(p, 'major', 'pir', 'Yes', 0.025),
    edge(p, 'major', 'close', 'No', 0.975),
    edge(p, 'pir', 'close'),
    edge(p, 'close', 'end'),
  ];
  return {
    id: p,
    name: 'IT incident response (as-is)',
    description:
      'Incident response today: service desk analysts log and triage every incident by hand, on-call engineers diagnose and fix it, and the incident manager writes a post-incident review for major incidents.',
    kind: 'as-is',
    redesignOfId: null,
    volumePerWeek: 250,
    steps: completeSteps(steps),
    edges,
    ...noLearningPlan(),
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
  };
}

function toBe(): Workflow {
  const p = 'it-tobe';
  const s = (name: string) => `${p}-step-${name}`;
  const steps: StepInput[] = [
    {
      type: 'start',
      id: s('start'),
      name: 'Alert or user report received',
      description: 'A monitoring alert fires, or a user reports that a service is down, slow or wrong.',
      notes: '',
      position: at(0),
    },
    {
      type: 'task',
      id: s('classify'),
      name: 'AI classifies and routes',
      description:
        'The operations platform groups related alerts and user reports into one incident, opens the ticket, sets its priority, and pages the on-call engineer of the team that owns the service.',
      notes:
        'Skills listed here are those needed to tune the grouping and routing rules and to spot misrouted incidents in the weekly report.',
      position: at(1),
      roleId: null,
      duration: { min: 0, likely: 0.1, max: 0.5 },
      skills: [
        { skillId: 'ai.measuring-ai-quality', level: 3 },
        { skillId: 'ai.data-literacy-for-ai', level: 3 },
        { skillId: 'onet.systems-evaluation', level: 3 },
      ],
      mode: 'ai-automated',
      aiTool: 'AIOps alert correlation and routing',
    },
    {
      type: 'task',
      id: s('diagnose'),
      name: 'Diagnose with AI-suggested causes',
      description:
        'A runbook assistant suggests the likely causes, ranked by how well they fit the alerts, recent changes and similar past incidents, each with the matching runbook. The engineer checks the evidence and confirms the cause.',
      notes: 'Engineers mark each suggestion as right or wrong, which feeds the monthly runbook review.',
      position: at(2),
      roleId: ENGINEER,
      coaching: { kind: 'pairing', coachRoleId: MANAGER, minutesPerCase: 1 },
      duration: { min: 8, likely: 15, max: 60 },
      skills: [
        { skillId: 'onet.troubleshooting', level: 4 },
        { skillId: 'ai.verifying-ai-output', level: 4 },
        { skillId: 'onet.systems-analysis', level: 3 },
        { skillId: 'ai.context-and-grounding', level: 3 },
        { skillId: 'ai.escalation-judgment', level: 3 },
      ],
      mode: 'ai-assisted',
      aiTool: 'Runbook assistant',
    },
    {
      type: 'decision',
      id: s('runbook'),
      name: 'Runbook fix available?',
      description:
        'An automated runbook action (restart, roll back, scale out, fail over) fits the confirmed cause.',
      notes: '',
      position: at(3),
    },
    {
      type: 'task',
      id: s('remediate'),
      name: 'Automation prepares the fix',
      description:
        'Runbook automation prepares the action with its expected impact and a rollback plan. Low-risk actions run straight away; risky ones wait for a person to verify them.',
      notes: 'Skills listed here are those needed to write, test and maintain safe runbook automations.',
      position: at(4),
      roleId: null,
      duration: { min: 0.5, likely: 1, max: 3 },
      skills: [
        { skillId: 'onet.programming', level: 3 },
        { skillId: 'onet.systems-analysis', level: 3 },
        { skillId: 'ai.ai-risk-and-ethics', level: 3 },
      ],
      mode: 'ai-automated',
      aiTool: 'Runbook automation',
    },
    {
      type: 'task',
      id: s('manual-fix'),
      name: 'Engineer fixes by hand',
      description:
        'For causes that no runbook covers, the engineer restarts, patches or reconfigures the service by hand through an emergency change, and checks that it is healthy again.',
      notes: 'Each hand fix is a candidate for a new runbook automation.',
      position: at(4, 1),
      roleId: ENGINEER,
      duration: { min: 10, likely: 20, max: 60 },
      skills: [
        { skillId: 'onet.repairing', level: 3 },
        { skillId: 'onet.troubleshooting', level: 4 },
        { skillId: 'onet.operation-and-control', level: 3 },
        { skillId: 'ai.knowledge-capture', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'decision',
      id: s('risky'),
      name: 'Risky change?',
      description:
        'Changes to production data, security settings or shared infrastructure, and actions the automation has not run before, count as risky.',
      notes: '',
      position: at(5),
    },
    {
      type: 'review',
      id: s('verify'),
      name: 'Incident manager verifies the fix',
      description:
        'The incident manager checks the proposed action, its expected impact and its rollback plan, and approves it as an emergency change; the automation then runs it.',
      notes: 'Rejected actions go back to the engineer, usually because the suggested cause was wrong.',
      position: at(6, -1),
      roleId: MANAGER,
      duration: { min: 10, likely: 15, max: 30 },
      skills: [
        { skillId: 'onet.judgment-and-decision-making', level: 4 },
        { skillId: 'ai.verifying-ai-output', level: 4 },
        { skillId: 'ai.escalation-judgment', level: 4 },
        { skillId: 'onet.systems-analysis', level: 3 },
        { skillId: 'ai.ai-risk-and-ethics', level: 3 },
      ],
      rejectionRate: 0.15,
      reworkTargetId: s('diagnose'),
    },
    {
      type: 'decision',
      id: s('major'),
      name: 'Major incident?',
      description: MAJOR_NOTE,
      notes: '',
      position: at(7),
    },
    {
      type: 'task',
      id: s('report'),
      name: 'AI drafts post-incident report',
      description:
        'An assistant builds the timeline from chat, tickets, alerts and changes, and drafts the report: impact, cause, what went well and what did not, and proposed follow-up actions.',
      notes:
        'Skills listed here are those needed to keep the report template and sources right and confidential details out of the draft.',
      position: at(8, -1),
      roleId: null,
      duration: { min: 2, likely: 5, max: 15 },
      skills: [
        { skillId: 'ai.context-and-grounding', level: 3 },
        { skillId: 'ai.prompt-and-task-design', level: 3 },
        { skillId: 'ai.privacy-and-confidentiality', level: 2 },
      ],
      mode: 'ai-automated',
      aiTool: 'Incident report assistant',
    },
    {
      type: 'review',
      id: s('report-review'),
      name: 'Incident manager reviews the report',
      description:
        'The incident manager checks the timeline and cause against what happened, runs a shorter review meeting with the draft on screen, and agrees the follow-up actions.',
      notes:
        'Drafts that misread the timeline go back to the assistant with corrections. Lessons from the reviews feed runbook updates.',
      position: at(9, -1),
      roleId: MANAGER,
      duration: { min: 60, likely: 120, max: 240 },
      skills: [
        { skillId: 'onet.systems-evaluation', level: 4 },
        { skillId: 'ai.verifying-ai-output', level: 4 },
        { skillId: 'ai.editing-ai-drafts', level: 3 },
        { skillId: 'ai.knowledge-capture', level: 3 },
        { skillId: 'onet.coordination', level: 3 },
      ],
      rejectionRate: 0.2,
      reworkTargetId: s('report'),
    },
    {
      type: 'task',
      id: s('close'),
      name: 'Close ticket and inform users',
      description:
        'An assistant drafts the resolution note and the user update; the analyst checks them, sends the update and closes the ticket.',
      notes: '',
      position: at(10),
      roleId: ANALYST,
      duration: { min: 1, likely: 2, max: 5 },
      skills: [
        { skillId: 'ai.editing-ai-drafts', level: 2 },
        { skillId: 'onet.service-orientation', level: 3 },
        { skillId: 'digcomp.interacting', level: 2 },
      ],
      mode: 'ai-assisted',
      aiTool: 'Status update assistant',
    },
    {
      type: 'end',
      id: s('end'),
      name: 'Service restored',
      description: 'The service works again, the affected users know, and the ticket is closed.',
      notes: '',
      position: at(11),
    },
  ];
  const edges: Edge[] = [
    edge(p, 'start', 'classify'),
    edge(p, 'classify', 'diagnose'),
    edge(p, 'diagnose', 'runbook'),
    edge(p, 'runbook', 'remediate', 'Yes', 0.7),
    edge(p, 'runbook', 'manual-fix', 'No', 0.3),
    edge(p, 'remediate', 'risky'),
    edge(p, 'manual-fix', 'major'),
    edge(p, 'risky', 'verify', 'Yes', 0.3),
    edge(p, 'risky', 'major', 'No', 0.7),
    edge(p, 'verify', 'major'),
    edge(p, 'major', 'report', 'Yes', 0.025),
    edge(p, 'major', 'close', 'No', 0.975),
    edge(p, 'report', 'report-review'),
    edge(p, 'report-review', 'close'),
    edge(p, 'close', 'end'),
  ];
  return {
    id: p,
    name: 'IT incident response (to-be)',
    description:
      'Redesigned with AI: alerts are grouped, classified and routed automatically, engineers diagnose with AI-suggested causes from the runbooks, the incident manager verifies risky automated fixes, and post-incident reports are drafted by AI and reviewed by the incident manager.',
    kind: 'to-be',
    redesignOfId: 'it-asis',
    volumePerWeek: 250,
    steps: completeSteps(steps),
    edges,
    learningPlan: [
      planItem(p, 'verify-feedback', {
        method: 'feedback-loop',
        roleId: ENGINEER,
        skillId: 'ai.verifying-ai-output',
        fromLevel: 2,
        toLevel: 4,
        hoursPerWeek: 0,
        startWeek: 0,
        linkedStep: 'verify',
      }),
      planItem(p, 'verify-course', {
        method: 'course',
        roleId: ENGINEER,
        skillId: 'ai.verifying-ai-output',
        fromLevel: 2,
        toLevel: 4,
        hoursPerWeek: 0.5,
        startWeek: 0,
      }),
      planItem(p, 'grounding-pairing', {
        method: 'pairing',
        roleId: ENGINEER,
        skillId: 'ai.context-and-grounding',
        fromLevel: 2,
        toLevel: 3,
        hoursPerWeek: 0,
        startWeek: 0,
        linkedStep: 'diagnose',
        notes: 'Incident managers pair with engineers on AI-suggested diagnoses.',
      }),
      planItem(p, 'manager-retro', {
        method: 'weekly-retro',
        roleId: MANAGER,
        skillId: 'ai.ai-risk-and-ethics',
        fromLevel: 2,
        toLevel: 3,
        hoursPerWeek: 1,
        startWeek: 0,
      }),
      planItem(p, 'analyst-study', {
        method: 'self-study',
        roleId: ANALYST,
        skillId: 'ai.editing-ai-drafts',
        fromLevel: 1,
        toLevel: 2,
        hoursPerWeek: 0.5,
        startWeek: 0,
      }),
    ],
    learningAssumptions: defaultLearningAssumptions(),
    story: null,
    createdAt: TO_BE_CREATED_AT,
    updatedAt: TO_BE_CREATED_AT,
  };
}

/** The IT incident-response example: roles, the as-is workflow and its AI redesign. */
export function incidentResponseExample(): Workspace {
  return { workflows: [asIs(), toBe()], roles: roles(), customSkills: [] };
}
