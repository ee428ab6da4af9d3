import { describe, expect, it } from 'vitest';
import { diffWorkflows, figureDeltas, type DiffSide, type WorkflowDiff } from '../../../shared/diff';
import { analyzeWorkflow } from '../../../shared/analysis';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { createRedesign, moveSteps, setTaskMode, updateStep } from '../../../shared/model/operations';
import {
  completeRoles,
  completeSteps,
  noLearningPlan,
  type Role,
  type Workflow,
} from '../../../shared/model/schema';

/** The change list in one line per change, as a reader would write it down. */
function lines(d: WorkflowDiff): string[] {
  return [
    ...d.steps.added.map((s) => `+ ${s.name}`),
    ...d.steps.removed.map((s) => `- ${s.name}`),
    ...d.steps.changed.flatMap((c) =>
      c.changes.map(
        (x) =>
          `~ ${c.before.name}: ${x.attribute}${x.subject ? ` ${x.subject}` : ''} ${x.before} → ${x.after}`,
      ),
    ),
    ...d.connections.added.map((e) => `+ ${e.sourceName} → ${e.targetName}`),
    ...d.connections.removed.map((e) => `- ${e.sourceName} → ${e.targetName}`),
    ...d.connections.changed.flatMap((c) =>
      c.changes.map(
        (x) => `~ ${c.after.sourceName} → ${c.after.targetName}: ${x.attribute} ${x.before} → ${x.after}`,
      ),
    ),
    ...d.roles.changed.flatMap((r) =>
      r.changes.map((x) => `~ role ${r.name}: ${x.attribute} ${x.before} → ${x.after}`),
    ),
    ...d.workflow.map((x) => `~ workflow: ${x.attribute} ${x.before} → ${x.after}`),
  ];
}

const example = () => {
  const ws = customerSupportExample();
  const asIs = ws.workflows.find((w) => w.kind === 'as-is')!;
  const toBe = ws.workflows.find((w) => w.kind === 'to-be')!;
  return { asIs, toBe, roles: ws.roles };
};

describe('diffWorkflows', () => {
  it('a workflow against itself has no changes', () => {
    const { asIs, roles } = example();
    const d = diffWorkflows({ workflow: asIs, roles }, { workflow: asIs, roles });
    expect(lines(d)).toEqual([]);
    expect(d.moved).toEqual([]);
    expect(d.layoutOnly).toBe(false);
  });

  it('puts moves in their own group: a layout-only edit is no semantic change', () => {
    const { asIs, roles } = example();
    const moved = moveSteps(
      asIs,
      new Map([
        ['cs-asis-step-draft', { x: 800, y: 40 }],
        ['cs-asis-step-send', { x: 1600, y: 0 }],
      ]),
    );
    const d = diffWorkflows({ workflow: asIs, roles }, { workflow: moved, roles });
    expect(lines(d)).toEqual([]);
    expect(d.semanticChangeCount).toBe(0);
    expect(d.layoutOnly).toBe(true);
    expect(d.moved.map((m) => [m.after.name, m.from, m.to])).toEqual([
      ['Draft reply', { x: 780, y: 0 }, { x: 800, y: 40 }],
      ['Send reply', { x: 1560, y: 0 }, { x: 1600, y: 0 }],
    ]);
  });

  it('pairs a copy made by "Create to-be" by id and reads a mode change as Human → AI-automated', () => {
    const { asIs, roles } = example();
    const toBe = setTaskMode(
      createRedesign(asIs, '2026-12-01T00:00:00.000Z'),
      'cs-asis-step-draft',
      'ai-automated',
    );
    const d = diffWorkflows({ workflow: asIs, roles }, { workflow: toBe, roles });
    expect(d.steps.changed.map((c) => c.matchedBy)).toEqual(['id']);
    expect(lines(d)).toContain('~ Draft reply: mode Human → AI-automated');
    expect(lines(d)).toContain(
      '~ workflow: name Customer support (as-is) → Customer support (as-is) (to-be)',
    );
  });

  it('lists the customer-support redesign change by change', () => {
    const { asIs, toBe, roles } = example();
    const d = diffWorkflows({ workflow: asIs, roles }, { workflow: toBe, roles });
    expect(lines(d)).toEqual([
      '+ Agent edits AI draft',
      '- Research customer history',
      '~ Triage and categorise: name Triage and categorise → Auto-triage',
      '~ Triage and categorise: mode Human → AI-automated',
      '~ Triage and categorise: role Support agent → no role',
      '~ Triage and categorise: times 1 / 2 / 5 min → 0 / 0.1 / 0.5 min',
      '~ Triage and categorise: skill onet.reading-comprehension level 3 → not required',
      '~ Triage and categorise: skill onet.critical-thinking level 2 → not required',
      '~ Triage and categorise: skill digcomp.managing-information level 2 → not required',
      '~ Triage and categorise: skill ai.measuring-ai-quality not required → level 3',
      '~ Triage and categorise: skill ai.data-literacy-for-ai not required → level 2',
      '~ Triage and categorise: aiTool none → Ticket classifier',
      '~ Triage and categorise: description edited → edited',
      '~ Triage and categorise: notes edited → edited',
      '~ Draft reply: name Draft reply → AI drafts reply',
      '~ Draft reply: mode Human → AI-automated',
      '~ Draft reply: role Support agent → no role',
      '~ Draft reply: times 12 / 18 / 35 min → 0.2 / 0.5 / 1 min',
      '~ Draft reply: skill onet.writing level 4 → not required',
      '~ Draft reply: skill onet.service-orientation level 3 → not required',
      '~ Draft reply: skill onet.social-perceptiveness level 3 → not required',
      '~ Draft reply: skill onet.active-listening level 2 → not required',
      '~ Draft reply: skill ai.prompt-and-task-design not required → level 4',
      '~ Draft reply: skill ai.context-and-grounding not required → level 4',
      '~ Draft reply: skill ai.privacy-and-confidentiality not required → level 3',
      '~ Draft reply: aiTool none → LLM reply assistant',
      '~ Draft reply: aiCostPerRun 0 → 0.04',
      '~ Draft reply: description edited → edited',
      '~ Draft reply: notes edited → edited',
      '~ Complex or sensitive?: name Complex or sensitive? → Hard case?',
      '~ Complex or sensitive?: description edited → edited',
      '~ Senior review: name Senior review → Senior review of hard cases',
      '~ Senior review: skill onet.quality-control-analysis level 4 → not required',
      '~ Senior review: skill onet.writing level 4 → not required',
      '~ Senior review: skill ai.verifying-ai-output not required → level 4',
      '~ Senior review: skill ai.improving-prompts-and-policies not required → level 3',
      '~ Senior review: skill ai.knowledge-capture not required → level 3',
      '~ Senior review: rejectionRate 10% → 15%',
      '~ Senior review: reworkTarget Draft reply → Agent edits AI draft',
      '~ Senior review: feedbackLoop none → weeklyReduction 0.2, floorRate 0.05',
      '~ Senior review: description edited → edited',
      '~ Senior review: notes edited → edited',
      '~ Send reply: times 1 / 1.5 / 3 min → 0.5 / 1 / 2 min',
      '~ Send reply: skill digcomp.managing-information level 2 → not required',
      '~ Send reply: description edited → edited',
      '+ Auto-triage → AI drafts reply',
      '+ AI drafts reply → Agent edits AI draft',
      '+ Agent edits AI draft → Hard case?',
      '- Triage and categorise → Research customer history',
      '- Research customer history → Draft reply',
      '- Draft reply → Complex or sensitive?',
      '~ Hard case? → Senior review of hard cases: probability 25% → 30%',
      '~ Hard case? → Send reply: probability 75% → 70%',
      '~ workflow: name Customer support (as-is) → Customer support (to-be)',
    ]);
    // Matching: templates embed the workflow id in step ids; the decisions pair as the only one of each side.
    expect(d.steps.changed.map((c) => [c.before.id, c.after.id, c.matchedBy])).toEqual([
      ['cs-asis-step-triage', 'cs-tobe-step-triage', 'id-suffix'],
      ['cs-asis-step-draft', 'cs-tobe-step-draft', 'id-suffix'],
      ['cs-asis-step-complex', 'cs-tobe-step-hard', 'kind'],
      ['cs-asis-step-review', 'cs-tobe-step-review', 'id-suffix'],
      ['cs-asis-step-send', 'cs-tobe-step-send', 'id-suffix'],
    ]);
    // The draft step moved a column left (research is gone); a move is not a change.
    expect(d.moved.map((m) => [m.after.name, m.from, m.to])).toEqual([
      ['AI drafts reply', { x: 780, y: 0 }, { x: 520, y: 0 }],
    ]);
    expect(d.layoutOnly).toBe(false);
  });

  it('pairs by a unique name, and lists role changes of the roles the steps use', () => {
    const { asIs, roles } = example();
    const renamedIds: Workflow = {
      ...asIs,
      steps: asIs.steps.map((s) => ({ ...s, id: `x-${s.id}` })),
      edges: asIs.edges.map((e) => ({ ...e, source: `x-${e.source}`, target: `x-${e.target}` })),
    };
    const moreSeniors: Role[] = roles.map((r) =>
      r.id === 'cs-role-senior' ? { ...r, headcount: 3, costPerHour: 55 } : r,
    );
    const d = diffWorkflows({ workflow: asIs, roles }, { workflow: renamedIds, roles: moreSeniors });
    expect(lines(d)).toEqual([
      '~ role Senior agent / reviewer: headcount 2 → 3',
      '~ role Senior agent / reviewer: costPerHour 52 → 55',
    ]);
  });

  it('reports a time change only once, and a connection probability', () => {
    const { asIs, roles } = example();
    let after = updateStep(asIs, 'cs-asis-step-send', { duration: { min: 1, likely: 2, max: 3 } });
    after = {
      ...after,
      edges: after.edges.map((e) =>
        e.label === 'Yes' ? { ...e, probability: 0.5 } : e.label === 'No' ? { ...e, probability: 0.5 } : e,
      ),
    };
    const d = diffWorkflows({ workflow: asIs, roles }, { workflow: after, roles });
    expect(lines(d)).toEqual([
      '~ Send reply: times 1 / 1.5 / 3 min → 1 / 2 / 3 min',
      '~ Complex or sensitive? → Senior review: probability 25% → 50%',
      '~ Complex or sensitive? → Send reply: probability 75% → 50%',
    ]);
  });
});

describe('figureDeltas', () => {
  it('is each side analysed by the engine, as-is minus to-be', () => {
    const { asIs, toBe, roles } = example();
    const f = figureDeltas({ workflow: asIs, roles }, { workflow: toBe, roles });
    if (!f.ok) throw new Error(f.message);
    const a = analyzeWorkflow(asIs, roles);
    const b = analyzeWorkflow(toBe, roles);
    if (!a.ok || !b.ok) throw new Error('analysis failed');
    const c = f.comparison;
    expect(c.cycleTimeMinutes.total.asIs).toBeCloseTo(a.cycleTimeMinutes.total!, 9);
    expect(c.cycleTimeMinutes.total.toBe).toBeCloseTo(b.cycleTimeMinutes.total!, 9);
    expect(c.costPerCase.total.difference).toBeCloseTo(b.costPerCase.total - a.costPerCase.total, 9);
    expect(c.maxVolumePerWeek.asIs).toBeCloseTo(a.maxVolumePerWeek!, 9);
    expect(c.bottleneck.asIs?.roleId).toBe(a.bottleneck?.roleId);
    expect(c.bottleneck.toBe?.roleId).toBe(b.bottleneck?.roleId);
    for (const u of c.utilization) {
      expect(u.asIs).toBeCloseTo(a.roles.find((r) => r.id === u.roleId)!.utilization!, 9);
    }
    // The agents' load falls by more than the seniors' rises: FTE are freed.
    expect(c.totals.fteFreed).toBeGreaterThan(0);
  });

  it('matches hand-computed figures of a one-task workflow whose time halves', () => {
    const roles = completeRoles([
      { id: 'r', name: 'Clerk', headcount: 2, hoursPerWeek: 40, costPerHour: 60 },
    ]);
    const wf = (minutes: number): Workflow => ({
      id: 'w',
      name: 'Tiny',
      description: '',
      kind: 'as-is',
      redesignOfId: null,
      volumePerWeek: 240,
      steps: completeSteps([
        { type: 'start', id: 's', name: 'In', position: { x: 0, y: 0 } },
        {
          type: 'task',
          id: 't',
          name: 'Work',
          position: { x: 200, y: 0 },
          roleId: 'r',
          duration: { min: minutes, likely: minutes, max: minutes },
          mode: 'human',
        },
        { type: 'end', id: 'e', name: 'Out', position: { x: 400, y: 0 } },
      ]),
      edges: [
        { id: 'e1', source: 's', target: 't', label: '', probability: null },
        { id: 'e2', source: 't', target: 'e', label: '', probability: null },
      ],
      ...noLearningPlan(),
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
    });
    const sides: [DiffSide, DiffSide] = [
      { workflow: wf(10), roles },
      { workflow: wf(5), roles },
    ];
    const f = figureDeltas(...sides);
    if (!f.ok) throw new Error(f.message);
    const c = f.comparison;
    // Cost per case: 10 min × 60/h = 10 → 5. Load: 240 × 10 / 60 = 40 h of 80 h = 50% → 20 h = 25%.
    expect(c.costPerCase.total).toEqual({ asIs: 10, toBe: 5, difference: -5 });
    expect(c.utilization[0]!.asIs).toBeCloseTo(0.5, 12);
    expect(c.utilization[0]!.toBe).toBeCloseTo(0.25, 12);
    // Capacity: 80 h / (10/60 h) = 480 cases → 960. FTE freed: 20 h / 40 h = 0.5.
    expect(c.maxVolumePerWeek.asIs).toBeCloseTo(480, 9);
    expect(c.maxVolumePerWeek.toBe).toBeCloseTo(960, 9);
    expect(c.totals.fteFreed).toBeCloseTo(0.5, 12);
    expect(c.bottleneck.moved).toBe(false);
    expect(c.cycleTimeMinutes.processing).toEqual({ asIs: 10, toBe: 5, difference: -5 });
    expect(diffWorkflows(...sides).steps.changed[0]!.changes).toEqual([
      { attribute: 'times', subject: null, before: '10 / 10 / 10 min', after: '5 / 5 / 5 min' },
    ]);
  });

  it('says which side cannot be analysed', () => {
    const { asIs, roles } = example();
    const broken = { ...asIs, edges: [] };
    const f = figureDeltas({ workflow: asIs, roles }, { workflow: broken, roles });
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.side).toBe('after');
  });
});
