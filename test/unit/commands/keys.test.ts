import { describe, expect, it } from 'vitest';
import {
  formatAccelerator,
  formatKeys,
  keysFromAccelerator,
  matchesKey,
  parseKey,
  type KeyEventLike,
} from '../../../renderer/commands/keys';

function key(k: string, init: Partial<Omit<KeyEventLike, 'key'>> = {}): KeyEventLike {
  return { key: k, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init };
}

describe('matchesKey', () => {
  it('reads Mod as Ctrl elsewhere and ⌘ on a Mac, and not the other way round', () => {
    expect(matchesKey(key('k', { ctrlKey: true }), 'Mod+K', false)).toBe(true);
    expect(matchesKey(key('k', { metaKey: true }), 'Mod+K', false)).toBe(false);
    expect(matchesKey(key('k', { metaKey: true }), 'Mod+K', true)).toBe(true);
    expect(matchesKey(key('k', { ctrlKey: true }), 'Mod+K', true)).toBe(false);
    expect(matchesKey(key('k'), 'Mod+K', false)).toBe(false);
  });

  it('requires exactly the written modifiers for letters', () => {
    expect(matchesKey(key('z', { ctrlKey: true }), 'Mod+Z', false)).toBe(true);
    expect(matchesKey(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Z', false)).toBe(false);
    expect(matchesKey(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+Z', false)).toBe(true);
    expect(matchesKey(key('z', { ctrlKey: true }), 'Mod+Shift+Z', false)).toBe(false);
    expect(matchesKey(key('z', { ctrlKey: true, altKey: true }), 'Mod+Z', false)).toBe(false);
  });

  it('ignores the case of letters', () => {
    // Caps Lock on: the key arrives upper case without Shift.
    expect(matchesKey(key('Z', { ctrlKey: true }), 'Mod+z', false)).toBe(true);
    expect(matchesKey(key('f', { metaKey: true }), 'Mod+F', true)).toBe(true);
  });

  it('treats "?" and "Shift+?" alike, whatever Shift the layout needs for "?"', () => {
    const usQuestion = key('?', { shiftKey: true, code: 'Slash' });
    expect(matchesKey(usQuestion, 'Shift+?', false)).toBe(true);
    expect(matchesKey(usQuestion, '?', false)).toBe(true);
    expect(matchesKey(key('?'), 'Shift+?', false)).toBe(true);
    expect(matchesKey(key('/', { code: 'Slash' }), 'Shift+?', false)).toBe(false);
    expect(matchesKey(key('?', { ctrlKey: true, shiftKey: true }), 'Shift+?', false)).toBe(false);
  });

  it('matches arrows and named keys by name, Shift included', () => {
    expect(matchesKey(key('ArrowLeft'), 'ArrowLeft', false)).toBe(true);
    expect(matchesKey(key('ArrowLeft', { shiftKey: true }), 'ArrowLeft', false)).toBe(false);
    expect(matchesKey(key('ArrowLeft', { shiftKey: true }), 'Shift+ArrowLeft', false)).toBe(true);
    expect(matchesKey(key('ArrowRight'), 'ArrowLeft', false)).toBe(false);
    expect(matchesKey(key('Escape'), 'Escape', false)).toBe(true);
    expect(matchesKey(key('Escape'), 'Esc', false)).toBe(true);
    expect(matchesKey(key('F5'), 'F5', true)).toBe(true);
  });

  it('falls back to the physical key when ⌥ or the layout typed another character', () => {
    // ⌥1 types "¡" on a US Mac; Ctrl+Я on a Russian layout is the Z key.
    expect(matchesKey(key('¡', { altKey: true, code: 'Digit1' }), 'Alt+1', true)).toBe(true);
    expect(matchesKey(key('я', { ctrlKey: true, code: 'KeyZ' }), 'Mod+Z', false)).toBe(true);
    // On AZERTY the key labelled Z (code KeyW) types "z": it is Z, and the key at KeyZ ("w") is not.
    expect(matchesKey(key('z', { ctrlKey: true, code: 'KeyW' }), 'Mod+Z', false)).toBe(true);
    expect(matchesKey(key('w', { ctrlKey: true, code: 'KeyZ' }), 'Mod+Z', false)).toBe(false);
  });

  it('knows "+" by its name', () => {
    expect(parseKey('Mod+Plus').key).toBe('+');
    expect(parseKey('Mod++').key).toBe('+');
    expect(matchesKey(key('+', { ctrlKey: true, shiftKey: true }), 'Mod+Plus', false)).toBe(true);
  });
});

describe('formatKeys', () => {
  it('labels keys as each platform does', () => {
    expect(formatKeys('Mod+K', false)).toBe('Ctrl+K');
    expect(formatKeys('Mod+K', true)).toBe('⌘K');
    expect(formatKeys('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatKeys('Mod+Shift+Z', true)).toBe('⌘⇧Z');
    expect(formatKeys('Alt+2', true)).toBe('⌥2');
    expect(formatKeys('Shift+?', false)).toBe('?');
    expect(formatKeys('ArrowLeft', false)).toBe('←');
    expect(formatKeys('Shift+ArrowUp', false)).toBe('Shift+↑');
    expect(formatKeys('Escape', false)).toBe('Esc');
  });

  it('formats Electron accelerators through the same rules', () => {
    expect(keysFromAccelerator('CmdOrCtrl+Shift+E')).toBe('Mod+Shift+E');
    expect(formatAccelerator('CmdOrCtrl+Shift+E', false)).toBe('Ctrl+Shift+E');
    expect(formatAccelerator('CmdOrCtrl+Shift+E', true)).toBe('⌘⇧E');
    expect(formatAccelerator('F5', true)).toBe('F5');
    expect(formatAccelerator('CmdOrCtrl+Plus, CmdOrCtrl+-', false)).toBe('Ctrl+Plus, Ctrl+-');
    expect(formatAccelerator('CmdOrCtrl+/', false)).toBe('Ctrl+/');
  });
});
