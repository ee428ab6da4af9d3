/**
 * Auto-layout with elkjs (layered, i.e. Sugiyama): the flow reads left to right (or top to bottom), branches
 * of decisions and parallel blocks fan out across it. With lanes, ELK decides where each step goes along the
 * flow and the lanes decide where it goes across it. Pure and deterministic: same workflow, same positions.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { Position, Role, Step, Workflow } from '../model/schema';
import { axesOf, sizeOf, type Axes, type LayoutDirection, type StepSizes } from './geometry';
import { computeLanes, laneKeyOf, type LaneKey } from './lanes';

export interface AutoLayoutOptions {
  direction: LayoutDirection;
  /** Put every step in its lane's band (lanes by role, AI, Unassigned). */
  lanes: boolean;
  /** Measured node sizes; steps missing from it get their default size. */
  sizes?: StepSizes;
}

/** Space between neighbouring steps across the flow, and between layers along it. */
const NODE_SPACING = 40;
const LAYER_SPACING = 80;
/** Space between a lane's steps and the lane's edges (more than the band padding, so bands keep a gap). */
const LANE_INSET = 40;
const GRID = 10;

const snap = (value: number) => Math.round(value / GRID) * GRID;
const snapUp = (value: number) => Math.ceil(value / GRID) * GRID;

/**
 * Above this many steps ELK's default layering (network simplex) and its split into connected components
 * recurse once per step of a chain and overflow the stack (near 5,000 steps in Chromium and Node alike).
 */
export const LARGE_LAYOUT_STEPS = 2500;

/**
 * For large workflows: layers by a breadth-first walk in the document's order and no component split, both
 * iterative in ELK, and crossings left in the document's order. 10,000 steps take seconds, not a stack overflow.
 */
const LARGE_OPTIONS: LayoutOptions = {
  'elk.separateConnectedComponents': 'false',
  'elk.layered.layering.strategy': 'BF_MODEL_ORDER',
  'elk.layered.crossingMinimization.strategy': 'NONE',
  'elk.edgeRouting': 'POLYLINE',
};

function elkOptions(direction: LayoutDirection, stepCount: number): LayoutOptions {
  const options: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': direction === 'LR' ? 'RIGHT' : 'DOWN',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.spacing.nodeNode': String(NODE_SPACING),
    'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_SPACING),
    'elk.spacing.componentComponent': String(LAYER_SPACING),
    // Where crossings do not decide, keep the document's order of steps: repeated layouts stay stable.
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    // Fewer crossing-minimisation sweeps on big workflows keep a 2,000-step layout within seconds.
    'elk.layered.thoroughness': stepCount > 500 ? '2' : '7',
    'elk.randomSeed': '1',
  };
  // The canvas draws the connections itself; ELK's routes are not used, so a cheaper router changes nothing.
  return stepCount > LARGE_LAYOUT_STEPS ? { ...options, ...LARGE_OPTIONS } : options;
}

let engine: InstanceType<typeof ELK> | null = null;

/** ELK's top-left corner of every step. Rework loops are drawn by the canvas, not laid out: they are left out. */
async function layered(
  workflow: Workflow,
  direction: LayoutDirection,
  sizes: StepSizes | undefined,
): Promise<Map<string, Position>> {
  const ids = new Set(workflow.steps.map((s) => s.id));
  const graph: ElkNode = {
    id: 'workflow',
    layoutOptions: elkOptions(direction, workflow.steps.length),
    children: workflow.steps.map((step) => ({ id: step.id, ...sizeOf(step, sizes) })),
    edges: workflow.edges
      .filter((e) => e.source !== e.target && ids.has(e.source) && ids.has(e.target))
      .map((e): ElkExtendedEdge => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  engine ??= new ELK();
  const result = await engine.layout(graph);
  const positions = new Map<string, Position>();
  for (const node of result.children ?? []) positions.set(node.id, { x: node.x ?? 0, y: node.y ?? 0 });
  return positions;
}

/**
 * New positions for every step of the workflow. Apply them with `moveSteps` in one edit, so the whole
 * layout is undone in one step.
 */
export async function autoLayout(
  workflow: Workflow,
  roles: readonly Role[],
  options: AutoLayoutOptions,
): Promise<Map<string, Position>> {
  const placed = await layered(workflow, options.direction, options.sizes);
  const laneOrder = options.lanes
    ? computeLanes(workflow, roles, options.sizes, options.direction).map((l) => l.key)
    : [];
  if (laneOrder.length === 0) {
    return new Map([...placed].map(([id, p]) => [id, { x: Math.round(p.x), y: Math.round(p.y) }]));
  }
  return placeInLanes(workflow, placed, laneOrder, axesOf(options.direction), options.sizes);
}

/**
 * The lane each step is placed in. Work steps have their own; a control step goes with its predecessor
 * (a start step with its successor), and one connected to no lane at all with the first lane.
 */
function laneOfEveryStep(
  workflow: Workflow,
  flowOrder: readonly Step[],
  firstLane: LaneKey,
): Map<string, LaneKey> {
  const lane = new Map<string, LaneKey>();
  for (const step of workflow.steps) {
    const key = laneKeyOf(step);
    if (key !== null) lane.set(step.id, key);
  }
  const predecessors = new Map<string, string[]>();
  const successors = new Map<string, string[]>();
  for (const e of workflow.edges) {
    predecessors.set(e.target, [...(predecessors.get(e.target) ?? []), e.source]);
    successors.set(e.source, [...(successors.get(e.source) ?? []), e.target]);
  }
  const inheritFrom = (step: Step, neighbours: Map<string, string[]>) => {
    const from = (neighbours.get(step.id) ?? []).find((id) => lane.has(id));
    if (from !== undefined) lane.set(step.id, lane.get(from)!);
  };
  const backwards = [...flowOrder].reverse();
  // Predecessors mostly come earlier along the flow and successors later, so each sweep settles whole chains
  // of control steps; the loop only repeats for loops that run against the flow.
  for (let settled = false; !settled;) {
    const before = lane.size;
    for (const step of flowOrder)
      if (!lane.has(step.id) && step.type !== 'start') inheritFrom(step, predecessors);
    for (const step of backwards) if (!lane.has(step.id)) inheritFrom(step, successors);
    settled = lane.size === before;
  }
  for (const step of workflow.steps) if (!lane.has(step.id)) lane.set(step.id, firstLane);
  return lane;
}

/**
 * Keeps ELK's coordinate along the flow and stacks the lanes across it, in the given order. Inside a lane,
 * steps that overlap along the flow (the same layer) are stacked in rows, in ELK's order across the flow.
 */
function placeInLanes(
  workflow: Workflow,
  placed: ReadonlyMap<string, Position>,
  laneOrder: readonly LaneKey[],
  axes: Axes,
  sizes: StepSizes | undefined,
): Map<string, Position> {
  const at = (step: Step) => placed.get(step.id) ?? step.position;
  const documentIndex = new Map(workflow.steps.map((s, i) => [s.id, i]));
  const flowOrder = [...workflow.steps].sort(
    (a, b) =>
      at(a)[axes.flow] - at(b)[axes.flow] ||
      at(a)[axes.cross] - at(b)[axes.cross] ||
      documentIndex.get(a.id)! - documentIndex.get(b.id)!,
  );
  const laneOf = laneOfEveryStep(workflow, flowOrder, laneOrder[0]!);
  const positions = new Map<string, Position>();
  let laneStart = 0;
  for (const key of laneOrder) {
    const members = flowOrder.filter((s) => laneOf.get(s.id) === key);
    // Greedy interval partitioning: each step takes the first row that is free where it starts.
    const rowEnds: number[] = [];
    const rowOf = new Map<string, number>();
    let rowThickness = 0;
    for (const step of members) {
      const size = sizeOf(step, sizes);
      const start = snap(at(step)[axes.flow]);
      let row = rowEnds.findIndex((end) => end <= start);
      if (row < 0) row = rowEnds.push(0) - 1;
      rowEnds[row] = start + size[axes.flowSize];
      rowOf.set(step.id, row);
      rowThickness = Math.max(rowThickness, snapUp(size[axes.crossSize]));
    }
    for (const step of members) {
      const thickness = sizeOf(step, sizes)[axes.crossSize];
      const rowStart = laneStart + LANE_INSET + rowOf.get(step.id)! * (rowThickness + NODE_SPACING);
      // Centred in the row, so connections between steps of different heights run straight.
      const cross = rowStart + Math.round((rowThickness - thickness) / 2);
      const flow = snap(at(step)[axes.flow]);
      positions.set(step.id, axes.flow === 'x' ? { x: flow, y: cross } : { x: cross, y: flow });
    }
    const rows = Math.max(1, rowEnds.length);
    laneStart += 2 * LANE_INSET + rows * rowThickness + (rows - 1) * NODE_SPACING;
  }
  return positions;
}
