import { describe, it, expect } from 'vitest';
import { RoleSchema, WorkflowSchema } from '../../shared/model/schema';
import type { Edge, Workflow, Workspace } from '../../shared/model/schema';
import { BUILTIN_SKILLS } from '../../shared/ontology/builtin';
import { customerSupportExample } from '../../shared/examples/customerSupport';
import { invoiceProcessingExample } from '../../shared/examples/invoiceProcessing';

const EXAMPLES: ReadonlyArray<readonly [string, string, () => Workspace]> = [
  ['customer support', 'cs-', customerSupportExample],
  ['invoice processing', 'ap-', invoiceProcessingExample],
];

const builtinSkillIds = new Set(BUILTIN_SKILLS.map((s) => s.id));

/** Ids reachable from `from` following edges forwards (or backwards with `reverse`), including `from`. */
function reachable(edges: readonly Edge[], from: string, reverse = false): Set<string> {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    for (const e of edges) {
      const [a, b] = reverse ? [e.target, e.source] : [e.source, e.target];
      if (a === current && !seen.has(b)) {
        seen.add(b);
        stack.push(b);
      }
    }
  }
  return seen;
}

function checkGraph(workflow: Workflow): void {
  const ids = new Set(workflow.steps.map((s) => s.id));
  expect(ids.size, 'unique step ids').toBe(workflow.steps.length);
  expect(new Set(workflow.edges.map((e) => e.id)).size, 'unique edge ids').toBe(workflow.edges.length);

  const starts = workflow.steps.filter((s) => s.type === 'start');
  const ends = workflow.steps.filter((s) => s.type === 'end');
  expect(starts).toHaveLength(1);
  expect(ends.length).toBeGreaterThanOrEqual(1);

  for (const e of workflow.edges) {
    expect(ids.has(e.source), e.id).toBe(true);
    expect(ids.has(e.target), e.id).toBe(true);
    expect(e.source).not.toBe(e.target);
  }
  for (const step of workflow.steps) {
    const out = workflow.edges.filter((e) => e.source === step.id);
    const incoming = workflow.edges.filter((e) => e.target === step.id);
    if (step.type === 'start') expect(incoming, step.id).toHaveLength(0);
    if (step.type === 'end') expect(out, step.id).toHaveLength(0);
    if (step.type === 'decision') {
      expect(out.length, step.id).toBeGreaterThanOrEqual(2);
      for (const e of out) {
        expect(e.probability, e.id).not.toBeNull();
        expect(e.label, e.id).not.toBe('');
      }
      const total = out.reduce((sum, e) => sum + (e.probability ?? 0), 0);
      expect(total, step.id).toBe(1);
    } else {
      if (step.type !== 'end') expect(out, step.id).toHaveLength(1);
      for (const e of out) expect(e.probability, e.id).toBeNull();
    }
  }

  const fromStart = reachable(workflow.edges, starts[0]!.id);
  const reachesEnd = new Set(ends.flatMap((end) => [...reachable(workflow.edges, end.id, true)]));
  for (const step of workflow.steps) {
    expect(fromStart.has(step.id), `${step.id} reachable from start`).toBe(true);
    expect(reachesEnd.has(step.id), `${step.id} reaches an end`).toBe(true);
  }

  for (const step of workflow.steps) {
    if (step.type !== 'review') continue;
    expect(step.reworkTargetId, step.id).not.toBeNull();
    const target = workflow.steps.find((s) => s.id === step.reworkTargetId);
    expect(target?.type === 'task' || target?.type === 'review', step.id).toBe(true);
    expect(
      reachable(workflow.edges, step.reworkTargetId!).has(step.id),
      `${step.id} reachable from rework target`,
    ).toBe(true);
  }
}

describe.each(EXAMPLES)('%s example', (_name, prefix, build) => {
  const workspace = build();

  it('is deterministic', () => {
    expect(build()).toEqual(workspace);
    expect(build()).not.toBe(workspace);
  });

  it('parses every workflow and role with the model schemas, unchanged', () => {
    for (const workflow of workspace.workflows) expect(WorkflowSchema.parse(workflow)).toEqual(workflow);
    for (const role of workspace.roles) expect(RoleSchema.parse(role)).toEqual(role);
    expect(workspace.customSkills).toEqual([]);
  });

  it('uses its own id prefix throughout', () => {
    for (const workflow of workspace.workflows) {
      expect(workflow.id.startsWith(prefix)).toBe(true);
      for (const step of workflow.steps) expect(step.id.startsWith(`${workflow.id}-step-`)).toBe(true);
      for (const e of workflow.edges) expect(e.id.startsWith(`${workflow.id}-edge-`)).toBe(true);
    }
    for (const role of workspace.roles) expect(role.id.startsWith(prefix)).toBe(true);
  });

  it('pairs an as-is workflow with its to-be redesign at the same volume', () => {
    const asIs = workspace.workflows.filter((w) => w.kind === 'as-is');
    const toBe = workspace.workflows.filter((w) => w.kind === 'to-be');
    expect(asIs).toHaveLength(1);
    expect(toBe).toHaveLength(1);
    expect(toBe[0]?.redesignOfId).toBe(asIs[0]?.id);
    expect(asIs[0]?.redesignOfId).toBeNull();
    expect(toBe[0]?.volumePerWeek).toBe(asIs[0]?.volumePerWeek);
    expect(asIs[0]!.volumePerWeek).toBeGreaterThan(0);
  });

  it('refers only to existing roles and built-in skills', () => {
    const roleIds = new Set(workspace.roles.map((r) => r.id));
    for (const workflow of workspace.workflows) {
      for (const step of workflow.steps) {
        if (step.type !== 'task' && step.type !== 'review') continue;
        if (step.roleId !== null) expect(roleIds.has(step.roleId), step.id).toBe(true);
        const needsRole = step.type === 'review' || step.mode !== 'ai-automated';
        if (needsRole) expect(step.roleId, step.id).not.toBeNull();
        if (step.type === 'task' && step.mode !== 'human') expect(step.aiTool, step.id).not.toBe('');
        if (step.type === 'task' && step.mode === 'human') expect(step.aiTool, step.id).toBe('');
        expect(step.skills.length, `${step.id} has skills`).toBeGreaterThan(0);
        const skillIds = step.skills.map((s) => s.skillId);
        expect(new Set(skillIds).size, `${step.id} lists each skill once`).toBe(skillIds.length);
        for (const id of skillIds) expect(builtinSkillIds.has(id), `${step.id}: ${id}`).toBe(true);
      }
    }
  });

  it('has well-formed graphs', () => {
    for (const workflow of workspace.workflows) checkGraph(workflow);
  });

  it('lays steps out left to right on a grid', () => {
    for (const workflow of workspace.workflows) {
      const positions = workflow.steps.map((s) => `${s.position.x},${s.position.y}`);
      expect(new Set(positions).size, 'no overlapping steps').toBe(positions.length);
      for (const e of workflow.edges) {
        const source = workflow.steps.find((s) => s.id === e.source)!;
        const target = workflow.steps.find((s) => s.id === e.target)!;
        expect(target.position.x, e.id).toBeGreaterThan(source.position.x);
      }
      for (const step of workflow.steps) expect([-160, 0, 160]).toContain(step.position.y);
    }
  });
});
