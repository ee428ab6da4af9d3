/**
 * The minimap of a large workflow: every step as a small box in its kind's colour, drawn once per edit on
 * one canvas, and the visible area drawn over it on every pan or zoom. (React Flow's own minimap keeps one
 * store subscription per step, which costs milliseconds on every frame with thousands of steps.)
 * Press or drag on it to move the view there.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Panel, useReactFlow, useStore } from '@xyflow/react';
import type { Step } from '../../shared/model/schema';
import type { Size } from '../store/editorStore';
import { KIND_COLOURS } from './OverviewLayer';
import { stepBox } from './overviewGeometry';
import { kindOf } from './stepKinds';

const WIDTH = 160;
const HEIGHT = 110;
const MARGIN = 4;

export interface MiniMapFrame {
  /** Flow coordinates of the minimap's top-left corner. */
  x: number;
  y: number;
  /** Minimap pixels per flow unit. */
  scale: number;
}

/** Fits the steps' bounding box into the minimap, centred. */
export function miniMapFrame(
  steps: readonly Step[],
  sizes: ReadonlyMap<string, Size>,
  width = WIDTH,
  height = HEIGHT,
): MiniMapFrame {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const s of steps) {
    const b = stepBox(s, undefined, sizes.get(s.id));
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  if (!Number.isFinite(left)) return { x: 0, y: 0, scale: 1 };
  const scale = Math.min(
    (width - 2 * MARGIN) / (right - left || 1),
    (height - 2 * MARGIN) / (bottom - top || 1),
  );
  return {
    x: left - (width / scale - (right - left)) / 2,
    y: top - (height / scale - (bottom - top)) / 2,
    scale,
  };
}

export function LargeMiniMap({ steps, sizes }: { steps: readonly Step[]; sizes: ReadonlyMap<string, Size> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const picture = useRef<HTMLCanvasElement | null>(null);
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const viewWidth = useStore((s) => s.width);
  const viewHeight = useStore((s) => s.height);
  const flow = useReactFlow();
  const frame = useMemo(() => miniMapFrame(steps, sizes), [steps, sizes]);

  // The steps, drawn once per change of the workflow into an offscreen picture.
  useEffect(() => {
    const ratio = globalThis.devicePixelRatio || 1;
    const offscreen = document.createElement('canvas');
    offscreen.width = WIDTH * ratio;
    offscreen.height = HEIGHT * ratio;
    const context = offscreen.getContext('2d');
    if (!context) return;
    context.setTransform(
      ratio * frame.scale,
      0,
      0,
      ratio * frame.scale,
      -ratio * frame.scale * frame.x,
      -ratio * frame.scale * frame.y,
    );
    for (const s of steps) {
      const b = stepBox(s, undefined, sizes.get(s.id));
      context.fillStyle = KIND_COLOURS[kindOf(s)].stroke;
      context.fillRect(b.x, b.y, b.width, b.height);
    }
    picture.current = offscreen;
  }, [steps, sizes, frame]);

  // The picture and, over it, the part of the workflow in view: on every pan and zoom.
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context || !picture.current) return;
    const ratio = globalThis.devicePixelRatio || 1;
    if (element.width !== WIDTH * ratio || element.height !== HEIGHT * ratio) {
      element.width = WIDTH * ratio;
      element.height = HEIGHT * ratio;
    }
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, element.width, element.height);
    context.drawImage(picture.current, 0, 0);
    const view = {
      x: (-tx / zoom - frame.x) * frame.scale,
      y: (-ty / zoom - frame.y) * frame.scale,
      width: (viewWidth / zoom) * frame.scale,
      height: (viewHeight / zoom) * frame.scale,
    };
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.fillStyle = 'rgba(63, 81, 181, 0.12)';
    context.fillRect(view.x, view.y, view.width, view.height);
    context.strokeStyle = '#3f51b5';
    context.lineWidth = 1.5;
    context.strokeRect(view.x, view.y, view.width, view.height);
  }, [tx, ty, zoom, viewWidth, viewHeight, frame, steps, sizes]);

  const moveViewTo = useCallback(
    (event: React.PointerEvent<HTMLCanvasElement>) => {
      const rect = event.currentTarget.getBoundingClientRect();
      const x = frame.x + (event.clientX - rect.left) / frame.scale;
      const y = frame.y + (event.clientY - rect.top) / frame.scale;
      void flow.setCenter(x, y, { zoom: flow.getZoom() });
    },
    [flow, frame],
  );

  return (
    <Panel position="bottom-right" className="large-minimap">
      <canvas
        ref={canvas}
        style={{ width: WIDTH, height: HEIGHT }}
        role="img"
        aria-label="Overview of the whole workflow; press or drag on it to move the view"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveViewTo(e);
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) moveViewTo(e);
        }}
      />
    </Panel>
  );
}
