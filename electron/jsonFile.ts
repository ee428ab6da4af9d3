/**
 * Small JSON files of the app's own under userData (recent files, window state). Reads never throw: a missing,
 * unreadable or corrupt file, or one that does not match its schema, reads as the fallback, so a damaged file
 * can never keep the app from starting. Writes go to a temporary file that is then renamed over the old one,
 * so a crash mid-write leaves the previous version, never half a file.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';

export interface JsonStore {
  /** The parsed JSON, or undefined when the file is missing or is not JSON. */
  read(): Promise<unknown>;
  write(value: unknown): Promise<void>;
}

/** Refuses to read more than this: these files hold a few hundred bytes. */
const MAX_JSON_BYTES = 256 * 1024;

export function jsonFileStore(filePath: string): JsonStore {
  let writes: Promise<void> = Promise.resolve();
  return {
    async read() {
      try {
        const text = await readFile(filePath, 'utf8');
        if (text.length > MAX_JSON_BYTES) return undefined;
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    },
    write(value) {
      // One write at a time, in order: the last value asked for is the one that stays.
      const next = writes.then(async () => {
        await mkdir(path.dirname(filePath), { recursive: true });
        const temporary = `${filePath}.${process.pid}.tmp`;
        await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
        await rename(temporary, filePath);
      });
      writes = next.catch(() => {});
      return next;
    },
  };
}

/** Reads a store and validates it; the fallback when it is missing, corrupt or of another shape. */
export async function readValidated<T>(store: JsonStore, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const result = schema.safeParse(await store.read());
  return result.success ? result.data : fallback;
}

/** An in-memory store, for tests and for when userData cannot be written. */
export function memoryStore(initial?: unknown): JsonStore & { value: unknown } {
  const store = {
    value: initial,
    async read() {
      return store.value;
    },
    async write(value: unknown) {
      store.value = JSON.parse(JSON.stringify(value)) as unknown;
    },
  };
  return store;
}
