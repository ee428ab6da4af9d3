/**
 * "?" or Help › Keyboard shortcuts: every registered action that has keys, by group, then the menu's own
 * accelerators that are no action here, the keys the browser or canvas handle, and the canvas gestures.
 */
import { COMMAND_INFO, type MenuCommand } from '../../shared/ipc';
import { Dialog } from '../ui/Dialog';
import { formatAccelerator, formatKeys, isMacPlatform } from './keys';
import { ACTION_GROUPS, useActions, type Action } from './registry';
import './commands.css';

/** Menu commands with accelerators; those an action also covers are listed with the action. */
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

/** Keys handled by Electron's menu roles, the browser or React Flow (Electron accelerator syntax). */
const OTHER_SHORTCUTS: [string, string][] = [
  ['Delete the selected step or connection', 'Delete'],
  ['Cut, copy, paste text', 'CmdOrCtrl+X, CmdOrCtrl+C, CmdOrCtrl+V'],
  ['Select all text', 'CmdOrCtrl+A'],
  ['Zoom the window in, out, actual size', 'CmdOrCtrl+Plus, CmdOrCtrl+-, CmdOrCtrl+0'],
  ['Close a dialog', 'Escape'],
];

/** Mouse and touch: described in words, there is no key to format. */
const CANVAS_GESTURES: [string, string][] = [
  ['Select several steps', 'Shift+click'],
  ['Select with a box', 'Shift+drag'],
  ['Pan the diagram', 'Drag the empty canvas'],
  ['Zoom the diagram', 'Mouse wheel or pinch'],
];

const withoutEllipsis = (label: string) => label.replace(/…$/, '');

interface Row {
  label: string;
  keys: string[];
}

export function shortcutSections(actions: readonly Action[], mac: boolean): { title: string; rows: Row[] }[] {
  const seen = new Set<string>();
  const withKeys = actions.filter((a) => {
    if (!a.keys?.length || seen.has(a.id)) return false;
    seen.add(a.id);
    return true;
  });
  const covered = new Set(withKeys.map((a) => a.menuCommand));
  const menuRows = MENU_SHORTCUTS.filter((c) => !covered.has(c) && COMMAND_INFO[c].accelerator).map(
    (c): Row => ({
      label: withoutEllipsis(COMMAND_INFO[c].label),
      keys: [formatAccelerator(COMMAND_INFO[c].accelerator ?? '', mac)],
    }),
  );
  const sections = ACTION_GROUPS.map((group) => ({
    title: group,
    rows: withKeys
      .filter((a) => a.group === group)
      .map((a): Row => ({
        label: withoutEllipsis(a.title),
        keys: (a.keys ?? []).map((k) => formatKeys(k, mac)),
      })),
  }));
  return [
    ...sections,
    { title: 'Menu', rows: menuRows },
    {
      title: 'Text and window',
      rows: OTHER_SHORTCUTS.map(([label, keys]) => ({ label, keys: [formatAccelerator(keys, mac)] })),
    },
    { title: 'Canvas', rows: CANVAS_GESTURES.map(([label, gesture]) => ({ label, keys: [gesture] })) },
  ].filter((s) => s.rows.length > 0);
}

export function ShortcutSheet({ open, onClose }: { open: boolean; onClose(): void }) {
  const actions = useActions();
  const sections = shortcutSections(actions, isMacPlatform());
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
      <div className="shortcut-sheet">
        {sections.map((section) => (
          <table key={section.title} className="shortcuts" aria-label={section.title}>
            <caption>{section.title}</caption>
            <tbody>
              {section.rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>
                    {row.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && ', '}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </Dialog>
  );
}
