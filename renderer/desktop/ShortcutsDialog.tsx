/** Help › Keyboard shortcuts: the menu's shortcuts (from the same table the menu is built from) and the editor's. */
import { COMMAND_INFO, type MenuCommand } from '../../shared/ipc';
import { Dialog } from '../ui/Dialog';

const MENU_SHORTCUTS: MenuCommand[] = [
  'new-workflow',
  'open',
  'import',
  'export-workflow',
  'export-workspace',
  'save-copy',
  'close-workflow',
  'undo',
  'redo',
  'fit-view',
  'present',
  'shortcuts',
];

const OTHER_SHORTCUTS: [string, string][] = [
  ['Delete the selected step or connection', 'Delete'],
  ['Cut, copy, paste text', 'CmdOrCtrl+X, CmdOrCtrl+C, CmdOrCtrl+V'],
  ['Select all text', 'CmdOrCtrl+A'],
  ['Zoom in, out, actual size', 'CmdOrCtrl+Plus, CmdOrCtrl+-, CmdOrCtrl+0'],
  ['Leave full screen or the presentation', 'Escape'],
  ['Close a dialog', 'Escape'],
];

export function isMacPlatform(nav: Pick<Navigator, 'userAgent'> = navigator): boolean {
  return /Mac|iPhone|iPad/.test(nav.userAgent);
}

/** "CmdOrCtrl+Shift+E" as the keys are labelled: ⌘⇧E on a Mac, Ctrl+Shift+E elsewhere. */
export function formatAccelerator(accelerator: string, mac: boolean): string {
  return accelerator
    .split(/,\s*/)
    .map((combo) => {
      const keys = combo.split('+').map((key, i, all) => (key === '' && i === all.length - 1 ? '+' : key));
      if (!mac) return keys.map((key) => (key === 'CmdOrCtrl' ? 'Ctrl' : key)).join('+');
      const symbols: Record<string, string> = { CmdOrCtrl: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };
      return keys.map((key) => symbols[key] ?? key).join('');
    })
    .join(', ');
}

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const mac = isMacPlatform();
  const rows: [string, string][] = [
    ...MENU_SHORTCUTS.map((command): [string, string] => [
      COMMAND_INFO[command].label.replace(/…$/, ''),
      COMMAND_INFO[command].accelerator ?? '',
    ]),
    ...OTHER_SHORTCUTS,
  ];
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title="Keyboard shortcuts"
      actions={
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      }
    >
      <table className="shortcuts" aria-label="Keyboard shortcuts">
        <tbody>
          {rows.map(([label, accelerator]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                <kbd>{formatAccelerator(accelerator, mac)}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
