/** Declarative custom rules and the workspace's lint settings: validation with paths, defaults, fixes. */
import { describe, expect, it } from 'vitest';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { compileLintSettings, lintWithSettings } from '../../../shared/lint';
import { updateStep } from '../../../shared/model/operations';
import type { Workflow } from '../../../shared/model/schema';
import { WorkflowSchema } from '../../../shared/model/schema';

const ws = () => customerSupportExample();
const toBeOf = () => ws().workflows.find((w) => w.kind === 'to-be')!;
const lint = (wf: Workflow, settings: unknown) =>
  lintWithSettings(wf, { roles: ws().roles, analysis: null }, settings);
const of = (id: string, wf: Workflow, settings: unknown) =>
  lint(wf, settings).findings.filter((f) => f.ruleId === id);

const verified = {
  id: 'assisted-verified',
  message: "'{step}' needs AI verification at level 3.",
  when: { mode: ['ai-assisted'] },
  require: { skill: { skillId: 'ai.verifying-ai-output', level: 3 } },
};

describe('custom rules', () => {
  it('require a skill at a level: pass when the step requires it, fail below it, with a fix', () => {
    // "Agent edits AI draft" requires ai.verifying-ai-output at 4 in the example.
    expect(of('assisted-verified', toBeOf(), { customRules: [verified] })).toEqual([]);
    const stricter = { ...verified, require: { skill: { skillId: 'ai.verifying-ai-output', level: 5 } } };
    const [finding, ...rest] = of('assisted-verified', toBeOf(), { customRules: [stricter] });
    expect(rest).toEqual([]);
    expect([finding?.stepId, finding?.severity, finding?.message]).toEqual([
      'cs-tobe-step-edit',
      'warning',
      "'Agent edits AI draft' needs AI verification at level 3.",
    ]);
    const fixed = finding!.fix!.apply(toBeOf());
    expect(of('assisted-verified', fixed, { customRules: [stricter] })).toEqual([]);
    expect(WorkflowSchema.safeParse(fixed).success).toBe(true);
  });

  it('require an owner: pass with one, fail without (matching audience and data)', () => {
    const rule = {
      id: 'customer-owner',
      message: "'{step}' faces customers: name its owner.",
      severity: 'error',
      when: { audience: ['customer'], data: ['personal', 'special-category'] },
      require: { owner: true },
    };
    const settings = { customRules: [rule] };
    expect(of('customer-owner', toBeOf(), settings)).toEqual([]); // nothing faces customers
    const facing = updateStep(toBeOf(), 'cs-tobe-step-send', { audience: 'customer', data: 'personal' });
    expect(of('customer-owner', facing, settings).map((f) => [f.stepId, f.severity])).toEqual([
      ['cs-tobe-step-send', 'error'],
    ]);
    const owned = updateStep(facing, 'cs-tobe-step-send', { owner: 'Ana Duarte' });
    expect(of('customer-owner', owned, settings)).toEqual([]);
    // Data not listed: no match.
    const internalData = updateStep(toBeOf(), 'cs-tobe-step-send', { audience: 'customer' });
    expect(of('customer-owner', internalData, settings)).toEqual([]);
  });

  it('require a review before the end: pass when covered, fail when not, fix inserts a review', () => {
    const rule = {
      id: 'ai-reviewed',
      message: "'{step}' is AI work and must be reviewed.",
      when: { mode: ['ai-automated'] },
      require: { reviewBeforeEnd: true },
    };
    const settings = { customRules: [rule] };
    // The customer-support to-be's AI steps reach "Send reply" unreviewed on the 70% branch.
    const failing = of('ai-reviewed', toBeOf(), settings);
    expect(failing.map((f) => f.stepId)).toEqual(['cs-tobe-step-triage', 'cs-tobe-step-draft']);
    const fixed = failing[1]!.fix!.apply(toBeOf());
    // A review after the draft covers the triage before it too.
    expect(of('ai-reviewed', fixed, settings)).toEqual([]);
    // Reviews match when no mode is given, and a review covers itself.
    const reviews = { customRules: [{ ...rule, id: 'all-reviewed', when: { data: ['none'] } }] };
    const ids = of('all-reviewed', fixed, reviews).map((f) => f.stepId);
    expect(ids).not.toContain('cs-tobe-step-review');
    expect(ids).toEqual(['cs-tobe-step-edit', 'cs-tobe-step-send']);
  });

  it('are listed as problems with their path when bad; the others and the defaults still apply', () => {
    const settings = {
      rules: { 'ai-tool-named': 'loud', 'no-such-rule': 'off' },
      customRules: [
        { ...verified, require: { skill: { skillId: 'x', level: 9 } } },
        { ...verified, id: 'Bad Id' },
        { ...verified, id: 'ai-tool-named' },
        verified,
        { ...verified },
        { ...verified, id: 'extra', when: { mode: ['robot'] } },
        { ...verified, id: 'no-require', require: { everything: true } },
        'not a rule',
      ],
      colour: 'red',
    };
    const compiled = compileLintSettings(settings);
    expect(compiled.rules.map((r) => r.id)).toContain('assisted-verified');
    const problems = lint(toBeOf(), settings).settingsProblems;
    expect(problems).toEqual([
      'colour: not a lint setting (only "rules" and "customRules"); it is ignored.',
      'customRules[0].require.skill.level: must be at most 5; the rule is ignored.',
      'customRules[1].id: must be lowercase letters, digits and dashes (at most 80); the rule is ignored.',
      "customRules[2].id: 'ai-tool-named' is already a built-in rule; the rule is ignored.",
      "customRules[4].id: 'assisted-verified' is already used by another custom rule; the rule is ignored.",
      'customRules[5].when.mode[0]: must be one of human, ai-assisted, ai-automated; the rule is ignored.',
      'customRules[6].require: must be {"reviewBeforeEnd": true}, {"owner": true} or {"skill": {"skillId": …, "level": 1–5}}; the rule is ignored.',
      'customRules[7]: must be an object with id, message, when and require; the rule is ignored.',
      'Lint rule \'ai-tool-named\' is set to "loud", which is not one of off, info, warn, error; its default applies.',
      "Unknown lint rule 'no-such-rule' in the settings; it is ignored.",
    ]);
  });

  it('take severities from the settings like the built-in rules; settings that are no object give the defaults', () => {
    const off = {
      rules: { 'assisted-verified': 'off' },
      customRules: [{ ...verified, require: { owner: true } }],
    };
    expect(of('assisted-verified', toBeOf(), off)).toEqual([]);
    const asError = { ...off, rules: { 'assisted-verified': 'error' } };
    expect(of('assisted-verified', toBeOf(), asError).map((f) => f.severity)).toEqual(['error']);
    const broken = lint(toBeOf(), 'nonsense');
    expect(broken.settingsProblems).toEqual([
      'Lint settings must be an object with "rules" and "customRules"; the defaults apply.',
    ]);
    expect(broken.findings).toEqual(lint(toBeOf(), undefined).findings);
    expect(lint(toBeOf(), { customRules: {} }).settingsProblems).toEqual([
      'customRules: must be a list of rules; no custom rule applies.',
    ]);
  });
});
