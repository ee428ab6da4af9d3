import { describe, expect, it } from 'vitest';
import { differsOnlyInLayout } from '../../shared/model/layoutChange';
import * as ops from '../../shared/model/operations';
import { customerSupportExample } from '../../shared/examples/customerSupport';

const workflow = customerSupportExample().workflows.find((w) => w.kind === 'to-be')!;
const [first, second] = workflow.steps;

describe('differsOnlyInLayout', () => {
  it('is true for the very same workflow and for moved steps', () => {
    expect(differsOnlyInLayout(workflow, workflow)).toBe(true);
    const moved = ops.moveSteps(
      workflow,
      new Map([
        [first!.id, { x: 999, y: 1 }],
        [second!.id, { x: 5, y: 5 }],
      ]),
    );
    expect(moved).not.toBe(workflow);
    expect(moved.steps[0]!.position).toEqual({ x: 999, y: 1 });
    expect(differsOnlyInLayout(workflow, moved)).toBe(true);
  });

  it('is false when anything the analysis reads changes', () => {
    const renamed = ops.updateStep(workflow, second!.id, { name: 'Renamed' });
    expect(differsOnlyInLayout(workflow, renamed)).toBe(false);
    const volume = ops.updateWorkflowFields(workflow, { volumePerWeek: workflow.volumePerWeek + 1 });
    expect(differsOnlyInLayout(workflow, volume)).toBe(false);
    const disconnected = ops.removeElements(workflow, new Set(), new Set([workflow.edges[0]!.id]));
    expect(differsOnlyInLayout(workflow, disconnected)).toBe(false);
  });

  it('is false when steps are added, removed or reordered', () => {
    const reordered = { ...workflow, steps: [...workflow.steps].reverse() };
    expect(differsOnlyInLayout(workflow, reordered)).toBe(false);
    const fewer = ops.removeElements(workflow, new Set([second!.id]));
    expect(differsOnlyInLayout(workflow, fewer)).toBe(false);
  });

  it('is false when a step gains or loses a field', () => {
    const { description: _dropped, ...withoutDescription } = second!;
    const changed = {
      ...workflow,
      steps: workflow.steps.map((s) => (s === second ? withoutDescription : s)),
    };
    expect(differsOnlyInLayout(workflow, changed as typeof workflow)).toBe(false);
  });
});
