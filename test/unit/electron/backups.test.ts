import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackupHandlers } from '../../../electron/backupHandlers';
import {
  backupFileName,
  listBackups,
  parseBackupFileName,
  readBackup,
  rotateBackups,
  writeBackup,
} from '../../../electron/backups';
import type { IpcSender } from '../../../electron/ipc';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { exportWorkflow, exportWorkspace, serializeDocument } from '../../../shared/format/document';

const T0 = Date.parse('2026-12-07T10:00:00.000Z');
const MINUTE = 60_000;
const workspaceText = (at = new Date(T0)) => serializeDocument(exportWorkspace(customerSupportExample(), at));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'coarchitect-backups-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('backup names', () => {
  it('carry the UTC time to the millisecond and the workflow count, and sort by time', () => {
    const name = backupFileName(new Date('2026-12-07T10:15:00.123Z'), 3);
    expect(name).toBe('coarchitect-backup-20261207T101500123Z-w3.json');
    expect(parseBackupFileName(name)).toEqual({ createdAt: '2026-12-07T10:15:00.123Z', workflowCount: 3 });
    expect(backupFileName(new Date('2026-12-07T09:59:59.999Z'), 9) < name).toBe(true);
  });

  it('refuse every other name, paths included', () => {
    for (const name of [
      '../coarchitect-backup-20261207T101500123Z-w3.json',
      'coarchitect-backup-20261207T101500123Z-w3.json.partial',
      'coarchitect-backup-20261399T101500123Z-w3.json',
      'recent-files.json',
      '',
    ])
      expect(parseBackupFileName(name), name).toBeNull();
  });
});

describe('writeBackup', () => {
  it('writes a checked workspace and lists it with date, size and workflow count', async () => {
    const content = workspaceText();
    const info = await writeBackup(dir, content, new Date(T0));
    expect(info).toEqual({
      fileName: 'coarchitect-backup-20261207T100000000Z-w2.json',
      createdAt: '2026-12-07T10:00:00.000Z',
      workflowCount: 2,
      sizeBytes: Buffer.byteLength(content),
    });
    await expect(listBackups(dir)).resolves.toEqual([info]);
    await expect(readBackup(dir, info.fileName)).resolves.toEqual({ fileName: info.fileName, content });
  });

  it('keeps only the newest 10, newest first, and leaves other files alone', async () => {
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    for (let i = 0; i < 12; i++) await writeBackup(dir, workspaceText(), new Date(T0 + i * 5 * MINUTE));
    const listed = await listBackups(dir);
    expect(listed).toHaveLength(10);
    expect(listed[0]?.createdAt).toBe('2026-12-07T10:55:00.000Z');
    expect(listed[9]?.createdAt).toBe('2026-12-07T10:10:00.000Z');
    expect((await readdir(dir)).filter((n) => !n.startsWith('coarchitect-backup-'))).toEqual(['notes.txt']);
    expect(await rotateBackups(dir, 3)).toHaveLength(7);
    expect(await listBackups(dir)).toHaveLength(3);
  });

  it('gives two backups of the same millisecond distinct names', async () => {
    const a = await writeBackup(dir, workspaceText(), new Date(T0));
    const b = await writeBackup(dir, workspaceText(), new Date(T0));
    expect(a.fileName).not.toBe(b.fileName);
    expect(b.createdAt).toBe('2026-12-07T10:00:00.001Z');
  });

  it('refuses what is not a valid workspace, and writes nothing', async () => {
    const ws = customerSupportExample();
    await expect(writeBackup(dir, '{"format":"coarchitect.workspace"', new Date(T0))).rejects.toThrow(
      /not a valid workspace: \$: The file is not valid JSON/,
    );
    await expect(
      writeBackup(dir, serializeDocument(exportWorkflow(ws.workflows[0]!, ws)), new Date(T0)),
    ).rejects.toThrow('A backup must be a whole workspace.');
    const broken = JSON.parse(workspaceText());
    broken.roles[0].headcount = -1;
    await expect(writeBackup(dir, JSON.stringify(broken), new Date(T0))).rejects.toThrow(
      /not a valid workspace: \$\.roles\[0\]\.headcount/,
    );
    await expect(writeBackup(dir, ' '.repeat(21 * 1024 * 1024), new Date(T0))).rejects.toThrow(
      /backups are kept up to 20 MB/,
    );
    await expect(listBackups(dir)).resolves.toEqual([]);
  });
});

describe('readBackup', () => {
  it('reads only listed backups by name, and checks the content again', async () => {
    await expect(readBackup(dir, '../../etc/passwd')).rejects.toThrow(/is not a backup name/);
    await expect(readBackup(dir, backupFileName(new Date(T0), 1))).rejects.toThrow(/no longer exists/);
    const tampered = backupFileName(new Date(T0), 2);
    await writeFile(path.join(dir, tampered), '{"format":"coarchitect.workspace","version":3}');
    await expect(readBackup(dir, tampered)).rejects.toThrow(/not a valid workspace/);
  });

  it('lists nothing when the folder does not exist yet', async () => {
    await expect(listBackups(path.join(dir, 'missing'))).resolves.toEqual([]);
  });
});

describe('backup IPC handlers', () => {
  const page: IpcSender<null> = { frameUrl: 'app://coarchitect/index.html', owner: null };
  const evil: IpcSender<null> = { frameUrl: 'https://evil.example/', owner: null };

  it('validate the sender and the request before touching the folder', async () => {
    const handlers = createBackupHandlers<null>({ dir, now: () => new Date(T0) });
    await expect(handlers['backup:write'](evil, { content: workspaceText() })).rejects.toThrow(/refused/);
    await expect(handlers['backup:write'](page, { content: 1 })).rejects.toThrow(/Invalid arguments/);
    await expect(handlers['backup:read'](page, { fileName: '../x.json' })).rejects.toThrow(
      /the name must be the name of a backup/,
    );
    const info = await handlers['backup:write'](page, { content: workspaceText() });
    await expect(handlers['backup:list'](page, {})).resolves.toEqual([info]);
    await expect(handlers['backup:read'](page, { fileName: info.fileName })).resolves.toMatchObject({
      fileName: info.fileName,
    });
  });
});
