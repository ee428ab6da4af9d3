/**
 * The simulation run of the open workflow. Kept outside the panel so that a run goes on (and its result
 * stays) while the user switches tabs; opening another workflow cancels it.
 */
import { create } from 'zustand';
import type { Role, Workflow } from '../../shared/model/schema';
import type { SimulationResult, SimulationSettings } from '../../shared/simulation/index';
import { runSimulation, type SimulationHandle } from '../workers/simulationClient';

interface SimulationState {
  workflowId: string | null;
  /** 0–1 while running, null otherwise. */
  progress: number | null;
  result: SimulationResult | null;
  error: string | null;
  start(workflow: Workflow, roles: readonly Role[], settings: SimulationSettings): void;
  cancel(): void;
  /** Forgets the run (and cancels it) unless it belongs to the given workflow. */
  keepOnly(workflowId: string): void;
}

let handle: SimulationHandle | null = null;

export const useSimulation = create<SimulationState>()((set, get) => ({
  workflowId: null,
  progress: null,
  result: null,
  error: null,
  start(workflow, roles, settings) {
    handle?.cancel();
    set({ workflowId: workflow.id, progress: 0, result: null, error: null });
    const run = runSimulation(workflow, roles, settings, (done, total) => {
      if (handle === run) set({ progress: total > 0 ? done / total : 0 });
    });
    handle = run;
    run.promise
      .then((result) => {
        if (handle === run) set({ result });
      })
      .catch((e: unknown) => {
        if (handle === run) set({ error: e instanceof Error ? e.message : String(e) });
      })
      .finally(() => {
        if (handle === run) {
          handle = null;
          set({ progress: null });
        }
      });
  },
  cancel() {
    handle?.cancel();
  },
  keepOnly(workflowId) {
    if (get().workflowId === workflowId) return;
    handle?.cancel();
    handle = null;
    set({ workflowId, progress: null, result: null, error: null });
  },
}));
