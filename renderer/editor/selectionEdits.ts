/**
 * What a person does with the selected steps: copy, cut, paste, duplicate, delete, select all, align,
 * distribute and nudge. Each is one edit of the open workflow (one undo step). The pure work is in
 * shared/model (clipboard.ts, arrange.ts); this module reads the stores and writes the result back.
 *
 * The system clipboard is reached through the browser's copy / cut / paste events (no permission needed,
 * the same in Electron and a browser); a copy made in this window is also kept in memory, for the command
 * palette's Paste, which cannot read the system clipboard.
 */
import {
  copyFragment,
  cutFragment,
  duplicateSteps,
  parseFragment,
  pasteFragment,
  serializeFragment,
  type ClipboardFragment,
} from '../../shared/model/clipboard';
import {
  alignSteps,
  distributeSteps,
  nudgeSteps,
  type AlignEdge,
  type DistributeAxis,
} from '../../shared/model/arrange';
import * as ops from '../../shared/model/operations';
import type { TaskMode, Workflow } from '../../shared/model/schema';
import { isTextEditing } from '../desktop/commands';
import { useEditor } from '../store/editorStore';
import { notify } from '../store/notifications';
import { useWorkspace } from '../store/workspaceStore';

/** How far each further paste of the same copy lands from the last one, so copies never hide each other. */
const PASTE_STEP = 40;

let lastCopy: { fragment: ClipboardFragment; text: string } | null = null;
let pasteCount = 0;

function openWorkflow(): Workflow | null {
  const { workflows, openWorkflowId } = useWorkspace.getState();
  return workflows.find((w) => w.id === openWorkflowId) ?? null;
}

function selection(): ReadonlySet<string> {
  return useEditor.getState().selectedStepIds;
}

function replaceOpen(workflow: Workflow, next: Workflow): void {
  if (next !== workflow) useWorkspace.getState().editWorkflow(workflow.id, () => next);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const START_LEFT_OUT = 'The start step is not copied: a workflow has one start.';

/** The text to put on the clipboard for the selection, or null when nothing is selected. */
export function copySelection(): string | null {
  const workflow = openWorkflow();
  if (!workflow) return null;
  const copied = copyFragment(workflow, selection());
  if (!copied) return null;
  if (copied.skipped > 0) notify(START_LEFT_OUT, 'info');
  const text = serializeFragment(copied.fragment);
  lastCopy = { fragment: copied.fragment, text };
  pasteCount = 0;
  return text;
}

export function cutSelection(): string | null {
  const workflow = openWorkflow();
  if (!workflow) return null;
  const cut = cutFragment(workflow, selection());
  if (!cut) return null;
  if (cut.skipped > 0) notify(START_LEFT_OUT, 'info');
  const text = serializeFragment(cut.fragment);
  lastCopy = { fragment: cut.fragment, text };
  pasteCount = 0;
  replaceOpen(workflow, cut.workflow);
  useEditor.getState().clearSelection();
  return text;
}

/** Pastes clipboard text (or, without it, this window's last copy); reports what it could not read. */
export function paste(text?: string): boolean {
  const workflow = openWorkflow();
  if (!workflow) return false;
  let fragment: ClipboardFragment;
  if (text === undefined || text === lastCopy?.text) {
    if (!lastCopy) {
      notify('Nothing to paste yet: copy some steps first.', 'info');
      return false;
    }
    fragment = lastCopy.fragment;
  } else {
    const parsed = parseFragment(text);
    if (!parsed.ok) {
      notify(parsed.error, 'error');
      return false;
    }
    fragment = parsed.fragment;
    if (lastCopy?.text !== text) pasteCount = 0;
    lastCopy = { fragment, text };
  }
  if (fragment.steps.length === 0) return false;
  // Into its own workflow a copy lands beside the original; into another, where it was.
  const sameWorkflow = fragment.sourceWorkflowId === workflow.id;
  pasteCount += 1;
  const shift = sameWorkflow ? PASTE_STEP * pasteCount : PASTE_STEP * (pasteCount - 1);
  const result = pasteFragment(workflow, fragment, { offset: { x: shift, y: shift } });
  replaceOpen(workflow, result.workflow);
  useEditor.getState().selectOnly(result.pastedStepIds, result.pastedEdgeIds);
  if (!sameWorkflow && result.pastedStepIds[0]) useEditor.getState().focusStep(result.pastedStepIds[0]);
  notify(`Pasted ${plural(result.pastedStepIds.length, 'step')}.`, 'info');
  return true;
}

export function duplicateSelection(): boolean {
  const workflow = openWorkflow();
  const ids = selection();
  if (!workflow || ids.size === 0) return false;
  const result = duplicateSteps(workflow, ids);
  if (result.pastedStepIds.length === 0) {
    if (workflow.steps.some((s) => ids.has(s.id))) notify(START_LEFT_OUT, 'info');
    return false;
  }
  replaceOpen(workflow, result.workflow);
  useEditor.getState().selectOnly(result.pastedStepIds, result.pastedEdgeIds);
  return true;
}

export function deleteSelection(): boolean {
  const workflow = openWorkflow();
  const { selectedStepIds, selectedEdgeIds } = useEditor.getState();
  if (!workflow || (selectedStepIds.size === 0 && selectedEdgeIds.size === 0)) return false;
  replaceOpen(workflow, ops.removeElements(workflow, selectedStepIds, selectedEdgeIds));
  useEditor.getState().clearSelection();
  return true;
}

export function selectAll(): void {
  const workflow = openWorkflow();
  if (workflow) useEditor.getState().selectOnly(workflow.steps.map((s) => s.id));
}

export function alignSelection(edge: AlignEdge): void {
  const workflow = openWorkflow();
  if (workflow) replaceOpen(workflow, alignSteps(workflow, selection(), edge, useEditor.getState().measured));
}

export function distributeSelection(axis: DistributeAxis): void {
  const workflow = openWorkflow();
  if (workflow)
    replaceOpen(workflow, distributeSteps(workflow, selection(), axis, useEditor.getState().measured));
}

export function nudgeSelection(dx: number, dy: number): void {
  const workflow = openWorkflow();
  if (workflow) replaceOpen(workflow, nudgeSteps(workflow, selection(), dx, dy));
}

/** Puts a review after a task or review (see operations.insertReviewAfter) and selects the new review. */
export function insertReviewAfterStep(stepId: string): void {
  const workflow = openWorkflow();
  const result = workflow ? ops.insertReviewAfter(workflow, stepId) : null;
  if (!workflow || !result) return;
  replaceOpen(workflow, result.workflow);
  useEditor.getState().selectOnly([result.reviewId]);
}

export function setStepMode(stepId: string, mode: TaskMode): void {
  const workflow = openWorkflow();
  if (workflow) replaceOpen(workflow, ops.setTaskMode(workflow, stepId, mode));
}

export const hasSelectedSteps = () => selection().size > 0;
export const hasSeveralSelectedSteps = (n: number) => () => selection().size >= n;

/**
 * Copy, cut and paste of steps through the system clipboard. Text fields keep their own clipboard; so does
 * anything outside the editor (no workflow open).
 */
export function installClipboardEvents(target: Document = document): () => void {
  const ours = () => openWorkflow() !== null && !isTextEditing(target.activeElement);
  const onCopy = (event: ClipboardEvent) => {
    if (!ours()) return;
    const text = copySelection();
    if (text === null || !event.clipboardData) return;
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
  };
  const onCut = (event: ClipboardEvent) => {
    if (!ours()) return;
    const text = cutSelection();
    if (text === null || !event.clipboardData) return;
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
  };
  const onPaste = (event: ClipboardEvent) => {
    if (!ours()) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    event.preventDefault();
    paste(text === '' ? undefined : text);
  };
  target.addEventListener('copy', onCopy);
  target.addEventListener('cut', onCut);
  target.addEventListener('paste', onPaste);
  return () => {
    target.removeEventListener('copy', onCopy);
    target.removeEventListener('cut', onCut);
    target.removeEventListener('paste', onPaste);
  };
}
