/**
 * Electron's main process. Thin on purpose: every decision lives in a plain module next to it (appProtocol,
 * security, fileHandlers, window, menu) that is tested without Electron; this file only wires them up.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { app, BrowserWindow, ipcMain, Menu, protocol, session, shell } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, createAppProtocolHandler } from './appProtocol';
import { electronDialogs } from './electronDialogs';
import { createFileHandlers } from './fileHandlers';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { nodeTextFiles } from './nodeTextFiles';
import { hardenWebContents, isPermissionGranted, REMOTE_URL_PATTERNS } from './security';
import { mainWindowOptions } from './window';

// The bundle lives in dist/electron/, next to preload.cjs and beside dist/renderer/ (also inside app.asar).
const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

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

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Could not load the app:', error));
  return window;
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

  registerIpcHandlers(
    ipcMain,
    createFileHandlers({ dialogs: electronDialogs, files: nodeTextFiles }),
    (event) => ({
      frameUrl: event.senderFrame?.url ?? null,
      owner: BrowserWindow.fromWebContents(event.sender),
    }),
  );

  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform)));

  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

start().catch((error: unknown) => {
  console.error('Coarchitect failed to start:', error);
  app.exit(1);
});
