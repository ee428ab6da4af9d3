import { describe, expect, it } from 'vitest';
import { analyzeWorkflow } from '../../../shared/analysis';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { lintWorkflow, resolveSettings, BUILTIN_RULES } from '../../../shared/lint';
import { setTaskMode, updateStep } from '../../../shared/model/operations';
import type { Role, Workflow } from '../../../shared/model/schema';

const ws = () => customerSupportExample();
const asIsOf = () => ws().workflows.find((w) => w.kind === 'as-is')!;
const toBeOf = () => ws().workflows.find((w) => w.kind === 'to-be')!;

function run(wf: Workflow, roles: readonly Role[] = ws().roles, settings: unknown = {}) {
  const a = analyzeWorkflow(wf, roles);
  return lintWorkflow(wf, { roles, analysis: a.ok ? a : null }, settings);
}
const of = (rule: string, wf: Workflow, roles?: readonly Role[]) =>
  run(wf, roles).findings.filter((f) => f.ruleId === rule);
const withHeadcount = (roleId: string, headcount: number) =>
  ws().roles.map((r) => (r.id === roleId ? { ...r, headcount } : r));
const withLevel = (roleId: string, skillId: string, level: number | null) =>
  ws().roles.map((r) =>
    r.id !== roleId
      ? r
      : {
          ...r,
          skillLevels:
            level === null
              ? r.skillLevels.filter((l) => l.skillId !== skillId)
              : r.skillLevels.map((l) => (l.skillId === skillId ? { ...l, level } : l)),
        },
  );

describe('review-overload', () => {
  it('passes while the reviewing role is at or below 85%', () => {
    expect(of('review-overload', asIsOf())).toEqual([]); // seniors at 55.8%
    expect(of('review-overload', toBeOf())).toEqual([]); // seniors at 68.4%
  });
  it('fails above 85%, and with no capacity at all', () => {
    // As-is seniors: 40.2 h a week of work; one senior has 36 h → 111.6%.
    const one = of('review-overload', asIsOf(), withHeadcount('cs-role-senior', 1));
    expect(one.map((f) => [f.stepId, f.severity, f.message])).toEqual([
      [
        'cs-asis-step-review',
        'warning',
        "'Senior review' is reviewed by 'Senior agent / reviewer' at 112% utilization (above 85%): an overloaded reviewer risks rubber-stamping.",
      ],
    ]);
    // 1.25 seniors: 40.17 / 45 = 89%.
    expect(of('review-overload', asIsOf(), withHeadcount('cs-role-senior', 1.25))).toHaveLength(1);
    expect(of('review-overload', asIsOf(), withHeadcount('cs-role-senior', 0))[0]?.message).toContain(
      'no capacity',
    );
  });
});

describe('review-without-learning', () => {
  it('passes with a feedback loop, with a linked feedback-loop plan item, or without rejections', () => {
    expect(of('review-without-learning', toBeOf())).toEqual([]);
    const planOnly = toBeOf();
    const noLoop = updateStep(planOnly, 'cs-tobe-step-review', { feedbackLoop: null });
    expect(noLoop.learningPlan.some((p) => p.linkedStepId === 'cs-tobe-step-review')).toBe(true);
    expect(of('review-without-learning', noLoop)).toEqual([]);
    expect(
      of('review-without-learning', updateStep(asIsOf(), 'cs-asis-step-review', { rejectionRate: 0 })),
    ).toEqual([]);
  });
  it('fails for a rejecting review with neither, and its quick fix adds a feedback loop', () => {
    const asIs = asIsOf();
    const [finding] = of('review-without-learning', asIs);
    expect(finding?.message).toBe(
      "'Senior review' rejects 10% of the work but has no feedback loop: what it finds is never learned from.",
    );
    const toBe = { ...toBeOf(), learningPlan: [] };
    const unlearned = updateStep(toBe, 'cs-tobe-step-review', { feedbackLoop: null });
    expect(of('review-without-learning', unlearned)).toHaveLength(1);
    const fixed = finding!.fix!.apply(asIs);
    const review = fixed.steps.find((s) => s.id === 'cs-asis-step-review');
    expect(review?.type === 'review' && review.feedbackLoop).toEqual({
      weeklyReduction: 0.1,
      floorRate: 0.05,
    });
    expect(of('review-without-learning', fixed)).toEqual([]);
    expect(asIs.steps.find((s) => s.id === 'cs-asis-step-review')).toMatchObject({ feedbackLoop: null });
  });
});

describe('ai-tool-named', () => {
  it('passes for human steps and for AI steps that name their tool', () => {
    expect(of('ai-tool-named', asIsOf())).toEqual([]);
    expect(of('ai-tool-named', toBeOf())).toEqual([]);
  });
  it('fails for AI-automated and AI-assisted steps without a tool, as info', () => {
    const automated = setTaskMode(asIsOf(), 'cs-asis-step-draft', 'ai-automated');
    expect(of('ai-tool-named', automated).map((f) => [f.severity, f.message])).toEqual([
      ['info', "'Draft reply' is ai-automated but names no AI tool."],
    ]);
    const assisted = updateStep(toBeOf(), 'cs-tobe-step-edit', { aiTool: '  ' });
    expect(of('ai-tool-named', assisted).map((f) => f.stepId)).toEqual(['cs-tobe-step-edit']);
  });
});

describe('reviewer-competence', () => {
  it('passes when the reviewing role reaches every required level', () => {
    expect(of('reviewer-competence', asIsOf())).toEqual([]);
    const raised = withLevel('cs-role-senior', 'ai.verifying-ai-output', 4);
    expect(of('reviewer-competence', toBeOf(), raised)).toEqual([]);
  });
  it('fails below a required level, and says "no data" (info) where no level is recorded', () => {
    expect(of('reviewer-competence', toBeOf()).map((f) => f.message)).toEqual([
      "'Senior agent / reviewer' is below the level 'Senior review of hard cases' requires: ai.verifying-ai-output 3 of 4.",
    ]);
    const unknown = of('reviewer-competence', asIsOf(), withLevel('cs-role-senior', 'onet.writing', null));
    expect(unknown.map((f) => [f.severity, f.message])).toEqual([
      [
        'info',
        "No data: 'Senior agent / reviewer' has no recorded level in onet.writing, which 'Senior review' requires.",
      ],
    ]);
  });
});

describe('settings', () => {
  it('turn rules off, to info or to error', () => {
    const asIs = asIsOf();
    expect(run(asIs, undefined, { 'review-without-learning': 'off' }).findings).toEqual([]);
    expect(run(asIs, undefined, { 'review-without-learning': 'error' }).findings[0]?.severity).toBe('error');
    expect(run(asIs, undefined, { 'review-without-learning': 'info' }).findings[0]?.severity).toBe('info');
  });
  it('report unknown rule ids and severities, and keep the defaults', () => {
    const r = run(asIsOf(), undefined, { 'no-such-rule': 'error', 'review-without-learning': 'loud' });
    expect(r.settingsProblems).toEqual([
      "Unknown lint rule 'no-such-rule' in the settings; it is ignored.",
      'Lint rule \'review-without-learning\' is set to "loud", which is not one of off, info, warn, error; its default applies.',
    ]);
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['review-without-learning', 'warning']]);
    const notObject = resolveSettings(BUILTIN_RULES, ['error']);
    expect(notObject.problems).toHaveLength(1);
    expect(notObject.severities.get('ai-tool-named')).toBe('info');
  });
  it('every built-in rule has an id, a default severity and an explanation', () => {
    for (const r of BUILTIN_RULES) {
      expect(r.id).toMatch(/^[a-z-]+$/);
      expect(r.explanation.length).toBeGreaterThan(40);
    }
  });
});
