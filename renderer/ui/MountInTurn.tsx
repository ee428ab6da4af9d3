/**
 * Mounts costly parts (charts: a first mount is tens of milliseconds) one per frame, after the view around
 * them has appeared, instead of all of them in the task that opens the view. Until its turn a part is a
 * placeholder of its height, so nothing moves when it arrives.
 */
import { useEffect, useState, type ReactNode } from 'react';

const queue: (() => void)[] = [];
let scheduled = false;

function takeTurns(): void {
  if (scheduled) return;
  scheduled = true;
  // A timer after the frame: each part gets a task of its own, and the browser paints in between.
  requestAnimationFrame(() =>
    setTimeout(() => {
      scheduled = false;
      queue.shift()?.();
      if (queue.length > 0) takeTurns();
    }, 0),
  );
}

export function MountInTurn({ height, children }: { height: number; children: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    let cancelled = false;
    const turn = () => {
      if (!cancelled) setMounted(true);
    };
    queue.push(turn);
    takeTurns();
    return () => {
      cancelled = true;
      const at = queue.indexOf(turn);
      if (at >= 0) queue.splice(at, 1);
    };
  }, []);
  return mounted ? children : <div style={{ height }} aria-hidden />;
}
