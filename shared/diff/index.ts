/** Semantic diff between two workflows (versions, or an as-is and its to-be), with the figure deltas. */
export { diffWorkflows } from './diffWorkflows';
export { figureDeltas } from './figureDeltas';
export type { FigureDeltas } from './figureDeltas';
export { matchSteps } from './matchSteps';
export type { MatchReason, StepMatching, StepPair } from './matchSteps';
export { MODE_LABELS, STEP_TYPE_LABELS } from './labels';
export { STEP_ATTRIBUTES } from './types';
export type {
  AttributeChange,
  ConnectionChange,
  ConnectionRef,
  DiffSide,
  RoleChange,
  StepAttribute,
  StepChange,
  StepMove,
  StepRef,
  WorkflowAttributeChange,
  WorkflowDiff,
} from './types';
