/** The analysis of the open workflow (with what-if overrides) and of its counterpart, recomputed on edit. */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import {
  analyzeWorkflow,
  type AnalysisOptions,
  type AnalysisResult,
  type WorkflowAnalysis,
} from '../../shared/analysis/analyze';
import { compareAnalyses, type WorkflowComparison } from '../../shared/analysis/compare';
import type { Role, Workflow } from '../../shared/model/schema';
import { analyzeInBackground, type AnalysisLane } from '../workers/analysisClient';
import { useWorkspace } from '../store/workspaceStore';
import { toAnalysisOptions, useWhatIfFor } from '../store/whatIfStore';

/**
 * Workflows up to this many steps are analysed on the UI thread (a few milliseconds, and the figures are
 * there in the same render); larger ones in analysis.worker.ts, so no workflow can freeze the page.
 */
export const UI_THREAD_MAX_STEPS = 300;

/** What the analysis shows while a large workflow's first figures are computed (or if the worker failed). */
function pending(workflow: Workflow, message = 'Analysing this workflow…'): AnalysisResult {
  return {
    ok: false,
    workflow: {
      id: workflow.id,
      name: workflow.name,
      kind: workflow.kind,
      redesignOfId: workflow.redesignOfId,
    },
    error: { code: 'pending', message, stepIds: [] },
  };
}

/**
 * analyzeWorkflow, on the UI thread for small workflows and in a worker for large ones. Until a large
 * workflow's new figures arrive, the last ones of the same workflow stay on screen (as with React's deferred
 * values); the very first time, a pending result. Null in, null out.
 */
export function useAnalysisOf(
  workflow: Workflow | null,
  roles: readonly Role[],
  options: AnalysisOptions,
  lane: AnalysisLane = 'open',
): AnalysisResult | null {
  const small = workflow === null || workflow.steps.length <= UI_THREAD_MAX_STEPS;
  const onThread = useMemo(
    () => (workflow !== null && small ? analyzeWorkflow(workflow, roles, options) : null),
    [workflow, roles, options, small],
  );
  const [background, setBackground] = useState<{ workflowId: string; result: AnalysisResult } | null>(null);
  useEffect(() => {
    if (workflow === null || small) return;
    const job = analyzeInBackground(workflow, roles, options, lane);
    let live = true;
    job.promise.then(
      (result) => live && setBackground({ workflowId: workflow.id, result }),
      (error: Error) =>
        live &&
        setBackground({
          workflowId: workflow.id,
          result: pending(workflow, `The analysis failed: ${error.message}`),
        }),
    );
    return () => {
      live = false;
      job.cancel();
    };
  }, [workflow, roles, options, small, lane]);
  if (workflow === null) return null;
  if (onThread !== null) return onThread;
  return background?.workflowId === workflow.id ? background.result : pending(workflow);
}

export function useAnalysis(workflow: Workflow): AnalysisResult {
  // Like the workflow (see Editor), roles and what-if figures reach the analysis in a deferred render: the
  // field just changed answers first, the figures follow.
  const roles = useDeferredValue(useWorkspace((s) => s.roles));
  const whatIf = useDeferredValue(useWhatIfFor(workflow.id));
  const options = useMemo(() => ({ ...toAnalysisOptions(whatIf), explain: 'summary' as const }), [whatIf]);
  return useAnalysisOf(workflow, roles, options)!;
}

/** The as-is this to-be redesigns, or the first to-be that redesigns this as-is. */
export function useCounterpart(workflow: Workflow): Workflow | null {
  return useWorkspace((s) =>
    workflow.kind === 'to-be'
      ? (s.workflows.find((w) => w.id === workflow.redesignOfId) ?? null)
      : (s.workflows.find((w) => w.kind === 'to-be' && w.redesignOfId === workflow.id) ?? null),
  );
}

const NO_EXPLANATIONS: AnalysisOptions = { explain: 'none' };

/**
 * As-is against to-be. The what-if overrides apply to the open workflow only; its counterpart is shown as
 * stored, so the comparison answers "what if we changed this side".
 */
export function useComparison(workflow: Workflow, open: AnalysisResult): WorkflowComparison | null {
  const roles = useWorkspace((s) => s.roles);
  const other = useCounterpart(workflow);
  const otherAnalysis = useAnalysisOf(other, roles, NO_EXPLANATIONS, 'counterpart');
  return useMemo(() => {
    if (!otherAnalysis || !otherAnalysis.ok || !open.ok) return null;
    const [asIs, toBe]: [WorkflowAnalysis, WorkflowAnalysis] =
      workflow.kind === 'to-be' ? [otherAnalysis, open] : [open, otherAnalysis];
    return compareAnalyses(asIs, toBe);
  }, [otherAnalysis, open, workflow.kind]);
}
