/**
 * Over the whole input domain (every number anywhere within its bound, extremes included), the analysis
 * and its JSON report hold only finite, normal figures or a documented null; what cannot be shown is an
 * `out-of-range` error, never Infinity, NaN or a denormal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeWorkflow } from '../../../shared/analysis/analyze';
import { firstUnfitFigure, isFitFigure } from '../../../shared/analysis/domain';
import { formatNumber, round } from '../../../shared/analysis/numbers';
import { formatTextReport, toReport } from '../../../shared/analysis/report';
import { BOUNDS, withinBound, type BoundKey } from '../../../shared/model/bounds';
import type { Step } from '../../../shared/model/schema';
import * as h from './helpers';

/** Any value within the bound of `key`, with its edges (min, max, smallest positive) drawn often. */
function inBound(key: BoundKey): fc.Arbitrary<number> {
  const b = BOUNDS[key];
  const tiny = 'smallestPositive' in b ? b.smallestPositive : undefined;
  const edges = [b.min, b.max, ...(tiny === undefined ? [] : [tiny])].map((v) => fc.constant(v));
  const any = b.integer
    ? fc.integer({ min: b.min, max: b.max })
    : fc.double({ min: b.min, max: b.max, noNaN: true }).filter((v) => withinBound(key, v));
  // Values spread over orders of magnitude, not only near max (uniform doubles are almost all huge).
  const logSpread = b.integer
    ? any
    : fc
        .double({ min: -7, max: Math.log10(b.max), noNaN: true })
        .map((e) => 10 ** e)
        .filter((v) => withinBound(key, v));
  return fc.oneof(...edges, any, logSpread);
}

const durationArb = fc
  .tuple(inBound('durationMin'), inBound('durationMin'), inBound('durationMin'))
  .map((t) => t.sort((x, y) => x - y) as [number, number, number]);

const roleArb = (id: string) =>
  fc
    .record({ headcount: inBound('headcount'), hours: inBound('hoursPerWeek'), cost: inBound('costPerHour') })
    .map((r) => h.role(id, r.headcount, r.hours, r.cost));

interface StepSpec {
  kind: 'task' | 'review' | 'decision';
  role: number;
  times: [number, number, number];
  mode: 'human' | 'ai-assisted' | 'ai-automated';
  aiCost: number;
  aiConcurrency: number | null;
  rejection: number;
  branch: number;
}

const stepArb: fc.Arbitrary<StepSpec> = fc.record({
  kind: fc.constantFrom('task', 'review', 'decision'),
  role: fc.integer({ min: -1, max: 2 }),
  times: durationArb,
  mode: fc.constantFrom('human', 'ai-assisted', 'ai-automated'),
  aiCost: inBound('aiCostPerRun'),
  aiConcurrency: fc.option(inBound('aiConcurrency')),
  // Below 1, or a rework loop has no exit (a structural error, tested elsewhere).
  rejection: inBound('rejectionRate').filter((r) => r < 1),
  branch: inBound('branchProbability'),
});

/** A chain of steps; reviews send work back to the step before them, decisions skip one step or not. */
function build(specs: StepSpec[], volume: number) {
  const roleIds = ['A', 'B', 'C'];
  const steps: Step[] = [h.start()];
  const edgeSpecs: string[] = [];
  let prev = 'start';
  specs.forEach((s, i) => {
    const id = `s${i}`;
    const roleId = s.role < 0 ? null : roleIds[s.role]!;
    if (s.kind === 'decision') {
      steps.push(h.decision(id), h.task(`${id}x`, roleId, s.times, s.mode));
      const p = Math.min(1, Math.max(0, s.branch));
      // Two branches that meet again at a task.
      edgeSpecs.push(`${prev}>${id}`, `${id}>${id}x:${p}`, `${id}>${id}y:${1 - p}`);
      steps.push(h.task(`${id}y`, roleId, s.times, s.mode));
      steps.push(h.task(`${id}m`, roleId, s.times));
      edgeSpecs.push(`${id}x>${id}m`, `${id}y>${id}m`);
      prev = `${id}m`;
      return;
    }
    if (s.kind === 'review') {
      steps.push(h.review(id, s.rejection, prev === 'start' ? null : prev, roleId, s.times));
      if (prev === 'start') (steps[steps.length - 1] as { rejectionRate: number }).rejectionRate = 0;
    } else {
      const t = h.task(id, roleId, s.times, s.mode);
      t.aiCostPerRun = s.aiCost;
      t.aiConcurrency = s.aiConcurrency;
      steps.push(t);
    }
    edgeSpecs.push(`${prev}>${id}`);
    prev = id;
  });
  steps.push(h.end());
  edgeSpecs.push(`${prev}>end`);
  return h.workflow(steps, h.edges(...edgeSpecs), volume);
}

describe('the analysis over the whole input domain', () => {
  it('gives finite, normal figures or null, or says what is out of range (300 runs)', () => {
    let analysed = 0;
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 1, maxLength: 8 }),
        fc.tuple(roleArb('A'), roleArb('B'), roleArb('C')),
        inBound('volumePerWeek'),
        (specs, roles, volume) => {
          const wf = build(specs, volume);
          const result = analyzeWorkflow(wf, roles, { explain: 'summary' });
          if (!result.ok) {
            // Only decisions whose branch probabilities do not add up exactly, or an out-of-range figure.
            expect(['out-of-range', 'decision-probabilities']).toContain(result.error.code);
            expect(result.error.message).not.toMatch(/NaN|Infinity/);
            return;
          }
          analysed++;
          expect(firstUnfitFigure(result, '', new Set(['explanations', 'warnings', 'workflow']))).toBeNull();
          const report = toReport(result);
          expect(firstUnfitFigure(report)).toBeNull();
          const text = formatTextReport(result);
          expect(text).not.toMatch(/NaN|Infinity|e-3\d\d/);
          for (const s of Object.values(result.explanations)) expect(s).not.toMatch(/NaN|Infinity/);
        },
      ),
      { numRuns: 300 },
    );
    // Most generated workflows are analysed, so the property is about figures, not about errors.
    expect(analysed).toBeGreaterThan(200);
  });

  it('refuses inputs beyond a bound with the bound message (headcount 1e16, 5e-324; times 1e308)', () => {
    const wf = h.workflow([h.start(), h.task('t', 'A', [1, 2, 3]), h.end()], h.edges('start>t', 't>end'));
    const huge = analyzeWorkflow(wf, [h.role('A', 1e16, 40, 1)]);
    expect(!huge.ok && huge.error).toMatchObject({
      code: 'out-of-range',
      message: "Out of range: role 'A': headcount must be at most 100,000 (got 1e16).",
    });
    const tiny = analyzeWorkflow(wf, [h.role('A', 5e-324, 40, 1)]);
    expect(!tiny.ok && tiny.error.message).toContain('headcount must be 0 or at least 0.01 (got 5e-324)');
    const long = h.workflow(
      [h.start(), h.task('t', 'A', [1e308, 1e308, 1e308]), h.end()],
      h.edges('start>t', 't>end'),
    );
    const r = analyzeWorkflow(long, [h.role('A', 1, 40, 1)]);
    expect(!r.ok && r.error.message).toContain('minimum time must be at most 525,600 (got 1e308)');
    const whatIf = analyzeWorkflow(wf, [h.role('A', 1, 40, 1)], { headcount: { A: 1e16 } });
    expect(!whatIf.ok && whatIf.error.code).toBe('invalid-option');
  });

  it('answers for the worst valid headcount as for one person, at once', () => {
    const wf = h.workflow(
      [h.start(), h.task('t', 'A', [1, 2, 3]), h.end()],
      h.edges('start>t', 't>end'),
      1e9,
    );
    const r = analyzeWorkflow(wf, [h.role('A', 100_000, 168, 1e9)]);
    expect(r.ok).toBe(true);
  });
});

describe('figures and their formatting', () => {
  it('tells fit figures from the rest', () => {
    expect([0, 1, -1, 1e308, 2.2250738585072014e-308].every(isFitFigure)).toBe(true);
    expect([NaN, Infinity, -Infinity, 5e-324, 1e-310].some(isFitFigure)).toBe(false);
  });

  it('rounds huge figures without overflowing to Infinity', () => {
    expect(round(1e308)).toBe(1e308);
    expect(round(-1e300)).toBe(-1e300);
    expect(formatNumber(1e300)).not.toMatch(/Infinity/);
  });
});
