/**
 * When a gap closes: the learning sources crediting a role × skill add up their hours week by week, each
 * from its start week, until they reach the gap's reskilling hours. With rates hᵢ from weeks sᵢ, the hours
 * learned by week t are L(t) = Σ hᵢ × max(0, t − sᵢ), piecewise linear, so weeks to close is the t where
 * L(t) = remaining hours, found segment by segment. With one source from week 0 that is simply
 * remaining ÷ weekly hours. A gap no source credits has no plan: no number is made up for it.
 */
import { formatNumber as f } from '../analysis/numbers';
import type { GapRow, LearningSource, PlanStatus } from './types';

/** Hours learned by the start of week `week` (fractional weeks allowed). */
export function learnedHours(sources: readonly LearningSource[], week: number): number {
  let total = 0;
  for (const s of sources)
    if (s.hoursPerWeek > 0 && week > s.startWeek) total += s.hoursPerWeek * (week - s.startWeek);
  return total;
}

/** The week at which `remaining` hours are learned; null if the sources never get there. */
export function weeksToClose(remaining: number, sources: readonly LearningSource[]): number | null {
  if (!(remaining > 0)) return 0;
  const active = sources.filter((s) => s.hoursPerWeek > 0).sort((a, b) => a.startWeek - b.startWeek);
  let rate = 0;
  let learned = 0;
  for (let k = 0; k < active.length; k++) {
    const from = active[k]!.startWeek;
    rate += active[k]!.hoursPerWeek;
    const until = k + 1 < active.length ? active[k + 1]!.startWeek : Infinity;
    const reachable = learned + rate * (until - from);
    if (reachable >= remaining) return from + (remaining - learned) / rate;
    learned = reachable;
  }
  return null;
}

export function planStatusFor(gap: GapRow, sources: readonly LearningSource[], explain = true): PlanStatus {
  const status = planStatus(gap, sources);
  if (!explain) status.why = '';
  return status;
}

function planStatus(gap: GapRow, sources: readonly LearningSource[]): PlanStatus {
  const weeklyLearningHours = sources.reduce((sum, s) => sum + Math.max(0, s.hoursPerWeek), 0);
  const remainingHours = gap.reskillingHours;
  if (!(gap.totalGapLevels > 0)) {
    return {
      state: 'no-gap',
      weeklyLearningHours,
      remainingHours: 0,
      weeksToClose: 0,
      why: `No gap: the team is at level ${gap.current}, the to-be asks ${gap.required}.`,
    };
  }
  if (!(remainingHours > 0)) {
    return {
      state: 'free',
      weeklyLearningHours,
      remainingHours: 0,
      weeksToClose: 0,
      why: `The gap costs no learning hours (${gap.hoursPerLevel.why}), so it counts as closed at once.`,
    };
  }
  const weeks = weeksToClose(remainingHours, sources);
  if (weeks === null) {
    return {
      state: 'no-plan',
      weeklyLearningHours,
      remainingHours,
      weeksToClose: null,
      why: `No plan: ${f(remainingHours)} h to learn and no review feedback, coaching, pairing or plan item teaches this skill to the role.`,
    };
  }
  const started = sources.filter((s) => s.hoursPerWeek > 0);
  const allFromZero = started.every((s) => s.startWeek === 0);
  return {
    state: 'planned',
    weeklyLearningHours,
    remainingHours,
    weeksToClose: weeks,
    why: allFromZero
      ? `Remaining hours ÷ weekly learning hours = ${f(remainingHours)} ÷ ${f(weeklyLearningHours)} = ${f(weeks)} weeks ` +
        `(${started.map((s) => `${s.kind} ${f(s.hoursPerWeek)}`).join(' + ')} h/week).`
      : `${f(remainingHours)} h to learn; learning adds up from each source's start week ` +
        `(${started.map((s) => `${s.kind} ${f(s.hoursPerWeek)} h/week from week ${s.startWeek}`).join(', ')}), ` +
        `reaching ${f(remainingHours)} h after ${f(weeks)} weeks.`,
  };
}
