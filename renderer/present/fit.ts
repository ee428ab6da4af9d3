/**
 * Which part of a diagram a slide shows. The whole diagram when its smallest text stays legible at the size
 * it gets; otherwise a window at the smallest legible scale around a focus (the constraint's steps, or the
 * stop of Walk the flow), so text is never drawn below `minTextPx` on screen.
 */
import type { Rect } from '../../shared/layout/geometry';

export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Fit {
  viewBox: ViewBox;
  /** On-screen pixels per diagram unit. */
  scale: number;
  /** Only part of the diagram is shown. */
  cropped: boolean;
}

export interface FitInput {
  diagram: { width: number; height: number; minFontSize: number };
  /** The slide area the diagram is drawn in, CSS pixels. */
  area: { width: number; height: number };
  minTextPx: number;
  /** What to keep in view when the whole does not fit legibly. */
  focus: Rect | null;
}

/** A window of `width` × `height` diagram units centred on `centre`, kept inside the diagram where it fits. */
function windowAround(
  centre: { x: number; y: number },
  width: number,
  height: number,
  diagram: { width: number; height: number },
): ViewBox {
  const place = (c: number, size: number, total: number) =>
    size >= total ? (total - size) / 2 : Math.max(0, Math.min(total - size, c - size / 2));
  return {
    x: place(centre.x, width, diagram.width),
    y: place(centre.y, height, diagram.height),
    width,
    height,
  };
}

const centreOf = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

export function fitDiagram({ diagram, area, minTextPx, focus }: FitInput): Fit {
  const whole = Math.min(area.width / diagram.width, area.height / diagram.height);
  const legible = minTextPx / diagram.minFontSize;
  if (whole >= legible || area.width <= 0 || area.height <= 0) {
    return {
      viewBox: { x: 0, y: 0, width: diagram.width, height: diagram.height },
      scale: Number.isFinite(whole) && whole > 0 ? whole : 1,
      cropped: false,
    };
  }
  const centre = focus ? centreOf(focus) : { x: diagram.width / 2, y: diagram.height / 2 };
  return {
    viewBox: windowAround(centre, area.width / legible, area.height / legible, diagram),
    scale: legible,
    cropped: true,
  };
}

/**
 * The view of one stop of Walk the flow: the step about a quarter of the area wide, its neighbours in view
 * (never below the legible scale, never more than 1.6× its size), centred.
 */
export function zoomTo(
  box: Rect,
  diagram: { width: number; height: number; minFontSize: number },
  area: { width: number; height: number },
  minTextPx: number,
): Fit {
  const legible = minTextPx / diagram.minFontSize;
  const scale = Math.max(
    legible,
    Math.min(1.6, (area.width * 0.25) / box.width, (area.height * 0.4) / box.height),
  );
  return {
    viewBox: windowAround(centreOf(box), area.width / scale, area.height / scale, diagram),
    scale,
    cropped: true,
  };
}

/** The union of boxes (the constraint's steps), or null when there are none. */
export function unionOf(boxes: readonly Rect[]): Rect | null {
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

export const viewBoxText = (v: ViewBox) =>
  [v.x, v.y, v.width, v.height].map((n) => String(Math.round(n * 10) / 10)).join(' ');

/**
 * Print tiles of a diagram for a page `pageWidth` CSS pixels wide: the whole diagram in one when its smallest
 * text stays at or above `minTextPx` at page width, else columns of equal width at the legible scale that
 * overlap by `overlap` of a tile, so the diagram is never cut and never shrunk below legible text.
 */
export function printTiles(
  diagram: { width: number; height: number; minFontSize: number },
  pageWidth: number,
  minTextPx: number,
  overlap = 0.08,
): ViewBox[] {
  const scale = pageWidth / diagram.width;
  if (scale * diagram.minFontSize >= minTextPx || pageWidth <= 0) {
    return [{ x: 0, y: 0, width: diagram.width, height: diagram.height }];
  }
  const tileWidth = (pageWidth * diagram.minFontSize) / minTextPx;
  const step = tileWidth * (1 - overlap);
  const count = Math.ceil((diagram.width - tileWidth) / step) + 1;
  return Array.from({ length: count }, (_, i) => ({
    x: Math.min(i * step, diagram.width - tileWidth),
    y: 0,
    width: tileWidth,
    height: diagram.height,
  }));
}
