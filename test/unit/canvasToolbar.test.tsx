// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CanvasToolbar } from '../../renderer/editor/CanvasToolbar';
import { layoutFailure } from '../../renderer/editor/autoLayoutAction';
import { useEditor } from '../../renderer/store/editorStore';

beforeAll(() => {
  // React Flow measures its container; jsdom has no ResizeObserver.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(() => {
  cleanup();
  useEditor.getState().setLayingOut(null);
});

function renderToolbar() {
  render(
    <ReactFlowProvider>
      <div style={{ width: 800, height: 600 }}>
        <ReactFlow nodes={[]} edges={[]}>
          <CanvasToolbar />
        </ReactFlow>
      </div>
    </ReactFlowProvider>,
  );
}

describe('CanvasToolbar', () => {
  it('offers both layouts while none runs', () => {
    renderToolbar();
    expect(screen.getByRole('button', { name: 'Layout left to right' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Layout top to bottom' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says a layout is under way and offers to cancel it instead', () => {
    useEditor.getState().setLayingOut('LR');
    renderToolbar();
    expect(screen.getByRole('status').textContent).toMatch(/Laying out \d+ steps…/);
    expect(screen.queryByRole('button', { name: 'Layout left to right' })).toBeNull();
    // Nothing is running here to abort; the button is wired and harmless.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel layout' }));
  });
});

describe('layoutFailure', () => {
  it('explains a stack overflow of the layout engine in words, with the size of the workflow', () => {
    expect(layoutFailure(new RangeError('Maximum call stack size exceeded'), 5000)).toBe(
      'Auto-layout gave up: 5000 steps in such long chains are more than the layout engine (ELK) can arrange. Nothing was moved.',
    );
    expect(layoutFailure(new Error('boom'), 12)).toBe('Auto-layout failed: boom. Nothing was moved.');
  });
});
