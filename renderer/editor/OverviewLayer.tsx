/**
 * The level-of-detail view of a large workflow zoomed out: every step and connection drawn on one canvas
 * instead of thousands of DOM nodes. React Flow keeps the steps (hidden) for fitting and the viewport; this
 * layer draws them, and lets a person select steps, drag them, and double-click one to zoom in to it.
 * Panning and zooming go straight through to React Flow (the canvas never takes the pointer).
 */
import { useCallback, useEffect, useRef } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';
import type { Edge, Position, Step } from '../../shared/model/schema';
import type { Size } from '../store/editorStore';
import type { StepHeat } from './StepNode';
import { kindOf, type StepKind } from './stepKinds';
import { hitTest, stepBox, type Box } from './overviewGeometry';

/** Kind colours as hex: a canvas cannot read the stylesheet's custom properties (same hues as styles.css). */
export const KIND_COLOURS: Record<StepKind, { stroke: string; fill: string }> = {
  start: { stroke: '#1e7a46', fill: '#e3f3ea' },
  end: { stroke: '#394150', fill: '#e7e9ed' },
  decision: { stroke: '#5b6573', fill: '#eef0f3' },
  parallel: { stroke: '#4a5a8a', fill: '#e9ecf6' },
  review: { stroke: '#9a5b00', fill: '#fff2dc' },
  'task-human': { stroke: '#2962b8', fill: '#e6effc' },
  'task-ai-assisted': { stroke: '#7b43c9', fill: '#f1e9fb' },
  'task-ai-automated': { stroke: '#0c7a71', fill: '#e1f4f2' },
};
const SELECTED = '#3f51b5';
const PROBLEM = '#c62828';
const EDGE = '#9aa3af';
const REWORK = '#9a5b00';
/** Drawn over steps the find bar does not match: the canvas background at 75%. */
const FADE = 'rgba(246, 247, 249, 0.75)';
/**
 * The largest cached picture of the diagram, as a multiple of the canvas' own pixels. Painting a picture is
 * rasterising every step into it at once (over a hundred milliseconds for a picture of 10+ million pixels in
 * software); a picture at most twice the canvas is painted in a frame's time, and a larger diagram is drawn
 * directly instead, where only the steps in view are drawn.
 */
const MAX_PICTURE_AREA = 2;
/** How long the zoom must rest before the scaled picture is drawn sharp again. */
const SHARPEN_AFTER_MS = 150;
/** Room around the steps for rework loops below them, outlines and problem marks. */
const PICTURE_MARGIN = 80;

interface Picture {
  canvas: HTMLCanvasElement;
  props: OverviewLayerProps;
  zoom: number;
  ratio: number;
  /** Flow coordinates of the picture's top-left corner. */
  x: number;
  y: number;
  /** Drawn while the zoom moved, without names: redrawn once it rests. */
  withoutNames: boolean;
}

/** Whether two renders would draw the same picture (callbacks aside). */
function sameDrawing(a: OverviewLayerProps, b: OverviewLayerProps): boolean {
  return (
    a.steps === b.steps &&
    a.edges === b.edges &&
    a.sizes === b.sizes &&
    a.dragPositions === b.dragPositions &&
    a.selected === b.selected &&
    a.problemStepIds === b.problemStepIds &&
    a.heat === b.heat &&
    a.matches === b.matches
  );
}

function contentBounds(boxes: readonly Box[]): { x: number; y: number; width: number; height: number } {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  if (!Number.isFinite(left)) return { x: 0, y: 0, width: 1, height: 1 };
  return {
    x: left - PICTURE_MARGIN,
    y: top - PICTURE_MARGIN,
    width: right - left + 2 * PICTURE_MARGIN,
    height: bottom - top + 2 * PICTURE_MARGIN,
  };
}

/** Pointer travel (screen px) before a press on a step becomes a drag rather than a click. */
const DRAG_THRESHOLD = 3;

export interface OverviewLayerProps {
  steps: readonly Step[];
  edges: readonly Edge[];
  sizes: ReadonlyMap<string, Size>;
  dragPositions: ReadonlyMap<string, Position>;
  selected: ReadonlySet<string>;
  problemStepIds: ReadonlySet<string>;
  heat: ReadonlyMap<string, StepHeat>;
  /** The find bar's matches (null: no filter); the other steps are drawn faded. */
  matches: ReadonlySet<string> | null;
  onSelect(stepIds: ReadonlySet<string>): void;
  /** The steps' new positions when a drag ends (during the drag only this canvas redraws). */
  onDrop(positions: ReadonlyMap<string, Position>): void;
}

interface Press {
  pointerId: number;
  x: number;
  y: number;
  stepId: string;
  additive: boolean;
  moving: ReadonlyMap<string, Position> | null;
  dragging: boolean;
}

export function OverviewLayer(props: OverviewLayerProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const transform = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const domNode = useStore((s) => s.domNode);
  const flow = useReactFlow();
  const latest = useRef(props);
  latest.current = props;

  const boxes = useRef<Box[]>([]);
  useEffect(() => {
    boxes.current = props.steps.map((s) => stepBox(s, props.dragPositions.get(s.id), props.sizes.get(s.id)));
  }, [props.steps, props.dragPositions, props.sizes]);
  /** Where the steps being dragged are now; local, so a drag redraws this canvas and nothing else. */
  const dragging = useRef<ReadonlyMap<string, Position>>(new Map());
  const view = useRef({ transform, width, height });
  view.current = { transform, width, height };

  /** The whole diagram drawn once at the current zoom; panning only moves it (see repaint). */
  const picture = useRef<Picture | null>(null);
  const sharpen = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Set by the sharpening timer: the next repaint draws the picture anew at the resting zoom. */
  const sharpenDue = useRef(false);
  const lastZoom = useRef(Number.NaN);
  useEffect(() => () => clearTimeout(sharpen.current), []);

  /** Draws sharp, with names, once the zoom has rested for SHARPEN_AFTER_MS. */
  const sharpenLater = useCallback(() => {
    clearTimeout(sharpen.current);
    sharpen.current = setTimeout(() => {
      sharpenDue.current = true;
      repaintRef.current();
    }, SHARPEN_AFTER_MS);
  }, []);
  const repaintRef = useRef(() => {});

  const repaint = useCallback(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const { transform: t, width: w, height: h } = view.current;
    const ratio = globalThis.devicePixelRatio || 1;
    if (element.width !== Math.round(w * ratio) || element.height !== Math.round(h * ratio)) {
      element.width = Math.round(w * ratio);
      element.height = Math.round(h * ratio);
    }
    const current = latest.current;
    if (dragging.current.size > 0) {
      const positions = new Map([...current.dragPositions, ...dragging.current]);
      draw(context, { ...current, dragPositions: positions }, t, w, h, ratio);
      return;
    }
    // Zoomed out, the whole diagram is a small picture: draw it once per edit or zoom, and on a pan only
    // place it again. Drawing thousands of steps on every frame of a pan would take tens of milliseconds.
    const [tx, ty, zoom] = t;
    const bounds = contentBounds(boxes.current);
    const pictureWidth = Math.ceil(bounds.width * zoom * ratio);
    const pictureHeight = Math.ceil(bounds.height * zoom * ratio);
    const canvasPixels = element.width * element.height;
    if (
      pictureWidth * pictureHeight > MAX_PICTURE_AREA * canvasPixels ||
      pictureWidth > 8192 ||
      pictureHeight > 8192
    ) {
      // Drawn directly, the steps in view only; while the zoom moves without their names (as a picture).
      const moving = lastZoom.current !== zoom && !sharpenDue.current;
      lastZoom.current = zoom;
      sharpenDue.current = false;
      if (moving) sharpenLater();
      draw(context, current, t, w, h, ratio, moving);
      return;
    }
    let cached = picture.current;
    const sameData = cached !== null && cached.ratio === ratio && sameDrawing(cached.props, current);
    if (cached && sameData && cached.zoom !== zoom && !sharpenDue.current) {
      // While the zoom moves (a wheel, an animated fit) the picture is scaled; it is drawn sharp again once
      // the zoom has rested, instead of on every frame of the movement.
      sharpenLater();
      const scale = zoom / cached.zoom;
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, element.width, element.height);
      context.drawImage(
        cached.canvas,
        (tx + cached.x * zoom) * ratio,
        (ty + cached.y * zoom) * ratio,
        cached.canvas.width * scale,
        cached.canvas.height * scale,
      );
      return;
    }
    const zoomMoving = lastZoom.current !== zoom && !sharpenDue.current;
    lastZoom.current = zoom;
    sharpenDue.current = false;
    if (zoomMoving) sharpenLater();
    if (!cached || cached.zoom !== zoom || !sameData || (cached.withoutNames && !zoomMoving)) {
      const offscreen = cached?.canvas ?? document.createElement('canvas');
      offscreen.width = Math.max(1, pictureWidth);
      offscreen.height = Math.max(1, pictureHeight);
      const offContext = offscreen.getContext('2d');
      if (!offContext) return;
      draw(
        offContext,
        current,
        [-bounds.x * zoom, -bounds.y * zoom, zoom],
        pictureWidth / ratio,
        pictureHeight / ratio,
        ratio,
        zoomMoving,
      );
      cached = {
        canvas: offscreen,
        props: current,
        zoom,
        ratio,
        x: bounds.x,
        y: bounds.y,
        // Only a picture that would have shown names is drawn again once the zoom rests.
        withoutNames: zoomMoving && showsNames(zoom),
      };
      picture.current = cached;
    }
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, element.width, element.height);
    context.drawImage(
      cached.canvas,
      Math.round((tx + cached.x * zoom) * ratio),
      Math.round((ty + cached.y * zoom) * ratio),
    );
  }, [sharpenLater]);

  repaintRef.current = repaint;
  // Draw on every change of data or viewport; one canvas pass is a few milliseconds even for 5,000 steps.
  useEffect(repaint, [repaint, props, transform, width, height]);

  const stepAt = useCallback(
    (clientX: number, clientY: number) => {
      const at = flow.screenToFlowPosition({ x: clientX, y: clientY });
      return hitTest(boxes.current, at);
    },
    [flow],
  );

  // Presses on a step are ours (select, drag); presses elsewhere go on to React Flow (pan, box select).
  useEffect(() => {
    if (!domNode) return;
    let press: Press | null = null;
    /** The click that ends a press of ours must not reach the pane (which clears the selection). */
    let ownClick = false;
    let frame = 0;
    const swallow = (e: Event) => {
      e.stopPropagation();
      e.preventDefault();
    };
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0 || !(e.target instanceof Element) || !e.target.closest('.react-flow__pane')) return;
      const hit = stepAt(e.clientX, e.clientY);
      ownClick = false;
      if (!hit) return;
      swallow(e);
      press = {
        pointerId: e.pointerId,
        x: e.clientX,
        y: e.clientY,
        stepId: hit.id,
        additive: e.shiftKey || e.metaKey || e.ctrlKey,
        moving: null,
        dragging: false,
      };
      window.addEventListener('pointermove', onMove, true);
      window.addEventListener('pointerup', onUp, true);
    };
    // d3-zoom listens to mousedown: it must not start a pan under a press we have taken.
    const onMouseDown = (e: MouseEvent) => {
      if (press) swallow(e);
    };
    const onClick = (e: MouseEvent) => {
      if (!ownClick) return;
      ownClick = false;
      swallow(e);
    };
    const moved = (e: PointerEvent): Map<string, Position> | null => {
      if (!press?.moving) return null;
      const zoom = flow.getZoom();
      const dx = (e.clientX - press.x) / zoom;
      const dy = (e.clientY - press.y) / zoom;
      const next = new Map<string, Position>();
      for (const [id, p] of press.moving) {
        next.set(id, { x: Math.round((p.x + dx) / 10) * 10, y: Math.round((p.y + dy) / 10) * 10 });
      }
      return next;
    };
    const onMove = (e: PointerEvent) => {
      if (!press || e.pointerId !== press.pointerId) return;
      if (!press.dragging) {
        if (Math.hypot(e.clientX - press.x, e.clientY - press.y) < DRAG_THRESHOLD) return;
        press.dragging = true;
        const { selected, steps, onSelect } = latest.current;
        const group = selected.has(press.stepId) ? selected : new Set([press.stepId]);
        if (!selected.has(press.stepId)) onSelect(group);
        press.moving = new Map(steps.filter((s) => group.has(s.id)).map((s) => [s.id, s.position]));
      }
      // One repaint per frame, however fast the pointer reports.
      dragging.current = moved(e) ?? new Map();
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(repaint);
    };
    const onUp = (e: PointerEvent) => {
      if (!press || e.pointerId !== press.pointerId) return;
      window.removeEventListener('pointermove', onMove, true);
      window.removeEventListener('pointerup', onUp, true);
      cancelAnimationFrame(frame);
      ownClick = true;
      const { selected, onSelect, onDrop } = latest.current;
      if (press.dragging) {
        const next = moved(e);
        dragging.current = new Map();
        if (next) onDrop(next);
      } else if (press.additive) {
        const toggled = new Set(selected);
        if (toggled.has(press.stepId)) toggled.delete(press.stepId);
        else toggled.add(press.stepId);
        onSelect(toggled);
      } else onSelect(new Set([press.stepId]));
      press = null;
    };
    const onDoubleClick = (e: MouseEvent) => {
      const hit = stepAt(e.clientX, e.clientY);
      if (!hit) return;
      swallow(e);
      void flow.setCenter(hit.x + hit.width / 2, hit.y + hit.height / 2, { zoom: 1, duration: 300 });
    };
    domNode.addEventListener('pointerdown', onDown, true);
    domNode.addEventListener('mousedown', onMouseDown, true);
    domNode.addEventListener('dblclick', onDoubleClick, true);
    domNode.addEventListener('click', onClick, true);
    return () => {
      domNode.removeEventListener('click', onClick, true);
      cancelAnimationFrame(frame);
      domNode.removeEventListener('pointerdown', onDown, true);
      domNode.removeEventListener('mousedown', onMouseDown, true);
      domNode.removeEventListener('dblclick', onDoubleClick, true);
      window.removeEventListener('pointermove', onMove, true);
      window.removeEventListener('pointerup', onUp, true);
    };
  }, [domNode, flow, stepAt, repaint]);

  return (
    <canvas
      ref={canvas}
      className="overview-layer"
      style={{ width, height }}
      role="img"
      aria-label={`Overview of ${props.steps.length} steps and ${props.edges.length} connections. Zoom in, or find a step with the command palette, to edit it.`}
    />
  );
}

function draw(
  context: CanvasRenderingContext2D,
  { steps, edges, sizes, dragPositions, selected, problemStepIds, heat, matches }: OverviewLayerProps,
  [tx, ty, zoom]: [number, number, number],
  width: number,
  height: number,
  ratio: number,
  /** Leave the names out (a picture drawn while the zoom still moves; the sharp one follows). */
  withoutNames = false,
): void {
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, width * ratio, height * ratio);
  context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * tx, ratio * ty);
  // The visible part of the diagram, in flow coordinates, for culling.
  const left = -tx / zoom;
  const top = -ty / zoom;
  const right = left + width / zoom;
  const bottom = top + height / zoom;
  /** Steps only a few pixels wide: outlines, stripes and curves are left out. */
  const tiny = zoom * 200 < 30;
  const boxById = new Map<string, Box>();
  for (const s of steps) boxById.set(s.id, stepBox(s, dragPositions.get(s.id), sizes.get(s.id)));

  // Connections: one path, one stroke.
  context.beginPath();
  for (const e of edges) {
    const a = boxById.get(e.source);
    const b = boxById.get(e.target);
    if (!a || !b) continue;
    const x1 = a.x + a.width;
    const y1 = a.y + a.height / 2;
    const x2 = b.x;
    const y2 = b.y + b.height / 2;
    if (
      Math.max(x1, x2) < left ||
      Math.min(x1, x2) > right ||
      Math.max(y1, y2) < top ||
      Math.min(y1, y2) > bottom
    )
      continue;
    context.moveTo(x1, y1);
    // Far out a curve is not worth its cost: a straight line reads the same at a few pixels.
    if (tiny) context.lineTo(x2, y2);
    else {
      const bend = Math.max(20, Math.abs(x2 - x1) / 2);
      context.bezierCurveTo(x1 + bend, y1, x2 - bend, y2, x2, y2);
    }
  }
  // Far out, one device pixel: Skia draws such strokes as hairlines, several times faster to rasterise than
  // wider ones (thousands of connections in a picture of the whole workflow).
  context.lineWidth = tiny ? 1 / (zoom * ratio) : 1.5 / zoom;
  context.strokeStyle = EDGE;
  context.stroke();

  // Rework loops, dashed, from a review's bottom back to the step it returns work to.
  context.beginPath();
  for (const s of steps) {
    if (s.type !== 'review' || !s.reworkTargetId) continue;
    const a = boxById.get(s.id);
    const b = boxById.get(s.reworkTargetId);
    if (!a || !b) continue;
    const x1 = a.x + a.width / 2;
    const y1 = a.y + a.height;
    const x2 = b.x + b.width / 2;
    const y2 = b.y + b.height;
    const drop = 40;
    context.moveTo(x1, y1);
    context.bezierCurveTo(x1, y1 + drop, x2, y2 + drop, x2, y2);
  }
  context.setLineDash([6 / zoom, 4 / zoom]);
  context.strokeStyle = REWORK;
  context.stroke();
  context.setLineDash([]);

  // Steps, batched by kind: fill and left border in the kind's colours.
  const byKind = new Map<StepKind, Box[]>();
  for (const s of steps) {
    const box = boxById.get(s.id);
    if (!box || box.x > right || box.x + box.width < left || box.y > bottom || box.y + box.height < top)
      continue;
    const kind = kindOf(s);
    const list = byKind.get(kind) ?? [];
    list.push(box);
    byKind.set(kind, list);
  }
  context.lineWidth = 1 / zoom;
  for (const [kind, list] of byKind) {
    const colours = KIND_COLOURS[kind];
    if (tiny) {
      // Rectangles one by one: Skia fills each as a rectangle, where one path of thousands of rectangles is
      // scan-converted as a whole.
      context.fillStyle = colours.stroke;
      for (const b of list) context.fillRect(b.x, b.y, b.width, b.height);
      continue;
    }
    context.fillStyle = colours.fill;
    context.strokeStyle = colours.stroke;
    context.beginPath();
    for (const b of list) context.rect(b.x, b.y, b.width, b.height);
    context.fill();
    context.stroke();
    context.fillStyle = colours.stroke;
    context.beginPath();
    for (const b of list) context.rect(b.x, b.y, 6, b.height);
    context.fill();
  }

  // Heat, problems, find-bar matches and selection on top.
  for (const s of steps) {
    const box = boxById.get(s.id);
    if (!box || box.x > right || box.x + box.width < left || box.y > bottom || box.y + box.height < top)
      continue;
    if (matches) {
      if (matches.has(s.id)) {
        context.lineWidth = 3 / zoom;
        context.strokeStyle = SELECTED;
        context.strokeRect(box.x, box.y, box.width, box.height);
      } else {
        context.fillStyle = FADE;
        context.fillRect(box.x - 1, box.y - 1, box.width + 2, box.height + 2);
      }
    }
    const h = heat.get(s.id);
    if (h) {
      context.fillStyle = `rgba(217, 72, 15, ${0.25 + 0.75 * h.share})`;
      context.fillRect(box.x, box.y + box.height - 10, box.width * Math.max(0.04, h.share), 10);
    }
    if (problemStepIds.has(s.id)) {
      context.fillStyle = PROBLEM;
      context.beginPath();
      context.arc(box.x + box.width - 10, box.y + 10, 7, 0, Math.PI * 2);
      context.fill();
    }
    if (selected.has(s.id)) {
      context.lineWidth = 3 / zoom;
      context.strokeStyle = SELECTED;
      context.strokeRect(box.x - 3 / zoom, box.y - 3 / zoom, box.width + 6 / zoom, box.height + 6 / zoom);
    }
  }

  // Names, once a step is wide enough on screen to hold some text.
  if (!withoutNames && showsNames(zoom)) {
    const fontPx = 10 / zoom;
    context.font = `600 ${fontPx}px system-ui, sans-serif`;
    context.fillStyle = '#1d2430';
    context.textBaseline = 'middle';
    for (const s of steps) {
      const box = boxById.get(s.id);
      if (!box || box.x > right || box.x + box.width < left || box.y > bottom || box.y + box.height < top)
        continue;
      const room = box.width - 16;
      const text = fitText(context, s.name, room, fontPx);
      if (text) context.fillText(text, box.x + 12, box.y + box.height / 2, room);
    }
  }
}

/** Names are drawn once a step is wide enough on screen to hold some text. */
function showsNames(zoom: number): boolean {
  return zoom * 200 >= 40;
}

/** The name cut to the room there is, with an ellipsis; measuring is costly, so it estimates first. */
function fitText(context: CanvasRenderingContext2D, name: string, room: number, fontPx: number): string {
  const width = textWidth(context, name) * (fontPx / MEASURE_PX);
  if (width <= room) return name;
  // Characters are about equally wide: keep the share that fits, less one for the ellipsis.
  const end = Math.floor((name.length * room) / width) - 1;
  return end > 1 ? `${name.slice(0, end)}…` : '';
}

/** Names measured once at a reference size (measuring text is slow; widths scale with the font size). */
const MEASURE_PX = 10;
const measuredNames = new Map<string, number>();
function textWidth(context: CanvasRenderingContext2D, name: string): number {
  let width = measuredNames.get(name);
  if (width === undefined) {
    const font = context.font;
    context.font = `600 ${MEASURE_PX}px system-ui, sans-serif`;
    width = context.measureText(name).width;
    context.font = font;
    if (measuredNames.size > 20_000) measuredNames.clear();
    measuredNames.set(name, width);
  }
  return width;
}
