/**
 * Governance findings shown on their step: errors and warnings join the validation problems the diagram
 * already marks (the step's warning sign and its accessible text), so the shared node component needs no
 * change. Info findings stay in the Problems tab: marking every redesigned step would drown the real ones.
 */
import type { LintResult } from '../../shared/lint/index';
import type { Problem } from '../../shared/model/validate';

export function withLintFindings(problems: readonly Problem[], lint: LintResult): readonly Problem[] {
  const marked: Problem[] = [];
  for (const f of lint.findings) {
    if (f.severity === 'info' || f.stepId === undefined) continue;
    marked.push({
      severity: f.severity,
      code: `lint:${f.ruleId}`,
      message: `${f.severity === 'error' ? 'Governance error' : 'Governance warning'}: ${f.message}`,
      stepId: f.stepId,
    });
  }
  return marked.length === 0 ? problems : [...problems, ...marked];
}
