/** The lens of the open workflow's redesign pair, recomputed when the pair, the roles or the skills change. */
import { useMemo } from 'react';
import { computeSkillsLens } from '../../shared/skills/lens';
import type { SkillsLensResult } from '../../shared/skills/types';
import type { Workflow } from '../../shared/model/schema';
import { useWorkspace } from '../store/workspaceStore';
import { useSkillIndex } from '../store/selectors';

export interface LensPair {
  /** The to-be the lens (and the plan) is about; for an as-is, its redesign. */
  toBe: Workflow;
  asIs: Workflow | null;
}

/** The to-be/as-is pair a workflow belongs to; null for an as-is nobody redesigned yet. */
export function lensPair(workflow: Workflow, workflows: readonly Workflow[]): LensPair | null {
  if (workflow.kind === 'to-be') {
    const asIs = workflows.find((w) => w.id === workflow.redesignOfId && w.kind === 'as-is') ?? null;
    return { toBe: workflow, asIs };
  }
  const toBe = workflows.find((w) => w.kind === 'to-be' && w.redesignOfId === workflow.id);
  return toBe ? { toBe, asIs: workflow } : null;
}

export function useLensPair(workflow: Workflow): LensPair | null {
  const workflows = useWorkspace((s) => s.workflows);
  return useMemo(() => lensPair(workflow, workflows), [workflow, workflows]);
}

export function useSkillsLens(pair: LensPair | null): SkillsLensResult | null {
  const roles = useWorkspace((s) => s.roles);
  const skills = useSkillIndex();
  return useMemo(
    () => (pair ? computeSkillsLens({ toBe: pair.toBe, asIs: pair.asIs, roles, skills }) : null),
    [pair, roles, skills],
  );
}
