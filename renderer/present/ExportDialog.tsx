/**
 * "Export picture and data…": the diagram as SVG or PNG (1×, 2×, 4×) drawn by the shared renderer, the same
 * picture on the clipboard, and the CSV tables of its figures.
 */
import { useId, useMemo, useState } from 'react';
import type { HeatKind } from '../../shared/report/svg';
import { notify } from '../store/notifications';
import { useWorkspace } from '../store/workspaceStore';
import { Dialog } from '../ui/Dialog';
import {
  CSV_TABLES,
  PNG_SCALES,
  copyImage,
  csvOf,
  exportCsv,
  exportPng,
  exportSvg,
  figuresOf,
  type CsvTable,
} from './exports';

const TABLE_LABELS: Record<CsvTable, string> = {
  steps: 'Steps',
  roles: 'Roles',
  summary: 'Summary figures',
  skills: 'Skills',
};

export function ExportDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const workflowId = useWorkspace((s) => s.openWorkflowId);
  const workflows = useWorkspace((s) => s.workflows);
  const roles = useWorkspace((s) => s.roles);
  const [heat, setHeat] = useState<HeatKind | 'off'>('load');
  const [bom, setBom] = useState(true);
  const [busy, setBusy] = useState(false);
  const heatId = useId();
  const figures = useMemo(
    () => (open && workflowId ? figuresOf(workflowId) : null),
    // Recomputed when the workspace changes while the dialog is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [open, workflowId, workflows, roles],
  );

  async function run(what: string, task: () => Promise<string | null | void>) {
    setBusy(true);
    try {
      const saved = await task();
      if (typeof saved === 'string') notify(`Saved ${saved}.`);
      else if (saved === undefined) notify(`${what}.`);
    } catch (error) {
      notify(`${what} failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      setBusy(false);
    }
  }

  const heatKind = heat === 'off' ? null : heat;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title="Export picture and data"
      description={
        figures
          ? `The diagram of “${figures.workflow.name}” as a picture, and its figures as CSV tables.`
          : 'Open a workflow first.'
      }
      actions={
        <button type="button" onClick={onClose}>
          Close
        </button>
      }
    >
      {figures && (
        <div className="export-dialog">
          <fieldset>
            <legend>Picture</legend>
            <label htmlFor={heatId}>Heat on the picture</label>{' '}
            <select
              id={heatId}
              value={heat}
              onChange={(e) => setHeat(e.target.value as HeatKind | 'off')}
              disabled={!figures.analysis}
            >
              <option value="off">None</option>
              <option value="load">Person-hours per week</option>
              <option value="wait">Waiting time</option>
            </select>
            <div className="export-buttons">
              <button
                type="button"
                disabled={busy}
                onClick={() => void run('Export SVG', () => exportSvg(figures, heatKind))}
              >
                Export SVG
              </button>
              {PNG_SCALES.map((scale) => (
                <button
                  key={scale}
                  type="button"
                  disabled={busy}
                  onClick={() => void run(`Export PNG ${scale}×`, () => exportPng(figures, heatKind, scale))}
                >
                  Export PNG {scale}×
                </button>
              ))}
              <button
                type="button"
                disabled={busy}
                onClick={() => void run('Copied the picture', () => copyImage(figures, heatKind))}
              >
                Copy image
              </button>
            </div>
          </fieldset>
          <fieldset>
            <legend>Tables (CSV)</legend>
            {!figures.analysis && (
              <p className="muted">
                No figures: {figures.analysisError ?? 'the workflow cannot be analysed'}.
              </p>
            )}
            <label>
              <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} /> For Excel
              (UTF-8 byte order mark)
            </label>
            <div className="export-buttons">
              {CSV_TABLES.map((table) => {
                const available = csvOf(figures, table, {}) !== null;
                return (
                  <button
                    key={table}
                    type="button"
                    disabled={busy || !available}
                    title={
                      available
                        ? undefined
                        : table === 'skills'
                          ? 'No skills data for this workflow'
                          : 'No figures'
                    }
                    onClick={() =>
                      void run(`Export ${TABLE_LABELS[table]} CSV`, () => exportCsv(figures, table, { bom }))
                    }
                  >
                    Export {TABLE_LABELS[table]} CSV
                  </button>
                );
              })}
            </div>
          </fieldset>
        </div>
      )}
    </Dialog>
  );
}
