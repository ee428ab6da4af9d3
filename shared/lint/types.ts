/**
 * The governance lint's vocabulary, in the manner of ESLint and bpmnlint: a rule has an id, a default
 * severity and an explanation, and reports findings, each optionally with a quick fix (a pure edit of the
 * workflow).
 */
import type { WorkflowAnalysis } from '../analysis/index';
import type { Role, Skill, Workflow } from '../model/schema';

export const LINT_SEVERITIES = ['error', 'warning', 'info'] as const;
export type LintSeverity = (typeof LINT_SEVERITIES)[number];

/** What a setting may say for a rule: ESLint's words, plus 'info'. */
export const RULE_SETTINGS = ['off', 'info', 'warn', 'error'] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

export interface QuickFix {
  /** What the fix does, as a button would say it: "Add a feedback loop to 'Senior review'". */
  title: string;
  apply: (workflow: Workflow) => Workflow;
}

export interface LintContext {
  roles: readonly Role[];
  /** The engine's analysis of the workflow, or null while none is available (pending or refused). */
  analysis: WorkflowAnalysis | null;
  /** Skills by id, to name them in messages; ids are shown where a skill is not found. */
  skills?: ReadonlyMap<string, Skill>;
  /** For a to-be: the as-is it redesigns, to tell which steps changed mode (mode-change-decided). */
  asIs?: Workflow | null;
  /** Steps (to-be or as-is ids) whose mode change has a recorded decision; without it none has. */
  decidedStepIds?: ReadonlySet<string>;
}

/** What a rule reports; the engine adds the rule id and the severity the settings give it. */
export interface RuleFinding {
  message: string;
  stepId?: string;
  /** A finding that only says the rule could not check (no data) is informational whatever the setting. */
  noData?: boolean;
  fix?: QuickFix;
}

export interface LintRule {
  id: string;
  defaultSeverity: LintSeverity;
  /** Why the rule exists, for the problems list and documentation. */
  explanation: string;
  check: (workflow: Workflow, context: LintContext) => RuleFinding[];
}

export interface LintFinding extends RuleFinding {
  ruleId: string;
  severity: LintSeverity;
}
