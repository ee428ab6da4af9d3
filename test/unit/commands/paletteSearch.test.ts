import { describe, expect, it } from 'vitest';
import { bestMatches, matchScore, queryWords } from '../../../renderer/commands/paletteSearch';

describe('palette search', () => {
  it('splits the query into lower-case words', () => {
    expect(queryWords('  Draft  REPLY ')).toEqual(['draft', 'reply']);
  });

  it('scores the start of a text over a word start over the inside of a word, earlier fields higher', () => {
    // One field: 3 at the start, 2 at a word start, 1 inside a word.
    expect(matchScore(['draft'], ['draft reply'])).toBe(3);
    expect(matchScore(['reply'], ['draft reply'])).toBe(2);
    expect(matchScore(['raft'], ['draft reply'])).toBe(1);
    // Two fields: the first counts double.
    expect(matchScore(['agent'], ['agent edits', 'task · agent'])).toBe(6);
    expect(matchScore(['agent'], ['draft', 'task · support agent'])).toBe(2);
    // Every word must be found; the scores add up.
    expect(matchScore(['draft', 'reply'], ['draft reply'])).toBe(5);
    expect(matchScore(['draft', 'nope'], ['draft reply'])).toBe(0);
    expect(matchScore([], ['anything'])).toBe(1);
  });

  it('returns the best matches first, equal ones in their order, and counts all matches', () => {
    const items = ['Autoreply', 'Send reply', 'Draft reply', 'Triage', 'Reply check'];
    const fields = (s: string) => [s.toLowerCase()];
    const found = bestMatches(items, 'reply', fields);
    // "Reply check" starts with it (3), "Send reply" and "Draft reply" have it as a word (2), "Autoreply" inside (1).
    expect(found.items).toEqual(['Reply check', 'Send reply', 'Draft reply', 'Autoreply']);
    expect(found.total).toBe(4);
    const limited = bestMatches(items, 'reply', fields, 2);
    expect(limited.items).toEqual(['Reply check', 'Send reply']);
    expect(limited.total).toBe(4);
  });
});
