/** The simulation's result: estimates with confidence intervals from the records, warnings, stability. */
import { estimate, pooledHistogram } from './statistics';
import type { SimulationState } from './state';
import type {
  AiStepSimulation,
  QueueSimulation,
  RoleSimulation,
  SimulationSummary,
  StepSimulation,
} from './types';
import { HISTOGRAM_BINS, MAX_CASES_IN_SYSTEM } from './limits';

/** The result of a finished run (not cancelled): estimates over the replications, warnings, stability. */
export function summarize(state: SimulationState): SimulationSummary {
  const rec = state.records;
  const { model, settings, workflow } = state;
  const warnings = [...model.warnings];
  const { roles, aiSteps, overloadedRoleIds, overloadedAiStepIds } = queueResults(state, warnings);
  const steps: StepSimulation[] = workflow.steps.map((step, i) => ({
    id: step.id,
    name: step.name,
    type: step.type,
    roleId:
      state.stepPool[i]! >= 0 && model.pools[state.stepPool[i]!]!.kind === 'role'
        ? model.pools[state.stepPool[i]!]!.id
        : null,
    visitsPerCase: estimate(rec.visits[i]!),
  }));
  if (state.eventCapReached) {
    warnings.push(
      `The run stopped after ${settings.maxEvents.toLocaleString('en')} events, the cap: ${state.replicationsDone} of ${settings.replications} replications were measured (the last one only in part).`,
    );
  }
  if (state.backlogCapReached) {
    warnings.push(
      `The run stopped because more than ${MAX_CASES_IN_SYSTEM.toLocaleString('en')} cases were in the workflow at once: the queues grow without limit.`,
    );
  }
  const summary: SimulationSummary = {
    ok: true,
    cancelled: false,
    workflow: { id: workflow.id, name: workflow.name },
    settings: { ...settings },
    replicationsDone: state.replicationsDone,
    events: state.events,
    cycleTimeMinutes: {
      mean: estimate(rec.cycleMean),
      median: estimate(rec.cycleMedian),
      p90: estimate(rec.cycleP90),
    },
    elapsedWeeks: estimate(rec.elapsedWeeks),
    throughputPerWeek: estimate(rec.throughput),
    aiCostPerCase: estimate(rec.aiCost),
    completedCases: state.completedCases,
    roles,
    aiSteps,
    steps,
    histogram: pooledHistogram(rec.sketches, state.histogramMin, state.histogramMax, HISTOGRAM_BINS),
    stable:
      overloadedRoleIds.length === 0 &&
      overloadedAiStepIds.length === 0 &&
      !state.eventCapReached &&
      !state.backlogCapReached,
    overloadedRoleIds,
    overloadedAiStepIds,
    eventCapReached: state.eventCapReached,
    backlogCapReached: state.backlogCapReached,
    warnings,
  };
  return summary;
}

interface QueueResults {
  roles: RoleSimulation[];
  aiSteps: AiStepSimulation[];
  overloadedRoleIds: string[];
  overloadedAiStepIds: string[];
}

/** Every queue's figures (roles, then limited AI steps), with a warning for each overloaded one. */
function queueResults(state: SimulationState, warnings: string[]): QueueResults {
  const rec = state.records;
  const model = state.model;
  const overloadedRoleIds: string[] = [];
  const overloadedAiStepIds: string[] = [];
  const roles: RoleSimulation[] = [];
  const aiSteps: AiStepSimulation[] = [];
  model.pools.forEach((pool, p) => {
    const offered = estimate(rec.offered[p]!);
    const overloaded =
      pool.servers === 0 ? state.arrivedTotal[p]! > 0 : offered !== null && offered.mean >= 1;
    const what = pool.kind === 'role' ? `Role '${pool.name}'` : `AI step '${pool.name}'`;
    if (overloaded) {
      (pool.kind === 'role' ? overloadedRoleIds : overloadedAiStepIds).push(pool.id);
      warnings.push(
        pool.servers === 0
          ? `${what} has no capacity, so its queue only grows.`
          : `${what} is overloaded: the work arriving needs ${Math.round(offered!.mean * 100)}% of its capacity, so its queue grows without limit and its waits (and the cycle time) keep growing the longer the run.`,
      );
    }
    const figures: QueueSimulation = {
      servers: pool.servers,
      utilization: estimate(rec.utilization[p]!),
      offeredLoad: offered,
      meanQueueLength: estimate(rec.queueLength[p]!),
      waitMinutes: estimate(rec.wait[p]!),
      queueAtEnd: estimate(rec.queueAtEnd[p]!),
      overloaded,
    };
    if (pool.kind === 'role') {
      roles.push({
        id: pool.id,
        name: pool.name,
        headcount: pool.headcount,
        hoursPerPersonPerWeek: pool.hoursPerWeek,
        ...figures,
      });
    } else aiSteps.push({ stepId: pool.id, name: pool.name, concurrency: pool.headcount, ...figures });
  });
  return { roles, aiSteps, overloadedRoleIds, overloadedAiStepIds };
}
