/**
 * The analysis answers only inside the model's domain (shared/model/bounds.ts) and only with figures a
 * person can read: finite, normal doubles. Files are checked against the bounds when they are read, but
 * the analysis is also handed what-if values and data held in memory, so it checks its inputs again and,
 * as a last guard, every figure it returns; anything else is an `out-of-range` error that says which
 * number, never an Infinity, NaN or denormal on screen.
 */
import { boundProblem, type BoundKey } from '../model/bounds';
import type { Role, Workflow } from '../model/schema';

/** The smallest positive normal double; anything smaller but not 0 is a denormal. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** What is out of range among the numbers the analysis reads, or null. */
export function inputOutOfRange(workflow: Workflow, roles: readonly Role[], volume: number): string | null {
  // The owner is named only in a message: writing it for each of 10,000 steps cost more than the checks.
  const check = (owner: string | (() => string), key: BoundKey, value: unknown): string | null => {
    const problem = boundProblem(key, value);
    return problem === null ? null : `${typeof owner === 'string' ? owner : owner()}: ${problem}`;
  };
  const first = (...problems: (string | null)[]): string | null => problems.find((p) => p !== null) ?? null;
  const problem = check(`workflow '${workflow.name}'`, 'volumePerWeek', volume);
  if (problem) return problem;
  for (const r of roles) {
    const owner = `role '${r.name}'`;
    const p = first(
      check(owner, 'headcount', r.headcount),
      check(owner, 'hoursPerWeek', r.hoursPerWeek),
      check(owner, 'costPerHour', r.costPerHour),
    );
    if (p) return p;
  }
  for (const s of workflow.steps) {
    if (s.type !== 'task' && s.type !== 'review') continue;
    const owner = () => `step '${s.name}'`;
    const p = first(
      check(owner, 'durationMin', s.duration.min),
      check(owner, 'durationLikely', s.duration.likely),
      check(owner, 'durationMax', s.duration.max),
      s.coaching ? check(owner, 'coachingMinutesPerCase', s.coaching.minutesPerCase) : null,
      s.type === 'review' ? check(owner, 'rejectionRate', s.rejectionRate) : null,
      s.type === 'task' ? check(owner, 'aiCostPerRun', s.aiCostPerRun) : null,
      s.type === 'task' && s.aiConcurrency !== null ? check(owner, 'aiConcurrency', s.aiConcurrency) : null,
    );
    if (p) return p;
  }
  for (const e of workflow.edges) {
    if (e.probability === null) continue;
    const p = check(() => `connection '${e.label || e.id}'`, 'branchProbability', e.probability);
    if (p) return p;
  }
  return null;
}

/** Whether a figure can be shown: finite and not a denormal. */
export function isFitFigure(value: number): boolean {
  return Number.isFinite(value) && (value === 0 || Math.abs(value) >= MIN_NORMAL);
}

/**
 * The path of the first number in `value` that is not a fit figure (NaN, ±Infinity, a denormal), or null.
 * Keys listed in `skip` (texts such as explanations) are not walked.
 */
export function firstUnfitFigure(
  value: unknown,
  path = '',
  skip: ReadonlySet<string> = new Set(),
): string | null {
  // Almost always every figure is fit: look first without writing a path for each of the result's numbers
  // (that cost more than the analysis of a large workflow), and only then find where the unfit one is.
  return hasUnfitFigure(value, skip) ? unfitFigurePath(value, path, skip) : null;
}

function hasUnfitFigure(value: unknown, skip: ReadonlySet<string>): boolean {
  if (typeof value === 'number') return !isFitFigure(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (hasUnfitFigure(value[i], skip)) return true;
    return false;
  }
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key) || skip.has(key)) continue;
    if (hasUnfitFigure((value as Record<string, unknown>)[key], skip)) return true;
  }
  return false;
}

function unfitFigurePath(value: unknown, path: string, skip: ReadonlySet<string>): string | null {
  if (typeof value === 'number') return isFitFigure(value) ? null : `${path} (got ${String(value)})`;
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unfitFigurePath(value[i], `${path}[${i}]`, skip);
      if (found) return found;
    }
    return null;
  }
  for (const [key, child] of Object.entries(value)) {
    if (skip.has(key)) continue;
    const found = unfitFigurePath(child, path === '' ? key : `${path}.${key}`, skip);
    if (found) return found;
  }
  return null;
}
