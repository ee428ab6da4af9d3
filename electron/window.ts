/**
 * The main window. Its options are written out in full where the window is constructed, so that both the unit
 * tests and the static security scan (scripts/security-scan.mjs, which reads `new BrowserWindow({...})`) see
 * the real webPreferences. The constructor is passed in, so this file needs no Electron at run time.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { MIN_WINDOW_SIZE, type WindowPlacement } from './windowState';

export const WINDOW_TITLE = 'Coarchitect';
export const WINDOW_BACKGROUND = '#f8fafc';

export type WindowClass<W> = new (options: BrowserWindowConstructorOptions) => W;

export function createMainWindow<W>(
  BrowserWindow: WindowClass<W>,
  preloadPath: string,
  placement: WindowPlacement,
  extra: Pick<BrowserWindowConstructorOptions, 'icon'> = {},
): W {
  return new BrowserWindow({
    ...extra,
    ...placement.bounds,
    title: WINDOW_TITLE,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    backgroundColor: WINDOW_BACKGROUND,
    // Shown on 'ready-to-show', so the first frame the user sees is the rendered app, not a blank window.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click must not open a link in a new window (the window-open handler would deny it anyway).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
}
