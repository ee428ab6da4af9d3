/** The main window's options, kept apart from main.ts so the security flags are asserted by a test. */
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'Coarchitect';
export const WINDOW_BACKGROUND = '#f8fafc';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
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
      webviewTag: false,
      spellcheck: true,
    },
  };
}
