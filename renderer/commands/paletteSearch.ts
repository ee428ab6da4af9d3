/**
 * The command palette's own matching: every word typed must occur in an item's texts; an item ranks higher
 * when the words start its name or one of its words. Our own rather than cmdk's fuzzy filter, so that with
 * thousands of steps only the best few are rendered (cmdk would mount and score every one of them).
 */

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** How well one lower-case word matches one lower-case text: 0 not at all, 1 inside, 2 a word start, 3 the start. */
function wordScore(word: string, text: string): number {
  let at = text.indexOf(word);
  if (at < 0) return 0;
  if (at === 0) return 3;
  for (; at > 0; at = text.indexOf(word, at + 1)) {
    if (!LETTER_OR_DIGIT.test(text.charAt(at - 1))) return 2;
  }
  return 1;
}

export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Score of an item whose texts are `fields` (lower case, most important first); 0 when some word is missing.
 * With no words every item scores 1.
 */
export function matchScore(words: readonly string[], fields: readonly string[]): number {
  if (words.length === 0) return 1;
  let total = 0;
  for (const word of words) {
    let best = 0;
    fields.forEach((field, i) => {
      // An earlier field weighs more: a word in the name beats the same word in the role.
      best = Math.max(best, wordScore(word, field) * (fields.length - i));
    });
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

export interface Ranked<T> {
  /** The best matches, best first; equal scores keep the items' order. */
  items: T[];
  /** How many items matched at all. */
  total: number;
}

/** The `limit` best items for a query; `fieldsOf` gives an item's texts in lower case, most important first. */
export function bestMatches<T>(
  items: readonly T[],
  query: string,
  fieldsOf: (item: T) => readonly string[],
  limit = Infinity,
): Ranked<T> {
  const words = queryWords(query);
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    const score = matchScore(words, fieldsOf(item));
    if (score > 0) scored.push({ item, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return { items: scored.slice(0, limit).map((s) => s.item), total: scored.length };
}
