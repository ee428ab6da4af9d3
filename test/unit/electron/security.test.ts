import { describe, expect, it, vi } from 'vitest';
import {
  decideNavigation,
  EXTERNAL_LINK_HOSTS,
  externalUrlToOpen,
  hardenWebContents,
  isPermissionGranted,
  type HardenableWebContents,
} from '../../../electron/security';
import { createMainWindow } from '../../../electron/window';
import { ONTOLOGY_SOURCES } from '../../../shared/ontology/builtin';

describe('navigation and external links', () => {
  it('keeps navigation inside app://coarchitect', () => {
    expect(decideNavigation('app://coarchitect/index.html')).toBe('allow');
    expect(decideNavigation('app://coarchitect/index.html#/workflow/1')).toBe('allow');
  });

  it('sends https links to allow-listed sites to the system browser and drops everything else', () => {
    expect(decideNavigation('https://www.onetcenter.org/database.html')).toBe('open-externally');
    expect(externalUrlToOpen('https://WWW.ONETCENTER.ORG/x')).toBe('https://www.onetcenter.org/x');
    for (const url of [
      'https://example.com/docs',
      'https://user:pass@www.onetcenter.org/',
      'https://www.onetcenter.org.evil.example/',
      'http://www.onetcenter.org/',
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
    expect(navigate('https://www.onetcenter.org/')).toBe(true);
    expect(openExternal).toHaveBeenLastCalledWith('https://www.onetcenter.org/');
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);

    expect(windowOpenHandler!({ url: 'https://publications.jrc.ec.europa.eu/x' })).toEqual({
      action: 'deny',
    });
    expect(openExternal).toHaveBeenLastCalledWith('https://publications.jrc.ec.europa.eu/x');
    expect(windowOpenHandler!({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    expect(windowOpenHandler!({ url: 'app://coarchitect/index.html' })).toEqual({ action: 'deny' });
    expect(windowOpenHandler!({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(2);

    const redirect = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      listeners.get('will-redirect')!(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(redirect('app://coarchitect/index.html')).toBe(false);
    expect(redirect('https://www.onetcenter.org/')).toBe(true);

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

describe('external links', () => {
  it('allow-lists every credited ontology source, so the links in About and Skills open', () => {
    for (const source of ONTOLOGY_SOURCES.filter((s) => s.url)) {
      expect(EXTERNAL_LINK_HOSTS.has(new URL(source.url).hostname), source.url).toBe(true);
      expect(externalUrlToOpen(source.url)).toBe(source.url);
    }
  });
});

describe('main window', () => {
  it('isolates the renderer, loads the preload and takes the restored placement', () => {
    const created: Record<string, unknown>[] = [];
    class FakeWindow {
      constructor(options: object) {
        created.push(options as Record<string, unknown>);
      }
    }
    createMainWindow(FakeWindow, '/app/dist/electron/preload.cjs', {
      bounds: { x: 10, y: 20, width: 1300, height: 800 },
      maximized: false,
    });
    const [options] = created;
    expect(options!.webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    });
    expect(options).toMatchObject({
      title: 'Coarchitect',
      x: 10,
      y: 20,
      width: 1300,
      height: 800,
      minWidth: 1024,
      minHeight: 680,
      show: false,
    });
    expect(options).not.toHaveProperty('webPreferences.enableBlinkFeatures');
    expect(options).not.toHaveProperty('webPreferences.enableRemoteModule');
  });
});
