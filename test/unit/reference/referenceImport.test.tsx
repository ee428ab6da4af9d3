// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AboutDialog } from '../../../renderer/desktop/AboutDialog';
import { importReferenceBytes } from '../../../renderer/reference/importReference';
import { loadStoredPack, removeStoredPack } from '../../../renderer/reference/referenceDb';
import { ensureReference, useReference } from '../../../renderer/reference/referenceStore';
import { fixturePackJson, gzipJson, smallTsv } from './fixture';

afterEach(async () => {
  cleanup();
  await removeStoredPack();
  useReference.setState({ state: { status: 'idle' } });
});

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('Import reference data…', () => {
  it('stores an accepted pack in its own database and makes it the reference data', async () => {
    const result = await importReferenceBytes('fixture.refpack', gzipJson(fixturePackJson()));
    expect(result).toEqual({ ok: true, summary: 'Reference data imported: 30 tasks in 3 occupations.' });
    expect((await loadStoredPack())?.fileName).toBe('fixture.refpack');
    const state = useReference.getState().state;
    expect(state.status === 'ready' && state.source).toBe('imported');
  });

  it('finds the imported pack again after a restart, before any bundled one', async () => {
    await importReferenceBytes('fixture.refpack', gzipJson(fixturePackJson()));
    useReference.setState({ state: { status: 'idle' } });
    const fetch = vi.fn(() => Promise.reject(new Error('not asked')));
    vi.stubGlobal('fetch', fetch);
    await ensureReference();
    const state = useReference.getState().state;
    expect(state.status === 'ready' && [state.source, state.fileName]).toEqual([
      'imported',
      'fixture.refpack',
    ]);
    expect(fetch).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('without an imported or bundled pack, says suggestions need reference data', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 404 })));
    await ensureReference();
    expect(useReference.getState().state).toEqual({ status: 'none', problem: null });
    vi.unstubAllGlobals();
  });

  it('accepts the original TSV, saying how many rows it skipped', async () => {
    const result = await importReferenceBytes('full_labelset.tsv', utf8(smallTsv()));
    expect(result).toEqual({
      ok: true,
      summary:
        'Reference data imported: 4 tasks in 2 occupations (1 row skipped: line 5: no task statement).',
    });
  });

  it('a refused file changes nothing stored: the pack imported before stays', async () => {
    await importReferenceBytes('fixture.refpack', gzipJson(fixturePackJson()));
    const before = await loadStoredPack();
    expect(before?.fileName).toBe('fixture.refpack');
    const { licence: _l, ...noLicence } = fixturePackJson();
    for (const [name, bytes] of [
      ['future.refpack', gzipJson({ ...fixturePackJson(), version: 2 })],
      ['other.refpack', gzipJson({ ...fixturePackJson(), format: 'x' })],
      ['unlicensed.refpack', gzipJson(noLicence)],
      ['notes.tsv', utf8('just some text\n')],
      ['image.png', new Uint8Array([0x89, 0x50, 0xff, 0xfe, 0x00])],
    ] as const) {
      const result = await importReferenceBytes(name, bytes);
      expect(result.ok, name).toBe(false);
    }
    expect(await loadStoredPack()).toEqual(before);
    const state = useReference.getState().state;
    expect(state.status === 'ready' && state.index.pack.tasks.length).toBe(30);
  });
});

describe('About › Data sources', () => {
  it('credits O*NET (CC BY 4.0, modified, O*NET® as an adjective) and shows the MIT notice', async () => {
    // No bundled pack in a unit test: the fetch fails and the label set's own credits are shown.
    vi.stubGlobal('fetch', () => Promise.reject(new Error('offline')));
    render(<AboutDialog open onClose={() => {}} />);
    const credits = await screen.findByRole('list', { name: 'Data source credits' });
    const text = credits.textContent ?? '';
    expect(text).toContain('O*NET 27.2 Database — CC BY 4.0.');
    expect(text).toContain('has modified all or some of this information');
    expect(text).toContain('O*NET® is a trademark of USDOL/ETA');
    expect(text).toContain('GPTs are GPTs exposure labels — MIT.');
    const section = screen.getByRole('region', { name: 'Data sources' });
    expect(within(section).getByText(/GPTs-are-GPTs repository \(MIT notice\)/)).toBeTruthy();
    expect(section.textContent).toContain('Copyright (c) 2024 OpenAI');
    vi.unstubAllGlobals();
  });
});
