// @vitest-environment jsdom
/** The custom rules' text is checked as it is typed: JSON first, then each rule with its path. */
import { describe, expect, it } from 'vitest';
import { CUSTOM_RULE_EXAMPLE, customRulesProblems } from '../../../renderer/codesign/LintSettingsDialog';

describe('customRulesProblems', () => {
  it('accepts nothing, and the example shown in the dialog', () => {
    expect(customRulesProblems('  ')).toEqual({ rules: [], problems: [] });
    const example = customRulesProblems(CUSTOM_RULE_EXAMPLE);
    expect(example.problems).toEqual([]);
    expect(example.rules).toHaveLength(1);
  });

  it('refuses text that is not JSON or not a list, and lists bad rules with their path', () => {
    const broken = customRulesProblems('[{"id": ');
    expect(broken.rules).toBeNull();
    expect(broken.problems[0]).toMatch(/^Not valid JSON: /);
    expect(customRulesProblems('{"id": "x"}')).toEqual({
      rules: null,
      problems: ['Custom rules must be a JSON list: [ { … } ].'],
    });
    const bad = customRulesProblems('[{"id": "x", "message": "m", "require": {"owner": false}}]');
    expect(bad.rules).toHaveLength(1); // kept, so it can be fixed; skipped by the lint
    expect(bad.problems).toEqual([
      'customRules[0].require: must be {"reviewBeforeEnd": true}, {"owner": true} or {"skill": {"skillId": …, "level": 1–5}}; the rule is ignored.',
    ]);
  });
});
