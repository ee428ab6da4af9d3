/** Explanations of a role's figures (load, capacity, utilization, wait) and of its steps' wait and cost. */
import { formatNumber as f, formatPercent } from '../numbers';
import type { PoolQueue } from '../queueing';
import type { RoleAnalysis, StepAnalysis } from '../types';
import { roleKey, stepKey } from '../explanationKeys';
import type { Explanations } from '../explanationKeys';

export function explainRole(
  out: Explanations,
  role: RoleAnalysis,
  members: readonly number[],
  steps: readonly StepAnalysis[],
  volume: number,
  pool: PoolQueue,
  perStep: boolean,
): void {
  const shown = members.slice(0, 8).map((i) => `${f(steps[i]!.visits)} × ${f(steps[i]!.meanMinutes)}`);
  if (members.length > 8) shown.push(`… ${members.length - 8} more`);
  out[roleKey(role.id, 'loadHoursPerWeek')] =
    `Load = volume × Σ(visits × mean minutes) / 60 over the role's ${members.length} step(s) = ` +
    `${f(volume)} × (${shown.join(' + ') || '0'}) / 60 = ${f(volume)} × ${f(role.loadMinutesPerCase)} / 60 = ` +
    `${f(role.loadHoursPerWeek)} h/week.`;
  out[roleKey(role.id, 'capacityHoursPerWeek')] =
    `Capacity = headcount × hours per person per week = ${f(role.headcount)} × ${f(role.hoursPerPersonPerWeek)} = ${f(role.capacityHoursPerWeek)} h/week.`;
  const learning = role.learningHoursPerWeek;
  out[roleKey(role.id, 'utilization')] =
    role.utilization === null
      ? `The role has ${f(role.loadHoursPerWeek)} h/week of work but no capacity (headcount × hours = 0).`
      : learning > 0
        ? `Utilization = (load + learning) / capacity = (${f(role.loadHoursPerWeek)} + ${f(learning)}) / ${f(role.capacityHoursPerWeek)} = ${formatPercent(role.utilization)}; the learning time (coaching, pairing, retros, courses) comes out of the role's hours.`
        : `Utilization = load / capacity = ${f(role.loadHoursPerWeek)} / ${f(role.capacityHoursPerWeek)} = ${formatPercent(role.utilization)}.`;
  let wait: string;
  if (!(role.loadMinutesPerCase > 0)) wait = 'No work arrives at this role, so nothing waits.';
  else if (role.waitMinutes === null) {
    wait =
      `Unstable: the work (${f(role.loadHoursPerWeek)} h/week) reaches or exceeds the capacity ` +
      `(${f(role.capacityHoursPerWeek)} h/week), so the queue grows without limit and no mean wait exists.`;
  } else {
    wait =
      `Allen–Cunneen G/G/c over the role's working time: Wq ≈ C(c, a) / (cμ − λ) × (ca² + cs²) / 2 with ` +
      `c = ${pool.servers} server(s) each working ${f(pool.serverMinutesPerWeek / 60)} h/week, ` +
      `λ = ${f(volume)} × ${f(role.visitsPerCase)} visits / ${f(pool.serverMinutesPerWeek)} min = ${f(pool.arrivalRate)} per min, ` +
      `E[S] = ${f(role.meanServiceMinutes)} min (visit-weighted PERT means), a = λ·E[S] = ${f(pool.offeredLoad)}, ` +
      `Erlang C = ${f(role.probabilityOfWaiting ?? 0)}, ca² = 1 (random arrivals), cs² = ${f(role.serviceScv)} → ` +
      `${f(role.waitMinutes)} min per visit.`;
  }
  out[roleKey(role.id, 'waitMinutes')] = wait;
  if (!perStep) return;
  const stepWait =
    role.waitMinutes === null
      ? `Role '${role.name}' is overloaded, so the wait grows without limit.`
      : `The mean wait in the queue of role '${role.name}', shared by all its steps: ${f(role.waitMinutes)} min per visit.`;
  const rate = f(role.costPerHour);
  for (const i of members) {
    const s = steps[i]!;
    out[stepKey(s.id, 'waitMinutes')] = stepWait;
    const peopleCost = s.costPerCase - s.aiCostPerCase;
    out[stepKey(s.id, 'costPerCase')] =
      s.aiCostPerCase > 0
        ? `People: visits × mean / 60 × cost per hour = ${f(s.visits)} × ${f(s.meanMinutes)} / 60 × ${rate} = ${f(peopleCost)}; ` +
          `AI: visits × AI cost per run = ${f(s.aiCostPerCase)}; together ${f(s.costPerCase)}.`
        : `visits × mean / 60 × cost per hour = ${f(s.visits)} × ${f(s.meanMinutes)} / 60 × ${rate} = ${f(s.costPerCase)}.`;
  }
}
