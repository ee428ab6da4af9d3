/**
 * The platform of the plain browser: saving is a download, opening is a hidden <input type="file">. Requests
 * are parsed with the same schemas as Electron's IPC, so both platforms refuse the same things.
 */
import {
  MAX_OPEN_BYTES,
  fileTooLargeMessage,
  notTextFileMessage,
  parseIpcRequest,
  type FileFilter,
} from '../../shared/ipc';
import type { Platform } from './platform';

/** Long enough for every browser to have started the download before the blob URL goes away. */
const REVOKE_AFTER_MS = 30_000;

/** The `accept` attribute for filters: ".json,.coarchitect.json"; empty (any file) when a filter allows "*". */
export function acceptAttribute(filters: readonly FileFilter[]): string {
  const extensions = filters.flatMap((filter) => filter.extensions);
  if (extensions.length === 0 || extensions.includes('*')) return '';
  return [...new Set(extensions.map((extension) => `.${extension}`))].join(',');
}

function mimeTypeFor(fileName: string): string {
  const name = fileName.toLowerCase();
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.svg')) return 'image/svg+xml';
  if (name.endsWith('.png')) return 'image/png';
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.html')) return 'text/html';
  return 'text/plain';
}

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function createBrowserPlatform(doc: Document = document): Platform {
  const view = doc.defaultView ?? window;

  return {
    kind: 'browser',

    async saveTextFile(rawRequest) {
      const request = parseIpcRequest('file:save', rawRequest);
      const type = mimeTypeFor(request.suggestedName);
      const blob =
        request.encoding === 'base64'
          ? new Blob([base64Bytes(request.content)], { type })
          : new Blob([request.content], { type: `${type};charset=utf-8` });
      const url = view.URL.createObjectURL(blob);
      const link = doc.createElement('a');
      link.href = url;
      link.download = request.suggestedName;
      link.rel = 'noopener';
      link.style.display = 'none';
      doc.body.append(link);
      try {
        link.click();
      } finally {
        link.remove();
        view.setTimeout(() => view.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
      }
      // The browser decides where the download goes and never says whether it was kept.
      return { saved: true, fileName: request.suggestedName };
    },

    async openTextFile(rawRequest) {
      const request = parseIpcRequest('file:open', rawRequest);
      const input = doc.createElement('input');
      input.type = 'file';
      input.accept = acceptAttribute(request.filters);
      input.style.display = 'none';
      doc.body.append(input);

      const file = await new Promise<File | null>((resolve) => {
        input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
        // Fired when the user closes the picker without choosing (all current browsers).
        input.addEventListener('cancel', () => resolve(null), { once: true });
        input.click();
      }).finally(() => input.remove());

      if (!file) return null;
      if (file.size > MAX_OPEN_BYTES) throw new Error(fileTooLargeMessage(file.name, file.size));
      const bytes = await file.arrayBuffer();
      let content: string;
      try {
        content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new Error(notTextFileMessage(file.name));
      }
      return { fileName: file.name, content };
    },

    // A browser has no native menu, no recent files and no second launch; files come by Import or drop.
    hasNativeMenu: false,
    hasRecentFiles: false,
    listRecentFiles: async () => [],
    openRecentFile: async () => {
      throw new Error('There are no recent files in the browser.');
    },
    clearRecentFiles: async () => {},
    onRecentFilesChanged: () => noop,
    setMenuState: () => {},
    onCommand: () => noop,
    onFileOpened: () => noop,
    onFlushRequest: () => noop,
    ready: () => {},
  };
}

function noop(): void {}
