import { noLearningPlan } from '../../../shared/model/schema';
import { describe, expect, it } from 'vitest';
import { analyzeWorkflow } from '../../../shared/analysis/analyze';
import { computeVisits, DENSE_LIMIT } from '../../../shared/analysis/visits';
import { findParallelBlocks } from '../../../shared/flow/parallel';
import * as h from './helpers';
import type { Step } from '../../../shared/model/schema';
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
  { id: 'a', name: 'A', headcount: 100, hoursPerWeek: 40, costPerHour: 60, skillLevels: [], people: [] },
  { id: 'b', name: 'B', headcount: 100, hoursPerWeek: 40, costPerHour: 30, skillLevels: [], people: [] },
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
    ...noLearningPlan(),
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

describe('parallel blocks: the longest path, loops and nesting', () => {
  const one = [h.role('A', 100, 40, 60)];

  it('counts 40 min of work per case for branches of 10 and 30 min, but 30 min on the path', () => {
    // s → split → {x 10, y 30} → join → e, all one role: load 10 + 30 = 40 min per case; path max(10, 30) = 30.
    const wf = h.workflow(
      [
        h.start(),
        h.parallel('split'),
        h.task('x', 'A', [10, 10, 10]),
        h.task('y', 'A', [30, 30, 30]),
        h.parallel('join'),
        h.end(),
      ],
      h.edges('start>split', 'split>x', 'split>y', 'x>join', 'y>join', 'join>end'),
      10,
    );
    const a = h.analyzeOk(wf, one);
    expect(a.steps.map((s) => s.visits)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(a.roles[0]!.loadMinutesPerCase).toBeCloseTo(40, 12);
    expect(a.roles[0]!.loadHoursPerWeek).toBeCloseTo((10 * 40) / 60, 12);
    expect(a.cycleTimeMinutes.processing).toBeCloseTo(30, 12);
    expect(a.costPerCase.people).toBeCloseTo(40, 12); // 40 min at 60/h
    const why = a.explanations['cycleTimeMinutes.total']!;
    expect(why).toContain("split 'split': branches 'x' 10");
    expect(why).toContain("'y' 30");
    expect(why).toContain('slowest branch');
    expect(a.explanations['steps.join.visits']).toContain(
      'arrivals from the branches / 2 = (1 (next step from',
    );
    expect(a.explanations['steps.x.visits']).toContain("parallel branch from 'split'");
  });

  it('waits for the branch that is slowest with its queue, and splits its time into processing and waiting', () => {
    // 192 cases a week. x: 10 min (constant) by A, 1 person × 40 h = 2,400 min → ρ = 192 × 10 / 2,400 = 0.8;
    // Wq = ρ / (1 − ρ) × 10 × (1 + 0) / 2 = 4 × 10 / 2 = 20 min. y: 20 min by B, 100 people: no wait to speak of.
    // Branch x: 10 + 20 = 30 min > branch y: 20 min (+ ~0): the case waits for x → processing 10, waiting 20.
    const roles = [h.role('A', 1, 40, 60), h.role('B', 100, 40, 60)];
    const build = (volume: number) =>
      h.workflow(
        [
          h.start(),
          h.parallel('split'),
          h.task('x', 'A', [10, 10, 10]),
          h.task('y', 'B', [20, 20, 20]),
          h.parallel('join'),
          h.end(),
        ],
        h.edges('start>split', 'split>x', 'split>y', 'x>join', 'y>join', 'join>end'),
        volume,
      );
    const a = h.analyzeOk(build(192), roles);
    expect(a.steps.find((s) => s.id === 'x')!.waitMinutes).toBeCloseTo(20, 9);
    expect(a.cycleTimeMinutes.processing).toBeCloseTo(10, 12);
    expect(a.cycleTimeMinutes.waiting).toBeCloseTo(20, 9);
    expect(a.cycleTimeMinutes.total).toBeCloseTo(30, 9);
    // Over capacity (A at 250%) the wait is unbounded; processing is then the longest path by work: 20.
    const over = h.analyzeOk(build(600), roles);
    expect(over.cycleTimeMinutes.waiting).toBeNull();
    expect(over.cycleTimeMinutes.total).toBeNull();
    expect(over.cycleTimeMinutes.processing).toBeCloseTo(20, 12);
  });

  it('re-runs the whole block when a review after the join sends work back to the split', () => {
    // Review r (0 min) rejects 20% back to the split: every step of the block runs 1 / 0.8 = 1.25 times;
    // path = 1.25 × max(10, 30) = 37.5 min; the end is reached once per case.
    const wf = h.workflow(
      [
        h.start(),
        h.parallel('split'),
        h.task('x', 'A', [10, 10, 10]),
        h.task('y', 'A', [30, 30, 30]),
        h.parallel('join'),
        h.review('r', 0.2, 'split', 'A', [0, 0, 0]),
        h.end(),
      ],
      h.edges('start>split', 'split>x', 'split>y', 'x>join', 'y>join', 'join>r', 'r>end'),
    );
    const a = h.analyzeOk(wf, one);
    const visits = Object.fromEntries(a.steps.map((s) => [s.id, s.visits]));
    for (const id of ['split', 'x', 'y', 'join', 'r']) expect(visits[id]).toBeCloseTo(1.25, 12);
    expect(visits.end).toBeCloseTo(1, 12);
    expect(a.cycleTimeMinutes.processing).toBeCloseTo(37.5, 12);
    expect(a.roles[0]!.loadMinutesPerCase).toBeCloseTo(1.25 * 40, 12);
  });

  it('takes a connection straight from the split to the join as an empty branch', () => {
    // split → {x 10 → join, join}: the join waits for x's token and the empty branch's: visits 1, path 10.
    const wf = h.workflow(
      [h.start(), h.parallel('split'), h.task('x', 'A', [10, 10, 10]), h.parallel('join'), h.end()],
      h.edges('start>split', 'split>x', 'x>join', 'split>join', 'join>end'),
    );
    const a = h.analyzeOk(wf, one);
    expect(a.steps.find((s) => s.id === 'join')!.visits).toBeCloseTo(1, 12);
    expect(a.cycleTimeMinutes.processing).toBeCloseTo(10, 12);
    expect(a.explanations['cycleTimeMinutes.total']).toContain('(straight to the join) 0');
  });

  it('lets one parallel step join a block and split the next', () => {
    // split → {a 5, b 8} → mid (joins, then splits) → {c 20, d 4} → join: path 8 + 20 = 28, work 37.
    const wf = h.workflow(
      [
        h.start(),
        h.parallel('split'),
        h.task('a', 'A', [5, 5, 5]),
        h.task('b', 'A', [8, 8, 8]),
        h.parallel('mid'),
        h.task('c', 'A', [20, 20, 20]),
        h.task('d', 'A', [4, 4, 4]),
        h.parallel('join'),
        h.end(),
      ],
      h.edges(
        'start>split',
        'split>a',
        'split>b',
        'a>mid',
        'b>mid',
        'mid>c',
        'mid>d',
        'c>join',
        'd>join',
        'join>end',
      ),
    );
    const a = h.analyzeOk(wf, one);
    expect(a.steps.map((s) => s.visits)).toEqual(Array(9).fill(1));
    expect(a.cycleTimeMinutes.processing).toBeCloseTo(28, 12);
    expect(a.roles[0]!.loadMinutesPerCase).toBeCloseTo(37, 12);
  });

  it('nests blocks three deep and takes the slowest branch at every level', () => {
    // outer: {p 12, inner1}; inner1: {q 3, inner2, r 9}; inner2: {u 4, v 7} then w 2.
    // inner2 = max(4, 7) = 7; + w 2 → branch 9 of inner1; inner1 = max(3, 9, 9) = 9; outer = max(12, 9) = 12.
    // Make p 6 instead and the outer block takes 9 via inner1.
    const build = (p: number) =>
      h.workflow(
        [
          h.start(),
          h.parallel('o'),
          h.task('p', 'A', [p, p, p]),
          h.parallel('i1'),
          h.task('q', 'A', [3, 3, 3]),
          h.parallel('i2'),
          h.task('u', 'A', [4, 4, 4]),
          h.task('v', 'A', [7, 7, 7]),
          h.parallel('j2'),
          h.task('w', 'A', [2, 2, 2]),
          h.task('r', 'A', [9, 9, 9]),
          h.parallel('j1'),
          h.parallel('jo'),
          h.end(),
        ],
        h.edges(
          'start>o',
          'o>p',
          'o>i1',
          'p>jo',
          'i1>q',
          'i1>i2',
          'i1>r',
          'q>j1',
          'r>j1',
          'i2>u',
          'i2>v',
          'u>j2',
          'v>j2',
          'j2>w',
          'w>j1',
          'j1>jo',
          'jo>end',
        ),
      );
    const a12 = h.analyzeOk(build(12), one);
    expect(a12.steps.every((s) => Math.abs(s.visits - 1) < 1e-12)).toBe(true);
    expect(a12.cycleTimeMinutes.processing).toBeCloseTo(12, 12);
    expect(a12.roles[0]!.loadMinutesPerCase).toBeCloseTo(12 + 3 + 4 + 7 + 2 + 9, 12);
    expect(h.analyzeOk(build(6), one).cycleTimeMinutes.processing).toBeCloseTo(9, 12);
    const blocks = findParallelBlocks(build(6));
    if (!blocks.ok) throw new Error(blocks.message);
    // Innermost first, each knowing the block and branch it lies in.
    expect(blocks.blocks.map((b) => [b.splitId, b.joinId, b.parentSplitId, b.parentBranch])).toEqual([
      ['i2', 'j2', 'i1', 1],
      ['i1', 'j1', 'o', 1],
      ['o', 'jo', null, -1],
    ]);
  });

  it('solves a loop of more than DENSE_LIMIT steps around a block exactly (sparse elimination)', () => {
    // A block with two branches of 20 one-minute steps each, inside a rework loop of r = 0.2: all visits 1.25.
    const steps = [h.start(), h.task('first', 'A'), h.parallel('split')];
    const specs = ['start>first', 'first>split'];
    for (const side of ['a', 'b']) {
      for (let k = 0; k < 20; k++) {
        steps.push(h.task(`${side}${k}`, 'A'));
        specs.push(k === 0 ? `split>${side}0` : `${side}${k - 1}>${side}${k}`);
      }
      specs.push(`${side}19>join`);
    }
    steps.push(h.parallel('join'), h.review('r', 0.2, 'first', 'A', [0, 0, 0]), h.end());
    specs.push('join>r', 'r>end');
    const wf = h.workflow(steps, h.edges(...specs));
    expect(steps.length - 2).toBeGreaterThan(DENSE_LIMIT);
    const solved = computeVisits(wf);
    if (!solved.ok) throw new Error(solved.error.message);
    for (let i = 1; i < steps.length - 1; i++) expect(solved.visits[i]).toBeCloseTo(1.25, 12);
    expect(solved.visits[steps.length - 1]).toBeCloseTo(1, 12);
    // Path per round: first 1 + max(20, 20) = 21 min, 1.25 rounds → 26.25; work (1 + 40) × 1.25 = 51.25.
    const a = h.analyzeOk(wf, one);
    expect(a.cycleTimeMinutes.processing).toBeCloseTo(26.25, 10);
    expect(a.roles[0]!.loadMinutesPerCase).toBeCloseTo(51.25, 10);
  });
});

describe('parallel blocks that are not well nested are refused', () => {
  const refused = (steps: ReturnType<typeof h.start>[], specs: string[], options = {}) => {
    const a = analyzeWorkflow(h.workflow(steps, h.edges(...specs)), [], options);
    if (a.ok) throw new Error('expected the analysis to refuse the workflow');
    expect(a.error.code).toBe('parallel-unbalanced');
    return a.error;
  };
  const x = h.task('x', null, [10, 10, 10]);
  const y = h.task('y', null, [30, 30, 30]);

  it('a branch that can leave the block for the end', () => {
    const e = refused(
      [h.start(), h.parallel('S'), x, h.decision('d'), y, h.parallel('J'), h.end()],
      ['start>S', 'S>x', 'S>y', 'x>d', 'd>J:0.5', 'd>end:0.5', 'y>J', 'J>end'],
    );
    expect(e.message).toMatch(
      /branches of parallel split 'S' never meet again: the one that starts at 'x' reaches the end step 'end'/,
    );
    expect(e.stepIds).toEqual(['S', 'end']);
  });

  it('a rework path from inside a branch back to before the split', () => {
    const e = refused(
      [h.start(), h.task('p'), h.parallel('S'), x, h.review('r', 0.5, 'p'), y, h.parallel('J'), h.end()],
      ['start>p', 'p>S', 'S>x', 'x>r', 'r>J', 'S>y', 'y>J', 'J>end'],
    );
    expect(e.message).toContain("A branch of parallel split 'S' leads back to the split itself");
  });

  it('a rework path from after the join into one branch', () => {
    const e = refused(
      [h.start(), h.parallel('S'), x, y, h.parallel('J'), h.review('r', 0.5, 'x'), h.end()],
      ['start>S', 'S>x', 'S>y', 'x>J', 'y>J', 'J>r', 'r>end'],
    );
    expect(e.message).toContain(
      "Step 'x', in a branch of parallel split 'S', is also reached from 'r', outside that branch",
    );
    expect(e.stepIds).toEqual(['x', 'r']);
  });

  it('… but only when the review can reject: at 0% it is fine, a what-if rate above 0 is refused', () => {
    const steps = [h.start(), h.parallel('S'), x, h.review('r', 0, 'x'), y, h.parallel('J'), h.end()];
    const specs = ['start>S', 'S>x', 'S>y', 'x>J', 'y>J', 'J>r', 'r>end'];
    expect(analyzeWorkflow(h.workflow(steps, h.edges(...specs)), []).ok).toBe(true);
    refused(steps, specs, { rejectionRate: { r: 0.1 } });
  });

  it('a join that other work also goes through', () => {
    const e = refused(
      [h.start(), h.decision('d'), h.parallel('S'), x, y, h.parallel('J'), h.end()],
      ['start>d', 'd>S:0.5', 'd>J:0.5', 'S>x', 'S>y', 'x>J', 'y>J', 'J>end'],
    );
    expect(e.message).toContain(
      "Parallel join 'J' closes the branches of split 'S' but is also reached from 'd'",
    );
  });

  it('branches that run into each other at a plain step', () => {
    const e = refused(
      [h.start(), h.parallel('S'), x, y, h.task('m'), h.parallel('J'), h.end()],
      ['start>S', 'S>x', 'S>y', 'x>m', 'y>m', 'm>J', 'S>J', 'J>end'],
    );
    expect(e.message).toContain("The branches of parallel split 'S' run into each other at 'm'");
  });

  it('branches that end at different joins', () => {
    // S → {x → J1, J1, y → J2}; J1 → J2: the third branch ends at J2, the others at J1.
    const e = refused(
      [h.start(), h.parallel('S'), x, y, h.parallel('J1'), h.parallel('J2'), h.end()],
      ['start>S', 'S>x', 'S>J1', 'S>y', 'x>J1', 'y>J2', 'J1>J2', 'J2>end'],
    );
    expect(e.message).toContain(
      "The branches of parallel split 'S' end at different parallel joins ('J1' and 'J2')",
    );
  });

  it('a branch whose decision leads to two different joins', () => {
    const e = refused(
      [h.start(), h.parallel('S'), x, y, h.decision('d'), h.parallel('J'), h.parallel('J2'), h.end()],
      ['start>S', 'S>x', 'S>y', 'x>J', 'y>d', 'd>J:0.5', 'd>J2:0.5', 'J>J2', 'J2>end'],
    );
    expect(e.message).toContain(
      "The branch of parallel split 'S' that starts at 'y' leads to several parallel joins ('J', 'J2')",
    );
  });

  it('a parallel step used to merge the alternatives of a decision', () => {
    const e = refused(
      [h.start(), h.decision('d'), x, y, h.parallel('J'), h.end()],
      ['start>d', 'd>x:0.5', 'd>y:0.5', 'x>J', 'y>J', 'J>end'],
    );
    expect(e.message).toContain("Parallel step 'J' has 2 incoming connections but closes no parallel split");
    expect(e.stepIds).toEqual(['J']);
  });
});

describe('parallel blocks composed at random with decisions and loops', () => {
  /** mulberry32: a small seeded generator, so that failures reproduce. */
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  /**
   * A fragment with one way in and one way out, built from tasks by sequence, decision (with a merge step),
   * parallel block and rework loop. Its expected visits per entry and its expected time along the longest
   * path follow from the construction: a decision weights its alternatives, a loop of rejection r multiplies
   * by 1 / (1 − r), a parallel block takes the larger of its branches.
   */
  interface Fragment {
    entry: string;
    exit: string;
    steps: Step[];
    edges: string[];
    visits: Map<string, number>;
    time: number;
  }
  function build(rand: () => number, depth: number, next: () => string): Fragment {
    const leaf = (): Fragment => {
      const id = next();
      const minutes = 1 + Math.floor(rand() * 20);
      return {
        entry: id,
        exit: id,
        steps: [h.task(id, 'A', [minutes, minutes, minutes])],
        edges: [],
        visits: new Map([[id, 1]]),
        time: minutes,
      };
    };
    if (depth === 0 || rand() < 0.2) return leaf();
    const a = build(rand, depth - 1, next);
    const b = build(rand, depth - 1, next);
    const scaled = (f: Fragment, k: number) => [...f.visits].map(([id, v]) => [id, v * k] as const);
    const kind = Math.floor(rand() * 4);
    if (kind === 0) {
      return {
        entry: a.entry,
        exit: b.exit,
        steps: [...a.steps, ...b.steps],
        edges: [...a.edges, ...b.edges, `${a.exit}>${b.entry}`],
        visits: new Map([...a.visits, ...b.visits]),
        time: a.time + b.time,
      };
    }
    if (kind === 1) {
      const p = Math.round((0.1 + 0.8 * rand()) * 100) / 100;
      const d = next();
      const m = next();
      return {
        entry: d,
        exit: m,
        steps: [h.decision(d), ...a.steps, ...b.steps, h.task(m, 'A', [0, 0, 0])],
        edges: [
          ...a.edges,
          ...b.edges,
          `${d}>${a.entry}:${p}`,
          `${d}>${b.entry}:${1 - p}`,
          `${a.exit}>${m}`,
          `${b.exit}>${m}`,
        ],
        visits: new Map([[d, 1], ...scaled(a, p), ...scaled(b, 1 - p), [m, 1]]),
        time: p * a.time + (1 - p) * b.time,
      };
    }
    if (kind === 2) {
      const s = next();
      const j = next();
      return {
        entry: s,
        exit: j,
        steps: [h.parallel(s), ...a.steps, ...b.steps, h.parallel(j)],
        edges: [
          ...a.edges,
          ...b.edges,
          `${s}>${a.entry}`,
          `${s}>${b.entry}`,
          `${a.exit}>${j}`,
          `${b.exit}>${j}`,
        ],
        visits: new Map([[s, 1], ...a.visits, ...b.visits, [j, 1]]),
        time: Math.max(a.time, b.time),
      };
    }
    const r = Math.round(0.5 * rand() * 100) / 100;
    const review = next();
    const k = 1 / (1 - r);
    return {
      entry: a.entry,
      exit: review,
      steps: [...a.steps, h.review(review, r, a.entry, 'A', [1, 1, 1])],
      edges: [...a.edges, `${a.exit}>${review}`],
      visits: new Map([...scaled(a, k), [review, k]]),
      time: k * (a.time + 1),
    };
  }

  it('matches the visits and the longest path known from the construction, for 200 random workflows', () => {
    const rand = random(20261127);
    let blocks = 0;
    for (let round = 0; round < 200; round++) {
      let counter = 0;
      const f = build(rand, 5, () => `n${counter++}`);
      const wf = h.workflow(
        [h.start(), ...f.steps, h.end()],
        h.edges('start>' + f.entry, ...f.edges, `${f.exit}>end`),
      );
      const a = h.analyzeOk(wf, [h.role('A', 100_000, 40, 60)], { explain: 'none' });
      blocks += f.steps.filter((s) => s.type === 'parallel').length / 2;
      for (const s of a.steps) {
        if (s.type === 'start' || s.type === 'end') expect(s.visits).toBeCloseTo(1, 9);
        else expect(s.visits).toBeCloseTo(f.visits.get(s.id)!, 9);
      }
      expect(a.cycleTimeMinutes.processing).toBeCloseTo(f.time, 7);
    }
    expect(blocks).toBeGreaterThan(100);
  });
});
