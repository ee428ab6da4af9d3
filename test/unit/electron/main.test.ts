// Loads electron/main.ts against a recorded stand-in for the 'electron' module, to check the wiring: the
// privileged scheme, the permission and network policy, the IPC channels, the window it opens, files from the
// command line and from a second launch, the menu, and closing after the renderer flushed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/ipc';

type Listener = (...args: unknown[]) => unknown;

const recorded = vi.hoisted(() => {
  const calls = {
    privileges: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    windows: [] as InstanceType<typeof FakeWindow>[],
    permissionRequest: undefined as
      undefined | ((contents: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheck: undefined as undefined | ((contents: unknown, permission: string) => boolean),
    blockedUrls: [] as string[],
    appListeners: new Map<string, Listener>(),
    sandboxEnabled: false,
    menu: undefined as MenuItemConstructorOptions[] | undefined,
    userData: '',
    quit: 0,
    singleInstanceData: undefined as unknown,
    recentDocuments: [] as string[],
  };

  class FakeWebContents {
    sent: [string, unknown][] = [];
    listeners = new Map<string, Listener>();
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    isDestroyed() {
      return false;
    }
  }

  class FakeWindow {
    static getAllWindows = () => calls.windows;
    static fromWebContents = (contents: unknown) =>
      calls.windows.find((w) => w.webContents === contents) ?? null;
    webContents = new FakeWebContents();
    listeners = new Map<string, Listener>();
    url?: string;
    shown = false;
    closed = 0;
    constructor(readonly options: Record<string, unknown>) {
      calls.windows.push(this);
    }
    once(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    emit(event: string, ...args: unknown[]) {
      return this.listeners.get(event)?.(...args);
    }
    show() {
      this.shown = true;
    }
    isVisible() {
      return this.shown;
    }
    focus() {}
    isMinimized() {
      return false;
    }
    restore() {}
    maximize() {}
    isMaximized() {
      return false;
    }
    isFullScreen() {
      return false;
    }
    setFullScreen() {}
    isDestroyed() {
      return this.closed > 0;
    }
    getBounds() {
      return { x: 40, y: 30, width: 1300, height: 820 };
    }
    getNormalBounds() {
      return { x: 40, y: 30, width: 1300, height: 820 };
    }
    close() {
      this.closed += 1;
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      this.emit('close', event);
      if (!event.defaultPrevented) this.emit('closed');
    }
    async loadURL(url: string) {
      this.url = url;
    }
  }

  const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: () => {
        calls.sandboxEnabled = true;
      },
      on: (event: string, listener: Listener) => calls.appListeners.set(event, listener),
      whenReady: () => Promise.resolve(),
      quit: () => {
        calls.quit += 1;
      },
      exit: () => {},
      getName: () => 'Coarchitect',
      getPath: () => calls.userData,
      setPath: () => {},
      requestSingleInstanceLock: (data: unknown) => {
        calls.singleInstanceData = data;
        return true;
      },
      addRecentDocument: (filePath: string) => calls.recentDocuments.push(filePath),
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
    screen: {
      getAllDisplays: () => [{ workArea, bounds: workArea }],
      getPrimaryDisplay: () => ({ workArea }),
    },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        calls.ipcHandlers.set(channel, listener),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: MenuItemConstructorOptions[]) => {
        calls.menu = menu;
      },
    },
    BrowserWindow: FakeWindow,
    shell: { openExternal: async () => {} },
    dialog: {},
  };
  return { calls, electron };
});

vi.mock('electron', () => ({ ...recorded.electron, default: recorded.electron }));

const dir = mkdtempSync(path.join(os.tmpdir(), 'coarchitect-main-'));
const launchFile = path.join(dir, 'launch.coarchitect.json');
const secondFile = path.join(dir, 'second.coarchitect.json');

function leaves(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => (Array.isArray(item.submenu) ? leaves(item.submenu) : [item]));
}

describe('electron/main', () => {
  const { calls } = recorded;
  const argv = process.argv;
  const window = () => calls.windows[0]!;
  const fromApp = () => ({
    senderFrame: { url: 'app://coarchitect/index.html' },
    sender: window().webContents,
  });
  const invoke = (channel: string, request: unknown, event: unknown = fromApp()) =>
    calls.ipcHandlers.get(channel)!(event, request);
  const sent = (channel: string) =>
    window()
      .webContents.sent.filter(([c]) => c === channel)
      .map(([, p]) => p);

  beforeAll(async () => {
    calls.userData = dir;
    writeFileSync(launchFile, '{"format":"coarchitect.workflow"}');
    writeFileSync(secondFile, '{"second":true}');
    process.argv = ['/usr/bin/electron', '--inspect=0', '/repo/dist/electron/main.cjs', launchFile];
    await import('../../../electron/main');
    process.argv = argv;
    await vi.waitFor(() => expect(calls.windows).toHaveLength(1));
  });

  afterAll(() => {
    process.argv = argv;
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

  it('handles exactly the IPC channels of the contract, and refuses senders that are no app page', async () => {
    expect([...calls.ipcHandlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    await expect(
      invoke(
        'recent:list',
        {},
        { senderFrame: { url: 'https://evil.example/' }, sender: window().webContents },
      ),
    ).rejects.toThrow('recent:list refused');
  });

  it('listens to the app events it needs: hardening, single instance, macOS open-file, quitting', () => {
    for (const event of [
      'web-contents-created',
      'window-all-closed',
      'second-instance',
      'open-file',
      'before-quit',
    ]) {
      expect(calls.appListeners.has(event), event).toBe(true);
    }
    expect(calls.singleInstanceData).toEqual({ files: [launchFile] });
  });

  it('opens one isolated window on app://coarchitect, placed on the display and shown when ready', () => {
    expect(window().url).toBe('app://coarchitect/index.html');
    expect(window().options).toMatchObject({
      title: 'Coarchitect',
      width: 1440,
      height: 900,
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    const preload = (window().options.webPreferences as { preload: string }).preload;
    expect(path.basename(preload)).toBe('preload.cjs');
    expect(window().shown).toBe(false);
    window().emit('ready-to-show');
    expect(window().shown).toBe(true);
  });

  it('delivers the command-line file once the renderer is ready, and remembers it', async () => {
    expect(sent('file:opened')).toEqual([]);
    await invoke('app:ready', {});
    await vi.waitFor(() =>
      expect(sent('file:opened')).toEqual([
        { ok: true, fileName: 'launch.coarchitect.json', content: '{"format":"coarchitect.workflow"}' },
      ]),
    );
    await expect(invoke('recent:list', {})).resolves.toEqual([
      { name: 'launch.coarchitect.json', folder: dir },
    ]);
    expect(calls.recentDocuments).toEqual([launchFile]);
  });

  it('opens the file of a second launch in the running window', async () => {
    calls.appListeners.get('second-instance')!({}, ['/opt/coarchitect', 'ignored.json'], '/', {
      files: [secondFile],
    });
    await vi.waitFor(() => expect(sent('file:opened')).toHaveLength(2));
    expect(sent('file:opened')[1]).toEqual({
      ok: true,
      fileName: 'second.coarchitect.json',
      content: '{"second":true}',
    });
    expect(calls.windows).toHaveLength(1);
    const recent = leaves(calls.menu!)
      .filter((item) => item.sublabel === dir)
      .map((item) => item.label);
    await vi.waitFor(() => expect(recent).toEqual(['second.coarchitect.json', 'launch.coarchitect.json']));
  });

  it('opens a recent file from the menu by its index', async () => {
    const launch = leaves(calls.menu!).find((item) => item.label === 'launch.coarchitect.json')!;
    (launch.click as () => void)();
    await vi.waitFor(() => expect(sent('file:opened')).toHaveLength(3));
    expect(sent('file:opened')[2]).toMatchObject({ ok: true, fileName: 'launch.coarchitect.json' });
  });

  it('enables Export JSON once the renderer reports an open workflow, and sends menu commands', async () => {
    const exportItem = () => leaves(calls.menu!).find((item) => item.id === 'file.export-workflow')!;
    expect(exportItem().enabled).toBe(false);
    await invoke('menu:state', { workflowOpen: true, hasWorkflows: true });
    expect(exportItem().enabled).toBe(true);
    (exportItem().click as () => void)();
    await vi.waitFor(() => expect(sent('menu:command')).toEqual([{ command: 'export-workflow' }]));

    const close = leaves(calls.menu!).find((item) => item.id === 'file.close')!;
    expect(close.label).toBe('Close Workflow');
    (close.click as () => void)();
    expect(sent('menu:command').at(-1)).toEqual({ command: 'close-workflow' });
    expect(window().closed).toBe(0);
    await invoke('menu:state', { workflowOpen: false, hasWorkflows: true });
  });

  it('opens one presenter window at #presenter with the same security settings as the main window', async () => {
    await expect(invoke('presenter:open', {})).resolves.toEqual({ opened: true, otherDisplay: false });
    await invoke('presenter:open', {});
    expect(calls.windows).toHaveLength(2);
    const presenter = calls.windows[1]!;
    expect(presenter.url).toBe('app://coarchitect/index.html#presenter');
    expect(presenter.options.webPreferences).toEqual(window().options.webPreferences);
    // Centred on the only display, 1100 × 720.
    expect(presenter.options).toMatchObject({ x: 410, y: 180, width: 1100, height: 720 });
    // Only the main window may open it or set full screen.
    const fromPresenter = {
      senderFrame: { url: 'app://coarchitect/index.html#presenter' },
      sender: presenter.webContents,
    };
    await expect(invoke('window:set-full-screen', { fullScreen: true }, fromPresenter)).rejects.toThrow(
      'only the main window',
    );
    await expect(invoke('window:set-full-screen', { fullScreen: true })).resolves.toEqual({
      fullScreen: true,
      changed: true,
    });
    await invoke('presenter:close', {});
    expect(presenter.closed).toBe(1);
  });

  it('closes the window only after the renderer flushed, and saves the window state', async () => {
    const close = leaves(calls.menu!).find((item) => item.id === 'file.close')!;
    expect(close.label).toBe('Close Window');
    (close.click as () => void)();
    expect(window().closed).toBe(1);
    const [flush] = sent('app:flush') as { requestId: string }[];
    expect(flush).toEqual({ requestId: expect.any(String) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(window().closed).toBe(1);

    await invoke('app:flushed', { requestId: flush!.requestId });
    await vi.waitFor(() => expect(window().closed).toBe(2));
    expect(JSON.parse(readFileSync(path.join(dir, 'window-state.json'), 'utf8'))).toEqual({
      version: 1,
      x: 40,
      y: 30,
      width: 1300,
      height: 820,
      maximized: false,
    });
  });
});
