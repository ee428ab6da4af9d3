import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, MENU_IDS } from '../../../electron/menu';
import {
  decideNavigation,
  externalUrlToOpen,
  hardenWebContents,
  isPermissionGranted,
  type HardenableWebContents,
} from '../../../electron/security';
import { mainWindowOptions } from '../../../electron/window';

describe('navigation and external links', () => {
  it('keeps navigation inside app://coarchitect', () => {
    expect(decideNavigation('app://coarchitect/index.html')).toBe('allow');
    expect(decideNavigation('app://coarchitect/index.html#/workflow/1')).toBe('allow');
  });

  it('sends https links to the system browser and drops everything else', () => {
    expect(decideNavigation('https://example.com/docs')).toBe('open-externally');
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'app://coarchitect.evil/',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
    ]) {
      expect(decideNavigation(url), url).toBe('block');
      expect(externalUrlToOpen(url), url).toBeNull();
    }
  });

  it('wires the decisions to a webContents', () => {
    const listeners = new Map<string, (event: { url: string; preventDefault(): void }) => void>();
    let windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
    const contents = {
      on: (event: string, listener: (event: { url: string; preventDefault(): void }) => void) =>
        listeners.set(event, listener),
      setWindowOpenHandler: (handler: typeof windowOpenHandler) => {
        windowOpenHandler = handler;
      },
    } as unknown as HardenableWebContents;
    const openExternal = vi.fn();
    hardenWebContents(contents, openExternal);

    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      listeners.get('will-navigate')!(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('app://coarchitect/index.html')).toBe(false);
    expect(navigate('https://example.com/')).toBe(true);
    expect(openExternal).toHaveBeenLastCalledWith('https://example.com/');
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);

    expect(windowOpenHandler!({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenLastCalledWith('https://example.com/help');
    expect(windowOpenHandler!({ url: 'app://coarchitect/index.html' })).toEqual({ action: 'deny' });
    expect(windowOpenHandler!({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(2);

    const attach = { url: '', preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('grants nothing', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'unknown',
    ]) {
      expect(isPermissionGranted(permission)).toBe(false);
    }
  });
});

describe('main window', () => {
  it('isolates the renderer and loads the preload', () => {
    const options = mainWindowOptions('/app/dist/electron/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(options).toMatchObject({
      title: 'Coarchitect',
      width: 1440,
      height: 900,
      minWidth: 1024,
      minHeight: 680,
      show: false,
    });
  });
});

describe('application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('has File, Edit, View and Window on %s', (platform) => {
    const template = buildMenuTemplate(platform);
    const labelsOrRoles = template.map((item) => item.label ?? item.role);
    expect(labelsOrRoles).toEqual([
      ...(platform === 'darwin' ? ['appMenu'] : []),
      'File',
      'editMenu',
      'viewMenu',
      'windowMenu',
    ]);
    const file = template.find((item) => item.label === 'File')!;
    const ids = (file.submenu as { id?: string }[]).map((item) => item.id).filter(Boolean);
    expect(ids).toEqual([MENU_IDS.import, MENU_IDS.export]);
  });
});
