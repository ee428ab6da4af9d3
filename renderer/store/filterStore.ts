/**
 * What the user is looking for on the canvas (the find bar). View state only: never saved, never undone.
 */
import { create } from 'zustand';
import { NO_STEP_FILTER, type StepFilter } from '../../shared/model/stepFilter';
import type { TaskMode } from '../../shared/model/schema';

interface FilterState {
  filter: StepFilter;
  setText(text: string): void;
  toggleMode(mode: TaskMode): void;
  /** One role or skill at a time from the find bar's selects; null for any. */
  setRole(roleId: string | null): void;
  setSkill(skillId: string | null): void;
  toggleProblemsOnly(): void;
  clear(): void;
}

export const useStepFilter = create<FilterState>()((set) => ({
  filter: NO_STEP_FILTER,
  setText: (text) => set((s) => ({ filter: { ...s.filter, text } })),
  toggleMode: (mode) =>
    set((s) => ({
      filter: {
        ...s.filter,
        modes: s.filter.modes.includes(mode)
          ? s.filter.modes.filter((m) => m !== mode)
          : [...s.filter.modes, mode],
      },
    })),
  setRole: (roleId) => set((s) => ({ filter: { ...s.filter, roleIds: roleId ? [roleId] : [] } })),
  setSkill: (skillId) => set((s) => ({ filter: { ...s.filter, skillIds: skillId ? [skillId] : [] } })),
  toggleProblemsOnly: () => set((s) => ({ filter: { ...s.filter, problemsOnly: !s.filter.problemsOnly } })),
  clear: () => set({ filter: NO_STEP_FILTER }),
}));
