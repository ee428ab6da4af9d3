/** Accountability starts with knowing which AI does the work: AI-assisted and AI-automated tasks name their tool. */
import type { LintRule } from '../types';

export const aiToolNamed: LintRule = {
  id: 'ai-tool-named',
  defaultSeverity: 'info',
  explanation:
    'An AI-assisted or AI-automated step should name the AI tool it uses, so that owners, costs, data protection and changes to the tool can be traced.',
  check(workflow) {
    return workflow.steps.flatMap((s) =>
      s.type === 'task' && s.mode !== 'human' && s.aiTool.trim() === ''
        ? [{ stepId: s.id, message: `'${s.name}' is ${s.mode} but names no AI tool.` }]
        : [],
    );
  },
};
