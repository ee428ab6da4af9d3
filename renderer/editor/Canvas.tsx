/**
 * The diagram. React Flow's nodes and edges are a view derived from the workflow; its changes are
 * translated into the store's edits. Selection and measured sizes are view state (editorStore).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Maximize } from 'lucide-react';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ControlButton,
  getViewportForBounds,
  Position as HandleSide,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type NodeHandle,
  type Viewport,
  type Edge as FlowEdge,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
} from '@xyflow/react';
import { canConnect, reworkTargetCandidates } from '../../shared/model/rules';
import * as ops from '../../shared/model/operations';
import type { Position, Step, Workflow } from '../../shared/model/schema';
import { defaultStepSize } from '../../shared/layout/geometry';
import { useWorkspace } from '../store/workspaceStore';
import { useEditor, type Size } from '../store/editorStore';
import { problemsByStep, useSkillIndex } from '../store/selectors';
import type { Problem } from '../../shared/model/validate';
import { notify } from '../store/notifications';
import {
  DETAIL_ZOOM,
  isZoomedOut,
  StepNode,
  type StepFlowNode,
  type StepHeat,
  type StepNodeData,
} from './StepNode';
import { OverviewLayer } from './OverviewLayer';
import { LargeMiniMap } from './LargeMiniMap';
import { useStepHighlight } from './useStepHighlight';
import './filter.css';
import { CanvasToolbar } from './CanvasToolbar';
import { LaneBands } from './LaneBands';
import { computeLanes, dropSteps, reorderLane, visibleStepIds, type Lane } from '../../shared/layout/lanes';
import { useShallow } from 'zustand/react/shallow';
import type { AnalysisResult } from '../../shared/analysis/analyze';
import { formatNumber } from '../../shared/analysis/numbers';
import { formatDuration as formatMinutes } from '../analysis/format';
import type { HeatMode } from '../store/editorStore';
import { onCommand } from '../desktop/commands';
import { addStepOfKind, PALETTE_MIME } from './addStep';
import { kindOf, STEP_KINDS, type StepKind } from './stepKinds';
import { canvasKeyOutcome } from './canvasKeyboard';
import { registerActions } from '../commands/registry';
import { motionMs } from '../ui/motion';
import { legibleViewport } from './legibleFit';

const nodeTypes = { step: StepNode };
/** The minimap draws SVG, which cannot read the stylesheet's custom properties; same hues as styles.css. */
const MINIMAP_COLOURS: Record<StepKind, string> = {
  start: '#1e7a46',
  end: '#394150',
  decision: '#5b6573',
  parallel: '#4a5a8a',
  review: '#9a5b00',
  'task-human': '#2962b8',
  'task-ai-assisted': '#7b43c9',
  'task-ai-automated': '#0c7a71',
};
const minimapColour = (node: StepFlowNode) => MINIMAP_COLOURS[kindOf(node.data.step)];
const REWORK_PREFIX = 'rework:';
/** Fitting counts hidden steps too (steps of collapsed lanes). */
const FIT_VIEW = { padding: 0.2, maxZoom: 1.2, includeHiddenNodes: true } as const;
/** Step names are set at STEP_NAME_PX (styles.css .step-name); READABLE_NAME_PX is legible from a metre away. */
const STEP_NAME_PX = 14;
const READABLE_NAME_PX = 16;
/** Fit View never sets names smaller than this on screen (issue #15 asks for at least 12 px). */
const LEGIBLE_NAME_PX = 13;
const LEGIBLE_ZOOM = LEGIBLE_NAME_PX / STEP_NAME_PX;
/** Margin around the diagram's start edge when the legible fit shows only part of it. */
const LEGIBLE_FIT_PADDING_PX = 32;
/** Far enough out to see thousands of steps at once. */
const MIN_ZOOM = 0.02;
const NO_LANES: readonly Lane[] = [];
const NO_NODES: StepFlowNode[] = [];

/** What a connection shows of the steps it joins, and a review's rework loop. */
interface StepLabel {
  type: Step['type'];
  name: string;
  reworkTargetId: string | null;
  rejectionRate: number;
}
function labelOf(step: Step): StepLabel {
  const review = step.type === 'review';
  return {
    type: step.type,
    name: step.name,
    reworkTargetId: review ? step.reworkTargetId : null,
    rejectionRate: review ? step.rejectionRate : 0,
  };
}
function sameLabel(label: StepLabel | undefined, step: Step): boolean {
  if (!label || label.type !== step.type || label.name !== step.name) return false;
  return step.type !== 'review'
    ? true
    : label.reworkTargetId === step.reworkTargetId && label.rejectionRate === step.rejectionRate;
}
const NO_SIZES: ReadonlyMap<string, Size> = new Map();
const NO_EDGES: FlowEdge[] = [];
const HANDLE = 6;
/**
 * A step's size and handles before React Flow has measured it. With both known, React Flow culls the step
 * until it is in view instead of rendering every step once to measure it (seconds for thousands of steps).
 */
function unmeasured(step: Step): { initialWidth: number; initialHeight: number; handles: NodeHandle[] } {
  const { width, height } = defaultStepSize(step);
  const at = (x: number, y: number) => ({
    x: x - HANDLE / 2,
    y: y - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  });
  const handles: NodeHandle[] = [];
  if (step.type !== 'start')
    handles.push({ type: 'target', position: HandleSide.Left, ...at(0, height / 2) });
  if (step.type !== 'end')
    handles.push({ type: 'source', position: HandleSide.Right, ...at(width, height / 2) });
  if (step.type === 'review')
    handles.push({ id: 'rework', type: 'source', position: HandleSide.Bottom, ...at(width / 2, height) });
  return { initialWidth: width, initialHeight: height, handles };
}

/** The box around every step (measured or default size) and every lane band, in flow coordinates. */
function diagramBounds(
  steps: readonly Step[],
  sizes: ReadonlyMap<string, Size>,
  bands: readonly { x: number; y: number; width: number; height: number }[],
) {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  const take = (x: number, y: number, width: number, height: number) => {
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + width);
    bottom = Math.max(bottom, y + height);
  };
  for (const s of steps) {
    const size = sizes.get(s.id) ?? defaultStepSize(s);
    take(s.position.x, s.position.y, size.width, size.height);
  }
  for (const b of bands) take(b.x, b.y, b.width, b.height);
  if (!Number.isFinite(left)) return { x: 0, y: 0, width: 1, height: 1 };
  return { x: left, y: top, width: right - left, height: bottom - top };
}
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
/** How long measuring must rest before measured sizes are stored (see storeSizesLater). */
const SIZES_SETTLE_MS = 150;
/** Above this many steps only the steps and connections in view are rendered (culling keeps edits fluid). */
const LARGE_WORKFLOW = 150;

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function sameNodeData(a: StepNodeData, b: StepNodeData): boolean {
  return (
    a.step === b.step &&
    a.roleName === b.roleName &&
    a.reworkTargetName === b.reworkTargetName &&
    sameList(a.skillNames, b.skillNames) &&
    sameList(a.problems, b.problems) &&
    a.heat?.label === b.heat?.label &&
    a.heat?.share === b.heat?.share
  );
}

/** Each step's share of the hottest step's load or wait, with the figure as text (never colour alone). */
function stepHeat(analysis: AnalysisResult, mode: HeatMode): ReadonlyMap<string, StepHeat> {
  if (mode === 'off' || !analysis.ok) return NO_HEAT;
  const map = new Map<string, StepHeat>();
  const value = (s: (typeof analysis.steps)[number]) =>
    mode === 'load' ? s.hoursPerWeek : (s.waitMinutes ?? Infinity);
  const finite = analysis.steps.map(value).filter((v) => Number.isFinite(v));
  const max = Math.max(0, ...finite);
  for (const s of analysis.steps) {
    if (s.type === 'start' || s.type === 'end' || s.type === 'decision' || s.type === 'parallel') continue;
    const v = value(s);
    const share = !Number.isFinite(v) ? 1 : max > 0 ? v / max : 0;
    const label =
      mode === 'load'
        ? s.aiRunsPerWeek !== null
          ? `${formatNumber(s.aiRunsPerWeek)} AI runs/wk`
          : `${formatNumber(s.hoursPerWeek)} h/wk`
        : s.waitMinutes === null
          ? s.roleId
            ? 'wait grows without limit'
            : 'no queue'
          : `waits ${formatMinutes(s.waitMinutes)}`;
    map.set(s.id, { share, label });
  }
  return map;
}
const NO_NAMES: readonly string[] = [];
const NO_HEAT: ReadonlyMap<string, StepHeat> = new Map();

/**
 * The previous value while the new one holds the same entries, so that what is keyed on it (the steps'
 * nodes, the overview's picture) is not rebuilt when an edit or a what-if changed nothing it shows.
 */
function useSameContent<T extends ReadonlySet<string> | ReadonlyMap<string, StepHeat>>(value: T): T {
  const previous = useRef(value);
  if (previous.current !== value && !sameEntries(previous.current, value)) previous.current = value;
  return previous.current;
}
function sameEntries(
  a: ReadonlySet<string> | ReadonlyMap<string, StepHeat>,
  b: ReadonlySet<string> | ReadonlyMap<string, StepHeat>,
): boolean {
  if (a.size !== b.size) return false;
  if (a instanceof Set || b instanceof Set) {
    if (!(a instanceof Set && b instanceof Set)) return false;
    for (const key of a) if (!b.has(key)) return false;
    return true;
  }
  const bm = b as ReadonlyMap<string, StepHeat>;
  for (const [key, heat] of a as ReadonlyMap<string, StepHeat>) {
    const other = bm.get(key);
    if (!other || other.share !== heat.share || other.label !== heat.label) return false;
  }
  return true;
}

export interface CanvasProps {
  workflow: Workflow;
  /** Computed once by the editor for the canvas and the panels alike (validation runs once per edit). */
  analysis: AnalysisResult;
  problems: readonly Problem[];
}

export function Canvas({ workflow, analysis, problems }: CanvasProps) {
  const editWorkflow = useWorkspace((s) => s.editWorkflow);
  const roles = useWorkspace((s) => s.roles);
  const skills = useSkillIndex();
  const { selectedStepIds, selectedEdgeIds, measured, focusStepId, heat, dragPositions } = useEditor(
    useShallow((s) => ({
      selectedStepIds: s.selectedStepIds,
      selectedEdgeIds: s.selectedEdgeIds,
      measured: s.measured,
      focusStepId: s.focusStepId,
      heat: s.heat,
      dragPositions: s.dragPositions,
    })),
  );
  const { showLanes, laneDirection, collapsedLanes } = useEditor(
    useShallow((s) => ({
      showLanes: s.showLanes,
      laneDirection: s.laneDirection,
      collapsedLanes: s.collapsedLanes,
    })),
  );
  // Lanes follow the stored positions (not a drag in progress), so the bands stay put while a step moves.
  const lanes = useMemo<readonly Lane[]>(
    () => (showLanes ? computeLanes(workflow, roles, measured, laneDirection) : NO_LANES),
    [showLanes, workflow, roles, measured, laneDirection],
  );
  const lanesRef = useRef(lanes);
  lanesRef.current = lanes;
  const visible = useMemo(
    () => (showLanes && collapsedLanes.size > 0 ? visibleStepIds(workflow, lanes, collapsedLanes) : null),
    [showLanes, collapsedLanes, workflow, lanes],
  );
  // A large workflow zoomed out is drawn by the overview layer; React Flow then gets no steps at all.
  const zoomedOut = useStore(isZoomedOut);
  const large = workflow.steps.length > LARGE_WORKFLOW;
  /**
   * Set before a jump to a zoom below the overview threshold (opening, fitting): the steps leave React Flow
   * first, so that it never renders thousands of them for the one frame between the jump and the overview.
   */
  const [pendingOverview, setPendingOverview] = useState(() => {
    if (!large) return false;
    const estimate = getViewportForBounds(
      diagramBounds(workflow.steps, new Map(), []),
      window.innerWidth * 0.55,
      window.innerHeight * 0.85,
      MIN_ZOOM,
      FIT_VIEW.maxZoom,
      FIT_VIEW.padding,
    );
    return estimate.zoom < DETAIL_ZOOM;
  });
  useEffect(() => {
    if (pendingOverview && zoomedOut) setPendingOverview(false);
  }, [pendingOverview, zoomedOut]);
  const overview = large && (zoomedOut || pendingOverview);
  const heatByStep = useSameContent(useMemo(() => stepHeat(analysis, heat), [analysis, heat]));
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const edit = useCallback(
    (fn: (wf: Workflow) => Workflow) => editWorkflow(workflow.id, fn),
    [editWorkflow, workflow.id],
  );

  // What connections (and rework targets) show of their steps: type, name, rework loop. Unchanged by a move,
  // so a drag or a drop leaves the connections alone instead of rebuilding thousands of them.
  const labelsRef = useRef<ReadonlyMap<string, StepLabel>>(new Map());
  const stepLabels = useMemo(() => {
    const previous = labelsRef.current;
    const same =
      previous.size === workflow.steps.length &&
      workflow.steps.every((s) => sameLabel(previous.get(s.id), s));
    if (!same) labelsRef.current = new Map(workflow.steps.map((s) => [s.id, labelOf(s)]));
    return labelsRef.current;
  }, [workflow.steps]);

  // Nodes keep their identity while nothing they show changes, so React Flow and the memoised StepNode
  // skip them: typing in one step or dragging it re-renders that step only, even in a workflow of thousands.
  // The find bar: steps that do not match fade, matches get an outline.
  const { matches } = useStepHighlight(workflow, problems);
  const nodeCache = useRef<{ context: readonly unknown[]; nodes: Map<string, StepFlowNode> }>({
    context: [],
    nodes: new Map(),
  });
  const baseNodes = useMemo<StepFlowNode[]>(() => {
    // In the overview React Flow has nothing to do: the overview layer draws, `fit` measures the steps.
    if (overview) return NO_NODES;
    // What a node shows besides its own step. While none of it changed (a move, an edit of one step), a step
    // whose object is the same keeps its node without building its data again: thousands of steps, one lookup each.
    const context = [roles, skills, problems, heatByStep, visible, matches, stepLabels];
    const cache = nodeCache.current;
    const sameContext = context.every((value, i) => value === cache.context[i]);
    let roleNames: Map<string, string> | null = null;
    let byStep: Map<string, Problem[]> | null = null;
    const next = new Map<string, StepFlowNode>();
    const result = workflow.steps.map((step) => {
      const selected = selectedStepIds.has(step.id);
      const previous = cache.nodes.get(step.id);
      if (sameContext && previous && previous.data.step === step && previous.selected === selected) {
        next.set(step.id, previous);
        return previous;
      }
      roleNames ??= new Map(roles.map((r) => [r.id, r.name]));
      byStep ??= problemsByStep(problems);
      const hidden = visible !== null && !visible.has(step.id);
      const className = matches === null ? undefined : matches.has(step.id) ? 'match' : 'dimmed';
      const isWork = step.type === 'task' || step.type === 'review';
      const data: StepNodeData = {
        step,
        roleName: isWork && step.roleId ? (roleNames.get(step.roleId) ?? null) : null,
        skillNames: isWork ? step.skills.map((r) => skills.get(r.skillId)?.name ?? r.skillId) : NO_NAMES,
        reworkTargetName:
          step.type === 'review' && step.reworkTargetId
            ? (stepLabels.get(step.reworkTargetId)?.name ?? null)
            : null,
        problems: (byStep.get(step.id) ?? []).map((p) => p.message),
        heat: heatByStep.get(step.id) ?? null,
      };
      const position = step.position;
      const node =
        previous &&
        previous.selected === selected &&
        previous.position === position &&
        Boolean(previous.hidden) === hidden &&
        previous.className === className &&
        sameNodeData(previous.data, data)
          ? previous
          : {
              id: step.id,
              type: 'step' as const,
              position,
              selected,
              ...(hidden ? { hidden: true } : {}),
              ...(className ? { className } : {}),
              data,
            };
      next.set(step.id, node);
      return node;
    });
    nodeCache.current = { context, nodes: next };
    return result;
  }, [
    workflow.steps,
    roles,
    skills,
    problems,
    selectedStepIds,
    heatByStep,
    overview,
    visible,
    matches,
    stepLabels,
  ]);

  // Sizes React Flow measures as steps scroll into view are kept here first and stored (for lanes, fitting,
  // the overview) once measuring has rested: storing them at every frame of a pan would rebuild the node list
  // of thousands of steps at every frame. React Flow has them already; a node built meanwhile gets them too.
  const unsettledSizes = useRef(new Map<string, Size>());
  const settleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const storeSizesLater = useCallback((sizes: ReadonlyMap<string, Size>) => {
    for (const [id, size] of sizes) unsettledSizes.current.set(id, size);
    clearTimeout(settleTimer.current);
    settleTimer.current = setTimeout(() => {
      const next = new Map(useEditor.getState().measured);
      for (const [id, size] of unsettledSizes.current) next.set(id, size);
      unsettledSizes.current = new Map();
      useEditor.getState().setMeasured(next);
    }, SIZES_SETTLE_MS);
  }, []);
  useEffect(() => () => clearTimeout(settleTimer.current), []);

  // Sizes React Flow measured go back to it on the nodes (so it keeps their handles); a step measured for the
  // first time, as it scrolls into view, replaces that one node, not the whole list.
  const sizedCache = useRef(
    new Map<string, { base: StepFlowNode; size: Size | undefined; node: StepFlowNode }>(),
  );
  const sizedNodes = useMemo<StepFlowNode[]>(() => {
    const cache = sizedCache.current;
    const next = new Map<string, { base: StepFlowNode; size: Size | undefined; node: StepFlowNode }>();
    const result = baseNodes.map((base) => {
      const size = unsettledSizes.current.get(base.id) ?? measured.get(base.id);
      const previous = cache.get(base.id);
      const node =
        previous && previous.base === base && previous.size === size
          ? previous.node
          : size
            ? { ...base, measured: size }
            : // A size before measuring lets culling skip steps never yet on screen (else all would mount once).
              { ...base, ...unmeasured(base.data.step) };
      next.set(base.id, { base, size, node });
      return node;
    });
    sizedCache.current = next;
    return result;
  }, [baseNodes, measured]);

  // A drag moves only the dragged steps: their nodes are replaced, every other node keeps its identity.
  const nodes = useMemo<StepFlowNode[]>(
    () =>
      dragPositions.size === 0
        ? sizedNodes
        : sizedNodes.map((node) => {
            const at = dragPositions.get(node.id);
            return at ? { ...node, position: at } : node;
          }),
    [sizedNodes, dragPositions],
  );

  /** Moves steps as one edit; with lanes shown, a step dropped in another lane takes that lane's role. */
  const commitMoves = useCallback(
    (positions: ReadonlyMap<string, Position>) => {
      if (!useEditor.getState().showLanes) {
        edit((wf) => ops.moveSteps(wf, positions));
        return;
      }
      let refused: string[] = [];
      edit((wf) => {
        const drop = dropSteps(wf, lanesRef.current, positions, useEditor.getState().measured);
        refused = drop.refused;
        return drop.workflow;
      });
      for (const reason of refused) notify(reason, 'error');
    },
    [edit],
  );

  // Like nodes, edges keep their identity while what they show is unchanged (keyed by a signature of it).
  const edgeCache = useRef(new Map<string, { signature: string; edge: FlowEdge }>());
  const edgesRef = useRef<FlowEdge[]>([]);
  const edges = useMemo<FlowEdge[]>(() => {
    if (overview) return NO_EDGES;
    const cache = edgeCache.current;
    const next = new Map<string, { signature: string; edge: FlowEdge }>();
    const keep = (signature: string, make: () => FlowEdge): FlowEdge => {
      const id = signature.slice(0, signature.indexOf('|'));
      const previous = cache.get(id);
      const edge = previous && previous.signature === signature ? previous.edge : make();
      next.set(id, { signature, edge });
      return edge;
    };
    const stepById = stepLabels;
    const flowEdges: FlowEdge[] = workflow.edges.map((e) => {
      const fromDecision = stepById.get(e.source)?.type === 'decision';
      const share = fromDecision && e.probability !== null ? `${Math.round(e.probability * 1000) / 10}%` : '';
      const label = [e.label, share].filter(Boolean).join(' · ');
      const sourceName = stepById.get(e.source)?.name ?? '?';
      const targetName = stepById.get(e.target)?.name ?? '?';
      const selected = selectedEdgeIds.has(e.id);
      const signature = `${e.id}|${e.source}|${e.target}|${label}|${sourceName}|${targetName}|${selected}`;
      return keep(signature, () => ({
        id: e.id,
        source: e.source,
        target: e.target,
        selected,
        markerEnd: { type: MarkerType.ArrowClosed },
        ariaLabel: `Connection from ${sourceName} to ${targetName}`,
        ...(label ? { label, labelBgPadding: [6, 3] as [number, number], labelBgBorderRadius: 4 } : {}),
      }));
    });
    for (const [stepId, s] of stepLabels) {
      if (s.reworkTargetId === null || !stepById.has(s.reworkTargetId)) continue;
      const targetName = stepById.get(s.reworkTargetId)?.name ?? '?';
      const id = `${REWORK_PREFIX}${stepId}`;
      const reworkTarget = s.reworkTargetId;
      const rate = s.rejectionRate;
      const name = s.name;
      flowEdges.push(
        keep(`${id}|${reworkTarget}|${rate}|${name}|${targetName}`, () => ({
          id,
          source: stepId,
          sourceHandle: 'rework',
          target: reworkTarget,
          type: 'smoothstep',
          className: 'rework-edge',
          selectable: false,
          deletable: false,
          focusable: false,
          markerEnd: { type: MarkerType.ArrowClosed },
          label: `rework ${Math.round(rate * 1000) / 10}%`,
          ariaLabel: `Rework loop from ${name} back to ${targetName}`,
        })),
      );
    }
    edgeCache.current = next;
    // The same connections as before keep the same array, so React Flow does not rebuild its lookups.
    const previous = edgesRef.current;
    if (previous.length === flowEdges.length && flowEdges.every((edge, i) => edge === previous[i]))
      return previous;
    edgesRef.current = flowEdges;
    return flowEdges;
  }, [stepLabels, workflow.edges, selectedEdgeIds, overview]);

  const problemStepIds = useSameContent(
    useMemo<ReadonlySet<string>>(() => new Set(problemsByStep(problems).keys()), [problems]),
  );
  const onOverviewSelect = useCallback(
    (ids: ReadonlySet<string>) => useEditor.getState().setSelection(ids, new Set()),
    [],
  );
  const onLaneMove = useCallback(
    (key: string, move: 'up' | 'down') =>
      edit((wf) =>
        reorderLane(wf, lanesRef.current, key as Lane['key'], move, {
          direction: useEditor.getState().laneDirection,
          sizes: useEditor.getState().measured,
        }),
      ),
    [edit],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<StepFlowNode>[]) => {
      const positions = new Map<string, Position>();
      let dragging: Map<string, Position> | null = null;
      const removed = new Set<string>();
      let sizes: Map<string, Size> | null = null;
      let selection: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'position') {
          const drag = useEditor.getState().dragPositions;
          const at = c.position ?? drag.get(c.id);
          if (!at) continue;
          const rounded = { x: Math.round(at.x), y: Math.round(at.y) };
          if (c.dragging) {
            dragging ??= new Map(drag);
            dragging.set(c.id, rounded);
          } else positions.set(c.id, rounded);
        } else if (c.type === 'dimensions' && c.dimensions) {
          sizes ??= new Map();
          sizes.set(c.id, c.dimensions);
        } else if (c.type === 'remove') removed.add(c.id);
        else if (c.type === 'select') {
          selection ??= new Set(useEditor.getState().selectedStepIds);
          if (c.selected) selection.add(c.id);
          else selection.delete(c.id);
        }
      }
      if (sizes) storeSizesLater(sizes);
      if (selection) useEditor.getState().setSelection(selection, useEditor.getState().selectedEdgeIds);
      if (dragging) useEditor.getState().setDragPositions(dragging);
      if (positions.size > 0) {
        commitMoves(positions);
        const rest = new Map(useEditor.getState().dragPositions);
        for (const id of positions.keys()) rest.delete(id);
        useEditor.getState().setDragPositions(rest);
      }
      if (removed.size > 0) {
        edit((wf) => ops.removeElements(wf, removed));
        useEditor.getState().clearSelection();
      }
    },
    [edit, commitMoves, storeSizesLater],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const removed = new Set<string>();
      let selection: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'add' || c.type === 'replace' || c.id.startsWith(REWORK_PREFIX)) continue;
        if (c.type === 'remove') removed.add(c.id);
        else if (c.type === 'select') {
          selection ??= new Set(useEditor.getState().selectedEdgeIds);
          if (c.selected) selection.add(c.id);
          else selection.delete(c.id);
        }
      }
      if (selection) useEditor.getState().setSelection(useEditor.getState().selectedStepIds, selection);
      if (removed.size > 0) edit((wf) => ops.removeElements(wf, new Set(), removed));
    },
    [edit],
  );

  const isValidConnection = useCallback<IsValidConnection>(
    (c) => {
      if (c.sourceHandle === 'rework') {
        const review = workflow.steps.find((s) => s.id === c.source);
        return (
          review?.type === 'review' && reworkTargetCandidates(workflow, review).some((s) => s.id === c.target)
        );
      }
      return canConnect(workflow, c.source, c.target).ok;
    },
    [workflow],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.sourceHandle === 'rework') {
        edit((wf) => ops.updateStep(wf, c.source, { reworkTargetId: c.target }));
        return;
      }
      try {
        edit((wf) => ops.connect(wf, c.source, c.target));
      } catch (error) {
        if (error instanceof ops.ConnectionRefused) notify(error.message, 'error');
        else throw error;
      }
    },
    [edit],
  );

  const onDrop = useCallback(
    (event: React.DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME) as StepKind;
      if (!STEP_KINDS.some((k) => k.kind === kind)) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addStepOfKind(workflow.id, kind, { x: Math.round(at.x - 100), y: Math.round(at.y - 40) });
    },
    [flow, workflow.id],
  );

  // Fitting takes in the lanes' headers too, which stick out to the left of (or above) the steps.
  const store = useStoreApi<StepFlowNode, FlowEdge>();
  // React Flow 12 mounts its selection listener whenever `onSelectionChangeHandlers` is truthy, and it starts
  // as an empty array: a selector then walks every node and connection on every store update, each frame of
  // a pan or a drag included (about 7 ms at 5,000 steps). Selection lives in editorStore and nothing here
  // uses onSelectionChange or useOnSelectionChange (which would need the array), so the listener is let go.
  useEffect(() => {
    store.setState({ onSelectionChangeHandlers: undefined as unknown as [] });
  }, [store]);
  const stepsRef = useRef(workflow.steps);
  stepsRef.current = workflow.steps;
  const pendingViewport = useRef<{ viewport: Viewport; duration: number } | null>(null);
  const [fitRequests, setFitRequests] = useState(0);
  const fit = useCallback(
    (padding: number, duration = 300, whole = false, tries = 0) => {
      const { width, height, minZoom, maxZoom, transform } = store.getState();
      if (!width || !height) {
        // Not laid out yet (the first frame after opening): try again on the next one.
        if (tries < 10) requestAnimationFrame(() => fit(padding, duration, whole, tries + 1));
        return;
      }
      const bounds = diagramBounds(
        stepsRef.current,
        useEditor.getState().measured,
        lanesRef.current.map((l) => l.band),
      );
      const complete = getViewportForBounds(
        bounds,
        width,
        height,
        minZoom,
        Math.min(maxZoom, FIT_VIEW.maxZoom),
        padding,
      );
      // Readable first, complete second: a small workflow is never fitted below the legible zoom (a large
      // one is fitted whole, into the overview, which is drawn for that). See legibleFit.ts.
      const { selectedStepIds, measured } = useEditor.getState();
      const selected = stepsRef.current.filter((s) => selectedStepIds.has(s.id));
      const viewport =
        whole || stepsRef.current.length > LARGE_WORKFLOW
          ? complete
          : legibleViewport(
              bounds,
              { width, height },
              complete,
              LEGIBLE_ZOOM,
              LEGIBLE_FIT_PADDING_PX,
              selected.length > 0 ? diagramBounds(selected, measured, []) : undefined,
            );
      const intoOverview =
        stepsRef.current.length > LARGE_WORKFLOW &&
        viewport.zoom < DETAIL_ZOOM &&
        transform[2] >= DETAIL_ZOOM;
      if (intoOverview) {
        // Into the overview the view jumps: animating a fiftyfold zoom over thousands of steps would redraw
        // all of them on every frame, for a picture that is a blur until it rests.
        pendingViewport.current = { viewport, duration: 0 };
        setPendingOverview(true);
        setFitRequests((n) => n + 1);
      } else void flow.setViewport(viewport, { duration: motionMs(duration) });
    },
    [flow, store],
  );
  // The jump into the overview waits until React Flow has let go of the steps, and for the next frame: the
  // steps leave in one task, the whole diagram is drawn in the next.
  useEffect(() => {
    const pending = pendingViewport.current;
    if (!overview || !pending) return;
    const frame = requestAnimationFrame(() => {
      pendingViewport.current = null;
      void flow.setViewport(pending.viewport, { duration: pending.duration });
    });
    return () => cancelAnimationFrame(frame);
  }, [overview, flow, fitRequests]);

  // "Readable size": the zoom at which step names are READABLE_NAME_PX on screen, around the selection (or
  // the middle of the view), for when the whole diagram fitted is too small to read.
  useEffect(
    () =>
      registerActions([
        {
          id: 'view.readable',
          title: 'Zoom to a readable size',
          group: 'View',
          keys: ['Mod+Alt+0'],
          run: () => {
            const { selectedStepIds, measured } = useEditor.getState();
            const chosen = stepsRef.current.filter((s) => selectedStepIds.has(s.id));
            const zoom = READABLE_NAME_PX / STEP_NAME_PX;
            if (chosen.length > 0) {
              const b = diagramBounds(chosen, measured, []);
              void flow.setCenter(b.x + b.width / 2, b.y + b.height / 2, { zoom, duration: motionMs(300) });
            } else {
              const { width, height, transform } = store.getState();
              const [x, y, k] = transform;
              void flow.setCenter((width / 2 - x) / k, (height / 2 - y) / k, {
                zoom,
                duration: motionMs(300),
              });
            }
          },
          keywords: ['zoom', 'legible', 'bigger', 'text size'],
        },
        {
          id: 'view.fit-whole',
          title: 'Fit whole diagram (may be too small to read)',
          group: 'View',
          run: () => fit(FIT_VIEW.padding, 300, true),
          keywords: ['zoom out', 'overview', 'everything', 'fit view'],
        },
      ]),
    [flow, store, fit],
  );

  // Menu commands (Electron's View menu, the Present button).
  useEffect(
    () =>
      onCommand((command) => {
        if (command === 'fit-view') fit(0.1);
        else if (command === 'present' || command === 'present-end') {
          // The app shell sets presenting (present/actions.ts); let the panels collapse or return before
          // fitting the diagram to the new size.
          setTimeout(() => fit(0.08), 50);
        }
      }),
    [fit],
  );

  useEffect(() => {
    if (!focusStepId) return;
    const step = workflow.steps.find((s) => s.id === focusStepId);
    if (step)
      void flow.setCenter(step.position.x + 100, step.position.y + 50, {
        zoom: Math.max(flow.getZoom(), 1),
        duration: motionMs(300),
      });
    useEditor.getState().focusStep(null);
  }, [focusStepId, flow, workflow.steps]);

  // Alt+arrows and Enter on a focused step (canvasKeyboard.ts), in the capture phase so React Flow's own
  // handler on the step (which would also move a selected step) does not see them.
  const onStepKeyDown = useCallback(
    (e: React.KeyboardEvent<HTMLDivElement>) => {
      const target = e.target as HTMLElement;
      if (!target.classList.contains('react-flow__node')) return;
      const stepId = target.dataset['id'];
      if (!stepId) return;
      const outcome = canvasKeyOutcome(workflow, {
        stepId,
        key: e.key,
        altKey: e.altKey,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        shiftKey: e.shiftKey,
      });
      if (!outcome) return;
      e.preventDefault();
      e.stopPropagation();
      const editor = useEditor.getState();
      if (outcome.kind === 'open') {
        editor.selectOnly([stepId]);
        editor.setPanel('inspector');
        // The Inspector shows this step a render or two later; focus its first field once it is there.
        let frames = 0;
        const focusInspector = () => {
          const field = document.querySelector<HTMLElement>(
            `[aria-label="Step properties"][data-step-id="${CSS.escape(stepId)}"] input`,
          );
          if (field) field.focus();
          else if (++frames < 30) requestAnimationFrame(focusInspector);
        };
        requestAnimationFrame(focusInspector);
        return;
      }
      const node = () =>
        wrapper.current?.querySelector<HTMLElement>(
          `.react-flow__node[data-id="${CSS.escape(outcome.stepId)}"]`,
        );
      // React Flow pans to a step that gets focus; one not rendered (out of view in a large workflow) is
      // brought into view first.
      const rendered = node();
      if (rendered) return rendered.focus();
      editor.focusStep(outcome.stepId);
      setTimeout(() => node()?.focus(), 350);
    },
    [workflow],
  );

  return (
    <div
      className="canvas"
      ref={wrapper}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
      onKeyDownCapture={onStepKeyDown}
    >
      <ReactFlow<StepFlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onPaneClick={() => useEditor.getState().clearSelection()}
        onNodeDoubleClick={(_, node) => useEditor.getState().setRenaming(node.id)}
        zoomOnDoubleClick={false}
        // Delete and Backspace are the editor's action (they work in the overview too).
        deleteKeyCode={null}
        // Shift+drag draws a selection box; Shift-, Ctrl- or ⌘-click adds a step to the selection.
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        onlyRenderVisibleElements={workflow.steps.length > LARGE_WORKFLOW}
        // Every workflow is fitted by `fit`: a large one hides its steps first, a small one stays legible.
        onInit={() => fit(FIT_VIEW.padding, 0)}
        minZoom={MIN_ZOOM}
        snapToGrid
        snapGrid={[10, 10]}
        proOptions={{ hideAttribution: true }}
        aria-label="Workflow diagram"
      >
        <Background gap={20} />
        {showLanes && (
          <LaneBands
            lanes={lanes}
            collapsed={collapsedLanes}
            direction={laneDirection}
            onToggleCollapsed={useEditor.getState().toggleLaneCollapsed}
            onMove={onLaneMove}
          />
        )}
        <CanvasToolbar />
        {overview ? (
          <OverviewLayer
            steps={visible ? workflow.steps.filter((step) => visible.has(step.id)) : workflow.steps}
            edges={workflow.edges}
            sizes={measured}
            dragPositions={dragPositions}
            selected={selectedStepIds}
            problemStepIds={problemStepIds}
            heat={heatByStep}
            matches={matches}
            onSelect={onOverviewSelect}
            onDrop={commitMoves}
          />
        ) : workflow.steps.length > LARGE_WORKFLOW ? (
          // Default sizes: a minimap need not redraw each time a step is measured.
          <LargeMiniMap steps={workflow.steps} sizes={NO_SIZES} />
        ) : (
          // Zoomed out to the overview the whole workflow is in view; the minimap would repeat it.
          <MiniMap<StepFlowNode>
            pannable
            zoomable
            nodeColor={minimapColour}
            style={{ width: 160, height: 110 }}
            ariaLabel="Overview of the whole workflow"
          />
        )}
        <Controls aria-label="Zoom and fit controls" showFitView={false}>
          <ControlButton onClick={() => fit(FIT_VIEW.padding)} aria-label="Fit View" title="Fit view">
            <Maximize aria-hidden />
          </ControlButton>
        </Controls>
      </ReactFlow>
    </div>
  );
}
