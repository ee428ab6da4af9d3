/**
 * Phase 3 of the analysis: the bottleneck (the role with the most work per case relative to its capacity),
 * the volume at which it reaches 100%, and by how much it is over when it is.
 */
import type { Bottleneck, Overload, RoleAnalysis } from '../types';

export interface BottleneckFigures {
  bottleneckRole: RoleAnalysis | null;
  bottleneck: Bottleneck | null;
  maxVolumePerWeek: number | null;
  overload: Overload | null;
}

export function findBottleneck(
  roleResults: readonly RoleAnalysis[],
  anyLearning: boolean,
): BottleneckFigures {
  // Bottleneck: highest work per case relative to capacity (the same ranking as utilization, but also
  // defined at volume 0). A role with work and no capacity ranks first.
  let bottleneckRole: RoleAnalysis | null = null;
  let worst = -1;
  for (const role of roleResults) {
    if (!(role.loadMinutesPerCase > 0)) continue;
    // With learning time the ranking is by utilization (load + learning) / capacity, for every role alike.
    const ratio =
      role.capacityHoursPerWeek > 0
        ? anyLearning
          ? (role.loadHoursPerWeek + role.learningHoursPerWeek) / role.capacityHoursPerWeek
          : role.loadMinutesPerCase / role.capacityHoursPerWeek
        : Infinity;
    if (ratio > worst) {
      worst = ratio;
      bottleneckRole = role;
    }
  }
  const bottleneck: Bottleneck | null = bottleneckRole
    ? { roleId: bottleneckRole.id, utilization: bottleneckRole.utilization }
    : null;
  const maxVolumePerWeek = bottleneckRole
    ? Math.max(0, bottleneckRole.capacityHoursPerWeek - bottleneckRole.learningHoursPerWeek) /
      (bottleneckRole.loadMinutesPerCase / 60)
    : null;
  let overload: Overload | null = null;
  if (bottleneckRole && maxVolumePerWeek !== null) {
    const u = bottleneckRole.utilization;
    if (u === null || u > 1) {
      const perPerson = bottleneckRole.hoursPerPersonPerWeek;
      overload = {
        roleId: bottleneckRole.id,
        utilization: u,
        excessHoursPerWeek:
          bottleneckRole.loadHoursPerWeek +
          bottleneckRole.learningHoursPerWeek -
          bottleneckRole.capacityHoursPerWeek,
        volumeThatFits: maxVolumePerWeek,
        headcountNeeded:
          perPerson > 0
            ? Math.ceil(
                (bottleneckRole.loadHoursPerWeek + bottleneckRole.learningHoursPerWeek) / perPerson - 1e-9,
              )
            : null,
      };
    }
  }

  return { bottleneckRole, bottleneck, maxVolumePerWeek, overload };
}
