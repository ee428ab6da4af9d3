/**
 * The keys of the analysis's explanations, typed: every figure that has a "Why?" names it here, so a key
 * cannot be misspelt where it is written or read.
 */

/** Per-step figures with an explanation: `steps.<id>.<figure>`. */
export type StepFigureKey = 'visits' | 'meanMinutes' | 'hoursPerWeek' | 'waitMinutes' | 'costPerCase';
/** Per-role figures with an explanation: `roles.<id>.<figure>`. */
export type RoleFigureKey = 'loadHoursPerWeek' | 'capacityHoursPerWeek' | 'utilization' | 'waitMinutes';
/** The workflow's figures with an explanation. */
export type WorkflowFigureKey =
  | 'volumePerWeek'
  | 'bottleneck'
  | 'maxVolumePerWeek'
  | 'overload'
  | 'cycleTimeMinutes.processing'
  | 'cycleTimeMinutes.waiting'
  | 'cycleTimeMinutes.total'
  | 'costPerCase.people'
  | 'costPerCase.ai'
  | 'costPerCase.total'
  | 'stable';

export type ExplanationKey =
  `steps.${string}.${StepFigureKey}` | `roles.${string}.${RoleFigureKey}` | WorkflowFigureKey;

/** Figure key → how it was computed, with the numbers. */
export type Explanations = Partial<Record<ExplanationKey, string>>;

export const stepKey = (stepId: string, figure: StepFigureKey): ExplanationKey => `steps.${stepId}.${figure}`;
export const roleKey = (roleId: string, figure: RoleFigureKey): ExplanationKey => `roles.${roleId}.${figure}`;
