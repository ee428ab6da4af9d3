/** One step on the canvas: kind (icon + label + colour), name, role, time, skills and any problems. */
import { memo } from 'react';
import { Handle, Position, useStore, type Node, type NodeProps } from '@xyflow/react';
import { AlertTriangle, Clock, Undo2, UserRound } from 'lucide-react';
import type { Step } from '../../shared/model/schema';
import { lookOf } from './stepKinds';
import { useEditor } from '../store/editorStore';
import { InlineRename } from './InlineRename';
import { StepQuickBar } from './StepQuickBar';

export interface StepHeat {
  /** 0–1, relative to the hottest step. */
  share: number;
  label: string;
}

export interface StepNodeData extends Record<string, unknown> {
  step: Step;
  roleName: string | null;
  skillNames: readonly string[];
  reworkTargetName: string | null;
  problems: readonly string[];
  heat: StepHeat | null;
}

export type StepFlowNode = Node<StepNodeData, 'step'>;

const MAX_CHIPS = 3;

function formatMinutes(min: number): string {
  if (min < 1) return `${Math.round(min * 60)} s`;
  if (min < 120) return `${Math.round(min * 10) / 10} min`;
  return `${Math.round((min / 60) * 10) / 10} h`;
}

/**
 * Below this zoom a step is drawn as a simple labelled box: its details are unreadable anyway, and a
 * workflow of thousands of steps zoomed out to fit must stay cheap to paint and hit-test.
 */
export const DETAIL_ZOOM = 0.3;

export const isZoomedOut = (s: { transform: [number, number, number] }) => s.transform[2] < DETAIL_ZOOM;

function StepNodeView(props: NodeProps<StepFlowNode>) {
  const zoomedOut = useStore(isZoomedOut);
  return zoomedOut ? <StepNodeOverview {...props} /> : <StepNodeDetail {...props} />;
}

function StepNodeOverview({ data, selected }: NodeProps<StepFlowNode>) {
  const { step, problems, heat } = data;
  const look = lookOf(step);
  return (
    <div
      className={`step-node overview kind-${look.kind}${selected ? ' is-selected' : ''}${problems.length ? ' has-problems' : ''}`}
      role="group"
      aria-label={`${look.label}: ${step.name}`}
      style={
        heat ? { boxShadow: `inset 0 -8px 0 rgba(217, 72, 15, ${0.25 + 0.75 * heat.share})` } : undefined
      }
    >
      {/* Handles are pointer affordances without a role, so they carry no aria-label (axe: aria-prohibited-attr);
          the keyboard path to connections is the Inspector's next steps and rework target. */}
      {step.type !== 'start' && <Handle type="target" position={Position.Left} />}
      <div className="step-kind">{look.label}</div>
      <div className="step-name">{step.name}</div>
      {heat && <div className="step-heat-overview">{heat.label}</div>}
      {step.type !== 'end' && <Handle type="source" position={Position.Right} />}
      {step.type === 'review' && (
        <Handle type="source" id="rework" position={Position.Bottom} className="rework-handle" />
      )}
    </div>
  );
}

function StepNodeDetail({ data, selected }: NodeProps<StepFlowNode>) {
  const { step, roleName, skillNames, reworkTargetName, problems, heat } = data;
  const renaming = useEditor((s) => s.renamingStepId === step.id);
  const look = lookOf(step);
  const Icon = look.icon;
  const isWork = step.type === 'task' || step.type === 'review';
  return (
    <div
      className={`step-node kind-${look.kind}${selected ? ' is-selected' : ''}${problems.length ? ' has-problems' : ''}`}
      role="group"
      aria-label={`${look.label}: ${step.name}`}
    >
      {step.type !== 'start' && <Handle type="target" position={Position.Left} />}
      <div className="step-kind">
        <Icon size={14} aria-hidden />
        <span>{look.label}</span>
        {problems.length > 0 && (
          <span
            className="step-problem"
            role="img"
            title={problems.join('\n')}
            aria-label={`${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.join(' ')}`}
          >
            <AlertTriangle size={14} aria-hidden />
          </span>
        )}
      </div>
      {renaming ? <InlineRename step={step} /> : <div className="step-name">{step.name}</div>}
      {selected && <StepQuickBar step={step} />}
      {isWork && (
        <div className="step-meta">
          <span className={roleName ? '' : 'muted'}>
            <UserRound size={12} aria-hidden />{' '}
            {roleName ?? (step.type === 'task' && step.mode === 'ai-automated' ? 'AI' : 'No role')}
          </span>
          <span>
            <Clock size={12} aria-hidden /> {formatMinutes(step.duration.likely)}
          </span>
        </div>
      )}
      {step.type === 'review' && (
        <div className="step-meta">
          <span>
            <Undo2 size={12} aria-hidden /> {Math.round(step.rejectionRate * 100)}% back to{' '}
            {reworkTargetName ?? '—'}
          </span>
        </div>
      )}
      {heat && (
        <div className="step-heat" title={heat.label}>
          <span
            className="heat-bar"
            style={{
              width: `${Math.round(Math.max(0.04, heat.share) * 100)}%`,
              opacity: 0.35 + 0.65 * heat.share,
            }}
          />
          <span className="heat-label">{heat.label}</span>
        </div>
      )}
      {skillNames.length > 0 && (
        <ul className="chips" aria-label="Skills">
          {skillNames.slice(0, MAX_CHIPS).map((name) => (
            <li key={name} className="chip">
              {name}
            </li>
          ))}
          {skillNames.length > MAX_CHIPS && <li className="chip more">+{skillNames.length - MAX_CHIPS}</li>}
        </ul>
      )}
      {step.type !== 'end' && <Handle type="source" position={Position.Right} />}
      {step.type === 'review' && (
        <Handle
          type="source"
          id="rework"
          position={Position.Bottom}
          className="rework-handle"
          title={`Drag to the step that reworks what ${step.name} rejects`}
        />
      )}
    </div>
  );
}

export const StepNode = memo(StepNodeView);
