/**
 * The app:// protocol that serves the built renderer (dist/renderer) to the window. A custom privileged scheme
 * instead of file:// gives the renderer a real origin (app://coarchitect), so IndexedDB, fetch and the CSP's
 * 'self' work as in the browser, and no page can read arbitrary local files.
 *
 * Plain Node: no Electron import, so request resolution is tested directly.
 */
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'coarchitect';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for URLs of the app's own origin, the only pages that may use IPC or be navigated to. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url || !url.startsWith(`${APP_ORIGIN}/`)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST;
  } catch {
    return false;
  }
}

export type ResolvedRequest =
  { ok: true; filePath: string } | { ok: false; status: 400 | 404; reason: string };

/**
 * Maps a request URL to a file inside `rootDir`, refusing anything that could leave it: other schemes or
 * hosts, `..` and `.` segments (also percent-encoded), encoded slashes or backslashes, drive letters and NUL.
 * `/` means index.html. Whether the file exists is the caller's business.
 */
export function resolveAppRequest(requestUrl: string, rootDir: string): ResolvedRequest {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) {
    return { ok: false, status: 404, reason: 'not an app:// URL of this app' };
  }

  const segments: string[] = [];
  for (const raw of url.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-encoding' };
    }
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) {
      return { ok: false, status: 404, reason: 'path leaves the renderer folder' };
    }
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  // Belt and braces: whatever the segment checks missed, the resolved file must still be inside root.
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { ok: false, status: 404, reason: 'path leaves the renderer folder' };
  }
  return { ok: true, filePath };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers sent with every app:// response. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/** Reads a file; rejects with `code: 'ENOENT'` (or any error) when it cannot. */
export type ReadFile = (filePath: string) => Promise<Uint8Array>;

/** The handler given to `protocol.handle('app', …)`, built on the web Request/Response classes. */
export function createAppProtocolHandler(rootDir: string, readFile: ReadFile) {
  return async (request: Request): Promise<Response> => {
    const headers = securityHeaders();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers });
    }
    const resolved = resolveAppRequest(request.url, rootDir);
    if (!resolved.ok) {
      return new Response(resolved.reason, { status: resolved.status, headers });
    }
    try {
      const body = await readFile(resolved.filePath);
      return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
        status: 200,
        headers: { ...headers, 'Content-Type': contentTypeFor(resolved.filePath) },
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      const notFound = code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
      return new Response(notFound ? 'Not found' : 'Could not read file', {
        status: notFound ? 404 : 500,
        headers,
      });
    }
  };
}
