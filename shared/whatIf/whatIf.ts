/**
 * What-if: another case volume, headcount per role or rejection rate per review, tried without changing the
 * workflow. Every engine entry (analyzeWorkflow, the simulation, the learning projection; in the UI thread,
 * the workers and the CLI alike) applies it once with applyWhatIf and hands the engine plain, overridden
 * inputs, so no engine looks an override up again and every rule and message about a what-if lives here.
 */
import { z } from 'zod';
import { boundMessage } from '../model/bounds';
import type { Role, Step, Workflow } from '../model/schema';

/** The shape of a what-if as it crosses a boundary (worker messages); applyWhatIf checks the bounds. */
export const WhatIfSchema = z.object({
  volumePerWeek: z.number().optional(),
  headcount: z.record(z.string(), z.number()).optional(),
  rejectionRate: z.record(z.string(), z.number()).optional(),
});
export type WhatIf = z.infer<typeof WhatIfSchema>;

type FlowInput = Pick<Workflow, 'steps' | 'volumePerWeek'>;

export type WhatIfResult<W extends FlowInput> =
  | {
      ok: true;
      /** The workflow with the what-if volume and rejection rates (the same object when there are none). */
      workflow: W;
      /** The roles with the what-if headcounts (the same array when there are none). */
      roles: readonly Role[];
      /** Overrides that name no role or review of this workflow, and are ignored. */
      warnings: string[];
    }
  | { ok: false; message: string };

/** The case volume a figure is computed at: the what-if volume, else the workflow's own. */
export function caseVolume(workflow: Pick<Workflow, 'volumePerWeek'>, whatIf: WhatIf): number {
  return whatIf.volumePerWeek ?? workflow.volumePerWeek;
}

/** The first what-if value out of its bound, in the words the UI and the CLI show; null if all are fine. */
export function whatIfProblem(whatIf: WhatIf): string | null {
  if (whatIf.volumePerWeek !== undefined) {
    const problem = boundMessage('volumePerWeek', whatIf.volumePerWeek, 'the what-if case volume');
    if (problem) return problem;
  }
  for (const [roleId, h] of Object.entries(whatIf.headcount ?? {})) {
    const problem = boundMessage('headcount', h, `the what-if headcount of role '${roleId}'`);
    if (problem) return problem;
  }
  for (const [stepId, r] of Object.entries(whatIf.rejectionRate ?? {})) {
    const problem = boundMessage('rejectionRate', r, `the what-if rejection rate of step '${stepId}'`);
    if (problem) return problem;
  }
  return null;
}

/** The steps with the given rejection rates on their reviews (the same workflow when none applies). */
export function withRejectionRates<W extends Pick<Workflow, 'steps'>>(
  workflow: W,
  rates: Readonly<Record<string, number>>,
): W {
  let steps: Step[] | null = null;
  workflow.steps.forEach((s, i) => {
    if (s.type !== 'review') return;
    const r = rates[s.id];
    if (r === undefined || r === s.rejectionRate) return;
    steps ??= workflow.steps.slice();
    steps[i] = { ...s, rejectionRate: r };
  });
  return steps === null ? workflow : { ...workflow, steps };
}

/** Checks a what-if and applies it to copies of the workflow and the roles; the inputs are never changed. */
export function applyWhatIf<W extends FlowInput>(
  workflow: W,
  roles: readonly Role[],
  whatIf: WhatIf,
): WhatIfResult<W> {
  const problem = whatIfProblem(whatIf);
  if (problem !== null) return { ok: false, message: problem };
  const warnings: string[] = [];
  const headcount = whatIf.headcount ?? {};
  for (const roleId of Object.keys(headcount)) {
    if (!roles.some((r) => r.id === roleId))
      warnings.push(`What-if headcount for unknown role '${roleId}' ignored.`);
  }
  const rates = whatIf.rejectionRate ?? {};
  const rateIds = Object.keys(rates);
  if (rateIds.length > 0) {
    const reviewIds = new Set(workflow.steps.filter((s) => s.type === 'review').map((s) => s.id));
    for (const stepId of rateIds) {
      if (!reviewIds.has(stepId))
        warnings.push(
          `What-if rejection rate for '${stepId}', which is not a review of this workflow, ignored.`,
        );
    }
  }
  let applied = withRejectionRates(workflow, rates);
  const volume = caseVolume(workflow, whatIf);
  if (volume !== workflow.volumePerWeek) applied = { ...applied, volumePerWeek: volume };
  const overridden = Object.keys(headcount).length > 0;
  const newRoles = overridden
    ? roles.map((r) => {
        const h = headcount[r.id];
        return h === undefined ? r : { ...r, headcount: h };
      })
    : roles;
  return { ok: true, workflow: applied, roles: newRoles, warnings };
}
