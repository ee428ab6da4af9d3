/**
 * A workflow changed in two windows at once: both versions side by side and the user's choice. Never
 * resolved silently; the dialog cannot be dismissed without choosing (Escape keeps it open).
 */
import type { Workflow } from '../../shared/model/schema';
import { useWorkspace, type WorkflowConflict } from '../store/workspaceStore';
import { Dialog } from './Dialog';

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** The first few step names (a large workflow has thousands). */
function stepNames(wf: Workflow, shown = 8): string {
  const names = wf.steps.slice(0, shown).map((s) => s.name);
  const more = wf.steps.length - names.length;
  return names.length === 0
    ? '—'
    : `${names.join(', ')}${more > 0 ? ` … and ${more.toLocaleString()} more` : ''}`;
}

/** The facts a person compares to choose; those that differ are marked. */
function facts(wf: Workflow): [string, string][] {
  return [
    ['Name', wf.name],
    ['Steps', String(wf.steps.length)],
    ['Connections', String(wf.edges.length)],
    ['Volume per week', wf.volumePerWeek.toLocaleString()],
    ['Step names', stepNames(wf)],
    ['Last changed', formatTime(wf.updatedAt)],
  ];
}

export function ConflictDialog() {
  const conflict = useWorkspace((s) => s.conflicts[0] ?? null);
  const mine = useWorkspace((s) => (conflict ? s.workflows.find((w) => w.id === conflict.id) : undefined));
  if (!conflict || !mine) return null;
  return <ConflictChoice conflict={conflict} mine={mine} />;
}

function ConflictChoice({ conflict, mine }: { conflict: WorkflowConflict; mine: Workflow }) {
  const resolve = useWorkspace((s) => s.resolveConflict);
  const ours = facts(mine);
  const theirs = facts(conflict.theirs);
  return (
    <Dialog
      open
      onOpenChange={() => {}}
      role="alertdialog"
      title="Changed in another window"
      description={`“${conflict.theirs.name}” was changed in another window while you edited it here. Choose which version to keep; nothing is saved over the other until you do.`}
      actions={
        <>
          <button type="button" className="primary" onClick={() => resolve(conflict.id, 'mine')}>
            Keep mine
          </button>
          <button type="button" onClick={() => resolve(conflict.id, 'theirs')}>
            Take theirs
          </button>
          <button type="button" onClick={() => resolve(conflict.id, 'both')}>
            Keep both
          </button>
        </>
      }
    >
      <table className="conflict-table" aria-label="Both versions">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Field</span>
            </th>
            <th scope="col">Mine (this window)</th>
            <th scope="col">Theirs (other window)</th>
          </tr>
        </thead>
        <tbody>
          {ours.map(([label, value], i) => {
            const other = theirs[i]?.[1] ?? '';
            return (
              <tr key={label} className={value === other ? undefined : 'differs'}>
                <th scope="row">{label}</th>
                <td>{value}</td>
                <td>{other}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="conflict-hint">
        “Keep both” keeps theirs under this name and yours as “{mine.name} (my version)”.
      </p>
    </Dialog>
  );
}
