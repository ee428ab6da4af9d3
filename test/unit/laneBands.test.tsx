// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LaneBands, type LaneBandsProps } from '../../renderer/editor/LaneBands';
import type { Lane } from '../../shared/layout/lanes';

const band = (y: number) => ({ x: -180, y, width: 1000, height: 130 });
const LANES: Lane[] = [
  { key: 'role:r1', title: 'Clerk', stepIds: ['a', 'b'], band: band(0), header: { ...band(0), width: 160 } },
  { key: 'ai', title: 'AI', stepIds: ['c'], band: band(150), header: { ...band(150), width: 160 } },
  {
    key: 'unassigned',
    title: 'Unassigned',
    stepIds: ['d'],
    band: band(300),
    header: { ...band(300), width: 160 },
  },
];

beforeAll(() => {
  // React Flow measures its container; jsdom has no ResizeObserver.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

function renderBands(props: Partial<LaneBandsProps> = {}) {
  const callbacks = { onToggleCollapsed: vi.fn(), onMove: vi.fn() };
  render(
    <ReactFlowProvider>
      <div style={{ width: 800, height: 600 }}>
        <ReactFlow nodes={[]} edges={[]}>
          <LaneBands lanes={LANES} collapsed={new Set()} {...callbacks} {...props} />
        </ReactFlow>
      </div>
    </ReactFlowProvider>,
  );
  return callbacks;
}

describe('LaneBands', () => {
  it('labels each lane with its title and member count', async () => {
    renderBands();
    const clerk = await screen.findByRole('group', { name: 'Lane Clerk' });
    expect(within(clerk).getByText('2 steps')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Lane AI' })).getByText('1 step')).toBeTruthy();
  });

  it('moves lanes up and down from their buttons', async () => {
    const { onMove } = renderBands();
    fireEvent.click(await screen.findByRole('button', { name: 'Move lane AI up' }));
    expect(onMove).toHaveBeenLastCalledWith('ai', 'up');
    fireEvent.click(screen.getByRole('button', { name: 'Move lane Clerk down' }));
    expect(onMove).toHaveBeenLastCalledWith('role:r1', 'down');
  });

  it('cannot move the first lane up or the last one down', async () => {
    renderBands();
    expect((await screen.findByRole('button', { name: 'Move lane Clerk up' })).hasAttribute('disabled')).toBe(
      true,
    );
    expect(screen.getByRole('button', { name: 'Move lane Unassigned down' }).hasAttribute('disabled')).toBe(
      true,
    );
    expect(screen.getByRole('button', { name: 'Move lane AI down' }).hasAttribute('disabled')).toBe(false);
  });

  it('collapses and expands lanes, saying which state they are in', async () => {
    const { onToggleCollapsed } = renderBands({ collapsed: new Set(['ai']) });
    const collapse = await screen.findByRole('button', { name: 'Collapse lane Clerk' });
    expect(collapse.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(collapse);
    expect(onToggleCollapsed).toHaveBeenLastCalledWith('role:r1');
    const expand = screen.getByRole('button', { name: 'Expand lane AI' });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(expand);
    expect(onToggleCollapsed).toHaveBeenLastCalledWith('ai');
  });

  it('names the buttons left and right for vertical lanes', async () => {
    const { onMove } = renderBands({ direction: 'TB' });
    fireEvent.click(await screen.findByRole('button', { name: 'Move lane AI left' }));
    expect(onMove).toHaveBeenLastCalledWith('ai', 'up');
    fireEvent.click(screen.getByRole('button', { name: 'Move lane AI right' }));
    expect(onMove).toHaveBeenLastCalledWith('ai', 'down');
  });
});
