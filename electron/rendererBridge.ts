/**
 * Main's side of talking to one window's renderer: events go out only once the renderer said it listens
 * (`app:ready`), earlier ones wait in a short queue (a file double-clicked while the app starts), and a flush
 * request is answered by `app:flushed` or given up after a timeout. Plain TypeScript over a `send` function.
 */
import type { MainEvent, MainEventPayload } from '../shared/ipc';

export interface RendererTarget {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

export type FlushOutcome = 'flushed' | 'timed-out' | 'not-ready';

/** Events kept while the renderer loads; beyond that the oldest are dropped. */
const MAX_QUEUED = 20;

export class RendererBridge {
  private ready = false;
  private queue: { event: MainEvent; payload: unknown }[] = [];
  private readonly flushes = new Map<string, () => void>();
  private nextFlushId = 1;

  constructor(private readonly target: RendererTarget) {}

  get isReady(): boolean {
    return this.ready;
  }

  /** The renderer subscribed to every event: send what waited. */
  markReady(): void {
    this.ready = true;
    const waiting = this.queue;
    this.queue = [];
    for (const { event, payload } of waiting) this.deliver(event, payload);
  }

  /** The page is (re)loading: hold events until it says it is ready again. Open flush requests end. */
  markLoading(): void {
    this.ready = false;
    for (const resolve of this.flushes.values()) resolve();
    this.flushes.clear();
  }

  send<E extends MainEvent>(event: E, payload: MainEventPayload<E>): void {
    if (this.ready) this.deliver(event, payload);
    else this.queue = [...this.queue, { event, payload }].slice(-MAX_QUEUED);
  }

  /**
   * Asks the renderer to write everything pending and waits for its answer, at most `timeoutMs`. A renderer
   * that never became ready has nothing to write.
   */
  requestFlush(timeoutMs: number): Promise<FlushOutcome> {
    if (!this.ready || this.target.isDestroyed()) return Promise.resolve('not-ready');
    const requestId = `flush-${this.nextFlushId++}`;
    return new Promise<FlushOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.flushes.delete(requestId);
        resolve('timed-out');
      }, timeoutMs);
      this.flushes.set(requestId, () => {
        clearTimeout(timer);
        resolve('flushed');
      });
      this.deliver('app:flush', { requestId });
    });
  }

  /** The renderer's answer to a flush request; false for an id that is not waiting (late or made up). */
  flushed(requestId: string): boolean {
    const resolve = this.flushes.get(requestId);
    if (!resolve) return false;
    this.flushes.delete(requestId);
    resolve();
    return true;
  }

  private deliver(event: MainEvent, payload: unknown): void {
    if (!this.target.isDestroyed()) this.target.send(event, payload);
  }
}
