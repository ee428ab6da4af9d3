/**
 * Declarative custom rules: a workspace writes its own conventions as JSON, validated with zod, and no user
 * code ever runs. A rule picks the task and review steps it applies to (`when`: any of the listed modes,
 * audiences and data kinds; a condition left out matches everything, and `mode` only matches tasks) and says
 * what each must have (`require`): a review before the end on every path, an owner, or a skill at a level.
 *
 *   { "id": "customer-ai-verified", "message": "'{step}' needs AI verification at level 3.",
 *     "severity": "warning", "when": { "mode": ["ai-assisted"], "audience": ["customer"] },
 *     "require": { "skill": { "skillId": "ai.verifying-ai-output", "level": 3 } } }
 *
 * `{step}` in the message is replaced by the step's name.
 */
import { z } from 'zod';
import { AUDIENCES, DATA_CLASSES, TASK_MODES, type WorkStep, type Workflow } from '../model/schema';
import { BOUNDS } from '../model/bounds';
import { insertReviewBeforeEnd } from './insertReview';
import { leavesUnreviewed, reviewCoverage } from './reviewCoverage';
import { LINT_SEVERITIES, type LintRule, type QuickFix, type RuleFinding } from './types';

const list = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .array(z.enum(values, { error: `must be one of ${values.join(', ')}` }), {
      error: `must be a list of ${what}`,
    })
    .max(values.length * 2);

export const CustomRuleSchema = z.strictObject({
  id: z
    .string({ error: 'is required: lowercase letters, digits and dashes' })
    .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be lowercase letters, digits and dashes (at most 80)'),
  message: z
    .string({ error: 'is required: the text shown for each step it finds' })
    .trim()
    .min(1, 'must not be empty')
    .max(500, 'must be at most 500 characters'),
  severity: z.enum(LINT_SEVERITIES, { error: 'must be error, warning or info' }).default('warning'),
  explanation: z.string().max(2000, 'must be at most 2,000 characters').default(''),
  when: z
    .strictObject({
      mode: list(TASK_MODES, 'modes').optional(),
      audience: list(AUDIENCES, 'audiences').optional(),
      data: list(DATA_CLASSES, 'data kinds').optional(),
    })
    .default({}),
  require: z.union(
    [
      z.strictObject({ reviewBeforeEnd: z.literal(true) }),
      z.strictObject({ owner: z.literal(true) }),
      z.strictObject({
        skill: z.strictObject({
          skillId: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
          level: z
            .number({ error: 'must be a number' })
            .int('must be a whole number')
            .min(BOUNDS.requiredLevel.min, `must be at least ${BOUNDS.requiredLevel.min}`)
            .max(BOUNDS.requiredLevel.max, `must be at most ${BOUNDS.requiredLevel.max}`),
        }),
      }),
    ],
    {
      error: 'must be {"reviewBeforeEnd": true}, {"owner": true} or {"skill": {"skillId": …, "level": 1–5}}',
    },
  ),
});
export type CustomRule = z.infer<typeof CustomRuleSchema>;

/** At most this many custom rules are read; the rest are listed as one problem. */
export const MAX_CUSTOM_RULES = 200;

/** A path in the settings, as `customRules[2].require.skill.level`. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) =>
      typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`,
    '',
  );
}

function matches(rule: CustomRule, step: WorkStep): boolean {
  const { mode, audience, data } = rule.when;
  if (mode && (step.type !== 'task' || !mode.includes(step.mode))) return false;
  if (audience && !audience.includes(step.audience)) return false;
  if (data && !data.includes(step.data)) return false;
  return true;
}

function requireSkill(workflow: Workflow, stepId: string, skillId: string, level: number): Workflow {
  return {
    ...workflow,
    steps: workflow.steps.map((s) => {
      if (s.id !== stepId || (s.type !== 'task' && s.type !== 'review')) return s;
      const has = s.skills.some((r) => r.skillId === skillId);
      const skills = has
        ? s.skills.map((r) => (r.skillId === skillId ? { ...r, level: Math.max(r.level, level) } : r))
        : [...s.skills, { skillId, level }];
      return { ...s, skills };
    }),
  };
}

/** The custom rule as a lint rule like the built-in ones. */
export function compileCustomRule(rule: CustomRule): LintRule {
  const { require } = rule;
  const explanation =
    rule.explanation ||
    `A rule of this workspace: ${rule.message.replaceAll('{step}', 'the step')}`.slice(0, 2000);
  return {
    id: rule.id,
    defaultSeverity: rule.severity,
    explanation,
    check(workflow, { roles }) {
      const findings: RuleFinding[] = [];
      for (const s of workflow.steps) {
        if ((s.type !== 'task' && s.type !== 'review') || !matches(rule, s)) continue;
        let fix: QuickFix | undefined;
        if ('reviewBeforeEnd' in require) {
          // A review is its own review; a task needs one on every path after it.
          if (s.type === 'review' || !leavesUnreviewed(reviewCoverage(workflow), s.id)) continue;
          fix = {
            title: `Insert a review after '${s.name}'`,
            apply: (wf) => insertReviewBeforeEnd(wf, s.id, roles),
          };
        } else if ('owner' in require) {
          if (s.owner.trim() !== '') continue;
        } else {
          const { skillId, level } = require.skill;
          if (s.skills.some((r) => r.skillId === skillId && r.level >= level)) continue;
          fix = {
            title: `Require ${skillId} at level ${level} on '${s.name}'`,
            apply: (wf) => requireSkill(wf, s.id, skillId, level),
          };
        }
        findings.push({ stepId: s.id, message: rule.message.replaceAll('{step}', s.name), fix });
      }
      return findings;
    },
  };
}

export interface ParsedCustomRules {
  rules: LintRule[];
  /** Each bad rule with its path and what is wrong; it is left out, the others apply. */
  problems: string[];
}

/** Reads the custom rules; a bad rule is listed with its path and skipped, so the rest still apply. */
export function parseCustomRules(raw: unknown, reservedIds: ReadonlySet<string>): ParsedCustomRules {
  if (raw === undefined) return { rules: [], problems: [] };
  if (!Array.isArray(raw))
    return { rules: [], problems: ['customRules: must be a list of rules; no custom rule applies.'] };
  const rules: LintRule[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  raw.slice(0, MAX_CUSTOM_RULES).forEach((item: unknown, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(
        `customRules[${i}]: must be an object with id, message, when and require; the rule is ignored.`,
      );
      return;
    }
    const parsed = CustomRuleSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      problems.push(`${pathText(['customRules', i, ...issue.path])}: ${issue.message}; the rule is ignored.`);
      return;
    }
    const { id } = parsed.data;
    if (reservedIds.has(id) || seen.has(id)) {
      problems.push(
        `${pathText(['customRules', i, 'id'])}: '${id}' is already ${reservedIds.has(id) ? 'a built-in rule' : 'used by another custom rule'}; the rule is ignored.`,
      );
      return;
    }
    seen.add(id);
    rules.push(compileCustomRule(parsed.data));
  });
  if (raw.length > MAX_CUSTOM_RULES)
    problems.push(`customRules: only the first ${MAX_CUSTOM_RULES} rules are read.`);
  return { rules, problems };
}
