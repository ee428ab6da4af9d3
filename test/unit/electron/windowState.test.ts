import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../electron/jsonFile';
import {
  captureWindowState,
  DEFAULT_WINDOW_SIZE,
  loadWindowState,
  placeWindow,
  type Rect,
  type WindowState,
} from '../../../electron/windowState';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1050 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const state = (overrides: Partial<WindowState> = {}): WindowState => ({
  version: 1,
  x: 100,
  y: 80,
  width: 1400,
  height: 880,
  maximized: false,
  ...overrides,
});

describe('placeWindow', () => {
  it('centres a first window at the default size on the primary display', () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({ bounds: DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('restores size, position and the maximised state where they are visible', () => {
    expect(placeWindow(state({ maximized: true }), [laptop, rightMonitor], laptop)).toEqual({
      bounds: { x: 100, y: 80, width: 1400, height: 880 },
      maximized: true,
    });
    expect(placeWindow(state({ x: 2200, y: 200 }), [laptop, rightMonitor], laptop).bounds).toEqual({
      x: 2200,
      y: 200,
      width: 1400,
      height: 880,
    });
  });

  it('brings back a window from a display that is gone, centred on the primary one', () => {
    const placement = placeWindow(state({ x: 2200, y: 200 }), [laptop], laptop);
    expect(placement.bounds).toEqual({ width: 1400, height: 880 });
  });

  it('moves a window hanging off the edge wholly onto the display it overlaps most', () => {
    expect(placeWindow(state({ x: 1500, y: -300 }), [laptop], laptop).bounds).toEqual({
      x: 1920 - 1400,
      y: 0,
      width: 1400,
      height: 880,
    });
    expect(placeWindow(state({ x: -1300, y: 900 }), [laptop], laptop).bounds).toEqual({
      x: 0,
      y: 1050 - 880,
      width: 1400,
      height: 880,
    });
  });

  it('shrinks a window larger than its display', () => {
    const small: Rect = { x: 0, y: 25, width: 1280, height: 775 };
    expect(placeWindow(state({ x: 0, y: 25 }), [small], small).bounds).toEqual({
      x: 0,
      y: 25,
      width: 1280,
      height: 775,
    });
    expect(placeWindow(null, [small], small).bounds).toEqual({ width: 1280, height: 775 });
  });
});

describe('window state file', () => {
  it('captures the normal bounds, rounded, and the maximised state', () => {
    expect(
      captureWindowState({
        getNormalBounds: () => ({ x: 10.4, y: 20.6, width: 1300.2, height: 800 }),
        isMaximized: () => true,
      }),
    ).toEqual({ version: 1, x: 10, y: 21, width: 1300, height: 800, maximized: true });
  });

  it('reads what it wrote and treats a missing or corrupt file as no state', async () => {
    expect(await loadWindowState(memoryStore(state()))).toEqual(state());
    expect(await loadWindowState(memoryStore(undefined))).toBeNull();
    expect(await loadWindowState(memoryStore({ ...state(), width: -5 }))).toBeNull();
    expect(await loadWindowState(memoryStore({ ...state(), x: 'left' }))).toBeNull();
    expect(await loadWindowState(memoryStore({ ...state(), version: 7 }))).toBeNull();
  });
});
