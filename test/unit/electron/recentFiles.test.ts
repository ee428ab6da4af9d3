import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonFileStore, memoryStore } from '../../../electron/jsonFile';
import { RecentFiles } from '../../../electron/recentFiles';
import { MAX_RECENT_FILES } from '../../../shared/ipc';

const file = (n: number) => path.resolve(`/data/plan-${n}.coarchitect.json`);

describe('RecentFiles', () => {
  it('keeps the newest first, moves a reopened file to the top and keeps at most 10', async () => {
    const store = memoryStore();
    const recent = new RecentFiles(store, 'linux');
    await recent.load();
    expect(recent.list()).toEqual([]);

    for (let n = 1; n <= 12; n++) await recent.add(file(n));
    expect(recent.list()).toHaveLength(MAX_RECENT_FILES);
    expect(recent.list()[0]).toBe(file(12));
    expect(recent.list()).not.toContain(file(2));

    await recent.add(file(5));
    expect(recent.list()[0]).toBe(file(5));
    expect(recent.list().filter((p) => p === file(5))).toHaveLength(1);
    expect(store.value).toEqual({ version: 1, paths: [...recent.list()] });
  });

  it('gives the renderer names and folders, and opens entries only by index', async () => {
    const recent = new RecentFiles(memoryStore(), 'linux');
    await recent.add('/home/ana/Documents/Support.coarchitect.json');
    expect(recent.entries()).toEqual([{ name: 'Support.coarchitect.json', folder: '/home/ana/Documents' }]);
    expect(recent.at(0)).toBe('/home/ana/Documents/Support.coarchitect.json');
    expect(recent.at(1)).toBeNull();
    expect(recent.at(-1)).toBeNull();
    expect(recent.at(0.5)).toBeNull();
  });

  it('treats names that differ only in case as one file on Windows and macOS, as two on Linux', async () => {
    const mac = new RecentFiles(memoryStore(), 'darwin');
    await mac.add('/Users/ana/Plan.json');
    await mac.add('/Users/ana/plan.json');
    expect(mac.list()).toEqual(['/Users/ana/plan.json']);

    const linux = new RecentFiles(memoryStore(), 'linux');
    await linux.add('/home/ana/Plan.json');
    await linux.add('/home/ana/plan.json');
    expect(linux.list()).toHaveLength(2);
  });

  it('removes and clears', async () => {
    const recent = new RecentFiles(memoryStore(), 'linux');
    await recent.add(file(1));
    await recent.add(file(2));
    await recent.remove(file(1));
    expect(recent.list()).toEqual([file(2)]);
    await recent.clear();
    expect(recent.list()).toEqual([]);
  });

  it.each([
    ['not JSON at all', undefined],
    ['another shape', { paths: 'x' }],
    ['a newer version', { version: 2, paths: [] }],
    ['relative paths', { version: 1, paths: ['plan.json'] }],
    ['too many entries', { version: 1, paths: Array.from({ length: 11 }, (_, n) => file(n)) }],
    ['extra keys', { version: 1, paths: [], evil: true }],
  ])('reads a corrupt file (%s) as an empty list', async (_what, stored) => {
    const recent = new RecentFiles(memoryStore(stored), 'linux');
    await recent.load();
    expect(recent.list()).toEqual([]);
  });
});

describe('jsonFileStore', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'coarchitect-json-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes atomically into a folder it creates and reads back; a corrupt file reads as undefined', async () => {
    const target = path.join(dir, 'nested', 'recent-files.json');
    const store = jsonFileStore(target);
    expect(await store.read()).toBeUndefined();
    await Promise.all([store.write({ n: 1 }), store.write({ n: 2 })]);
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({ n: 2 });
    expect(await store.read()).toEqual({ n: 2 });

    await writeFile(target, '{ "version": 1, "paths": [');
    expect(await store.read()).toBeUndefined();
    const recent = new RecentFiles(store, 'linux');
    await recent.load();
    expect(recent.list()).toEqual([]);
  });
});
