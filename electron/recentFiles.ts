/**
 * The recent-files list: at most MAX_RECENT_FILES paths of files the user opened, newest first, persisted in
 * userData. Only main ever sees the paths; the renderer gets names and folders, and opens an entry by its
 * index, so it can never make main read a path of its choosing.
 */
import path from 'node:path';
import { z } from 'zod';
import { MAX_RECENT_FILES, type RecentFile } from '../shared/ipc';
import { readValidated, type JsonStore } from './jsonFile';

export const RECENT_FILES_FILE = 'recent-files.json';

const StoredRecentFilesSchema = z.strictObject({
  version: z.literal(1),
  paths: z
    .array(
      z
        .string()
        .min(1)
        .max(4096)
        .refine((p) => path.isAbsolute(p) && !p.includes('\0')),
    )
    .max(MAX_RECENT_FILES),
});

export class RecentFiles {
  private paths: string[] = [];

  constructor(
    private readonly store: JsonStore,
    /** Windows and macOS file systems ignore case by default: "A.json" and "a.json" are one entry there. */
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** Reads the stored list; a missing or corrupt file gives an empty list. */
  async load(): Promise<void> {
    const stored = await readValidated(this.store, StoredRecentFilesSchema, { version: 1, paths: [] });
    this.paths = [...stored.paths];
  }

  list(): readonly string[] {
    return this.paths;
  }

  /** What the renderer and the menu show: name and folder, never used to open anything. */
  entries(): RecentFile[] {
    return this.paths.map((p) => ({ name: path.basename(p), folder: path.dirname(p) }));
  }

  at(index: number): string | null {
    return Number.isInteger(index) ? (this.paths[index] ?? null) : null;
  }

  /** Puts a file first (moving it up if it was listed) and drops the oldest beyond the limit. */
  async add(filePath: string): Promise<void> {
    const resolved = path.resolve(filePath);
    this.paths = [resolved, ...this.paths.filter((p) => !this.same(p, resolved))].slice(0, MAX_RECENT_FILES);
    await this.save();
  }

  async remove(filePath: string): Promise<void> {
    const before = this.paths.length;
    this.paths = this.paths.filter((p) => !this.same(p, filePath));
    if (this.paths.length !== before) await this.save();
  }

  async clear(): Promise<void> {
    this.paths = [];
    await this.save();
  }

  private same(a: string, b: string): boolean {
    const caseless = this.platform === 'win32' || this.platform === 'darwin';
    return caseless ? a.toLowerCase() === b.toLowerCase() : a === b;
  }

  private save(): Promise<void> {
    return this.store.write({ version: 1, paths: this.paths });
  }
}
