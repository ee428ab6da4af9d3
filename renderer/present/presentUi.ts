/**
 * Which of the story and export surfaces is open. Kept apart from their components so the app shell can ask
 * "is anything open?" and load renderer/present/ lazily only then.
 */
import { create } from 'zustand';

interface PresentUiState {
  exportOpen: boolean;
  storyOpen: boolean;
  /** The printable report (all visible slides, one per page). */
  reportOpen: boolean;
  setExportOpen(open: boolean): void;
  setStoryOpen(open: boolean): void;
  setReportOpen(open: boolean): void;
}

export const usePresentUi = create<PresentUiState>()((set) => ({
  exportOpen: false,
  storyOpen: false,
  reportOpen: false,
  setExportOpen: (exportOpen) => set({ exportOpen }),
  setStoryOpen: (storyOpen) => set({ storyOpen }),
  setReportOpen: (reportOpen) => set({ reportOpen }),
}));
