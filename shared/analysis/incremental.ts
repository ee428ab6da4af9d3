/**
 * The analysis of a workflow that is edited again and again (the editor's analysis worker): the visits of
 * the last analysis are kept, and while an edit leaves the graph as it was — the same steps in the same
 * order with the same types and rework targets, the same connections with the same branch probabilities —
 * they are reused as they are (an edit of times, headcount, cost or AI settings) or re-solved on the same
 * chain (an edit of a rejection rate, see resolveWithRates). Any other edit compiles the workflow afresh.
 * Every figure is the one analyzeWorkflow gives (test/unit/analysis/incremental.test.ts).
 */
import { analyzeFlow, analyzeWorkflow } from './analyze';
import type { AnalysisOptions, AnalysisResult } from './analyze';
import { computeVisits, resolveWithRates } from './visits';
import type { SolvedVisits } from './visits';
import { applyWhatIf } from '../whatIf/whatIf';
import type { Edge, Role, Step, Workflow } from '../model/schema';

/** How the last analysis obtained its visits. */
export type VisitsSource = 'compiled' | 'reused' | 're-solved';

export interface IncrementalAnalysis {
  analyze(workflow: Workflow, roles: readonly Role[], options?: AnalysisOptions): AnalysisResult;
  /** How the last analysis obtained its visits (null before the first, or when it failed before them). */
  readonly lastVisits: VisitsSource | null;
}

export function createIncrementalAnalysis(): IncrementalAnalysis {
  let kept: { steps: readonly Step[]; edges: readonly Edge[]; solved: SolvedVisits } | null = null;
  let lastVisits: VisitsSource | null = null;

  const visitsFor = (flow: Workflow): SolvedVisits | null => {
    let solved: SolvedVisits | null = null;
    if (kept && sameGraph(kept.steps, kept.edges, flow.steps, flow.edges)) {
      const rates = movedRates(kept.solved, flow.steps);
      const again = resolveWithRates(kept.solved, flow.steps, rates);
      if (again?.ok) {
        solved = again;
        lastVisits = rates.size === 0 ? 'reused' : 're-solved';
      }
    }
    if (!solved) {
      const fresh = computeVisits(flow);
      // A workflow that cannot be solved is left to analyzeFlow, which reports why.
      if (!fresh.ok) {
        kept = null;
        lastVisits = null;
        return null;
      }
      solved = fresh;
      lastVisits = 'compiled';
    }
    kept = { steps: flow.steps, edges: flow.edges, solved };
    return solved;
  };

  return {
    analyze(workflow, roles, options = {}) {
      const applied = applyWhatIf(workflow, roles, options);
      // An invalid what-if: analyzeWorkflow words the refusal, in one place.
      if (!applied.ok) return analyzeWorkflow(workflow, roles, options);
      const visits = visitsFor(applied.workflow);
      return analyzeFlow(
        applied.workflow,
        applied.roles,
        { ...options, ...(visits && { visits }) },
        applied.warnings,
      );
    },
    get lastVisits() {
      return lastVisits;
    },
  };
}

/** Whether two workflows have the same graph: what the chain is built from, except rejection rates. */
function sameGraph(
  stepsA: readonly Step[],
  edgesA: readonly Edge[],
  stepsB: readonly Step[],
  edgesB: readonly Edge[],
): boolean {
  if (stepsA.length !== stepsB.length || edgesA.length !== edgesB.length) return false;
  for (let i = 0; i < stepsA.length; i++) {
    const a = stepsA[i]!;
    const b = stepsB[i]!;
    if (a === b) continue;
    if (a.id !== b.id || a.type !== b.type) return false;
    if (a.type === 'review' && b.type === 'review' && a.reworkTargetId !== b.reworkTargetId) return false;
  }
  if (edgesA === edgesB) return true;
  for (let k = 0; k < edgesA.length; k++) {
    const a = edgesA[k]!;
    const b = edgesB[k]!;
    if (a === b) continue;
    if (a.source !== b.source || a.target !== b.target || a.probability !== b.probability) return false;
  }
  return true;
}

/** The reviews whose rejection rate differs from the kept chain's, by state index. */
function movedRates(solved: SolvedVisits, steps: readonly Step[]): Map<number, number> {
  const rates = new Map<number, number>();
  const before = solved.chain.steps;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    const old = before[i]!;
    if (s.type === 'review' && old.type === 'review' && s.rejectionRate !== old.rejectionRate)
      rates.set(i, s.rejectionRate);
  }
  return rates;
}
