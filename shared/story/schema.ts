/**
 * The story of a redesign as saved with its to-be workflow (format version 4): which generated slides are
 * shown, in which order, their speaker notes, the free-text next steps, and whether costs per hour and
 * person names may be shown. The slides' content is never stored: it is generated from the model and the
 * analysis every time, so it cannot go stale.
 */
import { z } from 'zod';

export const SLIDE_KINDS = [
  'title',
  'as-is',
  'to-be',
  'bottleneck',
  'figures',
  'skills',
  'learning',
  'decisions',
  'next-steps',
] as const;
export type SlideKind = (typeof SLIDE_KINDS)[number];

export const SLIDE_TITLES: Record<SlideKind, string> = {
  title: 'Title',
  'as-is': 'As-is flow',
  'to-be': 'To-be flow',
  bottleneck: 'Bottleneck move',
  figures: 'Figures',
  skills: 'Skills and learning',
  learning: 'Learning projection',
  decisions: 'Decisions and open questions',
  'next-steps': 'Next steps',
};

const notes = z.string().max(20_000, 'must be at most 20,000 characters');

export const SlideSettingSchema = z.object({
  kind: z.enum(SLIDE_KINDS),
  hidden: z.boolean().default(false),
  notes: notes.default(''),
});
export type SlideSetting = z.infer<typeof SlideSettingSchema>;

export const StorySchema = z
  .object({
    /** The slides in presentation order; each kind at most once (kinds left out are appended, shown). */
    slides: z.array(SlideSettingSchema).max(SLIDE_KINDS.length * 4),
    /** The text of the Next steps slide, one step per line. */
    nextSteps: notes.default(''),
    /** Show costs per hour on slides (off by default: a projector is seen by everyone in the room). */
    showCosts: z.boolean().default(false),
    /** Show the names of people (off by default, for the same reason). */
    showNames: z.boolean().default(false),
  })
  .refine((s) => new Set(s.slides.map((x) => x.kind)).size === s.slides.length, {
    message: 'each slide may appear only once',
    path: ['slides'],
  });
export type Story = z.infer<typeof StorySchema>;

/** The story a workflow starts with: every slide, in the standard order, shown, without notes. */
export function defaultStory(): Story {
  return {
    slides: SLIDE_KINDS.map((kind) => ({ kind, hidden: false, notes: '' })),
    nextSteps: '',
    showCosts: false,
    showNames: false,
  };
}

/** A stored story completed: kinds it does not list are appended (a newer app may add slides). */
export function completeStory(story: Story | null): Story {
  const base = story ?? defaultStory();
  const listed = new Set(base.slides.map((s) => s.kind));
  const missing = SLIDE_KINDS.filter((k) => !listed.has(k)).map((kind) => ({
    kind,
    hidden: false,
    notes: '',
  }));
  return missing.length === 0 ? base : { ...base, slides: [...base.slides, ...missing] };
}
