/**
 * The presenter channel's messages: what parses and what is dropped, the deck round trip, the timer's text.
 */
import { describe, expect, it } from 'vitest';
import {
  deckMessage,
  deckOf,
  formatElapsed,
  PresenterMessageSchema,
} from '../../../renderer/present/presenterSync';

describe('presenter messages', () => {
  it('parses the deck state, keys and the end, and drops anything else', () => {
    const state = { type: 'state', index: 2, count: 9, screen: 'black', walk: null, startedAt: 1 };
    expect(PresenterMessageSchema.safeParse(state).success).toBe(true);
    expect(PresenterMessageSchema.safeParse({ type: 'key', key: 'ArrowRight' }).success).toBe(true);
    expect(PresenterMessageSchema.safeParse({ type: 'end' }).success).toBe(true);
    for (const bad of [
      { ...state, index: -1 },
      { ...state, screen: 'red' },
      { ...state, extra: true },
      { type: 'key', key: '' },
      { type: 'key', key: 'x'.repeat(21) },
      { type: 'eval', code: 'alert(1)' },
      'hello',
      null,
    ])
      expect(PresenterMessageSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('sends the deck and reads it back', () => {
    const deck = {
      workflowName: 'Flow',
      slides: [{ kind: 'title', title: 'Title', hidden: false, notes: 'Hi', missing: null, content: null }],
      story: { version: 1 } as never,
      roles: [],
      diagrams: { 'as-is': '<svg/>', 'to-be': null },
    };
    const message = deckMessage(deck as never);
    const parsed = PresenterMessageSchema.parse(message);
    if (parsed.type !== 'deck') throw new Error('not a deck');
    expect(deckOf(parsed)).toEqual(deck);
  });

  it('writes the time presenting as mm:ss, with hours past the hour', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(65_400)).toBe('01:05');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
    expect(formatElapsed(-5)).toBe('00:00');
  });
});
