/**
 * Where the learning comes from, in team person-hours per week per role × skill:
 *
 * - Review feedback: a review that rejects work teaches the role whose work it sends back (the role of
 *   its rework target): volume × visits of the review × rejection rate × feedback minutes per rejection / 60.
 * - Coaching and pairing flags on a step: volume × visits × minutes per case / 60 of learning for the step's
 *   role; the same time is spent by the coach's role, and both enter the roles' load.
 * - Plan items: course, self-study and weekly-retro give hoursPerWeek per person × headcount from their
 *   start week, taken from the role's capacity; feedback-loop, coaching and pairing items direct a linked
 *   review's or step's learning to their skill (and add their own hoursPerWeek per person, usually 0).
 *
 * A review's feedback or a step's coaching that no plan item directs teaches the skills of the reviewed
 * (or coached) step that the role lacks, split evenly between them, so no hour is counted twice. The
 * figures are today's (week-0) rates; the projection keeps them, so its levels agree with weeks to close.
 */
import { formatNumber as f, formatPercent } from '../analysis/numbers';
import type { LearningPlanItem, Role, Step, WorkStep } from '../model/schema';
import type {
  GapRow,
  LearningLoad,
  LearningLoadPart,
  LearningSource,
  LearningSources,
  SkillDemand,
  SkillGaps,
  SkillsInput,
} from './types';
import { levelKey } from './types';

const isWork = (s: Step | undefined): s is WorkStep =>
  s !== undefined && (s.type === 'task' || s.type === 'review');

export function computeLearningSources(
  input: SkillsInput,
  demand: SkillDemand,
  gaps: SkillGaps,
): LearningSources {
  const { toBe, roles } = input;
  const explain = input.explain !== 'none';
  const say = (make: () => string) => (explain ? make() : '');
  const volume = toBe.volumePerWeek;
  const minutesPerRejection = toBe.learningAssumptions.feedbackMinutesPerRejection;
  const roleById = new Map<string, Role>(roles.map((r) => [r.id, r]));
  const stepById = new Map<string, Step>(toBe.steps.map((s) => [s.id, s]));
  const gapByKey = new Map<string, GapRow>(gaps.rows.map((g) => [levelKey(g.roleId, g.skill.id), g]));
  const visitsOf = demand.toBeVisitsOf;
  const headcountOf = (roleId: string) => {
    const h = roleById.get(roleId)?.headcount ?? 0;
    return Number.isFinite(h) && h > 0 ? h : 0;
  };
  const nameOf = (roleId: string) => `'${roleById.get(roleId)?.name ?? roleId}'`;
  const sources: LearningSource[] = [];
  const loadParts: LearningLoadPart[] = [];
  const warnings: string[] = [];
  const plan = toBe.learningPlan.filter((item) => roleById.has(item.roleId));
  const handled = new Set<string>();

  /** The plan item's own hours per week for the whole role (per person × headcount). */
  const ownHours = (item: LearningPlanItem) => item.hoursPerWeek * headcountOf(item.roleId);
  const addOwnLoad = (item: LearningPlanItem) => {
    const hours = ownHours(item);
    if (hours > 0) {
      loadParts.push({
        roleId: item.roleId,
        hoursPerWeek: hours,
        startWeek: item.startWeek,
        closesWith: levelKey(item.roleId, item.skillId),
        why: say(
          () =>
            `${item.method} for '${item.skillId}': ${f(item.hoursPerWeek)} h per person × ${f(headcountOf(item.roleId))} people from week ${item.startWeek}.`,
        ),
      });
    }
  };

  /** Credits a flow source's hours to the plan items linked to it, or else to the step's missing skills. */
  const credit = (
    kind: 'review-feedback' | 'step-coaching',
    method: 'feedback-loop' | 'coaching' | 'pairing',
    linkedStep: WorkStep,
    taughtStep: WorkStep,
    learnerRoleId: string,
    hours: number,
    describe: () => string,
  ) => {
    const linked = plan.filter((i) => i.method === method && i.linkedStepId === linkedStep.id);
    if (linked.length > 0) {
      const reaching = linked.filter((i) => i.roleId === learnerRoleId);
      for (const item of linked) {
        handled.add(item.id);
        addOwnLoad(item);
        if (item.roleId !== learnerRoleId) {
          warnings.push(
            `Plan item for ${nameOf(item.roleId)} links '${linkedStep.name}', whose learning reaches ${nameOf(learnerRoleId)}: only its own hours count.`,
          );
        }
        const share = item.roleId === learnerRoleId ? hours / reaching.length : 0;
        sources.push({
          kind: method,
          roleId: item.roleId,
          skillId: item.skillId,
          hoursPerWeek: share + ownHours(item),
          startWeek: item.startWeek,
          planItemId: item.id,
          stepId: linkedStep.id,
          why: say(
            () =>
              `${describe()}${reaching.length > 1 ? `, shared by ${reaching.length} plan items` : ''} = ${f(share)} h/week` +
              (ownHours(item) > 0 ? ` + the item's own ${f(ownHours(item))} h/week` : '') +
              `, from week ${item.startWeek}.`,
          ),
        });
      }
      return;
    }
    if (!(hours > 0)) return;
    const missing = taughtStep.skills
      .map((r) => gapByKey.get(levelKey(learnerRoleId, r.skillId)))
      .filter((g): g is GapRow => g !== undefined && g.totalGapLevels > 0);
    for (const g of missing) {
      sources.push({
        kind,
        roleId: learnerRoleId,
        skillId: g.skill.id,
        hoursPerWeek: hours / missing.length,
        startWeek: 0,
        planItemId: null,
        stepId: linkedStep.id,
        why: say(
          () =>
            `${describe()}` +
            (missing.length > 1
              ? `, split over the ${missing.length} skills of '${taughtStep.name}' the role lacks`
              : '') +
            ` = ${f(hours / missing.length)} h/week.`,
        ),
      });
    }
  };

  for (const step of toBe.steps) {
    if (step.type === 'review' && step.reworkTargetId !== null) {
      const target = stepById.get(step.reworkTargetId);
      if (!isWork(target) || target.roleId === null || !roleById.has(target.roleId)) continue;
      const learner = target.roleId;
      const v = visitsOf(step.id);
      const hours = (volume * v * step.rejectionRate * minutesPerRejection) / 60;
      credit(
        'review-feedback',
        'feedback-loop',
        step,
        target,
        learner,
        hours,
        () =>
          `Feedback from '${step.name}' to ${nameOf(learner)}: volume × visits × rejection rate × minutes per rejection / 60 = ` +
          `${f(volume)} × ${f(v)} × ${formatPercent(step.rejectionRate)} × ${f(minutesPerRejection)} / 60 = ${f(hours)} h/week`,
      );
    }
    if (isWork(step) && step.coaching !== null) {
      const learner = step.roleId;
      if (learner === null || !roleById.has(learner)) {
        warnings.push(`'${step.name}' has ${step.coaching.kind} but no role to learn: it counts nowhere.`);
        continue;
      }
      const coaching = step.coaching;
      const v = visitsOf(step.id);
      const hours = (volume * v * coaching.minutesPerCase) / 60;
      const formula = () =>
        `volume × visits × minutes per case / 60 = ${f(volume)} × ${f(v)} × ${f(coaching.minutesPerCase)} / 60 = ${f(hours)} h/week`;
      if (hours > 0) {
        loadParts.push({
          roleId: learner,
          hoursPerWeek: hours,
          startWeek: 0,
          closesWith: null,
          why: say(() => `Learning in ${coaching.kind} on '${step.name}': ${formula()}.`),
        });
        const coach = step.coaching.coachRoleId;
        if (coach !== null && roleById.has(coach)) {
          loadParts.push({
            roleId: coach,
            hoursPerWeek: hours,
            startWeek: 0,
            closesWith: null,
            why: say(() => `Giving ${coaching.kind} on '${step.name}': ${formula()}.`),
          });
        }
      }
      credit(
        'step-coaching',
        step.coaching.kind,
        step,
        step,
        learner,
        hours,
        () => `${coaching.kind === 'coaching' ? 'Coaching' : 'Pairing'} on '${step.name}': ${formula()}`,
      );
    }
  }

  for (const item of plan) {
    if (handled.has(item.id)) continue;
    addOwnLoad(item);
    const hours = ownHours(item);
    const linkedNote =
      item.linkedStepId !== null &&
      (item.method === 'feedback-loop' || item.method === 'coaching' || item.method === 'pairing')
        ? ` ('${stepById.get(item.linkedStepId)?.name ?? item.linkedStepId}' gives no ${item.method === 'feedback-loop' ? 'feedback' : item.method} to link)`
        : '';
    sources.push({
      kind: item.method,
      roleId: item.roleId,
      skillId: item.skillId,
      hoursPerWeek: hours,
      startWeek: item.startWeek,
      planItemId: item.id,
      stepId: item.linkedStepId,
      why: say(
        () =>
          `${item.method}${linkedNote}: ${f(item.hoursPerWeek)} h per person × ${f(headcountOf(item.roleId))} people = ${f(hours)} h/week from week ${item.startWeek}.`,
      ),
    });
  }

  return { sources, load: summariseLoad(loadParts, roles, explain), loadParts, warnings };
}

function summariseLoad(
  parts: readonly LearningLoadPart[],
  roles: readonly Role[],
  explain: boolean,
): LearningLoad[] {
  const load: LearningLoad[] = [];
  for (const role of roles) {
    const mine = parts.filter((p) => p.roleId === role.id);
    if (mine.length === 0) continue;
    const hours = mine.reduce((sum, p) => sum + p.hoursPerWeek, 0);
    load.push({
      roleId: role.id,
      hoursPerWeek: hours,
      why: !explain
        ? ''
        : `Learning time of '${role.name}' once every plan item has started: ${mine.map((p) => f(p.hoursPerWeek)).join(' + ')} = ${f(hours)} h/week. ${mine.map((p) => p.why).join(' ')}`,
    });
  }
  return load;
}
