/**
 * Rolling backups of the workspace in userData/backups: the renderer sends its exported workspace (every few
 * minutes and before the window closes), main checks it is a valid workspace, writes it atomically under a
 * name that carries its time and workflow count, and keeps the newest BACKUPS_KEPT. Listing reads only the
 * folder; reading a backup checks its name, its size and its content again. Plain Node, tested without
 * Electron.
 */
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { WORKSPACE_FORMAT } from '../shared/format/document';
import { parseDocument } from '../shared/format/importer';
import {
  BACKUP_FILE_PATTERN,
  BACKUPS_KEPT,
  MAX_OPEN_BYTES,
  formatMegabytes,
  utf8ByteLength,
  type BackupInfo,
  type OpenedFile,
} from '../shared/ipc';

export const BACKUPS_FOLDER = 'backups';

/** "coarchitect-backup-20261207T101500123Z-w3.json": sortable by name, and listable without reading. */
export function backupFileName(at: Date, workflowCount: number): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  return `coarchitect-backup-${stamp}-w${workflowCount}.json`;
}

/** The time and workflow count a backup's name carries; null for any other name. */
export function parseBackupFileName(name: string): { createdAt: string; workflowCount: number } | null {
  const match = BACKUP_FILE_PATTERN.exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, ms, count] = match;
  const createdAt = `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return null;
  return { createdAt, workflowCount: Number(count) };
}

/** Checks that text is a workspace file Coarchitect can import; returns its workflow count or throws why not. */
export function checkBackupContent(content: string): number {
  const bytes = utf8ByteLength(content);
  if (bytes > MAX_OPEN_BYTES)
    throw new Error(
      `The backup is ${formatMegabytes(bytes)}; backups are kept up to ${formatMegabytes(MAX_OPEN_BYTES)}.`,
    );
  const parsed = parseDocument(content);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    throw new Error(`The backup is not a valid workspace: ${first ? `${first.path}: ${first.message}` : ''}`);
  }
  if (parsed.document.format !== WORKSPACE_FORMAT) throw new Error('A backup must be a whole workspace.');
  return parsed.document.workflows.length;
}

/** Backups in the folder, newest first; files of other names are ignored (never listed, never deleted). */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const backups: BackupInfo[] = [];
  for (const fileName of names) {
    const info = parseBackupFileName(fileName);
    if (!info) continue;
    const stats = await stat(path.join(dir, fileName)).catch(() => null);
    if (!stats?.isFile()) continue;
    backups.push({ fileName, ...info, sizeBytes: stats.size });
  }
  // The name starts with the time, so the name order is the time order.
  return backups.sort((a, b) => (a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : 0));
}

/** Deletes all but the newest `keep` backups; returns the names deleted. */
export async function rotateBackups(dir: string, keep = BACKUPS_KEPT): Promise<string[]> {
  const old = (await listBackups(dir)).slice(keep);
  for (const b of old) await unlink(path.join(dir, b.fileName));
  return old.map((b) => b.fileName);
}

/**
 * Writes a backup (checked first), through a temporary file and a rename so a crash mid-write never leaves a
 * half backup under a backup's name, then keeps the newest `keep`.
 */
export async function writeBackup(
  dir: string,
  content: string,
  now = new Date(),
  keep = BACKUPS_KEPT,
): Promise<BackupInfo> {
  const workflowCount = checkBackupContent(content);
  await mkdir(dir, { recursive: true });
  const taken = new Set((await listBackups(dir)).map((b) => b.fileName));
  // Two backups in the same millisecond (a close right after the timer) get distinct names.
  let at = now.getTime();
  while (taken.has(backupFileName(new Date(at), workflowCount))) at += 1;
  const fileName = backupFileName(new Date(at), workflowCount);
  const target = path.join(dir, fileName);
  const temporary = `${target}.partial`;
  await writeFile(temporary, content, 'utf8');
  await rename(temporary, target);
  await rotateBackups(dir, keep);
  const info = parseBackupFileName(fileName)!;
  return { fileName, ...info, sizeBytes: Buffer.byteLength(content, 'utf8') };
}

/** Reads a listed backup by name: the size is checked before reading and the content after. */
export async function readBackup(dir: string, fileName: string): Promise<OpenedFile> {
  if (!parseBackupFileName(fileName)) throw new Error(`"${fileName}" is not a backup name.`);
  const listed = (await listBackups(dir)).find((b) => b.fileName === fileName);
  if (!listed) throw new Error(`The backup "${fileName}" no longer exists.`);
  if (listed.sizeBytes > MAX_OPEN_BYTES)
    throw new Error(
      `The backup is ${formatMegabytes(listed.sizeBytes)}; Coarchitect opens files of at most ${formatMegabytes(MAX_OPEN_BYTES)}.`,
    );
  const content = await readFile(path.join(dir, fileName), 'utf8');
  checkBackupContent(content);
  return { fileName, content };
}
