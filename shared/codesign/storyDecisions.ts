/**
 * The co-design record's decisions as the story's decisions slide shows them (shared/story/generate.ts).
 * A projector is seen by the whole room: who decided is shown by co-architect role unless the story shows
 * names (its showNames setting), as for the team's people.
 */
import type { StoryDecision } from '../story/generate';
import { authorLabel } from './profile';
import type { Decision } from './threads';

export function storyDecisions(
  decisions: readonly Decision[],
  workflowId: string,
  showNames: boolean,
): StoryDecision[] {
  return decisions
    .filter((d) => d.workflowId === workflowId)
    .map((d) => ({
      title: d.title,
      decision: d.decision,
      rationale: d.rationale,
      decidedBy: showNames ? authorLabel(d.decidedBy) : roleLabel(d.decidedBy.role),
      date: d.date,
      status: d.status,
    }));
}

const roleLabel = (role: Decision['decidedBy']['role']) => (role === 'other' ? 'a co-architect' : role);
