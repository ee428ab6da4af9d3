/**
 * Keyboard shortcuts as text: "Mod+K", "Mod+Shift+Z", "Alt+2", "Shift+?", "ArrowLeft", "F5". `Mod` is ⌘ on
 * macOS and Ctrl elsewhere; the last part is the key (`event.key`, case-insensitive; "Plus" and "Space" name
 * "+" and " "). Matching a keydown and showing a shortcut both read this one syntax.
 */

export interface ParsedKey {
  mod: boolean;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

export type KeyEventLike = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'
>;

const KEY_ALIASES: Record<string, string> = { plus: '+', space: ' ', esc: 'escape' };

export function parseKey(text: string): ParsedKey {
  const parts = text.split('+');
  // "Mod++" ends with an empty part: the key is "+" itself.
  const key = parts.length > 1 && parts[parts.length - 1] === '' ? '+' : (parts.pop() ?? '');
  const modifiers = new Set(parts.filter(Boolean).map((m) => m.toLowerCase()));
  return {
    mod: modifiers.has('mod'),
    ctrl: modifiers.has('ctrl'),
    meta: modifiers.has('meta') || modifiers.has('cmd'),
    alt: modifiers.has('alt'),
    shift: modifiers.has('shift'),
    key: KEY_ALIASES[key.toLowerCase()] ?? key,
  };
}

/** A single character that is neither a letter nor a digit: Shift is part of typing it ("?" is Shift+/). */
const isSymbol = (key: string) => key.length === 1 && !/[\p{L}\p{N}\s]/u.test(key);

/**
 * Whether a keydown is the shortcut `text`. Modifiers must match exactly (Mod+Z is not Mod+Shift+Z), except
 * that Shift is ignored for symbols, whose keyboard layout decides whether Shift is needed ("?" and "Shift+?"
 * are the same shortcut). Letters and digits also match by physical key when the layout or Alt (⌥ on a Mac)
 * turned them into another character.
 */
export function matchesKey(event: KeyEventLike, text: string, isMac: boolean): boolean {
  const want = parseKey(text);
  const ctrl = want.ctrl || (want.mod && !isMac);
  const meta = want.meta || (want.mod && isMac);
  if (event.ctrlKey !== ctrl || event.metaKey !== meta || event.altKey !== want.alt) return false;
  if (isSymbol(want.key)) return event.key === want.key;
  if (event.shiftKey !== want.shift) return false;
  if (event.key.toLowerCase() === want.key.toLowerCase()) return true;
  return codeMatches(event, want.key);
}

function codeMatches(event: KeyEventLike, key: string): boolean {
  const typedAscii = event.key.length === 1 && /[\x20-\x7e]/.test(event.key);
  // Only when the typed character cannot be the key (Cyrillic layout, ⌥-characters): on AZERTY "Mod+Z" stays Z.
  if (typedAscii && !event.altKey) return false;
  if (/^[a-z]$/i.test(key)) return event.code === `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return event.code === `Digit${key}`;
  return false;
}

const KEY_LABELS: Record<string, string> = {
  arrowleft: '←',
  arrowright: '→',
  arrowup: '↑',
  arrowdown: '↓',
  escape: 'Esc',
  ' ': 'Space',
  '+': 'Plus',
};
const MAC_SYMBOLS = { ctrl: '⌃', alt: '⌥', shift: '⇧', meta: '⌘' } as const;

/** How a shortcut is labelled on this platform: "Ctrl+Shift+Z" elsewhere, "⌘⇧Z" on a Mac, "?" for Shift+?. */
export function formatKeys(text: string, isMac: boolean): string {
  const k = parseKey(text);
  const key = KEY_LABELS[k.key.toLowerCase()] ?? (k.key.length === 1 ? k.key.toUpperCase() : k.key);
  // Modifiers in the order they are written, so "CmdOrCtrl+Shift+E" reads ⌘⇧E as the menu shows it.
  const order = text
    .split('+')
    .slice(0, -1)
    .map((m) => m.toLowerCase());
  const modifiers: string[] = [];
  for (const m of order) {
    if (m === 'shift' && isSymbol(k.key)) continue;
    if (m === 'mod') modifiers.push(isMac ? MAC_SYMBOLS.meta : 'Ctrl');
    else if (m === 'ctrl') modifiers.push(isMac ? MAC_SYMBOLS.ctrl : 'Ctrl');
    else if (m === 'meta' || m === 'cmd') modifiers.push(isMac ? MAC_SYMBOLS.meta : 'Meta');
    else if (m === 'alt') modifiers.push(isMac ? MAC_SYMBOLS.alt : 'Alt');
    else if (m === 'shift') modifiers.push(isMac ? MAC_SYMBOLS.shift : 'Shift');
  }
  return isMac ? [...modifiers, key].join('') : [...modifiers, key].join('+');
}

/** An Electron accelerator ("CmdOrCtrl+Shift+E", "F5") in this module's syntax. */
export function keysFromAccelerator(accelerator: string): string {
  return accelerator.replace(/\bCmdOrCtrl\b|\bCommandOrControl\b/g, 'Mod');
}

/** Electron accelerators as the keys are labelled; several are separated by commas ("CmdOrCtrl+X, CmdOrCtrl+C"). */
export function formatAccelerator(accelerator: string, isMac: boolean): string {
  return accelerator
    .split(/,\s*/)
    .map((combo) => formatKeys(keysFromAccelerator(combo), isMac))
    .join(', ');
}

export function isMacPlatform(nav: Pick<Navigator, 'userAgent'> | undefined = globalThis.navigator): boolean {
  return nav !== undefined && /Mac|iPhone|iPad/.test(nav.userAgent);
}
