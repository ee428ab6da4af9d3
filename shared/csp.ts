/**
 * The Content-Security-Policy of the built app, browser and Electron alike. The Vite build puts it in a
 * <meta> tag of index.html; Electron's app:// protocol also sends it as a response header, so every document
 * the desktop app loads carries it even if the HTML were changed.
 *
 * React Flow positions nodes with inline style attributes, hence 'unsafe-inline' for styles only; scripts are
 * never inline or eval'd. 'self' is the app's own origin (app://coarchitect in Electron), so nothing remote
 * is ever fetched, framed or submitted to.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
