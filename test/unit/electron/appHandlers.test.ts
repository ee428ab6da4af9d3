import path from 'node:path';
import os from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { createAppHandlers } from '../../../electron/appHandlers';
import { createBackupHandlers } from '../../../electron/backupHandlers';
import { createDocumentOpener } from '../../../electron/documents';
import { createFileHandlers, type TextFiles } from '../../../electron/fileHandlers';
import { createPresentingHandlers } from '../../../electron/presenting';
import { registerIpcHandlers, type IpcSender } from '../../../electron/ipc';
import { memoryStore } from '../../../electron/jsonFile';
import { RecentFiles } from '../../../electron/recentFiles';
import { RendererBridge } from '../../../electron/rendererBridge';
import {
  E2E_SAVE_PATH_ENV,
  USER_DATA_DIR_ENV,
  userDataOverride,
  withE2eSavePath,
} from '../../../electron/testHooks';
import { IPC_CHANNELS } from '../../../shared/ipc';

type Owner = { id: number };
const mainWindow: Owner = { id: 1 };
const otherWindow: Owner = { id: 2 };
const appPage: IpcSender<Owner> = { frameUrl: 'app://coarchitect/index.html', owner: mainWindow };
const UNTRUSTED = [
  { frameUrl: 'https://evil.example/', owner: mainWindow },
  { frameUrl: 'app://coarchitect.evil/index.html', owner: mainWindow },
  { frameUrl: 'file:///tmp/x.html', owner: mainWindow },
  { frameUrl: null, owner: mainWindow },
];

const A = path.resolve('/data/a.coarchitect.json');
const B = path.resolve('/data/b.coarchitect.json');

function memoryFiles(contents: Record<string, string>): TextFiles {
  const store = new Map(Object.entries(contents).map(([p, c]) => [p, new TextEncoder().encode(c)]));
  return {
    size: async (p) => {
      const bytes = store.get(p);
      if (!bytes) throw Object.assign(new Error(`ENOENT '${p}'`), { code: 'ENOENT' });
      return bytes.length;
    },
    readBytes: async (p, max) => {
      const bytes = store.get(p)!;
      return bytes.length > max ? null : bytes;
    },
    writeText: async (p, c) => void store.set(p, new TextEncoder().encode(c)),
  };
}

async function setup(contents: Record<string, string> = { [A]: '{"a":1}', [B]: '{"b":2}' }) {
  const recent = new RecentFiles(memoryStore(), 'linux');
  await recent.load();
  const onRecentChanged = vi.fn();
  const addRecentDocument = vi.fn();
  const files = memoryFiles(contents);
  const documents = createDocumentOpener({ files, recent, onRecentChanged, addRecentDocument });
  const sent: [string, unknown][] = [];
  const bridge = new RendererBridge({ send: (c, p) => void sent.push([c, p]), isDestroyed: () => false });
  const setMenuState = vi.fn();
  const handlers = createAppHandlers<Owner>({
    recent,
    documents,
    onRecentChanged,
    bridgeFor: (owner) => (owner === mainWindow ? bridge : null),
    setMenuState,
  });
  return {
    recent,
    documents,
    handlers,
    bridge,
    sent,
    onRecentChanged,
    addRecentDocument,
    setMenuState,
    files,
  };
}

describe('opening documents handed over by the OS', () => {
  it('reads the file, remembers it as recent (and with the OS), and reports it', async () => {
    const { documents, recent, onRecentChanged, addRecentDocument } = await setup();
    await expect(documents.open(A)).resolves.toEqual({
      ok: true,
      fileName: 'a.coarchitect.json',
      content: '{"a":1}',
    });
    expect(recent.list()).toEqual([A]);
    expect(onRecentChanged).toHaveBeenCalled();
    expect(addRecentDocument).toHaveBeenCalledWith(A);
  });

  it('reports a file it cannot read, in words, and drops a vanished recent file', async () => {
    const { documents, recent } = await setup();
    await recent.add(path.resolve('/data/gone.json'));
    await expect(documents.open(path.resolve('/data/gone.json'))).resolves.toEqual({
      ok: false,
      fileName: 'gone.json',
      message: 'Could not open "gone.json": the file does not exist.',
    });
    expect(recent.list()).toEqual([]);
  });

  it('refuses files that are too large or not UTF-8, like file:open, and does not remember them', async () => {
    const { recent } = await setup({});
    const files = memoryFiles({ [A]: '{}' });
    files.size = async () => 30 * 1024 * 1024;
    const opener = createDocumentOpener({ files, recent, onRecentChanged: () => {} });
    await expect(opener.open(A)).resolves.toMatchObject({
      ok: false,
      message: expect.stringMatching(/is 30 MB/),
    });

    const binary = memoryFiles({});
    binary.size = async () => 3;
    binary.readBytes = async () => new Uint8Array([0xff, 0xfe, 0xfd]);
    const opener2 = createDocumentOpener({ files: binary, recent, onRecentChanged: () => {} });
    await expect(opener2.open(B)).resolves.toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a UTF-8/),
    });
    expect(recent.list()).toEqual([]);
  });
});

describe('app handlers', () => {
  it('list recent files as names and folders, and open them by index', async () => {
    const { handlers, recent } = await setup();
    await recent.add(A);
    await recent.add(B);
    await expect(handlers['recent:list'](appPage, {})).resolves.toEqual([
      { name: 'b.coarchitect.json', folder: path.dirname(B) },
      { name: 'a.coarchitect.json', folder: path.dirname(A) },
    ]);
    await expect(handlers['recent:open'](appPage, { index: 1 })).resolves.toEqual({
      fileName: 'a.coarchitect.json',
      content: '{"a":1}',
    });
    expect(recent.list()).toEqual([A, B]);
    await expect(handlers['recent:open'](appPage, { index: 5 })).rejects.toThrow(/no longer in the list/);
  });

  it.each([
    [{ index: -1 }, /must not be negative/],
    [{ index: 10 }, /below 10/],
    [{ index: 1.5 }, /whole number/],
    [{ index: '0' }, /Invalid arguments for recent:open/],
    [{ path: '/etc/passwd' }, /Invalid arguments for recent:open/],
    [{ index: 0, path: '/etc/passwd' }, /Unrecognized key/],
    [undefined, /Invalid arguments/],
  ])('refuse a recent:open request %j: the renderer can never name a path', async (request, message) => {
    const { handlers, recent } = await setup();
    await recent.add(A);
    await expect(handlers['recent:open'](appPage, request)).rejects.toThrow(message);
  });

  it('clear the recent files', async () => {
    const { handlers, recent, onRecentChanged } = await setup();
    await recent.add(A);
    await expect(handlers['recent:clear'](appPage, {})).resolves.toBeNull();
    expect(recent.list()).toEqual([]);
    expect(onRecentChanged).toHaveBeenCalled();
  });

  it('take the menu state of the window that sent it, validated', async () => {
    const { handlers, setMenuState } = await setup();
    const state = { workflowOpen: true, hasWorkflows: true };
    await handlers['menu:state'](appPage, state);
    expect(setMenuState).toHaveBeenCalledWith(mainWindow, state);
    await expect(
      handlers['menu:state'](appPage, { workflowOpen: 'yes', hasWorkflows: true }),
    ).rejects.toThrow(/Invalid arguments for menu:state/);
  });

  it('mark the main window ready and take its flush answers', async () => {
    const { handlers, bridge, sent } = await setup();
    bridge.send('menu:command', { command: 'about' });
    await handlers['app:ready'](appPage, {});
    expect(sent).toEqual([['menu:command', { command: 'about' }]]);
    const flushing = bridge.requestFlush(5_000);
    const { requestId } = sent[1]![1] as { requestId: string };
    await handlers['app:flushed'](appPage, { requestId });
    await expect(flushing).resolves.toBe('flushed');
    await expect(handlers['app:ready']({ ...appPage, owner: otherWindow }, {})).rejects.toThrow(/refused/);
    await expect(handlers['app:ready'](appPage, { extra: 1 })).rejects.toThrow(/Unrecognized key/);
    await expect(handlers['app:flushed'](appPage, { requestId: 42 })).rejects.toThrow(/Invalid arguments/);
  });

  it.each(UNTRUSTED)('refuse every channel when the sender is not an app page (%j)', async (sender) => {
    const { handlers, recent } = await setup();
    await recent.add(A);
    const requests: Record<string, unknown> = {
      'recent:list': {},
      'recent:open': { index: 0 },
      'recent:clear': {},
      'menu:state': { workflowOpen: false, hasWorkflows: false },
      'app:ready': {},
      'app:flushed': { requestId: 'x' },
    };
    for (const [channel, request] of Object.entries(requests)) {
      const handler = handlers[channel as keyof typeof handlers] as (
        s: unknown,
        r: unknown,
      ) => Promise<unknown>;
      await expect(handler(sender, request), channel).rejects.toThrow(`${channel} refused`);
    }
    expect(recent.list()).toEqual([A]);
  });
});

describe('registerIpcHandlers', () => {
  it('registers exactly the channels of the contract, passing the sender and only the first argument', async () => {
    const { handlers } = await setup();
    const registered = new Map<string, (event: { url: string }, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain = { handle: vi.fn((channel: string, listener) => void registered.set(channel, listener)) };
    const fileHandlers = createFileHandlers<Owner>({
      dialogs: { chooseOpenPath: async () => A, chooseSavePath: async () => null },
      files: memoryFiles({ [A]: '[]' }),
    });
    const backupHandlers = createBackupHandlers<Owner>({ dir: path.join(os.tmpdir(), 'no-backups-here') });
    registerIpcHandlers(
      ipcMain,
      {
        ...fileHandlers,
        ...handlers,
        ...backupHandlers,
        ...createPresentingHandlers<Owner>({
          mainWindowOf: () => null,
          printToPdf: async () => new Uint8Array(),
          dialogs: { chooseSavePath: async () => null },
          files: memoryFiles({}),
          presenter: { open: () => ({ opened: true, otherDisplay: false }), close: () => {} },
        }),
      },
      (event: { url: string }) => ({
        frameUrl: event.url,
        owner: mainWindow,
      }),
    );

    expect([...registered.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    const open = registered.get('file:open')!;
    await expect(open({ url: 'app://coarchitect/index.html' }, { filters: [] }, 'ignored')).resolves.toEqual({
      fileName: 'a.coarchitect.json',
      content: '[]',
    });
    await expect(open({ url: 'https://evil.example/' }, { filters: [] })).rejects.toThrow(/refused/);
  });

  it('records a file opened through the dialog as recent', async () => {
    const onOpened = vi.fn();
    const handlers = createFileHandlers<Owner>({
      dialogs: { chooseOpenPath: async () => A, chooseSavePath: async () => null },
      files: memoryFiles({ [A]: '{}' }),
      onOpened,
    });
    await handlers['file:open'](appPage, { filters: [] });
    expect(onOpened).toHaveBeenCalledWith(A);
  });
});

describe('end-to-end test hooks', () => {
  const dialogs = { chooseOpenPath: async () => null, chooseSavePath: async () => '/from/dialog.json' };

  it('skip the save dialog only when unpackaged and given an absolute path', async () => {
    const env = { [E2E_SAVE_PATH_ENV]: '/tmp/out.coarchitect.json' };
    const options = { suggestedName: 'x.json', filters: [] };
    await expect(withE2eSavePath(dialogs, env, false).chooseSavePath(null, options)).resolves.toBe(
      '/tmp/out.coarchitect.json',
    );
    await expect(withE2eSavePath(dialogs, env, true).chooseSavePath(null, options)).resolves.toBe(
      '/from/dialog.json',
    );
    await expect(
      withE2eSavePath(dialogs, { [E2E_SAVE_PATH_ENV]: 'relative.json' }, false).chooseSavePath(null, options),
    ).resolves.toBe('/from/dialog.json');
    expect(withE2eSavePath(dialogs, {}, false)).toBe(dialogs);
  });

  it('move userData only when unpackaged', () => {
    expect(userDataOverride({ [USER_DATA_DIR_ENV]: '/tmp/profile' }, false)).toBe('/tmp/profile');
    expect(userDataOverride({ [USER_DATA_DIR_ENV]: '/tmp/profile' }, true)).toBeNull();
    expect(userDataOverride({}, false)).toBeNull();
  });
});
