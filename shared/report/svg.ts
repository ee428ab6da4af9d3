/**
 * A workflow drawn as a stand-alone SVG from the model (never from the DOM): steps with their mode icon and
 * label, connections, rework loops, swimlanes by role and, optionally, load or waiting heat from the
 * analysis. Pure and deterministic (same input, same bytes), every text escaped, no scripts and no external
 * references, so the file opens the same in a browser, Inkscape or a slide deck. The canvas export, the
 * slides and the report all use this one renderer.
 */
import type { WorkflowAnalysis } from '../analysis/analyze';
import { computeLanes } from '../layout/lanes';
import { defaultStepSize, type Rect } from '../layout/geometry';
import type { Edge, Role, Step, Workflow } from '../model/schema';
import { escapeXml } from './escape';

export type HeatKind = 'load' | 'wait';

export interface SvgOptions {
  /** Roles, for lane titles and for naming the constraint. */
  roles?: readonly Role[];
  /** Draw one band per role (default: true when roles are given). */
  lanes?: boolean;
  /** The workflow's analysis: marks the constraint's steps and gives the heat its figures. */
  analysis?: WorkflowAnalysis | null;
  /** Tint steps by person-hours a week ('load') or waiting minutes ('wait'); needs `analysis`. */
  heat?: HeatKind | null;
  /** A title written above the diagram (and the SVG's <title>). */
  title?: string;
}

export interface SvgDiagram {
  svg: string;
  width: number;
  height: number;
  /** The smallest font size used, in SVG units: how small text gets when the diagram is scaled down. */
  minFontSize: number;
  /** Each step's box in SVG coordinates, for zooming to a step (Walk the flow). */
  boxes: ReadonlyMap<string, Rect>;
}

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = {
  human: '#0072B2',
  'ai-assisted': '#E69F00',
  'ai-automated': '#009E73',
  review: '#CC79A7',
  control: '#555555',
  rework: '#D55E00',
  constraint: '#D55E00',
  text: '#1A1A1A',
  muted: '#4A4A4A',
  laneA: '#F4F6F8',
  laneB: '#FFFFFF',
} as const;

export const MODE_LABELS = {
  human: 'Human',
  'ai-assisted': 'AI-assisted',
  'ai-automated': 'AI-automated',
} as const;

const MARGIN = 24;
const TITLE_HEIGHT = 40;
const NAME_SIZE = 15;
const DETAIL_SIZE = 12;
const LINE = 18;
/** Rough width of a character at NAME_SIZE, for wrapping without measuring. */
const CHAR_WIDTH = 8;

/** One decimal, no "-0", no exponent: stable across engines. */
function n(value: number): string {
  const r = Math.round(value * 10) / 10;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '–';
  return value.toFixed(digits);
}

/** Words wrapped into at most `maxLines` lines of `width` pixels; the last line ends in … if cut. */
export function wrapText(text: string, width: number, maxLines: number, charWidth = CHAR_WIDTH): string[] {
  const perLine = Math.max(4, Math.floor(width / charWidth));
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const pieces =
      word.length > perLine ? (word.match(new RegExp(`.{1,${perLine}}`, 'gu')) ?? [word]) : [word];
    for (const piece of pieces) {
      if (current === '') current = piece;
      else if (current.length + 1 + piece.length <= perLine) current += ` ${piece}`;
      else {
        lines.push(current);
        current = piece;
      }
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.slice(0, Math.max(1, perLine - 1))}…`;
  return kept;
}

function colourOf(step: Step): string {
  if (step.type === 'task') return PALETTE[step.mode];
  if (step.type === 'review') return PALETTE.review;
  return PALETTE.control;
}

function kindLabel(step: Step): string {
  switch (step.type) {
    case 'task':
      return MODE_LABELS[step.mode];
    case 'review':
      return 'Human review';
    case 'decision':
      return 'Decision';
    case 'parallel':
      return 'Parallel';
    case 'start':
      return 'Start';
    case 'end':
      return 'End';
  }
}

/** A small icon per mode, drawn with shapes so it needs no font: person, person + spark, spark, check. */
function icon(step: Step, x: number, y: number): string {
  const c = colourOf(step);
  const person = `<circle cx="${n(x + 6)}" cy="${n(y + 4)}" r="3.5" fill="${c}"/><path d="M${n(x)} ${n(y + 14)}a6 6 0 0 1 12 0z" fill="${c}"/>`;
  const spark = (sx: number, sy: number) =>
    `<path d="M${n(sx)} ${n(sy - 7)}L${n(sx + 2)} ${n(sy - 2)}L${n(sx + 7)} ${n(sy)}L${n(sx + 2)} ${n(sy + 2)}L${n(sx)} ${n(sy + 7)}L${n(sx - 2)} ${n(sy + 2)}L${n(sx - 7)} ${n(sy)}L${n(sx - 2)} ${n(sy - 2)}z" fill="${c}"/>`;
  if (step.type === 'task' && step.mode === 'human') return person;
  if (step.type === 'task' && step.mode === 'ai-assisted') return person + spark(x + 18, y + 7);
  if (step.type === 'task') return spark(x + 7, y + 7);
  if (step.type === 'review')
    return `${person}<path d="M${n(x + 14)} ${n(y + 7)}l3 3l6 -7" fill="none" stroke="${c}" stroke-width="2.2"/>`;
  return '';
}

/** Mix a colour towards white: share 0 is white, 1 the colour itself. */
function tint(hex: string, share: number): string {
  const s = Math.max(0, Math.min(1, share));
  const channel = (i: number) => {
    const v = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
    return Math.round(255 - (255 - v) * s)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`.toUpperCase();
}

interface Box extends Rect {
  step: Step;
}

function anchor(box: Rect, side: 'left' | 'right' | 'top' | 'bottom'): { x: number; y: number } {
  switch (side) {
    case 'left':
      return { x: box.x, y: box.y + box.height / 2 };
    case 'right':
      return { x: box.x + box.width, y: box.y + box.height / 2 };
    case 'top':
      return { x: box.x + box.width / 2, y: box.y };
    case 'bottom':
      return { x: box.x + box.width / 2, y: box.y + box.height };
  }
}

function edgePath(from: Rect, to: Rect): { d: string; mid: { x: number; y: number } } {
  const forward = to.x >= from.x + from.width - 1;
  const a = forward ? anchor(from, 'right') : anchor(from, 'top');
  const b = forward ? anchor(to, 'left') : anchor(to, 'top');
  if (forward) {
    const dx = Math.max(30, (b.x - a.x) / 2);
    return {
      d: `M${n(a.x)} ${n(a.y)}C${n(a.x + dx)} ${n(a.y)} ${n(b.x - dx)} ${n(b.y)} ${n(b.x)} ${n(b.y)}`,
      mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
    };
  }
  // A connection going back: over the top, so it never crosses the boxes between.
  const top = Math.min(a.y, b.y) - 50;
  return {
    d: `M${n(a.x)} ${n(a.y)}C${n(a.x)} ${n(top)} ${n(b.x)} ${n(top)} ${n(b.x)} ${n(b.y)}`,
    mid: { x: (a.x + b.x) / 2, y: top + 12 },
  };
}

function edgeLabel(edge: Edge): string {
  const parts: string[] = [];
  if (edge.label.trim()) parts.push(edge.label);
  if (edge.probability !== null) parts.push(`${Math.round(edge.probability * 100)}%`);
  return parts.join(' · ');
}

function heatFigure(kind: HeatKind, step: { hoursPerWeek: number; waitMinutes: number | null }): string {
  return kind === 'load'
    ? `${fmt(step.hoursPerWeek)} h/week`
    : step.waitMinutes === null
      ? 'no wait'
      : `wait ${fmt(step.waitMinutes)} min`;
}

export function renderWorkflowSvg(workflow: Workflow, options: SvgOptions = {}): SvgDiagram {
  const roles = options.roles ?? [];
  const showLanes = options.lanes ?? roles.length > 0;
  const analysis = options.analysis ?? null;
  const heat = analysis ? (options.heat ?? null) : null;
  const stepFigures = new Map(analysis?.steps.map((s) => [s.id, s]) ?? []);
  const constraintRoleId = analysis?.bottleneck?.roleId ?? null;

  const computed = showLanes ? computeLanes(workflow, roles) : [];
  // Lanes only where they tell the truth: when a step lies outside its own lane's band (a to-be whose AI
  // steps still sit in a role's row because it was not laid out in lanes), bands would overlap the steps
  // and put them in the wrong lane; then no bands are drawn and each work step names its role instead.
  const lanesFit = computed.every((lane) =>
    lane.stepIds.every((id) => {
      const step = workflow.steps.find((s) => s.id === id);
      if (!step) return true;
      const size = defaultStepSize(step);
      return (
        step.position.y >= lane.band.y && step.position.y + size.height <= lane.band.y + lane.band.height
      );
    }),
  );
  const lanes = lanesFit ? computed : [];
  const roleNames = new Map(roles.map((r) => [r.id, r.name]));
  const rects: Rect[] = [];
  const boxes: Box[] = workflow.steps.map((step) => {
    const size = defaultStepSize(step);
    const box = { step, x: step.position.x, y: step.position.y, ...size };
    rects.push(box);
    return box;
  });
  for (const lane of lanes) rects.push(lane.band);

  const titleSpace = options.title ? TITLE_HEIGHT : 0;
  let minX = 0;
  let minY = 0;
  let maxX = 320;
  let maxY = 80;
  if (rects.length > 0) {
    minX = Math.min(...rects.map((r) => r.x));
    minY = Math.min(...rects.map((r) => r.y)) - 60; // room for back connections over the top
    maxX = Math.max(...rects.map((r) => r.x + r.width));
    maxY = Math.max(...rects.map((r) => r.y + r.height)) + 60; // room for rework loops underneath
  }
  const dx = MARGIN - minX;
  const dy = MARGIN + titleSpace - minY;
  const width = Math.ceil(maxX - minX + 2 * MARGIN);
  const height = Math.ceil(maxY - minY + 2 * MARGIN + titleSpace);
  const shift = (r: Rect): Rect => ({ x: r.x + dx, y: r.y + dy, width: r.width, height: r.height });
  const byId = new Map(boxes.map((b) => [b.step.id, shift(b)]));

  const maxHeat = Math.max(
    0,
    ...[...stepFigures.values()].map((s) => (heat === 'load' ? s.hoursPerWeek : (s.waitMinutes ?? 0))),
  );

  const out: string[] = [];
  const label = options.title ?? workflow.name;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="diagram-title" font-family="system-ui, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif">`,
    `<title id="diagram-title">${escapeXml(label)}</title>`,
    '<defs>',
    `<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${PALETTE.muted}"/></marker>`,
    `<marker id="arrow-rework" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${PALETTE.rework}"/></marker>`,
    '</defs>',
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#FFFFFF"/>`,
  );
  if (options.title) {
    out.push(
      `<text x="${MARGIN}" y="${MARGIN + 20}" font-size="22" font-weight="700" fill="${PALETTE.text}">${escapeXml(options.title)}</text>`,
    );
  }
  if (workflow.steps.length === 0) {
    out.push(
      `<text x="${MARGIN}" y="${n(dy + 40)}" font-size="${NAME_SIZE}" fill="${PALETTE.text}">This workflow has no steps yet.</text>`,
    );
  }

  // Lanes first, so everything else is drawn over them.
  lanes.forEach((lane, i) => {
    const band = shift(lane.band);
    const roleId = lane.key.startsWith('role:') ? lane.key.slice(5) : null;
    const isConstraint = roleId !== null && roleId === constraintRoleId;
    out.push(
      `<g class="lane"><rect x="${n(band.x)}" y="${n(band.y)}" width="${n(band.width)}" height="${n(band.height)}" fill="${i % 2 === 0 ? PALETTE.laneA : PALETTE.laneB}" stroke="#C8CDD2"/>`,
      `<text x="${n(band.x + 10)}" y="${n(band.y + 22)}" font-size="${DETAIL_SIZE + 2}" font-weight="700" fill="${PALETTE.muted}">${escapeXml(lane.title)}</text>`,
    );
    if (isConstraint) {
      out.push(
        `<text x="${n(band.x + 10)}" y="${n(band.y + 40)}" font-size="${DETAIL_SIZE}" font-weight="700" fill="${PALETTE.constraint}">Constraint</text>`,
      );
    }
    out.push('</g>');
  });

  // Connections, then rework loops underneath the boxes.
  out.push('<g class="edges" fill="none">');
  for (const edge of workflow.edges) {
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (!from || !to) continue;
    const { d, mid } = edgePath(from, to);
    out.push(`<path d="${d}" stroke="${PALETTE.muted}" stroke-width="2" marker-end="url(#arrow)"/>`);
    const text = edgeLabel(edge);
    if (text) {
      out.push(
        `<text x="${n(mid.x)}" y="${n(mid.y - 6)}" font-size="${DETAIL_SIZE}" text-anchor="middle" fill="${PALETTE.text}" stroke="#FFFFFF" stroke-width="4" paint-order="stroke">${escapeXml(text)}</text>`,
      );
    }
  }
  for (const box of boxes) {
    const step = box.step;
    if (step.type !== 'review' || step.reworkTargetId === null) continue;
    const from = byId.get(step.id);
    const to = byId.get(step.reworkTargetId);
    if (!from || !to) continue;
    const a = anchor(from, 'bottom');
    const b = anchor(to, 'bottom');
    const low = Math.max(from.y + from.height, to.y + to.height) + 45;
    out.push(
      `<path d="M${n(a.x)} ${n(a.y)}C${n(a.x)} ${n(low)} ${n(b.x)} ${n(low)} ${n(b.x)} ${n(b.y)}" stroke="${PALETTE.rework}" stroke-width="2" stroke-dasharray="6 4" marker-end="url(#arrow-rework)"/>`,
      `<text x="${n((a.x + b.x) / 2)}" y="${n(low - 4)}" font-size="${DETAIL_SIZE}" text-anchor="middle" fill="${PALETTE.rework}" stroke="#FFFFFF" stroke-width="4" paint-order="stroke">rework ${Math.round(step.rejectionRate * 100)}%</text>`,
    );
  }
  out.push('</g>');

  // Steps.
  out.push('<g class="steps">');
  const shifted = new Map<string, Rect>();
  for (const box of boxes) {
    const step = box.step;
    const r = byId.get(step.id)!;
    shifted.set(step.id, r);
    const colour = colourOf(step);
    const figures = stepFigures.get(step.id);
    const heatValue =
      figures && heat ? (heat === 'load' ? figures.hoursPerWeek : (figures.waitMinutes ?? 0)) : 0;
    const fill = heat && maxHeat > 0 ? tint('#F4A582', heatValue / maxHeat) : '#FFFFFF';
    const constraint =
      constraintRoleId !== null &&
      (step.type === 'task' || step.type === 'review') &&
      step.roleId === constraintRoleId &&
      !(step.type === 'task' && step.mode === 'ai-automated');
    const rx = step.type === 'start' || step.type === 'end' ? r.height / 2 : 8;
    out.push(
      `<g class="step" data-step-id="${escapeXml(step.id)}"><title>${escapeXml(`${kindLabel(step)}: ${step.name}`)}</title>`,
      `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.width)}" height="${n(r.height)}" rx="${n(rx)}" fill="${fill}" stroke="${colour}" stroke-width="${constraint ? 4 : 2.5}"${step.type === 'task' && step.mode === 'ai-automated' ? ' stroke-dasharray="8 3"' : ''}/>`,
    );
    if (constraint) {
      out.push(
        `<rect x="${n(r.x - 5)}" y="${n(r.y - 5)}" width="${n(r.width + 10)}" height="${n(r.height + 10)}" rx="${n(rx + 4)}" fill="none" stroke="${PALETTE.constraint}" stroke-width="2" stroke-dasharray="3 3"/>`,
      );
    }
    const work = step.type === 'task' || step.type === 'review';
    if (work) {
      out.push(
        icon(step, r.x + 10, r.y + 8),
        `<text x="${n(r.x + 40)}" y="${n(r.y + 20)}" font-size="${DETAIL_SIZE}" font-weight="700" fill="${PALETTE.text}">${escapeXml(kindLabel(step))}</text>`,
      );
      const lines = wrapText(step.name, r.width - 20, 2);
      lines.forEach((line, i) => {
        out.push(
          `<text x="${n(r.x + 10)}" y="${n(r.y + 42 + i * LINE)}" font-size="${NAME_SIZE}" fill="${PALETTE.text}">${escapeXml(line)}</text>`,
        );
      });
      if (figures && heat) {
        out.push(
          `<text x="${n(r.x + 10)}" y="${n(r.y + r.height - 8)}" font-size="${DETAIL_SIZE}" font-weight="700" fill="${PALETTE.text}">${escapeXml(heatFigure(heat, figures))}</text>`,
        );
      }
      if (showLanes && !lanesFit) {
        // The role just above the box (the bottom line may hold the heat figure).
        const who =
          step.type === 'task' && step.mode === 'ai-automated'
            ? 'AI'
            : ((step.roleId ? roleNames.get(step.roleId) : undefined) ?? 'Unassigned');
        const [line] = wrapText(who, r.width, 1, 7);
        out.push(
          `<text x="${n(r.x + 2)}" y="${n(r.y - 9)}" font-size="${DETAIL_SIZE}" font-weight="700" fill="${PALETTE.muted}">${escapeXml(line ?? who)}</text>`,
        );
      }
    } else {
      const lines = wrapText(step.name, r.width - 20, step.type === 'start' || step.type === 'end' ? 2 : 2);
      const top = r.y + r.height / 2 - ((lines.length - 1) * LINE) / 2 + 5;
      lines.forEach((line, i) => {
        out.push(
          `<text x="${n(r.x + r.width / 2)}" y="${n(top + i * LINE)}" font-size="${NAME_SIZE}" text-anchor="middle" fill="${PALETTE.text}">${escapeXml(line)}</text>`,
        );
      });
    }
    out.push('</g>');
  }
  out.push('</g>');
  out.push('</svg>');
  return {
    svg: `${out.join('\n')}\n`,
    width,
    height,
    minFontSize: DETAIL_SIZE,
    boxes: shifted,
  };
}
