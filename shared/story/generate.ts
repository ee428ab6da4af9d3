/**
 * The slides of a redesign's story, generated from the model and the analysis each time they are shown:
 * title, as-is with heat and constraint, to-be with modes, the bottleneck move, figures, skills and
 * learning, the learning projection, decisions, next steps. The story's settings (order, hidden, notes)
 * come from the workflow; a slide whose data is missing says why instead of showing blanks.
 */
import { analyzeWorkflow, compareAnalyses, projectLearning } from '../analysis';
import type { WorkflowAnalysis, WorkflowComparison } from '../analysis';
import { formatMinutes, formatMoney, formatNumber, formatPercent } from '../analysis/numbers';
import type { Role, Skill, Workflow } from '../model/schema';
import { computeSkillsLens } from '../skills/lens';
import { completeStory, SLIDE_TITLES, type SlideKind, type Story } from './schema';

export interface StoryInput {
  /** The redesign the story is about; null when only an as-is exists. */
  toBe: Workflow | null;
  asIs: Workflow | null;
  roles: readonly Role[];
  /** Built-in and custom skills by id (for the skills lens). */
  skills: ReadonlyMap<string, Skill>;
  /** Weeks of the learning projection (default 26). */
  projectionWeeks?: number;
  /** The co-design record's decisions about the redesign (shared/codesign); only accepted ones are shown. */
  decisions?: readonly StoryDecision[];
}

/** A decision as the story shows it. */
export interface StoryDecision {
  title: string;
  decision: string;
  rationale: string;
  decidedBy: string;
  date: string;
  status: 'proposed' | 'accepted' | 'superseded';
}

export interface Figure {
  label: string;
  asIs: string | null;
  toBe: string | null;
  /** How the figure changes, in words ("−42%", "+3.1 FTE"); null when there is nothing to compare. */
  change: string | null;
}

export interface UtilizationBar {
  roleId: string;
  role: string;
  /** Shares (0.9 = 90%); null when the role is not in that workflow or has no capacity. */
  asIs: number | null;
  toBe: number | null;
  constraintAsIs: boolean;
  constraintToBe: boolean;
}

export interface SkillLine {
  role: string;
  skill: string;
  flag: string;
  toBeLevel: number;
  gapLevels: number | null;
  plan: string;
}

export type SlideContent =
  | { kind: 'title'; workflowName: string; team: string[]; volumePerWeek: number; date: string }
  | { kind: 'as-is'; workflowId: string; constraint: string | null }
  | {
      kind: 'to-be';
      workflowId: string;
      modes: { human: number; 'ai-assisted': number; 'ai-automated': number; reviews: number };
    }
  | { kind: 'bottleneck'; bars: UtilizationBar[]; summary: string }
  | { kind: 'figures'; figures: Figure[] }
  | { kind: 'skills'; lines: SkillLine[]; more: number; totalReskillingHours: number; summary: string }
  | {
      kind: 'learning';
      weeks: number;
      points: { week: number; cycleTime: number | null; constraintUtilization: number | null }[];
      summary: string;
    }
  | { kind: 'decisions'; decisions: StoryDecision[] }
  | { kind: 'next-steps'; steps: string[] };

export interface Slide {
  kind: SlideKind;
  title: string;
  hidden: boolean;
  notes: string;
  /** Why the slide cannot show its figures; null when it can. */
  missing: string | null;
  content: SlideContent | null;
}

export interface GeneratedStory {
  story: Story;
  /** Every slide, hidden ones included, in the story's order. */
  slides: Slide[];
  asIsAnalysis: WorkflowAnalysis | null;
  toBeAnalysis: WorkflowAnalysis | null;
  comparison: WorkflowComparison | null;
}

const pct = (v: number | null) => (v === null ? null : formatPercent(v));

function relativeChange(asIs: number | null, toBe: number | null): string | null {
  if (asIs === null || toBe === null || asIs === 0) return null;
  const share = (toBe - asIs) / asIs;
  const rounded = Math.round(share * 100);
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded)}%`;
}

function analysisOrReason(wf: Workflow | null, roles: readonly Role[], what: string) {
  if (!wf) return { analysis: null, reason: `There is no ${what} workflow.` };
  if (wf.steps.length === 0) return { analysis: null, reason: `The ${what} workflow has no steps yet.` };
  const result = analyzeWorkflow(wf, roles);
  return result.ok
    ? { analysis: result, reason: null }
    : { analysis: null, reason: `The ${what} workflow cannot be analysed: ${result.error.message}` };
}

export function generateStory(input: StoryInput): GeneratedStory {
  const { toBe, asIs, roles } = input;
  const subject = toBe ?? asIs;
  const story = completeStory(subject?.story ?? null);
  const a = analysisOrReason(asIs, roles, 'as-is');
  const b = analysisOrReason(toBe, roles, 'to-be');
  const comparison = a.analysis && b.analysis ? compareAnalyses(a.analysis, b.analysis) : null;
  const roleName = (id: string | null | undefined) => roles.find((r) => r.id === id)?.name ?? null;

  const content = (kind: SlideKind): { missing: string | null; content: SlideContent | null } => {
    switch (kind) {
      case 'title': {
        if (!subject) return { missing: 'There is no workflow to present.', content: null };
        const used = new Set(
          subject.steps.flatMap((s) =>
            (s.type === 'task' || s.type === 'review') && s.roleId ? [s.roleId] : [],
          ),
        );
        return {
          missing: null,
          content: {
            kind: 'title',
            workflowName: subject.name,
            team: roles.filter((r) => used.has(r.id)).map((r) => `${r.name} (${formatNumber(r.headcount)})`),
            volumePerWeek: subject.volumePerWeek,
            date: subject.updatedAt.slice(0, 10),
          },
        };
      }
      case 'as-is': {
        if (!asIs)
          return {
            missing:
              'There is no as-is workflow to compare with: set the as-is this redesign starts from in the Inspector.',
            content: null,
          };
        const constraint = a.analysis?.bottleneck ?? null;
        return {
          missing: a.reason,
          content: {
            kind: 'as-is',
            workflowId: asIs.id,
            constraint: constraint
              ? `${roleName(constraint.roleId) ?? constraint.roleId} at ${pct(constraint.utilization) ?? 'n/a'}`
              : null,
          },
        };
      }
      case 'to-be': {
        if (!toBe)
          return {
            missing: 'There is no to-be yet: create one from the as-is with “Create to-be”.',
            content: null,
          };
        const modes = { human: 0, 'ai-assisted': 0, 'ai-automated': 0, reviews: 0 };
        for (const s of toBe.steps) {
          if (s.type === 'task') modes[s.mode] += 1;
          else if (s.type === 'review') modes.reviews += 1;
        }
        return {
          missing: toBe.steps.length === 0 ? 'The to-be workflow has no steps yet.' : null,
          content: { kind: 'to-be', workflowId: toBe.id, modes },
        };
      }
      case 'bottleneck': {
        if (!comparison)
          return { missing: a.reason ?? b.reason ?? 'Both an as-is and a to-be are needed.', content: null };
        const bars: UtilizationBar[] = comparison.utilization.map((u) => ({
          roleId: u.roleId,
          role: u.name,
          asIs: u.asIs,
          toBe: u.toBe,
          constraintAsIs: comparison.bottleneck.asIs?.roleId === u.roleId,
          constraintToBe: comparison.bottleneck.toBe?.roleId === u.roleId,
        }));
        const from = roleName(comparison.bottleneck.asIs?.roleId) ?? 'none';
        const to = roleName(comparison.bottleneck.toBe?.roleId) ?? 'none';
        return {
          missing: null,
          content: {
            kind: 'bottleneck',
            bars,
            summary: comparison.bottleneck.moved
              ? `The constraint moves from ${from} (${pct(comparison.bottleneck.asIs?.utilization ?? null) ?? 'n/a'}) to ${to} (${pct(comparison.bottleneck.toBe?.utilization ?? null) ?? 'n/a'}).`
              : `The constraint stays with ${to}: ${pct(comparison.bottleneck.asIs?.utilization ?? null) ?? 'n/a'} → ${pct(comparison.bottleneck.toBe?.utilization ?? null) ?? 'n/a'}.`,
          },
        };
      }
      case 'figures': {
        const x = a.analysis;
        const y = b.analysis;
        if (!x && !y) return { missing: a.reason ?? b.reason, content: null };
        const minutes = (v: number | null | undefined) =>
          v === null || v === undefined ? null : `${formatMinutes(v)} min`;
        const fig = (
          label: string,
          p: number | null | undefined,
          q: number | null | undefined,
          show: (v: number | null | undefined) => string | null,
        ): Figure => ({
          label,
          asIs: x ? show(p) : null,
          toBe: y ? show(q) : null,
          change: relativeChange(x ? (p ?? null) : null, y ? (q ?? null) : null),
        });
        const figures: Figure[] = [
          fig('Cycle time per case', x?.cycleTimeMinutes.total, y?.cycleTimeMinutes.total, minutes),
          fig('Waiting per case', x?.cycleTimeMinutes.waiting, y?.cycleTimeMinutes.waiting, minutes),
          fig('Cost per case', x?.costPerCase.total, y?.costPerCase.total, (v) =>
            v === null || v === undefined ? null : formatMoney(v),
          ),
          fig('Capacity (cases per week)', x?.maxVolumePerWeek, y?.maxVolumePerWeek, (v) =>
            v === null || v === undefined ? null : formatNumber(Math.round(v)),
          ),
        ];
        if (comparison) {
          figures.push(
            {
              label: 'Person-hours freed per week',
              asIs: null,
              toBe: formatNumber(Math.round(comparison.totals.hoursFreedPerWeek * 10) / 10),
              change: null,
            },
            {
              label: 'FTE freed',
              asIs: null,
              toBe: formatNumber(Math.round(comparison.totals.fteFreed * 10) / 10),
              change: null,
            },
          );
        }
        return { missing: null, content: { kind: 'figures', figures } };
      }
      case 'skills': {
        if (!toBe) return { missing: 'Skills and learning need a to-be workflow.', content: null };
        const lens = computeSkillsLens({ toBe, asIs, roles, skills: input.skills, explain: 'none' });
        if (!lens.ok)
          return { missing: `The skills view cannot be computed: ${lens.message}`, content: null };
        if (lens.rows.length === 0)
          return {
            missing:
              'No skills data yet: no step of the redesign asks for a skill (add required skills in the Inspector).',
            content: null,
          };
        const ranked = lens.rows
          .filter((r) => r.roleId !== null)
          .sort(
            (p, q) =>
              (q.gap?.gapLevels ?? 0) - (p.gap?.gapLevels ?? 0) ||
              (p.demand.flag === 'new' ? -1 : 0) - (q.demand.flag === 'new' ? -1 : 0),
          );
        const lines: SkillLine[] = ranked.slice(0, 6).map((r) => ({
          role: r.roleName,
          skill: r.skill.name,
          flag: r.demand.flag,
          toBeLevel: r.demand.toBe.requiredLevel,
          gapLevels: r.gap?.gapLevels ?? null,
          plan:
            r.plan === null
              ? '—'
              : r.plan.state === 'planned'
                ? `closes in ${formatNumber(Math.ceil(r.plan.weeksToClose ?? 0))} weeks`
                : r.plan.state === 'no-plan'
                  ? 'no plan'
                  : 'no gap',
        }));
        const newOnes = lens.rows.filter((r) => r.demand.flag === 'new').length;
        const risks = lens.rows.filter((r) => r.demand.deskillingRisk).length;
        return {
          missing: null,
          content: {
            kind: 'skills',
            lines,
            more: Math.max(0, ranked.length - lines.length),
            totalReskillingHours: lens.totalReskillingHours,
            summary: `${newOnes} new skill${newOnes === 1 ? '' : 's'}, ${risks} no longer exercised; ${formatNumber(Math.round(lens.totalReskillingHours))} reskilling hours in all.`,
          },
        };
      }
      case 'learning': {
        if (!toBe) return { missing: 'The learning projection needs a to-be workflow.', content: null };
        if (b.reason) return { missing: b.reason, content: null };
        const weeks = input.projectionWeeks ?? 26;
        const projection = projectLearning(toBe, roles, { weeks, skills: input.skills });
        if (!projection.ok)
          return { missing: `The projection cannot be computed: ${projection.message}`, content: null };
        if (
          projection.learningSteps === 0 &&
          projection.feedbackReviews === 0 &&
          projection.trackedGaps === 0
        )
          return {
            missing:
              'No learning is modelled yet: no task has a learning curve, no review a feedback loop and no skill gap is tracked.',
            content: null,
          };
        const step = Math.max(1, Math.round(weeks / 6));
        const points = projection.weeks
          .filter((p) => p.week % step === 0 || p.week === weeks)
          .map((p) => ({
            week: p.week,
            cycleTime: p.cycleTimeMinutes,
            constraintUtilization: p.bottleneck?.utilization ?? null,
          }));
        const first = projection.weeks[0]!;
        const last = projection.weeks[projection.weeks.length - 1]!;
        return {
          missing: null,
          content: {
            kind: 'learning',
            weeks,
            points,
            summary: `Week 0 → week ${weeks}: cycle time ${first.cycleTimeMinutes === null ? 'n/a' : `${formatMinutes(first.cycleTimeMinutes)} min`} → ${last.cycleTimeMinutes === null ? 'n/a' : `${formatMinutes(last.cycleTimeMinutes)} min`}; constraint ${roleName(last.bottleneck?.roleId) ?? 'none'} at ${pct(last.bottleneck?.utilization ?? null) ?? 'n/a'}.`,
          },
        };
      }
      case 'decisions': {
        const all = input.decisions ?? [];
        const accepted = all.filter((d) => d.status === 'accepted');
        return accepted.length === 0
          ? {
              missing:
                all.length === 0
                  ? 'No co-design data yet: decisions and open questions appear here once the co-design session records them.'
                  : `No accepted decision yet: ${all.length} decision${all.length === 1 ? ' is' : 's are'} proposed or superseded (Discuss › Decisions).`,
              content: { kind: 'decisions', decisions: [] },
            }
          : { missing: null, content: { kind: 'decisions', decisions: accepted } };
      }
      case 'next-steps': {
        const steps = story.nextSteps
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean);
        return steps.length === 0
          ? { missing: 'No next steps written yet: add them in the story editor (Story…).', content: null }
          : { missing: null, content: { kind: 'next-steps', steps } };
      }
    }
  };

  const slides = story.slides.map((setting): Slide => {
    const { missing, content: c } = content(setting.kind);
    return {
      kind: setting.kind,
      title: SLIDE_TITLES[setting.kind],
      hidden: setting.hidden,
      notes: setting.notes,
      missing,
      content: c,
    };
  });
  return { story, slides, asIsAnalysis: a.analysis, toBeAnalysis: b.analysis, comparison };
}

/** The slides shown when presenting, in order. */
export function visibleSlides(generated: GeneratedStory): Slide[] {
  return generated.slides.filter((s) => !s.hidden);
}
