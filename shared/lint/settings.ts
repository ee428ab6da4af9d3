/**
 * Lint settings: rule id → off | info | warn | error. Parsed with zod; an unknown rule id or severity is
 * reported as a problem and that rule keeps its default, so a bad setting never silences a rule by accident.
 */
import { z } from 'zod';
import { RULE_SETTINGS, type LintRule, type LintSeverity, type RuleSetting } from './types';

export const LintSettingsSchema = z.record(z.string(), z.unknown(), {
  error: 'lint settings must be an object of rule id → off, info, warn or error',
});

export interface ResolvedSettings {
  /** Effective severity per rule id; null when the rule is off. */
  severities: ReadonlyMap<string, LintSeverity | null>;
  /** What was wrong with the settings, in words. */
  problems: string[];
}

const severityOf = (setting: RuleSetting): LintSeverity | null =>
  setting === 'off' ? null : setting === 'warn' ? 'warning' : setting;

const SettingSchema = z.enum(RULE_SETTINGS);

export function resolveSettings(rules: readonly LintRule[], raw: unknown = {}): ResolvedSettings {
  const severities = new Map<string, LintSeverity | null>(rules.map((r) => [r.id, r.defaultSeverity]));
  const problems: string[] = [];
  const parsed = LintSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(
      `${parsed.error.issues[0]?.message ?? 'invalid lint settings'}; the default severities apply.`,
    );
    return { severities, problems };
  }
  for (const [id, value] of Object.entries(parsed.data)) {
    if (!severities.has(id)) {
      problems.push(`Unknown lint rule '${id}' in the settings; it is ignored.`);
      continue;
    }
    const setting = SettingSchema.safeParse(value);
    if (!setting.success) {
      problems.push(
        `Lint rule '${id}' is set to ${JSON.stringify(value) ?? String(value)}, which is not one of off, info, warn, error; its default applies.`,
      );
      continue;
    }
    severities.set(id, severityOf(setting.data));
  }
  return { severities, problems };
}
