/**
 * Large, valid workflows for benchmarks and performance tests: a main line of tasks laid out in rows, with a
 * decision every 10 steps (two branches that meet again) and a review with a rework loop every 15.
 * Deterministic for a given size.
 */
import {
  completeSteps,
  noLearningPlan,
  type Edge,
  type Role,
  type StepInput,
  type Workspace,
} from '../model/schema';

const AT = '2026-11-01T09:00:00.000Z';
const PER_ROW = 25;
const DX = 260;
const DY = 220;

export interface LargeWorkflowOptions {
  /** A decision block (decision, detour, join: 3 steps, 4 connections) every this many steps; default 10. */
  decisionEvery?: number;
}

/**
 * `decisionEvery: 4` gives about 1.2 connections per step (5,000 steps: about 6,000 edges with the rework
 * loops), the density the editor's performance targets are stated for.
 */
export function largeWorkspace(
  stepCount: number,
  roleCount = 8,
  { decisionEvery = 10 }: LargeWorkflowOptions = {},
): Workspace {
  const roles: Role[] = Array.from({ length: roleCount }, (_, i) => ({
    id: `big-role-${i}`,
    name: `Role ${i + 1}`,
    headcount: 40,
    hoursPerWeek: 36,
    costPerHour: 40 + i,
    skillLevels: [],
    people: [],
  }));
  const steps: StepInput[] = [];
  const edges: Edge[] = [];
  const place = (i: number) => {
    const row = Math.floor(i / PER_ROW);
    const col = i % PER_ROW;
    return { x: (row % 2 === 0 ? col : PER_ROW - 1 - col) * DX, y: row * DY };
  };
  const link = (source: string, target: string, probability: number | null = null, label = '') =>
    edges.push({ id: `big-e${edges.length}`, source, target, label, probability });

  steps.push({ type: 'start', id: 'big-s0', name: 'Case arrives', position: place(0) });
  let previous = 'big-s0';
  let lastTask = '';
  let i = 1;
  for (; steps.length < stepCount - 1; i++) {
    const id = `big-s${i}`;
    const position = place(i);
    const role = roles[i % roleCount]?.id ?? null;
    if (i % decisionEvery === 0 && steps.length < stepCount - 4) {
      // Decision: 30% take a detour task, 70% go straight on; both meet at the next step.
      steps.push({ type: 'decision', id, name: `Check ${i}`, position });
      const detour = `${id}-detour`;
      steps.push({
        type: 'task',
        id: detour,
        name: `Extra work ${i}`,
        mode: 'human',
        roleId: role,
        duration: { min: 2, likely: 4, max: 9 },
        position: { x: position.x, y: position.y + DY / 2 },
      });
      const join = `big-s${i}-join`;
      steps.push({
        type: 'task',
        id: join,
        name: `Continue ${i}`,
        mode: 'ai-assisted',
        roleId: role,
        aiTool: 'Assistant',
        duration: { min: 1, likely: 2, max: 4 },
        position: { x: position.x + DX / 2, y: position.y + DY / 3 },
      });
      link(previous, id);
      link(id, detour, 0.3, 'Detour');
      link(id, join, 0.7, 'Straight on');
      link(detour, join);
      previous = join;
      lastTask = join;
    } else if (i % 15 === 0 && lastTask) {
      steps.push({
        type: 'review',
        id,
        name: `Review ${i}`,
        roleId: role,
        duration: { min: 1, likely: 2, max: 5 },
        rejectionRate: 0.1,
        reworkTargetId: lastTask,
        position,
      });
      link(previous, id);
      previous = id;
    } else {
      const mode = i % 3 === 0 ? 'ai-automated' : i % 3 === 1 ? 'human' : 'ai-assisted';
      steps.push({
        type: 'task',
        id,
        name: `Task ${i}`,
        mode,
        roleId: mode === 'ai-automated' ? null : role,
        aiTool: mode === 'human' ? '' : 'Assistant',
        duration:
          mode === 'ai-automated' ? { min: 0.1, likely: 0.2, max: 0.5 } : { min: 1, likely: 2, max: 5 },
        skills: [{ skillId: 'onet.writing', level: 3 }],
        position,
      });
      link(previous, id);
      previous = id;
      lastTask = id;
    }
  }
  // In the next place of the grid, right after the last step (not as far on as the step count).
  steps.push({ type: 'end', id: 'big-end', name: 'Done', position: place(i) });
  link(previous, 'big-end');
  return {
    roles,
    customSkills: [],
    workflows: [
      {
        id: `big-${stepCount}`,
        name: `Large workflow (${stepCount} steps)`,
        description: 'Generated for performance measurements.',
        kind: 'as-is',
        redesignOfId: null,
        volumePerWeek: 20,
        steps: completeSteps(steps),
        edges,
        ...noLearningPlan(),
        createdAt: AT,
        updatedAt: AT,
      },
    ],
  };
}
