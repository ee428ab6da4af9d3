/**
 * The editor's actions, registered while a workflow is open: clipboard, selection, arrange, layout, lanes
 * and the selected step. Each appears in the command palette and the shortcut sheet with its keys.
 */
import { useEffect } from 'react';
import { registerActions, type Action } from '../commands/registry';
import { onCommand } from '../desktop/commands';
import { TASK_MODES } from '../../shared/model/schema';
import { useEditor } from '../store/editorStore';
import { useWorkspace } from '../store/workspaceStore';
import { runAutoLayout } from './autoLayoutAction';
import { MODE_LABELS } from './stepKinds';
import {
  alignSelection,
  deleteSelection,
  distributeSelection,
  duplicateSelection,
  hasSelectedSteps,
  hasSeveralSelectedSteps,
  insertReviewAfterStep,
  nudgeSelection,
  paste,
  selectAll,
  setStepMode,
} from './selectionEdits';

/** Arrow keys move by the grid; with Shift, by four cells (as React Flow does for a focused step). */
const NUDGE = 10;
const NUDGE_FAR = 40;

const editing = () => !useEditor.getState().presenting;
const withSelection = () => editing() && hasSelectedSteps();

/** The one selected step, if exactly one is selected. */
function soleStep() {
  const { selectedStepIds } = useEditor.getState();
  if (selectedStepIds.size !== 1) return null;
  const [id] = selectedStepIds;
  const { workflows, openWorkflowId } = useWorkspace.getState();
  return workflows.find((w) => w.id === openWorkflowId)?.steps.find((s) => s.id === id) ?? null;
}

/** execCommand('copy' | 'cut') raises the browser's clipboard event, whose listener writes the steps. */
const clipboardCommand = (command: 'copy' | 'cut') => () => {
  document.execCommand(command);
};

export function editorActions(): Action[] {
  const nudge = (key: string, dx: number, dy: number, far: boolean): Action => ({
    id: `arrange.nudge-${key.toLowerCase()}${far ? '-far' : ''}`,
    title: `Move selection ${key.replace('Arrow', '').toLowerCase()}${far ? ' (far)' : ''}`,
    group: 'Arrange',
    keys: [far ? `Shift+${key}` : key],
    enabled: withSelection,
    run: () => nudgeSelection(dx * (far ? NUDGE_FAR : NUDGE), dy * (far ? NUDGE_FAR : NUDGE)),
  });
  return [
    {
      id: 'edit.copy',
      title: 'Copy steps',
      group: 'Edit',
      keys: ['Mod+C'],
      nativeKeys: true,
      enabled: withSelection,
      run: clipboardCommand('copy'),
    },
    {
      id: 'edit.cut',
      title: 'Cut steps',
      group: 'Edit',
      keys: ['Mod+X'],
      nativeKeys: true,
      enabled: withSelection,
      run: clipboardCommand('cut'),
    },
    {
      id: 'edit.paste',
      title: 'Paste steps',
      group: 'Edit',
      keys: ['Mod+V'],
      nativeKeys: true,
      enabled: editing,
      // The palette cannot read the system clipboard; it pastes this window's last copy.
      run: () => void paste(),
    },
    {
      id: 'edit.duplicate',
      title: 'Duplicate steps',
      group: 'Edit',
      keys: ['Mod+D'],
      enabled: withSelection,
      run: () => void duplicateSelection(),
    },
    {
      id: 'edit.select-all',
      title: 'Select all steps',
      group: 'Edit',
      keys: ['Mod+A'],
      menuCommand: 'select-all',
      enabled: editing,
      run: selectAll,
    },
    {
      id: 'edit.delete',
      title: 'Delete selection',
      group: 'Edit',
      keys: ['Delete', 'Backspace'],
      enabled: () =>
        editing() &&
        useEditor.getState().selectedStepIds.size + useEditor.getState().selectedEdgeIds.size > 0,
      run: () => void deleteSelection(),
    },
    {
      id: 'edit.clear-selection',
      title: 'Clear selection',
      group: 'Edit',
      enabled: withSelection,
      run: () => useEditor.getState().clearSelection(),
    },
    nudge('ArrowLeft', -1, 0, false),
    nudge('ArrowRight', 1, 0, false),
    nudge('ArrowUp', 0, -1, false),
    nudge('ArrowDown', 0, 1, false),
    nudge('ArrowLeft', -1, 0, true),
    nudge('ArrowRight', 1, 0, true),
    nudge('ArrowUp', 0, -1, true),
    nudge('ArrowDown', 0, 1, true),
    ...(
      [
        ['left', 'Align left edges'],
        ['center', 'Align centres horizontally'],
        ['right', 'Align right edges'],
        ['top', 'Align top edges'],
        ['middle', 'Align centres vertically'],
        ['bottom', 'Align bottom edges'],
      ] as const
    ).map(([edge, title]): Action => ({
      id: `arrange.align-${edge}`,
      title,
      group: 'Arrange',
      enabled: () => editing() && hasSeveralSelectedSteps(2)(),
      run: () => alignSelection(edge),
    })),
    {
      id: 'arrange.distribute-horizontal',
      title: 'Distribute horizontally',
      group: 'Arrange',
      enabled: () => editing() && hasSeveralSelectedSteps(3)(),
      run: () => distributeSelection('horizontal'),
    },
    {
      id: 'arrange.distribute-vertical',
      title: 'Distribute vertically',
      group: 'Arrange',
      enabled: () => editing() && hasSeveralSelectedSteps(3)(),
      run: () => distributeSelection('vertical'),
    },
    {
      id: 'arrange.layout-lr',
      title: 'Auto-layout left to right',
      group: 'Arrange',
      keys: ['Mod+Shift+L'],
      enabled: editing,
      run: () => void runAutoLayout('LR'),
      keywords: ['elk', 'tidy', 'arrange'],
    },
    {
      id: 'arrange.layout-tb',
      title: 'Auto-layout top to bottom',
      group: 'Arrange',
      enabled: editing,
      run: () => void runAutoLayout('TB'),
      keywords: ['elk', 'tidy', 'arrange', 'vertical'],
    },
    {
      id: 'view.lanes',
      title: 'Show or hide swimlanes',
      group: 'View',
      keys: ['Mod+Shift+K'],
      enabled: editing,
      run: () => useEditor.getState().setShowLanes(!useEditor.getState().showLanes),
      keywords: ['lanes', 'roles', 'swimlane'],
    },
    {
      id: 'step.rename',
      title: 'Rename step',
      group: 'Step',
      keys: ['F2'],
      enabled: () => editing() && soleStep() !== null,
      run: () => {
        const step = soleStep();
        if (step) useEditor.getState().setRenaming(step.id);
      },
    },
    {
      id: 'step.insert-review',
      title: 'Insert a review after the step',
      group: 'Step',
      keys: ['Mod+Shift+R'],
      enabled: () => {
        const step = soleStep();
        return editing() && (step?.type === 'task' || step?.type === 'review');
      },
      run: () => {
        const step = soleStep();
        if (step) insertReviewAfterStep(step.id);
      },
      keywords: ['verify', 'check', 'human in the loop'],
    },
    ...TASK_MODES.map((mode, i): Action => ({
      id: `step.mode-${mode}`,
      title: `Make the step ${MODE_LABELS[mode]}`,
      group: 'Step',
      keys: [`Alt+Shift+${i + 1}`],
      enabled: () => editing() && soleStep()?.type === 'task',
      run: () => {
        const step = soleStep();
        if (step) setStepMode(step.id, mode);
      },
      keywords: ['mode', 'human', 'ai'],
    })),
  ];
}

/** Registers the editor's actions while the editor is mounted; Edit › Select all arrives as a command. */
export function useEditorActions(): void {
  useEffect(() => registerActions(editorActions()), []);
  useEffect(
    () =>
      onCommand((command) => {
        if (command === 'select-all' && editing()) selectAll();
      }),
    [],
  );
}
