/** The list of workflows: create, open, rename, duplicate, redesign, export, delete and search. */
import { StorageStatus } from './StorageStatus';
import {
  Copy,
  Database,
  Download,
  FilePlus2,
  FolderOpen,
  GitCompareArrows,
  Pencil,
  Search,
  Trash2,
  Upload,
} from 'lucide-react';
import { useMemo, useState } from 'react';
import type { Workflow } from '../../shared/model/schema';
import { exportWorkspace, serializeDocument } from '../../shared/format/document';
import { useWorkspace } from '../store/workspaceStore';
import { notify } from '../store/notifications';
import { exportWorkflowAndReport, exportWorkspaceAndReport, importFromFileAndReport } from '../exchange';
import { Dialog } from '../ui/Dialog';
import { NameDialog } from '../ui/NameDialog';
import { RecentFiles } from '../desktop/RecentFiles';
import { TemplateGallery } from './TemplateGallery';
import { importReference } from '../reference/ReferenceActions';

// The examples' builders load when one is asked for: the first view does not need them.
const EXAMPLES = [
  {
    name: 'Customer support',
    build: async () => (await import('../../shared/examples/customerSupport')).customerSupportExample(),
  },
  {
    name: 'Invoice processing',
    build: async () => (await import('../../shared/examples/invoiceProcessing')).invoiceProcessingExample(),
  },
];

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function Library() {
  const workflows = useWorkspace((s) => s.workflows);
  const unreadable = useWorkspace((s) => s.unreadable);
  const {
    openWorkflow,
    createWorkflow,
    renameWorkflow,
    duplicateWorkflow,
    createRedesign,
    deleteWorkflow,
    restoreWorkflow,
    importText,
  } = useWorkspace.getState();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Workflow | null>(null);
  const [deleting, setDeleting] = useState<Workflow | null>(null);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return [...workflows]
      .filter((w) => !q || w.name.toLowerCase().includes(q))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }, [workflows, query]);
  const nameOf = (id: string | null) => workflows.find((w) => w.id === id)?.name;

  const loadExample = async (example: (typeof EXAMPLES)[number]) => {
    const outcome = await importText(serializeDocument(exportWorkspace(await example.build())));
    if (outcome.ok) notify(`${example.name} example added: ${outcome.summary}`);
    else notify(`The example could not be loaded: ${outcome.issues[0]?.message}`, 'error');
  };

  return (
    <main className="library" aria-labelledby="library-title">
      <div className="library-header">
        <h1 id="library-title">Workflows</h1>
        <div className="library-actions">
          <div className="search-box">
            <Search size={14} aria-hidden />
            <label htmlFor="workflow-search" className="visually-hidden">
              Search workflows
            </label>
            <input
              id="workflow-search"
              type="search"
              placeholder="Search by name"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            <FilePlus2 size={16} aria-hidden /> New workflow
          </button>
          <TemplateGallery />
          <button type="button" onClick={() => void importFromFileAndReport({ openSingle: false })}>
            <Upload size={16} aria-hidden /> Import…
          </button>
          <button type="button" onClick={importReference}>
            <Database size={16} aria-hidden /> Import reference data…
          </button>
          <button
            type="button"
            disabled={workflows.length === 0}
            onClick={() => void exportWorkspaceAndReport()}
          >
            <Download size={16} aria-hidden /> Export workspace
          </button>
        </div>
      </div>

      {unreadable.length > 0 && (
        <p className="banner error" role="alert">
          {unreadable.length} stored item{unreadable.length === 1 ? '' : 's'} could not be read and{' '}
          {unreadable.length === 1 ? 'was' : 'were'} left untouched (
          {unreadable.map((u) => `${u.table} ${u.id}: ${u.message}`).join('; ')}).
        </p>
      )}

      {workflows.length === 0 ? (
        <section className="empty-state" aria-label="Getting started">
          <h2>Redesign work for the AI era, step by step</h2>
          <p>
            Draw how a team works today (as-is), then redesign it (to-be): mark each step as human,
            AI-assisted or AI-automated, place human reviews where AI output needs checking, and attach the
            skills each step needs.
          </p>
          <div className="empty-actions">
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              <FilePlus2 size={16} aria-hidden /> New workflow
            </button>
            {EXAMPLES.map((ex) => (
              <button key={ex.name} type="button" onClick={() => void loadExample(ex)}>
                Load example: {ex.name}
              </button>
            ))}
          </div>
        </section>
      ) : (
        <table className="workflow-table" aria-label="Workflows">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Steps</th>
              <th scope="col">Cases / week</th>
              <th scope="col">Last changed</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((wf) => (
              <tr key={wf.id}>
                <th scope="row">
                  <button
                    type="button"
                    className="link strong"
                    onClick={() => openWorkflow(wf.id)}
                    aria-label={`Open ${wf.name}`}
                  >
                    {wf.name}
                  </button>
                  {wf.kind === 'to-be' && wf.redesignOfId && nameOf(wf.redesignOfId) && (
                    <div className="muted small">redesign of {nameOf(wf.redesignOfId)}</div>
                  )}
                </th>
                <td>
                  <span className={`badge kind-${wf.kind}`}>{wf.kind}</span>
                </td>
                <td>{wf.steps.length}</td>
                <td>{wf.volumePerWeek.toLocaleString()}</td>
                <td>{formatDate(wf.updatedAt)}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="icon"
                    aria-label={`Open ${wf.name} in the editor`}
                    title="Open"
                    onClick={() => openWorkflow(wf.id)}
                  >
                    <FolderOpen size={16} aria-hidden />
                  </button>
                  <button
                    type="button"
                    className="icon"
                    aria-label={`Rename ${wf.name}`}
                    title="Rename"
                    onClick={() => setRenaming(wf)}
                  >
                    <Pencil size={16} aria-hidden />
                  </button>
                  <button
                    type="button"
                    className="icon"
                    aria-label={`Duplicate ${wf.name}`}
                    title="Duplicate"
                    onClick={() => duplicateWorkflow(wf.id) && notify(`Duplicated ${wf.name}.`)}
                  >
                    <Copy size={16} aria-hidden />
                  </button>
                  {wf.kind === 'as-is' && (
                    <button
                      type="button"
                      className="icon"
                      aria-label={`Create to-be from ${wf.name}`}
                      title="Create to-be from this as-is"
                      onClick={() => {
                        const id = createRedesign(wf.id);
                        if (id) openWorkflow(id);
                      }}
                    >
                      <GitCompareArrows size={16} aria-hidden />
                    </button>
                  )}
                  <button
                    type="button"
                    className="icon"
                    aria-label={`Export ${wf.name}`}
                    title="Export as JSON"
                    onClick={() => void exportWorkflowAndReport(wf.id)}
                  >
                    <Download size={16} aria-hidden />
                  </button>
                  <button
                    type="button"
                    className="icon danger"
                    aria-label={`Delete ${wf.name}`}
                    title="Delete"
                    onClick={() => setDeleting(wf)}
                  >
                    <Trash2 size={16} aria-hidden />
                  </button>
                </td>
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  No workflow matches “{query}”.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}

      <RecentFiles />

      <NameDialog
        open={creating}
        title="New workflow"
        label="Workflow name"
        initial="Untitled workflow"
        confirmLabel="Create"
        onCancel={() => setCreating(false)}
        onConfirm={(name) => {
          setCreating(false);
          openWorkflow(createWorkflow(name));
        }}
      />
      <NameDialog
        open={renaming !== null}
        title="Rename workflow"
        label="Workflow name"
        initial={renaming?.name ?? ''}
        confirmLabel="Rename"
        onCancel={() => setRenaming(null)}
        onConfirm={(name) => {
          if (renaming) renameWorkflow(renaming.id, name);
          setRenaming(null);
        }}
      />
      <Dialog
        open={deleting !== null}
        onOpenChange={(o) => !o && setDeleting(null)}
        role="alertdialog"
        title={`Delete “${deleting?.name ?? ''}”?`}
        description="The workflow and its diagram are removed from this workspace. You can undo this right after."
        actions={
          <>
            <button type="button" onClick={() => setDeleting(null)} autoFocus>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              onClick={async () => {
                const target = deleting;
                setDeleting(null);
                if (!target) return;
                const removed = await deleteWorkflow(target.id);
                if (removed)
                  notify(`Deleted ${removed.name}.`, 'info', {
                    label: 'Undo',
                    run: () => void restoreWorkflow(removed),
                  });
              }}
            >
              Delete
            </button>
          </>
        }
      />
      <StorageStatus />
    </main>
  );
}
