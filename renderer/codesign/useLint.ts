/** The governance lint of the open workflow, with the analysis the editor already has (never recomputed here). */
import { useMemo } from 'react';
import type { AnalysisResult } from '../../shared/analysis/index';
import type { Workflow } from '../../shared/model/schema';
import { lintWorkflow, type LintResult } from '../../shared/lint/index';
import { useSkillIndex } from '../store/selectors';
import { useWorkspace } from '../store/workspaceStore';

export function useLint(
  workflow: Workflow,
  analysis: AnalysisResult | null,
  decidedStepIds?: ReadonlySet<string>,
): LintResult {
  const roles = useWorkspace((s) => s.roles);
  const asIs = useWorkspace((s) =>
    workflow.redesignOfId === null ? null : (s.workflows.find((w) => w.id === workflow.redesignOfId) ?? null),
  );
  const skills = useSkillIndex();
  return useMemo(
    () =>
      lintWorkflow(workflow, {
        roles,
        skills,
        analysis: analysis?.ok ? analysis : null,
        asIs,
        decidedStepIds,
      }),
    [workflow, roles, skills, analysis, asIs, decidedStepIds],
  );
}
