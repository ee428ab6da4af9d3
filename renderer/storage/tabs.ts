/**
 * Several tabs or windows on one workspace. Each tab has an id and holds a Web Lock named after it for as
 * long as it lives, so that a starting tab can tell the unload journals of closed tabs (to replay) from
 * those of tabs still open (to leave alone). Tabs tell each other what they wrote on a BroadcastChannel;
 * the others follow (workspaceStore.ts). Where either API is missing (tests, old browsers) a tab is alone.
 */
import { z } from 'zod';

const TAB_LOCK_PREFIX = 'coarchitect.tab:';
export const CHANNEL_NAME = 'coarchitect.workspace';

interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

function lockManager(): LockManagerLike | null {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks && typeof locks.request === 'function' ? locks : null;
}

/** A fresh id for this tab, whose lock is held until the tab closes or crashes. */
export function claimTab(): string {
  const id = crypto.randomUUID();
  lockManager()
    ?.request(`${TAB_LOCK_PREFIX}${id}`, () => new Promise<void>(() => {}))
    .catch(() => {});
  return id;
}

/** Ids of the tabs open now (empty where Web Locks are missing: every other journal is then an orphan). */
export async function liveTabs(): Promise<Set<string>> {
  const locks = lockManager();
  if (!locks) return new Set();
  try {
    const { held = [] } = await locks.query();
    return new Set(
      held.flatMap((lock) =>
        lock.name?.startsWith(TAB_LOCK_PREFIX) ? [lock.name.slice(TAB_LOCK_PREFIX.length)] : [],
      ),
    );
  } catch {
    return new Set();
  }
}

export const TabMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('workflow-saved'),
    from: z.string(),
    id: z.string(),
    revision: z.number().int().positive(),
  }),
  z.object({ type: z.literal('workflow-deleted'), from: z.string(), id: z.string() }),
  /** Roles or custom skills changed (they are written at once, without revisions). */
  z.object({ type: z.literal('library-changed'), from: z.string() }),
]);
export type TabMessage = z.infer<typeof TabMessageSchema>;
type Outgoing = TabMessage extends infer M ? (M extends { from: string } ? Omit<M, 'from'> : never) : never;

export class TabChannel {
  private channel: BroadcastChannel | null = null;

  constructor(
    readonly tabId: string,
    onMessage: (message: TabMessage) => void,
  ) {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(CHANNEL_NAME);
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      const parsed = TabMessageSchema.safeParse(event.data);
      if (parsed.success && parsed.data.from !== tabId) onMessage(parsed.data);
    };
  }

  post(message: Outgoing): void {
    try {
      this.channel?.postMessage({ ...message, from: this.tabId });
    } catch {
      // A closed channel: the other tabs find out at their next save (revision check).
    }
  }

  close(): void {
    this.channel?.close();
    this.channel = null;
  }
}
