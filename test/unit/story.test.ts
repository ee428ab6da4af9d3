/** Story generation from the examples (with and without skills data), missing data said in words, and edits. */
import { describe, expect, it } from 'vitest';
import { analyzeWorkflow, compareAnalyses } from '../../shared/analysis';
import { formatMinutes } from '../../shared/analysis/numbers';
import { customerSupportExample } from '../../shared/examples/customerSupport';
import { invoiceProcessingExample } from '../../shared/examples/invoiceProcessing';
import { WorkflowSchema, type Workflow } from '../../shared/model/schema';
import { skillIndex } from '../../shared/ontology';
import { moveSlide, setNextSteps, setSlideHidden, setSlideNotes } from '../../shared/story/edit';
import { generateStory, visibleSlides } from '../../shared/story/generate';
import { SLIDE_KINDS } from '../../shared/story/schema';
import { storyDecisions } from '../../shared/codesign/storyDecisions';
import type { Decision } from '../../shared/codesign/threads';

function pair(ws = customerSupportExample()) {
  const asIs = ws.workflows.find((w) => w.kind === 'as-is')!;
  const toBe = ws.workflows.find((w) => w.kind === 'to-be')!;
  return { ws, asIs, toBe };
}

const withoutSkills = (wf: Workflow): Workflow => ({
  ...wf,
  learningPlan: [],
  steps: wf.steps.map((s) =>
    s.type === 'task' || s.type === 'review' ? { ...s, skills: [], coaching: null } : s,
  ),
});

describe('generateStory', () => {
  it('makes the nine slides of the customer-support pair in the standard order', () => {
    const { ws, asIs, toBe } = pair();
    const g = generateStory({ toBe, asIs, roles: ws.roles, skills: skillIndex(ws.customSkills) });
    expect(g.slides.map((s) => s.kind)).toEqual([...SLIDE_KINDS]);
    expect(g.slides.find((s) => s.kind === 'bottleneck')!.title).toBe('Bottleneck move');
    for (const kind of ['title', 'as-is', 'to-be', 'bottleneck', 'figures', 'skills'] as const) {
      expect(g.slides.find((s) => s.kind === kind)!.missing, kind).toBeNull();
    }
  });

  it('figures and the bottleneck equal the analysis and the comparison', () => {
    const { ws, asIs, toBe } = pair();
    const a = analyzeWorkflow(asIs, ws.roles);
    const b = analyzeWorkflow(toBe, ws.roles);
    if (!a.ok || !b.ok) throw new Error('analysis failed');
    const c = compareAnalyses(a, b);
    const g = generateStory({ toBe, asIs, roles: ws.roles, skills: skillIndex(ws.customSkills) });
    const figures = g.slides.find((s) => s.kind === 'figures')!.content;
    if (figures?.kind !== 'figures') throw new Error('no figures');
    const cycle = figures.figures.find((f) => f.label === 'Cycle time per case')!;
    expect(cycle.asIs).toBe(`${formatMinutes(a.cycleTimeMinutes.total!)} min`);
    expect(cycle.toBe).toBe(`${formatMinutes(b.cycleTimeMinutes.total!)} min`);
    const expected = Math.round(
      ((b.cycleTimeMinutes.total! - a.cycleTimeMinutes.total!) / a.cycleTimeMinutes.total!) * 100,
    );
    expect(cycle.change).toBe(`${expected < 0 ? '−' : '+'}${Math.abs(expected)}%`);
    const bottleneck = g.slides.find((s) => s.kind === 'bottleneck')!.content;
    if (bottleneck?.kind !== 'bottleneck') throw new Error('no bottleneck');
    expect(bottleneck.bars.map((x) => x.toBe)).toEqual(c.utilization.map((u) => u.toBe));
    expect(bottleneck.bars.filter((x) => x.constraintAsIs).map((x) => x.roleId)).toEqual([
      c.bottleneck.asIs!.roleId,
    ]);
    expect(bottleneck.summary).toMatch(c.bottleneck.moved ? /moves from/ : /stays with/);
  });

  it('says why when there is no skills data, no co-design data and no next steps', () => {
    const { ws, asIs, toBe } = pair();
    const g = generateStory({
      toBe: withoutSkills(toBe),
      asIs: withoutSkills(asIs),
      roles: ws.roles,
      skills: skillIndex([]),
    });
    const missing = (kind: string) => g.slides.find((s) => s.kind === kind)!.missing;
    expect(missing('skills')).toMatch(/^No skills data yet/);
    expect(missing('decisions')).toMatch(/^No co-design data yet/);
    expect(missing('next-steps')).toMatch(/^No next steps written yet/);
    expect(missing('figures')).toBeNull();
  });

  it('shows the accepted decisions of the co-design record on the decisions slide', () => {
    const { ws, asIs, toBe } = pair();
    const decision = (title: string, status: 'proposed' | 'accepted' | 'superseded') => ({
      title,
      decision: 'AI drafts, agents edit',
      rationale: 'Drafting is most of the time',
      decidedBy: 'Grace (CHRO)',
      date: '2026-12-07',
      status,
    });
    const g = generateStory({
      toBe,
      asIs,
      roles: ws.roles,
      skills: skillIndex(ws.customSkills),
      decisions: [decision('AI drafts replies', 'accepted'), decision('Old idea', 'superseded')],
    });
    const slide = g.slides.find((s) => s.kind === 'decisions')!;
    expect(slide.missing).toBeNull();
    expect(slide.content).toEqual({
      kind: 'decisions',
      decisions: [decision('AI drafts replies', 'accepted')],
    });
  });

  it('without an as-is, the as-is and the bottleneck slides say why', () => {
    const { ws, toBe } = pair(invoiceProcessingExample());
    const g = generateStory({ toBe, asIs: null, roles: ws.roles, skills: skillIndex(ws.customSkills) });
    expect(g.slides.find((s) => s.kind === 'as-is')!.missing).toMatch(/no as-is workflow/);
    expect(g.slides.find((s) => s.kind === 'bottleneck')!.missing).toMatch(/no as-is/i);
  });

  it('an empty to-be says so instead of figures', () => {
    const { ws, asIs, toBe } = pair();
    const g = generateStory({
      toBe: { ...toBe, steps: [], edges: [] },
      asIs,
      roles: ws.roles,
      skills: skillIndex([]),
    });
    expect(g.slides.find((s) => s.kind === 'to-be')!.missing).toBe('The to-be workflow has no steps yet.');
    expect(g.slides.find((s) => s.kind === 'bottleneck')!.missing).toBe(
      'The to-be workflow has no steps yet.',
    );
  });

  it('follows the saved order, hidden slides, notes and next steps; the story validates', () => {
    const { ws, asIs, toBe } = pair();
    let wf = moveSlide(toBe, 'next-steps', -8);
    wf = setSlideHidden(wf, 'decisions', true);
    wf = setSlideNotes(wf, 'title', 'Welcome everyone');
    wf = setNextSteps(wf, 'Pilot with team A\n\n  Review in four weeks ');
    expect(moveSlide(wf, 'next-steps', -1)).toEqual(wf);
    expect(WorkflowSchema.safeParse(wf).success).toBe(true);
    const g = generateStory({ toBe: wf, asIs, roles: ws.roles, skills: skillIndex(ws.customSkills) });
    expect(g.slides[0]!.kind).toBe('next-steps');
    const shown = visibleSlides(g);
    expect(shown).toHaveLength(8);
    expect(shown.some((s) => s.kind === 'decisions')).toBe(false);
    expect(g.slides.find((s) => s.kind === 'title')!.notes).toBe('Welcome everyone');
    const next = g.slides[0]!.content;
    expect(next).toEqual({ kind: 'next-steps', steps: ['Pilot with team A', 'Review in four weeks'] });
  });
});

describe('decisions from the co-design record', () => {
  const decided = (status: Decision['status'], workflowId = 'wf-tobe'): Decision => ({
    id: `d-${status}`,
    workflowId,
    title: 'AI drafts replies',
    context: '',
    options: [],
    decision: 'AI drafts, agents edit',
    rationale: 'Drafting is most of the time',
    decidedBy: { name: 'Grace', role: 'CHRO' },
    date: '2026-12-07',
    status,
    links: { stepIds: [], threadIds: [], versionIds: [] },
    createdAt: '2026-12-07T10:00:00.000Z',
  });

  it("show who decided by role unless the story shows names, and only the story's workflow's", () => {
    const list = [decided('accepted'), decided('proposed'), decided('accepted', 'other')];
    expect(storyDecisions(list, 'wf-tobe', false).map((d) => [d.decidedBy, d.status])).toEqual([
      ['CHRO', 'accepted'],
      ['CHRO', 'proposed'],
    ]);
    expect(storyDecisions(list, 'wf-tobe', true)[0]!.decidedBy).toBe('Grace (CHRO)');
    expect(
      storyDecisions(
        [{ ...decided('accepted'), decidedBy: { name: 'Ana', role: 'other' } }],
        'wf-tobe',
        false,
      )[0]!.decidedBy,
    ).toBe('a co-architect');
  });

  it('say so on the slide when decisions exist but none is accepted yet', () => {
    const { ws, asIs, toBe } = pair();
    const g = generateStory({
      toBe,
      asIs,
      roles: ws.roles,
      skills: skillIndex(ws.customSkills),
      decisions: storyDecisions([decided('proposed', toBe.id)], toBe.id, false),
    });
    expect(g.slides.find((s) => s.kind === 'decisions')!.missing).toBe(
      'No accepted decision yet: 1 decision is proposed or superseded (Discuss › Decisions).',
    );
  });
});
