import { build } from 'esbuild';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type CoarchitectApi } from '../../../shared/ipc';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async (..._args: unknown[]) => 'result'),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke },
}));

describe('preload', () => {
  let exposed: Record<string, unknown>;

  beforeAll(async () => {
    await import('../../../electron/preload');
    expect(electron.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('coarchitect');
    exposed = api as Record<string, unknown>;
  });

  it('exposes exactly window.coarchitect with the platform and the two file methods', () => {
    expect(Object.keys(exposed).sort()).toEqual(['openTextFile', 'platform', 'saveTextFile']);
    expect(exposed.platform).toBe('electron');
    expect(typeof exposed.saveTextFile).toBe('function');
    expect(typeof exposed.openTextFile).toBe('function');
  });

  it('sends each method on its own channel of the contract, with the request as the only argument', async () => {
    const api = exposed as unknown as CoarchitectApi;
    const saveRequest = { suggestedName: 'a.json', content: '{}', filters: [] };
    await expect(api.saveTextFile(saveRequest)).resolves.toBe('result');
    expect(electron.invoke).toHaveBeenLastCalledWith('file:save', saveRequest);
    await api.openTextFile({ filters: [] });
    expect(electron.invoke).toHaveBeenLastCalledWith('file:open', { filters: [] });

    const channels = electron.invoke.mock.calls.map(([channel]) => channel);
    expect(channels.every((channel) => (IPC_CHANNELS as unknown[]).includes(channel))).toBe(true);
    expect(electron.invoke.mock.calls.every((call) => call.length === 2)).toBe(true);
  });

  it('offers no generic invoke, send or on: no other channel can be reached', () => {
    for (const value of Object.values(exposed)) {
      if (typeof value === 'function') expect(value.length).toBeLessThanOrEqual(1);
    }
    expect(exposed).not.toHaveProperty('invoke');
    expect(exposed).not.toHaveProperty('send');
    expect(exposed).not.toHaveProperty('on');
    expect(exposed).not.toHaveProperty('ipcRenderer');
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
      return { contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke: vi.fn() } };
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', code)(fakeRequire, module, module.exports);

    expect(required).toEqual(['electron']);
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(exposeInMainWorld.mock.calls[0]![0]).toBe('coarchitect');
    expect(Object.keys(exposeInMainWorld.mock.calls[0]![1]).sort()).toEqual([
      'openTextFile',
      'platform',
      'saveTextFile',
    ]);
  });
});
