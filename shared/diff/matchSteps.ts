/**
 * Pairs the steps of two workflows (two versions, or an as-is and its to-be) so that a diff can say what
 * became of each step. "Create to-be" keeps step ids, so ids are tried first; templates write ids that
 * embed the workflow's own id (`cs-asis-step-draft` ↔ `cs-tobe-step-draft`), so the same id with that prefix
 * removed comes next; then a name that is unique on both sides; last, for steps that carry no work (start,
 * end, decision, parallel), the only unpaired step of that type on each side.
 */
import type { Step, StepType, Workflow } from '../model/schema';

export type MatchReason = 'id' | 'id-suffix' | 'name' | 'kind';

export interface StepPair {
  before: Step;
  after: Step;
  reason: MatchReason;
}

export interface StepMatching {
  pairs: StepPair[];
  /** Steps only in the first workflow, in its order. */
  removed: Step[];
  /** Steps only in the second workflow, in its order. */
  added: Step[];
  /** id in the second workflow → id of its paired step in the first. */
  beforeIdOf: Map<string, string>;
  /** id in the first workflow → id of its paired step in the second. */
  afterIdOf: Map<string, string>;
}

const KIND_MATCHED: ReadonlySet<StepType> = new Set(['start', 'end', 'decision', 'parallel']);

const normalName = (name: string) => name.trim().toLowerCase();

function suffixOf(stepId: string, workflowId: string): string | null {
  return stepId.startsWith(workflowId) && stepId.length > workflowId.length
    ? stepId.slice(workflowId.length)
    : null;
}

/** Index of steps by key, with keys that occur more than once dropped (they cannot pair unambiguously). */
function uniqueIndex(steps: readonly Step[], key: (s: Step) => string | null): Map<string, Step> {
  const index = new Map<string, Step>();
  const seen = new Set<string>();
  for (const s of steps) {
    const k = key(s);
    if (k === null) continue;
    if (seen.has(k)) index.delete(k);
    else index.set(k, s);
    seen.add(k);
  }
  return index;
}

export function matchSteps(before: Workflow, after: Workflow): StepMatching {
  const afterIdOf = new Map<string, string>();
  const beforeIdOf = new Map<string, string>();
  const reasonOf = new Map<string, MatchReason>();
  const pair = (b: Step, a: Step, reason: MatchReason) => {
    afterIdOf.set(b.id, a.id);
    beforeIdOf.set(a.id, b.id);
    reasonOf.set(b.id, reason);
  };
  const afterById = new Map(after.steps.map((s) => [s.id, s]));
  for (const b of before.steps) {
    const a = afterById.get(b.id);
    if (a) pair(b, a, 'id');
  }
  const passes: {
    reason: MatchReason;
    key: (s: Step, wf: Workflow) => string | null;
    only?: (s: Step) => boolean;
  }[] = [
    { reason: 'id-suffix', key: (s, wf) => suffixOf(s.id, wf.id) },
    { reason: 'name', key: (s) => `${s.type}\u0000${normalName(s.name)}` },
    { reason: 'kind', key: (s) => s.type, only: (s) => KIND_MATCHED.has(s.type) },
  ];
  for (const pass of passes) {
    const open = (steps: readonly Step[], paired: Map<string, string>) =>
      steps.filter((s) => !paired.has(s.id) && (pass.only?.(s) ?? true));
    const afterIndex = uniqueIndex(open(after.steps, beforeIdOf), (s) => pass.key(s, after));
    const beforeIndex = uniqueIndex(open(before.steps, afterIdOf), (s) => pass.key(s, before));
    for (const [k, b] of beforeIndex) {
      const a = afterIndex.get(k);
      if (a) pair(b, a, pass.reason);
    }
  }
  const pairs: StepPair[] = [];
  const removed: Step[] = [];
  for (const b of before.steps) {
    const aId = afterIdOf.get(b.id);
    const a = aId === undefined ? undefined : afterById.get(aId);
    if (a) pairs.push({ before: b, after: a, reason: reasonOf.get(b.id)! });
    else removed.push(b);
  }
  const added = after.steps.filter((s) => !beforeIdOf.has(s.id));
  return { pairs, removed, added, beforeIdOf, afterIdOf };
}
