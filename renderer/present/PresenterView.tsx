/**
 * The presenter view, in its own window (the app at #presenter): the current and the next slide, the current
 * slide's speaker notes and a timer since the presentation started. It holds no deck of its own: it shows
 * what the presentation sends over presenterSync and forwards its keys and buttons there, so either window
 * drives both.
 */
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { Slide } from '../../shared/story/generate';
import {
  deckOf,
  FORWARDED_KEYS,
  formatElapsed,
  openPresenterChannel,
  type PresenterDeck,
  type PresenterState,
} from './presenterSync';
import { SlideBody } from './SlideBody';
import './presentation.css';

function SlidePreview({ slide, deck, label }: { slide: Slide | null; deck: PresenterDeck; label: string }) {
  if (!slide) {
    return (
      <section className="presenter-slide" aria-label={label} tabIndex={0}>
        <p className="presenter-label">{label}</p>
        <p className="slide-missing">This is the last slide.</p>
      </section>
    );
  }
  const diagram = (kind: 'as-is' | 'to-be') => {
    const svg = deck.diagrams[kind];
    // The shared renderer's own SVG (labels escaped, no scripts), sent by the presentation.
    return svg ? <div className="presenter-diagram" dangerouslySetInnerHTML={{ __html: svg }} /> : null;
  };
  return (
    // Scrollable when the slide is long: focusable, so the keyboard can scroll it.
    <section className="presenter-slide presentation-theme" aria-label={label} tabIndex={0}>
      <p className="presenter-label">{label}</p>
      <h2 className="slide-heading">
        {slide.content?.kind === 'title' ? slide.content.workflowName : slide.title}
      </h2>
      <div className="slide-content">
        <SlideBody slide={slide} context={{ story: deck.story, roles: deck.roles, diagram }} />
      </div>
    </section>
  );
}

export default function PresenterView() {
  const [deck, setDeck] = useState<PresenterDeck | null>(null);
  const [state, setState] = useState<PresenterState | null>(null);
  const [ended, setEnded] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const channel = useRef<ReturnType<typeof openPresenterChannel>>(null);

  useEffect(() => {
    document.title = 'Presenter view — Coarchitect';
    const opened = openPresenterChannel((message) => {
      if (message.type === 'deck') setDeck(deckOf(message));
      else if (message.type === 'state') {
        setState(message);
        setEnded(false);
      } else if (message.type === 'end') setEnded(true);
    });
    channel.current = opened;
    opened?.post({ type: 'hello' });
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.target instanceof HTMLButtonElement && (event.key === 'Enter' || event.key === ' ')) return;
      if (!FORWARDED_KEYS.has(event.key)) return;
      event.preventDefault();
      opened?.post({ type: 'key', key: event.key });
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.clearInterval(timer);
      opened?.close();
    };
  }, []);

  const send = (key: string) => channel.current?.post({ type: 'key', key });
  const slides = deck?.slides ?? [];
  const current = state ? (slides[state.index] ?? null) : null;
  const next = state ? (slides[state.index + 1] ?? null) : null;
  const status = ended
    ? 'The presentation has ended.'
    : !deck || !state
      ? 'Waiting for the presentation…'
      : `Slide ${state.index + 1} of ${state.count}: ${current?.title ?? ''}${state.screen === 'slide' ? '' : ` (${state.screen} screen)`}`;

  return (
    <main className="presenter" aria-label="Presenter view">
      <header className="presenter-bar">
        <h1>{deck?.workflowName ?? 'Presenter view'}</h1>
        <p role="status" aria-label="Current slide">
          {status}
        </p>
        <p aria-label="Time presenting" className="presenter-timer">
          {state ? formatElapsed(now - state.startedAt) : '00:00'}
        </p>
        <button type="button" onClick={() => send('ArrowLeft')} disabled={!state || ended}>
          <ChevronLeft size={18} aria-hidden /> Previous
        </button>
        <button type="button" onClick={() => send('ArrowRight')} disabled={!state || ended}>
          Next <ChevronRight size={18} aria-hidden />
        </button>
      </header>
      {deck && state && !ended && (
        <div className="presenter-grid">
          <SlidePreview slide={current} deck={deck} label="Current slide" />
          <div className="presenter-side">
            <SlidePreview slide={next} deck={deck} label="Next slide" />
            <section className="presenter-notes" aria-label="Speaker notes" tabIndex={0}>
              <h2>Notes</h2>
              <p>{current?.notes.trim() || 'No notes for this slide.'}</p>
            </section>
          </div>
        </div>
      )}
    </main>
  );
}
