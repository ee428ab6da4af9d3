/**
 * Finding steps: by words in their name, description or skills, by mode, role, skill, or because they have a
 * problem. Criteria combine with "and"; the values of one criterion with "or" (Human or AI-assisted).
 */
import type { Step, TaskMode, Workflow } from './schema';
import type { Problem } from './validate';

export interface StepFilter {
  text: string;
  /** Task modes; reviews, decisions and the rest have no mode and never match. */
  modes: readonly TaskMode[];
  /** Performing or reviewing role. */
  roleIds: readonly string[];
  /** Steps requiring any of these skills. */
  skillIds: readonly string[];
  problemsOnly: boolean;
}

export const NO_STEP_FILTER: StepFilter = {
  text: '',
  modes: [],
  roleIds: [],
  skillIds: [],
  problemsOnly: false,
};

export function isStepFilterActive(filter: StepFilter): boolean {
  return (
    filter.text.trim() !== '' ||
    filter.modes.length > 0 ||
    filter.roleIds.length > 0 ||
    filter.skillIds.length > 0 ||
    filter.problemsOnly
  );
}

const isWork = (step: Step) => step.type === 'task' || step.type === 'review';

/**
 * The ids of the steps the filter matches, or null when no criterion is set (nothing is highlighted).
 * `skillNames` (skill id → name) lets the text find a step by a skill it requires.
 */
export function matchingStepIds(
  workflow: Workflow,
  filter: StepFilter,
  problems: readonly Problem[],
  skillNames: ReadonlyMap<string, string>,
): Set<string> | null {
  if (!isStepFilterActive(filter)) return null;
  const text = filter.text.trim().toLowerCase();
  const modes = new Set(filter.modes);
  const roles = new Set(filter.roleIds);
  const skills = new Set(filter.skillIds);
  const withProblems = new Set(problems.flatMap((p) => (p.stepId ? [p.stepId] : [])));

  const matches = (step: Step): boolean => {
    if (modes.size > 0 && !(step.type === 'task' && modes.has(step.mode))) return false;
    if (roles.size > 0 && !(isWork(step) && step.roleId !== null && roles.has(step.roleId))) return false;
    if (skills.size > 0 && !(isWork(step) && step.skills.some((s) => skills.has(s.skillId)))) return false;
    if (filter.problemsOnly && !withProblems.has(step.id)) return false;
    if (text === '') return true;
    const texts = [step.name, step.description];
    if (isWork(step)) texts.push(...step.skills.map((s) => skillNames.get(s.skillId) ?? ''));
    return texts.some((t) => t.toLowerCase().includes(text));
  };

  return new Set(workflow.steps.filter(matches).map((s) => s.id));
}
