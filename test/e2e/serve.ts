/** Serves the built renderer (dist/renderer) on a free local port for the whole e2e run. */
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function serve(project: TestProject) {
  if (!existsSync('dist/renderer/index.html')) {
    throw new Error('dist/renderer is missing: run `npm run build` before the end-to-end tests.');
  }
  const server = await preview({
    configFile: 'vite.config.ts',
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its address.');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
