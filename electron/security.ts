/**
 * What the window may navigate to, open, or ask for. Pure decisions plus one function that wires them to a
 * webContents; main.ts applies it to every webContents Electron creates.
 */
import { isAppUrl } from './appProtocol';

/**
 * The sites a link in the app may open in the system browser: the publishers of the skills ontology credited
 * in About and the Skills panel (a unit test keeps this in step with shared/ontology ONTOLOGY_SOURCES).
 * Anything else is dropped, so even a link injected into a workflow's text cannot send the user elsewhere.
 */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set([
  'www.onetcenter.org',
  'publications.jrc.ec.europa.eu',
]);

/**
 * The URL to hand to the system browser, or null. Only https (a link can never launch a local program), only
 * to the allow-listed hosts, and without credentials in the URL.
 */
export function externalUrlToOpen(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return null;
    return EXTERNAL_LINK_HOSTS.has(parsed.hostname.toLowerCase()) ? parsed.href : null;
  } catch {
    return null;
  }
}

export type NavigationDecision = 'allow' | 'open-externally' | 'block';

/** Navigation stays inside the app; an allow-listed https link goes to the system browser; the rest is dropped. */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  return externalUrlToOpen(url) ? 'open-externally' : 'block';
}

/**
 * Permissions the renderer may get: only writing to the clipboard ('Copy image' of a diagram uses
 * navigator.clipboard.write). The app needs no camera, location, notifications or clipboard read.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set<string>(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}

/** Requests to the network that the session cancels: the app loads nothing remote. */
export const REMOTE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of Electron's WebContents that hardenWebContents touches. */
export interface HardenableWebContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent & { url: string }) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export function hardenWebContents(
  contents: HardenableWebContents,
  openExternal: (url: string) => void,
): void {
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-externally') openExternal(externalUrlToOpen(event.url)!);
  });
  // A redirect of an allowed navigation must not leave the app either (app:// never redirects; belt and braces).
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) openExternal(external);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
