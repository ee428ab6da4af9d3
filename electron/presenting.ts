/**
 * The desktop side of presenting, in plain functions tested without Electron: full screen on the renderer's
 * request (Escape leaves full screen first, then the presentation, so main never ends a presentation by
 * itself), the presenter window on another display when there is one, and the report printed to PDF with
 * webContents.printToPDF. main.ts plugs in BrowserWindow, screen and the dialogs.
 */
import type { PresenterWindowResult } from '../shared/ipc';
import type { FileDialogs, TextFiles } from './fileHandlers';
import { describeFsError } from './fileHandlers';
import { guarded, type ChannelHandler } from './ipc';

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FullScreenWindow {
  isFullScreen(): boolean;
  setFullScreen(flag: boolean): void;
}

/** Enters or leaves full screen; `changed` says whether it was not so already (Escape then stays presenting). */
export function setFullScreen(window: FullScreenWindow, fullScreen: boolean) {
  const before = window.isFullScreen();
  if (before !== fullScreen) window.setFullScreen(fullScreen);
  return { fullScreen, changed: before !== fullScreen };
}

const centre = (a: Area) => ({ x: a.x + a.width / 2, y: a.y + a.height / 2 });
const contains = (a: Area, p: { x: number; y: number }) =>
  p.x >= a.x && p.x < a.x + a.width && p.y >= a.y && p.y < a.y + a.height;

/** The size of the presenter window when it shares the main window's display. */
export const PRESENTER_SIZE = { width: 1100, height: 720 };

/**
 * Where the presenter window goes: the whole work area of the first display that does not hold the main
 * window's centre (the presenter's laptop while the projector shows the slides); with one display, a window
 * of PRESENTER_SIZE centred on it.
 */
export function presenterPlacement(
  displays: readonly { bounds: Area; workArea: Area }[],
  mainBounds: Area,
): { bounds: Area; otherDisplay: boolean } {
  const c = centre(mainBounds);
  const mainDisplay = displays.find((d) => contains(d.bounds, c)) ?? displays[0];
  const other = displays.find((d) => d !== mainDisplay);
  if (other) return { bounds: { ...other.workArea }, otherDisplay: true };
  const area = mainDisplay?.workArea ?? { x: 0, y: 0, ...PRESENTER_SIZE };
  const width = Math.min(PRESENTER_SIZE.width, area.width);
  const height = Math.min(PRESENTER_SIZE.height, area.height);
  return {
    bounds: {
      x: Math.round(area.x + (area.width - width) / 2),
      y: Math.round(area.y + (area.height - height) / 2),
      width,
      height,
    },
    otherDisplay: false,
  };
}

export interface PresenterWindowLike {
  isDestroyed(): boolean;
  focus(): void;
  close(): void;
  once(event: 'closed', listener: () => void): unknown;
}

/** One presenter window at most: opening again focuses it; it closes with the presentation or the main window. */
export function createPresenterWindows<W extends PresenterWindowLike>(deps: {
  placement(): { bounds: Area; otherDisplay: boolean };
  create(bounds: Area): W;
}) {
  let current: { window: W; otherDisplay: boolean } | null = null;
  return {
    get window(): W | null {
      return current && !current.window.isDestroyed() ? current.window : null;
    },
    open(): PresenterWindowResult {
      if (current && !current.window.isDestroyed()) {
        current.window.focus();
        return { opened: true, otherDisplay: current.otherDisplay };
      }
      const { bounds, otherDisplay } = deps.placement();
      const window = deps.create(bounds);
      const opened = { window, otherDisplay };
      current = opened;
      window.once('closed', () => {
        if (current === opened) current = null;
      });
      return { opened: true, otherDisplay };
    },
    close(): void {
      if (current && !current.window.isDestroyed()) current.window.close();
      current = null;
    },
  };
}

/** printToPDF's options: the page's own @page size and margins, backgrounds, tagged, with an outline. */
export const PRINT_TO_PDF_OPTIONS = {
  landscape: true,
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
} as const;

export interface PresentingHandlers<Owner> {
  'report:save-pdf': ChannelHandler<'report:save-pdf', Owner>;
  'window:set-full-screen': ChannelHandler<'window:set-full-screen', Owner>;
  'presenter:open': ChannelHandler<'presenter:open', Owner>;
  'presenter:close': ChannelHandler<'presenter:close', Owner>;
}

export function createPresentingHandlers<Owner>(deps: {
  /** The sender's window when it is the main window, else null (the presenter window may not do these). */
  mainWindowOf(owner: Owner): FullScreenWindow | null;
  printToPdf(owner: Owner, options: typeof PRINT_TO_PDF_OPTIONS): Promise<Uint8Array>;
  dialogs: Pick<FileDialogs<Owner>, 'chooseSavePath'>;
  files: Pick<TextFiles, 'writeText'>;
  presenter: { open(): PresenterWindowResult; close(): void };
}): PresentingHandlers<Owner> {
  const mainOf = (channel: string, owner: Owner) => {
    const window = deps.mainWindowOf(owner);
    if (!window) throw new Error(`${channel} refused: only the main window may ask for this.`);
    return window;
  };
  return {
    'report:save-pdf': guarded('report:save-pdf', async (sender, { suggestedName }) => {
      mainOf('report:save-pdf', sender.owner);
      const filePath = await deps.dialogs.chooseSavePath(sender.owner, {
        suggestedName,
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      });
      if (filePath === null) return { saved: false, fileName: null };
      const bytes = await deps.printToPdf(sender.owner, PRINT_TO_PDF_OPTIONS);
      const fileName = filePath.split(/[/\\]/).pop() ?? filePath;
      try {
        await deps.files.writeText(filePath, Buffer.from(bytes).toString('base64'), 'base64');
      } catch (error) {
        throw new Error(`Could not save "${fileName}": ${describeFsError(error)}.`, { cause: error });
      }
      return { saved: true, fileName };
    }),
    'window:set-full-screen': guarded('window:set-full-screen', async (sender, { fullScreen }) => {
      const result = setFullScreen(mainOf('window:set-full-screen', sender.owner), fullScreen);
      return { fullScreen: result.fullScreen, changed: result.changed };
    }),
    'presenter:open': guarded('presenter:open', async (sender) => {
      mainOf('presenter:open', sender.owner);
      return deps.presenter.open();
    }),
    'presenter:close': guarded('presenter:close', async () => {
      deps.presenter.close();
      return null;
    }),
  };
}
