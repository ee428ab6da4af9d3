import { describe, expect, it } from 'vitest';
import { computeVisits, DENSE_LIMIT, visitsById } from '../../../shared/analysis/visits';
import { transitionsOf } from '../../../shared/analysis/chain';
import type { MarkovChain } from '../../../shared/analysis/chain';
import { solveDense, solveSparse } from '../../../shared/analysis/linear';
import type { Step, Workflow } from '../../../shared/model/schema';
import { decision, edges, end, review, start, task, workflow } from './helpers';

function visitsOf(wf: Workflow): Record<string, number> {
  const result = computeVisits(wf);
  if (!result.ok) throw new Error(result.error.message);
  return visitsById(result.chain, result.visits);
}

/** The reference: the whole system (I − Q)ᵀ v = e_start solved densely with partial pivoting. */
function denseVisits(chain: MarkovChain): number[] {
  const n = chain.ids.length;
  const a = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => (r === c ? 1 : 0)));
  for (let i = 0; i < n; i++) for (const t of transitionsOf(chain, i)) a[t.to]![i]! -= t.probability;
  const b = Array.from({ length: n }, (_, i) => (i === chain.start ? 1 : 0));
  const x = solveDense(a, b);
  if (!x) throw new Error('singular');
  return x;
}

describe('expected visits per case', () => {
  it('visits every step of a linear flow once', () => {
    const v = visitsOf(workflow([start(), task('a'), task('b'), end()], edges('start>a', 'a>b', 'b>end')));
    expect(v).toEqual({ start: 1, a: 1, b: 1, end: 1 });
  });

  it('splits a decision 0.3 / 0.7 and joins it again', () => {
    // a = 0.3 · d = 0.3, b = 0.7 · d = 0.7, c = a + b = 1.
    const v = visitsOf(
      workflow(
        [start(), decision('d'), task('a'), task('b'), task('c'), end()],
        edges('start>d', 'd>a:0.3', 'd>b:0.7', 'a>c', 'b>c', 'c>end'),
      ),
    );
    expect(v.a).toBeCloseTo(0.3, 12);
    expect(v.b).toBeCloseTo(0.7, 12);
    expect(v.c).toBeCloseTo(1, 12);
    expect(v.end).toBeCloseTo(1, 12);
  });

  it('gives 1.25 visits to the reworked step and the review of a loop with rejection 0.2', () => {
    // a = 1 + 0.2 · r and r = a  ⇒  a = 1 / (1 − 0.2) = 1.25.
    const v = visitsOf(
      workflow([start(), task('a'), review('r', 0.2, 'a'), end()], edges('start>a', 'a>r', 'r>end')),
    );
    expect(v.a).toBeCloseTo(1.25, 12);
    expect(v.r).toBeCloseTo(1.25, 12);
    expect(v.end).toBeCloseTo(1, 12);
  });

  it('solves two nested loops exactly', () => {
    // Inner loop r1 (0.2 → b): b = a + 0.2 · r1, r1 = b  ⇒  b = r1 = a / 0.8 = 1.25 · a.
    // r1 passes 80% on: r2 = 0.8 · r1 = a.
    // Outer loop r2 (0.5 → a): a = 1 + 0.5 · r2 = 1 + 0.5 · a  ⇒  a = 2, b = r1 = 2.5, r2 = 2.
    const v = visitsOf(
      workflow(
        [start(), task('a'), task('b'), review('r1', 0.2, 'b'), review('r2', 0.5, 'a'), end()],
        edges('start>a', 'a>b', 'b>r1', 'r1>r2', 'r2>end'),
      ),
    );
    expect(v.a).toBeCloseTo(2, 12);
    expect(v.b).toBeCloseTo(2.5, 12);
    expect(v.r1).toBeCloseTo(2.5, 12);
    expect(v.r2).toBeCloseTo(2, 12);
    expect(v.end).toBeCloseTo(1, 12);
  });

  it('solves a loop inside a branch', () => {
    // a = 0.4 + 0.25 · r, r = a  ⇒  a = 0.4 / 0.75 = 0.5333…; c = 0.75 · r + 0.6 = 0.4 + 0.6 = 1.
    const v = visitsOf(
      workflow(
        [start(), decision('d'), task('a'), review('r', 0.25, 'a'), task('c'), end()],
        edges('start>d', 'd>a:0.4', 'd>c:0.6', 'a>r', 'r>c', 'c>end'),
      ),
    );
    expect(v.a).toBeCloseTo(0.4 / 0.75, 12);
    expect(v.r).toBeCloseTo(0.4 / 0.75, 12);
    expect(v.c).toBeCloseTo(1, 12);
  });

  it('follows a decision that routes back (a loop without a review)', () => {
    // a = 1 + 0.3 · d, d = a  ⇒  a = 1 / 0.7.
    const v = visitsOf(
      workflow([start(), task('a'), decision('d'), end()], edges('start>a', 'a>d', 'd>a:0.3', 'd>end:0.7')),
    );
    expect(v.a).toBeCloseTo(1 / 0.7, 12);
  });

  it('adds up branches to the same step and normalises probabilities that round to 100%', () => {
    // Three branches of 0.333 (sum 0.999, within the tolerance) become thirds; two of them go to a.
    const result = computeVisits(
      workflow(
        [start(), decision('d'), task('a'), task('b'), end()],
        [
          ...edges('start>d', 'a>end', 'b>end'),
          ...edges('d>a:0.333', 'd>b:0.333'),
          { ...edges('d>a:0.333')[0]!, id: 'd-a-2' },
        ],
      ),
    );
    if (!result.ok) throw new Error(result.error.message);
    const d = result.chain.index.get('d')!;
    expect(transitionsOf(result.chain, d)).toEqual([
      { to: result.chain.index.get('a'), probability: expect.closeTo(2 / 3, 12), kind: 'branch' },
      { to: result.chain.index.get('b'), probability: expect.closeTo(1 / 3, 12), kind: 'branch' },
    ]);
    expect(result.visits[result.chain.index.get('a')!]).toBeCloseTo(2 / 3, 12);
  });

  it('solves a 10,000-step workflow with a loop every 20 steps', () => {
    // 500 blocks of 19 tasks and a review sending 15% back 10 steps: the 10 reworked tasks and the review
    // get 1 / 0.85 visits, the others 1; the case ends with probability 1.
    const steps: Step[] = [start()];
    const specs: string[] = [];
    let prev = 'start';
    for (let b = 0; b < 500; b++) {
      for (let j = 0; j < 19; j++) {
        steps.push(task(`b${b}t${j}`));
        specs.push(`${prev}>b${b}t${j}`);
        prev = `b${b}t${j}`;
      }
      steps.push(review(`b${b}r`, 0.15, `b${b}t9`));
      specs.push(`${prev}>b${b}r`);
      prev = `b${b}r`;
    }
    steps.push(end());
    specs.push(`${prev}>end`);
    expect(steps.length).toBe(10_002);
    const v = visitsOf(workflow(steps, edges(...specs)));
    expect(v.b499t8).toBeCloseTo(1, 12);
    expect(v.b499t9).toBeCloseTo(1 / 0.85, 12);
    expect(v.b250r).toBeCloseTo(1 / 0.85, 12);
    expect(v.end).toBeCloseTo(1, 12);
  });

  it('reports the probability of finishing at each end step as its visits', () => {
    const v = visitsOf(
      workflow([start(), decision('d'), end('yes'), end('no')], edges('start>d', 'd>yes:0.25', 'd>no:0.75')),
    );
    expect(v.yes).toBeCloseTo(0.25, 12);
    expect(v.no).toBeCloseTo(0.75, 12);
  });

  it('gives 0 visits to steps the start cannot reach', () => {
    const v = visitsOf(
      workflow([start(), task('a'), task('orphan'), end()], edges('start>a', 'a>end', 'orphan>end')),
    );
    expect(v.orphan).toBe(0);
  });

  it('matches a dense solve of (I − Q)ᵀ v = e_start on a large loop solved sparsely', () => {
    // 120 tasks in one outer loop (review at the end sends 30% back to the first task), with small
    // reviews every 10 tasks sending 10% back 5 steps, and a 50/50 decision in the middle.
    // The outer component has more than DENSE_LIMIT steps, so it goes through the sparse solver.
    const steps: Step[] = [start()];
    const specs: string[] = ['start>t0'];
    let prev = 't0';
    steps.push(task('t0'));
    for (let i = 1; i < 120; i++) {
      const id = `t${i}`;
      if (i % 10 === 0) {
        steps.push(review(`r${i}`, 0.1, `t${i - 5}`));
        specs.push(`${prev}>r${i}`);
        prev = `r${i}`;
      }
      if (i === 60) {
        steps.push(decision('split'), task('alt'));
        specs.push(`${prev}>split`, 'split>alt:0.5', `split>${id}:0.5`, `alt>${id}`);
      } else specs.push(`${prev}>${id}`);
      steps.push(task(id));
      prev = id;
    }
    steps.push(review('outer', 0.3, 't0'), end());
    specs.push(`${prev}>outer`, 'outer>end');
    const result = computeVisits(workflow(steps, edges(...specs)));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.chain.ids.length).toBeGreaterThan(DENSE_LIMIT);
    const dense = denseVisits(result.chain);
    result.visits.forEach((v, i) => expect(v).toBeCloseTo(dense[i]!, 10));
    // t119 is only in the outer loop: 1 / (1 − 0.3).
    expect(result.visits[result.chain.index.get('t119')!]).toBeCloseTo(1 / 0.7, 10);
  });

  it('solves one loop over a 5,000-step chain exactly (sparse elimination)', () => {
    // Every step is visited 1 / (1 − 0.4) times.
    const n = 5000;
    const steps: Step[] = [
      start(),
      ...Array.from({ length: n }, (_, i) => task(`t${i}`)),
      review('r', 0.4, 't0'),
      end(),
    ];
    const specs = [
      'start>t0',
      ...Array.from({ length: n - 1 }, (_, i) => `t${i}>t${i + 1}`),
      `t${n - 1}>r`,
      'r>end',
    ];
    const v = visitsOf(workflow(steps, edges(...specs)));
    expect(v.t0).toBeCloseTo(1 / 0.6, 10);
    expect(v.t2500).toBeCloseTo(1 / 0.6, 10);
    expect(v.r).toBeCloseTo(1 / 0.6, 10);
    expect(v.end).toBeCloseTo(1, 10);
  });

  it('sparse and dense solvers agree on a small system', () => {
    // 2x + y = 3, x + 3y = 5 ⇒ x = 0.8, y = 1.4.
    expect(
      solveDense(
        [
          [2, 1],
          [1, 3],
        ],
        [3, 5],
      ),
    ).toEqual([expect.closeTo(0.8, 12), expect.closeTo(1.4, 12)]);
    const sparse = solveSparse(
      [
        new Map([
          [0, 2],
          [1, 1],
        ]),
        new Map([
          [0, 1],
          [1, 3],
        ]),
      ],
      [3, 5],
    );
    expect(sparse?.[0]).toBeCloseTo(0.8, 12);
    expect(sparse?.[1]).toBeCloseTo(1.4, 12);
    expect(
      solveDense(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toBeNull();
  });
});

describe('chains that cannot be solved give an error, not Infinity', () => {
  it('refuses a review that rejects everything', () => {
    const result = computeVisits(
      workflow([start(), task('a'), review('r', 1, 'a'), end()], edges('start>a', 'a>r', 'r>end')),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('not-absorbing');
      expect(result.error.message).toContain('100%');
      expect(result.error.stepIds).toEqual(expect.arrayContaining(['a', 'r']));
    }
  });

  it('refuses a workflow without an end', () => {
    const result = computeVisits(workflow([start(), task('a')], edges('start>a')));
    expect(!result.ok && result.error.code).toBe('no-end');
  });

  it('refuses a loop with no way out', () => {
    const result = computeVisits(
      workflow(
        [start(), decision('d'), task('a'), task('b'), end()],
        edges('start>d', 'd>a:0.5', 'd>end:0.5', 'a>b', 'b>a'),
      ),
    );
    expect(!result.ok && result.error.code).toBe('not-absorbing');
  });

  it.each([
    ['no-start', workflow([task('a'), end()], edges('a>end'))],
    ['dead-end', workflow([start(), task('a'), end()], edges('start>a'))],
    ['decision-probabilities', workflow([start(), decision('d'), end()], edges('start>d', 'd>end:0.5'))],
    [
      'branch-without-decision',
      workflow([start(), task('a'), end('x'), end('y')], edges('start>a', 'a>x', 'a>y')),
    ],
    ['rework-target-missing', workflow([start(), review('r', 0.2, null), end()], edges('start>r', 'r>end'))],
  ])('reports %s', (code, wf) => {
    const result = computeVisits(wf);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(10);
    }
  });
});
