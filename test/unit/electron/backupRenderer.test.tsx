// @vitest-environment jsdom
// The renderer's half of the desktop backups: the schedule (only when something changed, never while the
// workspace is encrypted) and "Restore from backup…", which goes through the normal import.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { exportWorkspace, serializeDocument } from '../../../shared/format/document';
import type { BackupInfo } from '../../../shared/ipc';
import { startBackupSchedule } from '../../../renderer/desktop/backupSchedule';
import { RestoreBackupDialog } from '../../../renderer/desktop/RestoreBackupDialog';
import type { BackupStore, Platform } from '../../../renderer/platform/platform';
import { createBrowserPlatform } from '../../../renderer/platform/browserPlatform';
import { setPlatformForTesting } from '../../../renderer/platform';
import { usePrivacy } from '../../../renderer/privacy/privacyStore';
import { useWorkspace } from '../../../renderer/store/workspaceStore';

const info = (fileName: string, createdAt: string, workflowCount: number): BackupInfo => ({
  fileName,
  createdAt,
  sizeBytes: 20_480,
  workflowCount,
});

function fakeStore(files: Record<string, string> = {}) {
  const written: string[] = [];
  const store: BackupStore = {
    write: vi.fn(async (content: string) => {
      written.push(content);
      return info('coarchitect-backup-20261207T101500123Z-w2.json', '2026-12-07T10:15:00.123Z', 2);
    }),
    list: vi.fn(async () => [
      info('coarchitect-backup-20261207T100000000Z-w2.json', '2026-12-07T10:00:00.000Z', 2),
      info('coarchitect-backup-20261207T101500123Z-w2.json', '2026-12-07T10:15:00.123Z', 2),
    ]),
    read: vi.fn(async (fileName: string) => ({ fileName, content: files[fileName] ?? '' })),
  };
  return { store, written };
}

function openExample() {
  const ws = customerSupportExample();
  useWorkspace.setState({ status: 'ready', workflows: ws.workflows, roles: ws.roles, customSkills: [] });
}

beforeEach(() => {
  usePrivacy.setState({ encrypted: false });
  openExample();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  setPlatformForTesting(null);
});

describe('the backup schedule', () => {
  it('writes the whole workspace every interval, only when it changed, and never while encrypted', async () => {
    vi.useFakeTimers();
    const { store, written } = fakeStore();
    const schedule = startBackupSchedule(store, { intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(written).toHaveLength(1);
    const { workflows, roles } = useWorkspace.getState();
    expect(JSON.parse(written[0]!)).toMatchObject({
      format: 'coarchitect.workspace',
      workflows: JSON.parse(JSON.stringify(workflows)),
      roles: JSON.parse(JSON.stringify(roles)),
    });

    await vi.advanceTimersByTimeAsync(3000); // nothing changed: nothing written
    expect(written).toHaveLength(1);

    useWorkspace.setState({ workflows: workflows.map((w, i) => (i === 0 ? { ...w, name: 'Renamed' } : w)) });
    await vi.advanceTimersByTimeAsync(1000);
    expect(written).toHaveLength(2);
    expect(written[1]).toContain('Renamed');

    usePrivacy.setState({ encrypted: true });
    useWorkspace.setState({ workflows: workflows.map((w) => ({ ...w, name: 'Secret' })) });
    await vi.advanceTimersByTimeAsync(5000);
    expect(await schedule.backupNow()).toBe(false);
    expect(written.join('')).not.toContain('Secret');
    schedule.stop();
  });

  it('reports a failed write and tries again at the next interval', async () => {
    vi.useFakeTimers();
    const onError = vi.fn();
    const { store } = fakeStore();
    vi.mocked(store.write).mockRejectedValueOnce(new Error('The disk is full'));
    const schedule = startBackupSchedule(store, { intervalMs: 1000, onError });
    await vi.advanceTimersByTimeAsync(1000);
    expect(onError).toHaveBeenCalledWith(new Error('The disk is full'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.write).toHaveBeenCalledTimes(2);
    schedule.stop();
  });
});

describe('Restore from backup…', () => {
  it('lists the backups newest first and restores one as copies beside the current workflows', async () => {
    const backup = customerSupportExample();
    const content = serializeDocument(exportWorkspace({ ...backup, customSkills: [] }));
    const { store } = fakeStore({ 'coarchitect-backup-20261207T100000000Z-w2.json': content });
    const importText = vi.fn(async () => ({
      ok: true as const,
      summary: 'Imported 2 workflows.',
      notes: [],
      workflowIds: ['a', 'b'],
    }));
    useWorkspace.setState({ importText } as never);
    setPlatformForTesting({ ...createBrowserPlatform(document), backups: store } as Platform);
    const onClose = vi.fn();
    render(<RestoreBackupDialog open onClose={onClose} />);
    const list = await screen.findByRole('list', { name: 'Backups' });
    const items = list.querySelectorAll('button');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toMatch(/2 workflows · 20 KB/);
    // Newest first: the second button is the older backup, of 10:00.
    fireEvent.click(items[1]!);
    expect(screen.getByRole('group', { name: 'Confirm restore' }).textContent).toContain(
      'nothing you have now is overwritten',
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(store.read).toHaveBeenCalledWith('coarchitect-backup-20261207T100000000Z-w2.json');
    expect(importText).toHaveBeenCalledWith(content);
  });

  it('says in the browser that backups are the desktop app’s', () => {
    setPlatformForTesting(createBrowserPlatform(document));
    render(<RestoreBackupDialog open onClose={() => undefined} />);
    expect(screen.getByRole('dialog', { name: 'Restore from backup' }).textContent).toContain(
      'Backups are kept by the desktop app',
    );
  });
});
