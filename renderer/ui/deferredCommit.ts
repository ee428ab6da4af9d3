/**
 * Typing commits to the document a moment after the last keystroke instead of on every key: one edit per
 * word rather than per letter keeps large workflows fluid (every commit re-validates and re-analyses the
 * whole workflow). Nothing is lost: a pending value is committed when the field loses focus or unmounts,
 * and flushPendingEdits() commits them all before the page is hidden or closed.
 */
import { useCallback, useEffect, useRef } from 'react';

export const COMMIT_DELAY_MS = 200;

const pending = new Set<() => void>();

/** Commits every value still waiting in a field (used before saving on unload, exporting, undo…). */
export function flushPendingEdits(): void {
  for (const flush of [...pending]) flush();
}

export function useDeferredCommit<T>(commit: (value: T) => void, delay = COMMIT_DELAY_MS) {
  const latest = useRef(commit);
  latest.current = commit;
  const state = useRef<{ timer: ReturnType<typeof setTimeout> | null; value: T | null; has: boolean }>({
    timer: null,
    value: null,
    has: false,
  });

  const flush = useCallback(() => {
    const s = state.current;
    if (s.timer !== null) clearTimeout(s.timer);
    s.timer = null;
    pending.delete(flush);
    if (s.has) {
      s.has = false;
      latest.current(s.value as T);
    }
  }, []);

  const schedule = useCallback(
    (value: T) => {
      const s = state.current;
      s.value = value;
      s.has = true;
      if (s.timer !== null) clearTimeout(s.timer);
      s.timer = setTimeout(flush, delay);
      pending.add(flush);
    },
    [flush, delay],
  );

  useEffect(() => flush, [flush]);
  return { schedule, flush };
}
