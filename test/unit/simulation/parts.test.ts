/**
 * Simulation on every core: the replications split into parts (one per worker) give the same result, to
 * the bit, as one run, for 1, 2 and 4 parts; a part that hits a cap makes the merge decline.
 */
import { describe, expect, it } from 'vitest';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { largeWorkspace } from '../../../shared/examples/largeWorkflow';
import {
  createSimulationPart,
  mergeParts,
  simulateWorkflow,
  splitReplications,
  type SimulationPart,
} from '../../../shared/simulation/index';
import type { Role, Workflow } from '../../../shared/model/schema';
import type { SimulationSettings } from '../../../shared/simulation/index';

function runInParts(workflow: Workflow, roles: readonly Role[], options: SimulationSettings, n: number) {
  const parts: SimulationPart[] = [];
  for (const range of splitReplications(options.replications, n)) {
    const run = createSimulationPart(workflow, roles, options, range);
    while (!run.advance(10_000));
    const part = run.figures();
    if (!part) throw new Error('the part did not finish');
    parts.push(part);
  }
  // The order the workers answer in does not matter.
  return mergeParts(workflow, roles, options, parts.reverse());
}

describe('splitReplications', () => {
  it('covers every replication once, in contiguous near-equal ranges', () => {
    expect(splitReplications(10, 4)).toEqual([
      { from: 0, to: 2 },
      { from: 2, to: 5 },
      { from: 5, to: 7 },
      { from: 7, to: 10 },
    ]);
    expect(splitReplications(3, 8)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
      { from: 2, to: 3 },
    ]);
    expect(splitReplications(5, 1)).toEqual([{ from: 0, to: 5 }]);
  });
});

describe('a simulation in parts', () => {
  const support = customerSupportExample();
  const toBe = support.workflows.find((w) => w.kind === 'to-be')!;
  const large = largeWorkspace(200, 8, { decisionEvery: 4 });
  const cases: [string, Workflow, readonly Role[], SimulationSettings][] = [
    ['customer-support to-be, 8 replications', toBe, support.roles, { weeks: 2, replications: 8, seed: 7 }],
    [
      'generated 200 steps, 5 replications, a what-if',
      large.workflows[0]!,
      large.roles,
      { weeks: 1, replications: 5, seed: 3, volumePerWeek: 150 },
    ],
  ];
  for (const [name, workflow, roles, options] of cases) {
    it(`gives the single run's result for 1, 2 and 4 parts: ${name}`, () => {
      const single = simulateWorkflow(workflow, roles, options);
      expect(single.ok).toBe(true);
      for (const n of [1, 2, 4]) expect(runInParts(workflow, roles, options, n)).toEqual(single);
    });
  }

  it('declines to merge when the parts reach the event cap together, as one run would have stopped', () => {
    const options = { weeks: 2, replications: 4, seed: 1 };
    const events = (simulateWorkflow(toBe, support.roles, options) as { events: number }).events;
    const capped = { ...options, maxEvents: events - 10 };
    expect(runInParts(toBe, support.roles, capped, 4)).toBeNull();
    expect(runInParts(toBe, support.roles, { ...options, maxEvents: events + 1 }, 4)).toEqual(
      simulateWorkflow(toBe, support.roles, { ...options, maxEvents: events + 1 }),
    );
  });

  it('refuses a part outside the run, and parts that leave a replication out', () => {
    const options = { weeks: 1, replications: 4, seed: 1 };
    const outside = createSimulationPart(toBe, support.roles, options, { from: 2, to: 6 });
    expect(outside.advance(1)).toBe(true);
    expect(outside.result()).toMatchObject({ ok: false, error: { code: 'invalid-option' } });
    const first = createSimulationPart(toBe, support.roles, options, { from: 0, to: 2 });
    while (!first.advance(10_000));
    expect(mergeParts(toBe, support.roles, options, [first.figures()!])).toBeNull();
  });
});
