/**
 * Presentation mode: the story's visible slides full screen, without the editor's chrome, driven by the
 * keyboard (deck.ts) with a few quiet buttons for the mouse. Each slide change and each step of Walk the flow
 * is announced in a polite live region. On leaving, focus returns to where it was.
 */
import { ChevronLeft, ChevronRight, CircleHelp, Footprints, MonitorSpeaker, X } from 'lucide-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { skillIndex } from '../../shared/ontology';
import { renderWorkflowSvg } from '../../shared/report/svg';
import { generateStory, visibleSlides } from '../../shared/story/generate';
import { storyDecisions } from '../../shared/codesign/storyDecisions';
import { useRecord } from '../codesign/recordStore';
import { useShallow } from 'zustand/react/shallow';
import { walkStops } from '../../shared/story/mainPath';
import { dispatchCommand } from '../desktop/commands';
import { getPlatform } from '../platform/index';
import { lensPair } from '../skills/useSkillsLens';
import { useWorkspace } from '../store/workspaceStore';
import { DECK_KEYS, initialDeck, pressKey, startWalk, type DeckResult, type DeckState } from './deck';
import { DiagramSlide, walkAnnouncement } from './DiagramSlide';
import { deckMessage as deckMessageOf, openPresenterChannel, PRESENTER_HASH } from './presenterSync';
import { SlideBody } from './SlideBody';

/** The open workflow's story: its redesign pair, generated afresh whenever the workspace changes. */
export function useOpenStory() {
  const workflowId = useWorkspace((s) => s.openWorkflowId);
  const workflows = useWorkspace((s) => s.workflows);
  const roles = useWorkspace((s) => s.roles);
  const customSkills = useWorkspace((s) => s.customSkills);
  const record = useRecord(useShallow((s) => ({ workflowId: s.workflowId, decisions: s.decisions })));
  return useMemo(() => {
    const open = workflows.find((w) => w.id === workflowId);
    if (!open) return null;
    const pair = lensPair(open, workflows);
    const toBe = pair?.toBe ?? (open.kind === 'to-be' ? open : null);
    const asIs = pair?.asIs ?? (open.kind === 'as-is' ? open : null);
    const skills = skillIndex(customSkills);
    const subject = toBe ?? asIs ?? open;
    // The record in memory is the open workflow's: its decisions belong to the story of the pair it is in.
    const inPair = record.workflowId !== null && [toBe?.id, asIs?.id, open.id].includes(record.workflowId);
    const decisions = inPair
      ? storyDecisions(record.decisions, record.workflowId!, subject.story?.showNames ?? false)
      : [];
    const generated = generateStory({ toBe, asIs, roles, skills, decisions });
    return { subject, toBe, asIs, roles, skills, generated };
  }, [workflowId, workflows, roles, customSkills, record]);
}

export function Presentation({ onLeave }: { onLeave(): void }) {
  const data = useOpenStory();
  const slides = useMemo(() => (data ? visibleSlides(data.generated) : []), [data]);
  const [deck, setDeck] = useState<DeckState>(() => initialDeck(Math.max(1, slides.length)));
  const [announcement, setAnnouncement] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const count = Math.max(1, slides.length);
  const index = Math.min(deck.index, count - 1);
  const slide = slides[index] ?? null;

  const stops = useMemo(() => {
    if (!data || !slide) return [];
    if (slide.kind === 'to-be' && data.toBe) return walkStops(data.toBe);
    if (slide.kind === 'as-is' && data.asIs) return walkStops(data.asIs);
    return [];
  }, [data, slide]);

  const slideText = (i: number) => `Slide ${i + 1} of ${count}: ${slides[i]?.title ?? 'no slides'}`;

  const apply = useCallback(
    (outcome: DeckResult) => {
      const next = outcome.state;
      setDeck(next);
      if (outcome.effect === 'leave') void leaveFullScreenOr(onLeave);
      else if (outcome.effect === 'announce-slide') setAnnouncement(slideText(next.index));
      else if (outcome.effect === 'no-such-slide')
        setAnnouncement(`There is no such slide: choose 1 to ${count}.`);
      else if (outcome.effect === 'announce-walk' && next.walk !== null) {
        const stop = stops[next.walk];
        const analysis =
          slide?.kind === 'as-is' ? data?.generated.asIsAnalysis : data?.generated.toBeAnalysis;
        if (stop)
          setAnnouncement(
            walkAnnouncement(stop, next.walk, stops.length, analysis ?? null, data?.roles ?? []),
          );
      }
    },
    // slideText reads count and slides, both listed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [onLeave, count, slides, stops, slide, data],
  );

  /**
   * Escape's last steps: leave full screen first (the desktop window, or the browser's full screen), and only
   * when the window is no longer full screen end the presentation.
   */
  const leaveFullScreenOr = async (leave: () => void) => {
    const platform = getPlatform();
    if (platform.setFullScreen) {
      const result = await platform.setFullScreen(false).catch(() => null);
      if (result?.changed) {
        setAnnouncement('Full screen left: press Escape again to end the presentation.');
        return;
      }
    } else if (document.fullscreenElement) {
      await document.exitFullscreen().catch(() => {});
      setAnnouncement('Full screen left: press Escape again to end the presentation.');
      return;
    }
    leave();
  };

  // Focus the deck on opening and announce the first slide; full screen where the platform allows it.
  useLayoutEffect(() => {
    root.current?.focus();
    setAnnouncement(slideText(0));
    const element = root.current;
    const platform = getPlatform();
    if (platform.setFullScreen) void platform.setFullScreen(true).catch(() => {});
    else if (element?.requestFullscreen && !document.fullscreenElement) {
      element.requestFullscreen().catch(() => {
        // Not allowed here (no user gesture, an iframe, a test browser): the deck fills the window instead.
      });
    }
    return () => {
      if (platform.setFullScreen) void platform.setFullScreen(false).catch(() => {});
      else if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
    // Once, on opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => setDeck((d) => ({ ...d, count })), [count]);

  /** One key of the deck, from this window or the presenter view; whether it was the deck's. */
  const handleKey = (key: string): boolean => {
    if ((key === 'f' || key === 'F') && !deck.help) {
      if (deck.walk !== null)
        apply({ state: { ...deck, walk: null }, effect: 'announce-slide', handled: true });
      else {
        const outcome = startWalk(deck, stops.length);
        if (outcome.handled) apply(outcome);
        else setAnnouncement('This slide has no flow to walk.');
      }
      return true;
    }
    const outcome = pressKey({ ...deck, count }, key);
    if (!outcome.handled) return false;
    apply(outcome);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const onButton = event.target instanceof HTMLButtonElement;
    // A focused button keeps Enter and Space for itself.
    if (onButton && (event.key === 'Enter' || event.key === ' ') && !deck.typed) return;
    if ((event.key === 'p' || event.key === 'P') && !deck.help) {
      event.preventDefault();
      event.stopPropagation();
      openPresenter();
      return;
    }
    if (!handleKey(event.key)) return;
    event.preventDefault();
    event.stopPropagation();
  };

  // The presenter view: its keys drive this deck; it gets the slides and every change of state.
  const startedAt = useRef(Date.now());
  const popup = useRef<Window | null>(null);
  const keyFromPresenter = useRef(handleKey);
  keyFromPresenter.current = handleKey;
  const channel = useRef<ReturnType<typeof openPresenterChannel>>(null);
  const deckMessage = useMemo(() => {
    if (!data) return null;
    const svg = (wf: typeof data.asIs, analysis: typeof data.generated.asIsAnalysis, heat: 'load' | null) =>
      wf ? renderWorkflowSvg(wf, { roles: data.roles, analysis, heat }).svg : null;
    return deckMessageOf({
      workflowName: data.subject.name,
      slides,
      story: data.generated.story,
      roles: [...data.roles],
      diagrams: {
        'as-is': svg(data.asIs, data.generated.asIsAnalysis, 'load'),
        'to-be': svg(data.toBe, data.generated.toBeAnalysis, null),
      },
    });
  }, [data, slides]);
  const stateMessage = {
    type: 'state' as const,
    index,
    count,
    screen: deck.screen,
    walk: deck.walk,
    startedAt: startedAt.current,
  };
  const latest = useRef({ deckMessage, stateMessage });
  latest.current = { deckMessage, stateMessage };
  useEffect(() => {
    const opened = openPresenterChannel((message) => {
      if (message.type === 'hello') {
        if (latest.current.deckMessage) opened?.post(latest.current.deckMessage);
        opened?.post(latest.current.stateMessage);
      } else if (message.type === 'key') keyFromPresenter.current(message.key);
    });
    channel.current = opened;
    return () => {
      opened?.post({ type: 'end' });
      opened?.close();
      channel.current = null;
      popup.current?.close();
      void getPlatform()
        .closePresenterWindow?.()
        .catch(() => {});
    };
  }, []);
  useEffect(() => {
    if (deckMessage) channel.current?.post(deckMessage);
  }, [deckMessage]);
  useEffect(() => {
    channel.current?.post(latest.current.stateMessage);
  }, [index, count, deck.screen, deck.walk]);

  const openPresenter = () => {
    const platform = getPlatform();
    if (platform.openPresenterWindow) {
      void platform
        .openPresenterWindow()
        .then((r) =>
          setAnnouncement(
            r.otherDisplay ? 'Presenter view opened on the other display.' : 'Presenter view opened.',
          ),
        )
        .catch(() => setAnnouncement('The presenter view could not be opened.'));
      return;
    }
    const url = `${window.location.pathname}${window.location.search}${PRESENTER_HASH}`;
    const opened = window.open(url, 'coarchitect-presenter', 'popup,width=1100,height=720');
    if (opened) {
      popup.current = opened;
      setAnnouncement('Presenter view opened in a new window.');
    } else setAnnouncement('The presenter view was blocked: allow pop-ups for this page.');
  };

  // On the window, in the capture phase: the keys are the deck's wherever the focus is (a dialog that
  // closed may hand it back to the inert app), and the app's own shortcuts never see them.
  const keyHandler = useRef(onKeyDown);
  keyHandler.current = onKeyDown;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);

  const press = (key: string) => apply(pressKey({ ...deck, count }, key));

  if (!data) return null;
  const diagram = (kind: 'as-is' | 'to-be') => {
    const workflow = kind === 'as-is' ? data.asIs : data.toBe;
    if (!workflow) return null;
    const analysis = kind === 'as-is' ? data.generated.asIsAnalysis : data.generated.toBeAnalysis;
    return (
      <DiagramSlide
        workflow={workflow}
        roles={data.roles}
        analysis={analysis}
        heat={kind === 'as-is' ? 'load' : null}
        stops={stops}
        walk={deck.walk}
        skills={data.skills}
      />
    );
  };

  return createPortal(
    <div
      ref={root}
      className={`presentation presentation-theme screen-${deck.screen}`}
      role="dialog"
      aria-modal="true"
      aria-label="Presentation"
      tabIndex={-1}
    >
      <div
        className="presentation-live visually-hidden"
        role="status"
        aria-live="polite"
        aria-label="Slide announcements"
      >
        {announcement}
      </div>
      {deck.screen === 'slide' ? (
        <section
          className="slide"
          aria-label={slide ? slideText(index) : 'No slides'}
          aria-roledescription="slide"
        >
          <h2 className="slide-heading">
            {slide?.content?.kind === 'title'
              ? slide.content.workflowName
              : (slide?.title ?? 'No slides to show')}
          </h2>
          <div className="slide-content">
            {slide ? (
              <SlideBody
                slide={slide}
                context={{ story: data.generated.story, roles: data.roles, diagram }}
              />
            ) : (
              <p className="slide-missing">
                Every slide is hidden: show some in the story editor (Edit story…).
              </p>
            )}
          </div>
        </section>
      ) : (
        <p className="visually-hidden">
          {deck.screen === 'black' ? 'Black screen' : 'White screen'}: press Escape to return.
        </p>
      )}
      {deck.screen === 'slide' && (
        <footer className="presentation-controls" aria-label="Presentation controls">
          <button
            type="button"
            className="icon"
            aria-label="Previous slide"
            onClick={() => press('ArrowLeft')}
            disabled={index === 0 && deck.walk === null}
          >
            <ChevronLeft size={20} aria-hidden />
          </button>
          <span className="slide-number">
            {deck.typed ? `Go to ${deck.typed}…` : `${index + 1} / ${count}`}
          </span>
          <button
            type="button"
            className="icon"
            aria-label="Next slide"
            onClick={() => press('ArrowRight')}
            disabled={index === count - 1 && deck.walk === null}
          >
            <ChevronRight size={20} aria-hidden />
          </button>
          {stops.length > 0 && (
            <button
              type="button"
              aria-pressed={deck.walk !== null}
              onClick={() =>
                deck.walk !== null
                  ? apply({ state: { ...deck, walk: null }, effect: 'announce-slide', handled: true })
                  : apply(startWalk(deck, stops.length))
              }
            >
              <Footprints size={18} aria-hidden /> Walk the flow
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={openPresenter}>
            <MonitorSpeaker size={18} aria-hidden /> Presenter view
          </button>
          <button type="button" className="icon" aria-label="Keys" onClick={() => press('?')}>
            <CircleHelp size={20} aria-hidden />
          </button>
          <button type="button" className="icon" aria-label="End presentation" onClick={onLeave}>
            <X size={20} aria-hidden />
          </button>
        </footer>
      )}
      {deck.notes && deck.screen === 'slide' && slide && (
        <aside className="presentation-notes" aria-label="Speaker notes">
          <h2>Speaker notes</h2>
          <p>{slide.notes.trim() || 'No notes for this slide (write them in Edit story…).'}</p>
        </aside>
      )}
      {deck.help && (
        <div className="presentation-help" role="region" aria-label="Presentation keys">
          <h2>Keys</h2>
          <table>
            <tbody>
              {DECK_KEYS.map(([keys, what]) => (
                <tr key={keys}>
                  <th scope="row">{keys}</th>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => press('Escape')}>
            Close keys
          </button>
        </div>
      )}
    </div>,
    document.body,
  );
}

/** Ends the presentation the way every other path does (the Present button, Electron's menu). */
export function endPresentation(): void {
  dispatchCommand('present-end');
}
