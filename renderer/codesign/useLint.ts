/**
 * The governance lint of the open workflow with the workspace's lint settings, with the analysis the editor
 * already has (never recomputed here). For a to-be the as-is it redesigns is looked up, so mode changes are
 * seen; `decidedStepIds` (from the decisions log) silences the mode changes that have a decision.
 */
import { useMemo } from 'react';
import type { AnalysisResult } from '../../shared/analysis/index';
import type { Workflow } from '../../shared/model/schema';
import { lintWithSettings, type LintResult } from '../../shared/lint/index';
import { useLintSettings } from './lintSettingsStore';
import { useSkillIndex } from '../store/selectors';
import { useWorkspace } from '../store/workspaceStore';

export function useLint(
  workflow: Workflow,
  analysis: AnalysisResult | null,
  decidedStepIds?: ReadonlySet<string>,
): LintResult {
  const roles = useWorkspace((s) => s.roles);
  const asIs = useWorkspace((s) =>
    workflow.redesignOfId === null ? null : (s.workflows.find((w) => w.id === workflow.redesignOfId) ?? null),
  );
  const skills = useSkillIndex();
  const raw = useLintSettings((s) => s.raw);
  const compiled = useLintSettings((s) => s.compiled);
  return useMemo(
    () =>
      lintWithSettings(
        workflow,
        { roles, skills, analysis: analysis?.ok ? analysis : null, asIs, decidedStepIds },
        raw,
        compiled,
      ),
    [workflow, roles, skills, analysis, asIs, decidedStepIds, raw, compiled],
  );
}
