/**
 * The redesign pair a story is about: a to-be with the as-is it redesigns, or an as-is with the to-be that
 * redesigns it (either may be missing).
 */
import type { Workflow } from '../model/schema';

export interface StoryPair {
  toBe: Workflow | null;
  asIs: Workflow | null;
}

export function storyPair(workflow: Workflow, workflows: readonly Workflow[]): StoryPair {
  if (workflow.kind === 'to-be') {
    const asIs = workflows.find((w) => w.id === workflow.redesignOfId && w.kind === 'as-is') ?? null;
    return { toBe: workflow, asIs };
  }
  const toBe = workflows.find((w) => w.kind === 'to-be' && w.redesignOfId === workflow.id) ?? null;
  return { toBe, asIs: workflow };
}
