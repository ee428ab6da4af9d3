/** Which reference dialog is open, so palette actions, the Inspector and the dialogs agree. */
import { create } from 'zustand';

interface ReferenceUiState {
  /** The task step being linked; null when the link dialog is closed. */
  linkStepId: string | null;
  /** The workflow to add steps to from an occupation's tasks; null when that dialog is closed. */
  createInWorkflowId: string | null;
  /** The data-sources credits (also in About, which the browser has no menu for). */
  creditsOpen: boolean;
}

export const useReferenceUi = create<ReferenceUiState>()(() => ({
  linkStepId: null,
  createInWorkflowId: null,
  creditsOpen: false,
}));

export const openLinkDialog = (stepId: string) => useReferenceUi.setState({ linkStepId: stepId });
export const openCreateDialog = (workflowId: string) =>
  useReferenceUi.setState({ createInWorkflowId: workflowId });
export const openCredits = () => useReferenceUi.setState({ creditsOpen: true });
export const closeReferenceDialogs = () =>
  useReferenceUi.setState({ linkStepId: null, createInWorkflowId: null, creditsOpen: false });
