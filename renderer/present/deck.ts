/**
 * The presentation's keyboard, as a pure function of its state: which slide, black or white screen, the key
 * list, a slide number being typed, and the stop of "Walk the flow". Kept apart from the component so every
 * key and the order in which Escape leaves things are unit-tested.
 */

export type Screen = 'slide' | 'black' | 'white';

export interface DeckState {
  /** 0-based index of the shown slide among the visible slides. */
  index: number;
  count: number;
  screen: Screen;
  help: boolean;
  /** The speaker notes of the slide are shown (a rehearsal on one screen: the room sees them too). */
  notes: boolean;
  /** Digits typed for "number + Enter". */
  typed: string;
  /** The stop of Walk the flow (0-based), or null when not walking. */
  walk: number | null;
  /** How many stops the walk has (0: this slide cannot be walked). */
  walkStops: number;
}

export type DeckEffect = 'leave' | 'announce-slide' | 'announce-walk' | 'no-such-slide' | null;

export interface DeckResult {
  state: DeckState;
  effect: DeckEffect;
  /** The key was the presentation's: the browser's default (scrolling, F5) is prevented. */
  handled: boolean;
}

export function initialDeck(count: number, index = 0): DeckState {
  return { index, count, screen: 'slide', help: false, notes: false, typed: '', walk: null, walkStops: 0 };
}

const NEXT = new Set(['ArrowRight', 'ArrowDown', ' ', 'Spacebar', 'PageDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

const result = (state: DeckState, effect: DeckEffect = null, handled = true): DeckResult => ({
  state,
  effect,
  handled,
});

function goTo(state: DeckState, index: number): DeckResult {
  const clamped = Math.max(0, Math.min(state.count - 1, index));
  const next = { ...state, index: clamped, screen: 'slide' as const, typed: '', walk: null, walkStops: 0 };
  return result(next, clamped === state.index && state.walk === null ? null : 'announce-slide');
}

function walkTo(state: DeckState, stop: number): DeckResult {
  const clamped = Math.max(0, Math.min(state.walkStops - 1, stop));
  return result({ ...state, walk: clamped, screen: 'slide', typed: '' }, 'announce-walk');
}

/** The deck after one key press (`key` as in KeyboardEvent.key). */
export function pressKey(state: DeckState, key: string): DeckResult {
  if (state.help) {
    if (key === 'Escape' || key === '?') return result({ ...state, help: false });
    return result(state, null, false);
  }
  if (key === 'Escape') {
    if (state.typed) return result({ ...state, typed: '' });
    if (state.screen !== 'slide') return result({ ...state, screen: 'slide' });
    if (state.notes) return result({ ...state, notes: false });
    if (state.walk !== null) return result({ ...state, walk: null }, 'announce-slide');
    return result(state, 'leave');
  }
  if (key === '?') return result({ ...state, help: true, typed: '' });
  if (key === 'b' || key === 'B' || key === '.')
    return result({ ...state, screen: state.screen === 'black' ? 'slide' : 'black', typed: '' });
  if (key === 'w' || key === 'W' || key === ',')
    return result({ ...state, screen: state.screen === 'white' ? 'slide' : 'white', typed: '' });
  if (key === 'n' || key === 'N') return result({ ...state, notes: !state.notes, typed: '' });
  if (/^[0-9]$/.test(key)) return result({ ...state, typed: (state.typed + key).slice(-3) });
  if (key === 'Backspace' && state.typed) return result({ ...state, typed: state.typed.slice(0, -1) });
  if (key === 'Enter' && state.typed) {
    const number = Number(state.typed);
    if (number < 1 || number > state.count) return result({ ...state, typed: '' }, 'no-such-slide');
    return goTo(state, number - 1);
  }
  if (state.walk !== null) {
    if (NEXT.has(key)) return walkTo(state, state.walk + 1);
    if (PREVIOUS.has(key)) return walkTo(state, state.walk - 1);
    if (key === 'Home') return walkTo(state, 0);
    if (key === 'End') return walkTo(state, state.walkStops - 1);
  }
  if (NEXT.has(key)) return goTo(state, state.index + 1);
  if (PREVIOUS.has(key)) return goTo(state, state.index - 1);
  if (key === 'Home') return goTo(state, 0);
  if (key === 'End') return goTo(state, state.count - 1);
  return result(state, null, false);
}

/** Starts Walk the flow on the shown slide (with `stops` stops); nothing when there is nothing to walk. */
export function startWalk(state: DeckState, stops: number): DeckResult {
  if (stops === 0) return result(state, null, false);
  return result({ ...state, walkStops: stops, walk: 0, screen: 'slide', typed: '' }, 'announce-walk');
}

/** The keys, for the "?" list: what a presenter presses and what it does. */
export const DECK_KEYS: readonly (readonly [string, string])[] = [
  ['→ ↓ Space Page Down', 'Next slide (next step while walking the flow)'],
  ['← ↑ Page Up', 'Previous slide (previous step while walking)'],
  ['Home / End', 'First / last slide'],
  ['Number, then Enter', 'Go to that slide'],
  ['B', 'Black screen (again to return)'],
  ['W', 'White screen (again to return)'],
  ['F', 'Walk the flow on a diagram slide'],
  ['N', 'Show or hide the speaker notes (the room sees them too)'],
  ['P', 'Presenter view in its own window: current and next slide, notes, timer'],
  ['?', 'Show or hide these keys'],
  [
    'Esc',
    'Leave the key list, black or white screen, the notes or the walk; then full screen; then end the presentation',
  ],
];
