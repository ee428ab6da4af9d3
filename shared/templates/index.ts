/**
 * Ready-made example workspaces a team can start from: each holds its roles, an as-is workflow and an AI
 * redesign of it (to-be). Every template builds a fresh, deterministic workspace, and the ids of different
 * templates never collide, so several can be loaded side by side.
 */
import type { Workspace } from '../model/schema';
import { customerSupportExample } from '../examples/customerSupport';
import { invoiceProcessingExample } from '../examples/invoiceProcessing';
import { hiringScreeningExample } from './hiringScreening';
import { incidentResponseExample } from './incidentResponse';
import { marketingContentExample } from './marketingContent';

export interface WorkflowTemplate {
  id: string;
  name: string;
  /** One sentence: what the team does and what the redesign changes. */
  summary: string;
  /** A new copy of the template's workspace. */
  build(): Workspace;
}

export const TEMPLATES: readonly WorkflowTemplate[] = [
  {
    id: 'customer-support',
    name: 'Customer support',
    summary:
      'An email support team triages, researches and answers customer tickets; the redesign lets AI triage and draft replies while agents edit every reply and seniors review the hard cases.',
    build: customerSupportExample,
  },
  {
    id: 'invoice-processing',
    name: 'Invoice processing',
    summary:
      'Accounts payable keys in, checks and matches supplier invoices by hand; the redesign captures and matches invoices automatically so that people handle only the exceptions and approvals.',
    build: invoiceProcessingExample,
  },
  {
    id: 'hiring-screening',
    name: 'Hiring and candidate screening',
    summary:
      'Recruiters, HR coordinators and hiring managers screen, schedule and interview candidates; the redesign has AI rank CVs, schedule interviews and draft interview notes, while recruiters review the shortlist for bias and hiring managers review the notes.',
    build: hiringScreeningExample,
  },
  {
    id: 'incident-response',
    name: 'IT incident response',
    summary:
      'The service desk and on-call engineers log, triage, diagnose and fix IT incidents; the redesign has AI route alerts, suggest causes, run runbook fixes and draft post-incident reports, with the incident manager verifying risky fixes and the reports.',
    build: incidentResponseExample,
  },
  {
    id: 'marketing-content',
    name: 'Marketing content production',
    summary:
      'Content marketers research, write and publish content that brand and legal review; the redesign has AI draft from the brief and localise the result, while marketers edit and spot-check and brand and legal review every piece.',
    build: marketingContentExample,
  },
];
