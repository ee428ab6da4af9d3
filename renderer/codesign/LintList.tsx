/** Governance lint findings below the validation problems: each linked to its step, with its quick fix. */
import { useMemo } from 'react';
import { AlertTriangle, Info, Lightbulb, Settings2 } from 'lucide-react';
import type { LintResult, LintSeverity } from '../../shared/lint/index';
import { useEditor } from '../store/editorStore';
import { useWorkspace } from '../store/workspaceStore';
import { useLintSettingsDialog } from './LintSettingsDialog';
import { useLintSettings } from './lintSettingsStore';
import './codesign.css';

const SEVERITY_LABELS: Record<LintSeverity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

export function LintList({ workflowId, lint }: { workflowId: string; lint: LintResult }) {
  const rules = useLintSettings((s) => s.compiled.rules);
  const explanationOf = useMemo(() => new Map(rules.map((r) => [r.id, r.explanation])), [rules]);
  return (
    <section className="lint" aria-label="Governance">
      <div className="lint-header">
        <h3>Governance</h3>
        <button type="button" onClick={() => useLintSettingsDialog.getState().setOpen(true)}>
          <Settings2 size={14} aria-hidden /> Lint settings…
        </button>
      </div>
      {lint.settingsProblems.map((p) => (
        <p key={p} className="problem warning">
          {p}
        </p>
      ))}
      {lint.findings.length === 0 ? (
        <p>No governance findings.</p>
      ) : (
        <ul aria-label="Governance findings">
          {lint.findings.map((f, i) => (
            <li key={`${f.ruleId}-${f.stepId ?? ''}-${i}`} className={`problem ${f.severity}`}>
              {f.severity === 'info' ? (
                <Info size={14} aria-label={SEVERITY_LABELS[f.severity]} />
              ) : (
                <AlertTriangle size={14} aria-label={SEVERITY_LABELS[f.severity]} />
              )}
              <span className="lint-rule" title={explanationOf.get(f.ruleId)}>
                {f.ruleId}
              </span>{' '}
              {f.stepId ? (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    const editor = useEditor.getState();
                    editor.selectOnly([f.stepId!]);
                    editor.focusStep(f.stepId!);
                  }}
                >
                  {f.message}
                </button>
              ) : (
                <span>{f.message}</span>
              )}
              {f.fix && (
                <button
                  type="button"
                  className="lint-fix"
                  // Through the workspace's edit path: one undo step, saved like any edit.
                  onClick={() => useWorkspace.getState().editWorkflow(workflowId, f.fix!.apply)}
                >
                  <Lightbulb size={14} aria-hidden /> {f.fix.title}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
