import { noLearningPlan } from '../../../shared/model/schema';
import { describe, expect, it } from 'vitest';
import { StepSchema } from '../../../shared/model/schema';
import type { Edge, Role, Step, TaskMode, Workflow } from '../../../shared/model/schema';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { createSimulation, CYCLE_SAMPLE_LIMIT, simulateWorkflow } from '../../../shared/simulation/index';
import type {
  Estimate,
  SimulationOptions,
  SimulationResult,
  SimulationSummary,
} from '../../../shared/simulation/index';

// ---- small builders ----------------------------------------------------------------------------------------

const position = { x: 0, y: 0 };
type Times = readonly [number, number, number];

// Steps go through StepSchema, so fields with defaults (AI cost, learning curves…) are filled in.
const base = (id: string) => ({ id, name: id, description: '', notes: '', position });
const start = (id = 'start'): Step => StepSchema.parse({ type: 'start', ...base(id) });
const end = (id = 'end'): Step => StepSchema.parse({ type: 'end', ...base(id) });
const decision = (id: string): Step => StepSchema.parse({ type: 'decision', ...base(id) });
const parallel = (id: string): Step => StepSchema.parse({ type: 'parallel', ...base(id) });
function task(
  id: string,
  roleId: string | null,
  times: Times,
  mode: TaskMode = 'human',
  extra: object = {},
): Step {
  return StepSchema.parse({
    type: 'task',
    ...base(id),
    roleId,
    duration: { min: times[0], likely: times[1], max: times[2] },
    mode,
    ...extra,
  });
}
function review(
  id: string,
  rejectionRate: number,
  reworkTargetId: string | null,
  roleId: string,
  times: Times,
): Step {
  return StepSchema.parse({
    type: 'review',
    ...base(id),
    roleId,
    duration: { min: times[0], likely: times[1], max: times[2] },
    rejectionRate,
    reworkTargetId,
  });
}
const link = (source: string, target: string, probability: number | null = null): Edge => ({
  id: `${source}->${target}`,
  source,
  target,
  label: '',
  probability,
});
function workflow(steps: Step[], edges: Edge[], volumePerWeek = 100): Workflow {
  return {
    id: 'wf',
    name: 'Test workflow',
    description: '',
    kind: 'as-is',
    redesignOfId: null,
    volumePerWeek,
    steps,
    edges,
    ...noLearningPlan(),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}
const role = (id: string, headcount: number, hoursPerWeek = 40): Role => ({
  id,
  name: id,
  headcount,
  hoursPerWeek,
  costPerHour: 50,
  skillLevels: [],
  people: [],
});
/** start → work (one role) → end. */
const single = (volume: number, times: Times = [10, 10, 10]) =>
  workflow([start(), task('work', 'r', times), end()], [link('start', 'work'), link('work', 'end')], volume);

function ok(result: SimulationResult): SimulationSummary {
  if (!result.ok) throw new Error(`expected a summary, got ${JSON.stringify(result)}`);
  return result;
}
function roleOf(result: SimulationSummary, id: string) {
  const r = result.roles.find((x) => x.id === id);
  if (!r) throw new Error(`no role ${id}`);
  return r;
}
function stepOf(result: SimulationSummary, id: string) {
  const s = result.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
}
/** The value lies in the 95% interval widened on each side by `margin` (relative to the value). */
function expectWithin(value: number, e: Estimate | null, margin: number) {
  expect(e).not.toBeNull();
  const slack = Math.abs(value) * margin;
  expect(value).toBeGreaterThanOrEqual(e!.low - slack);
  expect(value).toBeLessThanOrEqual(e!.high + slack);
}

/** Erlang C: probability of waiting in M/M/c with offered load a = λ/μ (Erlang B recursion). */
function erlangC(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

// ---- tests -------------------------------------------------------------------------------------------------

describe('reproducibility', () => {
  const { workflows, roles } = customerSupportExample();
  const asIs = workflows.find((w) => w.kind === 'as-is')!;
  const options: SimulationOptions = { weeks: 4, replications: 3, seed: 12345 };

  it('gives identical results for the same seed', () => {
    const a = ok(simulateWorkflow(asIs, roles, options));
    const b = ok(simulateWorkflow(asIs, roles, options));
    expect(a).toEqual(b);
    expect(a.events).toBeGreaterThan(0);
  });

  it('gives different results for a different seed', () => {
    const a = ok(simulateWorkflow(asIs, roles, options));
    const b = ok(simulateWorkflow(asIs, roles, { ...options, seed: 54321 }));
    expect(a.cycleTimeMinutes.mean!.mean).not.toBe(b.cycleTimeMinutes.mean!.mean);
    expect(a.events).not.toBe(b.events);
  });

  it('does not depend on how the run is sliced', () => {
    const whole = ok(simulateWorkflow(asIs, roles, options));
    const run = createSimulation(asIs, roles, options);
    while (!run.advance(777));
    expect(run.result()).toEqual(whole);
  });
});

describe('agreement with queueing theory (exponential service)', () => {
  it('M/M/1 at ρ = 0.8: Wq = ρ / (μ − λ) = 40 min of working time', () => {
    // One person working 37.5 h/week = 2,250 working minutes; mean service 10 min (μ = 0.1/min).
    // ρ = 0.8 → λ = 0.08/min of working time = 0.08 × 2250 = 180 cases/week.
    // Wq = 0.8 / (0.1 − 0.08) = 40 min; Lq = λ·Wq = 3.2.
    const result = ok(
      simulateWorkflow(single(180), [role('r', 1, 37.5)], {
        weeks: 400,
        replications: 20,
        seed: 1,
        warmupWeeks: 5,
        serviceDistribution: 'exponential',
      }),
    );
    const r = roleOf(result, 'r');
    expectWithin(40, r.waitMinutes, 0.03);
    expectWithin(3.2, r.meanQueueLength, 0.03);
    expectWithin(0.8, r.utilization, 0.01);
    expect(result.stable).toBe(true);
    // Cycle time = Wq + E[S] = 50 working minutes.
    expectWithin(50, result.cycleTimeMinutes.mean, 0.03);
  });

  it('M/M/3 at ρ = 0.8: Wq from Erlang C ≈ 10.79 min', () => {
    // c = 3, μ = 0.1/min, ρ = 0.8 → λ = 0.24/min, a = λ/μ = 2.4 Erlangs; 40 h/week → 0.24 × 2400 = 576 cases/week.
    // P0 = [1 + 2.4 + 2.4²/2 + 2.4³/3! / (1 − 0.8)]⁻¹ = [6.28 + 11.52]⁻¹ = 1/17.8
    // C(3, 2.4) = 11.52 / 17.8 ≈ 0.64719;  Wq = C / (cμ − λ) = 0.64719 / 0.06 ≈ 10.7865 min.
    const wq = erlangC(3, 2.4) / (3 * 0.1 - 0.24);
    expect(wq).toBeCloseTo(10.7865, 4);
    const result = ok(
      simulateWorkflow(single(576), [role('r', 3)], {
        weeks: 150,
        replications: 20,
        seed: 2,
        warmupWeeks: 2,
        serviceDistribution: 'exponential',
      }),
    );
    const r = roleOf(result, 'r');
    expectWithin(wq, r.waitMinutes, 0.03);
    expectWithin(0.8, r.utilization, 0.01);
    expect(r.servers).toBe(3);
  });

  it('a fractional headcount keeps the exact capacity: 2.5 people are 2 faster servers', () => {
    // 2.5 people × 40 h = 6,000 working minutes a week over c = 2 servers of 3,000 minutes each.
    // 480 cases × 10 min = 4,800 min → ρ = 0.8; per server's working time λ = 480 / 3000 = 0.16/min, a = 1.6.
    // Wq = C(2, 1.6) / (2 × 0.1 − 0.16) = (1.28 / 1.8) / 0.04 ≈ 17.78 min.
    const wq = erlangC(2, 1.6) / (2 * 0.1 - 0.16);
    expect(wq).toBeCloseTo(17.78, 2);
    const result = ok(
      simulateWorkflow(single(480), [role('r', 2.5)], {
        weeks: 200,
        replications: 16,
        seed: 3,
        serviceDistribution: 'exponential',
      }),
    );
    const r = roleOf(result, 'r');
    expect(r.servers).toBe(2);
    expectWithin(0.8, r.utilization, 0.01);
    expectWithin(wq, r.waitMinutes, 0.04);
  });
});

describe('AI steps', () => {
  it('an AI step with a concurrency limit of 2 queues like M/M/2 around the clock', () => {
    // Two concurrent runs, each available 10,080 minutes a week; mean 10 min (μ = 0.1/min).
    // ρ = 0.8 → λ = 0.16/min → 0.16 × 10080 = 1,612.8 runs a week; a = 1.6.
    // Wq = C(2, 1.6) / (2 × 0.1 − 0.16) = (1.28 / 1.8) / 0.04 ≈ 17.78 min.
    const wq = erlangC(2, 1.6) / (2 * 0.1 - 0.16);
    const wf = workflow(
      [start(), task('ai', null, [10, 10, 10], 'ai-automated', { aiConcurrency: 2 }), end()],
      [link('start', 'ai'), link('ai', 'end')],
      1612.8,
    );
    const result = ok(
      simulateWorkflow(wf, [], { weeks: 60, replications: 16, seed: 11, serviceDistribution: 'exponential' }),
    );
    expect(result.roles).toEqual([]);
    expect(result.aiSteps).toHaveLength(1);
    const ai = result.aiSteps[0]!;
    expect(ai).toMatchObject({ stepId: 'ai', concurrency: 2, servers: 2, overloaded: false });
    expectWithin(0.8, ai.utilization, 0.01);
    expectWithin(wq, ai.waitMinutes, 0.04);
    expectWithin(wq + 10, result.cycleTimeMinutes.mean, 0.04);
  });

  it('an AI step without a limit starts every run at once', () => {
    const wf = workflow(
      [start(), task('ai', null, [1, 2, 9], 'ai-automated'), end()],
      [link('start', 'ai'), link('ai', 'end')],
      50_000,
    );
    const result = ok(simulateWorkflow(wf, [], { weeks: 1, replications: 4, seed: 12 }));
    expect(result.aiSteps).toEqual([]);
    // The cycle time is the processing time alone: PERT mean (1 + 8 + 9) / 6 = 3 min.
    expectWithin(3, result.cycleTimeMinutes.mean, 0.01);
  });

  it('costs every AI run: 0.04 per automated draft + 0.02 per assisted edit × 1.25 edits = 0.065 per case', () => {
    const wf = workflow(
      [
        start(),
        task('draft', null, [1, 1, 1], 'ai-automated', { aiCostPerRun: 0.04 }),
        task('edit', 'w', [2, 4, 9], 'ai-assisted', { aiCostPerRun: 0.02 }),
        review('check', 0.2, 'edit', 'w', [1, 2, 4]),
        // People without AI run none: its cost per run is not counted, and the result says so.
        task('file', 'w', [1, 1, 1], 'human', { aiCostPerRun: 5 }),
        end(),
      ],
      [
        link('start', 'draft'),
        link('draft', 'edit'),
        link('edit', 'check'),
        link('check', 'file'),
        link('file', 'end'),
      ],
      400,
    );
    const result = ok(simulateWorkflow(wf, [role('w', 3)], { weeks: 20, replications: 6, seed: 13 }));
    expectWithin(0.065, result.aiCostPerCase, 0.005);
    expect(result.warnings.join(' ')).toMatch(/'file' is done by people without AI/);
    expect(
      ok(simulateWorkflow(single(10), [role('r', 1)], { weeks: 1, replications: 2, seed: 1 })).aiCostPerCase,
    ).toMatchObject({ mean: 0 });
  });
});

describe('routing', () => {
  it('a review rejecting 20% makes the reworked step run 1 / (1 − 0.2) = 1.25 times per case', () => {
    const wf = workflow(
      [start(), task('draft', 'w', [2, 4, 9]), review('check', 0.2, 'draft', 'q', [1, 2, 4]), end()],
      [link('start', 'draft'), link('draft', 'check'), link('check', 'end')],
      500,
    );
    const result = ok(
      simulateWorkflow(wf, [role('w', 2), role('q', 1)], { weeks: 20, replications: 10, seed: 4 }),
    );
    expectWithin(1.25, stepOf(result, 'draft').visitsPerCase, 0.005);
    expectWithin(1.25, stepOf(result, 'check').visitsPerCase, 0.005);
    expectWithin(1, stepOf(result, 'end').visitsPerCase, 0.005);
    expect(stepOf(result, 'start').visitsPerCase!.mean).toBe(1);
  });

  it('a 30/70 decision sends 30% and 70% of cases down its branches', () => {
    const wf = workflow(
      [start(), decision('d'), task('x', 'r', [1, 2, 3]), task('y', 'r', [1, 2, 3]), end()],
      [link('start', 'd'), link('d', 'x', 0.3), link('d', 'y', 0.7), link('x', 'end'), link('y', 'end')],
      1000,
    );
    const result = ok(simulateWorkflow(wf, [role('r', 2)], { weeks: 20, replications: 10, seed: 5 }));
    const x = stepOf(result, 'x').visitsPerCase!;
    const y = stepOf(result, 'y').visitsPerCase!;
    expect(Math.abs(x.mean - 0.3)).toBeLessThan(0.005);
    expect(Math.abs(y.mean - 0.7)).toBeLessThan(0.005);
    expectWithin(0.3, x, 0.01);
    expect(x.mean + y.mean).toBeCloseTo(1, 2);
  });
});

describe('utilisation', () => {
  const { workflows, roles } = customerSupportExample();

  it('matches load / capacity for the customer-support to-be workflow', () => {
    // Visits: edit e = 1 + 0.3 × 0.15 × e → e = 1 / 0.955; review 0.3 e; send 1.
    // PERT means: edit (4 + 28 + 15)/6 = 7.8333, review 7.8333, send (0.5 + 4 + 2)/6 = 1.0833 min.
    // Agent: 1200 × (e × 7.8333 + 1.0833) / 60 h = 185.71 h of 18 × 36 = 648 h → 28.66%.
    // Senior: 1200 × 0.3e × 7.8333 / 60 h = 49.21 h of 2 × 36 = 72 h → 68.35%.
    const e = 1 / (1 - 0.3 * 0.15);
    const agent = (1200 * (e * (47 / 6) + 6.5 / 6)) / 60 / 648;
    const senior = (1200 * 0.3 * e * (47 / 6)) / 60 / 72;
    const toBe = workflows.find((w) => w.kind === 'to-be')!;
    const result = ok(simulateWorkflow(toBe, roles, { weeks: 20, replications: 8, seed: 6 }));
    const agentSim = roleOf(result, 'cs-role-agent').utilization!.mean;
    const seniorSim = roleOf(result, 'cs-role-senior').utilization!.mean;
    expect(Math.abs(agentSim - agent) / agent).toBeLessThan(0.02);
    expect(Math.abs(seniorSim - senior) / senior).toBeLessThan(0.02);
    // The team lead does no step of this workflow: no queue for them.
    expect(result.roles.map((r) => r.id)).toEqual(['cs-role-agent', 'cs-role-senior']);
    expectWithin(1200, result.throughputPerWeek, 0.01);
    expect(result.stable).toBe(true);
    // AI steps start at once and are not queued for.
    expect(stepOf(result, 'cs-tobe-step-draft').roleId).toBeNull();
  });

  it('follows what-if volume and headcount', () => {
    const wf = single(120, [5, 10, 15]);
    // Mean 10 min; 240 cases × 10 min = 2,400 min = 40 h against 2 × 30 h = 60 h → 66.7%.
    const result = ok(
      simulateWorkflow(wf, [role('r', 1, 30)], {
        weeks: 30,
        replications: 6,
        seed: 7,
        volumePerWeek: 240,
        headcount: { r: 2 },
      }),
    );
    expect(Math.abs(roleOf(result, 'r').utilization!.mean - 2 / 3) / (2 / 3)).toBeLessThan(0.02);
    expect(result.settings.volumePerWeek).toBe(240);
    expect(roleOf(result, 'r').headcount).toBe(2);
  });
});

describe('results', () => {
  const { workflows, roles } = customerSupportExample();
  const asIs = workflows.find((w) => w.kind === 'as-is')!;
  const result = ok(simulateWorkflow(asIs, roles, { weeks: 6, replications: 4, seed: 8 }));

  it('has a 40-bin cycle-time histogram whose shares add up to 1', () => {
    expect(result.histogram).toHaveLength(40);
    expect(result.histogram.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 9);
    for (let i = 1; i < 40; i++)
      expect(result.histogram[i]!.from).toBeCloseTo(result.histogram[i - 1]!.to, 9);
  });

  it('orders mean, median and 90th percentile sensibly and measures every replication', () => {
    const ct = result.cycleTimeMinutes;
    expect(ct.median!.mean).toBeLessThan(ct.p90!.mean);
    // Processing alone is Σ visits × mean ≈ 31 min per case; waits come on top.
    expect(ct.mean!.mean).toBeGreaterThan(31);
    expect(result.replicationsDone).toBe(4);
    expect(ct.mean!.n).toBe(4);
    expect(result.completedCases).toBeGreaterThan(4 * 6 * 1100);
    expect(result.elapsedWeeks!.mean).toBeGreaterThan(0);
    // Plain data: survives JSON (and structured clone) unchanged.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe('cycle-time quantiles', () => {
  it('are right also beyond the per-replication sample limit (reservoir sampling)', () => {
    // An AI step with exponential processing (mean 10 min) and no queue: the cycle time is the processing
    // time, with median 10 ln 2 ≈ 6.931 and 90th percentile 10 ln 10 ≈ 23.026. 1.2 million cases in one
    // week exceed the 2²⁰ cycle times kept per replication.
    const wf = workflow(
      [start(), task('ai', null, [10, 10, 10], 'ai-automated'), end()],
      [link('start', 'ai'), link('ai', 'end')],
      1_200_000,
    );
    const result = ok(
      simulateWorkflow(wf, [], {
        weeks: 1,
        replications: 1,
        seed: 10,
        warmupWeeks: 0,
        serviceDistribution: 'exponential',
      }),
    );
    expect(result.completedCases).toBeGreaterThan(CYCLE_SAMPLE_LIMIT);
    expect(result.cycleTimeMinutes.mean!.mean).toBeCloseTo(10, 1);
    expect(result.cycleTimeMinutes.median!.mean).toBeCloseTo(10 * Math.LN2, 1);
    expect(result.cycleTimeMinutes.p90!.mean).toBeCloseTo(10 * Math.LN10, 1);
    expect(result.roles).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe('guard rails', () => {
  const roles = [role('r', 1)];

  it('refuses a workflow without a start', () => {
    const result = simulateWorkflow(workflow([task('a', 'r', [1, 1, 1]), end()], [link('a', 'end')]), roles, {
      weeks: 1,
      replications: 1,
      seed: 1,
    });
    expect(result).toMatchObject({ ok: false, cancelled: false, error: { code: 'no-start' } });
  });

  it('refuses a step with no next step', () => {
    const result = simulateWorkflow(
      workflow([start(), task('a', 'r', [1, 1, 1]), end()], [link('start', 'a')]),
      roles,
      { weeks: 1, replications: 1, seed: 1 },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'dead-end', stepIds: ['a'] } });
  });

  it('refuses a loop that never exits', () => {
    // b → c → b with no way to the end (the end hangs off a).
    const wf = workflow(
      [start(), decision('a'), task('b', 'r', [1, 1, 1]), task('c', 'r', [1, 1, 1]), end()],
      [link('start', 'a'), link('a', 'b', 0.5), link('a', 'end', 0.5), link('b', 'c'), link('c', 'b')],
    );
    const result = simulateWorkflow(wf, roles, { weeks: 1, replications: 1, seed: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-absorbing' } });
    if (!result.ok && !result.cancelled) expect(result.error.stepIds.sort()).toEqual(['b', 'c']);
  });

  it('refuses a review that rejects everything', () => {
    const wf = workflow(
      [start(), task('a', 'r', [1, 1, 1]), review('q', 1, 'a', 'r', [1, 1, 1]), end()],
      [link('start', 'a'), link('a', 'q'), link('q', 'end')],
    );
    const result = simulateWorkflow(wf, roles, { weeks: 1, replications: 1, seed: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-absorbing' } });
    if (!result.ok && !result.cancelled) expect(result.error.message).toMatch(/rejects 100%/);
  });

  it('refuses branches that do not add up and a rejecting review without a rework target', () => {
    const branches = workflow(
      [start(), decision('d'), end('e1'), end('e2')],
      [link('start', 'd'), link('d', 'e1', 0.5), link('d', 'e2', 0.4)],
    );
    expect(simulateWorkflow(branches, roles, { weeks: 1, replications: 1, seed: 1 })).toMatchObject({
      ok: false,
      error: { code: 'decision-probabilities' },
    });
    const noTarget = workflow(
      [start(), review('q', 0.2, null, 'r', [1, 1, 1]), end()],
      [link('start', 'q'), link('q', 'end')],
    );
    expect(simulateWorkflow(noTarget, roles, { weeks: 1, replications: 1, seed: 1 })).toMatchObject({
      ok: false,
      error: { code: 'rework-target-missing' },
    });
  });

  it('runs parallel branches (see parallel.test.ts) and passes through a parallel step with one way in and out', () => {
    const split = workflow(
      [start(), parallel('p'), task('a', 'r', [1, 1, 1]), task('b', 'r', [1, 1, 1]), parallel('j'), end()],
      [link('start', 'p'), link('p', 'a'), link('p', 'b'), link('a', 'j'), link('b', 'j'), link('j', 'end')],
      10,
    );
    const both = ok(simulateWorkflow(split, roles, { weeks: 2, replications: 2, seed: 1 }));
    expectWithin(1, stepOf(both, 'a').visitsPerCase, 0.001);
    expectWithin(1, stepOf(both, 'b').visitsPerCase, 0.001);
    const through = workflow(
      [start(), parallel('p'), task('a', 'r', [1, 1, 1]), end()],
      [link('start', 'p'), link('p', 'a'), link('a', 'end')],
      10,
    );
    const result = ok(simulateWorkflow(through, roles, { weeks: 2, replications: 2, seed: 1 }));
    expectWithin(1, stepOf(result, 'a').visitsPerCase, 0.001);
  });

  it('warns that learning curves are not simulated', () => {
    const wf = workflow(
      [
        start(),
        task('a', 'r', [1, 2, 3], 'human', {
          learningCurve: { learningRate: 0.9, floorShare: 0.5, casesBefore: 100 },
        }),
        end(),
      ],
      [link('start', 'a'), link('a', 'end')],
      10,
    );
    const result = ok(simulateWorkflow(wf, roles, { weeks: 1, replications: 1, seed: 1 }));
    expect(result.warnings.join(' ')).toMatch(/learning curve/);
  });

  it('refuses invalid options', () => {
    const wf = single(10);
    for (const bad of [
      { weeks: 0, replications: 1, seed: 1 },
      { weeks: 1, replications: 0, seed: 1 },
      { weeks: 1, replications: 1.5, seed: 1 },
      { weeks: 1, replications: 1, seed: NaN },
      { weeks: 1, replications: 1, seed: 1, warmupWeeks: -1 },
      { weeks: 1, replications: 1, seed: 1, volumePerWeek: -5 },
      { weeks: 1, replications: 1, seed: 1, headcount: { r: -1 } },
    ]) {
      expect(simulateWorkflow(wf, roles, bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid-option' },
      });
    }
  });

  it('reports an overloaded role (ρ = 1.3) as unstable instead of hanging', () => {
    // 312 cases × 10 min = 3,120 min of work a week for 2,400 minutes of capacity: ρ = 1.3.
    const result = ok(simulateWorkflow(single(312), roles, { weeks: 20, replications: 4, seed: 9 }));
    expect(result.stable).toBe(false);
    expect(result.overloadedRoleIds).toEqual(['r']);
    const r = roleOf(result, 'r');
    expect(r.overloaded).toBe(true);
    expect(r.offeredLoad!.mean).toBeGreaterThan(1.2);
    expect(r.utilization!.mean).toBeGreaterThan(0.99);
    // The queue left at the end is about (312 − 240) × 21 weeks ≈ 1,500 cases.
    expect(r.queueAtEnd!.mean).toBeGreaterThan(1000);
    expect(result.warnings.join(' ')).toMatch(/overloaded/);
  });

  it('reports a role without capacity as overloaded', () => {
    const result = ok(simulateWorkflow(single(50), [role('r', 0)], { weeks: 2, replications: 2, seed: 1 }));
    expect(roleOf(result, 'r').servers).toBe(0);
    expect(roleOf(result, 'r').utilization).toBeNull();
    expect(result.overloadedRoleIds).toEqual(['r']);
    expect(result.completedCases).toBe(0);
    expect(result.cycleTimeMinutes.mean).toBeNull();
  });

  it('stops at the event cap and says so', () => {
    const result = ok(
      simulateWorkflow(single(100), roles, {
        weeks: 50,
        replications: 5,
        seed: 1,
        warmupWeeks: 0,
        maxEvents: 5000,
      }),
    );
    expect(result.eventCapReached).toBe(true);
    expect(result.events).toBe(5000);
    expect(result.stable).toBe(false);
    expect(result.replicationsDone).toBe(1);
    expect(result.warnings.join(' ')).toMatch(/cap/);
  });

  it('runs with no volume at all', () => {
    const result = ok(simulateWorkflow(single(0), roles, { weeks: 2, replications: 2, seed: 1 }));
    expect(result.events).toBe(0);
    expect(result.throughputPerWeek!.mean).toBe(0);
    expect(result.cycleTimeMinutes.mean).toBeNull();
    expect(roleOf(result, 'r').utilization!.mean).toBe(0);
  });
});

describe('progress and cancel', () => {
  const { workflows, roles } = customerSupportExample();
  const asIs = workflows.find((w) => w.kind === 'as-is')!;

  it('reports progress in simulated weeks, ending at the total', () => {
    const calls: [number, number][] = [];
    ok(
      simulateWorkflow(asIs, roles, {
        weeks: 4,
        replications: 5,
        seed: 1,
        onProgress: (done, total) => calls.push([done, total]),
      }),
    );
    expect(calls.length).toBeGreaterThanOrEqual(5);
    expect(calls.every(([, total]) => total === 25)).toBe(true);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
    expect(calls[calls.length - 1]).toEqual([25, 25]);
  });

  it('returns { cancelled: true } when shouldCancel says so', () => {
    let polls = 0;
    const result = simulateWorkflow(asIs, roles, {
      weeks: 1000,
      replications: 50,
      seed: 1,
      shouldCancel: () => ++polls > 3,
    });
    expect(result).toEqual({ ok: false, cancelled: true });
    expect(polls).toBe(4);
  });

  it('cancels a sliced run', () => {
    const run = createSimulation(asIs, roles, { weeks: 1000, replications: 50, seed: 1 });
    expect(run.advance(10_000)).toBe(false);
    run.cancel();
    expect(run.advance(10_000)).toBe(true);
    expect(run.result()).toEqual({ ok: false, cancelled: true });
  });
});
