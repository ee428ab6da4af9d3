/** Shared shorthands of the example and template workflows: grid positions and edges between named steps. */
import type { Edge, LearningPlanItem, Person, Position, RoleSkillLevel } from '../model/schema';

/** Examples are laid out left to right: a column every 260 px, branches 160 px above or below. */
const COLUMN = 260;
const BRANCH = 160;

export const at = (column: number, row: -1 | 0 | 1 = 0): Position => ({
  x: column * COLUMN,
  y: row * BRANCH,
});

/** An edge between two steps of the workflow with id prefix `prefix`, named by their short step names. */
export function edge(
  prefix: string,
  from: string,
  to: string,
  label = '',
  probability: number | null = null,
): Edge {
  return {
    id: `${prefix}-edge-${from}-${to}`,
    source: `${prefix}-step-${from}`,
    target: `${prefix}-step-${to}`,
    label,
    probability,
  };
}

/** A role's current levels, all from one source and date (the examples' assessments). */
export function levels(
  source: RoleSkillLevel['source'],
  asOf: string,
  entries: Readonly<Record<string, number>>,
): RoleSkillLevel[] {
  return Object.entries(entries).map(([skillId, level]) => ({ skillId, level, source, asOf }));
}

/** A person of a role with their own levels (personal data: see PERSONAL_DATA_FIELDS). */
export function person(
  roleId: string,
  key: string,
  displayName: string,
  own: Readonly<Record<string, number>>,
): Person {
  return {
    id: `${roleId}-person-${key}`,
    displayName,
    levels: Object.entries(own).map(([skillId, level]) => ({ skillId, level })),
  };
}

/** A learning plan item of the workflow with id prefix `prefix`; `linkedStep` is a short step name. */
export function planItem(
  prefix: string,
  key: string,
  item: Omit<LearningPlanItem, 'id' | 'linkedStepId' | 'notes'> & { linkedStep?: string; notes?: string },
): LearningPlanItem {
  const { linkedStep, notes = '', ...rest } = item;
  return {
    id: `${prefix}-plan-${key}`,
    ...rest,
    linkedStepId: linkedStep === undefined ? null : `${prefix}-step-${linkedStep}`,
    notes,
  };
}
