/**
 * Checks a structurally valid workflow (one that parsed with WorkflowSchema) against the rules of a
 * well-formed process, and says what is wrong in the user's words, naming steps as the user named them.
 */
// The rules both engines refuse with share their wording with the compiler's refusals (shared/flow).
import { refusals } from '../flow/refusals';
import { branches, reachableFrom, reachingTo } from './rules';
import type { Edge, Role, Skill, Step, Workflow } from './schema';
import { validateSkills } from '../skills/validate';

export type ProblemSeverity = 'error' | 'warning';

export interface Problem {
  severity: ProblemSeverity;
  /** Stable machine-readable kind, for tests and filtering. */
  code: string;
  message: string;
  stepId?: string;
  edgeId?: string;
}

export interface ValidationContext {
  roles: readonly Role[];
  /** Built-in and custom skills by id. */
  skills: ReadonlyMap<string, Skill>;
}

/** Decision probabilities are typed by people; allow for rounding such as 0.333 + 0.333 + 0.334. */
export const PROBABILITY_TOLERANCE = 0.0015;

const label = (s: Step) => `'${s.name}'`;

export function validateWorkflow(workflow: Workflow, context: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  const { steps, edges } = workflow;
  const byId = new Map(steps.map((s) => [s.id, s]));
  const roleIds = new Set(context.roles.map((r) => r.id));

  const seenIds = new Set<string>();
  const duplicateIds = steps.filter((s) => (seenIds.has(s.id) ? true : (seenIds.add(s.id), false)));
  for (const s of duplicateIds) {
    problems.push({
      severity: 'error',
      code: 'duplicate-step-id',
      stepId: s.id,
      message: refusals.duplicateStepId(s.id).message,
    });
  }

  const starts = steps.filter((s) => s.type === 'start');
  const ends = steps.filter((s) => s.type === 'end');
  if (starts.length === 0) {
    problems.push({ severity: 'error', code: 'no-start', message: refusals.noStart().message });
  } else if (starts.length > 1) {
    for (const s of starts.slice(1)) {
      problems.push({
        severity: 'error',
        code: 'several-starts',
        stepId: s.id,
        message: `The workflow has ${starts.length} start steps; keep exactly one (${label(s)} is extra).`,
      });
    }
  }
  if (ends.length === 0)
    problems.push({ severity: 'error', code: 'no-end', message: 'The workflow has no end step.' });

  for (const e of edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target) {
      problems.push({
        severity: 'error',
        code: 'dangling-edge',
        edgeId: e.id,
        message: refusals.danglingEdge(!source ? e.source : e.target).message,
      });
    } else if (source.id === target.id) {
      problems.push({
        severity: 'error',
        code: 'self-loop',
        edgeId: e.id,
        stepId: source.id,
        message: `Step ${label(source)} connects to itself.`,
      });
    }
  }
  const validEdges = edges.filter((e) => byId.has(e.source) && byId.has(e.target) && e.source !== e.target);

  let earlierCache: Map<string, string[]> | undefined;
  const outgoingOf = groupBy(validEdges, (e) => e.source);
  const incomingOf = groupBy(validEdges, (e) => e.target);
  for (const step of steps) {
    const out = outgoingOf.get(step.id) ?? [];
    const incoming = incomingOf.get(step.id) ?? [];
    if (step.type === 'start' && incoming.length > 0) {
      problems.push({
        severity: 'error',
        code: 'start-has-input',
        stepId: step.id,
        message: `Start step ${label(step)} must have no incoming connection.`,
      });
    }
    if (step.type === 'end' && out.length > 0) {
      problems.push({
        severity: 'error',
        code: 'end-has-output',
        stepId: step.id,
        message: `End step ${label(step)} must have no outgoing connection.`,
      });
    }
    if (step.type !== 'end' && out.length === 0) {
      problems.push({
        severity: 'error',
        code: 'dead-end',
        stepId: step.id,
        message: `Step ${label(step)} has no next step.`,
      });
    }
    if (!branches(step) && out.length > 1) {
      problems.push({
        severity: 'error',
        code: 'branch-without-decision',
        stepId: step.id,
        message: `Step ${label(step)} has ${out.length} next steps; use a decision or parallel step to branch.`,
      });
    }
    if (step.type === 'decision') checkDecision(step, out, problems);
    if (step.type === 'parallel' && out.length < 2 && incoming.length < 2) {
      problems.push({
        severity: 'warning',
        code: 'parallel-idle',
        stepId: step.id,
        message: `Parallel step ${label(step)} neither splits (two or more next steps) nor joins (two or more steps leading in).`,
      });
    }
    if (step.type === 'review' && step.feedbackLoop && step.feedbackLoop.floorRate > step.rejectionRate) {
      problems.push({
        severity: 'warning',
        code: 'feedback-floor-above-rate',
        stepId: step.id,
        message: `Review ${label(step)}: the feedback loop's floor (${formatShare(step.feedbackLoop.floorRate)}) is above today's rejection rate (${formatShare(step.rejectionRate)}).`,
      });
    }
    if (step.type === 'task' || step.type === 'review') {
      const needsPerson = step.type === 'review' || step.mode !== 'ai-automated';
      if (step.roleId !== null && !roleIds.has(step.roleId)) {
        problems.push({
          severity: 'error',
          code: 'unknown-role',
          stepId: step.id,
          message: `Step ${label(step)}: its role no longer exists.`,
        });
      } else if (step.roleId === null && needsPerson) {
        problems.push({
          severity: 'warning',
          code: 'no-role',
          stepId: step.id,
          message: `Step ${label(step)}: choose the role that ${step.type === 'review' ? 'reviews' : 'performs'} it.`,
        });
      }
      for (const req of step.skills) {
        if (!context.skills.has(req.skillId)) {
          problems.push({
            severity: 'warning',
            code: 'unknown-skill',
            stepId: step.id,
            message: `Step ${label(step)} requires an unknown skill ('${req.skillId}').`,
          });
        }
      }
      if (step.skills.length !== new Set(step.skills.map((r) => r.skillId)).size) {
        problems.push({
          severity: 'warning',
          code: 'duplicate-skill',
          stepId: step.id,
          message: `Step ${label(step)} lists the same skill twice.`,
        });
      }
    }
    if (step.type === 'review')
      checkReview(step, byId, problems, () => (earlierCache ??= predecessorsOf(validEdges)));
  }

  const start = starts[0];
  if (start) {
    const reached = reachableFrom(validEdges, start.id);
    for (const s of steps) {
      if (!reached.has(s.id)) {
        problems.push({
          severity: 'error',
          code: 'unreachable',
          stepId: s.id,
          message: `Step ${label(s)} cannot be reached from the start.`,
        });
      }
    }
  }
  if (ends.length > 0) {
    const canFinish = new Set<string>();
    for (const end of ends) for (const id of reachingTo(validEdges, end.id)) canFinish.add(id);
    for (const s of steps) {
      if (!canFinish.has(s.id) && s.type !== 'end') {
        problems.push({
          severity: 'error',
          code: 'cannot-finish',
          stepId: s.id,
          message: `Step ${label(s)} cannot reach an end step.`,
        });
      }
    }
  }
  problems.push(...validateSkills(workflow, context.roles, context.skills));
  return problems;
}

function checkDecision(step: Step, out: readonly Workflow['edges'][number][], problems: Problem[]): void {
  if (out.length < 2) {
    problems.push({
      severity: 'error',
      code: 'decision-branches',
      stepId: step.id,
      message: `Decision ${label(step)} needs at least two outgoing branches.`,
    });
    return;
  }
  const missing = out.filter((e) => e.probability === null);
  if (missing.length > 0) {
    problems.push({
      severity: 'error',
      code: 'decision-probability-missing',
      stepId: step.id,
      message: `Decision ${label(step)}: ${missing.length} of its ${out.length} branches have no probability.`,
    });
    return;
  }
  const sum = out.reduce((acc, e) => acc + (e.probability ?? 0), 0);
  if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
    problems.push({
      severity: 'error',
      code: 'decision-probability-sum',
      stepId: step.id,
      message: `Decision ${label(step)}: branch probabilities add up to ${formatShare(sum)}, not 100%.`,
    });
  }
}

function checkReview(
  step: Extract<Step, { type: 'review' }>,
  byId: ReadonlyMap<string, Step>,
  problems: Problem[],
  predecessors: () => ReadonlyMap<string, readonly string[]>,
): void {
  if (step.reworkTargetId === null) {
    if (step.rejectionRate > 0) {
      problems.push({
        severity: 'error',
        code: 'rework-target-missing',
        stepId: step.id,
        message: `Review ${label(step)} rejects ${formatShare(step.rejectionRate)} of work but does not say which step it goes back to.`,
      });
    }
    return;
  }
  const target = byId.get(step.reworkTargetId);
  if (!target) {
    problems.push({
      severity: 'error',
      code: 'rework-target-unknown',
      stepId: step.id,
      message: `Review ${label(step)} sends rework to a step that does not exist.`,
    });
    return;
  }
  if (target.id === step.id || !comesBefore(predecessors(), target.id, step.id)) {
    problems.push({
      severity: 'error',
      code: 'rework-target-not-earlier',
      stepId: step.id,
      message: `Review ${label(step)} sends rework to ${label(target)}, which does not come before it.`,
    });
  } else if (target.type !== 'task' && target.type !== 'review') {
    problems.push({
      severity: 'error',
      code: 'rework-target-not-work',
      stepId: step.id,
      message: `Review ${label(step)} must send rework to a task or review, not to ${label(target)}.`,
    });
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function predecessorsOf(edges: readonly Edge[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of edges) {
    const list = map.get(e.target);
    if (list) list.push(e.source);
    else map.set(e.target, [e.source]);
  }
  return map;
}

/** Whether `earlierId` leads to `laterId` along forward connections (a search backwards from the later step). */
function comesBefore(
  predecessors: ReadonlyMap<string, readonly string[]>,
  earlierId: string,
  laterId: string,
): boolean {
  const seen = new Set<string>([laterId]);
  const stack = [laterId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const p of predecessors.get(id) ?? []) {
      if (p === earlierId) return true;
      if (!seen.has(p)) {
        seen.add(p);
        stack.push(p);
      }
    }
  }
  return false;
}

export function formatShare(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
