/**
 * Where a new step goes: the requested spot if it is free, else the nearest free spot on a grid around
 * it, so that adding several steps in a row never stacks them on top of each other.
 */
import type { Position, Step } from './schema';

/** The footprint reserved for a step on the canvas (a node is 200 px wide and about 90 px high). */
export const STEP_BOX = { width: 220, height: 110 };

function overlaps(a: Position, b: Position): boolean {
  return Math.abs(a.x - b.x) < STEP_BOX.width && Math.abs(a.y - b.y) < STEP_BOX.height;
}

export function freeSpotNear(
  wanted: Position,
  steps: readonly Pick<Step, 'position'>[],
  maxRings = 12,
): Position {
  const taken = steps.map((s) => s.position);
  const isFree = (p: Position) => !taken.some((t) => overlaps(p, t));
  if (isFree(wanted)) return wanted;
  // Rings of grid cells around the wanted spot, nearest first; right and down are tried before left and up.
  for (let ring = 1; ring <= maxRings; ring++) {
    const cells: Position[] = [];
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        cells.push({ x: wanted.x + dx * STEP_BOX.width, y: wanted.y + dy * STEP_BOX.height });
      }
    }
    cells.sort(
      (a, b) =>
        Math.hypot(a.x - wanted.x, a.y - wanted.y) - Math.hypot(b.x - wanted.x, b.y - wanted.y) ||
        b.x - a.x ||
        b.y - a.y,
    );
    const free = cells.find(isFree);
    if (free) return free;
  }
  return wanted;
}
