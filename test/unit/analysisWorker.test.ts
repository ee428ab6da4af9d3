// The analysis worker's message protocol, run in Node with a stand-in for the worker scope.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { customerSupportExample } from '../../shared/examples/customerSupport';
import { analyzeWorkflow } from '../../shared/analysis/analyze';
import type { AnalysisWorkerResponse } from '../../renderer/workers/analysis.worker';

const posted: AnalysisWorkerResponse[] = [];
let listener: ((event: { data: unknown }) => void) | null = null;

beforeAll(async () => {
  vi.stubGlobal('self', {
    postMessage: (message: AnalysisWorkerResponse) => posted.push(message),
    addEventListener: (_type: string, l: (event: { data: unknown }) => void) => {
      listener = l;
    },
  });
  await import('../../renderer/workers/analysis.worker');
});
afterAll(() => vi.unstubAllGlobals());

describe('analysis worker', () => {
  const { workflows, roles } = customerSupportExample();
  const asIs = workflows[0]!;

  it('answers with the same analysis as on the UI thread', () => {
    listener!({ data: { id: 'a', workflow: asIs, roles, options: { explain: 'summary' } } });
    const reply = posted.find((m) => m.id === 'a');
    expect(reply?.ok).toBe(true);
    expect(reply?.ok && reply.result).toEqual(analyzeWorkflow(asIs, roles, { explain: 'summary' }));
  });

  it('refuses a request beyond a bound with the bound message, without analysing', () => {
    const huge = roles.map((r, i) => (i === 0 ? { ...r, headcount: 1e16 } : r));
    listener!({ data: { id: 'b', workflow: asIs, roles: huge, options: {} } });
    const reply = posted.find((m) => m.id === 'b');
    expect(reply).toEqual({
      id: 'b',
      ok: false,
      message: 'Invalid analysis request at roles.0.headcount: headcount must be at most 100,000 (got 1e16)',
    });
  });
});
