/** The result of a semantic diff between two workflows (shared/diff/diffWorkflows.ts). Plain data. */
import type { Position, Role, StepType, Workflow } from '../model/schema';
import type { MatchReason } from './matchSteps';

/** One side of a diff: a workflow and the roles its steps are done by. */
export interface DiffSide {
  workflow: Workflow;
  roles: readonly Role[];
}

export const STEP_ATTRIBUTES = [
  'type',
  'name',
  'mode',
  'role',
  'times',
  'rejectionRate',
  'reworkTarget',
  'skill',
  'aiTool',
  'aiCostPerRun',
  'aiConcurrency',
  'learningCurve',
  'feedbackLoop',
  'coaching',
  'description',
  'notes',
] as const;
export type StepAttribute = (typeof STEP_ATTRIBUTES)[number];

/** One attribute of a step, written for people: "Human" → "AI-automated". */
export interface AttributeChange {
  attribute: StepAttribute;
  /** For `skill`: the skill id; otherwise null. */
  subject: string | null;
  before: string;
  after: string;
}

export interface StepRef {
  id: string;
  name: string;
  type: StepType;
}

export interface StepChange {
  /** The step in the first workflow. */
  before: StepRef;
  /** The step in the second workflow (the one to select on the canvas). */
  after: StepRef;
  matchedBy: MatchReason;
  changes: AttributeChange[];
}

export interface StepMove {
  before: StepRef;
  after: StepRef;
  from: Position;
  to: Position;
}

/** A connection, named by its ends (ids of the workflow it is in). */
export interface ConnectionRef {
  id: string;
  sourceId: string;
  targetId: string;
  sourceName: string;
  targetName: string;
  label: string;
  probability: number | null;
}

export interface ConnectionChange {
  before: ConnectionRef;
  after: ConnectionRef;
  changes: { attribute: 'label' | 'probability'; before: string; after: string }[];
}

export interface RoleChange {
  roleId: string;
  name: string;
  changes: {
    attribute: 'name' | 'headcount' | 'hoursPerWeek' | 'costPerHour';
    before: string;
    after: string;
  }[];
}

export interface WorkflowAttributeChange {
  attribute: 'name' | 'volumePerWeek';
  before: string;
  after: string;
}

export interface WorkflowDiff {
  steps: { added: StepRef[]; removed: StepRef[]; changed: StepChange[] };
  /** Paired steps whose only difference may be where they are drawn; kept apart from semantic changes. */
  moved: StepMove[];
  connections: { added: ConnectionRef[]; removed: ConnectionRef[]; changed: ConnectionChange[] };
  /** Roles done by steps of either workflow, by id. */
  roles: {
    added: { roleId: string; name: string }[];
    removed: { roleId: string; name: string }[];
    changed: RoleChange[];
  };
  workflow: WorkflowAttributeChange[];
  /** Count of semantic changes (everything except moves). */
  semanticChangeCount: number;
  /** True when the two differ only in step positions. */
  layoutOnly: boolean;
}
