import { noLearningPlan } from '../../../shared/model/schema';
import { describe, expect, it } from 'vitest';
import { createSimulation, simulateWorkflow } from '../../../shared/simulation/index';
import type {
  SimulationOptions,
  SimulationResult,
  SimulationSummary,
} from '../../../shared/simulation/index';
import { analyzeWorkflow } from '../../../shared/analysis/analyze';
import {
  completeSteps,
  type Edge,
  type Role,
  type StepInput,
  type Workflow,
} from '../../../shared/model/schema';

const AT = '2026-11-01T09:00:00.000Z';
const position = { x: 0, y: 0 };
// Plenty of people: nobody ever waits, so times are exactly the processing times. With 1,000 servers of
// 40 hours, one working minute is one clock minute.
const roles: Role[] = [
  { id: 'a', name: 'A', headcount: 1000, hoursPerWeek: 40, costPerHour: 60, skillLevels: [], people: [] },
  { id: 'b', name: 'B', headcount: 1000, hoursPerWeek: 40, costPerHour: 30, skillLevels: [], people: [] },
];
/** A task of fixed `minutes`, or of a PERT [min, likely, max]. */
const task = (id: string, minutes: number | [number, number, number], roleId = 'a'): StepInput => {
  const [min, likely, max] = typeof minutes === 'number' ? [minutes, minutes, minutes] : minutes;
  return { type: 'task', id, name: id, mode: 'human', roleId, position, duration: { min, likely, max } };
};
const review = (id: string, minutes: number, rejectionRate: number, reworkTargetId: string): StepInput => ({
  type: 'review',
  id,
  name: id,
  roleId: 'a',
  position,
  duration: { min: minutes, likely: minutes, max: minutes },
  rejectionRate,
  reworkTargetId,
});
const par = (id: string): StepInput => ({ type: 'parallel', id, name: id, position });
const decision = (id: string): StepInput => ({ type: 'decision', id, name: id, position });
/** 'a>b' connects a to b; 'a>b:0.3' gives the connection a branch probability. */
const edges = (...specs: string[]): Edge[] =>
  specs.map((spec, i) => {
    const [source, rest] = spec.split('>') as [string, string];
    const [target, p] = rest.split(':') as [string, string | undefined];
    return { id: `e${i}`, source, target, label: '', probability: p === undefined ? null : Number(p) };
  });
function workflow(steps: StepInput[], e: Edge[], volumePerWeek = 200): Workflow {
  return {
    id: 'wf',
    name: 'Parallel',
    description: '',
    kind: 'to-be',
    redesignOfId: null,
    volumePerWeek,
    steps: completeSteps([
      { type: 'start', id: 's', name: 's', position },
      ...steps,
      { type: 'end', id: 'e', name: 'e', position },
    ]),
    edges: e,
    ...noLearningPlan(),
    createdAt: AT,
    updatedAt: AT,
  };
}
function ok(result: SimulationResult): SimulationSummary {
  if (!result.ok) throw new Error(result.cancelled ? 'cancelled' : result.error.message);
  return result;
}
const visitsOf = (sim: SimulationSummary) =>
  Object.fromEntries(sim.steps.map((s) => [s.id, s.visitsPerCase?.mean ?? 0]));

/** split → {x 10 (role A), y 30 (role B)} → join → z 5 (role A) → end. */
const twoBranches = (volume = 200) =>
  workflow(
    [par('split'), task('x', 10), task('y', 30, 'b'), par('join'), task('z', 5)],
    edges('s>split', 'split>x', 'split>y', 'x>join', 'y>join', 'join>z', 'z>e'),
    volume,
  );

describe('simulation of parallel branches', () => {
  it('runs every branch and waits for the slowest: branches of 10 and 30 minutes, then 5 → exactly 35', () => {
    const wf = twoBranches();
    const sim = ok(simulateWorkflow(wf, roles, { weeks: 4, replications: 3, seed: 3 }));
    expect(sim.cycleTimeMinutes.mean!.mean).toBeCloseTo(35, 9);
    expect(sim.cycleTimeMinutes.median!.mean).toBeCloseTo(35, 9);
    expect(sim.cycleTimeMinutes.p90!.mean).toBeCloseTo(35, 9);
    // On the clock too: 35 clock minutes from arrival to end.
    expect(sim.elapsedWeeks!.mean).toBeCloseTo(35 / 2400, 9);
    const visits = visitsOf(sim);
    for (const id of ['split', 'x', 'y', 'join', 'z']) expect(visits[id]).toBeCloseTo(1, 2);
    // Throughput equals arrivals: every case finishes once, not once per branch.
    expect(visits.e).toBeCloseTo(1, 2);
    expect(sim.throughputPerWeek!.mean).toBeGreaterThan(180);
    expect(sim.throughputPerWeek!.mean).toBeLessThan(220);
    expect(sim.completedCases).toBeCloseTo(sim.throughputPerWeek!.mean * 4 * 3, 6);
    expect(sim.stable).toBe(true);
    // The analytic engine says the same.
    const analytic = analyzeWorkflow(wf, roles);
    if (!analytic.ok) throw new Error(analytic.error.message);
    expect(analytic.cycleTimeMinutes.processing).toBeCloseTo(35, 9);
  });

  it('loads each branch’s role with its own work: utilisation = volume × minutes / capacity', () => {
    // 10 people of 40 hours = 24,000 minutes a week each role. A does x and z (15 min), B does y (30 min):
    // at 600 cases a week A is busy 600 × 15 / 24,000 = 37.5% and B 600 × 30 / 24,000 = 75%.
    const team: Role[] = roles.map((r) => ({ ...r, headcount: 10 }));
    const wf = twoBranches(600);
    const sim = ok(simulateWorkflow(wf, team, { weeks: 20, replications: 4, seed: 8 }));
    const util = (id: string) => sim.roles.find((r) => r.id === id)!.utilization!.mean;
    expect(Math.abs(util('a') - 0.375)).toBeLessThan(0.01);
    expect(Math.abs(util('b') - 0.75)).toBeLessThan(0.02);
    const analytic = analyzeWorkflow(wf, team);
    if (!analytic.ok) throw new Error(analytic.error.message);
    for (const id of ['a', 'b']) {
      expect(util(id)).toBeCloseTo(analytic.roles.find((r) => r.id === id)!.utilization!, 1);
    }
    // Stable: every case that arrives finishes, once.
    expect(sim.stable).toBe(true);
    expect(Math.abs(sim.throughputPerWeek!.mean / 600 - 1)).toBeLessThan(0.03);
    expect(visitsOf(sim).e).toBeCloseTo(1, 2);
    // Queueing now: each branch waits in its own queue, so the case takes longer than 35 minutes.
    expect(sim.cycleTimeMinutes.mean!.mean).toBeGreaterThan(35);
  });

  it('nests blocks: max(10, max(5, 20) + 3) + 2 = 25, and max(40, 23) + 2 = 42', () => {
    // Long times and high volume keep thousands of tokens in the blocks, so cases and fork records grow.
    const nested = (x: number) =>
      workflow(
        [
          par('split'),
          task('x', x * 100),
          par('split2'),
          task('u', 500),
          task('v', 2000, 'b'),
          par('join2'),
          task('w', 300),
          par('join'),
          task('z', 200),
        ],
        edges(
          's>split',
          'split>x',
          'split>split2',
          'split2>u',
          'split2>v',
          'u>join2',
          'v>join2',
          'join2>w',
          'x>join',
          'w>join',
          'join>z',
          'z>e',
        ),
        2000,
      );
    const big: Role[] = roles.map((r) => ({ ...r, headcount: 100_000 }));
    for (const [x, expected] of [
      [10, 2500],
      [40, 4200],
    ] as const) {
      const sim = ok(simulateWorkflow(nested(x), big, { weeks: 3, replications: 2, seed: 5 }));
      expect(sim.cycleTimeMinutes.mean!.mean).toBeCloseTo(expected, 6);
      expect(sim.cycleTimeMinutes.p90!.mean).toBeCloseTo(expected, 6);
      expect(sim.elapsedWeeks!.mean).toBeCloseTo(expected / 2400, 6);
      const visits = visitsOf(sim);
      // Every case enters both blocks at once; the joins fire once per case (cases still inside the blocks
      // when measuring stops have not got there yet, hence equal shares rather than 1).
      for (const id of ['split', 'x', 'split2', 'u', 'v']) expect(visits[id]).toBeCloseTo(1, 2);
      expect(visits.join2).toBeCloseTo(visits.w!, 9);
      expect(visits.join).toBeCloseTo(visits.z!, 9);
      expect(sim.completedCases).toBeGreaterThan(2 * 3 * 1000);
    }
  });

  it('a step can join one block and split into the next: max(10, 30) + max(5, 7) = 37', () => {
    const wf = workflow(
      [par('split'), task('x', 10), task('y', 30), par('both'), task('u', 5), task('v', 7), par('join')],
      edges(
        's>split',
        'split>x',
        'split>y',
        'x>both',
        'y>both',
        'both>u',
        'both>v',
        'u>join',
        'v>join',
        'join>e',
      ),
    );
    const sim = ok(simulateWorkflow(wf, roles, { weeks: 8, replications: 2, seed: 4 }));
    expect(sim.cycleTimeMinutes.mean!.mean).toBeCloseTo(37, 9);
    const visits = visitsOf(sim);
    for (const id of ['split', 'x', 'y', 'both', 'u', 'v', 'join', 'e']) expect(visits[id]).toBeCloseTo(1, 2);
  });

  it('a connection straight from the split to the join is a branch that takes no time', () => {
    const wf = workflow(
      [par('split'), task('x', 10), par('join')],
      edges('s>split', 'split>x', 'split>join', 'x>join', 'join>e'),
    );
    const sim = ok(simulateWorkflow(wf, roles, { weeks: 2, replications: 2, seed: 4 }));
    expect(sim.cycleTimeMinutes.mean!.mean).toBeCloseTo(10, 9);
    expect(visitsOf(sim).join).toBeCloseTo(1, 2);
  });

  it('a join waits for one token per branch, even when a decision in a branch reaches it twice', () => {
    // Branch 1: half the cases take p (10 min), half q (20 min), both connected to the join; branch 2: y 15.
    // Cycle time: ½ max(10, 15) + ½ max(20, 15) = 17.5; 90th percentile 20.
    const wf = workflow(
      [par('split'), decision('d'), task('p', 10), task('q', 20), task('y', 15, 'b'), par('join')],
      edges('s>split', 'split>d', 'd>p:0.5', 'd>q:0.5', 'p>join', 'q>join', 'split>y', 'y>join', 'join>e'),
    );
    const sim = ok(simulateWorkflow(wf, roles, { weeks: 8, replications: 4, seed: 21 }));
    expect(Math.abs(sim.cycleTimeMinutes.mean!.mean - 17.5)).toBeLessThan(0.2);
    expect(sim.cycleTimeMinutes.p90!.mean).toBeCloseTo(20, 9);
    const visits = visitsOf(sim);
    expect(visits.join).toBeCloseTo(1, 2);
    expect(visits.e).toBeCloseTo(1, 2);
    expect(Math.abs(visits.p! - 0.5)).toBeLessThan(0.03);
  });

  it('a rework loop inside a branch only delays that branch: visits 1 / (1 − 0.2) = 1.25', () => {
    // Outer: branch 1 = x 10 then review 2 rejecting 20% back to x; branch 2 = inner {u 5, v 8} → inner join.
    const wf = workflow(
      [
        par('split'),
        task('x', 10),
        review('r', 2, 0.2, 'x'),
        par('split2'),
        task('u', 5),
        task('v', 8, 'b'),
        par('join2'),
        par('join'),
      ],
      edges(
        's>split',
        'split>x',
        'x>r',
        'r>join',
        'split>split2',
        'split2>u',
        'split2>v',
        'u>join2',
        'v>join2',
        'join2>join',
        'join>e',
      ),
    );
    const sim = ok(simulateWorkflow(wf, roles, { weeks: 8, replications: 4, seed: 11 }));
    const visits = visitsOf(sim);
    expect(Math.abs(visits.x! - 1.25)).toBeLessThan(0.03);
    expect(Math.abs(visits.r! - 1.25)).toBeLessThan(0.03);
    for (const id of ['split', 'split2', 'u', 'v', 'join2', 'join', 'e'])
      expect(visits[id]).toBeCloseTo(1, 2);
    // Branch 1 takes 12 × (number of rounds) ≥ 12 minutes, branch 2 exactly 8: every case takes branch 1's time.
    // The mean of max(12·N, 8) with N geometric (p = 0.8) is 12 × 1.25 = 15 minutes.
    expect(Math.abs(sim.cycleTimeMinutes.mean!.mean - 15)).toBeLessThan(0.3);
    expect(sim.cycleTimeMinutes.median!.mean).toBeCloseTo(12, 9);
  });

  it('a rework loop around the whole block re-runs every branch: 1.25 rounds of 30 + 2 = 40 minutes', () => {
    const wf = workflow(
      [par('split'), task('x', 10), task('y', 30, 'b'), par('join'), review('r', 2, 0.2, 'split')],
      edges('s>split', 'split>x', 'split>y', 'x>join', 'y>join', 'join>r', 'r>e'),
    );
    const sim = ok(simulateWorkflow(wf, roles, { weeks: 8, replications: 4, seed: 12 }));
    const visits = visitsOf(sim);
    for (const id of ['split', 'x', 'y', 'join', 'r'])
      expect(Math.abs(visits[id]! - 1.25)).toBeLessThan(0.03);
    expect(visits.e).toBeCloseTo(1, 2);
    expect(Math.abs(sim.cycleTimeMinutes.mean!.mean - 40)).toBeLessThan(1);
  });

  describe('reproducibility with parallel branches and queues', () => {
    const team: Role[] = roles.map((r) => ({ ...r, headcount: 3 }));
    // PERT times and queueing, so that the random stream matters.
    const wf = workflow(
      [
        par('split'),
        task('x', [5, 10, 30]),
        task('y', [10, 20, 40], 'b'),
        par('join'),
        review('r', 3, 0.1, 'split'),
      ],
      edges('s>split', 'split>x', 'split>y', 'x>join', 'y>join', 'join>r', 'r>e'),
      200,
    );
    const options: SimulationOptions = { weeks: 4, replications: 3, seed: 77 };

    it('gives identical results for the same seed, however the run is sliced', () => {
      const a = ok(simulateWorkflow(wf, team, options));
      expect(ok(simulateWorkflow(wf, team, options))).toEqual(a);
      const run = createSimulation(wf, team, options);
      while (!run.advance(333));
      expect(run.result()).toEqual(a);
      expect(a.stable).toBe(true);
      expect(Math.abs(a.throughputPerWeek!.mean / 200 - 1)).toBeLessThan(0.1);
    });

    it('gives different results for a different seed', () => {
      const a = ok(simulateWorkflow(wf, team, options));
      const b = ok(simulateWorkflow(wf, team, { ...options, seed: 78 }));
      expect(a.cycleTimeMinutes.mean!.mean).not.toBe(b.cycleTimeMinutes.mean!.mean);
    });
  });
});

describe('ill-nested parallel graphs are refused, with the analysis engine’s message', () => {
  function refusal(wf: Workflow, options: Partial<SimulationOptions> = {}) {
    const sim = simulateWorkflow(wf, roles, { weeks: 1, replications: 2, seed: 1, ...options });
    if (sim.ok || sim.cancelled) throw new Error('expected a refusal');
    expect(sim.error.code).toBe('parallel-unbalanced');
    const analytic = analyzeWorkflow(wf, roles, { rejectionRate: options.rejectionRate ?? {} });
    expect(analytic.ok).toBe(false);
    if (!analytic.ok) expect(analytic.error.message).toBe(sim.error.message);
    return sim.error;
  }

  it('branches that reach an end without joining', () => {
    const error = refusal(
      workflow(
        [par('split'), task('x', 10), task('y', 30)],
        edges('s>split', 'split>x', 'split>y', 'x>e', 'y>e'),
      ),
    );
    expect(error.message).toMatch(/never meet/);
    expect(error.message).toMatch(/'split'/);
    expect(error.stepIds).toEqual(expect.arrayContaining(['split', 'e']));
  });

  it('a join that closes no split: its incoming count can never be matched', () => {
    const error = refusal(
      workflow(
        [decision('d'), task('p', 10), task('q', 20), par('merge')],
        edges('s>d', 'd>p:0.5', 'd>q:0.5', 'p>merge', 'q>merge', 'merge>e'),
      ),
    );
    expect(error.message).toMatch(/'merge'.*closes no parallel split/);
    expect(error.stepIds).toEqual(['merge']);
  });

  it('branches that run into each other before the join', () => {
    const error = refusal(
      workflow(
        [par('split'), task('x', 10), task('y', 30), task('m', 5), par('join'), task('w', 1)],
        edges('s>split', 'split>x', 'split>y', 'x>m', 'y>m', 'm>join', 'split>w', 'w>join', 'join>e'),
      ),
    );
    expect(error.message).toMatch(/run into each other at 'm'/);
  });

  it('a rework path from a branch back before the split, unless a what-if rate of 0 closes it', () => {
    const wf = workflow(
      [task('a0', 1), par('split'), task('x', 10), review('r', 2, 0.1, 'a0'), task('y', 5), par('join')],
      edges('s>a0', 'a0>split', 'split>x', 'x>r', 'r>join', 'split>y', 'y>join', 'join>e'),
    );
    expect(refusal(wf).stepIds).toContain('split');
    const sim = ok(
      simulateWorkflow(wf, roles, { weeks: 1, replications: 2, seed: 1, rejectionRate: { r: 0 } }),
    );
    expect(sim.cycleTimeMinutes.mean!.mean).toBeCloseTo(1 + 12, 9);
  });
});
