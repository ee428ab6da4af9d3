import { describe, expect, it } from 'vitest';
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
const roles: Role[] = [
  { id: 'a', name: 'A', headcount: 100, hoursPerWeek: 40, costPerHour: 60 },
  { id: 'b', name: 'B', headcount: 100, hoursPerWeek: 40, costPerHour: 30 },
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
    const [source, rest] = spec.split('>') as [string, string];
    const [target, p] = rest.split(':') as [string, string | undefined];
    return { id: `e${i}`, source, target, label: '', probability: p === undefined ? null : Number(p) };
  });
function workflow(steps: StepInput[], e: Edge[]): Workflow {
  return {
    id: 'wf',
    name: 'Parallel',
    description: '',
    kind: 'to-be',
    redesignOfId: null,
    volumePerWeek: 10,
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

describe('parallel split and join', () => {
  it('runs every branch once, counts all their work, and waits for the longest branch', () => {
    // s → split → {x 10 min (A), y 30 min (B)} → join → z 5 min → e
    const wf = workflow(
      [par('split'), task('x', 10), task('y', 30, 'b'), par('join'), task('z', 5)],
      edges('s>split', 'split>x', 'split>y', 'x>join', 'y>join', 'join>z', 'z>e'),
    );
    const a = analyzeWorkflow(wf, roles);
    if (!a.ok) throw new Error(a.error.message);
    const visits = Object.fromEntries(a.steps.map((s) => [s.id, s.visits]));
    expect(visits).toMatchObject({ split: 1, x: 1, y: 1, join: 1, z: 1 });
    // Work: A does 10 + 5 = 15 min per case, B 30 min; 10 cases a week → 2.5 h and 5 h.
    expect(a.roles.find((r) => r.id === 'a')!.loadHoursPerWeek).toBeCloseTo(2.5, 10);
    expect(a.roles.find((r) => r.id === 'b')!.loadHoursPerWeek).toBeCloseTo(5, 10);
    // Processing time along the case: the longest branch (30) + 5, not 10 + 30 + 5.
    expect(a.cycleTimeMinutes.processing).toBeCloseTo(35, 10);
    // Cost counts every branch: 15 min × 60/h + 30 min × 30/h = 15 + 15 = 30.
    expect(a.costPerCase.people).toBeCloseTo(30, 10);
  });

  it('handles a decision inside a branch and a parallel block nested in another', () => {
    // Outer split: branch 1 = decision (0.5: p 20 min, 0.5: q 40 min) → join; branch 2 = inner block {u 5, v 50} → inner join → outer join.
    const wf = workflow(
      [
        par('split'),
        { type: 'decision', id: 'd', name: 'd', position },
        task('p', 20),
        task('q', 40),
        par('split2'),
        task('u', 5),
        task('v', 50),
        par('join2'),
        par('join'),
      ],
      edges(
        's>split',
        'split>d',
        'd>p:0.5',
        'd>q:0.5',
        'p>join',
        'q>join',
        'split>split2',
        'split2>u',
        'split2>v',
        'u>join2',
        'v>join2',
        'join2>join',
        'join>e',
      ),
    );
    const a = analyzeWorkflow(wf, roles);
    if (!a.ok) throw new Error(a.error.message);
    const visits = Object.fromEntries(a.steps.map((s) => [s.id, s.visits]));
    // The decision's two alternatives both lead into the outer join (k = 3 inputs: p, q, join2) …
    expect(visits.p).toBeCloseTo(0.5, 10);
    expect(visits.u).toBeCloseTo(1, 10);
    expect(visits.join2).toBeCloseTo(1, 10);
    // … but the join waits for one token per branch of its split (2), so it fires once per case.
    expect(visits.join).toBeCloseTo(1, 10);
    // Branch 1 expects 0.5 × 20 + 0.5 × 40 = 30 min; branch 2 is max(5, 50) = 50 min → 50.
    expect(a.cycleTimeMinutes.processing).toBeCloseTo(50, 10);
  });

  it('repeats the reworked work of a review loop inside a branch', () => {
    // Branch 1: x 10 min, then review 2 min rejecting 20% back to x: visits 1.25 each → 15 min.
    // Branch 2: y 12 min. The case waits for branch 1: 15 min.
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
        task('y', 12, 'b'),
        par('join'),
      ],
      edges('s>split', 'split>x', 'x>r', 'r>join', 'split>y', 'y>join', 'join>e'),
    );
    const a = analyzeWorkflow(wf, roles);
    if (!a.ok) throw new Error(a.error.message);
    const visits = Object.fromEntries(a.steps.map((s) => [s.id, s.visits]));
    expect(visits.x).toBeCloseTo(1.25, 10);
    expect(visits.join).toBeCloseTo(1, 10);
    expect(a.cycleTimeMinutes.processing).toBeCloseTo(15, 10);
  });

  it('reports a split whose branches never meet', () => {
    const wf = workflow(
      [par('split'), task('x', 10), task('y', 30)],
      edges('s>split', 'split>x', 'split>y', 'x>e', 'y>e'),
    );
    const a = analyzeWorkflow(wf, roles);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.error.message).toMatch(/split 'split'.*never meet/i);
  });
});
