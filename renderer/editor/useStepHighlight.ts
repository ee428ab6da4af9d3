/** Which steps the find bar highlights, for the canvas to dim the others. */
import { useDeferredValue, useMemo } from 'react';
import type { Workflow } from '../../shared/model/schema';
import { matchingStepIds } from '../../shared/model/stepFilter';
import type { Problem } from '../../shared/model/validate';
import { useStepFilter } from '../store/filterStore';
import { useSkillIndex } from '../store/selectors';

/**
 * `matches` is null while no filter is set (nothing dimmed); otherwise the ids of the matching steps. The
 * filter is deferred, so typing in the find bar stays fluid in a workflow of thousands of steps.
 */
export function useStepHighlight(
  workflow: Workflow,
  problems: readonly Problem[],
): { matches: Set<string> | null } {
  const filter = useDeferredValue(useStepFilter((s) => s.filter));
  const skills = useSkillIndex();
  const skillNames = useMemo(() => new Map([...skills].map(([id, skill]) => [id, skill.name])), [skills]);
  const matches = useMemo(
    () => matchingStepIds(workflow, filter, problems, skillNames),
    [workflow, filter, problems, skillNames],
  );
  return { matches };
}
