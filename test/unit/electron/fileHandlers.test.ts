import { mkdtemp, rm, writeFile, readFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createFileHandlers,
  type FileDialogs,
  type IpcSender,
  type TextFiles,
} from '../../../electron/fileHandlers';
import { nodeTextFiles } from '../../../electron/nodeTextFiles';
import { MAX_OPEN_BYTES, MAX_SAVE_BYTES } from '../../../shared/ipc';

type Owner = { id: number };
const window1: Owner = { id: 1 };
const app: IpcSender<Owner> = { frameUrl: 'app://coarchitect/index.html', owner: window1 };
const jsonFilters = [{ name: 'Coarchitect workflow', extensions: ['coarchitect.json', 'json'] }];

function fakeDialogs(paths: { save?: string | null; open?: string | null } = {}) {
  return {
    chooseSavePath: vi.fn<FileDialogs<Owner>['chooseSavePath']>(async () => paths.save ?? null),
    chooseOpenPath: vi.fn<FileDialogs<Owner>['chooseOpenPath']>(async () => paths.open ?? null),
  };
}

/** An in-memory file system; `sizes` overrides what size() reports (to fake huge files cheaply). */
function fakeFiles(contents: Record<string, Uint8Array | string> = {}, sizes: Record<string, number> = {}) {
  const store = new Map(
    Object.entries(contents).map(([p, c]) => [p, typeof c === 'string' ? new TextEncoder().encode(c) : c]),
  );
  const files = {
    size: vi.fn<TextFiles['size']>(async (p) => {
      const bytes = store.get(p);
      if (!bytes) throw Object.assign(new Error(`ENOENT: no such file, stat '${p}'`), { code: 'ENOENT' });
      return sizes[p] ?? bytes.length;
    }),
    readBytes: vi.fn<TextFiles['readBytes']>(async (p, max) => {
      const bytes = store.get(p)!;
      return bytes.length > max ? null : bytes;
    }),
    writeText: vi.fn<TextFiles['writeText']>(async (p, content) => {
      store.set(p, new TextEncoder().encode(content));
    }),
  };
  return { files, store };
}

const validSave = {
  suggestedName: 'Onboarding.coarchitect.json',
  content: '{"ok":true}',
  filters: jsonFilters,
};

describe('file:save', () => {
  it('asks where to save, attached to the sender window, and writes the content there', async () => {
    const dialogs = fakeDialogs({ save: '/home/ana/Documents/Onboarding v2.coarchitect.json' });
    const { files, store } = fakeFiles();
    const handlers = createFileHandlers({ dialogs, files });

    await expect(handlers['file:save'](app, validSave)).resolves.toEqual({
      saved: true,
      fileName: 'Onboarding v2.coarchitect.json',
    });
    expect(dialogs.chooseSavePath).toHaveBeenCalledWith(window1, {
      suggestedName: 'Onboarding.coarchitect.json',
      filters: jsonFilters,
    });
    expect(new TextDecoder().decode(store.get('/home/ana/Documents/Onboarding v2.coarchitect.json'))).toBe(
      '{"ok":true}',
    );
  });

  it('returns saved: false when the user cancels the dialog, and writes nothing', async () => {
    const { files } = fakeFiles();
    const handlers = createFileHandlers({ dialogs: fakeDialogs({ save: null }), files });
    await expect(handlers['file:save'](app, validSave)).resolves.toEqual({ saved: false, fileName: null });
    expect(files.writeText).not.toHaveBeenCalled();
  });

  it.each([
    [undefined, /Invalid arguments for file:save/],
    ['a string', /Invalid arguments for file:save/],
    [{ ...validSave, suggestedName: '' }, /file name must not be empty/],
    [{ ...validSave, suggestedName: '../../.bashrc' }, /must not contain path separators/],
    [{ ...validSave, suggestedName: 'C:\\Windows\\x.json' }, /must not contain path separators/],
    [{ ...validSave, suggestedName: '..' }, /must not be "\." or "\.\."/],
    [{ ...validSave, suggestedName: 'x'.repeat(256) }, /at most 255 characters/],
    [{ ...validSave, content: 42 }, /content/],
    [{ ...validSave, filters: [{ name: 'JSON', extensions: ['.json'] }] }, /without a leading dot/],
    [{ ...validSave, extra: true }, /Unrecognized key/],
  ])('refuses bad arguments %# with a clear error before any dialog opens', async (request, message) => {
    const dialogs = fakeDialogs({ save: '/tmp/x.json' });
    const { files } = fakeFiles();
    const handlers = createFileHandlers({ dialogs, files });
    await expect(handlers['file:save'](app, request)).rejects.toThrow(message);
    expect(dialogs.chooseSavePath).not.toHaveBeenCalled();
    expect(files.writeText).not.toHaveBeenCalled();
  });

  it('refuses content over 50 MB, counted in UTF-8 bytes', async () => {
    const handlers = createFileHandlers({
      dialogs: fakeDialogs({ save: '/tmp/x' }),
      files: fakeFiles().files,
    });
    // Under the limit in UTF-16 code units, over it in UTF-8 bytes (é is two bytes).
    const content = 'é'.repeat(MAX_SAVE_BYTES / 2 + 1);
    await expect(handlers['file:save'](app, { ...validSave, content })).rejects.toThrow(/at most 50 MB/);
  });

  it('explains a failed write without a stack or errno code', async () => {
    const { files } = fakeFiles();
    files.writeText.mockRejectedValueOnce(
      Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }),
    );
    const handlers = createFileHandlers({ dialogs: fakeDialogs({ save: '/root/x.json' }), files });
    await expect(handlers['file:save'](app, validSave)).rejects.toThrow(
      'Could not save "x.json": permission denied.',
    );
  });
});

describe('file:open', () => {
  it('returns the chosen file name and its text', async () => {
    const { files } = fakeFiles({ '/data/plan.coarchitect.json': '{"schemaVersion":1} — ünïcode' });
    const dialogs = fakeDialogs({ open: '/data/plan.coarchitect.json' });
    const handlers = createFileHandlers({ dialogs, files });
    await expect(handlers['file:open'](app, { filters: jsonFilters })).resolves.toEqual({
      fileName: 'plan.coarchitect.json',
      content: '{"schemaVersion":1} — ünïcode',
    });
    expect(dialogs.chooseOpenPath).toHaveBeenCalledWith(window1, { filters: jsonFilters });
  });

  it('returns null when the user cancels the dialog', async () => {
    const { files } = fakeFiles();
    const handlers = createFileHandlers({ dialogs: fakeDialogs({ open: null }), files });
    await expect(handlers['file:open'](app, { filters: [] })).resolves.toBeNull();
    expect(files.size).not.toHaveBeenCalled();
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const { files } = fakeFiles({ '/data/huge.json': '{}' }, { '/data/huge.json': 25.3 * 1024 * 1024 });
    const handlers = createFileHandlers({ dialogs: fakeDialogs({ open: '/data/huge.json' }), files });
    await expect(handlers['file:open'](app, { filters: jsonFilters })).rejects.toThrow(
      '"huge.json" is 25.3 MB; Coarchitect opens files of at most 20 MB.',
    );
    expect(files.readBytes).not.toHaveBeenCalled();
  });

  it('refuses a file that grew past the limit after it was measured', async () => {
    const { files } = fakeFiles(
      { '/data/growing.json': new Uint8Array(MAX_OPEN_BYTES + 1) },
      { '/data/growing.json': 10 },
    );
    const handlers = createFileHandlers({ dialogs: fakeDialogs({ open: '/data/growing.json' }), files });
    await expect(handlers['file:open'](app, { filters: [] })).rejects.toThrow(
      '"growing.json" is larger than 20 MB; Coarchitect opens files of at most 20 MB.',
    );
  });

  it('refuses a file that is not UTF-8 text', async () => {
    const { files } = fakeFiles({ '/data/photo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]) });
    const handlers = createFileHandlers({ dialogs: fakeDialogs({ open: '/data/photo.png' }), files });
    await expect(handlers['file:open'](app, { filters: [] })).rejects.toThrow(
      '"photo.png" is not a UTF-8 text file.',
    );
  });

  it('explains a missing file', async () => {
    const { files } = fakeFiles();
    const handlers = createFileHandlers({ dialogs: fakeDialogs({ open: '/data/gone.json' }), files });
    await expect(handlers['file:open'](app, { filters: [] })).rejects.toThrow(
      'Could not open "gone.json": the file does not exist.',
    );
  });

  it.each([[null], [{}], [{ filters: 'json' }], [{ filters: [{ name: '', extensions: ['json'] }] }]])(
    'refuses bad arguments %j',
    async (request) => {
      const dialogs = fakeDialogs({ open: '/data/x.json' });
      const handlers = createFileHandlers({ dialogs, files: fakeFiles().files });
      await expect(handlers['file:open'](app, request)).rejects.toThrow(/Invalid arguments for file:open/);
      expect(dialogs.chooseOpenPath).not.toHaveBeenCalled();
    },
  );
});

describe('sender check', () => {
  it.each([
    ['another origin', 'https://evil.example/'],
    ['a look-alike host', 'app://coarchitect.evil/index.html'],
    ['a file page', 'file:///home/ana/page.html'],
    ['a devtools page', 'devtools://devtools/bundled/inspector.html'],
    ['a destroyed frame', null],
  ])('refuses calls from %s on both channels', async (_what, frameUrl) => {
    const dialogs = fakeDialogs({ save: '/tmp/x.json', open: '/tmp/x.json' });
    const { files } = fakeFiles({ '/tmp/x.json': '{}' });
    const handlers = createFileHandlers({ dialogs, files });
    const sender = { frameUrl, owner: window1 };
    await expect(handlers['file:save'](sender, validSave)).rejects.toThrow(
      'file:save refused: the request did not come from a Coarchitect page.',
    );
    await expect(handlers['file:open'](sender, { filters: [] })).rejects.toThrow('file:open refused');
    expect(dialogs.chooseSavePath).not.toHaveBeenCalled();
    expect(dialogs.chooseOpenPath).not.toHaveBeenCalled();
  });
});

describe('nodeTextFiles', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'coarchitect-files-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes and reads back UTF-8 text', async () => {
    const file = path.join(dir, 'plan.json');
    await nodeTextFiles.writeText(file, '{"name":"Übergabe"}');
    expect(await readFile(file, 'utf8')).toBe('{"name":"Übergabe"}');
    expect(await nodeTextFiles.size(file)).toBe(Buffer.byteLength('{"name":"Übergabe"}'));
    expect(new TextDecoder().decode((await nodeTextFiles.readBytes(file, 1000))!)).toBe(
      '{"name":"Übergabe"}',
    );
  });

  it('stops reading one byte past the limit', async () => {
    const file = path.join(dir, 'big.txt');
    await writeFile(file, 'x'.repeat(3 * 1024 * 1024));
    expect(await nodeTextFiles.readBytes(file, 3 * 1024 * 1024 - 1)).toBeNull();
    expect((await nodeTextFiles.readBytes(file, 3 * 1024 * 1024))!.length).toBe(3 * 1024 * 1024);
  });

  it('reads an empty file', async () => {
    const file = path.join(dir, 'empty.json');
    await writeFile(file, '');
    expect((await nodeTextFiles.readBytes(file, 10))!.length).toBe(0);
  });

  it('refuses folders and missing files with errno codes the handlers explain', async () => {
    await mkdir(path.join(dir, 'folder.json'));
    await expect(nodeTextFiles.size(path.join(dir, 'folder.json'))).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(nodeTextFiles.size(path.join(dir, 'missing.json'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
