/**
 * Pure edits of the CHRO lens's data: a role's current levels, the to-be's learning plan, and coaching on a
 * step. The view applies them through the workspace store (updateRole, editWorkflow), so each is one undo step.
 */
import { newId } from '../../shared/model/ids';
import type {
  CoachingKind,
  LearningPlanItem,
  LevelSource,
  Role,
  RoleSkillLevel,
  Workflow,
} from '../../shared/model/schema';

const nowIso = () => new Date().toISOString();
const touch = (wf: Workflow, changes: Partial<Workflow>): Workflow => ({
  ...wf,
  ...changes,
  updatedAt: nowIso(),
});

/** Sets (or adds) the team level of one skill; fields not given keep their value. */
export function setRoleLevel(
  role: Role,
  skillId: string,
  patch: Partial<Pick<RoleSkillLevel, 'level' | 'source' | 'asOf'>>,
): Role {
  const existing = role.skillLevels.find((l) => l.skillId === skillId);
  const base: RoleSkillLevel = existing ?? {
    skillId,
    level: 0,
    source: 'estimate' as LevelSource,
    asOf: null,
  };
  const next = { ...base, ...patch };
  return {
    ...role,
    skillLevels: existing
      ? role.skillLevels.map((l) => (l.skillId === skillId ? next : l))
      : [...role.skillLevels, next],
  };
}

/** Forgets the team level of one skill (the lens then counts it as 0, "not recorded"). */
export function removeRoleLevel(role: Role, skillId: string): Role {
  return { ...role, skillLevels: role.skillLevels.filter((l) => l.skillId !== skillId) };
}

export type NewPlanItem = Omit<LearningPlanItem, 'id'>;

export function addPlanItem(wf: Workflow, item: NewPlanItem): { workflow: Workflow; id: string } {
  const id = newId('plan');
  return { workflow: touch(wf, { learningPlan: [...wf.learningPlan, { id, ...item }] }), id };
}

export function updatePlanItem(wf: Workflow, id: string, patch: Partial<NewPlanItem>): Workflow {
  return touch(wf, {
    learningPlan: wf.learningPlan.map((i) => (i.id === id ? { ...i, ...patch } : i)),
  });
}

export function removePlanItem(wf: Workflow, id: string): Workflow {
  return touch(wf, { learningPlan: wf.learningPlan.filter((i) => i.id !== id) });
}

export interface CoachingRequest {
  stepId: string;
  kind: CoachingKind;
  coachRoleId: string;
  minutesPerCase: number;
  /** The learner's role (the step's role) and the skill the coaching works on. */
  roleId: string;
  skillId: string;
  fromLevel: number;
  toLevel: number;
  startWeek: number;
}

/**
 * "Add coaching after…": the step carries the coaching flag (minutes per case for coach and learner) and
 * the plan gets an item linked to it, so the coaching's hours go to the chosen skill. One edit, one undo.
 */
export function addCoaching(wf: Workflow, request: CoachingRequest): Workflow {
  const steps = wf.steps.map((s) =>
    s.id === request.stepId && (s.type === 'task' || s.type === 'review')
      ? {
          ...s,
          coaching: {
            kind: request.kind,
            coachRoleId: request.coachRoleId,
            minutesPerCase: request.minutesPerCase,
          },
        }
      : s,
  );
  const item: LearningPlanItem = {
    id: newId('plan'),
    skillId: request.skillId,
    roleId: request.roleId,
    fromLevel: request.fromLevel,
    toLevel: request.toLevel,
    method: request.kind,
    hoursPerWeek: 0,
    startWeek: request.startWeek,
    linkedStepId: request.stepId,
    notes: '',
  };
  return touch(wf, { steps, learningPlan: [...wf.learningPlan, item] });
}

/** Removes a step's coaching flag; plan items linked to it stay (the problems list then says so). */
export function removeCoaching(wf: Workflow, stepId: string): Workflow {
  return touch(wf, {
    steps: wf.steps.map((s) =>
      s.id === stepId && (s.type === 'task' || s.type === 'review') ? { ...s, coaching: null } : s,
    ),
  });
}

/** Adds a named person to a role (personal data: left out of exports for sharing). */
export function addPerson(role: Role, displayName: string): { role: Role; id: string } {
  const id = newId('person');
  return { role: { ...role, people: [...role.people, { id, displayName, levels: [] }] }, id };
}

export function renamePerson(role: Role, personId: string, displayName: string): Role {
  return { ...role, people: role.people.map((p) => (p.id === personId ? { ...p, displayName } : p)) };
}

export function removePerson(role: Role, personId: string): Role {
  return { ...role, people: role.people.filter((p) => p.id !== personId) };
}

/** A person's own level of a skill; null goes back to the team level. */
export function setPersonLevel(role: Role, personId: string, skillId: string, level: number | null): Role {
  return {
    ...role,
    people: role.people.map((p) => {
      if (p.id !== personId) return p;
      const others = p.levels.filter((l) => l.skillId !== skillId);
      return { ...p, levels: level === null ? others : [...others, { skillId, level }] };
    }),
  };
}
