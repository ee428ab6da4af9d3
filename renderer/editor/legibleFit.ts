/**
 * Fit View that is readable first, complete second (issue #15). React Flow's fit shrinks the whole diagram
 * into the canvas, which for a workflow wider than three or four steps sets step names at a few pixels.
 * Here the zoom never drops below the one at which names are legible; when the whole diagram does not fit
 * at that zoom, the view shows its beginning (the left or top edge, where a flow starts) or the selection,
 * and the rest is a pan or the minimap away. "Fit whole diagram" keeps the complete picture on request.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface FitViewport {
  x: number;
  y: number;
  zoom: number;
}

/** Along one axis: centre the diagram if it fits, otherwise its start edge (or the focus) at the padding. */
function offsetOn(start: number, length: number, screen: number, zoom: number, pad: number, focus?: number) {
  const drawn = length * zoom;
  if (drawn + 2 * pad <= screen) return (screen - drawn) / 2 - start * zoom;
  if (focus !== undefined) return screen / 2 - focus * zoom;
  return pad - start * zoom;
}

/**
 * The viewport for Fit View: `fitted` is the complete fit (React Flow's getViewportForBounds); when its zoom
 * is below `legibleZoom` the legible zoom is used and the diagram is placed as described above. `focus`,
 * the selection's box, is kept in the middle of the screen when the diagram overflows.
 */
export function legibleViewport(
  bounds: Box,
  screen: { width: number; height: number },
  fitted: FitViewport,
  legibleZoom: number,
  paddingPx: number,
  focus?: Box,
): FitViewport {
  if (!(fitted.zoom < legibleZoom)) return fitted;
  const zoom = legibleZoom;
  return {
    zoom,
    x: offsetOn(bounds.x, bounds.width, screen.width, zoom, paddingPx, focus && focus.x + focus.width / 2),
    y: offsetOn(bounds.y, bounds.height, screen.height, zoom, paddingPx, focus && focus.y + focus.height / 2),
  };
}
