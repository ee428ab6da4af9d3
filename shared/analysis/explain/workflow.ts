/** Explanations of the workflow's figures: volume, bottleneck, capacity, overload, cycle time, cost, stability. */
import { formatNumber as f, formatPercent } from '../numbers';
import type { LongestPath } from '../../flow/longestPath';
import type { RoleAnalysis, WorkflowAnalysis } from '../types';

export function explainWorkflow(
  a: WorkflowAnalysis,
  bottleneck: RoleAnalysis | null,
  noRoleSteps: number,
  path: LongestPath | null,
): void {
  const out = a.explanations;
  out.volumePerWeek = `Cases per week: ${f(a.volumePerWeek)}.`;

  if (bottleneck && a.bottleneck) {
    out.bottleneck =
      `'${bottleneck.name}' has the highest utilization (${formatPercent(bottleneck.utilization)}): ` +
      `${f(bottleneck.loadHoursPerWeek)} h/week of work against ${f(bottleneck.capacityHoursPerWeek)} h/week of capacity. ` +
      `Work piles up here first as volume grows.`;
    out.maxVolumePerWeek =
      `Capacity of the bottleneck / its work per case = ${f(bottleneck.capacityHoursPerWeek)} h / ` +
      `(${f(bottleneck.loadMinutesPerCase)} min / 60) = ${f(a.maxVolumePerWeek ?? 0)} cases/week ` +
      `before '${bottleneck.name}' reaches 100%.`;
  } else {
    out.bottleneck = 'No person works on this workflow, so there is no bottleneck among roles.';
    out.maxVolumePerWeek = 'No person works on this workflow, so no role limits the volume.';
  }
  if (a.overload && bottleneck) {
    const o = a.overload;
    out.overload =
      `'${bottleneck.name}' needs ${f(bottleneck.loadHoursPerWeek)} h/week but has ${f(bottleneck.capacityHoursPerWeek)}: ` +
      `${f(o.excessHoursPerWeek)} h/week too many. Current staff fits ${f(o.volumeThatFits)} cases/week; ` +
      (o.headcountNeeded === null
        ? 'the role works 0 hours a week, so no headcount is enough.'
        : `${o.headcountNeeded} people = ⌈${f(bottleneck.loadHoursPerWeek)} / ${f(bottleneck.hoursPerPersonPerWeek)}⌉ are needed.`);
  } else {
    out.overload = 'No role is over 100% of its capacity.';
  }

  const ct = a.cycleTimeMinutes;
  const over = path ? 'along the longest path (see the cycle time)' : 'over all steps';
  out['cycleTimeMinutes.processing'] =
    `Σ visits × PERT mean ${over} = ${f(ct.processing)} min of hands-on (or AI) time per case` +
    (path ? '; the work of every parallel branch still counts in load and cost.' : '.');
  out['cycleTimeMinutes.waiting'] =
    ct.waiting === null
      ? 'A queue on the path is unstable (over 100%), so the expected waiting time is unbounded.'
      : `Σ visits × mean wait in the role's queue ${over} = ${f(ct.waiting)} min per case (working time)` +
        (noRoleSteps > 0 ? `; ${noRoleSteps} step(s) without a role count no wait.` : '.');
  const sum = `processing + waiting = ${f(ct.processing)} + ${f(ct.waiting ?? 0)} = ${f(ct.total ?? 0)} min per case, in working minutes of the roles involved.`;
  if (ct.total === null) out['cycleTimeMinutes.total'] = 'Unbounded: a queue on the path is over 100%.';
  else if (!path) out['cycleTimeMinutes.total'] = sum;
  else {
    const names = new Map(a.steps.map((s) => [s.id, s.name]));
    const name = (id: string | null) => (id === null ? '(straight to the join)' : `'${names.get(id) ?? id}'`);
    const shown = [...path.blocks]
      .reverse()
      .slice(0, 5)
      .map((b) => {
        const times = b.branches.map((t) => `${name(t.firstStepId)} ${f(t.work + t.wait)}`);
        const slow = b.branches[b.slowest]!;
        return `split ${name(b.splitId)}: branches ${times.join(', ')} → ${f(slow.work + slow.wait)} min`;
      });
    if (path.blocks.length > 5) shown.push(`… ${path.blocks.length - 5} more blocks`);
    out['cycleTimeMinutes.total'] =
      'The longest expected path from start to end: steps one after another add up visits × (mean + wait), and a ' +
      'parallel block takes as long as its slowest branch, since its branches run at the same time (nested ' +
      `blocks likewise; branch times in minutes, starting step named). ${shown.join('; ')}. Along that path ${sum} ` +
      'This uses the expected time of each branch; when branch times vary, waiting for the slowest branch takes ' +
      'somewhat longer on average (the simulation measures it).';
  }
  const c = a.costPerCase;
  out['costPerCase.people'] =
    `Σ visits × mean / 60 × cost per hour of the step's role = ${f(c.people)} per case.`;
  out['costPerCase.ai'] =
    `Σ visits × AI cost per run over AI-automated and AI-assisted tasks = ${f(c.ai)} per case.`;
  out['costPerCase.total'] = `people + AI = ${f(c.people)} + ${f(c.ai)} = ${f(c.total)} per case.`;
  out.stable = a.stable
    ? 'Every role (and AI pool) is below 100% of its capacity.'
    : `Over capacity: ${[
        ...a.roles.filter((r) => !r.stable).map((r) => `'${r.name}'`),
        ...a.steps
          .filter((s) => s.mode === 'ai-automated' && s.waitMinutes === null)
          .map((s) => `AI step '${s.name}'`),
      ].join(', ')}.`;
}
