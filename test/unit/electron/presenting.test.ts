/**
 * The desktop side of presenting without Electron: full screen on request (and whether it changed, so Escape
 * leaves full screen before the presentation), where the presenter window goes, one presenter window at a
 * time, and the report printed to PDF through the checked handler.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  createPresenterWindows,
  createPresentingHandlers,
  presenterPlacement,
  PRINT_TO_PDF_OPTIONS,
  setFullScreen,
} from '../../../electron/presenting';

const APP = { frameUrl: 'app://coarchitect/index.html', owner: 'main' };

function fullScreenWindow() {
  let full = false;
  return { isFullScreen: () => full, setFullScreen: vi.fn((flag: boolean) => void (full = flag)) };
}

describe('setFullScreen', () => {
  it('says whether the window changed', () => {
    const w = fullScreenWindow();
    expect(setFullScreen(w, true)).toEqual({ fullScreen: true, changed: true });
    expect(setFullScreen(w, true)).toEqual({ fullScreen: true, changed: false });
    expect(setFullScreen(w, false)).toEqual({ fullScreen: false, changed: true });
    expect(setFullScreen(w, false)).toEqual({ fullScreen: false, changed: false });
    expect(w.setFullScreen).toHaveBeenCalledTimes(2);
  });
});

describe('presenterPlacement', () => {
  const laptop = {
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  };
  const projector = {
    bounds: { x: 1920, y: 0, width: 1280, height: 720 },
    workArea: { x: 1920, y: 0, width: 1280, height: 720 },
  };

  it('uses the display the main window is not on', () => {
    expect(presenterPlacement([laptop, projector], { x: 2000, y: 10, width: 1200, height: 700 })).toEqual({
      bounds: laptop.workArea,
      otherDisplay: true,
    });
    expect(presenterPlacement([laptop, projector], { x: 100, y: 100, width: 1200, height: 700 })).toEqual({
      bounds: projector.workArea,
      otherDisplay: true,
    });
  });

  it('centres a 1100 × 720 window on the only display', () => {
    expect(presenterPlacement([laptop], { x: 0, y: 0, width: 1920, height: 1040 })).toEqual({
      bounds: { x: 410, y: 160, width: 1100, height: 720 },
      otherDisplay: false,
    });
  });
});

describe('createPresenterWindows', () => {
  it('opens one window, focuses it when asked again, and forgets it once closed', () => {
    const closed: (() => void)[] = [];
    const make = () => ({
      destroyed: false,
      isDestroyed() {
        return this.destroyed;
      },
      focus: vi.fn(),
      close: vi.fn(function (this: { destroyed: boolean }) {
        this.destroyed = true;
      }),
      once: (_e: 'closed', l: () => void) => void closed.push(l),
    });
    const create = vi.fn(make);
    const windows = createPresenterWindows({
      placement: () => ({ bounds: { x: 0, y: 0, width: 10, height: 10 }, otherDisplay: true }),
      create,
    });
    expect(windows.open()).toEqual({ opened: true, otherDisplay: true });
    expect(windows.open()).toEqual({ opened: true, otherDisplay: true });
    expect(create).toHaveBeenCalledTimes(1);
    expect(windows.window!.focus).toHaveBeenCalledTimes(1);
    windows.window!.close();
    closed[0]!();
    expect(windows.window).toBeNull();
    windows.open();
    expect(create).toHaveBeenCalledTimes(2);
    windows.close();
    expect(windows.window).toBeNull();
  });
});

describe('presenting handlers', () => {
  function setup(savePath: string | null = '/tmp/out/report.pdf') {
    const window = fullScreenWindow();
    const written: [string, string, string | undefined][] = [];
    const printToPdf = vi.fn(async () => new Uint8Array([37, 80, 68, 70]));
    const presenter = { open: vi.fn(() => ({ opened: true, otherDisplay: false })), close: vi.fn() };
    const handlers = createPresentingHandlers<string>({
      mainWindowOf: (owner) => (owner === 'main' ? window : null),
      printToPdf,
      dialogs: { chooseSavePath: async () => savePath },
      files: { writeText: async (p, c, e) => void written.push([p, c, e]) },
      presenter,
    });
    return { handlers, window, written, printToPdf, presenter };
  }

  it('prints the report with the page size of its CSS, tagged and outlined, and saves the bytes', async () => {
    const { handlers, written, printToPdf } = setup();
    await expect(handlers['report:save-pdf'](APP, { suggestedName: 'flow-report.pdf' })).resolves.toEqual({
      saved: true,
      fileName: 'report.pdf',
    });
    expect(printToPdf).toHaveBeenCalledWith('main', PRINT_TO_PDF_OPTIONS);
    expect(PRINT_TO_PDF_OPTIONS).toMatchObject({ preferCSSPageSize: true, generateTaggedPDF: true });
    expect(written).toEqual([['/tmp/out/report.pdf', 'JVBERg==', 'base64']]);
  });

  it('prints nothing when the user cancels', async () => {
    const { handlers, printToPdf } = setup(null);
    await expect(handlers['report:save-pdf'](APP, { suggestedName: 'a.pdf' })).resolves.toEqual({
      saved: false,
      fileName: null,
    });
    expect(printToPdf).not.toHaveBeenCalled();
  });

  it('checks the sender and the arguments', async () => {
    const { handlers } = setup();
    await expect(
      handlers['report:save-pdf'](
        { frameUrl: 'https://evil.example/', owner: 'main' },
        { suggestedName: 'a.pdf' },
      ),
    ).rejects.toThrow('refused');
    await expect(handlers['report:save-pdf'](APP, { suggestedName: '../a.pdf' })).rejects.toThrow(
      'path separators',
    );
    await expect(handlers['report:save-pdf'](APP, { suggestedName: 'a.exe' })).rejects.toThrow('end in .pdf');
    await expect(handlers['window:set-full-screen'](APP, { fullScreen: 'yes' })).rejects.toThrow(
      'Invalid arguments',
    );
    await expect(
      handlers['window:set-full-screen']({ ...APP, owner: 'presenter' }, { fullScreen: true }),
    ).rejects.toThrow('only the main window');
  });

  it('sets full screen and opens and closes the presenter window for the main window', async () => {
    const { handlers, window, presenter } = setup();
    await expect(handlers['window:set-full-screen'](APP, { fullScreen: true })).resolves.toEqual({
      fullScreen: true,
      changed: true,
    });
    expect(window.isFullScreen()).toBe(true);
    await expect(handlers['presenter:open'](APP, {})).resolves.toEqual({ opened: true, otherDisplay: false });
    await handlers['presenter:close'](APP, {});
    expect(presenter.open).toHaveBeenCalledTimes(1);
    expect(presenter.close).toHaveBeenCalledTimes(1);
  });
});
