/**
 * "Lint settings…": each rule with its explanation and a severity (its default, off, info, warning, error),
 * and the workspace's custom rules as JSON with their problems shown inline. Severities are saved as they
 * change; custom rules when applied, and only as valid JSON (a rule with problems is kept but skipped).
 */
import { useEffect, useId, useState } from 'react';
import { create } from 'zustand';
import {
  BUILTIN_RULES,
  parseCustomRules,
  type LintRule,
  type LintSeverity,
  type LintWorkspaceSettings,
  type RuleSetting,
} from '../../shared/lint/index';
import { registerActions } from '../commands/registry';
import { useEditor } from '../store/editorStore';
import { Dialog } from '../ui/Dialog';
import { editableSettings, useLintSettings } from './lintSettingsStore';

interface DialogState {
  open: boolean;
  setOpen(open: boolean): void;
}
export const useLintSettingsDialog = create<DialogState>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

const SEVERITY_WORDS: Record<LintSeverity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };
const SETTING_WORDS: Record<Exclude<RuleSetting, 'off'>, string> = {
  error: 'Error',
  warn: 'Warning',
  info: 'Info',
};
const BUILTIN_IDS = new Set(BUILTIN_RULES.map((r) => r.id));

export const CUSTOM_RULE_EXAMPLE = `[
  {
    "id": "customer-ai-owner",
    "message": "'{step}' sends AI output to customers: name its owner.",
    "severity": "warning",
    "when": { "mode": ["ai-assisted", "ai-automated"], "audience": ["customer"] },
    "require": { "owner": true }
  }
]`;

/** What is wrong with the custom rules' text: not JSON, not a list, or the problems of its rules. */
export function customRulesProblems(text: string): { rules: unknown[] | null; problems: string[] } {
  if (text.trim() === '') return { rules: [], problems: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      rules: null,
      problems: [`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  if (!Array.isArray(value))
    return { rules: null, problems: ['Custom rules must be a JSON list: [ { … } ].'] };
  return { rules: value, problems: parseCustomRules(value, BUILTIN_IDS).problems };
}

function RuleRow({
  rule,
  setting,
  onChange,
}: {
  rule: LintRule;
  setting: RuleSetting | undefined;
  onChange(next: RuleSetting | undefined): void;
}) {
  const id = useId();
  return (
    <li className="lint-setting">
      <div className="lint-setting-head">
        <label htmlFor={id}>
          <code>{rule.id}</code>
          {!BUILTIN_IDS.has(rule.id) && <span className="muted small"> (custom)</span>}
        </label>
        <select
          id={id}
          aria-label={`Severity of ${rule.id}`}
          value={setting ?? ''}
          onChange={(e) => onChange((e.target.value || undefined) as RuleSetting | undefined)}
        >
          <option value="">Default ({SEVERITY_WORDS[rule.defaultSeverity]})</option>
          <option value="off">Off</option>
          {(['info', 'warn', 'error'] as const).map((s) => (
            <option key={s} value={s}>
              {SETTING_WORDS[s]}
            </option>
          ))}
        </select>
      </div>
      <p className="muted small">{rule.explanation}</p>
    </li>
  );
}

function CustomRulesEditor({ saved, onApply }: { saved: unknown[]; onApply(rules: unknown[]): void }) {
  const id = useId();
  const initial = saved.length === 0 ? '' : JSON.stringify(saved, null, 2);
  const [text, setText] = useState(initial);
  useEffect(() => setText(initial), [initial]);
  const { rules, problems } = customRulesProblems(text);
  const changed = text !== initial;
  return (
    <section className="lint-custom" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Custom rules</h3>
      <p className="muted small">
        When a step matches <code>when</code> (mode, audience, data), it must meet <code>require</code>: a
        review before the end, an owner, or a skill at a level. No code runs. For example:
      </p>
      <pre className="lint-example">{CUSTOM_RULE_EXAMPLE}</pre>
      <label htmlFor={id}>Custom rules (JSON)</label>
      <textarea
        id={id}
        rows={8}
        spellCheck={false}
        value={text}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {problems.length > 0 && (
        <ul id={`${id}-problems`} className="field-error lint-custom-problems" aria-live="polite">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <button type="button" disabled={!changed || rules === null} onClick={() => rules && onApply(rules)}>
        Apply custom rules
      </button>
    </section>
  );
}

export function LintSettingsDialog() {
  const open = useLintSettingsDialog((s) => s.open);
  const setOpen = useLintSettingsDialog((s) => s.setOpen);
  const raw = useLintSettings((s) => s.raw);
  const compiled = useLintSettings((s) => s.compiled);
  const saveError = useLintSettings((s) => s.saveError);
  useEffect(
    () =>
      registerActions([
        {
          id: 'view.lint-settings',
          title: 'Lint settings…',
          group: 'View',
          keywords: ['governance', 'rules', 'problems', 'severity', 'custom rules'],
          enabled: () => !useEditor.getState().presenting,
          run: () => useLintSettingsDialog.getState().setOpen(true),
        },
      ]),
    [],
  );
  const settings = editableSettings(raw);
  const save = (next: LintWorkspaceSettings) => void useLintSettings.getState().save(next);
  const setRule = (ruleId: string, setting: RuleSetting | undefined) => {
    const rules = { ...settings.rules };
    if (setting === undefined) delete rules[ruleId];
    else rules[ruleId] = setting;
    save({ ...settings, rules });
  };
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Lint settings"
      description="How strictly each governance rule applies in this workspace. Errors block proposing for sign-off."
      actions={
        <button type="button" onClick={() => setOpen(false)}>
          Done
        </button>
      }
    >
      {compiled.problems.length > 0 && (
        <ul className="lint-custom-problems" aria-label="Problems with the stored settings">
          {compiled.problems.map((p) => (
            <li key={p} className="problem warning">
              {p}
            </li>
          ))}
        </ul>
      )}
      {saveError && (
        <p className="field-error" role="alert">
          The settings could not be saved: {saveError}
        </p>
      )}
      <ul className="lint-settings" aria-label="Rules">
        {compiled.rules.map((rule) => {
          const value = settings.rules[rule.id];
          return (
            <RuleRow
              key={rule.id}
              rule={rule}
              setting={typeof value === 'string' ? value : undefined}
              onChange={(next) => setRule(rule.id, next)}
            />
          );
        })}
      </ul>
      <CustomRulesEditor
        saved={settings.customRules}
        onApply={(customRules) => save({ ...settings, customRules })}
      />
    </Dialog>
  );
}
