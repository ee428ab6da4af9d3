/**
 * The reference data the app has, if any: an imported pack (kept in its own database) wins over the one the
 * build bundled. Loaded on first use, not at start-up, so the app opens as fast without it.
 */
import { create } from 'zustand';
import { buildIndex, readPack, type ReferenceIndex } from '../../shared/reference/index';
import { loadStoredPack } from './referenceDb';

/** Where the build puts the pack (scripts/build-reference-pack.mjs), relative to index.html. */
export const BUNDLED_PACK_URL = './reference/onet-exposure.refpack';

export type ReferenceSource = 'imported' | 'bundled';

export type ReferenceState =
  | { status: 'idle' | 'loading' }
  | { status: 'none'; problem: string | null }
  | { status: 'ready'; index: ReferenceIndex; source: ReferenceSource; fileName: string };

export const useReference = create<{ state: ReferenceState }>()(() => ({ state: { status: 'idle' } }));

async function fetchBundled(): Promise<Uint8Array | null> {
  try {
    const response = await fetch(BUNDLED_PACK_URL);
    if (!response.ok) return null;
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return null;
  }
}

let loading: Promise<void> | null = null;

/** Loads the reference data once; later calls wait for the same load. */
export function ensureReference(): Promise<void> {
  if (useReference.getState().state.status === 'ready') return Promise.resolve();
  loading ??= load().finally(() => {
    loading = null;
  });
  return loading;
}

async function load(): Promise<void> {
  useReference.setState({ state: { status: 'loading' } });
  let problem: string | null = null;
  try {
    const stored = await loadStoredPack();
    if (stored) {
      const read = readPack(stored.bytes);
      if (read.ok) {
        setReady(buildIndex(read.pack), 'imported', stored.fileName);
        return;
      }
      problem = `The imported reference data could not be read: ${read.reason}`;
    }
  } catch (error) {
    problem = `The imported reference data could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
  }
  const bundled = await fetchBundled();
  const read = bundled ? readPack(bundled) : null;
  if (read?.ok) {
    setReady(buildIndex(read.pack), 'bundled', 'onet-exposure.refpack');
    return;
  }
  if (read && !read.ok) problem = `The bundled reference data could not be read: ${read.reason}`;
  useReference.setState({ state: { status: 'none', problem } });
}

export function setReady(index: ReferenceIndex, source: ReferenceSource, fileName: string): void {
  useReference.setState({ state: { status: 'ready', index, source, fileName } });
}
