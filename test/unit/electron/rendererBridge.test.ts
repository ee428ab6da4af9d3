import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCloseGuard, FLUSH_TIMEOUT_MS } from '../../../electron/closeGuard';
import { RendererBridge } from '../../../electron/rendererBridge';

function target() {
  return {
    sent: [] as [string, unknown][],
    destroyed: false,
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    },
    isDestroyed() {
      return this.destroyed;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('RendererBridge', () => {
  it('holds events until the renderer is ready, then delivers them in order', () => {
    const window = target();
    const bridge = new RendererBridge(window);
    bridge.send('file:opened', { ok: true, fileName: 'a.json', content: '{}' });
    bridge.send('menu:command', { command: 'about' });
    expect(window.sent).toEqual([]);
    bridge.markReady();
    expect(window.sent.map(([channel]) => channel)).toEqual(['file:opened', 'menu:command']);
    bridge.send('recent:changed', {});
    expect(window.sent).toHaveLength(3);
  });

  it('holds events again while the page reloads, and keeps only the latest 20', () => {
    const window = target();
    const bridge = new RendererBridge(window);
    bridge.markReady();
    bridge.markLoading();
    for (let n = 0; n < 25; n++) bridge.send('menu:command', { command: 'fit-view' });
    expect(window.sent).toEqual([]);
    bridge.markReady();
    expect(window.sent).toHaveLength(20);
  });

  it('sends nothing to a destroyed window', () => {
    const window = target();
    const bridge = new RendererBridge(window);
    bridge.markReady();
    window.destroyed = true;
    bridge.send('menu:command', { command: 'about' });
    expect(window.sent).toEqual([]);
  });

  it('asks for a flush and resolves on the answer with the same id', async () => {
    const window = target();
    const bridge = new RendererBridge(window);
    bridge.markReady();
    const flushing = bridge.requestFlush(FLUSH_TIMEOUT_MS);
    const [channel, payload] = window.sent[0]!;
    expect(channel).toBe('app:flush');
    const { requestId } = payload as { requestId: string };
    expect(bridge.flushed('made-up')).toBe(false);
    expect(bridge.flushed(requestId)).toBe(true);
    await expect(flushing).resolves.toBe('flushed');
    expect(bridge.flushed(requestId)).toBe(false);
  });

  it('gives up on a flush after the timeout, and does not wait for a renderer that never loaded', async () => {
    vi.useFakeTimers();
    const window = target();
    const bridge = new RendererBridge(window);
    await expect(bridge.requestFlush(FLUSH_TIMEOUT_MS)).resolves.toBe('not-ready');
    expect(window.sent).toEqual([]);

    bridge.markReady();
    const flushing = bridge.requestFlush(FLUSH_TIMEOUT_MS);
    vi.advanceTimersByTime(FLUSH_TIMEOUT_MS - 1);
    let settled = false;
    void flushing.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(flushing).resolves.toBe('timed-out');
  });
});

describe('close guard', () => {
  it('cancels the first close, waits for the flush, then closes once', async () => {
    let finish!: () => void;
    const beforeClose = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const proceed = vi.fn();
    const guard = createCloseGuard({ beforeClose, proceed });

    const first = { preventDefault: vi.fn() };
    guard.onClose(first);
    expect(first.preventDefault).toHaveBeenCalled();
    const second = { preventDefault: vi.fn() };
    guard.onClose(second);
    expect(second.preventDefault).toHaveBeenCalled();
    expect(beforeClose).toHaveBeenCalledTimes(1);
    expect(proceed).not.toHaveBeenCalled();

    finish();
    await vi.waitFor(() => expect(proceed).toHaveBeenCalledTimes(1));
    const final = { preventDefault: vi.fn() };
    guard.onClose(final);
    expect(final.preventDefault).not.toHaveBeenCalled();
  });

  it('closes even when the work before closing fails', async () => {
    const proceed = vi.fn();
    const onError = vi.fn();
    const guard = createCloseGuard({
      beforeClose: () => Promise.reject(new Error('disk full')),
      proceed,
      onError,
    });
    guard.onClose({ preventDefault() {} });
    await vi.waitFor(() => expect(proceed).toHaveBeenCalled());
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'disk full' }));
  });

  it('with a bridge: closes after the renderer answers, or after 5 s without an answer', async () => {
    vi.useFakeTimers();
    const window = target();
    const bridge = new RendererBridge(window);
    bridge.markReady();
    const proceed = vi.fn();
    const guard = createCloseGuard({ beforeClose: () => bridge.requestFlush(FLUSH_TIMEOUT_MS), proceed });
    guard.onClose({ preventDefault() {} });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(proceed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(proceed).toHaveBeenCalledTimes(1);
  });
});
