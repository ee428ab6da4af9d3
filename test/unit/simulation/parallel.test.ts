import { describe, expect, it } from 'vitest';
import { simulateWorkflow } from '../../../shared/simulation/index';
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
// Plenty of people: nobody ever waits, so times are exactly the processing times.
const roles: Role[] = [
  { id: 'a', name: 'A', headcount: 1000, hoursPerWeek: 40, costPerHour: 60 },
  { id: 'b', name: 'B', headcount: 1000, hoursPerWeek: 40, costPerHour: 30 },
];
const task = (id: string, minutes: number, roleId = 'a'): StepInput => ({
  type: 'task',
  id,
  name: id,
  mode: 'human',
  roleId,
  position,
  duration: { min: minutes, likely: minutes, max: minutes },
});
const par = (id: string): StepInput => ({ type: 'parallel', id, name: id, position });
const edges = (...specs: string[]): Edge[] =>
  specs.map((spec, i) => {
    const [source, target] = spec.split('>') as [string, string];
    return { id: `e${i}`, source, target, label: '', probability: null };
  });
function workflow(steps: StepInput[], e: Edge[]): Workflow {
  return {
    id: 'wf',
    name: 'Parallel',
    description: '',
    kind: 'to-be',
    redesignOfId: null,
    volumePerWeek: 200,
    steps: completeSteps([
      { type: 'start', id: 's', name: 's', position },
      ...steps,
      { type: 'end', id: 'e', name: 'e', position },
    ]),
    edges: e,
    createdAt: AT,
    updatedAt: AT,
  };
}

describe('simulation of parallel branches', () => {
  it('runs every branch and waits for the slowest: 10 and 30 minutes, then 5 → 35 minutes', () => {
    const wf = workflow(
      [par('split'), task('x', 10), task('y', 30, 'b'), par('join'), task('z', 5)],
      edges('s>split', 'split>x', 'split>y', 'x>join', 'y>join', 'join>z', 'z>e'),
    );
    const sim = simulateWorkflow(wf, roles, { weeks: 4, replications: 3, seed: 3 });
    if (!sim.ok) throw new Error(sim.cancelled ? 'cancelled' : sim.error.message);
    expect(sim.cycleTimeMinutes.mean!.mean).toBeCloseTo(35, 9);
    const visits = Object.fromEntries(sim.steps.map((s) => [s.id, s.visitsPerCase?.mean ?? 0]));
    for (const id of ['split', 'x', 'y', 'join', 'z']) expect(visits[id]).toBeCloseTo(1, 2);
    // Throughput equals arrivals: every case finishes once, not once per branch.
    expect(sim.throughputPerWeek!.mean).toBeGreaterThan(180);
    expect(sim.throughputPerWeek!.mean).toBeLessThan(220);
    // Both branches use their own role: B's utilization is its load / capacity, as the analysis says.
    const analytic = analyzeWorkflow(wf, roles);
    if (!analytic.ok) throw new Error(analytic.error.message);
    const b = sim.roles.find((r) => r.id === 'b')!;
    expect(b.utilization!.mean).toBeCloseTo(analytic.roles.find((r) => r.id === 'b')!.utilization!, 2);
    expect(analytic.cycleTimeMinutes.processing).toBeCloseTo(35, 9);
  });

  it('handles nested blocks and a rework loop inside a branch', () => {
    // Outer: branch 1 = x 10 then review 2 rejecting 20% back to x; branch 2 = inner {u 5, v 8} → inner join.
    const wf = workflow(
      [
        par('split'),
        task('x', 10),
        {
          type: 'review',
          id: 'r',
          name: 'r',
          roleId: 'a',
          position,
          duration: { min: 2, likely: 2, max: 2 },
          rejectionRate: 0.2,
          reworkTargetId: 'x',
        },
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
    const sim = simulateWorkflow(wf, roles, { weeks: 8, replications: 4, seed: 11 });
    if (!sim.ok) throw new Error(sim.cancelled ? 'cancelled' : sim.error.message);
    const visits = Object.fromEntries(sim.steps.map((s) => [s.id, s.visitsPerCase?.mean ?? 0]));
    expect(visits.x).toBeCloseTo(1.25, 1);
    expect(visits.join).toBeCloseTo(1, 2);
    expect(visits.join2).toBeCloseTo(1, 2);
    // Branch 1 takes 12 × (number of rounds) ≥ 12 minutes, branch 2 exactly 8: every case takes branch 1's time.
    // The mean of max(12·N, 8) with N geometric (p = 0.8) is 12 × 1.25 = 15 minutes.
    expect(sim.cycleTimeMinutes.mean!.mean).toBeCloseTo(15, 0);
  });

  it('refuses branches that never meet, with the analysis engine’s message', () => {
    const wf = workflow(
      [par('split'), task('x', 10), task('y', 30)],
      edges('s>split', 'split>x', 'split>y', 'x>e', 'y>e'),
    );
    const sim = simulateWorkflow(wf, roles, { weeks: 1, replications: 2, seed: 1 });
    expect(sim.ok).toBe(false);
    if (!sim.ok && !sim.cancelled) {
      expect(sim.error.code).toBe('parallel-unbalanced');
      expect(sim.error.message).toMatch(/never meet/);
    }
  });
});
