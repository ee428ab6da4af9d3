/** The analysis of the open workflow (with what-if overrides) and of its counterpart, recomputed on edit. */
import { useDeferredValue, useMemo } from 'react';
import { analyzeWorkflow, type AnalysisResult, type WorkflowAnalysis } from '../../shared/analysis/analyze';
import { compareAnalyses, type WorkflowComparison } from '../../shared/analysis/compare';
import type { Workflow } from '../../shared/model/schema';
import { useWorkspace } from '../store/workspaceStore';
import { toAnalysisOptions, useWhatIfFor } from '../store/whatIfStore';

export function useAnalysis(workflow: Workflow): AnalysisResult {
  // Like the workflow (see Editor), roles and what-if figures reach the analysis in a deferred render: the
  // field just changed answers first, the figures follow.
  const roles = useDeferredValue(useWorkspace((s) => s.roles));
  const whatIf = useDeferredValue(useWhatIfFor(workflow.id));
  return useMemo(
    () => analyzeWorkflow(workflow, roles, { ...toAnalysisOptions(whatIf), explain: 'summary' }),
    [workflow, roles, whatIf],
  );
}

/** The as-is this to-be redesigns, or the first to-be that redesigns this as-is. */
export function useCounterpart(workflow: Workflow): Workflow | null {
  return useWorkspace((s) =>
    workflow.kind === 'to-be'
      ? (s.workflows.find((w) => w.id === workflow.redesignOfId) ?? null)
      : (s.workflows.find((w) => w.kind === 'to-be' && w.redesignOfId === workflow.id) ?? null),
  );
}

/**
 * As-is against to-be. The what-if overrides apply to the open workflow only; its counterpart is shown as
 * stored, so the comparison answers "what if we changed this side".
 */
export function useComparison(workflow: Workflow, open: AnalysisResult): WorkflowComparison | null {
  const roles = useWorkspace((s) => s.roles);
  const other = useCounterpart(workflow);
  return useMemo(() => {
    if (!other || !open.ok) return null;
    const otherAnalysis = analyzeWorkflow(other, roles, { explain: 'none' });
    if (!otherAnalysis.ok) return null;
    const [asIs, toBe]: [WorkflowAnalysis, WorkflowAnalysis] =
      workflow.kind === 'to-be' ? [otherAnalysis, open] : [open, otherAnalysis];
    return compareAnalyses(asIs, toBe);
  }, [other, open, roles, workflow.kind]);
}
