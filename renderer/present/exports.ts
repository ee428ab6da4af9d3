/**
 * Pictures and tables of the open workflow through the platform adapter: SVG from the shared renderer, PNG
 * by rasterising that SVG (an <img> on a canvas, so the PNG is exactly the SVG), the image on the clipboard,
 * and the CSV tables.
 */
import { analyzeWorkflow, compareAnalyses } from '../../shared/analysis';
import type { WorkflowAnalysis, WorkflowComparison } from '../../shared/analysis';
import { fileStemFor } from '../../shared/format/document';
import type { Workflow } from '../../shared/model/schema';
import { skillIndex } from '../../shared/ontology';
import { rolesCsv, skillsCsv, stepsCsv, summaryCsv, type CsvOptions } from '../../shared/report/csv';
import { renderWorkflowSvg, type HeatKind, type SvgDiagram } from '../../shared/report/svg';
import { computeSkillsLens } from '../../shared/skills/lens';
import type { SkillsLens } from '../../shared/skills/types';
import { getPlatform } from '../platform/index';
import { lensPair } from '../skills/useSkillsLens';
import { useWorkspace } from '../store/workspaceStore';

export const PNG_SCALES = [1, 2, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];

/** The largest canvas side browsers reliably allocate. */
const MAX_CANVAS_SIDE = 16_384;

export interface WorkflowFigures {
  workflow: Workflow;
  analysis: WorkflowAnalysis | null;
  /** Why there is no analysis (problems in the workflow). */
  analysisError: string | null;
  comparison: WorkflowComparison | null;
  lens: SkillsLens | null;
}

/** The open workflow with its analysis, the comparison with its pair and the skills lens, where they exist. */
export function figuresOf(workflowId: string): WorkflowFigures | null {
  const { workflows, roles, customSkills } = useWorkspace.getState();
  const workflow = workflows.find((w) => w.id === workflowId);
  if (!workflow) return null;
  const result = analyzeWorkflow(workflow, roles);
  const analysis = result.ok ? result : null;
  const pair = lensPair(workflow, workflows);
  let comparison: WorkflowComparison | null = null;
  let lens: SkillsLens | null = null;
  if (pair?.asIs && analysis && workflow.kind === 'to-be') {
    const asIs = analyzeWorkflow(pair.asIs, roles);
    if (asIs.ok) comparison = compareAnalyses(asIs, analysis);
  }
  if (pair) {
    const l = computeSkillsLens({
      toBe: pair.toBe,
      asIs: pair.asIs,
      roles,
      skills: skillIndex(customSkills),
    });
    lens = l.ok && l.rows.length > 0 ? l : null;
  }
  return { workflow, analysis, analysisError: result.ok ? null : result.error.message, comparison, lens };
}

export function diagramOf(figures: WorkflowFigures, heat: HeatKind | null): SvgDiagram {
  return renderWorkflowSvg(figures.workflow, {
    roles: useWorkspace.getState().roles,
    analysis: figures.analysis,
    heat,
  });
}

const baseName = (workflow: Workflow): string => fileStemFor(workflow.name);

/** The SVG drawn on a canvas at `scale`; rejects when the picture would exceed what a canvas can hold. */
export async function rasterise(diagram: SvgDiagram, scale: number): Promise<Blob> {
  const width = Math.round(diagram.width * scale);
  const height = Math.round(diagram.height * scale);
  if (width > MAX_CANVAS_SIDE || height > MAX_CANVAS_SIDE) {
    throw new Error(
      `A ${scale}× picture would be ${width} × ${height} pixels, more than a canvas holds (${MAX_CANVAS_SIDE}); choose a smaller scale or export SVG.`,
    );
  }
  const url = URL.createObjectURL(new Blob([diagram.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.width = diagram.width;
    image.height = diagram.height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The diagram could not be drawn as a picture.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw pictures (no 2D canvas).');
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be encoded.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Saves and returns the file name, or null when the user cancelled. */
async function save(
  suggestedName: string,
  content: string,
  filter: { name: string; extensions: string[] },
  base64 = false,
) {
  const result = await getPlatform().saveTextFile({
    suggestedName,
    content,
    filters: [filter],
    ...(base64 ? { encoding: 'base64' as const } : {}),
  });
  return result.saved ? (result.fileName ?? suggestedName) : null;
}

export function exportSvg(figures: WorkflowFigures, heat: HeatKind | null) {
  return save(`${baseName(figures.workflow)}.svg`, diagramOf(figures, heat).svg, {
    name: 'SVG image',
    extensions: ['svg'],
  });
}

export async function exportPng(figures: WorkflowFigures, heat: HeatKind | null, scale: PngScale) {
  const blob = await rasterise(diagramOf(figures, heat), scale);
  return save(
    `${baseName(figures.workflow)}@${scale}x.png`,
    await base64Of(blob),
    { name: 'PNG image', extensions: ['png'] },
    true,
  );
}

/** Puts a 2× PNG of the diagram on the clipboard. */
export async function copyImage(figures: WorkflowFigures, heat: HeatKind | null): Promise<void> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    throw new Error('This browser cannot put pictures on the clipboard; use Export PNG instead.');
  }
  const blob = rasterise(diagramOf(figures, heat), 2);
  // The promise form keeps the user's click as the gesture that allows the write.
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
}

export const CSV_TABLES = ['steps', 'roles', 'summary', 'skills'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** The table as CSV text; null when the workflow has no figures (or no skills) for it. */
export function csvOf(figures: WorkflowFigures, table: CsvTable, options: CsvOptions): string | null {
  const { analysis, lens } = figures;
  if (table === 'skills') return lens ? skillsCsv(lens, options) : null;
  if (!analysis) return null;
  if (table === 'steps') return stepsCsv(figures.workflow, analysis, options);
  if (table === 'roles') return rolesCsv(analysis, options);
  return summaryCsv(analysis, figures.comparison, options);
}

export function exportCsv(figures: WorkflowFigures, table: CsvTable, options: CsvOptions) {
  const content = csvOf(figures, table, options);
  if (content === null) return Promise.resolve(null);
  return save(`${baseName(figures.workflow)}-${table}.csv`, content, {
    name: 'CSV table',
    extensions: ['csv'],
  });
}
