/**
 * Whether two versions of a workflow differ only in where their steps sit. Moving, aligning, distributing and
 * laying out steps change nothing the analysis or the validation reads, so their results can be kept: for a
 * workflow of thousands of steps that is the difference between a drop that answers at once and one that
 * recomputes every figure.
 */
import type { Step, Workflow } from './schema';

/** Fields whose change is only about the drawing (or the clock), never about the work. */
const LAYOUT_ONLY_STEP_FIELDS: ReadonlySet<string> = new Set(['position']);
const LAYOUT_ONLY_WORKFLOW_FIELDS: ReadonlySet<string> = new Set(['steps', 'updatedAt']);

/** Same keys with the very same values, except the fields in `ignored` (edits share what they do not change). */
function sameExcept(a: object, b: object, ignored: ReadonlySet<string>): boolean {
  const av = a as Record<string, unknown>;
  const bv = b as Record<string, unknown>;
  const keys = Object.keys(av);
  if (keys.length !== Object.keys(bv).length) return false;
  return keys.every((key) => ignored.has(key) || (key in bv && av[key] === bv[key]));
}

function sameStepExceptPosition(a: Step, b: Step): boolean {
  return a === b || sameExcept(a, b, LAYOUT_ONLY_STEP_FIELDS);
}

/**
 * True when `b` is `a` with steps moved (and a new updatedAt): the same steps in the same order with the same
 * values, the very same connections. Compares by identity below the first level, as edits share unchanged
 * objects; two equal but separately built workflows count as different, which only costs a recomputation.
 */
export function differsOnlyInLayout(a: Workflow, b: Workflow): boolean {
  if (a === b) return true;
  if (!sameExcept(a, b, LAYOUT_ONLY_WORKFLOW_FIELDS)) return false;
  if (a.steps.length !== b.steps.length) return false;
  for (let i = 0; i < a.steps.length; i++)
    if (!sameStepExceptPosition(a.steps[i]!, b.steps[i]!)) return false;
  return true;
}
