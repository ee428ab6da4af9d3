import { noLearningPlan } from '../../shared/model/schema';
import { describe, it, expect } from 'vitest';
import {
  copyFragment,
  cutFragment,
  duplicateSteps,
  parseFragment,
  pasteFragment,
  serializeFragment,
  type ClipboardFragment,
} from '../../shared/model/clipboard';
import { createWorkflow } from '../../shared/model/operations';
import { completeSteps, WorkflowSchema } from '../../shared/model/schema';
import type { Edge, Step, Workflow } from '../../shared/model/schema';

const AT = '2025-01-01T10:00:00.000Z';

/**
 * start → Draft → Complex? ─30%→ Escalate → Done
 *                          └70%→ Check (rework to Draft) → Final check (rework to Draft) → Done
 */
function support(): Workflow {
  const steps = completeSteps([
    { id: 's', type: 'start', name: 'Start', position: { x: 0, y: 0 } },
    {
      id: 't1',
      type: 'task',
      name: 'Draft',
      mode: 'ai-assisted',
      roleId: 'role-agent',
      skills: [{ skillId: 'skill-writing', level: 3 }],
      duration: { min: 2, likely: 4, max: 9 },
      position: { x: 100, y: 50 },
    },
    { id: 'd', type: 'decision', name: 'Complex?', position: { x: 300, y: 50 } },
    {
      id: 't2',
      type: 'task',
      name: 'Escalate',
      mode: 'human',
      duration: { min: 5, likely: 10, max: 20 },
      position: { x: 500, y: 0 },
    },
    {
      id: 'r',
      type: 'review',
      name: 'Check',
      rejectionRate: 0.2,
      reworkTargetId: 't1',
      duration: { min: 1, likely: 2, max: 3 },
      position: { x: 500, y: 120 },
    },
    {
      id: 'r2',
      type: 'review',
      name: 'Final check',
      rejectionRate: 0.05,
      reworkTargetId: 't1',
      duration: { min: 1, likely: 2, max: 3 },
      position: { x: 700, y: 120 },
    },
    { id: 'e', type: 'end', name: 'Done', position: { x: 900, y: 50 } },
  ]);
  const edge = (id: string, source: string, target: string, probability: number | null = null): Edge => ({
    id,
    source,
    target,
    label: probability === 0.3 ? 'complex' : '',
    probability,
  });
  return {
    id: 'wf-support',
    name: 'Support',
    description: '',
    kind: 'as-is',
    redesignOfId: null,
    volumePerWeek: 100,
    steps,
    edges: [
      edge('e1', 's', 't1'),
      edge('e2', 't1', 'd'),
      edge('e3', 'd', 't2', 0.3),
      edge('e4', 'd', 'r', 0.7),
      edge('e5', 't2', 'e'),
      edge('e6', 'r', 'r2'),
      edge('e7', 'r2', 'e'),
    ],
    ...noLearningPlan(),
    createdAt: AT,
    updatedAt: AT,
  };
}

function stepById(wf: Workflow, id: string): Step {
  const step = wf.steps.find((s) => s.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return step;
}

function copyOf(wf: Workflow, ids: string[]): ClipboardFragment {
  const copied = copyFragment(wf, new Set(ids));
  if (!copied) throw new Error('nothing copied');
  return copied.fragment;
}

describe('copyFragment', () => {
  it('takes the chosen steps and only the connections with both ends chosen', () => {
    const copied = copyFragment(support(), new Set(['t1', 'd', 't2', 'r']));
    expect(copied?.skipped).toBe(0);
    expect(copied?.fragment.format).toBe('coarchitect.fragment');
    expect(copied?.fragment.version).toBe(1);
    expect(copied?.fragment.sourceWorkflowId).toBe('wf-support');
    expect(copied?.fragment.steps.map((s) => s.id)).toEqual(['t1', 'd', 't2', 'r']);
    // e1 (from start), e5 (to end), e6 (to Final check) leave the selection.
    expect(copied?.fragment.edges.map((e) => e.id)).toEqual(['e2', 'e3', 'e4']);
  });

  it('leaves the start step out and says so, but copies end steps', () => {
    const copied = copyFragment(support(), new Set(['s', 't1', 'd', 'e']));
    expect(copied?.skipped).toBe(1);
    expect(copied?.fragment.steps.map((s) => s.id)).toEqual(['t1', 'd', 'e']);
    expect(copied?.fragment.edges.map((e) => e.id)).toEqual(['e2']);
  });

  it('copies nothing when only the start, nothing or unknown steps are chosen', () => {
    expect(copyFragment(support(), new Set(['s']))).toBeNull();
    expect(copyFragment(support(), new Set())).toBeNull();
    expect(copyFragment(support(), new Set(['ghost']))).toBeNull();
  });

  it('shares no nested object with the workflow', () => {
    const wf = support();
    const fragment = copyOf(wf, ['t1']);
    const copied = fragment.steps[0];
    if (copied?.type !== 'task') throw new Error('expected the task');
    copied.skills[0] = { skillId: 'changed', level: 1 };
    copied.duration.likely = 99;
    const original = stepById(wf, 't1');
    if (original.type !== 'task') throw new Error('expected the task');
    expect(original.skills).toEqual([{ skillId: 'skill-writing', level: 3 }]);
    expect(original.duration.likely).toBe(4);
  });
});

describe('pasteFragment', () => {
  it('gives pasted steps and connections fresh ids and remaps the internal connections', () => {
    const wf = support();
    const fragment = copyOf(wf, ['t1', 'd', 't2', 'r']);
    const { workflow, pastedStepIds, pastedEdgeIds } = pasteFragment(wf, fragment, {
      offset: { x: 40, y: 40 },
    });

    expect(pastedStepIds).toHaveLength(4);
    expect(pastedEdgeIds).toHaveLength(3);
    const originalIds = new Set([...wf.steps.map((s) => s.id), ...wf.edges.map((e) => e.id)]);
    for (const id of [...pastedStepIds, ...pastedEdgeIds]) expect(originalIds.has(id)).toBe(false);
    expect(new Set(workflow.steps.map((s) => s.id)).size).toBe(7 + 4);

    // The originals are untouched and come first; the copies follow in fragment order.
    expect(workflow.steps.slice(0, 7)).toEqual(wf.steps);
    expect(workflow.edges.slice(0, 7)).toEqual(wf.edges);
    const [draft, complex, escalate, check] = pastedStepIds as [string, string, string, string];
    expect(workflow.edges.slice(7)).toEqual([
      { id: pastedEdgeIds[0], source: draft, target: complex, label: '', probability: null },
      { id: pastedEdgeIds[1], source: complex, target: escalate, label: 'complex', probability: 0.3 },
      { id: pastedEdgeIds[2], source: complex, target: check, label: '', probability: 0.7 },
    ]);
  });

  it('keeps names, roles, skills and fields, and shifts positions by the offset', () => {
    const wf = support();
    const { workflow, pastedStepIds } = pasteFragment(wf, copyOf(wf, ['t1', 'r']), {
      offset: { x: 40, y: -10 },
    });
    const draft = stepById(workflow, pastedStepIds[0] as string);
    expect(draft).toEqual({ ...stepById(wf, 't1'), id: pastedStepIds[0], position: { x: 140, y: 40 } });
    const check = stepById(workflow, pastedStepIds[1] as string);
    expect(check).toMatchObject({ name: 'Check', rejectionRate: 0.2, position: { x: 540, y: 110 } });
  });

  it("places the fragment's top-left corner at the given point", () => {
    const wf = support();
    // Bounding box of Draft (100,50), Escalate (500,0), Check (500,120) starts at (100,0).
    const { workflow, pastedStepIds } = pasteFragment(wf, copyOf(wf, ['t1', 't2', 'r']), {
      at: { x: 1000, y: 1000 },
    });
    expect(pastedStepIds.map((id) => stepById(workflow, id).position)).toEqual([
      { x: 1000, y: 1050 },
      { x: 1400, y: 1000 },
      { x: 1400, y: 1120 },
    ]);
  });

  it('points a rework target inside the fragment at the pasted copy', () => {
    const wf = support();
    const { workflow, pastedStepIds } = pasteFragment(wf, copyOf(wf, ['t1', 'd', 'r']), {
      offset: { x: 0, y: 200 },
    });
    const check = stepById(workflow, pastedStepIds[2] as string);
    expect(check.type === 'review' && check.reworkTargetId).toBe(pastedStepIds[0]);
    // The original review still reworks to the original task.
    const original = stepById(workflow, 'r');
    expect(original.type === 'review' && original.reworkTargetId).toBe('t1');
  });

  it('keeps a rework target outside the fragment when the target workflow has that step', () => {
    const wf = support();
    const { workflow, pastedStepIds } = pasteFragment(wf, copyOf(wf, ['r2']), { offset: { x: 0, y: 200 } });
    const pasted = stepById(workflow, pastedStepIds[0] as string);
    expect(pasted.type === 'review' && pasted.reworkTargetId).toBe('t1');
  });

  it('clears a rework target outside the fragment when pasting into another workflow', () => {
    const other = createWorkflow('Other', 'as-is', AT);
    const { workflow, pastedStepIds } = pasteFragment(other, copyOf(support(), ['r2']), {
      offset: { x: 0, y: 0 },
    });
    const pasted = stepById(workflow, pastedStepIds[0] as string);
    expect(pasted).toMatchObject({ type: 'review', name: 'Final check', rejectionRate: 0.05 });
    expect(pasted.type === 'review' && pasted.reworkTargetId).toBeNull();
  });

  it('pastes across workflows: the target keeps its steps and gains the fragment', () => {
    const other = createWorkflow('Other', 'to-be', AT);
    const { workflow, pastedStepIds } = pasteFragment(other, copyOf(support(), ['t1', 'd', 't2', 'r']), {
      offset: { x: 0, y: 0 },
    });
    expect(workflow.id).toBe(other.id);
    expect(workflow.steps.slice(0, 2)).toEqual(other.steps);
    expect(workflow.steps.slice(2).map((s) => s.name)).toEqual(['Draft', 'Complex?', 'Escalate', 'Check']);
    expect(workflow.edges.map((e) => e.probability)).toEqual([null, 0.3, 0.7]);
    expect(pastedStepIds).toEqual(workflow.steps.slice(2).map((s) => s.id));
    expect(workflow.updatedAt > AT).toBe(true);
    expect(other.steps).toHaveLength(2);
  });

  it('gives distinct ids to each paste of the same fragment', () => {
    const wf = support();
    const fragment = copyOf(wf, ['t1', 'd']);
    const first = pasteFragment(wf, fragment, { offset: { x: 40, y: 40 } });
    const second = pasteFragment(first.workflow, fragment, { offset: { x: 80, y: 80 } });
    const ids = second.workflow.steps.map((s) => s.id);
    expect(ids).toHaveLength(7 + 2 + 2);
    expect(new Set(ids).size).toBe(11);
    expect(new Set(second.workflow.edges.map((e) => e.id)).size).toBe(7 + 1 + 1);
    expect(second.pastedStepIds.map((id) => stepById(second.workflow, id).position)).toEqual([
      { x: 180, y: 130 },
      { x: 380, y: 130 },
    ]);
  });

  it('produces a workflow that passes the schema', () => {
    const wf = support();
    const { workflow } = pasteFragment(wf, copyOf(wf, ['t1', 'd', 't2', 'r', 'r2', 'e']), {
      at: { x: -50, y: 300 },
    });
    expect(WorkflowSchema.parse(workflow)).toEqual(workflow);
  });

  it('returns the same workflow for an empty fragment, so no undo step is recorded', () => {
    const wf = support();
    const empty: ClipboardFragment = { ...copyOf(wf, ['t1']), steps: [], edges: [] };
    const result = pasteFragment(wf, empty, { offset: { x: 40, y: 40 } });
    expect(result.workflow).toBe(wf);
    expect(result.pastedStepIds).toEqual([]);
  });

  it('never pastes a start step or a connection leaving the fragment, even from a hand-built fragment', () => {
    const wf = support();
    const fragment = copyOf(wf, ['t1']);
    const bad: ClipboardFragment = {
      ...fragment,
      steps: [stepById(wf, 's'), ...fragment.steps],
      edges: [{ id: 'x', source: 's', target: 't1', label: '', probability: null }],
    };
    const { workflow, pastedStepIds, pastedEdgeIds } = pasteFragment(wf, bad, { offset: { x: 0, y: 0 } });
    expect(pastedStepIds).toHaveLength(1);
    expect(pastedEdgeIds).toEqual([]);
    expect(workflow.steps.filter((s) => s.type === 'start')).toHaveLength(1);
    expect(workflow.edges).toEqual(wf.edges);
  });
});

describe('duplicateSteps', () => {
  it('copies and pastes 40 px down and right by default', () => {
    const wf = support();
    const { workflow, pastedStepIds } = duplicateSteps(wf, new Set(['t2', 'r']));
    expect(pastedStepIds.map((id) => stepById(workflow, id).position)).toEqual([
      { x: 540, y: 40 },
      { x: 540, y: 160 },
    ]);
    expect(workflow.edges).toHaveLength(7);
  });

  it('takes another offset and keeps the internal connection', () => {
    const wf = support();
    const { workflow, pastedStepIds, pastedEdgeIds } = duplicateSteps(wf, new Set(['r', 'r2']), {
      x: 0,
      y: 300,
    });
    expect(workflow.edges.at(-1)).toEqual({
      id: pastedEdgeIds[0],
      source: pastedStepIds[0],
      target: pastedStepIds[1],
      label: '',
      probability: null,
    });
  });

  it('returns the same workflow when only the start is chosen', () => {
    const wf = support();
    expect(duplicateSteps(wf, new Set(['s'])).workflow).toBe(wf);
  });
});

describe('cutFragment', () => {
  it('copies the steps and removes them with every connection touching them', () => {
    const wf = support();
    const cut = cutFragment(wf, new Set(['s', 't1', 'd', 't2', 'r']));
    expect(cut?.skipped).toBe(1);
    expect(cut?.fragment.steps.map((s) => s.id)).toEqual(['t1', 'd', 't2', 'r']);
    expect(cut?.workflow.steps.map((s) => s.id)).toEqual(['s', 'r2', 'e']);
    expect(cut?.workflow.edges.map((e) => e.id)).toEqual(['e7']);
    // Final check's rework target was cut, so it is forgotten.
    const finalCheck = cut ? stepById(cut.workflow, 'r2') : null;
    expect(finalCheck?.type === 'review' && finalCheck.reworkTargetId).toBeNull();
  });

  it('cuts nothing when nothing copyable is chosen', () => {
    expect(cutFragment(support(), new Set(['s']))).toBeNull();
  });
});

describe('serializeFragment and parseFragment', () => {
  it('round-trips a fragment', () => {
    const fragment = copyOf(support(), ['t1', 'd', 't2', 'r']);
    expect(parseFragment(serializeFragment(fragment))).toEqual({ ok: true, fragment });
  });

  it('fills in the defaults of fields left out', () => {
    const text = JSON.stringify({
      format: 'coarchitect.fragment',
      version: 1,
      sourceWorkflowId: 'wf-1',
      steps: [{ id: 'a', type: 'decision', name: 'Which?', position: { x: 1, y: 2 } }],
      edges: [],
    });
    expect(parseFragment(text)).toEqual({
      ok: true,
      fragment: {
        format: 'coarchitect.fragment',
        version: 1,
        sourceWorkflowId: 'wf-1',
        steps: [
          { id: 'a', type: 'decision', name: 'Which?', description: '', notes: '', position: { x: 1, y: 2 } },
        ],
        edges: [],
      },
    });
  });

  it('says when the text is not JSON', () => {
    const result = parseFragment('Draft the reply');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^The clipboard text is not JSON \(.+\)\.$/);
  });

  it('says when the JSON is not a Coarchitect fragment', () => {
    const expected = {
      ok: false,
      error: 'The clipboard text is not a Coarchitect fragment: "format" must be "coarchitect.fragment".',
    };
    expect(parseFragment('{"format":"coarchitect.workflow","version":2}')).toEqual(expected);
    expect(parseFragment('[1, 2]')).toEqual(expected);
    expect(parseFragment('null')).toEqual(expected);
  });

  it('says when the fragment comes from a newer version', () => {
    const fragment = copyOf(support(), ['t1']);
    expect(parseFragment(JSON.stringify({ ...fragment, version: 2 }))).toEqual({
      ok: false,
      error:
        'The steps were copied from a newer version of Coarchitect (fragment version 2); this version reads version 1.',
    });
  });

  it('names the invalid step and the path of the bad value', () => {
    const fragment = copyOf(support(), ['t1', 'r']);
    const raw = JSON.parse(serializeFragment(fragment)) as { steps: Record<string, unknown>[] };
    (raw.steps[1] as Record<string, unknown>).rejectionRate = 1.5;
    expect(parseFragment(JSON.stringify(raw))).toEqual({
      ok: false,
      error:
        "The Coarchitect fragment is invalid at $.steps[1].rejectionRate: step 'Check': rejection rate must be between 0 and 1 (got 1.5).",
    });
  });

  it('refuses a connection to a step outside the fragment', () => {
    const fragment = copyOf(support(), ['t1', 'd']);
    const bad = { ...fragment, edges: [{ ...fragment.edges[0], target: 'ghost' }] };
    expect(parseFragment(JSON.stringify(bad))).toEqual({
      ok: false,
      error:
        "The Coarchitect fragment is invalid at $.edges[0].target: connection #1: target 'ghost' is not a step of the fragment.",
    });
  });

  it('refuses a start step and counts further problems', () => {
    const wf = support();
    const fragment = copyOf(wf, ['t1']);
    const bad = { ...fragment, steps: [stepById(wf, 's'), ...fragment.steps, ...fragment.steps] };
    expect(parseFragment(JSON.stringify(bad))).toEqual({
      ok: false,
      error:
        "The Coarchitect fragment is invalid at $.steps[0]: step 'Start': a fragment cannot hold a start step (a workflow has exactly one) (and 1 more problem).",
    });
  });
});
