import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './shared/csp.js';

// The policy lives in shared/ so that Electron's app:// protocol can send the same one as a header. Only the
// production build gets it: the dev server needs inline scripts and a websocket for hot reload.
export { CONTENT_SECURITY_POLICY };

function contentSecurityPolicy(): Plugin {
  return {
    name: 'coarchitect-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
