/**
 * Example workspace: accounts payable (supplier invoice processing), as it works today and redesigned
 * with AI. Deterministic (fixed ids and timestamps) so it can be loaded, compared and tested reliably.
 */
import type { Edge, Role, StepInput, Workflow, Workspace } from '../model/schema';
import { completeSteps, completeRoles, defaultLearningAssumptions, noLearningPlan } from '../model/schema';
import { at, edge, levels, person, planItem } from './builders';

const CREATED_AT = '2026-11-01T09:00:00.000Z';
const TO_BE_CREATED_AT = '2026-11-08T09:00:00.000Z';

const CLERK = 'ap-role-clerk';
const SPECIALIST = 'ap-role-specialist';
const CONTROLLER = 'ap-role-controller';

const THRESHOLD_NOTE =
  'Invoices of 10,000 or more (in the invoice currency) need the finance controller’s approval under the delegation-of-authority policy.';

function roles(): Role[] {
  return completeRoles([
    {
      id: CLERK,
      name: 'AP clerk',
      headcount: 14,
      hoursPerWeek: 37.5,
      costPerHour: 34,
      skillLevels: levels('assessed', '2026-10-15', {
        'digcomp.managing-information': 3,
        'onet.reading-comprehension': 3,
        'onet.mathematics': 3,
        'onet.critical-thinking': 3,
        'digcomp.evaluating-information': 2,
        'onet.time-management': 2,
        'onet.management-of-financial-resources': 2,
        'ai.exception-handling': 2,
        'ai.verifying-ai-output': 2,
        'onet.complex-problem-solving': 3,
        'onet.coordination': 3,
        'ai.escalation-judgment': 3,
      }),
    },
    {
      id: SPECIALIST,
      name: 'AP specialist',
      headcount: 8,
      hoursPerWeek: 37.5,
      costPerHour: 46,
      skillLevels: levels('assessed', '2026-10-15', {
        'onet.quality-control-analysis': 4,
        'onet.critical-thinking': 3,
        'ai.coaching-and-feedback': 3,
        'onet.complex-problem-solving': 3,
        'onet.coordination': 3,
        'onet.negotiation': 2,
        'onet.writing': 3,
        'ai.knowledge-capture': 2,
        'ai.improving-prompts-and-policies': 2,
      }),
    },
    // The controller has other duties; only the hours available for invoice approvals are counted.
    {
      id: CONTROLLER,
      name: 'Finance controller',
      headcount: 1,
      hoursPerWeek: 20,
      costPerHour: 85,
      skillLevels: levels('self-assessed', '2026-10-15', {
        'onet.management-of-financial-resources': 4,
        'onet.judgment-and-decision-making': 4,
        'onet.monitoring': 3,
        'ai.verifying-ai-output': 2,
        'ai.ai-risk-and-ethics': 3,
      }),
      people: [person(CONTROLLER, 'sam', 'Sam Okafor', { 'ai.verifying-ai-output': 2 })],
    },
  ]);
}

function asIs(): Workflow {
  const p = 'ap-asis';
  const s = (name: string) => `${p}-step-${name}`;
  const steps: StepInput[] = [
    {
      type: 'start',
      id: s('start'),
      name: 'Invoice received',
      description: 'A supplier invoice arrives by email (PDF) or post.',
      notes: 'About 70% arrive as PDF attachments, 30% on paper.',
      position: at(0),
    },
    {
      type: 'task',
      id: s('log'),
      name: 'Log and scan invoice',
      description:
        'A clerk scans paper invoices, saves the file and registers the invoice in the AP inbox log.',
      notes: '',
      position: at(1),
      roleId: CLERK,
      duration: { min: 0.5, likely: 1, max: 2 },
      skills: [
        { skillId: 'digcomp.managing-information', level: 2 },
        { skillId: 'onet.reading-comprehension', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'task',
      id: s('key'),
      name: 'Key in invoice data',
      description:
        'The clerk types supplier, invoice number, dates, lines, amounts and tax into the ERP and codes the cost centre and GL account.',
      notes: 'Most data-entry errors are transposed digits and wrong tax codes.',
      position: at(2),
      roleId: CLERK,
      duration: { min: 2, likely: 3, max: 6 },
      skills: [
        { skillId: 'onet.reading-comprehension', level: 3 },
        { skillId: 'onet.mathematics', level: 2 },
        { skillId: 'digcomp.managing-information', level: 3 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'review',
      id: s('check'),
      name: 'Check invoice coding',
      description: 'An AP specialist checks the keyed data and account coding against the invoice image.',
      notes: '',
      position: at(3),
      roleId: SPECIALIST,
      duration: { min: 1, likely: 1.5, max: 3 },
      skills: [
        { skillId: 'onet.quality-control-analysis', level: 3 },
        { skillId: 'onet.critical-thinking', level: 3 },
        { skillId: 'ai.coaching-and-feedback', level: 2 },
      ],
      rejectionRate: 0.08,
      reworkTargetId: s('key'),
    },
    {
      type: 'task',
      id: s('match'),
      name: 'Match to PO and goods receipt',
      description:
        'The clerk compares the invoice with the purchase order and the goods receipt (3-way match) on quantities, prices and totals.',
      notes: '',
      position: at(4),
      roleId: CLERK,
      duration: { min: 2, likely: 4, max: 10 },
      skills: [
        { skillId: 'onet.mathematics', level: 3 },
        { skillId: 'onet.critical-thinking', level: 3 },
        { skillId: 'digcomp.evaluating-information', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'decision',
      id: s('matched'),
      name: 'Matches PO and receipt?',
      description: 'Price, quantity and total agree within the tolerance, and the goods have been received.',
      notes: '',
      position: at(5),
    },
    {
      type: 'task',
      id: s('resolve'),
      name: 'Resolve discrepancy',
      description:
        'An AP specialist works out why the invoice does not match, contacts the buyer or supplier, and gets a credit note or a corrected PO.',
      notes: 'Often waits days for replies; the time here is hands-on work only.',
      position: at(6, 1),
      roleId: SPECIALIST,
      duration: { min: 10, likely: 20, max: 45 },
      skills: [
        { skillId: 'onet.complex-problem-solving', level: 3 },
        { skillId: 'onet.coordination', level: 3 },
        { skillId: 'onet.negotiation', level: 2 },
        { skillId: 'onet.writing', level: 3 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'decision',
      id: s('high-value'),
      name: 'Amount ≥ 10,000?',
      description: THRESHOLD_NOTE,
      notes: '',
      position: at(7),
    },
    {
      type: 'review',
      id: s('approve'),
      name: 'Controller approval',
      description:
        'The finance controller checks the invoice, the match and the budget before approving payment.',
      notes: 'Rejected invoices go back for a fresh match, usually with a question for the buyer.',
      position: at(8, -1),
      roleId: CONTROLLER,
      duration: { min: 3, likely: 5, max: 15 },
      skills: [
        { skillId: 'onet.management-of-financial-resources', level: 4 },
        { skillId: 'onet.judgment-and-decision-making', level: 4 },
        { skillId: 'onet.monitoring', level: 3 },
      ],
      rejectionRate: 0.05,
      reworkTargetId: s('match'),
    },
    {
      type: 'task',
      id: s('schedule'),
      name: 'Schedule payment',
      description: 'The clerk releases the invoice for the next payment run according to its payment terms.',
      notes: '',
      position: at(9),
      roleId: CLERK,
      duration: { min: 0.5, likely: 1, max: 2 },
      skills: [
        { skillId: 'onet.time-management', level: 2 },
        { skillId: 'onet.management-of-financial-resources', level: 2 },
      ],
      mode: 'human',
      aiTool: '',
    },
    {
      type: 'end',
      id: s('end'),
      name: 'Invoice paid',
      description: 'The invoice is paid in a payment run and the supplier account is up to date.',
      notes: '',
      position: at(10),
    },
  ];
  const edges: Edge[] = [
    edge(p, 'start', 'log'),
    edge(p, 'log', 'key'),
    edge(p, 'key', 'check'),
    edge(p, 'check', 'match'),
    edge(p, 'match', 'matched'),
    edge(p, 'matched', 'high-value', 'Yes', 0.8),
    edge(p, 'matched', 'resolve', 'No', 0.2),
    edge(p, 'resolve', 'high-value'),
    edge(p, 'high-value', 'approve', 'Yes', 0.06),
    edge(p, 'high-value', 'schedule', 'No', 0.94),
    edge(p, 'approve', 'schedule'),
    edge(p, 'schedule', 'end'),
  ];
  return {
    id: p,
    name: 'Invoice processing (as-is)',
    description:
      'Accounts payable today: clerks key in and match every invoice by hand, specialists check the coding and chase mismatches, and the controller approves high-value invoices.',
    kind: 'as-is',
    redesignOfId: null,
    volumePerWeek: 2500,
    steps: completeSteps(steps),
    edges,
    ...noLearningPlan(),
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
  };
}

function toBe(): Workflow {
  const p = 'ap-tobe';
  const s = (name: string) => `${p}-step-${name}`;
  const steps: StepInput[] = [
    {
      type: 'start',
      id: s('start'),
      name: 'Invoice received',
      description:
        'A supplier invoice arrives by email, supplier portal or post (paper is scanned in the mail room).',
      notes: '',
      position: at(0),
    },
    {
      type: 'task',
      id: s('capture'),
      name: 'AI captures invoice data',
      description:
        'Document AI reads the invoice, extracts header and line data, proposes the account coding and gives a confidence score per field.',
      notes:
        'Skills listed here are those needed to monitor extraction accuracy and tune the coding suggestions.',
      position: at(1),
      roleId: null,
      duration: { min: 0.1, likely: 0.2, max: 1 },
      skills: [
        { skillId: 'ai.data-literacy-for-ai', level: 3 },
        { skillId: 'ai.measuring-ai-quality', level: 3 },
      ],
      mode: 'ai-automated',
      aiTool: 'Invoice capture (document AI)',
    },
    {
      type: 'task',
      id: s('match'),
      name: 'Automated 3-way match',
      description:
        'The ERP matches the invoice to the purchase order and goods receipt within set tolerances.',
      notes: 'Skills listed here are those needed to maintain the matching rules and tolerances.',
      position: at(2),
      roleId: null,
      duration: { min: 0.05, likely: 0.1, max: 0.3 },
      skills: [
        { skillId: 'onet.systems-analysis', level: 3 },
        { skillId: 'ai.data-literacy-for-ai', level: 2 },
      ],
      mode: 'ai-automated',
      aiTool: 'ERP matching rules',
    },
    {
      type: 'decision',
      id: s('exception'),
      name: 'Exception?',
      description:
        'Low extraction confidence, no matching PO, a price or quantity mismatch, or a possible duplicate invoice.',
      notes: '',
      position: at(3),
    },
    {
      type: 'task',
      id: s('handle'),
      name: 'Handle exception',
      description:
        'A clerk resolves the exception with an assistant that explains the likely cause, shows the PO history and drafts the query to the buyer or supplier.',
      notes: 'Clerks tag the cause of every exception so that recurring causes can be fixed upstream.',
      position: at(4, 1),
      roleId: CLERK,
      coaching: { kind: 'coaching', coachRoleId: SPECIALIST, minutesPerCase: 1.5 },
      duration: { min: 5, likely: 12, max: 40 },
      skills: [
        { skillId: 'ai.exception-handling', level: 4 },
        { skillId: 'ai.verifying-ai-output', level: 3 },
        { skillId: 'onet.complex-problem-solving', level: 3 },
        { skillId: 'onet.coordination', level: 3 },
        { skillId: 'ai.escalation-judgment', level: 3 },
      ],
      mode: 'ai-assisted',
      aiTool: 'AP exception assistant',
    },
    {
      type: 'review',
      id: s('check'),
      name: 'Specialist check of exception fixes',
      description: 'An AP specialist checks each resolved exception before the invoice moves on.',
      notes:
        'Once a month the specialists turn the most common findings into updated matching tolerances, supplier master-data fixes and guidance for the clerks.',
      position: at(5, 1),
      roleId: SPECIALIST,
      duration: { min: 2, likely: 4, max: 10 },
      skills: [
        { skillId: 'onet.quality-control-analysis', level: 4 },
        { skillId: 'ai.coaching-and-feedback', level: 3 },
        { skillId: 'ai.knowledge-capture', level: 3 },
        { skillId: 'ai.improving-prompts-and-policies', level: 3 },
      ],
      rejectionRate: 0.1,
      reworkTargetId: s('handle'),
    },
    {
      type: 'decision',
      id: s('high-value'),
      name: 'Amount ≥ 10,000?',
      description: THRESHOLD_NOTE,
      notes: '',
      position: at(6),
    },
    {
      type: 'review',
      id: s('approve'),
      name: 'Controller approval',
      description:
        'The finance controller approves high-value invoices, with an AI summary of the match, budget and supplier history alongside the invoice.',
      notes: 'Rejected invoices become exceptions and go to a clerk.',
      position: at(7, -1),
      roleId: CONTROLLER,
      duration: { min: 2, likely: 4, max: 12 },
      skills: [
        { skillId: 'onet.management-of-financial-resources', level: 4 },
        { skillId: 'onet.judgment-and-decision-making', level: 4 },
        { skillId: 'ai.verifying-ai-output', level: 3 },
        { skillId: 'ai.ai-risk-and-ethics', level: 3 },
      ],
      rejectionRate: 0.05,
      reworkTargetId: s('handle'),
    },
    {
      type: 'task',
      id: s('schedule'),
      name: 'Schedule payment',
      description: 'The ERP releases approved invoices into the payment run that fits their payment terms.',
      notes: 'Skills listed here are those needed to watch the payment runs and act on anomalies.',
      position: at(8),
      roleId: null,
      duration: { min: 0, likely: 0.05, max: 0.2 },
      skills: [
        { skillId: 'onet.systems-evaluation', level: 2 },
        { skillId: 'onet.management-of-financial-resources', level: 2 },
      ],
      mode: 'ai-automated',
      aiTool: 'ERP payment run',
    },
    {
      type: 'end',
      id: s('end'),
      name: 'Invoice paid',
      description: 'The invoice is paid in a payment run and the supplier account is up to date.',
      notes: '',
      position: at(9),
    },
  ];
  const edges: Edge[] = [
    edge(p, 'start', 'capture'),
    edge(p, 'capture', 'match'),
    edge(p, 'match', 'exception'),
    edge(p, 'exception', 'handle', 'Yes', 0.18),
    edge(p, 'exception', 'high-value', 'No', 0.82),
    edge(p, 'handle', 'check'),
    edge(p, 'check', 'high-value'),
    edge(p, 'high-value', 'approve', 'Yes', 0.06),
    edge(p, 'high-value', 'schedule', 'No', 0.94),
    edge(p, 'approve', 'schedule'),
    edge(p, 'schedule', 'end'),
  ];
  return {
    id: p,
    name: 'Invoice processing (to-be)',
    description:
      'Redesigned with AI: invoice data is captured and matched automatically, clerks handle the exceptions with an AI assistant, specialists check the fixes, and the controller still approves high-value invoices.',
    kind: 'to-be',
    redesignOfId: 'ap-asis',
    volumePerWeek: 2500,
    steps: completeSteps(steps),
    edges,
    learningPlan: [
      planItem(p, 'exception-feedback', {
        method: 'feedback-loop',
        roleId: CLERK,
        skillId: 'ai.exception-handling',
        fromLevel: 2,
        toLevel: 4,
        hoursPerWeek: 0,
        startWeek: 0,
        linkedStep: 'check',
      }),
      planItem(p, 'exception-coaching', {
        method: 'coaching',
        roleId: CLERK,
        skillId: 'ai.exception-handling',
        fromLevel: 2,
        toLevel: 4,
        hoursPerWeek: 0,
        startWeek: 0,
        linkedStep: 'handle',
        notes: 'Specialists coach clerks on the exceptions they hand over.',
      }),
      planItem(p, 'verify-course', {
        method: 'course',
        roleId: CLERK,
        skillId: 'ai.verifying-ai-output',
        fromLevel: 2,
        toLevel: 3,
        hoursPerWeek: 0.5,
        startWeek: 0,
      }),
      planItem(p, 'specialist-retro', {
        method: 'weekly-retro',
        roleId: SPECIALIST,
        skillId: 'ai.improving-prompts-and-policies',
        fromLevel: 2,
        toLevel: 3,
        hoursPerWeek: 0.5,
        startWeek: 0,
      }),
      planItem(p, 'controller-study', {
        method: 'self-study',
        roleId: CONTROLLER,
        skillId: 'ai.verifying-ai-output',
        fromLevel: 2,
        toLevel: 3,
        hoursPerWeek: 1,
        startWeek: 2,
      }),
    ],
    learningAssumptions: defaultLearningAssumptions(),
    story: null,
    createdAt: TO_BE_CREATED_AT,
    updatedAt: TO_BE_CREATED_AT,
  };
}

/** The accounts-payable example: roles, the as-is invoice workflow and its AI redesign. */
export function invoiceProcessingExample(): Workspace {
  return { workflows: [asIs(), toBe()], roles: roles(), customSkills: [] };
}
