/**
 * The workspace's lint settings as stored (renderer/storage: the meta table) and edited (the Lint settings
 * dialog): a severity per rule id and the custom rules.
 *
 *   { "rules": { "ai-tool-named": "off", "review-overload": "error" }, "customRules": [ … ] }
 *
 * Read leniently: whatever is wrong (not an object, an unknown rule id or severity, a bad custom rule) is
 * listed as a problem with its path and the defaults apply to that part only. Lint settings are not part of
 * a workflow, so changing them never touches its content, undo history or sign-off.
 */
import { BUILTIN_RULES, lintWorkflow, type LintResult } from './lint';
import { parseCustomRules } from './customRules';
import type { LintContext, LintRule, RuleSetting } from './types';
import type { Workflow } from '../model/schema';

export interface LintWorkspaceSettings {
  rules: Record<string, RuleSetting>;
  customRules: unknown[];
}

export const DEFAULT_LINT_SETTINGS: LintWorkspaceSettings = Object.freeze({
  rules: {},
  customRules: [],
}) as LintWorkspaceSettings;

export interface CompiledLintSettings {
  /** Built-in rules followed by the valid custom rules. */
  rules: readonly LintRule[];
  /** rule id → setting, for lintWorkflow (which reports unknown ids and severities). */
  severities: unknown;
  /** What was wrong outside the severities. */
  problems: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function compileLintSettings(raw: unknown): CompiledLintSettings {
  if (raw === undefined || raw === null) return { rules: BUILTIN_RULES, severities: {}, problems: [] };
  if (!isObject(raw))
    return {
      rules: BUILTIN_RULES,
      severities: {},
      problems: ['Lint settings must be an object with "rules" and "customRules"; the defaults apply.'],
    };
  const problems: string[] = [];
  for (const key of Object.keys(raw)) {
    if (key !== 'rules' && key !== 'customRules')
      problems.push(`${key}: not a lint setting (only "rules" and "customRules"); it is ignored.`);
  }
  const custom = parseCustomRules(raw.customRules, new Set(BUILTIN_RULES.map((r) => r.id)));
  problems.push(...custom.problems);
  return {
    rules: [...BUILTIN_RULES, ...custom.rules],
    severities: raw.rules ?? {},
    problems,
  };
}

/** lintWorkflow with the workspace's settings: severities, custom rules and every problem with them. */
export function lintWithSettings(
  workflow: Workflow,
  context: LintContext,
  settings: unknown,
  compiled: CompiledLintSettings = compileLintSettings(settings),
): LintResult {
  const result = lintWorkflow(workflow, context, compiled.severities, compiled.rules);
  return { ...result, settingsProblems: [...compiled.problems, ...result.settingsProblems] };
}
