/**
 * The import worker's client: the pipeline runs in a worker where there is one, a worker that does not
 * answer in time is terminated and the file refused, a worker that fails is reported, and without workers
 * (Node) the same pure pipeline runs inline.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkReferenceBytes, parseImportText } from '../../renderer/workers/importClient';
import type { ImportWorkerRequest, ImportWorkerResponse } from '../../renderer/workers/import.worker';
import { parseDocument } from '../../shared/format/importer';
import { checkReferenceFile } from '../../shared/reference/checkFile';
import { fixturePackJson, gzipJson } from './reference/fixture';

const valid = readFileSync('test/fixtures/format-v3/minimal.json', 'utf8');

type Behaviour = 'answer' | 'hang' | 'crash';

/** A stand-in for a module Web Worker that runs the pipeline, never answers, or fails. */
function fakeWorker(behaviour: Behaviour) {
  const made: FakeWorker[] = [];
  class FakeWorker extends EventTarget {
    terminated = false;
    constructor() {
      super();
      made.push(this);
    }
    requests: ImportWorkerRequest[] = [];
    postMessage(request: ImportWorkerRequest) {
      this.requests.push(request);
      setTimeout(() => {
        if (this.terminated) return;
        if (behaviour === 'answer') {
          const data: ImportWorkerResponse =
            request.kind === 'document'
              ? { id: request.id, kind: 'document', result: parseDocument(request.text) }
              : { id: request.id, kind: 'reference', result: checkReferenceFile(request.bytes) };
          this.dispatchEvent(new MessageEvent('message', { data }));
        } else if (behaviour === 'crash') {
          const event = new Event('error') as Event & { message: string };
          event.message = 'out of memory';
          this.dispatchEvent(event);
        }
      }, 1);
    }
    terminate() {
      this.terminated = true;
    }
  }
  vi.stubGlobal('Worker', FakeWorker);
  return made;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('parseImportText', () => {
  it('runs inline where there are no workers', async () => {
    expect(typeof Worker).toBe('undefined');
    expect((await parseImportText(valid)).ok).toBe(true);
  });

  it('takes the answer of the worker and ends it', async () => {
    const made = fakeWorker('answer');
    expect((await parseImportText(valid)).ok).toBe(true);
    expect(made.map((w) => w.terminated)).toEqual([true]);
  });

  it('refuses the file when the worker does not answer in time, and terminates it', async () => {
    const made = fakeWorker('hang');
    const result = await parseImportText(valid, 30);
    expect(result).toMatchObject({
      ok: false,
      issues: [{ path: '$', message: expect.stringMatching(/took longer than 0.03 s/) }],
    });
    expect(made[0]?.terminated).toBe(true);
  });

  it('reports a worker that fails', async () => {
    fakeWorker('crash');
    const result = await parseImportText(valid);
    expect(result).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringMatching(/could not be checked: out of memory/) }],
    });
  });
});

describe('checkReferenceBytes', () => {
  const pack = () => gzipJson(fixturePackJson());

  it('runs inline where there are no workers', async () => {
    const result = await checkReferenceBytes(pack());
    expect(result.ok && [result.pack.tasks.length, result.pack.occupations.length]).toEqual([30, 3]);
  });

  it('sends reference data to the import worker, not the document reader, and ends it', async () => {
    const made = fakeWorker('answer');
    const result = await checkReferenceBytes(pack());
    expect(result.ok && result.pack.tasks.length).toBe(30);
    expect(made.map((w) => [w.requests[0]?.kind, w.terminated])).toEqual([['reference', true]]);
  });

  it('refuses reference data when the worker does not answer in time', async () => {
    const made = fakeWorker('hang');
    expect(await checkReferenceBytes(pack(), 30)).toEqual({
      ok: false,
      reason: 'Checking the file took longer than 0.03 s; it is too large or too complex to import.',
    });
    expect(made[0]?.terminated).toBe(true);
  });

  it('reports a worker that fails while checking reference data', async () => {
    fakeWorker('crash');
    expect(await checkReferenceBytes(pack())).toEqual({
      ok: false,
      reason: 'The file could not be checked: out of memory.',
    });
  });
});
