// The simulation worker's message protocol, run in Node with a stand-in for the worker scope.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import type { SimulationWorkerResponse } from '../../../renderer/workers/simulation.worker';

const posted: SimulationWorkerResponse[] = [];
let listener: ((event: { data: unknown }) => void) | null = null;

beforeAll(async () => {
  vi.stubGlobal('self', {
    postMessage: (message: SimulationWorkerResponse) => posted.push(message),
    addEventListener: (_type: string, l: (event: { data: unknown }) => void) => {
      listener = l;
    },
  });
  await import('../../../renderer/workers/simulation.worker');
});
afterAll(() => vi.unstubAllGlobals());

const send = (data: unknown) => listener!({ data });
async function reply(id: string, type: SimulationWorkerResponse['type']): Promise<SimulationWorkerResponse> {
  await vi.waitFor(
    () => {
      if (!posted.some((m) => m.id === id && m.type === type)) throw new Error('not yet');
    },
    { timeout: 4000, interval: 5 },
  );
  return posted.find((m) => m.id === id && m.type === type)!;
}

describe('simulation worker', () => {
  const { workflows, roles } = customerSupportExample();
  const asIs = workflows[0]!;

  it('runs a simulation and posts progress and the result', async () => {
    send({ type: 'run', id: 'a', workflow: asIs, roles, options: { weeks: 2, replications: 2, seed: 1 } });
    const result = await reply('a', 'result');
    expect(result.type === 'result' && result.result.ok).toBe(true);
    const progress = posted.filter((m) => m.id === 'a' && m.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1]).toEqual({ type: 'progress', id: 'a', done: 6, total: 6 });
  });

  it('answers an invalid message with an error naming the problem', async () => {
    send({
      type: 'run',
      id: 'b',
      workflow: { ...asIs, steps: 'nope' },
      roles,
      options: { weeks: 1, replications: 1, seed: 1 },
    });
    const error = await reply('b', 'error');
    expect(error.type === 'error' && error.message).toMatch(/workflow\.steps/);
    send({ type: 'run', id: 'c', workflow: asIs, roles, options: { weeks: -1, replications: 1, seed: 1 } });
    expect(await reply('c', 'error')).toMatchObject({ message: expect.stringMatching(/options\.weeks/) });
    send(null);
    expect(await reply('', 'error')).toMatchObject({ type: 'error' });
  });

  it('stops a run on cancel and posts a cancelled result', async () => {
    send({
      type: 'run',
      id: 'd',
      workflow: asIs,
      roles,
      options: { weeks: 2000, replications: 50, seed: 1 },
    });
    await reply('d', 'progress');
    send({ type: 'cancel', id: 'd' });
    const result = await reply('d', 'result');
    expect(result).toEqual({ type: 'result', id: 'd', result: { ok: false, cancelled: true } });
  });
});
