// @vitest-environment jsdom
import { act, fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TextField } from '../../renderer/ui/fields';
import { COMMIT_DELAY_MS, flushPendingEdits } from '../../renderer/ui/deferredCommit';

describe('fields commit typing once the user pauses', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('commits a burst of keystrokes as one edit after the pause', () => {
    const commit = vi.fn();
    const view = render(<TextField label="Step name" value="Draft" onCommit={commit} />);
    const input = view.getByLabelText('Step name');
    for (const text of ['Draft r', 'Draft re', 'Draft rep'])
      fireEvent.change(input, { target: { value: text } });
    expect(commit).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(COMMIT_DELAY_MS));
    expect(commit).toHaveBeenCalledTimes(1);
    expect(commit).toHaveBeenCalledWith('Draft rep');
    view.unmount();
  });

  it('commits at once on blur, on unmount and when flushed before unload', () => {
    const commit = vi.fn();
    const view = render(<TextField label="Step name" value="A" onCommit={commit} />);
    const input = view.getByLabelText('Step name');
    fireEvent.change(input, { target: { value: 'AB' } });
    fireEvent.blur(input);
    expect(commit).toHaveBeenLastCalledWith('AB');
    fireEvent.change(input, { target: { value: 'ABC' } });
    flushPendingEdits();
    expect(commit).toHaveBeenLastCalledWith('ABC');
    fireEvent.change(input, { target: { value: 'ABCD' } });
    view.unmount();
    expect(commit).toHaveBeenLastCalledWith('ABCD');
    expect(commit).toHaveBeenCalledTimes(3);
  });

  it('never commits an invalid value', () => {
    const commit = vi.fn();
    const view = render(<TextField label="Step name" required value="A" onCommit={commit} />);
    fireEvent.change(view.getByLabelText('Step name'), { target: { value: '   ' } });
    act(() => vi.advanceTimersByTime(COMMIT_DELAY_MS * 2));
    expect(commit).not.toHaveBeenCalled();
    expect(view.getByRole('alert').textContent).toBe('Step name must not be empty.');
    view.unmount();
  });
});
