/**
 * Phase 2 of the analysis: each role's load, capacity, utilization and queue (Allen–Cunneen over its working
 * time); the steps of a role then get its wait and their cost per case.
 */
import { mixServiceTimes, poolQueue } from '../queueing';
import type { PoolQueue } from '../queueing';
import type { Role } from '../../model/schema';
import type { RoleAnalysis } from '../types';
import type { StepFigures } from './stepFigures';

export interface RoleQueues {
  roles: RoleAnalysis[];
  /** The queue of each role (parallel to roles). */
  pools: PoolQueue[];
}

/** Fills in each role step's waitMinutes and costPerCase in `figures.steps`. */
export function roleQueues(
  usedRoles: readonly Role[],
  figures: StepFigures,
  visits: Float64Array,
  volume: number,
  learningOf: (roleId: string) => number,
): RoleQueues {
  const { steps, secondMoments, roleSteps } = figures;
  // Roles: load, capacity, utilization and their queue.
  const pools: PoolQueue[] = [];
  const roleResults: RoleAnalysis[] = usedRoles.map((role, r) => {
    const members = roleSteps[r]!;
    const headcount = role.headcount;
    let visitsPerCase = 0;
    let loadMinutesPerCase = 0;
    let secondMomentSum = 0;
    for (const i of members) {
      visitsPerCase += visits[i]!;
      loadMinutesPerCase += visits[i]! * steps[i]!.meanMinutes;
      secondMomentSum += visits[i]! * secondMoments[i]!;
    }
    // The work mix: one part with the visit-weighted sums is the same mixture (see mixServiceTimes).
    const mix = mixServiceTimes([
      {
        weight: visitsPerCase,
        mean: visitsPerCase > 0 ? loadMinutesPerCase / visitsPerCase : 0,
        secondMoment: visitsPerCase > 0 ? secondMomentSum / visitsPerCase : 0,
      },
    ]);
    // Learning time leaves fewer hours per person for the queue.
    const learning = learningOf(role.id);
    const capacity = headcount * role.hoursPerWeek;
    const pool = poolQueue({
      headcount,
      hoursPerWeek:
        learning > 0 && headcount > 0
          ? Math.max(0, role.hoursPerWeek - learning / headcount)
          : role.hoursPerWeek,
      arrivalsPerWeek: volume * visitsPerCase,
      meanService: mix.mean,
      serviceScv: mix.scv,
    });
    const loadHours = (volume * loadMinutesPerCase) / 60;
    let utilization = pool.utilization;
    let stable = pool.stable;
    if (learning > 0) {
      utilization = capacity > 0 ? (loadHours + learning) / capacity : null;
      stable = utilization !== null && utilization < 1;
    }
    const result: RoleAnalysis = {
      id: role.id,
      name: role.name,
      headcount,
      hoursPerPersonPerWeek: role.hoursPerWeek,
      costPerHour: role.costPerHour,
      visitsPerCase,
      loadMinutesPerCase,
      loadHoursPerWeek: loadHours,
      learningHoursPerWeek: learning,
      capacityHoursPerWeek: capacity,
      utilization,
      servers: pool.servers,
      meanServiceMinutes: mix.mean,
      serviceScv: mix.scv,
      probabilityOfWaiting: pool.probabilityOfWaiting,
      waitMinutes: stable ? pool.waitMinutes : null,
      stable,
    };
    for (const i of members) {
      const s = steps[i]!;
      s.waitMinutes = pool.waitMinutes;
      s.costPerCase = ((s.visits * s.meanMinutes) / 60) * role.costPerHour + s.aiCostPerCase;
    }
    pools.push(pool);
    return result;
  });

  return { roles: roleResults, pools };
}
