/** The file-system adapter of the IPC file handlers, on node:fs. Reads stop at the limit, whatever stat said. */
import { open, stat, writeFile } from 'node:fs/promises';
import type { TextFiles } from './fileHandlers';

const CHUNK_BYTES = 1024 * 1024;

export const nodeTextFiles: TextFiles = {
  async size(filePath) {
    const info = await stat(filePath);
    if (!info.isFile()) {
      throw Object.assign(new Error(`${filePath} is not a regular file`), {
        code: info.isDirectory() ? 'EISDIR' : 'EINVAL',
      });
    }
    return info.size;
  },

  async readBytes(filePath, maxBytes) {
    const handle = await open(filePath, 'r');
    try {
      // Read in chunks and stop one byte past the limit: the file may have grown since it was measured.
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
        if (total > maxBytes) return null;
      }
      return Buffer.concat(chunks, total);
    } finally {
      await handle.close();
    }
  },

  async writeText(filePath, content, encoding = 'utf8') {
    await writeFile(filePath, content, encoding);
  },
};
