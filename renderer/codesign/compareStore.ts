/**
 * Whether the Compare panel is open, and against what: the as-is (the default) or a chosen version of the
 * workflow. It holds nothing else: the diff is computed from the two sides.
 */
import { create } from 'zustand';
import type { Role, Workflow } from '../../shared/model/schema';

/** A version to compare the open workflow with (its stored model). */
export interface CompareBase {
  label: string;
  workflow: Workflow;
  roles: Role[];
}

interface CompareState {
  open: boolean;
  against: CompareBase | null;
  setOpen(open: boolean): void;
  compareWith(base: CompareBase): void;
}

export const useCompare = create<CompareState>()((set) => ({
  open: false,
  against: null,
  setOpen: (open) => set(open ? { open } : { open, against: null }),
  compareWith: (against) => set({ open: true, against }),
}));
