/**
 * Text made safe for SVG/HTML and for display: markup characters become entities, and invisible controls
 * (bidirectional overrides, C0 controls) become visible code points, so a hostile label shows as plain text
 * and can neither inject markup nor reorder the text around it.
 */

/** Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the C0/C1 controls. */
// eslint-disable-next-line no-control-regex
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Invisible controls written as ⟨U+202E⟩; tabs and line breaks kept. */
export function showControls(text: string): string {
  return text.replace(
    INVISIBLE_CONTROLS,
    (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
}

/** A label as it should be shown on one line: controls visible, whitespace collapsed. */
export function visibleText(text: string): string {
  return showControls(text).replace(/\s+/g, ' ').trim();
}

/** Escapes text for an XML text node or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return visibleText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
