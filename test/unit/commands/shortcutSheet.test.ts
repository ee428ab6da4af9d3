import { describe, expect, it, vi } from 'vitest';
import { appActions } from '../../../renderer/commands/appActions';
import { shortcutSections } from '../../../renderer/commands/ShortcutSheet';

const ui = {
  newWorkflow: vi.fn(),
  shortcuts: vi.fn(),
  palette: vi.fn(),
  privacy: vi.fn(),
  share: vi.fn(),
  restoreBackup: vi.fn(),
};

describe('shortcut sheet', () => {
  const sections = shortcutSections(appActions(ui, { isMac: false, nativeMenu: false }), false);
  const section = (title: string) => sections.find((s) => s.title === title);
  const row = (title: string, label: string) => section(title)?.rows.find((r) => r.label === label);

  it('lists the actions that have keys by group, every key of each', () => {
    expect(row('Help', 'Command palette')?.keys).toEqual(['Ctrl+K']);
    expect(row('Help', 'Keyboard shortcuts')?.keys).toEqual(['?', 'Ctrl+/']);
    expect(row('Edit', 'Redo')?.keys).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
    expect(row('File', 'Export workspace')?.keys).toEqual(['Ctrl+Shift+E']);
    expect(row('View', 'Analysis panel')?.keys).toEqual(['Alt+2']);
    // Actions without keys (the heat overlay) are for the palette only.
    expect(section('View')?.rows.some((r) => r.label.startsWith('Heat'))).toBe(false);
  });

  it('adds the menu accelerators no action covers, and the canvas gestures', () => {
    expect(section('Menu')?.rows).toEqual([
      { label: 'Save a copy as', keys: ['Ctrl+Shift+S'] },
      { label: 'Close', keys: ['Ctrl+W'] },
    ]);
    expect(row('Canvas', 'Select with a box')?.keys).toEqual(['Shift+drag']);
  });

  it('shows a Mac its symbols, and no Ctrl+Y there', () => {
    const mac = shortcutSections(appActions(ui, { isMac: true, nativeMenu: false }), true);
    const edit = mac.find((s) => s.title === 'Edit');
    expect(edit?.rows.find((r) => r.label === 'Redo')?.keys).toEqual(['⌘⇧Z']);
    const help = mac.find((s) => s.title === 'Help');
    expect(help?.rows.find((r) => r.label === 'Command palette')?.keys).toEqual(['⌘K']);
  });
});
