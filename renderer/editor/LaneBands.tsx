/**
 * Swimlane bands drawn behind the steps, in flow coordinates (inside React Flow's viewport, so they pan and
 * zoom with the diagram). The bands let pointer events through, so panning and box selection work over
 * them; only the header, with the lane's title, member count and buttons, takes the pointer.
 */
import { ViewportPortal } from '@xyflow/react';
import { ChevronDown, ChevronLeft, ChevronRight, ChevronUp } from 'lucide-react';
import type { CSSProperties } from 'react';
import { AI_LANE, type Lane, type LaneKey } from '../../shared/layout/lanes';
import type { LayoutDirection, Rect } from '../../shared/layout/geometry';
import './lanes.css';

/** How thick a collapsed lane is drawn across the flow: just its header. */
export const COLLAPSED_LANE_THICKNESS = 40;

export interface LaneBandsProps {
  lanes: readonly Lane[];
  collapsed: ReadonlySet<string>;
  onToggleCollapsed(key: LaneKey): void;
  /** 'up' is the previous lane: above in left-to-right flows, to the left in top-to-bottom ones. */
  onMove(key: LaneKey, move: 'up' | 'down'): void;
  /** The flow the lanes were computed for (default LR: horizontal bands). */
  direction?: LayoutDirection;
}

const placed = (rect: Rect): CSSProperties => ({
  transform: `translate(${rect.x}px, ${rect.y}px)`,
  width: rect.width,
  height: rect.height,
});

/** A collapsed lane keeps its place but shrinks across the flow to a thin strip. */
function thin(rect: Rect, direction: LayoutDirection): Rect {
  return direction === 'LR'
    ? { ...rect, height: Math.min(rect.height, COLLAPSED_LANE_THICKNESS) }
    : { ...rect, width: Math.min(rect.width, COLLAPSED_LANE_THICKNESS) };
}

/** A collapsed lane's header is one row (LR) or column (TB) as long as its contents need. */
function collapsedHeader(rect: Rect, direction: LayoutDirection): CSSProperties {
  const { width, height, ...rest } = placed(thin(rect, direction));
  return direction === 'LR' ? { ...rest, height } : { ...rest, width };
}

export function LaneBands({ lanes, collapsed, onToggleCollapsed, onMove, direction = 'LR' }: LaneBandsProps) {
  const [before, after] = direction === 'LR' ? ['up', 'down'] : ['left', 'right'];
  const [BeforeIcon, AfterIcon] = direction === 'LR' ? [ChevronUp, ChevronDown] : [ChevronLeft, ChevronRight];
  return (
    <ViewportPortal>
      <div className={`lane-bands lanes-${direction}`}>
        {lanes.map((lane, index) => {
          const isCollapsed = collapsed.has(lane.key);
          const band = isCollapsed ? thin(lane.band, direction) : lane.band;
          const header = isCollapsed ? collapsedHeader(lane.header, direction) : placed(lane.header);
          const tint = lane.key === AI_LANE ? 'lane-ai' : index % 2 === 0 ? 'lane-even' : 'lane-odd';
          const count = lane.stepIds.length;
          return (
            <div key={lane.key} className={`lane-band ${tint}${isCollapsed ? ' is-collapsed' : ''}`}>
              <div className="lane-band-fill" style={placed(band)} />
              <div
                className="lane-header nopan nodrag"
                style={header}
                role="group"
                aria-label={`Lane ${lane.title}`}
              >
                <div className="lane-title" title={lane.title}>
                  {lane.title}
                </div>
                <div className="lane-count">
                  {count} {count === 1 ? 'step' : 'steps'}
                </div>
                <div className="lane-buttons">
                  <button
                    type="button"
                    className="icon"
                    aria-label={`${isCollapsed ? 'Expand' : 'Collapse'} lane ${lane.title}`}
                    aria-expanded={!isCollapsed}
                    title={isCollapsed ? 'Show the lane’s steps' : 'Hide the lane’s steps'}
                    onClick={() => onToggleCollapsed(lane.key)}
                  >
                    {isCollapsed ? <ChevronRight size={14} /> : <ChevronDown size={14} />}
                  </button>
                  <button
                    type="button"
                    className="icon"
                    aria-label={`Move lane ${lane.title} ${before}`}
                    title={`Move lane ${before}`}
                    disabled={index === 0}
                    onClick={() => onMove(lane.key, 'up')}
                  >
                    <BeforeIcon size={14} />
                  </button>
                  <button
                    type="button"
                    className="icon"
                    aria-label={`Move lane ${lane.title} ${after}`}
                    title={`Move lane ${after}`}
                    disabled={index === lanes.length - 1}
                    onClick={() => onMove(lane.key, 'down')}
                  >
                    <AfterIcon size={14} />
                  </button>
                </div>
              </div>
            </div>
          );
        })}
      </div>
    </ViewportPortal>
  );
}
