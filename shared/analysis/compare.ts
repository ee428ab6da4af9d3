/**
 * An as-is workflow and its to-be redesign side by side: every headline figure with its difference
 * (to-be − as-is), utilization per role, and the person-hours each role gets back.
 */
import type { Bottleneck, RoleAnalysis, WorkflowAnalysis, WorkflowRef } from './analyze';

/** A figure in both analyses; difference = toBe − asIs, null when either side is null. */
export interface Delta {
  asIs: number | null;
  toBe: number | null;
  difference: number | null;
}

export interface RoleUtilizationDelta extends Delta {
  roleId: string;
  name: string;
}

export interface HoursFreed {
  roleId: string;
  name: string;
  asIsHoursPerWeek: number;
  toBeHoursPerWeek: number;
  /** asIs − toBe load; negative when the redesign needs more of the role. */
  hoursPerWeek: number;
  /** hoursPerWeek / the role's hours per person per week (0 if the role works 0 hours a week). */
  fte: number;
}

export interface WorkflowComparison {
  asIs: WorkflowRef;
  toBe: WorkflowRef;
  volumePerWeek: Delta;
  cycleTimeMinutes: { processing: Delta; waiting: Delta; total: Delta };
  costPerCase: { people: Delta; ai: Delta; total: Delta };
  maxVolumePerWeek: Delta;
  bottleneck: { asIs: Bottleneck | null; toBe: Bottleneck | null; moved: boolean };
  /** Every role of either analysis, as-is roles first. A role missing on one side has utilization null. */
  utilization: RoleUtilizationDelta[];
  hoursFreedPerRole: HoursFreed[];
  totals: {
    asIsHoursPerWeek: number;
    toBeHoursPerWeek: number;
    hoursFreedPerWeek: number;
    fteFreed: number;
    /** costPerCase.total × volumePerWeek. */
    asIsCostPerWeek: number;
    toBeCostPerWeek: number;
    costSavedPerWeek: number;
  };
  stable: { asIs: boolean; toBe: boolean };
}

export function delta(asIs: number | null, toBe: number | null): Delta {
  return { asIs, toBe, difference: asIs === null || toBe === null ? null : toBe - asIs };
}

export function compareAnalyses(asIs: WorkflowAnalysis, toBe: WorkflowAnalysis): WorkflowComparison {
  const roleIds: string[] = [];
  const a = new Map<string, RoleAnalysis>();
  const b = new Map<string, RoleAnalysis>();
  for (const r of asIs.roles) {
    a.set(r.id, r);
    roleIds.push(r.id);
  }
  for (const r of toBe.roles) {
    b.set(r.id, r);
    if (!a.has(r.id)) roleIds.push(r.id);
  }
  const utilization: RoleUtilizationDelta[] = [];
  const hoursFreedPerRole: HoursFreed[] = [];
  for (const id of roleIds) {
    const ra = a.get(id);
    const rb = b.get(id);
    const role = (ra ?? rb)!;
    utilization.push({
      roleId: id,
      name: role.name,
      ...delta(ra ? ra.utilization : null, rb ? rb.utilization : null),
    });
    const asIsHours = ra?.loadHoursPerWeek ?? 0;
    const toBeHours = rb?.loadHoursPerWeek ?? 0;
    const freed = asIsHours - toBeHours;
    const perPerson = (ra ?? rb)!.hoursPerPersonPerWeek;
    hoursFreedPerRole.push({
      roleId: id,
      name: role.name,
      asIsHoursPerWeek: asIsHours,
      toBeHoursPerWeek: toBeHours,
      hoursPerWeek: freed,
      fte: perPerson > 0 ? freed / perPerson : 0,
    });
  }
  const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
  const asIsHoursPerWeek = sum(hoursFreedPerRole.map((h) => h.asIsHoursPerWeek));
  const toBeHoursPerWeek = sum(hoursFreedPerRole.map((h) => h.toBeHoursPerWeek));
  const asIsCostPerWeek = asIs.costPerCase.total * asIs.volumePerWeek;
  const toBeCostPerWeek = toBe.costPerCase.total * toBe.volumePerWeek;
  return {
    asIs: asIs.workflow,
    toBe: toBe.workflow,
    volumePerWeek: delta(asIs.volumePerWeek, toBe.volumePerWeek),
    cycleTimeMinutes: {
      processing: delta(asIs.cycleTimeMinutes.processing, toBe.cycleTimeMinutes.processing),
      waiting: delta(asIs.cycleTimeMinutes.waiting, toBe.cycleTimeMinutes.waiting),
      total: delta(asIs.cycleTimeMinutes.total, toBe.cycleTimeMinutes.total),
    },
    costPerCase: {
      people: delta(asIs.costPerCase.people, toBe.costPerCase.people),
      ai: delta(asIs.costPerCase.ai, toBe.costPerCase.ai),
      total: delta(asIs.costPerCase.total, toBe.costPerCase.total),
    },
    maxVolumePerWeek: delta(asIs.maxVolumePerWeek, toBe.maxVolumePerWeek),
    bottleneck: {
      asIs: asIs.bottleneck,
      toBe: toBe.bottleneck,
      moved: (asIs.bottleneck?.roleId ?? null) !== (toBe.bottleneck?.roleId ?? null),
    },
    utilization,
    hoursFreedPerRole,
    totals: {
      asIsHoursPerWeek,
      toBeHoursPerWeek,
      hoursFreedPerWeek: asIsHoursPerWeek - toBeHoursPerWeek,
      fteFreed: sum(hoursFreedPerRole.map((h) => h.fte)),
      asIsCostPerWeek,
      toBeCostPerWeek,
      costSavedPerWeek: asIsCostPerWeek - toBeCostPerWeek,
    },
    stable: { asIs: asIs.stable, toBe: toBe.stable },
  };
}
