/**
 * Swimlanes by role. Lanes are not stored in the document: a step's lane follows from who performs it, and
 * the lanes' order and extent follow from where the steps sit. So a lane move is an ordinary role edit and a
 * lane reorder an ordinary move of steps, and both are undone like any other edit.
 */
import * as ops from '../model/operations';
import type { Position, Role, Step, TaskMode, Workflow } from '../model/schema';
import { axesOf, sizeOf, type Axes, type LayoutDirection, type Rect, type StepSizes } from './geometry';

export const AI_LANE = 'ai';
export const UNASSIGNED_LANE = 'unassigned';
/** Role lanes are prefixed so that a role whose id happens to be "ai" cannot be mistaken for the AI lane. */
export type RoleLaneKey = `role:${string}`;
export type LaneKey = typeof AI_LANE | typeof UNASSIGNED_LANE | RoleLaneKey;

export const roleLaneKey = (roleId: string): RoleLaneKey => `role:${roleId}`;

export function roleIdOfLane(key: LaneKey): string | null {
  return key.startsWith('role:') ? key.slice('role:'.length) : null;
}

export interface Lane {
  key: LaneKey;
  /** 'AI', 'Unassigned' or the role's name. */
  title: string;
  /** The work steps in the lane, in document order. */
  stepIds: string[];
  /** The band in flow coordinates: the members' extent across the flow, the whole diagram along it. */
  band: Rect;
  /** The strip at the start of the band kept free for the lane's title and buttons. */
  header: Rect;
}

/** Space between the members and the edges of their band. */
export const LANE_PADDING = 20;
/** Depth of the header strip along the flow: a column on the left (LR) or a row on top (TB). */
export const LANE_HEADER_DEPTH: Record<LayoutDirection, number> = { LR: 160, TB: 80 };
/** The thinnest a band gets across the flow, so its header always fits. */
export const MIN_LANE_THICKNESS = 80;

/** The lane a step sits in; control steps (start, end, decision, parallel) belong to none. */
export function laneKeyOf(step: Step): LaneKey | null {
  if (step.type === 'task' && step.mode === 'ai-automated') return AI_LANE;
  if (step.type === 'task' || step.type === 'review')
    return step.roleId === null ? UNASSIGNED_LANE : roleLaneKey(step.roleId);
  return null;
}

/** Where a lane goes when positions do not decide: roles in their order, then AI, then Unassigned. */
export function defaultLaneRank(key: LaneKey, roles: readonly Role[]): number {
  if (key === AI_LANE) return roles.length + 1;
  if (key === UNASSIGNED_LANE) return roles.length + 2;
  const index = roles.findIndex((r) => r.id === roleIdOfLane(key));
  return index < 0 ? roles.length : index;
}

export function laneTitle(key: LaneKey, roles: readonly Role[]): string {
  if (key === AI_LANE) return 'AI';
  if (key === UNASSIGNED_LANE) return 'Unassigned';
  return roles.find((r) => r.id === roleIdOfLane(key))?.name ?? 'Unknown role';
}

/** A rectangle given by its extents along the flow and across it. */
function rectOf(
  axes: Axes,
  flowStart: number,
  flowLength: number,
  crossStart: number,
  crossLength: number,
): Rect {
  return axes.flow === 'x'
    ? { x: flowStart, y: crossStart, width: flowLength, height: crossLength }
    : { x: crossStart, y: flowStart, width: crossLength, height: flowLength };
}

interface Extent {
  key: LaneKey;
  steps: Step[];
  start: number;
  end: number;
  /** Mean of the members' centres across the flow: decides the lane order. */
  mean: number;
  rank: number;
}

/**
 * The lanes of a workflow, ordered across the flow (top to bottom in LR, left to right in TB). Only lanes
 * with at least one step appear. Bands of neighbours that would overlap are split at the midpoint between
 * them, so bands never overlap; a band is never thinner than MIN_LANE_THICKNESS (a later band is pushed on).
 */
export function computeLanes(
  workflow: Workflow,
  roles: readonly Role[],
  sizes?: StepSizes,
  direction: LayoutDirection = 'LR',
): Lane[] {
  const axes = axesOf(direction);
  const byLane = new Map<LaneKey, Step[]>();
  let flowMin = Infinity;
  let flowMax = -Infinity;
  for (const step of workflow.steps) {
    const size = sizeOf(step, sizes);
    flowMin = Math.min(flowMin, step.position[axes.flow]);
    flowMax = Math.max(flowMax, step.position[axes.flow] + size[axes.flowSize]);
    const key = laneKeyOf(step);
    if (key === null) continue;
    const members = byLane.get(key);
    if (members) members.push(step);
    else byLane.set(key, [step]);
  }
  const extents: Extent[] = [...byLane].map(([key, steps]) => {
    let start = Infinity;
    let end = -Infinity;
    let centres = 0;
    for (const step of steps) {
      const from = step.position[axes.cross];
      const thickness = sizeOf(step, sizes)[axes.crossSize];
      start = Math.min(start, from);
      end = Math.max(end, from + thickness);
      centres += from + thickness / 2;
    }
    return {
      key,
      steps,
      start: start - LANE_PADDING,
      end: end + LANE_PADDING,
      mean: centres / steps.length,
      rank: defaultLaneRank(key, roles),
    };
  });
  extents.sort((a, b) => a.mean - b.mean || a.rank - b.rank || a.key.localeCompare(b.key));
  for (let i = 1; i < extents.length; i++) {
    const above = extents[i - 1]!;
    const lane = extents[i]!;
    if (above.end > lane.start) {
      const middle = (above.end + lane.start) / 2;
      above.end = middle;
      lane.start = middle;
    }
  }
  // Interleaved lanes (rare, hand-placed) could leave a band inverted or squeezed: push each on instead.
  let previousEnd = -Infinity;
  for (const extent of extents) {
    extent.start = Math.max(extent.start, previousEnd);
    extent.end = Math.max(extent.end, extent.start + MIN_LANE_THICKNESS);
    previousEnd = extent.end;
  }
  const header = LANE_HEADER_DEPTH[direction];
  const flowStart = flowMin - LANE_PADDING - header;
  const flowLength = flowMax + LANE_PADDING - flowStart;
  return extents.map((e) => ({
    key: e.key,
    title: laneTitle(e.key, roles),
    stepIds: e.steps.map((s) => s.id),
    band: rectOf(axes, flowStart, flowLength, e.start, e.end - e.start),
    header: rectOf(axes, flowStart, header, e.start, e.end - e.start),
  }));
}

/** The lane whose band contains the point (a band includes its top/left edge, not its bottom/right one). */
export function laneAt(lanes: readonly Lane[], point: Position): LaneKey | null {
  const hit = lanes.find(
    ({ band }) =>
      point.x >= band.x &&
      point.x < band.x + band.width &&
      point.y >= band.y &&
      point.y < band.y + band.height,
  );
  return hit?.key ?? null;
}

export type LaneMove = { ok: true; workflow: Workflow } | { ok: false; reason: string };

/**
 * Puts a step in another lane by changing who performs it: a role lane sets the role (an AI-automated task
 * becomes AI-assisted by that role), the AI lane makes a task AI-automated without a role, Unassigned clears
 * the role. Returns the same workflow object when the step is already there.
 */
export function moveStepToLane(workflow: Workflow, stepId: string, laneKey: LaneKey): LaneMove {
  const step = workflow.steps.find((s) => s.id === stepId);
  if (!step) return { ok: false, reason: `There is no step "${stepId}" in this workflow.` };
  if (step.type !== 'task' && step.type !== 'review')
    return {
      ok: false,
      reason: `"${step.name}" is a ${step.type} step; only tasks and reviews sit in lanes.`,
    };
  const roleId = roleIdOfLane(laneKey);
  if (step.type === 'review') {
    if (laneKey === AI_LANE)
      return { ok: false, reason: 'A review is a person’s check; it cannot be automated.' };
    return step.roleId === roleId
      ? { ok: true, workflow }
      : { ok: true, workflow: ops.updateStep(workflow, step.id, { roleId }) };
  }
  let mode: TaskMode = step.mode;
  if (laneKey === AI_LANE) mode = 'ai-automated';
  // Leaving the AI lane hands the task to a person, who keeps using the AI tool.
  else if (step.mode === 'ai-automated') mode = 'ai-assisted';
  if (step.roleId === roleId && step.mode === mode) return { ok: true, workflow };
  return { ok: true, workflow: ops.updateStep(workflow, step.id, { roleId, mode }) };
}

export interface LaneDrop {
  workflow: Workflow;
  /** Why steps dropped in a lane they cannot join went back to where they were. */
  refused: string[];
}

/**
 * Moves steps where they were dropped, and a work step whose centre lands in another lane's band joins that
 * lane (`moveStepToLane`), all in one edit, so one undo takes back both the move and the role change. A step
 * refused by the lane keeps its old position. `lanes` are those shown while dragging (before the move).
 */
export function dropSteps(
  workflow: Workflow,
  lanes: readonly Lane[],
  positions: ReadonlyMap<string, Position>,
  sizes?: StepSizes,
): LaneDrop {
  let next = workflow;
  const refused: string[] = [];
  const accepted = new Map(positions);
  for (const step of workflow.steps) {
    const at = positions.get(step.id);
    const current = laneKeyOf(step);
    if (!at || current === null) continue;
    const size = sizeOf(step, sizes);
    const target = laneAt(lanes, { x: at.x + size.width / 2, y: at.y + size.height / 2 });
    if (target === null || target === current) continue;
    const moved = moveStepToLane(next, step.id, target);
    if (moved.ok) next = moved.workflow;
    else {
      refused.push(moved.reason);
      accepted.delete(step.id);
    }
  }
  return { workflow: accepted.size > 0 ? ops.moveSteps(next, accepted) : next, refused };
}

export interface ReorderOptions {
  /** The flow direction the lanes were computed for (default LR). */
  direction?: LayoutDirection;
  sizes?: StepSizes;
}

/**
 * Swaps a lane with its neighbour ('up' = towards the top in LR, towards the left in TB) by moving the steps
 * of both bands. Control steps whose centre lies in one of the two bands travel with it, so a decision
 * between two tasks of a lane stays between them. Returns the same workflow object when the lane cannot move.
 */
export function reorderLane(
  workflow: Workflow,
  lanes: readonly Lane[],
  key: LaneKey,
  move: 'up' | 'down',
  options: ReorderOptions = {},
): Workflow {
  const index = lanes.findIndex((l) => l.key === key);
  const neighbour = move === 'up' ? index - 1 : index + 1;
  if (index < 0 || neighbour < 0 || neighbour >= lanes.length) return workflow;
  const axes = axesOf(options.direction ?? 'LR');
  const first = lanes[Math.min(index, neighbour)]!;
  const second = lanes[Math.max(index, neighbour)]!;
  const span = (lane: Lane) => ({
    start: lane.band[axes.cross],
    end: lane.band[axes.cross] + lane.band[axes.crossSize],
  });
  const a = span(first);
  const b = span(second);
  // After the swap the second band starts where the first did, and the first follows it across the same gap.
  const shiftSecond = Math.round(a.start - b.start);
  const shiftFirst = Math.round(b.end - a.end);
  const firstMembers = new Set(first.stepIds);
  const secondMembers = new Set(second.stepIds);
  const positions = new Map<string, Position>();
  for (const step of workflow.steps) {
    let shift = 0;
    if (firstMembers.has(step.id)) shift = shiftFirst;
    else if (secondMembers.has(step.id)) shift = shiftSecond;
    else if (laneKeyOf(step) === null) {
      const centre = step.position[axes.cross] + sizeOf(step, options.sizes)[axes.crossSize] / 2;
      if (centre >= a.start && centre < a.end) shift = shiftFirst;
      else if (centre >= b.start && centre < b.end) shift = shiftSecond;
    }
    if (shift !== 0)
      positions.set(step.id, { ...step.position, [axes.cross]: step.position[axes.cross] + shift });
  }
  return positions.size === 0 ? workflow : ops.moveSteps(workflow, positions);
}

/** The steps to draw when some lanes are collapsed: everything but the members of collapsed lanes. */
export function visibleStepIds(
  workflow: Workflow,
  lanes: readonly Lane[],
  collapsed: ReadonlySet<string>,
): Set<string> {
  const hidden = new Set(lanes.filter((l) => collapsed.has(l.key)).flatMap((l) => l.stepIds));
  return new Set(workflow.steps.filter((s) => !hidden.has(s.id)).map((s) => s.id));
}
