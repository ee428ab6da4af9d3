/** Whether the Compare panel is open (it holds nothing else: the diff is computed from the workspace). */
import { create } from 'zustand';

interface CompareState {
  open: boolean;
  setOpen(open: boolean): void;
}

export const useCompare = create<CompareState>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
