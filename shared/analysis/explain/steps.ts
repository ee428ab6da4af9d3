/** Explanations of the per-step figures: PERT time, person-hours, AI runs and cost, and the visits. */
import { formatNumber as f, formatPercent } from '../numbers';
import { TRANSITION_KINDS } from '../chain';
import type { MarkovChain, TransitionKind } from '../chain';
import type { Step } from '../../model/schema';
import type { WorkflowAnalysis } from '../types';
import { stepKey } from '../explanationKeys';
import type { Explanations } from '../explanationKeys';
import type { AiPool } from '../phases/stepFigures';

const KIND_WORDS: Record<TransitionKind, string> = {
  next: 'next step',
  branch: 'branch',
  accept: 'accepted',
  rework: 'rework',
  fork: 'parallel branch',
};

/** Explanations of the per-step figures that do not depend on the role queues. */
export function explainSteps(
  a: WorkflowAnalysis,
  source: readonly Step[],
  aiPools: readonly AiPool[],
  roleSteps: readonly (readonly number[])[],
): void {
  const out = a.explanations;
  const volume = f(a.volumePerWeek);
  const poolOf = new Map(aiPools.map((p) => [p.step, p]));
  const withRole = new Set(roleSteps.flat());
  a.steps.forEach((s, i) => {
    const step = source[i]!;
    if (step.type !== 'task' && step.type !== 'review') return;
    const { min, likely, max } = step.duration;
    const v = f(s.visits);
    const mean = f(s.meanMinutes);
    out[stepKey(s.id, 'meanMinutes')] =
      `PERT mean (a + 4m + b) / 6 = (${f(min)} + 4 × ${f(likely)} + ${f(max)}) / 6 = ${mean} min; ` +
      `standard deviation (b − a) / 6 = (${f(max)} − ${f(min)}) / 6 = ${f(s.sdMinutes)} min.`;
    if (step.type === 'task' && s.mode === 'ai-automated') {
      out[stepKey(s.id, 'hoursPerWeek')] =
        `AI-automated: no person time. AI runs per week = volume × visits = ${volume} × ${v} = ${f(s.aiRunsPerWeek ?? 0)}.`;
      out[stepKey(s.id, 'costPerCase')] =
        `visits × AI cost per run = ${v} × ${f(step.aiCostPerRun)} = ${f(s.costPerCase)}.`;
      const p = poolOf.get(i);
      out[stepKey(s.id, 'waitMinutes')] = !p
        ? 'AI-automated with no concurrency limit given: runs start at once, no wait.'
        : p.pool.waitMinutes === null
          ? `The AI pool (${f(p.concurrency)} concurrent runs, around the clock) is overloaded: ${f(s.aiRunsPerWeek ?? 0)} runs × ${mean} min need ${formatPercent(p.pool.utilization)} of its capacity, so the wait grows without limit.`
          : `Allen–Cunneen queue of ${p.pool.servers} concurrent AI runs over the whole week: ${f(p.pool.waitMinutes)} min per visit.`;
      return;
    }
    out[stepKey(s.id, 'hoursPerWeek')] =
      `volume × visits × mean / 60 = ${volume} × ${v} × ${mean} / 60 = ${f(s.hoursPerWeek)} h/week.`;
    if (!withRole.has(i)) {
      out[stepKey(s.id, 'waitMinutes')] = 'No role does this step, so there is no queue to wait in.';
      out[stepKey(s.id, 'costPerCase')] =
        s.aiCostPerCase > 0
          ? `No role does this step, so its people cost is unknown (0); AI: visits × AI cost per run = ${f(s.aiCostPerCase)}.`
          : 'No role does this step, so its cost is unknown (0).';
    }
  });
}

/** Visits: v_j = [j = start] + Σ vᵢ · P(i → j), with the contributions named. */
export function explainVisits(out: Explanations, chain: MarkovChain, visits: Float64Array): void {
  const n = chain.ids.length;
  const { outStart, outTo } = chain;
  // Incoming transitions, compressed: those into j at inStart[j] … inStart[j + 1] − 1 (ids into outTo).
  const inStart = new Int32Array(n + 1);
  for (let k = 0; k < outTo.length; k++) inStart[outTo[k]! + 1]!++;
  for (let j = 0; j < n; j++) inStart[j + 1]! += inStart[j]!;
  const inEdge = new Int32Array(outTo.length);
  const inFrom = new Int32Array(outTo.length);
  const fill = inStart.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let k = outStart[i]!; k < outStart[i + 1]!; k++) {
      const at = fill[outTo[k]!]!++;
      inEdge[at] = k;
      inFrom[at] = i;
    }
  }
  const formatted: string[] = new Array<string>(n);
  const fv = (i: number) => (formatted[i] ??= f(visits[i]!));
  // Joins: the split whose branches they close, and how many branches that is.
  const joins = new Map<number, { split: string; branches: number }>();
  for (const b of chain.parallelBlocks) {
    const split = chain.steps[chain.index.get(b.splitId)!]!.name;
    joins.set(chain.index.get(b.joinId)!, { split, branches: b.branches.length });
  }
  for (let j = 0; j < n; j++) {
    const key = stepKey(chain.ids[j]!, 'visits');
    if (j === chain.start) {
      out[key] = 'Every case starts here: 1 visit per case.';
      continue;
    }
    if (visits[j] === 0) {
      out[key] = 'Not reached from the start: 0 visits per case.';
      continue;
    }
    const terms: string[] = [];
    let looped = false;
    let count = 0;
    const join = joins.get(j);
    for (let u = inStart[j]!; u < inStart[j + 1]!; u++) {
      const i = inFrom[u]!;
      if (!(visits[i]! > 0)) continue;
      const k = inEdge[u]!;
      const kind = TRANSITION_KINDS[chain.outKind[k]!]!;
      if (kind === 'rework') looped = true;
      if (++count > 6) continue;
      const from = `${KIND_WORDS[kind]} from '${chain.steps[i]!.name}'`;
      if (join) terms.push(`${f(visits[i]! * chain.outProbability[k]! * join.branches)} (${from})`);
      else if (kind === 'fork') terms.push(`${fv(i)} (${from}: every branch runs)`);
      else terms.push(`${fv(i)} × ${formatPercent(chain.outProbability[k]!)} (${from})`);
    }
    if (count > 6) terms.push(`… ${count - 6} more`);
    if (join) {
      out[key] =
        `Parallel join of '${join.split}': it goes on once all ${join.branches} branches have arrived, so its visits ` +
        `= arrivals from the branches / ${join.branches} = (${terms.join(' + ')}) / ${join.branches} = ${fv(j)}.`;
      continue;
    }
    out[key] =
      `Expected visits per case = Σ visits of each preceding step × probability of coming here = ` +
      `${terms.join(' + ')} = ${fv(j)}` +
      (looped
        ? '. A loop feeds back into this step, so the visits solve v = e_start + Qᵀv exactly (absorbing Markov chain).'
        : '.');
  }
}
