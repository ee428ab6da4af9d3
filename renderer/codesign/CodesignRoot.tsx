/**
 * What the co-design record needs while a workflow is open: its record loaded, the profile dialog, the
 * palette's actions (Edit profile…, Discuss, Versions and sign-off) and the daily automatic version.
 */
import { useEffect, useRef } from 'react';
import { contentHash, inChainOrder } from '../../shared/codesign/index';
import type { Workflow } from '../../shared/model/schema';
import { registerActions } from '../commands/registry';
import { useEditor } from '../store/editorStore';
import { notify } from '../store/notifications';
import { useWorkspace } from '../store/workspaceStore';
import { ProfileDialog } from './ProfileDialog';
import {
  loadProfileOnce,
  loadWorkflowRecord,
  openProfileDialog,
  saveVersion,
  useRecord,
} from './recordStore';

/** How long editing pauses before the day's automatic version is taken. */
const DAILY_VERSION_DELAY_MS = 3_000;

/**
 * Daily while edited: the first edit of a day on which the workflow has no version yet saves one (once its
 * content differs from the last version), so a day's work can always be compared with the day before.
 */
function useDailyVersion(workflow: Workflow): void {
  const seen = useRef<string | null>(null);
  useEffect(() => {
    // Opening a workflow is not an edit.
    if (seen.current !== workflow.id) {
      seen.current = workflow.id;
      return;
    }
    const { loaded, versions, workflowId } = useRecord.getState();
    if (!loaded || workflowId !== workflow.id) return;
    const today = new Date().toISOString().slice(0, 10);
    const latest = inChainOrder(versions).at(-1);
    if (latest && latest.createdAt.slice(0, 10) === today) return;
    const timer = setTimeout(() => {
      const current = useWorkspace.getState().workflows.find((w) => w.id === workflow.id);
      const record = useRecord.getState();
      if (!current || record.workflowId !== workflow.id) return;
      const head = inChainOrder(record.versions).at(-1);
      if (head && head.createdAt.slice(0, 10) === today) return;
      void contentHash(current, useWorkspace.getState().roles).then((hash) => {
        if (hash !== head?.contentHash) void saveVersion(current, `Daily ${today}`, 'daily', false);
      });
    }, DAILY_VERSION_DELAY_MS);
    return () => clearTimeout(timer);
  }, [workflow]);
}

export function CodesignRoot({ workflow }: { workflow: Workflow }) {
  useEffect(() => {
    void loadProfileOnce().catch(() => {});
  }, []);
  useEffect(() => {
    void loadWorkflowRecord(workflow.id).catch((error: unknown) =>
      notify(
        `The co-design record of this workflow could not be read: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }, [workflow.id]);
  useDailyVersion(workflow);
  useEffect(
    () =>
      registerActions([
        {
          id: 'codesign.edit-profile',
          title: 'Edit profile…',
          group: 'Edit',
          keywords: ['name', 'role', 'CTO', 'CHRO', 'co-design', 'identity'],
          run: openProfileDialog,
        },
        {
          id: 'codesign.discuss',
          title: 'Discuss: comments and decisions',
          group: 'View',
          keywords: ['comment', 'threads', 'mentions', 'decisions', 'co-design'],
          run: () => useEditor.getState().setPanel('discuss'),
        },
        {
          id: 'codesign.versions',
          title: 'Versions and sign-off',
          group: 'View',
          keywords: ['history', 'restore', 'sign', 'approve', 'co-design'],
          run: () => useEditor.getState().setPanel('versions'),
        },
      ]),
    [],
  );
  return <ProfileDialog />;
}
