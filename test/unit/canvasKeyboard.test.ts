import { describe, expect, it } from 'vitest';
import { canvasKeyOutcome, neighbourStep } from '../../renderer/editor/canvasKeyboard';

// start → decide → (a | b | c); a → end.
const edges = [
  { source: 'start', target: 'decide' },
  { source: 'decide', target: 'a' },
  { source: 'decide', target: 'b' },
  { source: 'decide', target: 'c' },
  { source: 'a', target: 'end' },
];
const key = (stepId: string, k: string, altKey = true) => ({
  stepId,
  key: k,
  altKey,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
});

describe('moving through the diagram from the keyboard', () => {
  it('follows connections forward and back, and cycles through the branches of a decision', () => {
    expect(neighbourStep({ edges }, 'start', 'next')).toBe('decide');
    expect(neighbourStep({ edges }, 'decide', 'next')).toBe('a');
    expect(neighbourStep({ edges }, 'a', 'previous')).toBe('decide');
    expect(neighbourStep({ edges }, 'a', 'sibling-next')).toBe('b');
    expect(neighbourStep({ edges }, 'c', 'sibling-next')).toBe('a');
    expect(neighbourStep({ edges }, 'a', 'sibling-previous')).toBe('c');
    expect(neighbourStep({ edges }, 'start', 'previous')).toBeNull();
    expect(neighbourStep({ edges }, 'end', 'next')).toBeNull();
    expect(neighbourStep({ edges }, 'decide', 'sibling-next')).toBeNull();
  });

  it('maps Alt+arrows to focus moves and Enter to opening the step; other keys are left alone', () => {
    expect(canvasKeyOutcome({ edges }, key('start', 'ArrowRight'))).toEqual({
      kind: 'focus',
      stepId: 'decide',
    });
    expect(canvasKeyOutcome({ edges }, key('b', 'ArrowDown'))).toEqual({ kind: 'focus', stepId: 'c' });
    expect(canvasKeyOutcome({ edges }, key('a', 'Enter', false))).toEqual({ kind: 'open', stepId: 'a' });
    // Plain arrows nudge the selection (an editor action), so they are not taken here.
    expect(canvasKeyOutcome({ edges }, key('start', 'ArrowRight', false))).toBeNull();
    expect(canvasKeyOutcome({ edges }, { ...key('start', 'ArrowRight'), shiftKey: true })).toBeNull();
    expect(canvasKeyOutcome({ edges }, key('end', 'ArrowRight'))).toBeNull();
  });
});
