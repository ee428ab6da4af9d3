/**
 * What a change does to the figures: both sides analysed by the engine (analyzeWorkflow) and compared
 * (compareAnalyses): constraint role, utilization per role, cycle time, cost per case, capacity, FTE freed.
 */
import { analyzeWorkflow, compareAnalyses } from '../analysis/index';
import type { WorkflowComparison } from '../analysis/index';
import type { DiffSide } from './types';

export type FigureDeltas =
  { ok: true; comparison: WorkflowComparison } | { ok: false; side: 'before' | 'after'; message: string };

export function figureDeltas(before: DiffSide, after: DiffSide): FigureDeltas {
  // Explanations are not shown in a diff; leaving them out keeps large workflows quick.
  const a = analyzeWorkflow(before.workflow, before.roles, { explain: 'none' });
  if (!a.ok) return { ok: false, side: 'before', message: a.error.message };
  const b = analyzeWorkflow(after.workflow, after.roles, { explain: 'none' });
  if (!b.ok) return { ok: false, side: 'after', message: b.error.message };
  return { ok: true, comparison: compareAnalyses(a, b) };
}
