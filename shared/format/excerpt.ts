/**
 * A value as it may appear in a message: short, on one line, with invisible characters made visible. A file
 * can hold a ten-megabyte name, right-to-left overrides that reorder the message around them, or zero-width
 * characters that make two different ids look alike; a message must show none of that raw.
 */

/** Characters that are invisible or reorder text: controls, zero-width, bidirectional marks and overrides. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this must find
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** At most `max` characters of `text` (default 60), with the number of characters cut said in the text. */
export function excerpt(text: string, max = 60): string {
  const cut = text.length > max;
  // Cut before escaping, so a huge value is never copied whole; never split a surrogate pair.
  let head = cut ? text.slice(0, max) : text;
  if (cut && /[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  const visible = head.replace(
    INVISIBLE,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return cut
    ? `${visible}… (${(text.length - head.length).toLocaleString('en-US')} more characters)`
    : visible;
}

/** Any JSON value, shortened for a message: strings quoted, objects and lists summarised. */
export function excerptValue(value: unknown, max = 60): string {
  if (typeof value === 'string') return `"${excerpt(value, max)}"`;
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  return excerpt(String(value), max);
}
