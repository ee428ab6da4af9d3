/**
 * Analyses large workflows (shared/analysis) off the UI thread, as a module Web Worker, so that no valid
 * workflow, however pathological, can freeze the page while the figures are computed.
 *
 * Protocol: in `{ id, workflow, roles, options, projectWeeks? }` (with projectWeeks, the learning projection); out `{ id, ok: true, result }` or `{ id, ok: false,
 * message }`. The request is parsed with the model's schemas (so the bounds hold here too) before anything
 * runs. A newer request does not wait for an older one: the client terminates a busy worker instead.
 * Analyses go through one incremental analysis (shared/analysis/incremental.ts), so an edit of times,
 * headcount, cost or a rejection rate reuses the last visits instead of compiling the workflow again.
 */
import { z } from 'zod';
import type { AnalysisResult } from '../../shared/analysis/analyze';
import { createIncrementalAnalysis } from '../../shared/analysis/incremental';
import { MAX_PROJECTION_WEEKS, projectLearning, type ProjectionResult } from '../../shared/analysis/learning';
import { RoleSchema, WorkflowSchema } from '../../shared/model/schema';
import { WhatIfSchema } from '../../shared/whatIf/whatIf';

/** A what-if (applied, with its bounds checked, by the engines' entries) and the explanations wanted. */
const AnalysisOptionsSchema = WhatIfSchema.extend({
  explain: z.enum(['all', 'summary', 'none']).optional(),
});

const RequestSchema = z.object({
  id: z.string().min(1),
  workflow: WorkflowSchema,
  roles: z.array(RoleSchema),
  options: AnalysisOptionsSchema,
  /** When set, the learning projection over this many weeks instead of the analysis. */
  projectWeeks: z.number().int().min(0).max(MAX_PROJECTION_WEEKS).optional(),
});

export type AnalysisWorkerRequest = z.input<typeof RequestSchema>;
export type AnalysisWorkerResponse =
  | { id: string; ok: true; result: AnalysisResult | ProjectionResult }
  | { id: string; ok: false; message: string };

/** The part of the dedicated worker scope we use (the renderer is type-checked with the DOM library). */
interface WorkerScope {
  postMessage(message: AnalysisWorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as WorkerScope;
const incremental = createIncrementalAnalysis();

scope.addEventListener('message', (event) => {
  const parsed = RequestSchema.safeParse(event.data);
  if (!parsed.success) {
    const data = event.data as { id?: unknown } | null;
    const id = data && typeof data.id === 'string' ? data.id : '';
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    scope.postMessage({
      id,
      ok: false,
      message: `Invalid analysis request${where}: ${first?.message ?? ''}`,
    });
    return;
  }
  const { id, workflow, roles, options, projectWeeks } = parsed.data;
  try {
    const result =
      projectWeeks === undefined
        ? incremental.analyze(workflow, roles, options)
        : projectLearning(workflow, roles, { weeks: projectWeeks, options });
    scope.postMessage({ id, ok: true, result });
  } catch (error) {
    scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
