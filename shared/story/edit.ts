/** Pure edits of a workflow's story (each returns a new workflow; the store makes them undoable). */
import type { Workflow } from '../model/schema';
import { completeStory, type SlideKind, type Story } from './schema';

function withStory(wf: Workflow, change: (story: Story) => Story): Workflow {
  return { ...wf, story: change(completeStory(wf.story)) };
}

/** Moves a slide by `by` places (−1 earlier, +1 later); at either end nothing moves. */
export function moveSlide(wf: Workflow, kind: SlideKind, by: number): Workflow {
  return withStory(wf, (story) => {
    const from = story.slides.findIndex((s) => s.kind === kind);
    const to = from + by;
    if (from < 0 || to < 0 || to >= story.slides.length) return story;
    const slides = [...story.slides];
    const [moved] = slides.splice(from, 1);
    slides.splice(to, 0, moved!);
    return { ...story, slides };
  });
}

export function setSlideHidden(wf: Workflow, kind: SlideKind, hidden: boolean): Workflow {
  return withStory(wf, (story) => ({
    ...story,
    slides: story.slides.map((s) => (s.kind === kind ? { ...s, hidden } : s)),
  }));
}

export function setSlideNotes(wf: Workflow, kind: SlideKind, notes: string): Workflow {
  return withStory(wf, (story) => ({
    ...story,
    slides: story.slides.map((s) => (s.kind === kind ? { ...s, notes } : s)),
  }));
}

export function setNextSteps(wf: Workflow, nextSteps: string): Workflow {
  return withStory(wf, (story) => ({ ...story, nextSteps }));
}

export function setStoryPrivacy(
  wf: Workflow,
  change: Partial<Pick<Story, 'showCosts' | 'showNames'>>,
): Workflow {
  return withStory(wf, (story) => ({ ...story, ...change }));
}
