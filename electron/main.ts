/**
 * Electron's main process. Thin on purpose: every decision lives in a plain module next to it (appProtocol,
 * security, fileHandlers, documents, recentFiles, windowState, launchFiles, menu, rendererBridge, closeGuard,
 * presenting) that is tested without Electron; this file only wires them to Electron's API.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
} from 'electron';
import type { MenuCommand, MenuState } from '../shared/ipc';
import { createAppHandlers } from './appHandlers';
import { createBackupHandlers } from './backupHandlers';
import { BACKUPS_FOLDER } from './backups';
import { APP_ENTRY_URL, APP_SCHEME, createAppProtocolHandler } from './appProtocol';
import { createCloseGuard, FLUSH_TIMEOUT_MS } from './closeGuard';
import { createDocumentOpener } from './documents';
import { electronDialogs } from './electronDialogs';
import { createFileHandlers } from './fileHandlers';
import { registerIpcHandlers } from './ipc';
import { jsonFileStore } from './jsonFile';
import { filesFromArgv, filesFromSecondInstance, type LaunchData } from './launchFiles';
import { buildMenuTemplate, INITIAL_MENU_STATE } from './menu';
import { nodeTextFiles } from './nodeTextFiles';
import { createPresenterWindows, createPresentingHandlers, presenterPlacement } from './presenting';
import { RECENT_FILES_FILE, RecentFiles } from './recentFiles';
import { RendererBridge } from './rendererBridge';
import { hardenWebContents, isPermissionGranted, REMOTE_URL_PATTERNS } from './security';
import { userDataOverride, withE2eSavePath } from './testHooks';
import { createMainWindow } from './window';
import { captureWindowState, loadWindowState, placeWindow, WINDOW_STATE_FILE } from './windowState';

// The bundle lives in dist/electron/, next to preload.cjs and beside dist/renderer/ (also inside app.asar).
const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

// Before anything reads userData (and before the single-instance lock, which is per userData folder).
const userData = userDataOverride(process.env, app.isPackaged);
if (userData) app.setPath('userData', userData);

// A second launch hands its files to the running instance and quits at once.
const launchFiles = filesFromArgv(process.argv, process.cwd());
const isFirstInstance = app.requestSingleInstanceLock({ files: launchFiles } satisfies LaunchData);
if (!isFirstInstance) app.quit();

// Must happen before 'ready'. standard + secure give app://coarchitect a real, secure origin (IndexedDB,
// localStorage, CSP 'self'); supportFetchAPI lets the renderer fetch its own assets.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);
app.enableSandbox();

app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents, (url) => {
    shell.openExternal(url).catch((error: unknown) => console.error(`Could not open ${url}:`, error));
  });
});

interface MainWindow {
  window: BrowserWindow;
  bridge: RendererBridge;
  menuState: MenuState;
}

let main: MainWindow | null = null;
let quitting = false;
/** Files handed over before the app was ready (macOS sends 'open-file' that early). */
const pendingFiles: string[] = [...launchFiles];
let ready = false;

/** The presenter view: the app at #presenter in a second window, kept in step over BroadcastChannel. */
const presenter = createPresenterWindows({
  placement: () =>
    presenterPlacement(
      screen.getAllDisplays(),
      main?.window.getBounds() ?? screen.getPrimaryDisplay().workArea,
    ),
  create: (bounds) => {
    const window = createMainWindow(BrowserWindow, preloadPath, { bounds, maximized: false });
    window.once('ready-to-show', () => window.show());
    window.loadURL(`${APP_ENTRY_URL}#presenter`).catch((error: unknown) => console.error(error));
    return window;
  },
});

const recent = new RecentFiles(jsonFileStore(path.join(app.getPath('userData'), RECENT_FILES_FILE)));
const windowStateStore = jsonFileStore(path.join(app.getPath('userData'), WINDOW_STATE_FILE));

function rebuildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(
        {
          platform: process.platform,
          appName: app.getName(),
          isPackaged: app.isPackaged,
          state: main?.menuState ?? INITIAL_MENU_STATE,
          recent: recent.entries(),
        },
        {
          command: (command) => void sendCommand(command),
          close: () => {
            if (!main) return;
            if (main.menuState.workflowOpen) main.bridge.send('menu:command', { command: 'close-workflow' });
            else main.window.close();
          },
          // The renderer starts presenting and asks for full screen itself (window:set-full-screen).
          present: () => void sendCommand('present'),
          openRecent: (index) => void documents.openRecent(index).then((opened) => deliver(opened)),
          clearRecent: () =>
            void recent.clear().then(onRecentChanged, (error: unknown) => console.error(error)),
        },
      ),
    ),
  );
}

function onRecentChanged(): void {
  rebuildMenu();
  main?.bridge.send('recent:changed', {});
}

const documents = createDocumentOpener({
  files: nodeTextFiles,
  recent,
  onRecentChanged,
  addRecentDocument: (filePath) => app.addRecentDocument(filePath),
  onError: (error) => console.error('Could not update the recent files:', error),
});

async function openWindow(): Promise<MainWindow> {
  if (main) return main;
  const stored = await loadWindowState(windowStateStore);
  if (main) return main;
  const placement = placeWindow(
    stored,
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = createMainWindow(BrowserWindow, preloadPath, placement);
  const bridge = new RendererBridge(window.webContents);
  const opened: MainWindow = {
    window,
    bridge,
    menuState: INITIAL_MENU_STATE,
  };
  main = opened;

  window.webContents.on('did-start-loading', () => bridge.markLoading());
  // A crashed renderer has nothing left to flush: closing must not wait 5 s for it.
  window.webContents.on('render-process-gone', () => bridge.markLoading());
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  const guard = createCloseGuard({
    beforeClose: () =>
      Promise.all([
        windowStateStore.write(captureWindowState(window)),
        bridge.requestFlush(FLUSH_TIMEOUT_MS).then((outcome) => {
          if (outcome === 'timed-out') console.warn('The renderer did not confirm its writes within 5 s.');
        }),
      ]),
    proceed: () => (quitting ? app.quit() : window.close()),
    onError: (error) => console.error('Before closing:', error),
  });
  window.on('close', (event) => guard.onClose(event));
  window.on('closed', () => {
    presenter.close();
    if (main === opened) main = null;
    rebuildMenu();
  });

  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Could not load the app:', error));
  rebuildMenu();
  return opened;
}

function focus(window: BrowserWindow): void {
  // A window still loading is shown by 'ready-to-show'; showing it earlier would flash an empty frame.
  if (!window.isVisible()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

async function sendCommand(command: MenuCommand): Promise<void> {
  const target = await openWindow();
  target.bridge.send('menu:command', { command });
}

async function deliver(opened: Awaited<ReturnType<typeof documents.open>>): Promise<void> {
  const target = await openWindow();
  target.bridge.send('file:opened', opened);
  focus(target.window);
}

function openFiles(files: readonly string[]): void {
  if (!ready) {
    pendingFiles.push(...files);
    return;
  }
  for (const file of files) void documents.open(file).then(deliver);
}

app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
  const files = filesFromSecondInstance(argv, workingDirectory, additionalData);
  if (files.length > 0) openFiles(files);
  else if (main) focus(main.window);
  else if (ready) void openWindow();
});

// macOS: a double click, "Open with" or a drop on the Dock icon. Also fires before 'ready' for the launch file.
app.on('open-file', (event, filePath) => {
  event.preventDefault();
  openFiles([filePath]);
});

app.on('before-quit', () => {
  quitting = true;
});

function describeSender(event: IpcMainInvokeEvent) {
  return {
    frameUrl: event.senderFrame?.url ?? null,
    owner: BrowserWindow.fromWebContents(event.sender),
  };
}

async function start(): Promise<void> {
  await app.whenReady();

  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, readFile));

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  );
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  ses.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (_details, callback) =>
    callback({ cancel: true }),
  );

  await recent.load();

  const isMainWindow = (owner: BrowserWindow | null) => owner !== null && owner === main?.window;
  registerIpcHandlers(
    ipcMain,
    {
      ...createFileHandlers({
        dialogs: withE2eSavePath(electronDialogs, process.env, app.isPackaged),
        files: nodeTextFiles,
        onOpened: (filePath) => void documents.remember(filePath),
      }),
      ...createBackupHandlers<BrowserWindow | null>({
        dir: path.join(app.getPath('userData'), BACKUPS_FOLDER),
      }),
      ...createAppHandlers<BrowserWindow | null>({
        recent,
        documents,
        onRecentChanged,
        bridgeFor: (owner) => (isMainWindow(owner) ? main!.bridge : null),
        setMenuState: (owner, state) => {
          if (!isMainWindow(owner)) return;
          main!.menuState = state;
          rebuildMenu();
        },
      }),
      ...createPresentingHandlers<BrowserWindow | null>({
        mainWindowOf: (owner) => (isMainWindow(owner) ? owner : null),
        printToPdf: (owner, options) => owner!.webContents.printToPDF(options),
        dialogs: withE2eSavePath(electronDialogs, process.env, app.isPackaged),
        files: nodeTextFiles,
        presenter,
      }),
    },
    describeSender,
  );

  await openWindow();
  ready = true;
  openFiles(pendingFiles.splice(0));

  app.on('activate', () => {
    if (!main) void openWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

if (isFirstInstance) {
  start().catch((error: unknown) => {
    console.error('Coarchitect failed to start:', error);
    app.exit(1);
  });
}
