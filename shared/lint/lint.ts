/**
 * Runs the governance rules over a workflow with the severities the settings give them. Pure and linear in
 * the workflow's size; it never blocks editing (the findings are shown beside the validation problems).
 */
import { aiCustomerOutputReviewed } from './rules/aiCustomerOutputReviewed';
import { aiPersonalDataOwner } from './rules/aiPersonalDataOwner';
import { aiToolNamed } from './rules/aiToolNamed';
import { modeChangeDecided } from './rules/modeChangeDecided';
import { reviewerCompetence } from './rules/reviewerCompetence';
import { reviewOverload } from './rules/reviewOverload';
import { reviewWithoutLearning } from './rules/reviewWithoutLearning';
import { resolveSettings } from './settings';
import type { LintContext, LintFinding, LintRule } from './types';
import type { Workflow } from '../model/schema';

export const BUILTIN_RULES: readonly LintRule[] = [
  aiCustomerOutputReviewed,
  aiPersonalDataOwner,
  reviewerCompetence,
  reviewOverload,
  reviewWithoutLearning,
  aiToolNamed,
  modeChangeDecided,
];

export interface LintResult {
  findings: LintFinding[];
  /** What was wrong with the settings (unknown rule ids or severities); defaults applied. */
  settingsProblems: string[];
}

export function lintWorkflow(
  workflow: Workflow,
  context: LintContext,
  settings: unknown = {},
  rules: readonly LintRule[] = BUILTIN_RULES,
): LintResult {
  const { severities, problems } = resolveSettings(rules, settings);
  const findings: LintFinding[] = [];
  for (const rule of rules) {
    const severity = severities.get(rule.id) ?? null;
    if (severity === null) continue;
    for (const f of rule.check(workflow, context)) {
      findings.push({ ...f, ruleId: rule.id, severity: f.noData ? 'info' : severity });
    }
  }
  return { findings, settingsProblems: problems };
}
