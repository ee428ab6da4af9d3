/** The application frame: top bar with save state, the library or the open workflow, and notices. */
import { ArrowLeft, CheckCircle2, CircleAlert, Download, LoaderCircle, Upload, X } from 'lucide-react';
import { useState } from 'react';
import { useOpenWorkflow, useWorkspace } from './store/workspaceStore';
import { useNotices, notify } from './store/notifications';
import { Library } from './library/Library';
import { Editor } from './editor/Editor';
import { exportWorkflowToFile, importFromFile } from './exchange';
import { ImportReport } from './ui/ImportReport';
import type { ImportIssue } from '../shared/format/importer';

export function App() {
  const status = useWorkspace((s) => s.status);
  const loadError = useWorkspace((s) => s.loadError);
  const workflow = useOpenWorkflow();
  const [importFailure, setImportFailure] = useState<{ fileName: string; issues: ImportIssue[] } | null>(
    null,
  );

  if (status === 'loading') return <p className="splash">Opening your workspace…</p>;
  if (status === 'failed') {
    return (
      <p className="splash error" role="alert">
        The local database could not be opened: {loadError}. Your data has not been changed.
      </p>
    );
  }

  return (
    <div className="app">
      <header className="top-bar">
        {workflow ? (
          <button type="button" className="ghost" onClick={() => useWorkspace.getState().openWorkflow(null)}>
            <ArrowLeft size={16} aria-hidden /> All workflows
          </button>
        ) : (
          <span className="brand">Coarchitect</span>
        )}
        {workflow && (
          <h1 className="workflow-title">
            {workflow.name} <span className={`badge kind-${workflow.kind}`}>{workflow.kind}</span>
          </h1>
        )}
        <div className="top-bar-end">
          <SaveIndicator />
          {workflow && (
            <>
              <button
                type="button"
                onClick={async () => {
                  const outcome = await importFromFile();
                  if (!outcome) return;
                  if (outcome.ok) notify(outcome.summary);
                  else setImportFailure({ fileName: outcome.fileName, issues: outcome.issues });
                }}
              >
                <Upload size={16} aria-hidden /> Import…
              </button>
              <button
                type="button"
                onClick={() =>
                  void exportWorkflowToFile(workflow.id).then(
                    (name) => name && notify(`Exported ${workflow.name} to ${name}.`),
                  )
                }
              >
                <Download size={16} aria-hidden /> Export JSON
              </button>
            </>
          )}
        </div>
      </header>
      {workflow ? <Editor workflow={workflow} /> : <Library />}
      <Notices />
      <ImportReport
        fileName={importFailure?.fileName ?? ''}
        issues={importFailure?.issues ?? null}
        onClose={() => setImportFailure(null)}
      />
    </div>
  );
}

function SaveIndicator() {
  const saveState = useWorkspace((s) => s.saveState);
  const saveError = useWorkspace((s) => s.saveError);
  const text =
    saveState === 'saved'
      ? 'All changes saved'
      : saveState === 'saving'
        ? 'Saving…'
        : `Not saved: ${saveError ?? 'unknown error'}`;
  return (
    <span className={`save-state ${saveState}`} role="status" aria-live="polite">
      {saveState === 'saved' ? (
        <CheckCircle2 size={14} aria-hidden />
      ) : saveState === 'saving' ? (
        <LoaderCircle size={14} aria-hidden />
      ) : (
        <CircleAlert size={14} aria-hidden />
      )}
      {text}
    </span>
  );
}

function Notices() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  return (
    <div className="notices" role="log" aria-live="polite" aria-label="Notifications">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`}>
          <span>{n.text}</span>
          {n.action && (
            <button
              type="button"
              onClick={() => {
                n.action?.run();
                dismiss(n.id);
              }}
            >
              {n.action.label}
            </button>
          )}
          <button
            type="button"
            className="icon"
            aria-label="Dismiss notification"
            onClick={() => dismiss(n.id)}
          >
            <X size={14} aria-hidden />
          </button>
        </div>
      ))}
    </div>
  );
}
