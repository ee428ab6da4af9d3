/**
 * Phase 1 of the analysis: the roles at work in the workflow, and every step's figures that do not depend on
 * the queues (visits, PERT time, person-hours, AI runs and AI cost; the AI pools' queues).
 */
import { pert } from '../pert';
import { MINUTES_PER_WEEK, poolQueue } from '../queueing';
import type { PoolQueue } from '../queueing';
import { formatNumber as f } from '../numbers';
import type { Role, Workflow } from '../../model/schema';
import type { StepAnalysis } from '../types';

/** An AI-automated step with a concurrency limit: its own queue, around the clock. */
export interface AiPool {
  step: number;
  pool: PoolQueue;
  concurrency: number;
}

export interface RolesAtWork {
  /** The roles that do steps of this workflow, in the order given (first of each id). */
  usedRoles: Role[];
  roleIndex: Map<string, number>;
}

export interface StepFigures {
  steps: StepAnalysis[];
  /** E[S²] of each step's PERT time (0 for steps that take none). */
  secondMoments: Float64Array;
  aiPools: AiPool[];
  /** The step indices of each used role (parallel to usedRoles). */
  roleSteps: number[][];
  /** Person steps done by no role of the workspace. */
  noRoleSteps: number;
}

export function rolesAtWork(workflow: Workflow, roles: readonly Role[]): RolesAtWork {
  // Roles that do steps of this workflow, in the order given.
  const roleById = new Map<string, Role>();
  for (const r of roles) if (!roleById.has(r.id)) roleById.set(r.id, r);
  const usedRoleIds = new Set<string>();
  for (const s of workflow.steps) {
    if ((s.type === 'task' || s.type === 'review') && s.roleId !== null && roleById.has(s.roleId))
      usedRoleIds.add(s.roleId);
  }
  const usedRoles = [...roleById.values()].filter((r) => usedRoleIds.has(r.id));
  const roleIndex = new Map(usedRoles.map((r, i) => [r.id, i]));

  return { usedRoles, roleIndex };
}

/** Pushes a warning for each step whose figures had to assume something (no role, AI cost without AI). */
export function stepFigures(
  workflow: Workflow,
  visits: Float64Array,
  volume: number,
  { usedRoles, roleIndex }: RolesAtWork,
  warnings: string[],
): StepFigures {
  const roleSteps: number[][] = usedRoles.map(() => []);
  // Per-step figures that do not depend on queues.
  const n = workflow.steps.length;
  const steps: StepAnalysis[] = new Array<StepAnalysis>(n);
  const secondMoments = new Float64Array(n);
  const aiPools: { step: number; pool: PoolQueue; concurrency: number }[] = [];
  let noRoleSteps = 0;
  for (let i = 0; i < n; i++) {
    const step = workflow.steps[i]!;
    const v = visits[i]!;
    const base: StepAnalysis = {
      id: step.id,
      name: step.name,
      type: step.type,
      mode: null,
      roleId: null,
      visits: v,
      meanMinutes: 0,
      sdMinutes: 0,
      hoursPerWeek: 0,
      aiRunsPerWeek: null,
      waitMinutes: 0,
      costPerCase: 0,
      aiCostPerCase: 0,
    };
    steps[i] = base;
    if (step.type !== 'task' && step.type !== 'review') continue;
    const est = pert(step.duration);
    secondMoments[i] = est.secondMoment;
    base.meanMinutes = est.mean;
    base.sdMinutes = est.sd;
    base.mode = step.type === 'review' ? 'human' : step.mode;
    if (step.type === 'task' && step.aiCostPerRun > 0) {
      // Every visit of an AI-automated or AI-assisted task runs the AI once; people without AI run none.
      if (step.mode === 'human') {
        if (v > 0)
          warnings.push(
            `Step '${step.name}' is done by people without AI: its AI cost per run (${f(step.aiCostPerRun)}) is not counted.`,
          );
      } else base.aiCostPerCase = base.costPerCase = v * step.aiCostPerRun;
    }
    if (step.type === 'task' && step.mode === 'ai-automated') {
      base.aiRunsPerWeek = volume * v;
      const concurrency = step.aiConcurrency;
      if (concurrency !== null && concurrency > 0) {
        const pool = poolQueue({
          headcount: concurrency,
          hoursPerWeek: MINUTES_PER_WEEK / 60,
          arrivalsPerWeek: volume * v,
          meanService: est.mean,
          serviceScv: est.cv * est.cv,
        });
        aiPools.push({ step: i, pool, concurrency });
        base.waitMinutes = pool.waitMinutes;
      }
      continue;
    }
    base.hoursPerWeek = (volume * v * est.mean) / 60;
    const r = step.roleId === null ? undefined : roleIndex.get(step.roleId);
    if (r === undefined) {
      noRoleSteps++;
      base.waitMinutes = null;
      if (v > 0) {
        const why =
          step.roleId === null ? 'has no role' : `names a role that does not exist ('${step.roleId}')`;
        warnings.push(
          `Step '${step.name}' ${why}: its ${f(base.hoursPerWeek)} h/week are counted in no role's load, with no cost and no queue.`,
        );
      }
      continue;
    }
    base.roleId = usedRoles[r]!.id;
    roleSteps[r]!.push(i);
  }

  return { steps, secondMoments, aiPools, roleSteps, noRoleSteps };
}
