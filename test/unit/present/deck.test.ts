/** The presentation's keys: navigation, number + Enter, black and white screens, the walk, and Escape's order. */
import { describe, expect, it } from 'vitest';
import { initialDeck, pressKey, startWalk, type DeckState } from '../../../renderer/present/deck';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { mainPath, walkStops } from '../../../shared/story/mainPath';

const press = (state: DeckState, ...keys: string[]) => keys.reduce((s, k) => pressKey(s, k).state, state);

describe('pressKey', () => {
  it('goes forward and back with every next and previous key, and stops at both ends', () => {
    let s = initialDeck(9);
    for (const key of ['ArrowRight', 'ArrowDown', ' ', 'PageDown']) s = pressKey(s, key).state;
    expect(s.index).toBe(4);
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp']) s = pressKey(s, key).state;
    expect(s.index).toBe(1);
    expect(press(s, 'End').index).toBe(8);
    expect(press(s, 'End', 'ArrowRight').index).toBe(8);
    expect(pressKey(press(s, 'End'), 'ArrowRight').effect).toBeNull();
    expect(press(s, 'Home', 'ArrowLeft').index).toBe(0);
    expect(pressKey(s, 'ArrowRight').effect).toBe('announce-slide');
  });

  it('jumps to a typed number on Enter and refuses a slide that does not exist', () => {
    const s = initialDeck(9);
    expect(press(s, '4', 'Enter').index).toBe(3);
    expect(press(s, '1', '2', 'Backspace', 'Enter').index).toBe(0);
    const far = pressKey(press(s, '1', '2'), 'Enter');
    expect(far.effect).toBe('no-such-slide');
    expect(far.state).toMatchObject({ index: 0, typed: '' });
    expect(pressKey(s, 'Enter').handled).toBe(false);
  });

  it('B and W toggle black and white; Escape leaves them, then the key list, then the presentation', () => {
    const s = initialDeck(9, 2);
    expect(press(s, 'b').screen).toBe('black');
    expect(press(s, 'b', 'b').screen).toBe('slide');
    expect(press(s, 'W').screen).toBe('white');
    const black = press(s, 'B');
    const once = pressKey(black, 'Escape');
    expect(once.state.screen).toBe('slide');
    expect(once.effect).toBeNull();
    expect(pressKey(once.state, 'Escape').effect).toBe('leave');
    const help = press(s, '?');
    expect(help.help).toBe(true);
    expect(pressKey(help, 'ArrowRight')).toMatchObject({ handled: false, state: { index: 2 } });
    expect(pressKey(help, 'Escape').state.help).toBe(false);
    expect(pressKey(help, 'Escape').effect).toBeNull();
    expect(pressKey(press(s, '5'), 'Escape').state).toMatchObject({ typed: '', index: 2 });
    const notes = press(s, 'n');
    expect(notes.notes).toBe(true);
    expect(press(notes, 'N').notes).toBe(false);
    expect(pressKey(notes, 'Escape')).toMatchObject({ effect: null, state: { notes: false } });
    // Notes stay open from slide to slide.
    expect(press(notes, 'ArrowRight')).toMatchObject({ index: 3, notes: true });
  });

  it('walks the flow with the arrow keys and Escape leaves the walk before the presentation', () => {
    const walking = startWalk(initialDeck(9, 2), 4);
    expect(walking.effect).toBe('announce-walk');
    expect(press(walking.state, 'ArrowRight', 'ArrowRight').walk).toBe(2);
    expect(press(walking.state, 'End', 'ArrowRight').walk).toBe(3);
    expect(press(walking.state, 'ArrowLeft').walk).toBe(0);
    expect(press(walking.state, 'ArrowRight').index).toBe(2);
    const left = pressKey(walking.state, 'Escape');
    expect(left.state.walk).toBeNull();
    expect(left.effect).toBe('announce-slide');
    expect(startWalk(initialDeck(9), 0).handled).toBe(false);
    // Leaving the slide ends the walk.
    expect(press(walking.state, '5', 'Enter')).toMatchObject({ index: 4, walk: null });
  });
});

describe('mainPath', () => {
  it('follows the most likely branch of the customer-support to-be from start to end', () => {
    const toBe = customerSupportExample().workflows.find((w) => w.kind === 'to-be')!;
    expect(mainPath(toBe).map((s) => s.name)).toEqual([
      'Ticket received',
      'Auto-triage',
      'AI drafts reply',
      'Agent edits AI draft',
      'Hard case?',
      'Send reply',
      'Ticket resolved',
    ]);
    expect(walkStops(toBe).map((s) => s.name)).toEqual([
      'Auto-triage',
      'AI drafts reply',
      'Agent edits AI draft',
      'Send reply',
    ]);
  });

  it('stops on a cycle and is empty without steps', () => {
    const toBe = customerSupportExample().workflows.find((w) => w.kind === 'to-be')!;
    const looped = {
      ...toBe,
      edges: [
        ...toBe.edges,
        {
          ...toBe.edges[0]!,
          id: 'back',
          source: toBe.steps[2]!.id,
          target: toBe.steps[1]!.id,
          probability: 1,
        },
      ],
    };
    expect(mainPath(looped).length).toBeGreaterThan(0);
    expect(mainPath({ ...toBe, steps: [], edges: [] })).toEqual([]);
  });
});
