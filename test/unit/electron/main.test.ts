// Loads electron/main.ts against a recorded stand-in for the 'electron' module, to check the wiring: the
// privileged scheme, the permission and network policy, the IPC channels and the window it opens.
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/ipc';

const recorded = vi.hoisted(() => {
  const calls = {
    privileges: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipcChannels: [] as string[],
    windows: [] as {
      options: Record<string, unknown>;
      url?: string;
      shown: boolean;
      readyToShow?: () => void;
    }[],
    permissionRequest: undefined as
      undefined | ((contents: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheck: undefined as undefined | ((contents: unknown, permission: string) => boolean),
    blockedUrls: [] as string[],
    appListeners: new Map<string, (...args: unknown[]) => void>(),
    sandboxEnabled: false,
    menu: undefined as unknown,
  };
  class BrowserWindow {
    static getAllWindows = () => calls.windows;
    static fromWebContents = () => null;
    private readonly record: (typeof calls.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, shown: false };
      calls.windows.push(this.record);
    }
    once(event: string, listener: () => void) {
      if (event === 'ready-to-show') this.record.readyToShow = listener;
    }
    show() {
      this.record.shown = true;
    }
    async loadURL(url: string) {
      this.record.url = url;
    }
  }
  const electron = {
    app: {
      enableSandbox: () => {
        calls.sandboxEnabled = true;
      },
      on: (event: string, listener: (...args: unknown[]) => void) => calls.appListeners.set(event, listener),
      whenReady: () => Promise.resolve(),
      quit: () => {},
      exit: () => {},
      getPath: () => '/home/test/Documents',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => calls.privileges.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        calls.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof calls.permissionRequest) => {
          calls.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: typeof calls.permissionCheck) => {
          calls.permissionCheck = handler;
        },
        webRequest: {
          onBeforeRequest: (filter: { urls: string[] }) => calls.blockedUrls.push(...filter.urls),
        },
      },
    },
    ipcMain: { handle: (channel: string) => calls.ipcChannels.push(channel) },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        calls.menu = menu;
      },
    },
    BrowserWindow,
    shell: { openExternal: async () => {} },
    dialog: {},
  };
  return { calls, electron };
});

vi.mock('electron', () => ({ ...recorded.electron, default: recorded.electron }));

describe('electron/main', () => {
  const { calls } = recorded;

  beforeAll(async () => {
    await import('../../../electron/main');
    await vi.waitFor(() => expect(calls.windows).toHaveLength(1));
  });

  it('registers app:// as a standard, secure, fetch-capable scheme and enables the sandbox', () => {
    expect(calls.privileges).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      }),
    ]);
    expect(calls.sandboxEnabled).toBe(true);
    expect([...calls.protocolHandlers.keys()]).toEqual(['app']);
  });

  it('denies every permission request and check, and cancels requests to the network', () => {
    const callback = vi.fn();
    calls.permissionRequest!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(calls.permissionCheck!({}, 'clipboard-read')).toBe(false);
    expect(calls.blockedUrls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
  });

  it('handles exactly the IPC channels of the contract', () => {
    expect([...calls.ipcChannels].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('hardens every webContents Electron creates', () => {
    expect(calls.appListeners.has('web-contents-created')).toBe(true);
    expect(calls.appListeners.has('window-all-closed')).toBe(true);
  });

  it('opens one isolated window on app://coarchitect, shown when ready', () => {
    const [window] = calls.windows;
    expect(window!.url).toBe('app://coarchitect/index.html');
    expect(window!.options).toMatchObject({
      title: 'Coarchitect',
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    const preload = (window!.options.webPreferences as { preload: string }).preload;
    expect(path.basename(preload)).toBe('preload.cjs');
    expect(window!.shown).toBe(false);
    window!.readyToShow!();
    expect(window!.shown).toBe(true);
    expect(calls.menu).toBeDefined();
  });
});
