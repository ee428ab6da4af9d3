/** How the diff writes values, so a change reads as "Human → AI-automated" wherever it is shown. */
import type { Duration, Role, StepType, TaskMode } from '../model/schema';

export const MODE_LABELS: Readonly<Record<TaskMode, string>> = {
  human: 'Human',
  'ai-assisted': 'AI-assisted',
  'ai-automated': 'AI-automated',
};

export const STEP_TYPE_LABELS: Readonly<Record<StepType, string>> = {
  start: 'Start',
  end: 'End',
  task: 'Task',
  review: 'Review',
  decision: 'Decision',
  parallel: 'Parallel',
};

/** Up to two decimals, without trailing zeros (12.5, 0.04, 3). */
export function plainNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export const percentLabel = (share: number) => `${plainNumber(share * 100)}%`;

export const durationLabel = (d: Duration) =>
  `${plainNumber(d.min)} / ${plainNumber(d.likely)} / ${plainNumber(d.max)} min`;

export function roleLabel(roleId: string | null, roles: ReadonlyMap<string, Role>): string {
  if (roleId === null) return 'no role';
  return roles.get(roleId)?.name ?? `unknown role ${roleId}`;
}

export const textLabel = (s: string) => (s === '' ? 'none' : s);
