// @vitest-environment jsdom
// The renderer's platform adapters: the browser one drives a download link and a file input, the Electron one
// forwards to window.coarchitect and tidies Electron's IPC error messages.
import { File as NodeFile } from 'node:buffer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptAttribute, createBrowserPlatform } from '../../../renderer/platform/browserPlatform';
import { cleanIpcError, createElectronPlatform } from '../../../renderer/platform/electronPlatform';
import { detectPlatform } from '../../../renderer/platform';
import { MAX_OPEN_BYTES, type CoarchitectApi } from '../../../shared/ipc';

/** A window.coarchitect whose event subscriptions can be fired by the test. */
function fakeApi(overrides: Partial<CoarchitectApi> = {}) {
  const listeners = new Map<string, (payload?: unknown) => unknown>();
  const subscribe = (name: string) =>
    vi.fn((listener: (payload?: unknown) => unknown) => {
      listeners.set(name, listener);
      return () => listeners.delete(name);
    });
  const api = {
    platform: 'electron',
    saveTextFile: vi.fn(async () => ({ saved: true, fileName: 'a.json' })),
    openTextFile: vi.fn(async () => null),
    listRecentFiles: vi.fn(async () => [{ name: 'a.json', folder: '/data' }]),
    openRecentFile: vi.fn(async () => ({ fileName: 'a.json', content: '{}' })),
    clearRecentFiles: vi.fn(async () => null),
    setMenuState: vi.fn(async () => null),
    rendererReady: vi.fn(async () => null),
    writeBackup: vi.fn(async () => {
      throw new Error('not in this test');
    }),
    listBackups: vi.fn(async () => []),
    readBackup: vi.fn(async () => {
      throw new Error('not in this test');
    }),
    saveReportPdf: vi.fn(async () => ({ saved: true, fileName: 'r.pdf' })),
    setFullScreen: vi.fn(async ({ fullScreen }: { fullScreen: boolean }) => ({ fullScreen, changed: true })),
    openPresenterWindow: vi.fn(async () => ({ opened: true, otherDisplay: false })),
    closePresenterWindow: vi.fn(async () => null),
    onCommand: subscribe('command'),
    onFileOpened: subscribe('file'),
    onRecentFilesChanged: subscribe('recent'),
    onFlushRequest: subscribe('flush'),
    ...overrides,
  } satisfies CoarchitectApi;
  return { api, fire: (name: string, payload?: unknown) => listeners.get(name)?.(payload), listeners };
}

const filters = [{ name: 'Coarchitect workflow', extensions: ['coarchitect.json', 'json'] }];

function fileInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  return input;
}

// jsdom's File cannot be read (no arrayBuffer); browsers' and Node's can.
function file(parts: (string | Uint8Array)[], name: string): File {
  return new NodeFile(parts, name) as unknown as File;
}

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

function choose(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('browser platform', () => {
  it('saves through a temporary download link', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:coarchitect/1');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    vi.useFakeTimers();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    const result = await createBrowserPlatform().saveTextFile({
      suggestedName: 'Onboarding.coarchitect.json',
      content: '{"a":1}',
      filters,
    });

    expect(result).toEqual({ saved: true, fileName: 'Onboarding.coarchitect.json' });
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('Onboarding.coarchitect.json');
    expect(clicked[0]!.href).toBe('blob:coarchitect/1');
    expect(document.querySelector('a')).toBeNull();
    expect(revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:coarchitect/1');
    vi.useRealTimers();
    expect(await readBlob(createObjectURL.mock.calls[0]![0])).toBe('{"a":1}');
  });

  it('refuses the same bad requests as Electron', async () => {
    await expect(
      createBrowserPlatform().saveTextFile({ suggestedName: '../x.json', content: '', filters: [] }),
    ).rejects.toThrow(/must not contain path separators/);
  });

  it('opens a chosen file through a hidden file input limited to the filters', async () => {
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => {});
    const opening = createBrowserPlatform().openTextFile({ filters });
    const input = fileInput();
    expect(input.accept).toBe('.coarchitect.json,.json');
    choose(input, file(['{"name":"Übergabe"}'], 'plan.coarchitect.json'));
    await expect(opening).resolves.toEqual({
      fileName: 'plan.coarchitect.json',
      content: '{"name":"Übergabe"}',
    });
    expect(document.querySelector('input')).toBeNull();
  });

  it('resolves null when the user cancels the picker', async () => {
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => {});
    const opening = createBrowserPlatform().openTextFile({ filters });
    fileInput().dispatchEvent(new Event('cancel'));
    await expect(opening).resolves.toBeNull();
    expect(document.querySelector('input')).toBeNull();
  });

  it('rejects a file over the limit without reading it', async () => {
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => {});
    const opening = createBrowserPlatform().openTextFile({ filters });
    const huge = file(['{}'], 'huge.json');
    Object.defineProperty(huge, 'size', { value: MAX_OPEN_BYTES + 5 * 1024 * 1024 });
    const arrayBuffer = vi.spyOn(huge, 'arrayBuffer');
    choose(fileInput(), huge);
    await expect(opening).rejects.toThrow('"huge.json" is 25 MB; Coarchitect opens files of at most 20 MB.');
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  it('rejects a file that is not UTF-8 text', async () => {
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => {});
    const opening = createBrowserPlatform().openTextFile({ filters: [] });
    choose(fileInput(), file([new Uint8Array([0xff, 0xfe, 0x00, 0xd8])], 'photo.png'));
    await expect(opening).rejects.toThrow('"photo.png" is not a UTF-8 text file.');
  });

  it('has no recent files, menu or OS file events, and says so without failing', async () => {
    const platform = createBrowserPlatform();
    expect(platform.hasRecentFiles).toBe(false);
    expect(platform.hasNativeMenu).toBe(false);
    await expect(platform.listRecentFiles()).resolves.toEqual([]);
    await expect(platform.openRecentFile(0)).rejects.toThrow(/no recent files/);
    await expect(platform.clearRecentFiles()).resolves.toBeUndefined();
    for (const off of [
      platform.onCommand(() => {}),
      platform.onFileOpened(() => {}),
      platform.onRecentFilesChanged(() => {}),
      platform.onFlushRequest(async () => {}),
    ]) {
      expect(off).toBeTypeOf('function');
      off();
    }
    platform.setMenuState({ workflowOpen: false, hasWorkflows: false });
    platform.ready();
  });

  it('builds the accept attribute from extensions, and accepts anything for "*"', () => {
    expect(acceptAttribute([])).toBe('');
    expect(acceptAttribute([{ name: 'Any', extensions: ['*'] }, ...filters])).toBe('');
    expect(acceptAttribute([...filters, { name: 'JSON', extensions: ['json'] }])).toBe(
      '.coarchitect.json,.json',
    );
  });
});

describe('electron platform', () => {
  it('forwards to window.coarchitect and keeps only the message of IPC errors', async () => {
    const { api } = fakeApi({
      openTextFile: vi.fn(async () => {
        throw new Error(
          'Error invoking remote method \'file:open\': Error: "huge.json" is 25 MB; Coarchitect opens files of at most 20 MB.',
        );
      }),
    });
    const platform = createElectronPlatform(api);
    expect(platform.kind).toBe('electron');
    await expect(platform.saveTextFile({ suggestedName: 'a.json', content: '', filters })).resolves.toEqual({
      saved: true,
      fileName: 'a.json',
    });
    await expect(platform.openTextFile({ filters })).rejects.toThrow(
      /^"huge\.json" is 25 MB; Coarchitect opens files of at most 20 MB\.$/,
    );
  });

  it('passes on commands and opened files that match the contract, and drops anything else', () => {
    const { api, fire } = fakeApi();
    const platform = createElectronPlatform(api);
    const commands: string[] = [];
    const files: unknown[] = [];
    const offCommand = platform.onCommand((command) => commands.push(command));
    platform.onFileOpened((file) => files.push(file));
    fire('command', { command: 'fit-view' });
    fire('command', { command: 'rm -rf' });
    fire('command', 'fit-view');
    fire('file', { ok: true, fileName: 'a.json', content: '{}' });
    fire('file', { ok: true, fileName: 'a.json' });
    fire('file', { ok: false, fileName: 'b.json', message: 'missing' });
    expect(commands).toEqual(['fit-view']);
    expect(files).toEqual([
      { ok: true, fileName: 'a.json', content: '{}' },
      { ok: false, fileName: 'b.json', message: 'missing' },
    ]);
    offCommand();
    fire('command', { command: 'about' });
    expect(commands).toEqual(['fit-view']);
  });

  it('forwards recent files, the menu state, readiness and flushes', async () => {
    const { api, fire } = fakeApi();
    const platform = createElectronPlatform(api);
    expect(platform.hasRecentFiles).toBe(true);
    expect(platform.hasNativeMenu).toBe(true);
    await expect(platform.listRecentFiles()).resolves.toEqual([{ name: 'a.json', folder: '/data' }]);
    await platform.openRecentFile(3);
    expect(api.openRecentFile).toHaveBeenCalledWith({ index: 3 });
    await platform.clearRecentFiles();
    platform.setMenuState({ workflowOpen: true, hasWorkflows: true });
    expect(api.setMenuState).toHaveBeenCalledWith({ workflowOpen: true, hasWorkflows: true });
    platform.ready();
    expect(api.rendererReady).toHaveBeenCalled();
    const flush = vi.fn(async () => {});
    platform.onFlushRequest(flush);
    await fire('flush');
    expect(flush).toHaveBeenCalled();
  });

  it('leaves other errors as they are', () => {
    const error = new Error('something else');
    expect(cleanIpcError(error)).toBe(error);
    expect(cleanIpcError('text').message).toBe('text');
  });
});

describe('detectPlatform', () => {
  it('picks Electron when the preload exposed window.coarchitect, the browser otherwise', () => {
    expect(detectPlatform(window).kind).toBe('browser');
    window.coarchitect = fakeApi().api;
    try {
      expect(detectPlatform(window).kind).toBe('electron');
    } finally {
      delete window.coarchitect;
    }
  });
});
