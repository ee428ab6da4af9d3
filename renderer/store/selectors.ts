/** Derived data shared by several panels, computed once per change of its inputs. */
import { useMemo, useRef } from 'react';
import { skillIndex } from '../../shared/ontology/index';
import type { Skill, Workflow } from '../../shared/model/schema';
import { validateWorkflow, type Problem } from '../../shared/model/validate';
import { differsOnlyInLayout } from '../../shared/model/layoutChange';
import { useWorkspace } from './workspaceStore';

export function useSkillIndex(): ReadonlyMap<string, Skill> {
  const customSkills = useWorkspace((s) => s.customSkills);
  return useMemo(() => skillIndex(customSkills), [customSkills]);
}

/**
 * The workflow as far as its meaning goes: the previous version while only steps moved, so that analysis and
 * validation keyed on it are not recomputed by a drag, an alignment or an auto-layout.
 */
export function useWorkflowContent(workflow: Workflow): Workflow {
  const content = useRef(workflow);
  // Idempotent during render: the same input always settles on the same version.
  if (content.current !== workflow && !differsOnlyInLayout(content.current, workflow))
    content.current = workflow;
  return content.current;
}

const sameProblem = (a: Problem, b: Problem) =>
  a.code === b.code &&
  a.message === b.message &&
  a.severity === b.severity &&
  a.stepId === b.stepId &&
  a.edgeId === b.edgeId;

/** The workflow's problems; the very same list while an edit left them as they were. */
export function useProblems(workflow: Workflow | null): Problem[] {
  const roles = useWorkspace((s) => s.roles);
  const skills = useSkillIndex();
  const previous = useRef<Problem[]>([]);
  return useMemo(() => {
    const next = workflow ? validateWorkflow(workflow, { roles, skills }) : [];
    const same =
      next.length === previous.current.length && next.every((p, i) => sameProblem(p, previous.current[i]!));
    if (!same) previous.current = next;
    return previous.current;
  }, [workflow, roles, skills]);
}

/** Problems grouped by the step they concern, for the marks on the canvas. */
export function problemsByStep(problems: readonly Problem[]): Map<string, Problem[]> {
  const map = new Map<string, Problem[]>();
  for (const p of problems) {
    if (!p.stepId) continue;
    map.set(p.stepId, [...(map.get(p.stepId) ?? []), p]);
  }
  return map;
}
