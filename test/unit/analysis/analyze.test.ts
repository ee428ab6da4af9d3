import { describe, expect, it } from 'vitest';
import { analyzeWorkflow } from '../../../shared/analysis/analyze';
import type { Step } from '../../../shared/model/schema';
import { analyzeOk, edges, end, review, role, start, task, workflow } from './helpers';

// Two roles in sequence, constant times (cs² = 0), 100 cases a week:
//   a: role X, 30 min; X = 2 people × 40 h/week at 50/h   → capacity 80 h
//   b: role Y, 12 min; Y = 1 person  × 30 h/week at 40/h  → capacity 30 h
const twoRoles = () =>
  workflow(
    [start(), task('a', 'X', [30, 30, 30]), task('b', 'Y', [12, 12, 12]), end()],
    edges('start>a', 'a>b', 'b>end'),
    100,
  );
const roles = () => [role('X', 2, 40, 50), role('Y', 1, 30, 40), role('unused', 5, 40, 10)];

describe('utilization, bottleneck and capacity', () => {
  it('computes load, utilization and the bottleneck of a two-role workflow', () => {
    const a = analyzeOk(twoRoles(), roles());
    // Only roles that do steps are reported, in the order given.
    expect(a.roles.map((r) => r.id)).toEqual(['X', 'Y']);
    const [x, y] = a.roles;
    // X: 100 × 1 × 30 / 60 = 50 h; 2 × 40 = 80 h; 50 / 80 = 0.625.
    expect(x!.loadHoursPerWeek).toBeCloseTo(50, 12);
    expect(x!.capacityHoursPerWeek).toBe(80);
    expect(x!.utilization).toBeCloseTo(0.625, 12);
    // Y: 100 × 12 / 60 = 20 h; 1 × 30 = 30 h; 20 / 30 = 0.6667.
    expect(y!.loadHoursPerWeek).toBeCloseTo(20, 12);
    expect(y!.utilization).toBeCloseTo(2 / 3, 12);
    expect(a.bottleneck).toEqual({ roleId: 'Y', utilization: expect.closeTo(2 / 3, 12) });
    // Max volume: Y fits 30 h / (12 min / 60) = 150 cases (X would fit 80 / 0.5 = 160).
    expect(a.maxVolumePerWeek).toBeCloseTo(150, 9);
    expect(a.overload).toBeNull();
    expect(a.stable).toBe(true);
  });

  it('computes the waits from each role queue and the cycle time', () => {
    const a = analyzeOk(twoRoles(), roles());
    // X: c = 2, λ = 100 / (40 × 60) = 1/24 per min, E[S] = 30, a = 1.25, ρ = 0.625.
    //    Erlang C(2, 1.25) = (1.25²/2 / 0.375) / (1 + 1.25 + 1.25²/2 / 0.375) = 2.0833 / 4.3333 = 0.48077;
    //    Wq(M/M/2) = C · E[S] / (c − a) = 0.48077 · 30 / 0.75 = 19.2308; cs² = 0 ⇒ × (1 + 0)/2 = 9.6154 min.
    // Y: c = 1, ρ = 2/3: Wq(M/M/1) = ρ · E[S] / (1 − ρ) = (2/3) · 12 / (1/3) = 24; × 1/2 = 12 min.
    const x = a.roles[0]!;
    const y = a.roles[1]!;
    expect(x.probabilityOfWaiting).toBeCloseTo(0.480769, 6);
    expect(x.waitMinutes).toBeCloseTo(9.615385, 6);
    expect(y.waitMinutes).toBeCloseTo(12, 9);
    expect(a.steps.find((s) => s.id === 'a')!.waitMinutes).toBeCloseTo(9.615385, 6);
    // Processing 30 + 12 = 42; waiting 9.6154 + 12 = 21.6154; total 63.6154 min.
    expect(a.cycleTimeMinutes.processing).toBeCloseTo(42, 12);
    expect(a.cycleTimeMinutes.waiting).toBeCloseTo(21.615385, 6);
    expect(a.cycleTimeMinutes.total).toBeCloseTo(63.615385, 6);
  });

  it('computes the cost per case', () => {
    // a: 30 / 60 h × 50 = 25; b: 12 / 60 h × 40 = 8; total 33 per case, no AI.
    const a = analyzeOk(twoRoles(), roles());
    expect(a.steps.find((s) => s.id === 'a')!.costPerCase).toBeCloseTo(25, 12);
    expect(a.costPerCase).toEqual({ people: expect.closeTo(33, 12), ai: 0, total: expect.closeTo(33, 12) });
  });

  it('reports an overload with null waits, the volume that fits and the headcount needed', () => {
    // At 200 cases: Y needs 200 × 12 / 60 = 40 h of 30 h (133%), X needs 100 h of 80 h (125%).
    // The bottleneck is Y: excess 40 − 30 = 10 h; fits 150 cases; needs ⌈40 / 30⌉ = 2 people.
    const a = analyzeOk(twoRoles(), roles(), { volumePerWeek: 200 });
    expect(a.volumePerWeek).toBe(200);
    expect(a.roles[1]!.utilization).toBeCloseTo(4 / 3, 12);
    expect(a.roles[1]!.waitMinutes).toBeNull();
    expect(a.roles[1]!.stable).toBe(false);
    expect(a.roles[0]!.stable).toBe(false);
    expect(a.stable).toBe(false);
    expect(a.cycleTimeMinutes.processing).toBeCloseTo(42, 12);
    expect(a.cycleTimeMinutes.waiting).toBeNull();
    expect(a.cycleTimeMinutes.total).toBeNull();
    expect(a.overload).toEqual({
      roleId: 'Y',
      utilization: expect.closeTo(4 / 3, 12),
      excessHoursPerWeek: expect.closeTo(10, 9),
      volumeThatFits: expect.closeTo(150, 9),
      headcountNeeded: 2,
    });
    expect(a.maxVolumePerWeek).toBeCloseTo(150, 9);
  });

  it('keeps the bottleneck and max volume at volume 0', () => {
    const a = analyzeOk(twoRoles(), roles(), { volumePerWeek: 0 });
    expect(a.roles[1]!.utilization).toBe(0);
    expect(a.bottleneck?.roleId).toBe('Y');
    expect(a.maxVolumePerWeek).toBeCloseTo(150, 9);
  });

  it('treats a role without capacity as the worst bottleneck, with null utilization', () => {
    const a = analyzeOk(twoRoles(), [role('X', 2, 40, 50), role('Y', 0, 30, 40)]);
    expect(a.roles[1]!.utilization).toBeNull();
    expect(a.roles[1]!.servers).toBe(0);
    expect(a.bottleneck).toEqual({ roleId: 'Y', utilization: null });
    expect(a.maxVolumePerWeek).toBe(0);
    // 20 h of work, 0 capacity: excess 20 h, ⌈20 / 30⌉ = 1 person needed.
    expect(a.overload).toMatchObject({
      roleId: 'Y',
      excessHoursPerWeek: expect.closeTo(20, 9),
      headcountNeeded: 1,
    });
  });
});

describe('what-if overrides', () => {
  it('changes headcount without mutating the inputs', () => {
    const wf = twoRoles();
    const rs = roles();
    const before = structuredClone({ wf, rs });
    // Y with 2 people: 20 / 60 = 0.333, so X (0.625) becomes the bottleneck; max volume 80 / 0.5 = 160.
    const a = analyzeOk(wf, rs, { headcount: { Y: 2 } });
    expect(a.roles[1]!.headcount).toBe(2);
    expect(a.roles[1]!.utilization).toBeCloseTo(1 / 3, 12);
    expect(a.bottleneck?.roleId).toBe('X');
    expect(a.maxVolumePerWeek).toBeCloseTo(160, 9);
    expect({ wf, rs }).toEqual(before);
  });

  it('changes a rejection rate without mutating the inputs', () => {
    // Review rejects 20% back to a: a = r = 1.25 visits; what-if 50%: a = r = 1 / 0.5 = 2.
    // X load: 100 × 2 × 30 / 60 = 100 h.
    const wf = workflow(
      [start(), task('a', 'X', [30, 30, 30]), review('r', 0.2, 'a', 'Y', [12, 12, 12]), end()],
      edges('start>a', 'a>r', 'r>end'),
      100,
    );
    const before = structuredClone(wf);
    const base = analyzeOk(wf, roles());
    expect(base.steps.find((s) => s.id === 'a')!.visits).toBeCloseTo(1.25, 12);
    const a = analyzeOk(wf, roles(), { rejectionRate: { r: 0.5 } });
    expect(a.steps.find((s) => s.id === 'a')!.visits).toBeCloseTo(2, 12);
    expect(a.roles[0]!.loadHoursPerWeek).toBeCloseTo(100, 9);
    expect(wf).toEqual(before);
  });

  it('changes the volume', () => {
    // Load scales with volume: X at 50 cases = 25 h, 31.25%.
    const a = analyzeOk(twoRoles(), roles(), { volumePerWeek: 50 });
    expect(a.roles[0]!.loadHoursPerWeek).toBeCloseTo(25, 12);
    expect(a.roles[0]!.utilization).toBeCloseTo(0.3125, 12);
  });

  it('refuses invalid what-if values and warns about unknown keys', () => {
    const bad = analyzeWorkflow(twoRoles(), roles(), { volumePerWeek: -1 });
    expect(!bad.ok && bad.error.code).toBe('invalid-option');
    const badRate = analyzeWorkflow(twoRoles(), roles(), { rejectionRate: { a: 2 } });
    expect(!badRate.ok && badRate.error.code).toBe('invalid-option');
    const a = analyzeOk(twoRoles(), roles(), { headcount: { nobody: 3 } });
    expect(a.warnings.join(' ')).toContain('nobody');
  });
});

describe('AI steps, missing roles and failures', () => {
  it('counts no person time for AI-automated steps, and their AI cost per run', () => {
    const ai: Step = { ...task('ai', null, [1, 2, 3], 'ai-automated'), aiCostPerRun: 0.05 };
    const wf = workflow(
      [start(), ai, task('b', 'Y', [12, 12, 12]), end()],
      edges('start>ai', 'ai>b', 'b>end'),
      100,
    );
    const a = analyzeOk(wf, roles());
    const s = a.steps.find((x) => x.id === 'ai')!;
    expect(s.hoursPerWeek).toBe(0);
    expect(s.aiRunsPerWeek).toBe(100);
    expect(s.waitMinutes).toBe(0); // no concurrency limit given
    // AI cost: 1 visit × 0.05; the AI time (mean 2 min) still counts in the cycle time: 2 + 12 = 14.
    expect(a.costPerCase.ai).toBeCloseTo(0.05, 12);
    expect(a.cycleTimeMinutes.processing).toBeCloseTo(14, 12);
    expect(a.roles.map((r) => r.id)).toEqual(['Y']);
  });

  it('queues AI runs when a concurrency limit is given', () => {
    // 1 concurrent run, 168 h a week = 10,080 min; 10,080 runs × 2 min = 2 × capacity → unstable.
    const ai: Step = { ...task('ai', null, [2, 2, 2], 'ai-automated'), aiConcurrency: 1 };
    const wf = workflow([start(), ai, end()], edges('start>ai', 'ai>end'), 10_080);
    const a = analyzeOk(wf, []);
    expect(a.steps.find((x) => x.id === 'ai')!.waitMinutes).toBeNull();
    expect(a.stable).toBe(false);
    expect(a.bottleneck).toBeNull();
    expect(a.maxVolumePerWeek).toBeNull();
  });

  it('queues AI runs of a stable pool around the clock (Allen–Cunneen, hand-computed)', () => {
    // 1 concurrent run over 10,080 min a week; 2,520 runs × 2 min (constant, cs² = 0) = 5,040 min → ρ = 0.5.
    // Wq(M/M/1) = ρ / (1 − ρ) × E[S] = 1 × 2 = 2 min; × (ca² + cs²) / 2 = (1 + 0) / 2 → 1 min per run.
    const ai: Step = { ...task('ai', null, [2, 2, 2], 'ai-automated'), aiConcurrency: 1 };
    const wf = workflow([start(), ai, end()], edges('start>ai', 'ai>end'), 2520);
    const a = analyzeOk(wf, []);
    expect(a.steps.find((x) => x.id === 'ai')!.waitMinutes).toBeCloseTo(1, 12);
    expect(a.cycleTimeMinutes.total).toBeCloseTo(3, 12);
    expect(a.stable).toBe(true);
    expect(a.explanations['steps.ai.waitMinutes']).toContain('1 concurrent AI runs');
  });

  it('charges the AI cost per run of AI-assisted tasks on top of the person time, and not of human ones', () => {
    // 'assist': 1.25 visits (review rejects 20%) × (6 min / 60 × 50/h + 0.08) = 1.25 × 5.08 = 6.35,
    // of which AI 1.25 × 0.08 = 0.1. 'manual': human, its AI cost per run is ignored with a warning: 1 × 3 / 60 × 40 = 2.
    const wf = workflow(
      [
        start(),
        { ...task('assist', 'X', [6, 6, 6], 'ai-assisted'), aiCostPerRun: 0.08 },
        review('r', 0.2, 'assist', null, [0, 0, 0]),
        { ...task('manual', 'Y', [3, 3, 3]), aiCostPerRun: 0.5 },
        end(),
      ],
      edges('start>assist', 'assist>r', 'r>manual', 'manual>end'),
      100,
    );
    const a = analyzeOk(wf, roles());
    const assist = a.steps.find((x) => x.id === 'assist')!;
    expect(assist.aiCostPerCase).toBeCloseTo(0.1, 12);
    expect(assist.costPerCase).toBeCloseTo(6.35, 12);
    expect(assist.hoursPerWeek).toBeCloseTo((100 * 1.25 * 6) / 60, 12);
    expect(a.steps.find((x) => x.id === 'manual')!.aiCostPerCase).toBe(0);
    expect(a.costPerCase.ai).toBeCloseTo(0.1, 12);
    expect(a.costPerCase.people).toBeCloseTo(6.25 + 2, 12);
    expect(a.costPerCase.total).toBeCloseTo(8.35, 12);
    expect(a.warnings.join(' ')).toContain("'manual' is done by people without AI");
    expect(a.explanations['steps.assist.costPerCase']).toContain('AI: visits × AI cost per run = 0.1');
  });

  it('counts the hours of a step without a role but gives it no wait or cost, with a warning', () => {
    const wf = workflow([start(), task('a', null, [6, 6, 6]), end()], edges('start>a', 'a>end'), 100);
    const a = analyzeOk(wf, roles());
    const s = a.steps.find((x) => x.id === 'a')!;
    expect(s.hoursPerWeek).toBeCloseTo(10, 12);
    expect(s.waitMinutes).toBeNull();
    expect(s.costPerCase).toBe(0);
    expect(a.cycleTimeMinutes.total).toBeCloseTo(6, 12);
    expect(a.stable).toBe(true);
    expect(a.warnings[0]).toContain("'a' has no role");
    expect(a.bottleneck).toBeNull();
  });

  it('returns an error result for a workflow that never finishes', () => {
    const wf = workflow(
      [start(), task('a', 'X'), review('r', 1, 'a', 'Y'), end()],
      edges('start>a', 'a>r', 'r>end'),
    );
    const result = analyzeWorkflow(wf, roles());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('not-absorbing');
      expect(result.workflow.id).toBe('wf');
    }
  });
});

describe('explanations', () => {
  it('explains each figure with its formula and numbers', () => {
    const a = analyzeOk(twoRoles(), roles());
    const e = a.explanations;
    expect(e['roles.Y.utilization']).toBe('Utilization = load / capacity = 20 / 30 = 66.7%.');
    expect(e['roles.X.capacityHoursPerWeek']).toContain('2 × 40 = 80');
    expect(e['roles.X.waitMinutes']).toContain('Allen–Cunneen');
    expect(e['steps.a.visits']).toContain('= 1');
    expect(e['steps.a.hoursPerWeek']).toBe('volume × visits × mean / 60 = 100 × 1 × 30 / 60 = 50 h/week.');
    expect(e['cycleTimeMinutes.total']).toContain('42 + 21.62 = 63.62');
    expect(e.bottleneck).toContain("'Y'");
    expect(e.maxVolumePerWeek).toContain('150');
    for (const key of [
      'costPerCase.total',
      'cycleTimeMinutes.processing',
      'overload',
      'stable',
      'steps.b.costPerCase',
    ] as const)
      expect(e[key], key).toBeTruthy();
  });

  it('names the rework path in the visits of a reworked step', () => {
    const wf = workflow(
      [start(), task('a', 'X'), review('r', 0.2, 'a', 'Y'), end()],
      edges('start>a', 'a>r', 'r>end'),
    );
    expect(analyzeOk(wf, roles()).explanations['steps.a.visits']).toBe(
      "Expected visits per case = Σ visits of each preceding step × probability of coming here = 1 × 100.0% (next step from 'start') + 1.25 × 20.0% (rework from 'r') = 1.25. A loop feeds back into this step, so the visits solve v = e_start + Qᵀv exactly (absorbing Markov chain).",
    );
  });

  it('can limit or skip the explanations', () => {
    const summary = analyzeOk(twoRoles(), roles(), { explain: 'summary' }).explanations;
    expect(summary['roles.Y.utilization']).toBeTruthy();
    expect(summary['cycleTimeMinutes.total']).toBeTruthy();
    expect(Object.keys(summary).some((k) => k.startsWith('steps.'))).toBe(false);
    expect(analyzeOk(twoRoles(), roles(), { explain: 'none' }).explanations).toEqual({});
  });
});
