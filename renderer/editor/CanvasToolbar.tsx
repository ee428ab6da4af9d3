/**
 * Tools over the diagram: swimlanes on or off, auto-layout in either direction, and, with several steps
 * selected, align and distribute.
 */
import { Panel } from '@xyflow/react';
import {
  AlignCenterHorizontal,
  AlignCenterVertical,
  AlignEndHorizontal,
  AlignEndVertical,
  AlignHorizontalDistributeCenter,
  AlignStartHorizontal,
  AlignStartVertical,
  AlignVerticalDistributeCenter,
  ArrowDownFromLine,
  ArrowRightFromLine,
  LoaderCircle,
  Rows3,
  X,
  type LucideIcon,
} from 'lucide-react';
import type { AlignEdge, DistributeAxis } from '../../shared/model/arrange';
import { useEditor } from '../store/editorStore';
import { useOpenWorkflow } from '../store/workspaceStore';
import { formatNumber } from '../../shared/analysis/numbers';
import { cancelAutoLayout, runAutoLayout } from './autoLayoutAction';
import { alignSelection, distributeSelection } from './selectionEdits';

const ALIGN: [AlignEdge, string, LucideIcon][] = [
  ['left', 'Align left edges', AlignStartVertical],
  ['center', 'Align centres horizontally', AlignCenterVertical],
  ['right', 'Align right edges', AlignEndVertical],
  ['top', 'Align top edges', AlignStartHorizontal],
  ['middle', 'Align centres vertically', AlignCenterHorizontal],
  ['bottom', 'Align bottom edges', AlignEndHorizontal],
];
const DISTRIBUTE: [DistributeAxis, string, LucideIcon][] = [
  ['horizontal', 'Distribute horizontally', AlignHorizontalDistributeCenter],
  ['vertical', 'Distribute vertically', AlignVerticalDistributeCenter],
];

export function CanvasToolbar() {
  const showLanes = useEditor((s) => s.showLanes);
  const selectedCount = useEditor((s) => s.selectedStepIds.size);
  const layingOut = useEditor((s) => s.layingOut);
  const stepCount = useOpenWorkflow()?.steps.length ?? 0;
  return (
    <Panel position="top-right" className="canvas-toolbar" aria-label="Diagram tools" role="toolbar">
      <button
        type="button"
        aria-pressed={showLanes}
        title="Swimlanes: one lane per role, AI-automated steps in the AI lane"
        onClick={() => useEditor.getState().setShowLanes(!showLanes)}
      >
        <Rows3 size={16} aria-hidden /> Swimlanes
      </button>
      {layingOut ? (
        <>
          <span role="status" className="toolbar-status">
            <LoaderCircle size={16} aria-hidden className="spin" /> Laying out {formatNumber(stepCount)}{' '}
            steps…
          </span>
          <button type="button" onClick={cancelAutoLayout}>
            <X size={16} aria-hidden /> Cancel layout
          </button>
        </>
      ) : (
        <>
          <button type="button" title="Auto-layout, left to right" onClick={() => void runAutoLayout('LR')}>
            <ArrowRightFromLine size={16} aria-hidden /> Layout left to right
          </button>
          <button type="button" title="Auto-layout, top to bottom" onClick={() => void runAutoLayout('TB')}>
            <ArrowDownFromLine size={16} aria-hidden /> Layout top to bottom
          </button>
        </>
      )}
      {selectedCount >= 2 && (
        <span className="toolbar-group" role="group" aria-label="Align and distribute">
          {ALIGN.map(([edge, label, Icon]) => (
            <button
              key={edge}
              type="button"
              className="icon"
              aria-label={label}
              title={label}
              onClick={() => alignSelection(edge)}
            >
              <Icon size={16} aria-hidden />
            </button>
          ))}
          {DISTRIBUTE.map(([axis, label, Icon]) => (
            <button
              key={axis}
              type="button"
              className="icon"
              aria-label={label}
              title={`${label} (3 or more steps)`}
              disabled={selectedCount < 3}
              onClick={() => distributeSelection(axis)}
            >
              <Icon size={16} aria-hidden />
            </button>
          ))}
        </span>
      )}
    </Panel>
  );
}
