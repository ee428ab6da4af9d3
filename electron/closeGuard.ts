/**
 * Closing the window waits for the renderer's pending writes: the first 'close' is cancelled, the renderer is
 * asked to flush (and the window state saved), and then the window is closed for real. However the flush ends
 * (done, timed out, renderer gone), closing goes on: a hung renderer can delay it by the timeout, never stop it.
 */
export const FLUSH_TIMEOUT_MS = 5_000;

export interface CloseGuardDeps {
  /** Everything to finish before the window goes: the renderer's flush, saving the window state. */
  beforeClose(): Promise<unknown>;
  /** Closes the window (or, while the app is quitting, quits it) once beforeClose has settled. */
  proceed(): void;
  onError?(error: unknown): void;
}

export interface CloseGuard {
  /** The window's 'close' listener. */
  onClose(event: { preventDefault(): void }): void;
}

export function createCloseGuard(deps: CloseGuardDeps): CloseGuard {
  let state: 'open' | 'finishing' | 'done' = 'open';
  return {
    onClose(event) {
      if (state === 'done') return;
      event.preventDefault();
      if (state === 'finishing') return;
      state = 'finishing';
      void deps
        .beforeClose()
        .catch((error: unknown) => deps.onError?.(error))
        .finally(() => {
          state = 'done';
          deps.proceed();
        });
    },
  };
}
