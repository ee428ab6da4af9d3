/** Governance lint: rules with ids, severities, explanations and quick fixes, configurable per rule. */
export { BUILTIN_RULES, lintWorkflow } from './lint';
export type { LintResult } from './lint';
export { LintSettingsSchema, resolveSettings } from './settings';
export type { ResolvedSettings } from './settings';
export { LINT_SEVERITIES, RULE_SETTINGS } from './types';
export type {
  LintContext,
  LintFinding,
  LintRule,
  LintSeverity,
  QuickFix,
  RuleFinding,
  RuleSetting,
} from './types';
export { REVIEW_OVERLOAD_THRESHOLD } from './rules/reviewOverload';
export { addFeedbackLoop } from './rules/reviewWithoutLearning';
export { insertReviewBeforeEnd, reviewerRoleFor, FIX_REVIEW_DURATION } from './insertReview';
export { reviewCoverage, leavesUnreviewed } from './reviewCoverage';
export {
  CustomRuleSchema,
  MAX_CUSTOM_RULES,
  compileCustomRule,
  parseCustomRules,
  pathText,
} from './customRules';
export type { CustomRule, ParsedCustomRules } from './customRules';
export { DEFAULT_LINT_SETTINGS, compileLintSettings, lintWithSettings } from './workspaceSettings';
export type { CompiledLintSettings, LintWorkspaceSettings } from './workspaceSettings';
