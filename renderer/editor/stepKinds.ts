/**
 * How each kind of step looks: colour, icon and a text label, so no kind is told apart by colour alone.
 * The palette, the legend and the nodes all read this one table.
 */
import {
  Bot,
  CircleStop,
  GitBranch,
  Play,
  ShieldCheck,
  Sparkles,
  Split,
  User,
  type LucideIcon,
} from 'lucide-react';
import type { Step, StepType, TaskMode } from '../../shared/model/schema';

export type StepKind = 'start' | 'end' | 'decision' | 'parallel' | 'review' | `task-${TaskMode}`;

export interface StepKindLook {
  kind: StepKind;
  label: string;
  /** What adding it from the palette means, for its button's accessible name and tooltip. */
  hint: string;
  icon: LucideIcon;
  type: StepType;
  mode?: TaskMode;
}

export const STEP_KINDS: readonly StepKindLook[] = [
  {
    kind: 'task-human',
    label: 'Human task',
    hint: 'A person does the work',
    icon: User,
    type: 'task',
    mode: 'human',
  },
  {
    kind: 'task-ai-assisted',
    label: 'AI-assisted task',
    hint: 'A person works with an AI tool',
    icon: Sparkles,
    type: 'task',
    mode: 'ai-assisted',
  },
  {
    kind: 'task-ai-automated',
    label: 'AI-automated task',
    hint: 'AI does the work, no person involved',
    icon: Bot,
    type: 'task',
    mode: 'ai-automated',
  },
  {
    kind: 'review',
    label: 'Review',
    hint: 'A person reviews or verifies work and may send it back',
    icon: ShieldCheck,
    type: 'review',
  },
  {
    kind: 'decision',
    label: 'Decision',
    hint: 'Work branches with stated probabilities',
    icon: GitBranch,
    type: 'decision',
  },
  {
    kind: 'parallel',
    label: 'Parallel',
    hint: 'Splits work into branches that all run, or joins them again',
    icon: Split,
    type: 'parallel',
  },
  { kind: 'start', label: 'Start', hint: 'Where a case enters the workflow', icon: Play, type: 'start' },
  { kind: 'end', label: 'End', hint: 'Where a case leaves the workflow', icon: CircleStop, type: 'end' },
];

export function kindOf(step: Step): StepKind {
  return step.type === 'task' ? `task-${step.mode}` : step.type;
}

export function lookOf(step: Step): StepKindLook {
  const kind = kindOf(step);
  return STEP_KINDS.find((k) => k.kind === kind) as StepKindLook;
}

export const MODE_LABELS: Record<TaskMode, string> = {
  human: 'Human',
  'ai-assisted': 'AI-assisted',
  'ai-automated': 'AI-automated',
};
