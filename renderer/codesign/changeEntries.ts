/** The diff as one list of step entries, in the order the Compare panel walks them with next / previous. */
import type { StepAttribute, WorkflowDiff } from '../../shared/diff/index';

export type EntryGroup = 'added' | 'removed' | 'changed';

export interface ChangeEntry {
  key: string;
  group: EntryGroup;
  /** The step on the canvas of the workflow being compared; null for a removed step (it is not there). */
  stepId: string | null;
  /** "Draft reply: Human → AI-automated", "Agent edits AI draft". */
  headline: string;
  /** The other changed attributes, in words. */
  details: string[];
}

const ATTRIBUTE_LABELS: Record<StepAttribute, string> = {
  type: 'kind',
  name: 'name',
  mode: 'mode',
  role: 'role',
  times: 'times',
  rejectionRate: 'rejection rate',
  reworkTarget: 'rework target',
  skill: 'skill',
  aiTool: 'AI tool',
  aiCostPerRun: 'AI cost per run',
  aiConcurrency: 'AI concurrency',
  learningCurve: 'learning curve',
  feedbackLoop: 'feedback loop',
  coaching: 'coaching',
  description: 'description',
  notes: 'notes',
};

/** `skillName` names a skill id for people (the ontology's name, or the id where it is unknown). */
export function changeEntries(
  diff: WorkflowDiff,
  skillName: (id: string) => string = (id) => id,
): ChangeEntry[] {
  const entries: ChangeEntry[] = [];
  for (const s of diff.steps.added) {
    entries.push({ key: `+${s.id}`, group: 'added', stepId: s.id, headline: s.name, details: [] });
  }
  for (const c of diff.steps.changed) {
    // The mode is what a co-design is about, so it heads the entry when it changed.
    const mode = c.changes.find((x) => x.attribute === 'mode');
    const first = mode ?? c.changes[0]!;
    const headline =
      first.attribute === 'description' || first.attribute === 'notes'
        ? `${c.before.name}: ${ATTRIBUTE_LABELS[first.attribute]} edited`
        : first.attribute === 'name'
          ? `${first.before} → ${first.after} (renamed)`
          : `${c.before.name}: ${first.before} → ${first.after}`;
    const details = c.changes
      .filter((x) => x !== first)
      .map((x) =>
        x.attribute === 'description' || x.attribute === 'notes'
          ? `${ATTRIBUTE_LABELS[x.attribute]} edited`
          : `${ATTRIBUTE_LABELS[x.attribute]}${x.subject ? ` ${skillName(x.subject)}` : ''}: ${x.before} → ${x.after}`,
      );
    entries.push({ key: `~${c.after.id}`, group: 'changed', stepId: c.after.id, headline, details });
  }
  for (const s of diff.steps.removed) {
    entries.push({ key: `-${s.id}`, group: 'removed', stepId: null, headline: s.name, details: [] });
  }
  return entries;
}
