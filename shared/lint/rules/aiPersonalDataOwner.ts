/**
 * An AI-automated step that handles personal data names the person accountable for it: the deployer must
 * assign human oversight to someone (AI Act Art. 26(2)), and a decision taken solely by automated means
 * needs someone who can intervene (GDPR Art. 22(3)).
 */
import type { LintRule, RuleFinding } from '../types';

export const aiPersonalDataOwner: LintRule = {
  id: 'ai-personal-data-owner',
  defaultSeverity: 'error',
  explanation:
    'An AI-automated step that handles personal or special-category data must name its owner: the person who oversees it and can step in (AI Act Art. 26(2), GDPR Art. 22). Set the Owner field in the Inspector.',
  check(workflow) {
    const findings: RuleFinding[] = [];
    for (const s of workflow.steps) {
      if (s.type !== 'task' || s.mode !== 'ai-automated' || s.data === 'none' || s.owner.trim() !== '')
        continue;
      const what = s.data === 'personal' ? 'personal' : 'special-category';
      findings.push({
        stepId: s.id,
        message: `'${s.name}' is AI-automated and handles ${what} data but names no owner.`,
      });
    }
    return findings;
  },
};
