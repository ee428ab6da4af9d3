/**
 * View state of the editor: what is selected, which side panel is open and the sizes React Flow measured.
 * None of it is part of the document, so none of it is saved with a workflow or exported.
 */
import { create } from 'zustand';
import type { Position } from '../../shared/model/schema';
import type { LayoutDirection } from '../../shared/layout/geometry';

export type SidePanel =
  'inspector' | 'analysis' | 'learning' | 'roles' | 'skills' | 'problems' | 'discuss' | 'versions';

/** What the canvas tints steps by: nothing, person-hours per week, or waiting time. */
export type HeatMode = 'off' | 'load' | 'wait';

export interface Size {
  width: number;
  height: number;
}

interface EditorState {
  selectedStepIds: ReadonlySet<string>;
  selectedEdgeIds: ReadonlySet<string>;
  panel: SidePanel;
  measured: ReadonlyMap<string, Size>;
  /** A step the canvas should bring into view (e.g. chosen in the problems list). */
  focusStepId: string | null;
  heat: HeatMode;
  setHeat(heat: HeatMode): void;
  /**
   * Where steps being dragged are right now. A drag changes only this view state; the document gets the
   * final positions once, when the drag ends (one edit, one save, one re-analysis).
   */
  dragPositions: ReadonlyMap<string, Position>;
  setDragPositions(positions: ReadonlyMap<string, Position>): void;
  /** Swimlanes by role drawn behind the steps, in the direction of the last auto-layout. */
  showLanes: boolean;
  laneDirection: LayoutDirection;
  /** The direction of an auto-layout under way (it takes seconds for thousands of steps), or null. */
  layingOut: LayoutDirection | null;
  setLayingOut(direction: LayoutDirection | null): void;
  collapsedLanes: ReadonlySet<string>;
  setShowLanes(show: boolean): void;
  setLaneDirection(direction: LayoutDirection): void;
  toggleLaneCollapsed(key: string): void;
  /** A step whose name is being edited on the canvas (double click or F2). */
  renamingStepId: string | null;
  setRenaming(stepId: string | null): void;
  /** Presenting: the diagram fills the window, side panels hidden. */
  presenting: boolean;
  setPresenting(presenting: boolean): void;
  selectOnly(stepIds: readonly string[], edgeIds?: readonly string[]): void;
  setSelection(stepIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): void;
  clearSelection(): void;
  setPanel(panel: SidePanel): void;
  setMeasured(sizes: ReadonlyMap<string, Size>): void;
  focusStep(stepId: string | null): void;
  reset(): void;
}

const EMPTY: ReadonlySet<string> = new Set();

export const useEditor = create<EditorState>()((set) => ({
  selectedStepIds: EMPTY,
  selectedEdgeIds: EMPTY,
  panel: 'inspector',
  measured: new Map(),
  focusStepId: null,
  heat: 'off',
  setHeat: (heat) => set({ heat }),
  presenting: false,
  showLanes: false,
  laneDirection: 'LR',
  layingOut: null,
  setLayingOut: (layingOut) => set({ layingOut }),
  collapsedLanes: EMPTY,
  setShowLanes: (showLanes) => set({ showLanes }),
  setLaneDirection: (laneDirection) => set({ laneDirection }),
  toggleLaneCollapsed: (key) =>
    set((s) => {
      const next = new Set(s.collapsedLanes);
      if (!next.delete(key)) next.add(key);
      return { collapsedLanes: next };
    }),
  renamingStepId: null,
  setRenaming: (renamingStepId) => set({ renamingStepId }),
  dragPositions: new Map(),
  setDragPositions: (dragPositions) => set({ dragPositions }),
  setPresenting: (presenting) => set({ presenting }),
  selectOnly: (stepIds, edgeIds = []) =>
    set({ selectedStepIds: new Set(stepIds), selectedEdgeIds: new Set(edgeIds) }),
  setSelection: (selectedStepIds, selectedEdgeIds) => set({ selectedStepIds, selectedEdgeIds }),
  clearSelection: () => set({ selectedStepIds: EMPTY, selectedEdgeIds: EMPTY }),
  setPanel: (panel) => set({ panel }),
  setMeasured: (measured) => set({ measured }),
  focusStep: (focusStepId) => set({ focusStepId }),
  // The open panel stays: someone comparing workflows in the Analysis tab keeps it across workflows.
  reset: () =>
    set({
      selectedStepIds: EMPTY,
      selectedEdgeIds: EMPTY,
      measured: new Map(),
      focusStepId: null,
      collapsedLanes: EMPTY,
      renamingStepId: null,
    }),
}));
