import { build } from 'esbuild';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, MAIN_EVENT_NAMES, type CoarchitectApi } from '../../../shared/ipc';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  return {
    listeners,
    exposeInMainWorld: vi.fn(),
    invoke: vi.fn(async (..._args: unknown[]) => 'result'),
    on: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => {
      listeners.get(channel)?.delete(listener);
    }),
    emit(channel: string, payload: unknown) {
      const event = { sender: { invoke: 'the ipcRenderer itself' } };
      for (const listener of listeners.get(channel) ?? []) listener(event, payload);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke, on: electron.on, removeListener: electron.removeListener },
}));

const API_KEYS = [
  'clearRecentFiles',
  'closePresenterWindow',
  'listBackups',
  'listRecentFiles',
  'onCommand',
  'onFileOpened',
  'onFlushRequest',
  'onRecentFilesChanged',
  'openPresenterWindow',
  'openRecentFile',
  'openTextFile',
  'platform',
  'readBackup',
  'rendererReady',
  'saveReportPdf',
  'saveTextFile',
  'setFullScreen',
  'setMenuState',
  'writeBackup',
];

describe('preload', () => {
  let exposed: Record<string, unknown>;
  let api: CoarchitectApi;

  beforeAll(async () => {
    await import('../../../electron/preload');
    expect(electron.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, value] = electron.exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('coarchitect');
    exposed = value as Record<string, unknown>;
    api = exposed as unknown as CoarchitectApi;
  });

  it('exposes exactly window.coarchitect with the platform and its methods', () => {
    expect(Object.keys(exposed).sort()).toEqual(API_KEYS);
    expect(exposed.platform).toBe('electron');
  });

  it('sends each method on its own channel of the contract, with one request argument', async () => {
    electron.invoke.mockClear();
    const saveRequest = { suggestedName: 'a.json', content: '{}', filters: [] };
    await expect(api.saveTextFile(saveRequest)).resolves.toBe('result');
    expect(electron.invoke).toHaveBeenLastCalledWith('file:save', saveRequest);
    await api.openTextFile({ filters: [] });
    expect(electron.invoke).toHaveBeenLastCalledWith('file:open', { filters: [] });
    await api.listRecentFiles();
    expect(electron.invoke).toHaveBeenLastCalledWith('recent:list', {});
    await api.openRecentFile({ index: 2 });
    expect(electron.invoke).toHaveBeenLastCalledWith('recent:open', { index: 2 });
    await api.clearRecentFiles();
    expect(electron.invoke).toHaveBeenLastCalledWith('recent:clear', {});
    await api.setMenuState({ workflowOpen: true, hasWorkflows: true });
    expect(electron.invoke).toHaveBeenLastCalledWith('menu:state', {
      workflowOpen: true,
      hasWorkflows: true,
    });
    await api.rendererReady();
    expect(electron.invoke).toHaveBeenLastCalledWith('app:ready', {});

    const channels = electron.invoke.mock.calls.map(([channel]) => channel);
    expect(channels.every((channel) => (IPC_CHANNELS as unknown[]).includes(channel))).toBe(true);
    expect(electron.invoke.mock.calls.every((call) => call.length === 2)).toBe(true);
  });

  it('passes listeners the payload only, never the IPC event, and unsubscribes', () => {
    const commands: unknown[][] = [];
    const off = api.onCommand((...args) => commands.push(args));
    electron.emit('menu:command', { command: 'fit-view' });
    expect(commands).toEqual([[{ command: 'fit-view' }]]);
    off();
    electron.emit('menu:command', { command: 'about' });
    expect(commands).toHaveLength(1);

    const files: unknown[][] = [];
    api.onFileOpened((...args) => files.push(args));
    electron.emit('file:opened', { ok: true, fileName: 'a.json', content: '{}' });
    expect(files).toEqual([[{ ok: true, fileName: 'a.json', content: '{}' }]]);

    const changed = vi.fn();
    api.onRecentFilesChanged(changed);
    electron.emit('recent:changed', { anything: 'ignored' });
    expect(changed).toHaveBeenCalledWith();

    const subscribed = [...electron.on.mock.calls.map(([channel]) => channel)];
    expect(subscribed.every((channel) => (MAIN_EVENT_NAMES as string[]).includes(channel))).toBe(true);
  });

  it('answers a flush request with main’s id once the listener is done, even if it failed', async () => {
    electron.invoke.mockClear();
    let finish!: () => void;
    api.onFlushRequest(() => new Promise<void>((resolve) => (finish = resolve)));
    electron.emit('app:flush', { requestId: 'flush-7' });
    await Promise.resolve();
    expect(electron.invoke).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() =>
      expect(electron.invoke).toHaveBeenCalledWith('app:flushed', { requestId: 'flush-7' }),
    );

    const off = api.onFlushRequest(() => Promise.reject(new Error('quota')));
    electron.emit('app:flush', { requestId: 'flush-8' });
    await vi.waitFor(() =>
      expect(electron.invoke).toHaveBeenCalledWith('app:flushed', { requestId: 'flush-8' }),
    );
    off();
  });

  it('offers no generic invoke, send or on: no other channel can be reached', () => {
    for (const value of Object.values(exposed)) {
      if (typeof value === 'function') expect(value.length).toBeLessThanOrEqual(1);
    }
    for (const key of ['invoke', 'send', 'on', 'ipcRenderer', 'removeListener']) {
      expect(exposed).not.toHaveProperty(key);
    }
  });
});

describe('preload bundle', () => {
  it('is one CommonJS file that requires nothing but electron (as a sandboxed preload must)', async () => {
    // Same options as scripts/build-electron.mjs, in memory.
    const result = await build({
      absWorkingDir: path.resolve(__dirname, '../../..'),
      entryPoints: ['electron/preload.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;

    const required: string[] = [];
    const exposeInMainWorld = vi.fn();
    const fakeRequire = (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
      return {
        contextBridge: { exposeInMainWorld },
        ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
      };
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', code)(fakeRequire, module, module.exports);

    expect(required).toEqual(['electron']);
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(exposeInMainWorld.mock.calls[0]![0]).toBe('coarchitect');
    expect(Object.keys(exposeInMainWorld.mock.calls[0]![1]).sort()).toEqual(API_KEYS);
    // Small on purpose: no zod or other library is bundled into the preload.
    expect(code.length).toBeLessThan(4000);
  });
});
