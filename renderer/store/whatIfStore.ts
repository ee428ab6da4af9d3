/**
 * What-if overrides for the open workflow: volume, headcount per role and rejection rate per review. They
 * change the figures on screen only; nothing is saved unless the user applies them.
 */
import { create } from 'zustand';
import type { WhatIf as WhatIfInput } from '../../shared/whatIf/whatIf';
import * as ops from '../../shared/model/operations';
import { useWorkspace } from './workspaceStore';

/** The shared what-if (shared/whatIf), with its records always present while it is edited. */
export interface WhatIf extends WhatIfInput {
  headcount: Record<string, number>;
  rejectionRate: Record<string, number>;
}

const NONE: WhatIf = { headcount: {}, rejectionRate: {} };

interface WhatIfState {
  workflowId: string | null;
  whatIf: WhatIf;
  setVolume(workflowId: string, volume: number | undefined): void;
  setHeadcount(workflowId: string, roleId: string, headcount: number | undefined): void;
  setRejectionRate(workflowId: string, stepId: string, rate: number | undefined): void;
  reset(): void;
  /** Writes the overrides into the workflow and its roles (saved, like any edit), then clears them. */
  apply(): Promise<void>;
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

export const useWhatIf = create<WhatIfState>()((set, get) => {
  /** Overrides belong to one workflow; touching another starts afresh. */
  const current = (workflowId: string): WhatIf => (get().workflowId === workflowId ? get().whatIf : NONE);
  return {
    workflowId: null,
    whatIf: NONE,
    setVolume: (workflowId, volume) => {
      const w = current(workflowId);
      set({
        workflowId,
        whatIf:
          volume === undefined
            ? { headcount: w.headcount, rejectionRate: w.rejectionRate }
            : { ...w, volumePerWeek: volume },
      });
    },
    setHeadcount: (workflowId, roleId, headcount) => {
      const w = current(workflowId);
      set({
        workflowId,
        whatIf: {
          ...w,
          headcount:
            headcount === undefined ? without(w.headcount, roleId) : { ...w.headcount, [roleId]: headcount },
        },
      });
    },
    setRejectionRate: (workflowId, stepId, rate) => {
      const w = current(workflowId);
      set({
        workflowId,
        whatIf: {
          ...w,
          rejectionRate:
            rate === undefined ? without(w.rejectionRate, stepId) : { ...w.rejectionRate, [stepId]: rate },
        },
      });
    },
    reset: () => set({ whatIf: NONE }),
    apply: async () => {
      const { workflowId, whatIf } = get();
      if (!workflowId) return;
      const workspace = useWorkspace.getState();
      workspace.editWorkflow(workflowId, (wf) => {
        let next =
          whatIf.volumePerWeek === undefined
            ? wf
            : ops.updateWorkflowFields(wf, { volumePerWeek: whatIf.volumePerWeek });
        for (const [stepId, rejectionRate] of Object.entries(whatIf.rejectionRate))
          next = ops.updateStep(next, stepId, { rejectionRate });
        return next;
      });
      for (const [roleId, headcount] of Object.entries(whatIf.headcount)) {
        const role = workspace.roles.find((r) => r.id === roleId);
        if (role) await workspace.updateRole({ ...role, headcount });
      }
      set({ whatIf: NONE });
    },
  };
});

export function useWhatIfFor(workflowId: string): WhatIf {
  return useWhatIf((s) => (s.workflowId === workflowId ? s.whatIf : NONE));
}

/** The what-if as the engines' entries take it (they apply it: shared/whatIf). */
export function toAnalysisOptions(whatIf: WhatIf): WhatIfInput {
  return {
    ...(whatIf.volumePerWeek !== undefined ? { volumePerWeek: whatIf.volumePerWeek } : {}),
    headcount: whatIf.headcount,
    rejectionRate: whatIf.rejectionRate,
  };
}

export function hasOverrides(whatIf: WhatIf): boolean {
  return (
    whatIf.volumePerWeek !== undefined ||
    Object.keys(whatIf.headcount).length > 0 ||
    Object.keys(whatIf.rejectionRate).length > 0
  );
}
