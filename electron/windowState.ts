/**
 * The main window's size, position and maximised state, kept across runs in userData. Pure functions: what to
 * store from a window, and where to put a window given what was stored and the displays there are now. A
 * position that is no longer on any display (a monitor was unplugged, the resolution changed) is moved onto
 * one, so the window can never open out of sight.
 */
import { z } from 'zod';
import { readValidated, type JsonStore } from './jsonFile';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 } as const;
export const MIN_WINDOW_SIZE = { width: 1024, height: 680 } as const;

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);

export const WindowStateSchema = z.strictObject({
  version: z.literal(1),
  x: coordinate,
  y: coordinate,
  width: length,
  height: length,
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where and how to open the window; no x/y means "let the system centre it". */
export interface WindowPlacement {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export async function loadWindowState(store: JsonStore): Promise<WindowState | null> {
  return readValidated(store, WindowStateSchema.nullable(), null);
}

/** The window's restored (not maximised, not full-screen) bounds and whether it is maximised. */
export function captureWindowState(window: { getNormalBounds(): Rect; isMaximized(): boolean }): WindowState {
  const bounds = window.getNormalBounds();
  return {
    version: 1,
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.max(1, Math.round(bounds.width)),
    height: Math.max(1, Math.round(bounds.height)),
    maximized: window.isMaximized(),
  };
}

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function fitSize(width: number, height: number, area: Rect) {
  return { width: Math.min(width, area.width), height: Math.min(height, area.height) };
}

/**
 * Places the window from the stored state on the displays' work areas (the screen minus task bars and docks).
 * Without a stored state, or when the stored position overlaps no display, the window gets its stored (or
 * default) size on the primary display and is centred by the system. Otherwise it goes to the display it
 * overlaps most, shrunk to fit that display and moved until it lies wholly inside it.
 */
export function placeWindow(
  stored: WindowState | null,
  workAreas: readonly Rect[],
  primaryWorkArea: Rect,
): WindowPlacement {
  const width = stored?.width ?? DEFAULT_WINDOW_SIZE.width;
  const height = stored?.height ?? DEFAULT_WINDOW_SIZE.height;
  const maximized = stored?.maximized ?? false;
  if (!stored) return { bounds: fitSize(width, height, primaryWorkArea), maximized };

  const wanted: Rect = { x: stored.x, y: stored.y, width, height };
  let best: Rect | null = null;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const shared = overlap(wanted, area);
    if (shared > bestOverlap) {
      best = area;
      bestOverlap = shared;
    }
  }
  if (!best) return { bounds: fitSize(width, height, primaryWorkArea), maximized };

  const size = fitSize(width, height, best);
  const x = Math.min(Math.max(stored.x, best.x), best.x + best.width - size.width);
  const y = Math.min(Math.max(stored.y, best.y), best.y + best.height - size.height);
  return { bounds: { x, y, ...size }, maximized };
}
