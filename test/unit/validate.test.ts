import { noLearningPlan } from '../../shared/model/schema';
import { describe, it, expect } from 'vitest';
import type { Edge, ReviewStep, Role, Step, TaskStep, Workflow } from '../../shared/model/schema';
import { canConnect, reworkTargetCandidates } from '../../shared/model/rules';
import { hasErrors, validateWorkflow } from '../../shared/model/validate';
import type { Problem, ValidationContext } from '../../shared/model/validate';
import { skillIndex } from '../../shared/ontology/index';

const ROLE: Role = {
  id: 'role-agent',
  name: 'Agent',
  headcount: 3,
  hoursPerWeek: 38,
  costPerHour: 40,
  skillLevels: [],
  people: [],
};
const CONTEXT: ValidationContext = { roles: [ROLE], skills: skillIndex([]) };
const KNOWN_SKILL = 'onet.reading-comprehension';

const pos = (x: number) => ({ x: x * 200, y: 0 });

function start(id: string, name = 'Request in', x = 0): Step {
  return { type: 'start', id, name, description: '', notes: '', position: pos(x) };
}
function end(id: string, name = 'Done', x = 9): Step {
  return { type: 'end', id, name, description: '', notes: '', position: pos(x) };
}
function decision(id: string, name: string, x = 5): Step {
  return { type: 'decision', id, name, description: '', notes: '', position: pos(x) };
}
function task(id: string, name: string, extra: Partial<TaskStep> = {}): TaskStep {
  return {
    type: 'task',
    id,
    name,
    description: '',
    notes: '',
    position: pos(2),
    roleId: ROLE.id,
    duration: { min: 1, likely: 2, max: 4 },
    skills: [{ skillId: KNOWN_SKILL, level: 2 }],
    mode: 'human',
    aiTool: '',
    aiCostPerRun: 0,
    aiConcurrency: null,
    learningCurve: null,
    coaching: null,
    onetTask: null,
    audience: 'internal',
    data: 'none',
    owner: '',
    ...extra,
  };
}
function review(id: string, name: string, extra: Partial<ReviewStep> = {}): ReviewStep {
  return {
    type: 'review',
    id,
    name,
    description: '',
    notes: '',
    position: pos(3),
    roleId: ROLE.id,
    duration: { min: 1, likely: 2, max: 4 },
    skills: [],
    rejectionRate: 0.1,
    reworkTargetId: null,
    feedbackLoop: null,
    audience: 'internal',
    data: 'none',
    owner: '',
    coaching: null,
    ...extra,
  };
}
function edge(source: string, target: string, probability: number | null = null): Edge {
  return { id: `e-${source}-${target}`, source, target, label: '', probability };
}
function workflow(steps: Step[], edges: Edge[]): Workflow {
  return {
    id: 'wf-1',
    name: 'Test workflow',
    description: '',
    kind: 'as-is',
    redesignOfId: null,
    volumePerWeek: 10,
    steps,
    edges,
    ...noLearningPlan(),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/**
 * A well-formed workflow: start → Draft → Check (rework to Draft) → Approved? → (70%) Done
 *                                                                             → (30%) Fix → Done
 */
function valid(): Workflow {
  return workflow(
    [
      start('s'),
      task('draft', 'Draft reply'),
      review('check', 'Check reply', { reworkTargetId: 'draft' }),
      decision('dec', 'Approved?'),
      task('fix', 'Fix details'),
      end('e'),
    ],
    [
      edge('s', 'draft'),
      edge('draft', 'check'),
      edge('check', 'dec'),
      edge('dec', 'e', 0.7),
      edge('dec', 'fix', 0.3),
      edge('fix', 'e'),
    ],
  );
}

function codes(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.code);
}

/** The only problem with the given code; fails if there is none or several. */
function only(problems: readonly Problem[], code: string): Problem {
  const matching = problems.filter((p) => p.code === code);
  expect(matching, `${code} in ${JSON.stringify(problems, null, 2)}`).toHaveLength(1);
  return matching[0] as Problem;
}

function withStep(wf: Workflow, id: string, change: (s: Step) => Step): Workflow {
  return { ...wf, steps: wf.steps.map((s) => (s.id === id ? change(s) : s)) };
}

describe('validateWorkflow', () => {
  it('finds no problem in a well-formed workflow', () => {
    expect(validateWorkflow(valid(), CONTEXT)).toEqual([]);
  });

  it('reports a workflow without a start step', () => {
    const wf = valid();
    const problems = validateWorkflow(
      { ...wf, steps: wf.steps.filter((s) => s.id !== 's'), edges: wf.edges.filter((e) => e.source !== 's') },
      CONTEXT,
    );
    const p = only(problems, 'no-start');
    expect(p.severity).toBe('error');
    expect(p.message).toMatch(/no start step/);
    expect(codes(problems)).not.toContain('unreachable');
  });

  it('reports every extra start step by name', () => {
    const wf = valid();
    const problems = validateWorkflow(
      {
        ...wf,
        steps: [...wf.steps, start('s2', 'Phone call in', 1)],
        edges: [...wf.edges, edge('s2', 'draft')],
      },
      CONTEXT,
    );
    const p = only(problems, 'several-starts');
    expect(p.stepId).toBe('s2');
    expect(p.message).toContain("'Phone call in'");
    expect(p.message).toContain('2 start steps');
  });

  it('reports a workflow without an end step', () => {
    const wf = workflow([start('s'), task('t', 'Only task')], [edge('s', 't')]);
    const problems = validateWorkflow(wf, CONTEXT);
    expect(only(problems, 'no-end').message).toMatch(/no end step/);
    expect(only(problems, 'dead-end').message).toContain("'Only task'");
  });

  it('reports a step that cannot be reached from the start', () => {
    const wf = valid();
    const problems = validateWorkflow(
      {
        ...wf,
        steps: [...wf.steps, task('orphan', 'Forgotten task')],
        edges: [...wf.edges, edge('orphan', 'e')],
      },
      CONTEXT,
    );
    const p = only(problems, 'unreachable');
    expect(p.stepId).toBe('orphan');
    expect(p.message).toBe("Step 'Forgotten task' cannot be reached from the start.");
  });

  it('reports steps that cannot reach an end', () => {
    // Loop1 → Loop2 → Loop1: both reachable, neither reaches an end, neither is a dead end.
    const wf = valid();
    const problems = validateWorkflow(
      {
        ...wf,
        steps: [
          ...wf.steps,
          decision('dec2', 'Escalate?'),
          task('loop1', 'Ask customer'),
          task('loop2', 'Wait'),
        ],
        edges: [
          ...wf.edges.filter((e) => e.id !== 'e-fix-e'),
          edge('fix', 'dec2'),
          edge('dec2', 'e', 0.5),
          edge('dec2', 'loop1', 0.5),
          edge('loop1', 'loop2'),
          edge('loop2', 'loop1'),
        ],
      },
      CONTEXT,
    );
    const cannotFinish = problems.filter((p) => p.code === 'cannot-finish');
    expect(cannotFinish.map((p) => p.stepId).sort()).toEqual(['loop1', 'loop2']);
    expect(cannotFinish.map((p) => p.message)).toContain("Step 'Ask customer' cannot reach an end step.");
    expect(codes(problems)).not.toContain('dead-end');
  });

  it('reports a dead end', () => {
    const wf = valid();
    const problems = validateWorkflow({ ...wf, edges: wf.edges.filter((e) => e.id !== 'e-fix-e') }, CONTEXT);
    const p = only(problems, 'dead-end');
    expect(p.stepId).toBe('fix');
    expect(p.message).toBe("Step 'Fix details' has no next step.");
  });

  it('reports a step that branches without being a decision', () => {
    const wf = valid();
    const problems = validateWorkflow({ ...wf, edges: [...wf.edges, edge('draft', 'fix')] }, CONTEXT);
    const p = only(problems, 'branch-without-decision');
    expect(p.stepId).toBe('draft');
    expect(p.message).toContain("'Draft reply' has 2 next steps");
    expect(p.message).toContain('decision');
  });

  it('reports a decision with fewer than two branches', () => {
    const wf = valid();
    const problems = validateWorkflow(
      {
        ...wf,
        steps: wf.steps.filter((s) => s.id !== 'fix'),
        edges: wf.edges.filter((e) => e.source !== 'fix' && e.target !== 'fix'),
      },
      CONTEXT,
    );
    const p = only(problems, 'decision-branches');
    expect(p.stepId).toBe('dec');
    expect(p.message).toBe("Decision 'Approved?' needs at least two outgoing branches.");
  });

  it('reports decision branches without probability', () => {
    const wf = valid();
    const edges = wf.edges.map((e) => (e.id === 'e-dec-fix' ? { ...e, probability: null } : e));
    const p = only(validateWorkflow({ ...wf, edges }, CONTEXT), 'decision-probability-missing');
    expect(p.message).toContain("'Approved?'");
    expect(p.message).toContain('1 of its 2 branches');
  });

  it('reports decision probabilities that do not add up to 100%, in percent', () => {
    const wf = valid();
    const edges = wf.edges.map((e) => (e.id === 'e-dec-e' ? { ...e, probability: 0.6 } : e));
    const p = only(validateWorkflow({ ...wf, edges }, CONTEXT), 'decision-probability-sum');
    expect(p.stepId).toBe('dec');
    expect(p.message).toContain("'Approved?'");
    expect(p.message).toContain('90%');
    expect(p.message).not.toContain('89.9');
  });

  it('accepts decision probabilities that only miss 100% by rounding', () => {
    const wf = valid();
    const steps = [...wf.steps, task('third', 'Call back')];
    const edges = [
      ...wf.edges.map((e) =>
        e.id === 'e-dec-e'
          ? { ...e, probability: 0.333 }
          : e.id === 'e-dec-fix'
            ? { ...e, probability: 0.333 }
            : e,
      ),
      edge('dec', 'third', 0.334),
      edge('third', 'e'),
    ];
    expect(validateWorkflow({ ...wf, steps, edges }, CONTEXT)).toEqual([]);
  });

  it('reports a review that rejects work without a rework target', () => {
    const wf = withStep(valid(), 'check', (s) => ({ ...s, reworkTargetId: null }) as Step);
    const p = only(validateWorkflow(wf, CONTEXT), 'rework-target-missing');
    expect(p.stepId).toBe('check');
    expect(p.message).toContain("'Check reply'");
    expect(p.message).toContain('10%');
  });

  it('accepts a review that rejects nothing and has no rework target', () => {
    const wf = withStep(valid(), 'check', (s) => ({ ...s, reworkTargetId: null, rejectionRate: 0 }) as Step);
    expect(validateWorkflow(wf, CONTEXT)).toEqual([]);
  });

  it('reports a rework target that comes after the review', () => {
    const wf = withStep(valid(), 'check', (s) => ({ ...s, reworkTargetId: 'fix' }) as Step);
    const p = only(validateWorkflow(wf, CONTEXT), 'rework-target-not-earlier');
    expect(p.message).toBe(
      "Review 'Check reply' sends rework to 'Fix details', which does not come before it.",
    );
  });

  it('reports a review that sends rework to itself', () => {
    const wf = withStep(valid(), 'check', (s) => ({ ...s, reworkTargetId: 'check' }) as Step);
    expect(only(validateWorkflow(wf, CONTEXT), 'rework-target-not-earlier').message).toContain(
      "'Check reply'",
    );
  });

  it('reports a rework target that is the start step', () => {
    const wf = withStep(valid(), 'check', (s) => ({ ...s, reworkTargetId: 's' }) as Step);
    const p = only(validateWorkflow(wf, CONTEXT), 'rework-target-not-work');
    expect(p.message).toBe("Review 'Check reply' must send rework to a task or review, not to 'Request in'.");
  });

  it('reports a rework target that does not exist', () => {
    const wf = withStep(valid(), 'check', (s) => ({ ...s, reworkTargetId: 'gone' }) as Step);
    expect(only(validateWorkflow(wf, CONTEXT), 'rework-target-unknown').message).toContain("'Check reply'");
  });

  it('reports a role that does not exist', () => {
    const wf = withStep(valid(), 'draft', (s) => ({ ...s, roleId: 'role-deleted' }) as Step);
    const p = only(validateWorkflow(wf, CONTEXT), 'unknown-role');
    expect(p.severity).toBe('error');
    expect(p.message).toContain("'Draft reply'");
  });

  it('warns about a missing role on human work, but not on fully automated tasks', () => {
    const human = withStep(valid(), 'draft', (s) => ({ ...s, roleId: null }) as Step);
    const p = only(validateWorkflow(human, CONTEXT), 'no-role');
    expect(p.severity).toBe('warning');
    expect(p.message).toBe("Step 'Draft reply': choose the role that performs it.");
    expect(hasErrors(validateWorkflow(human, CONTEXT))).toBe(false);

    const assisted = withStep(valid(), 'draft', (s) => ({ ...s, roleId: null, mode: 'ai-assisted' }) as Step);
    expect(codes(validateWorkflow(assisted, CONTEXT))).toEqual(['no-role']);

    const reviewer = withStep(valid(), 'check', (s) => ({ ...s, roleId: null }) as Step);
    expect(only(validateWorkflow(reviewer, CONTEXT), 'no-role').message).toBe(
      "Step 'Check reply': choose the role that reviews it.",
    );

    const automated = withStep(
      valid(),
      'draft',
      (s) => ({ ...s, roleId: null, mode: 'ai-automated' }) as Step,
    );
    expect(validateWorkflow(automated, CONTEXT)).toEqual([]);
  });

  it('warns about an unknown skill, and accepts custom skills from the context', () => {
    const wf = withStep(
      valid(),
      'draft',
      (s) => ({ ...s, skills: [{ skillId: 'custom-tone', level: 3 }] }) as Step,
    );
    const p = only(validateWorkflow(wf, CONTEXT), 'unknown-skill');
    expect(p.severity).toBe('warning');
    expect(p.message).toContain("'Draft reply'");
    expect(p.message).toContain('custom-tone');

    const customSkill = {
      id: 'custom-tone',
      name: 'Tone of voice',
      description: '',
      categoryId: 'custom.my-skills',
      source: 'custom' as const,
      externalId: null,
      retired: false,
      externalRefs: [],
      hoursPerLevel: null,
    };
    expect(validateWorkflow(wf, { ...CONTEXT, skills: skillIndex([customSkill]) })).toEqual([]);
  });

  it('reports a step connected to itself', () => {
    const wf = valid();
    const problems = validateWorkflow({ ...wf, edges: [...wf.edges, edge('fix', 'fix')] }, CONTEXT);
    const p = only(problems, 'self-loop');
    expect(p.edgeId).toBe('e-fix-fix');
    expect(p.message).toBe("Step 'Fix details' connects to itself.");
    // The self loop does not count as a second next step.
    expect(codes(problems)).toEqual(['self-loop']);
  });

  it('reports a connection to a step that does not exist', () => {
    const wf = valid();
    const problems = validateWorkflow({ ...wf, edges: [...wf.edges, edge('dec', 'ghost', 0)] }, CONTEXT);
    const p = only(problems, 'dangling-edge');
    expect(p.edgeId).toBe('e-dec-ghost');
    expect(p.message).toContain("'ghost'");
    expect(codes(problems)).toEqual(['dangling-edge']);
  });

  it('reports duplicate step ids', () => {
    const wf = valid();
    const problems = validateWorkflow({ ...wf, steps: [...wf.steps, task('fix', 'Fix again')] }, CONTEXT);
    expect(only(problems, 'duplicate-step-id').message).toContain("'fix'");
  });
});

describe('canConnect', () => {
  const refused = (wf: Workflow, from: string, to: string): string => {
    const verdict = canConnect(wf, from, to);
    expect(verdict.ok).toBe(false);
    return verdict.ok ? '' : verdict.reason;
  };

  it('allows a new connection between two free steps', () => {
    const wf = workflow([start('s'), task('a', 'A'), end('e')], [edge('s', 'a')]);
    expect(canConnect(wf, 'a', 'e')).toEqual({ ok: true });
  });

  it('refuses a connection from a step to itself', () => {
    expect(refused(valid(), 'fix', 'fix')).toMatch(/itself/);
  });

  it('refuses a connection into the start', () => {
    expect(refused(valid(), 'dec', 's')).toContain("'Request in' is the start");
  });

  it('refuses a connection out of an end step', () => {
    expect(refused(valid(), 'e', 'fix')).toContain("'Done' is an end step");
  });

  it('refuses a connection that already exists', () => {
    expect(refused(valid(), 'dec', 'fix')).toContain('already connected');
  });

  it('refuses a second next step for a step that is not a decision', () => {
    expect(refused(valid(), 'draft', 'fix')).toContain("'Draft reply' already has a next step");
  });

  it('allows a decision to branch again', () => {
    const wf = { ...valid(), steps: [...valid().steps, task('extra', 'Extra')] };
    expect(canConnect(wf, 'dec', 'extra')).toEqual({ ok: true });
  });

  it('refuses ends that are not steps of the workflow', () => {
    expect(refused(valid(), 'fix', 'ghost')).toMatch(/must be steps/);
  });
});

describe('reworkTargetCandidates', () => {
  it('offers the task and review steps that come before the review', () => {
    const wf = workflow(
      [
        start('s'),
        task('a', 'Write'),
        review('r1', 'First check', { reworkTargetId: 'a' }),
        decision('d', 'OK?'),
        review('r2', 'Second check', { reworkTargetId: 'a' }),
        task('later', 'Send'),
        end('e'),
      ],
      [
        edge('s', 'a'),
        edge('a', 'r1'),
        edge('r1', 'd'),
        edge('d', 'r2', 0.5),
        edge('d', 'later', 0.5),
        edge('r2', 'later'),
        edge('later', 'e'),
      ],
    );
    const r2 = wf.steps.find((s) => s.id === 'r2') as ReviewStep;
    expect(reworkTargetCandidates(wf, r2).map((s) => s.id)).toEqual(['a', 'r1']);
    const r1 = wf.steps.find((s) => s.id === 'r1') as ReviewStep;
    expect(reworkTargetCandidates(wf, r1).map((s) => s.id)).toEqual(['a']);
  });

  it('offers nothing for a review right after the start', () => {
    const wf = workflow([start('s'), review('r', 'Check'), end('e')], [edge('s', 'r'), edge('r', 'e')]);
    expect(reworkTargetCandidates(wf, wf.steps[1] as ReviewStep)).toEqual([]);
  });
});
