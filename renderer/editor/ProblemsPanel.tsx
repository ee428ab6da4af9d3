/** Everything wrong with the workflow, each linked to the step it concerns. */
import { AlertTriangle, CheckCircle2, Info } from 'lucide-react';
import type { Problem } from '../../shared/model/validate';
import { useEditor } from '../store/editorStore';

export function ProblemsPanel({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) {
    return (
      <div className="problems empty">
        <CheckCircle2 size={18} aria-hidden /> No problems: the workflow is complete and consistent.
      </div>
    );
  }
  return (
    <ul className="problems" aria-label="Problems">
      {problems.map((p, i) => (
        <li key={`${p.code}-${p.stepId ?? p.edgeId ?? ''}-${i}`} className={`problem ${p.severity}`}>
          {p.severity === 'error' ? (
            <AlertTriangle size={14} aria-label="Error" />
          ) : (
            <Info size={14} aria-label="Warning" />
          )}
          {p.stepId || p.edgeId ? (
            <button
              type="button"
              className="link"
              onClick={() => {
                const editor = useEditor.getState();
                if (p.stepId) {
                  editor.selectOnly([p.stepId]);
                  editor.focusStep(p.stepId);
                } else if (p.edgeId) editor.selectOnly([], [p.edgeId]);
                editor.setPanel('inspector');
              }}
            >
              {p.message}
            </button>
          ) : (
            <span>{p.message}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
