/**
 * A step's learning in the flow, in the Inspector: the coaching or pairing it carries, "Add coaching…"
 * (the flag plus a plan item for one of the skills its role lacks), and its skill requirements against
 * the performing role's current levels.
 */
import { GraduationCap, X } from 'lucide-react';
import { useState } from 'react';
import { COACHING_KINDS, PROFICIENCY_MAX } from '../../shared/model/schema';
import type { CoachingKind, Role, Workflow, WorkStep } from '../../shared/model/schema';
import { useWorkspace } from '../store/workspaceStore';
import { useSkillIndex } from '../store/selectors';
import { Dialog } from '../ui/Dialog';
import { addCoaching, removeCoaching } from './skillEdits';
import './skills.css';

const KIND_LABELS: Record<CoachingKind, string> = { coaching: 'Coaching', pairing: 'Pairing' };

/** The team's level of a skill; 0 when none is recorded. */
export function teamLevel(role: Role | undefined, skillId: string): number {
  return role?.skillLevels.find((l) => l.skillId === skillId)?.level ?? 0;
}

/** The step's required skills against its role's current levels. */
export function StepSkillLevels({ step }: { step: WorkStep }) {
  const roles = useWorkspace((s) => s.roles);
  const skills = useSkillIndex();
  const role = roles.find((r) => r.id === step.roleId);
  if (!role || step.skills.length === 0) return null;
  return (
    <section className="step-skill-levels" aria-labelledby={`levels-${step.id}`}>
      <h3 id={`levels-${step.id}`}>Skills against {role.name}</h3>
      <table className="figures-table" aria-label={`Skill requirements against ${role.name}`}>
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col">Required</th>
            <th scope="col">Current</th>
            <th scope="col">Gap</th>
          </tr>
        </thead>
        <tbody>
          {step.skills.map((req) => {
            const name = skills.get(req.skillId)?.name ?? `Unknown skill (${req.skillId})`;
            const recorded = role.skillLevels.find((l) => l.skillId === req.skillId);
            const current = recorded?.level ?? 0;
            const gap = Math.max(0, req.level - current);
            return (
              <tr key={req.skillId} className={gap > 0 ? 'has-gap' : undefined}>
                <th scope="row">{name}</th>
                <td>{req.level}</td>
                <td
                  title={
                    recorded
                      ? `${recorded.source}${recorded.asOf ? `, as of ${recorded.asOf}` : ''}`
                      : 'not recorded'
                  }
                >
                  {recorded ? current : '— (0)'}
                </td>
                <td>{gap}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function StepCoachingSection({ workflow, step }: { workflow: Workflow; step: WorkStep }) {
  const roles = useWorkspace((s) => s.roles);
  const [open, setOpen] = useState(false);
  if (workflow.kind !== 'to-be' || step.roleId === null) return null;
  const coach = roles.find((r) => r.id === step.coaching?.coachRoleId);
  return (
    <section className="step-coaching" aria-labelledby={`coaching-${step.id}`}>
      <h3 id={`coaching-${step.id}`}>Learning on this step</h3>
      {step.coaching ? (
        <p className="small">
          {KIND_LABELS[step.coaching.kind]} by {coach?.name ?? 'no coach yet'}: {step.coaching.minutesPerCase}{' '}
          min per case for the coach and the learner.{' '}
          <button
            type="button"
            className="icon"
            aria-label={`Remove ${step.coaching.kind} from ${step.name}`}
            onClick={() =>
              useWorkspace.getState().editWorkflow(workflow.id, (wf) => removeCoaching(wf, step.id))
            }
          >
            <X size={14} aria-hidden />
          </button>
        </p>
      ) : (
        <p className="muted small">No coaching or pairing on this step.</p>
      )}
      <button type="button" onClick={() => setOpen(true)}>
        <GraduationCap size={14} aria-hidden /> Add coaching after…
      </button>
      {open && <AddCoachingDialog workflow={workflow} step={step} onClose={() => setOpen(false)} />}
    </section>
  );
}

function AddCoachingDialog({
  workflow,
  step,
  onClose,
}: {
  workflow: Workflow;
  step: WorkStep;
  onClose(): void;
}) {
  const roles = useWorkspace((s) => s.roles);
  const skills = useSkillIndex();
  const learner = roles.find((r) => r.id === step.roleId);
  const coaches = roles.filter((r) => r.id !== step.roleId);
  const gaps = step.skills.filter((req) => req.level > teamLevel(learner, req.skillId));
  const offered = gaps.length > 0 ? gaps : step.skills;
  const [skillId, setSkillId] = useState(offered[0]?.skillId ?? '');
  // The coach who knows the skill best by default.
  const best = [...coaches].sort((a, b) => teamLevel(b, skillId) - teamLevel(a, skillId))[0];
  const [coachId, setCoachId] = useState(step.coaching?.coachRoleId ?? best?.id ?? '');
  const [kind, setKind] = useState<CoachingKind>(step.coaching?.kind ?? 'coaching');
  const [minutes, setMinutes] = useState(String(Math.max(step.coaching?.minutesPerCase ?? 0, 2)));
  const [startWeek, setStartWeek] = useState('0');
  const req = step.skills.find((r) => r.skillId === skillId);
  const from = teamLevel(learner, skillId);
  const to = Math.min(PROFICIENCY_MAX, Math.max(from + 1, req?.level ?? from + 1));
  const minutesValue = Number(minutes);
  const weekValue = Number(startWeek);
  const error =
    skillId === ''
      ? 'Attach a required skill to the step first.'
      : coachId === ''
        ? 'Add another role to coach.'
        : !(Number.isFinite(minutesValue) && minutesValue > 0 && minutesValue <= 600)
          ? 'Minutes per case must be more than 0 and at most 600.'
          : !(Number.isInteger(weekValue) && weekValue >= 0 && weekValue <= 520)
            ? 'The start week must be a whole number from 0 to 520.'
            : null;
  const skillName = (id: string) => skills.get(id)?.name ?? `Unknown skill (${id})`;
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Add coaching after “${step.name}”`}
      description={`Each case worked here costs the coach's and the learner's role these minutes, and teaches ${learner?.name ?? 'the role'} the chosen skill.`}
    >
      <form
        className="coaching-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (error || !learner) return;
          useWorkspace.getState().editWorkflow(workflow.id, (wf) =>
            addCoaching(wf, {
              stepId: step.id,
              kind,
              coachRoleId: coachId,
              minutesPerCase: minutesValue,
              roleId: learner.id,
              skillId,
              fromLevel: from,
              toLevel: to,
              startWeek: weekValue,
            }),
          );
          onClose();
        }}
      >
        <div className="field">
          <label htmlFor="coaching-skill">Skill to learn</label>
          <select id="coaching-skill" value={skillId} onChange={(e) => setSkillId(e.target.value)}>
            {offered.map((r) => (
              <option key={r.skillId} value={r.skillId}>
                {skillName(r.skillId)} (level {teamLevel(learner, r.skillId)} → {r.level})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="coaching-kind">Kind</label>
          <select id="coaching-kind" value={kind} onChange={(e) => setKind(e.target.value as CoachingKind)}>
            {COACHING_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="coaching-coach">Coach's role</label>
          <select id="coaching-coach" value={coachId} onChange={(e) => setCoachId(e.target.value)}>
            {coaches.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="coaching-minutes">Minutes per case</label>
          <input
            id="coaching-minutes"
            type="number"
            min={0}
            step={0.5}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="coaching-week">Start week</label>
          <input
            id="coaching-week"
            type="number"
            min={0}
            step={1}
            value={startWeek}
            onChange={(e) => setStartWeek(e.target.value)}
          />
        </div>
        {step.coaching && step.coaching.kind !== kind && (
          <p className="small muted">
            This replaces the step's {step.coaching.kind}; plan items linked to it will say so in Problems.
          </p>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={error !== null}>
            Add coaching
          </button>
        </div>
      </form>
    </Dialog>
  );
}
