/** The application frame: top bar with save state, the library or the open workflow, and notices. */
import {
  ArrowLeft,
  Redo2,
  Undo2,
  CheckCircle2,
  CircleAlert,
  Download,
  ImageDown,
  LoaderCircle,
  LockKeyhole,
  Presentation,
  Search,
  Upload,
  X,
} from 'lucide-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useOpenWorkflow, useWorkspace } from './store/workspaceStore';
import { useNotices } from './store/notifications';
import { Library } from './library/Library';
import { exportWorkflowAndReport, importFromFileAndReport } from './exchange';
import { ImportReport } from './ui/ImportReport';
import { NameDialog } from './ui/NameDialog';
import { ConflictDialog } from './ui/ConflictDialog';
import { ReferenceActions } from './reference/ReferenceActions';
import { DropHint } from './desktop/DropHint';
import { dismissImportFailure, useImportFailure } from './desktop/fileImport';
import { useDesktopIntegration } from './desktop/integration';
import { dispatchCommand } from './desktop/commands';
import { redo, undo, useHistoryState } from './store/history';
import { useAppActions } from './commands/appActions';
import { CommandPalette, openCommandPalette } from './commands/CommandPalette';
import { formatKeys, isMacPlatform } from './commands/keys';
import { ShortcutSheet } from './commands/ShortcutSheet';
import { useActionShortcuts } from './commands/shortcuts';
import { useEditor } from './store/editorStore';
import { SelectionAnnouncer } from './ui/SelectionAnnouncer';
import { UnlockScreen } from './privacy/UnlockScreen';
import { refreshPrivacy } from './privacy/privacyStore';
import { useIdleLock } from './privacy/useIdleLock';
import { usePresentActions, usePresentSurfacesNeeded } from './present/actions';
import { usePresentUi } from './present/presentUi';
import './desktop/desktop.css';
import './privacy/privacy.css';

/** Story, presentation and exports: loaded only once one of them is opened. */
const PresentRoot = lazy(() => import('./present/index'));

// The editor (canvas, panels, charts) loads on opening a workflow, so the first paint needs only the library.
const Editor = lazy(() => import('./editor/Editor').then(({ Editor }) => ({ default: Editor })));

// Dialogs opened now and then: each loads the first time it opens.
const AboutDialog = lazy(() => import('./desktop/AboutDialog').then((m) => ({ default: m.AboutDialog })));
const PrivacyDialog = lazy(() =>
  import('./privacy/PrivacyDialog').then((m) => ({ default: m.PrivacyDialog })),
);
const ShareExportDialog = lazy(() =>
  import('./ui/ShareExportDialog').then((m) => ({ default: m.ShareExportDialog })),
);
const RestoreBackupDialog = lazy(() =>
  import('./desktop/RestoreBackupDialog').then((m) => ({ default: m.RestoreBackupDialog })),
);

function EditorLoading() {
  return (
    <main className="editor-loading" aria-label="Diagram" aria-busy="true">
      <LoaderCircle size={20} aria-hidden className="spin" /> Opening the workflow…
    </main>
  );
}

export function App() {
  useActionShortcuts();
  usePresentActions();
  const presentNeeded = usePresentSurfacesNeeded();
  const status = useWorkspace((s) => s.status);
  const loadError = useWorkspace((s) => s.loadError);
  const workflow = useOpenWorkflow();
  // Selection belongs to one workflow; start clean when another opens. Here rather than in the lazily
  // loaded editor, so a step chosen (in the palette) before the editor's code arrived stays chosen.
  const openId = workflow?.id;
  useEffect(() => useEditor.getState().reset(), [openId]);
  const importFailure = useImportFailure((s) => s.failure);
  const [dialog, setDialog] = useState<
    'new-workflow' | 'about' | 'shortcuts' | 'privacy' | 'share' | 'restore-backup' | null
  >(null);
  const [dragging, setDragging] = useState(false);
  useAppActions({
    newWorkflow: () => setDialog('new-workflow'),
    shortcuts: () => setDialog('shortcuts'),
    palette: openCommandPalette,
    privacy: () => setDialog('privacy'),
    share: () => setDialog('share'),
    restoreBackup: () => setDialog('restore-backup'),
  });
  useIdleLock();
  useEffect(() => {
    if (status === 'ready' || status === 'locked') void refreshPrivacy().catch(() => {});
  }, [status]);
  useDesktopIntegration(
    {
      newWorkflow: () => setDialog('new-workflow'),
      about: () => setDialog('about'),
      shortcuts: () => setDialog('shortcuts'),
    },
    setDragging,
  );

  if (status === 'loading')
    return (
      <p className="splash" role="status">
        Opening your workspace…
      </p>
    );
  if (status === 'locked') return <UnlockScreen />;
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
          <button
            type="button"
            className="icon"
            aria-label="Command palette"
            title={`Command palette (${formatKeys('Mod+K', isMac)})`}
            onClick={openCommandPalette}
          >
            <Search size={16} aria-hidden />
          </button>
          <button
            type="button"
            className="icon"
            aria-label="Privacy & encryption"
            title="Privacy & encryption"
            onClick={() => setDialog('privacy')}
          >
            <LockKeyhole size={16} aria-hidden />
          </button>
          {workflow && (
            <>
              <button type="button" onClick={() => void importFromFileAndReport({ openSingle: false })}>
                <Upload size={16} aria-hidden /> Import…
              </button>
              <HistoryButtons />
              <PresentButton />
              <button type="button" onClick={() => usePresentUi.getState().setStoryOpen(true)}>
                Story…
              </button>
              <button type="button" onClick={() => void exportWorkflowAndReport(workflow.id)}>
                <Download size={16} aria-hidden /> Export JSON
              </button>
              <button type="button" onClick={() => usePresentUi.getState().setExportOpen(true)}>
                <ImageDown size={16} aria-hidden /> Export picture…
              </button>
            </>
          )}
        </div>
      </header>
      {workflow ? (
        <Suspense fallback={<EditorLoading />}>
          <Editor workflow={workflow} />
        </Suspense>
      ) : (
        <Library />
      )}
      <Notices />
      <ImportReport
        fileName={importFailure?.fileName ?? ''}
        issues={importFailure?.issues ?? null}
        onClose={dismissImportFailure}
      />
      <NameDialog
        open={dialog === 'new-workflow'}
        title="New workflow"
        label="Workflow name"
        initial="Untitled workflow"
        confirmLabel="Create"
        onCancel={() => setDialog(null)}
        onConfirm={(name) => {
          setDialog(null);
          const { createWorkflow, openWorkflow } = useWorkspace.getState();
          openWorkflow(createWorkflow(name));
        }}
      />
      <ShortcutSheet open={dialog === 'shortcuts'} onClose={() => setDialog(null)} />
      <Suspense fallback={null}>
        {dialog === 'about' && <AboutDialog open onClose={() => setDialog(null)} />}
        {dialog === 'privacy' && <PrivacyDialog open onClose={() => setDialog(null)} />}
        {dialog === 'share' && <ShareExportDialog open onClose={() => setDialog(null)} />}
        {dialog === 'restore-backup' && <RestoreBackupDialog open onClose={() => setDialog(null)} />}
      </Suspense>
      <CommandPalette workflow={workflow} />
      <ReferenceActions />
      <DropHint visible={dragging} />
      <ConflictDialog />
      <SelectionAnnouncer />
      {presentNeeded && (
        <Suspense fallback={null}>
          <PresentRoot />
        </Suspense>
      )}
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

/** Presenting hides the panels so the diagram fills the screen (Electron's View › Present does the same). */
function PresentButton() {
  const presenting = useEditor((s) => s.presenting);
  return (
    <button
      type="button"
      aria-pressed={presenting}
      onClick={() => dispatchCommand(presenting ? 'present-end' : 'present')}
    >
      <Presentation size={16} aria-hidden /> {presenting ? 'End presentation' : 'Present'}
    </button>
  );
}

const isMac = isMacPlatform();

/** Undo and redo buttons; their keys and the Edit menu's commands are actions (commands/appActions.ts). */
function HistoryButtons() {
  const { canUndo, canRedo } = useHistoryState();
  return (
    <>
      <button
        type="button"
        className="icon"
        aria-label="Undo"
        title={`Undo (${formatKeys('Mod+Z', isMac)})`}
        disabled={!canUndo}
        onClick={undo}
      >
        <Undo2 size={16} aria-hidden />
      </button>
      <button
        type="button"
        className="icon"
        aria-label="Redo"
        title={`Redo (${formatKeys('Mod+Shift+Z', isMac)})`}
        disabled={!canRedo}
        onClick={redo}
      >
        <Redo2 size={16} aria-hidden />
      </button>
    </>
  );
}
