/** Locks an encrypted workspace after the chosen minutes without keyboard, pointer or wheel input. */
import { useEffect } from 'react';
import { useWorkspace } from '../store/workspaceStore';
import { usePrivacy } from './privacyStore';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleLock(): void {
  const encrypted = usePrivacy((s) => s.encrypted);
  const minutes = usePrivacy((s) => s.idleLockMinutes);
  const ready = useWorkspace((s) => s.status === 'ready');
  useEffect(() => {
    if (!encrypted || !ready || !(minutes > 0)) return;
    const ms = minutes * 60_000;
    let timer = setTimeout(fire, ms);
    function fire() {
      void useWorkspace.getState().lock();
    }
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(fire, ms);
    };
    for (const type of ACTIVITY) window.addEventListener(type, reset, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, reset, { capture: true });
    };
  }, [encrypted, minutes, ready]);
}
