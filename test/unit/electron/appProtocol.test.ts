import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  contentTypeFor,
  createAppProtocolHandler,
  isAppUrl,
  resolveAppRequest,
} from '../../../electron/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';

const root = path.resolve('/srv/coarchitect/dist/renderer');

function resolved(url: string): string | null {
  const result = resolveAppRequest(url, root);
  return result.ok ? result.filePath : null;
}

describe('resolveAppRequest', () => {
  it('maps the root and plain paths to files inside the renderer folder', () => {
    expect(resolved('app://coarchitect/')).toBe(path.join(root, 'index.html'));
    expect(resolved('app://coarchitect')).toBe(path.join(root, 'index.html'));
    expect(resolved(APP_ENTRY_URL)).toBe(path.join(root, 'index.html'));
    expect(resolved('app://coarchitect/assets/index-abc123.js')).toBe(
      path.join(root, 'assets', 'index-abc123.js'),
    );
    expect(resolved('app://coarchitect/assets/app.css?v=2#top')).toBe(path.join(root, 'assets', 'app.css'));
    expect(resolved('app://COARCHITECT/index.html')).toBe(path.join(root, 'index.html'));
  });

  it('decodes percent-encoded names', () => {
    expect(resolved('app://coarchitect/fonts/Inter%20Variable.woff2')).toBe(
      path.join(root, 'fonts', 'Inter Variable.woff2'),
    );
  });

  const traversalAttempts = [
    'app://coarchitect/../../etc/passwd',
    'app://coarchitect/assets/../../../etc/passwd',
    'app://coarchitect/%2e%2e/%2e%2e/etc/passwd',
    'app://coarchitect/%2E%2E/secret',
    'app://coarchitect/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://coarchitect/assets/..%2F..%2Fsecret',
    'app://coarchitect/assets/..%5c..%5csecret',
    'app://coarchitect/assets\\..\\..\\secret',
    'app://coarchitect/%2fetc%2fpasswd',
    'app://coarchitect/C:%5CWindows%5Cwin.ini',
    'app://coarchitect/C:/Windows/win.ini',
    'app://coarchitect/index.html%00.png',
    'app://coarchitect/%2e',
  ];

  it.each(traversalAttempts)('never leaves the renderer folder for %s', (url) => {
    const result = resolveAppRequest(url, root);
    if (result.ok) expect(result.filePath.startsWith(root + path.sep)).toBe(true);
  });

  it.each([
    // What the URL parser leaves alone: encoded separators, backslashes, drive letters, NUL.
    'app://coarchitect/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://coarchitect/assets/..%2F..%2Fsecret',
    'app://coarchitect/assets/..%5c..%5csecret',
    'app://coarchitect/assets\\..\\..\\secret',
    'app://coarchitect/%2fetc%2fpasswd',
    'app://coarchitect/C:%5CWindows%5Cwin.ini',
    'app://coarchitect/C:/Windows/win.ini',
    'app://coarchitect/index.html%00.png',
  ])('refuses %s outright', (url) => {
    expect(resolveAppRequest(url, root)).toMatchObject({ ok: false, status: 404 });
  });

  it('resolves dot segments the URL parser collapses to paths under the root, never above it', () => {
    expect(resolved('app://coarchitect/../../etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolved('app://coarchitect/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });

  it('keeps a request whose dot segments stay inside the folder inside it', () => {
    // The URL parser collapses these before we see them; the result must still be under root.
    const filePath = resolved('app://coarchitect/assets/../index.html');
    expect(filePath).toBe(path.join(root, 'index.html'));
  });

  it('refuses other hosts, other schemes and malformed URLs', () => {
    expect(resolveAppRequest('app://coarchitect.evil.com/index.html', root)).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(resolveAppRequest('app://other/index.html', root)).toMatchObject({ ok: false });
    expect(resolveAppRequest('file:///etc/passwd', root)).toMatchObject({ ok: false });
    expect(resolveAppRequest('https://coarchitect/index.html', root)).toMatchObject({ ok: false });
    expect(resolveAppRequest('not a url', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppRequest('app://coarchitect/%E0%A4%A', root)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('isAppUrl', () => {
  it('accepts only pages of app://coarchitect', () => {
    expect(isAppUrl('app://coarchitect/index.html')).toBe(true);
    expect(isAppUrl('app://coarchitect/')).toBe(true);
    expect(isAppUrl('app://coarchitect.evil/index.html')).toBe(false);
    expect(isAppUrl('app://coarchitect@evil/index.html')).toBe(false);
    expect(isAppUrl('https://coarchitect/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});

describe('createAppProtocolHandler', () => {
  const files = new Map<string, string>([
    [path.join(root, 'index.html'), '<!doctype html><title>Coarchitect</title>'],
    [path.join(root, 'assets', 'app.js'), 'console.log(1)'],
  ]);
  const handler = createAppProtocolHandler(root, async (filePath) => {
    const text = files.get(filePath);
    if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return new TextEncoder().encode(text);
  });

  it('serves files with their content type and the CSP header', async () => {
    const response = await handler(new Request('app://coarchitect/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Coarchitect</title>');

    const script = await handler(new Request('app://coarchitect/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files and for traversal attempts, 405 for writes', async () => {
    expect((await handler(new Request('app://coarchitect/missing.js'))).status).toBe(404);
    const traversal = await handler(new Request('app://coarchitect/assets/..%2f..%2f..%2fetc%2fpasswd'));
    expect(traversal.status).toBe(404);
    expect(traversal.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(
      (await handler(new Request('app://coarchitect/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
  });

  it('answers 500 without details when a file cannot be read', async () => {
    const broken = createAppProtocolHandler(root, async () => {
      throw Object.assign(new Error('EIO: i/o error, read /srv/secret'), { code: 'EIO' });
    });
    const response = await broken(new Request('app://coarchitect/index.html'));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('/srv');
  });
});

describe('contentTypeFor', () => {
  it('knows the types Vite emits and falls back to octet-stream', () => {
    expect(contentTypeFor('a/b.SVG')).toBe('image/svg+xml');
    expect(contentTypeFor('font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('data.bin')).toBe('application/octet-stream');
  });
});
