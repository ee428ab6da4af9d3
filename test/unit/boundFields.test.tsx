// @vitest-environment jsdom
/** Number fields of model numbers take their limits and their message from the bounds table. */
import { act, fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NumberField } from '../../renderer/ui/fields';
import { COMMIT_DELAY_MS } from '../../renderer/ui/deferredCommit';

describe('bounded number fields', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('refuse a value beyond the bound with the schema message and never commit it', () => {
    const commit = vi.fn();
    const view = render(<NumberField label="Headcount" bound="headcount" value={3} onCommit={commit} />);
    const input = view.getByRole('spinbutton', { name: 'Headcount' });
    expect(input.getAttribute('max')).toBe('100000');
    expect(input.getAttribute('min')).toBe('0');
    fireEvent.change(input, { target: { value: '1e16' } });
    expect(view.getByRole('alert').textContent).toBe('Headcount must be at most 100,000 (got 1e16).');
    fireEvent.change(input, { target: { value: '0.001' } });
    expect(view.getByRole('alert').textContent).toBe('Headcount must be 0 or at least 0.01 (got 0.001).');
    act(() => vi.advanceTimersByTime(COMMIT_DELAY_MS));
    expect(commit).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: '12.5' } });
    act(() => vi.advanceTimersByTime(COMMIT_DELAY_MS));
    expect(commit).toHaveBeenCalledWith(12.5);
    view.unmount();
  });

  it('scale the bound of a share to percent', () => {
    const view = render(
      <NumberField
        label="Rejection rate"
        bound="rejectionRate"
        unit="%"
        scale={100}
        value={0.1}
        onCommit={vi.fn()}
      />,
    );
    const input = view.getByRole('spinbutton', { name: 'Rejection rate (%)' });
    expect(input.getAttribute('max')).toBe('100');
    fireEvent.change(input, { target: { value: '150' } });
    expect(view.getByRole('alert').textContent).toBe('Rejection rate must be between 0% and 100%.');
    view.unmount();
  });

  it('make whole-number bounds whole', () => {
    const view = render(
      <NumberField label="Cases at once" bound="aiConcurrency" value={2} onCommit={vi.fn()} />,
    );
    fireEvent.change(view.getByRole('spinbutton', { name: 'Cases at once' }), { target: { value: '2.5' } });
    expect(view.getByRole('alert').textContent).toBe('Cases at once must be a whole number (got 2.5).');
    view.unmount();
  });
});
