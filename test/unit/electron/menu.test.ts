import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, MENU_IDS, type MenuActions, type MenuModel } from '../../../electron/menu';
import { COMMAND_INFO, MenuCommandSchema } from '../../../shared/ipc';

const PLATFORMS = ['linux', 'win32', 'darwin'] as const;

function actions() {
  return {
    command: vi.fn(),
    close: vi.fn(),
    present: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
  } satisfies MenuActions;
}

function model(overrides: Partial<MenuModel> = {}): MenuModel {
  return {
    platform: 'linux',
    appName: 'Coarchitect',
    isPackaged: true,
    state: { workflowOpen: true, hasWorkflows: true },
    recent: [],
    ...overrides,
  };
}

function leaves(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items
    .flatMap((item) => (Array.isArray(item.submenu) ? [item, ...leaves(item.submenu)] : [item]))
    .filter((item) => !Array.isArray(item.submenu));
}

function byId(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = leaves(items).find((item) => item.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

function recentSubmenu(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const file = template.find((item) => item.label === '&File')!.submenu as MenuItemConstructorOptions[];
  return file.find((item) => item.id === MENU_IDS.openRecent)!.submenu as MenuItemConstructorOptions[];
}

function click(item: MenuItemConstructorOptions) {
  (item.click as () => void)();
}

describe('application menu', () => {
  it.each(PLATFORMS)('has the platform’s menus on %s', (platform) => {
    const template = buildMenuTemplate(model({ platform }), actions());
    const titles = template.map((item) => item.label);
    if (platform === 'darwin')
      expect(titles).toEqual(['Coarchitect', 'File', 'Edit', 'View', 'Window', 'Help']);
    else expect(titles).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
  });

  it.each(PLATFORMS)('wires every item on %s: a click or a role, nothing inert', (platform) => {
    for (const isPackaged of [true, false]) {
      for (const recent of [[], [{ name: 'a.json', folder: '/data' }]]) {
        const template = buildMenuTemplate(model({ platform, isPackaged, recent }), actions());
        for (const item of template) expect(item.role ?? item.submenu, String(item.label)).toBeTruthy();
        for (const item of leaves(template)) {
          if (item.type === 'separator') continue;
          const inert = item.label === 'No recent files';
          if (inert) expect(item.enabled).toBe(false);
          else expect(Boolean(item.click) || Boolean(item.role), JSON.stringify(item)).toBe(true);
        }
      }
    }
  });

  it('sends every command item to the renderer as its command', () => {
    const acts = actions();
    const template = buildMenuTemplate(model({ platform: 'darwin' }), acts);
    const expected: [string, string][] = [
      [MENU_IDS.newWorkflow, 'new-workflow'],
      [MENU_IDS.open, 'open'],
      [MENU_IDS.import, 'import'],
      [MENU_IDS.exportWorkflow, 'export-workflow'],
      [MENU_IDS.exportWorkspace, 'export-workspace'],
      [MENU_IDS.saveCopy, 'save-copy'],
      [MENU_IDS.undo, 'undo'],
      [MENU_IDS.redo, 'redo'],
      [MENU_IDS.fitView, 'fit-view'],
      [MENU_IDS.about, 'about'],
      [MENU_IDS.shortcuts, 'shortcuts'],
    ];
    for (const [id, command] of expected) {
      const item = byId(template, id);
      click(item);
      expect(acts.command).toHaveBeenLastCalledWith(command);
      expect(MenuCommandSchema.safeParse(command).success).toBe(true);
      expect(item.accelerator).toBe(COMMAND_INFO[command as keyof typeof COMMAND_INFO].accelerator);
    }
    click(byId(template, MENU_IDS.close));
    expect(acts.close).toHaveBeenCalled();
    click(byId(template, MENU_IDS.present));
    expect(acts.present).toHaveBeenCalled();
  });

  it('enables Export JSON, Save a copy, Fit view and Present only with a workflow open', () => {
    const closed = buildMenuTemplate(
      model({ state: { workflowOpen: false, hasWorkflows: true } }),
      actions(),
    );
    for (const id of [MENU_IDS.exportWorkflow, MENU_IDS.saveCopy, MENU_IDS.fitView, MENU_IDS.present]) {
      expect(byId(closed, id).enabled, id).toBe(false);
    }
    expect(byId(closed, MENU_IDS.exportWorkspace).enabled).toBe(true);
    expect(byId(closed, MENU_IDS.close).label).toBe('Close Window');

    const open = buildMenuTemplate(model(), actions());
    for (const id of [MENU_IDS.exportWorkflow, MENU_IDS.saveCopy, MENU_IDS.fitView, MENU_IDS.present]) {
      expect(byId(open, id).enabled, id).toBe(true);
    }
    expect(byId(open, MENU_IDS.close).label).toBe('Close Workflow');

    const empty = buildMenuTemplate(
      model({ state: { workflowOpen: false, hasWorkflows: false } }),
      actions(),
    );
    expect(byId(empty, MENU_IDS.exportWorkspace).enabled).toBe(false);
    for (const id of [MENU_IDS.newWorkflow, MENU_IDS.open, MENU_IDS.import, MENU_IDS.undo, MENU_IDS.close]) {
      expect(byId(empty, id).enabled, id).not.toBe(false);
    }
  });

  it('lists recent files by name, opens them by index and clears them', () => {
    const acts = actions();
    const template = buildMenuTemplate(
      model({
        recent: [
          { name: 'R&D.coarchitect.json', folder: '/data' },
          { name: 'b.json', folder: '/home/ana' },
        ],
      }),
      acts,
    );
    const submenu = recentSubmenu(template);
    expect(submenu.map((item) => item.label ?? item.type)).toEqual([
      'R&&D.coarchitect.json',
      'b.json',
      'separator',
      'Clear Recent',
    ]);
    click(submenu[1]!);
    expect(acts.openRecent).toHaveBeenCalledWith(1);
    click(submenu[3]!);
    expect(acts.clearRecent).toHaveBeenCalled();

    const none = buildMenuTemplate(model(), actions());
    const noneSub = recentSubmenu(none);
    expect(noneSub[0]).toMatchObject({ label: 'No recent files', enabled: false });
    expect(noneSub.at(-1)).toMatchObject({ label: 'Clear Recent', enabled: false });
  });

  it('uses roles for clipboard, zoom and full screen; developer tools only when unpackaged', () => {
    const packaged = leaves(buildMenuTemplate(model(), actions()))
      .map((item) => item.role)
      .filter(Boolean);
    expect(packaged).toEqual(
      expect.arrayContaining([
        'cut',
        'copy',
        'paste',
        'zoomIn',
        'zoomOut',
        'resetZoom',
        'togglefullscreen',
        'quit',
      ]),
    );
    expect(packaged).not.toContain('toggleDevTools');
    // Select all is a command: on the diagram it selects every step, in a text field its text.
    expect(packaged).not.toContain('selectAll');
    const selectAll = leaves(buildMenuTemplate(model(), actions())).find((i) => i.id === MENU_IDS.selectAll);
    expect(selectAll).toMatchObject({ label: 'Select all', accelerator: 'CmdOrCtrl+A' });
    const dev = leaves(buildMenuTemplate(model({ isPackaged: false }), actions())).map((item) => item.role);
    expect(dev).toContain('toggleDevTools');
    const mac = buildMenuTemplate(model({ platform: 'darwin' }), actions());
    expect(leaves([mac[0]!]).map((item) => item.role ?? item.label)).toEqual(
      expect.arrayContaining(['About Coarchitect', 'hide', 'quit']),
    );
    // On macOS Quit lives in the app menu, not in File.
    expect(leaves([mac[1]!]).some((item) => item.role === 'quit')).toBe(false);
  });
});
