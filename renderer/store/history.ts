/**
 * Undo and redo of document edits (workflows and roles), on zundo's temporal store. Typing still waiting in
 * a field is committed first, so that it is undone as one step like any other edit.
 */
import { useStore } from 'zustand';
import { flushPendingEdits } from '../ui/deferredCommit';
import { persistSnapshotChange, useWorkspace, type DocumentSnapshot } from './workspaceStore';
import { notify } from './notifications';

function snapshot(): DocumentSnapshot {
  const { workflows, roles } = useWorkspace.getState();
  return { workflows, roles };
}

function travel(direction: 'undo' | 'redo'): void {
  flushPendingEdits();
  const history = useWorkspace.temporal.getState();
  if ((direction === 'undo' ? history.pastStates : history.futureStates).length === 0) return;
  const before = snapshot();
  if (direction === 'undo') history.undo();
  else history.redo();
  persistSnapshotChange(before, snapshot()).catch((e: unknown) =>
    notify(`Could not save after ${direction}: ${e instanceof Error ? e.message : String(e)}`, 'error'),
  );
}

export const undo = () => travel('undo');
export const redo = () => travel('redo');

export function useHistoryState(): { canUndo: boolean; canRedo: boolean } {
  const canUndo = useStore(useWorkspace.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useWorkspace.temporal, (s) => s.futureStates.length > 0);
  return { canUndo, canRedo };
}
