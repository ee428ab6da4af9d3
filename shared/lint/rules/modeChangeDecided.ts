/**
 * A to-be step that changes how its as-is origin was done (human → AI-assisted, say) is a decision the
 * co-architects should record. Steps are paired with shared/diff's matching; the recorded decisions come in
 * through the context (without them every mode change is reported).
 */
import { matchSteps } from '../../diff/matchSteps';
import type { TaskMode } from '../../model/schema';
import type { LintRule, RuleFinding } from '../types';

const MODE_WORDS: Record<TaskMode, string> = {
  human: 'Human',
  'ai-assisted': 'AI-assisted',
  'ai-automated': 'AI-automated',
};

export const modeChangeDecided: LintRule = {
  id: 'mode-change-decided',
  defaultSeverity: 'info',
  explanation:
    'Changing who does a step (a person, a person with AI, or AI alone) changes jobs, skills and risks. Record the decision behind each mode change from the as-is, with its rationale, so that both co-architects can see why.',
  check(workflow, { asIs, decidedStepIds }) {
    if (workflow.kind !== 'to-be' || !asIs) return [];
    const findings: RuleFinding[] = [];
    for (const { before, after } of matchSteps(asIs, workflow).pairs) {
      if (before.type !== 'task' || after.type !== 'task' || before.mode === after.mode) continue;
      if (decidedStepIds?.has(after.id) || decidedStepIds?.has(before.id)) continue;
      findings.push({
        stepId: after.id,
        message: `'${after.name}' changed from ${MODE_WORDS[before.mode]} to ${MODE_WORDS[after.mode]} without a recorded decision.`,
      });
    }
    return findings;
  },
};
