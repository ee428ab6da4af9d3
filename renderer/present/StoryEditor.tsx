/**
 * "Edit story…": which slides are shown and in which order, speaker notes, the Next steps text and whether
 * costs per hour and person names may appear. Every change is an edit of the workflow through the workspace
 * store (shared/story/edit.ts), so it is undoable and saved like any other.
 */
import { ArrowDown, ArrowUp, Presentation as PresentIcon, Printer } from 'lucide-react';
import type { Workflow } from '../../shared/model/schema';
import {
  moveSlide,
  setNextSteps,
  setSlideHidden,
  setSlideNotes,
  setStoryPrivacy,
} from '../../shared/story/edit';
import { dispatchCommand } from '../desktop/commands';
import { useWorkspace } from '../store/workspaceStore';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/fields';
import { useOpenStory } from './Presentation';
import { usePresentUi } from './presentUi';

export function StoryEditor({ open, onClose }: { open: boolean; onClose(): void }) {
  const data = useOpenStory();
  if (!data) return null;
  const { generated, subject } = data;
  const edit = (fn: (wf: Workflow) => Workflow) => useWorkspace.getState().editWorkflow(subject.id, fn);
  const last = generated.slides.length - 1;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title="Story"
      description={`The slides of “${subject.name}”: show or hide them, change their order, write speaker notes.`}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button
            type="button"
            onClick={() => {
              onClose();
              usePresentUi.getState().setReportOpen(true);
            }}
          >
            <Printer size={16} aria-hidden /> Print report…
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => {
              onClose();
              dispatchCommand('present');
            }}
          >
            <PresentIcon size={16} aria-hidden /> Present
          </button>
        </>
      }
    >
      <div className="story-editor">
        <ol className="story-slides" aria-label="Slides">
          {generated.slides.map((slide, i) => (
            <li key={slide.kind} aria-label={slide.title} className={slide.hidden ? 'hidden-slide' : ''}>
              <div className="story-slide-row">
                <label>
                  <input
                    type="checkbox"
                    checked={!slide.hidden}
                    onChange={(e) => edit((wf) => setSlideHidden(wf, slide.kind, !e.target.checked))}
                  />{' '}
                  Show {slide.title}
                </label>
                <span className="story-slide-state">
                  {slide.missing ? 'Data missing' : slide.hidden ? 'Hidden' : `Slide ${i + 1}`}
                </span>
                <button
                  type="button"
                  className="icon"
                  aria-label={`Move ${slide.title} up`}
                  aria-disabled={i === 0}
                  onClick={() => i > 0 && edit((wf) => moveSlide(wf, slide.kind, -1))}
                >
                  <ArrowUp size={16} aria-hidden />
                </button>
                <button
                  type="button"
                  className="icon"
                  aria-label={`Move ${slide.title} down`}
                  aria-disabled={i === last}
                  onClick={() => i < last && edit((wf) => moveSlide(wf, slide.kind, 1))}
                >
                  <ArrowDown size={16} aria-hidden />
                </button>
              </div>
              <TextField
                label={`Speaker notes for ${slide.title}`}
                value={slide.notes}
                multiline
                maxLength={20_000}
                onCommit={(notes) => edit((wf) => setSlideNotes(wf, slide.kind, notes))}
              />
            </li>
          ))}
        </ol>
        <TextField
          label="Next steps (one per line)"
          value={generated.story.nextSteps}
          multiline
          maxLength={20_000}
          onCommit={(text) => edit((wf) => setNextSteps(wf, text))}
        />
        <fieldset>
          <legend>Shown on the projector</legend>
          <label>
            <input
              type="checkbox"
              checked={generated.story.showCosts}
              onChange={(e) => edit((wf) => setStoryPrivacy(wf, { showCosts: e.target.checked }))}
            />{' '}
            Show costs per hour
          </label>
          <label>
            <input
              type="checkbox"
              checked={generated.story.showNames}
              onChange={(e) => edit((wf) => setStoryPrivacy(wf, { showNames: e.target.checked }))}
            />{' '}
            Show person names
          </label>
        </fieldset>
      </div>
    </Dialog>
  );
}
