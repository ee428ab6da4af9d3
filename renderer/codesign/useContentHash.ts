/** The content hash of the workflow as it is now, recomputed a moment after edits (null until known). */
import { useEffect, useState } from 'react';
import { contentHash } from '../../shared/codesign/index';
import type { Workflow } from '../../shared/model/schema';
import { useWorkspace } from '../store/workspaceStore';

export function useContentHash(workflow: Workflow): string | null {
  const roles = useWorkspace((s) => s.roles);
  const [hash, setHash] = useState<{ of: Workflow; value: string } | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void contentHash(workflow, roles).then((value) => {
        if (live) setHash({ of: workflow, value });
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [workflow, roles]);
  return hash?.value ?? null;
}
