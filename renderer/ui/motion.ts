/** Whether the person asked the system for less motion (prefers-reduced-motion): view changes then jump. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** An animation's duration, or 0 when motion is reduced. */
export const motionMs = (ms: number): number => (prefersReducedMotion() ? 0 : ms);
