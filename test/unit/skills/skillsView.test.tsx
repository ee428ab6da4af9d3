// @vitest-environment jsdom
/**
 * The "Skills & learning" view on the customer-support pair: the table's figures against hand-computed
 * values, sorting, the CSV export, editing a role's level with undo, and adding and removing plan items.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { computeSkillsLens } from '../../../shared/skills/lens';
import { skillIndex } from '../../../shared/ontology/index';
import type { Workflow } from '../../../shared/model/schema';
import { createBrowserPlatform } from '../../../renderer/platform/browserPlatform';
import { setPlatformForTesting, type SaveFileRequest } from '../../../renderer/platform/index';
import { CoarchitectDb } from '../../../renderer/storage/db';
import { useWorkspace } from '../../../renderer/store/workspaceStore';
import { SkillsLearningPanel } from '../../../renderer/skills/SkillsLearningPanel';
import { sortRows, tableCsv, tableRows } from '../../../renderer/skills/lensTable';
import { addCoaching } from '../../../renderer/skills/skillEdits';
import { removeElements } from '../../../shared/model/operations';

const AGENT = 'cs-role-agent';
const SENIOR = 'cs-role-senior';

// Hand-computed for the example's to-be (1,200 tickets a week):
// - 30% of tickets go to the senior review, which sends 15% back to the edit step, so the edit step is
//   visited 1 / (1 − 0.3 × 0.15) = 1 / 0.955 = 1.04712 times per ticket and the review 0.3 × 1.04712.
// - "Agent edits AI draft" takes PERT (4 + 4 × 7 + 15) / 6 = 47/6 min: 1200 × 1.04712 × 47/6 / 60
//   = 164.05 exercise hours a week for each of its skills.
// - Verifying AI output: required 4, agents at 3 → gap 1 × 18 agents × 12 h per level (AI skills) = 216 h;
//   feedback from the review 1200 × 0.31414 × 0.15 × 3 min / 60 = 2.8272 h/week, plus the course
//   0.5 h × 18 = 9 h/week → 216 / 11.8272 = 18.263 weeks.
// - Seniors: Maria and Jonas are both at 3 → 2 level-steps × 12 h = 24 h; the weekly retro 1 h × 2 = 2
//   h/week → 24 / 2 = 12 weeks.
const EDIT_VISITS = 1 / 0.955;
const EXERCISE = (1200 * EDIT_VISITS * (47 / 6)) / 60;
const FEEDBACK = (1200 * 0.3 * EDIT_VISITS * 0.15 * 3) / 60;

function pair() {
  const ws = customerSupportExample();
  const toBe = ws.workflows.find((w) => w.kind === 'to-be')!;
  const asIs = ws.workflows.find((w) => w.kind === 'as-is')!;
  return { ws, toBe, asIs };
}

function lensRows(toBe?: Workflow) {
  const { ws, toBe: t, asIs } = pair();
  const lens = computeSkillsLens({ toBe: toBe ?? t, asIs, roles: ws.roles, skills: skillIndex([]) });
  if (!lens.ok) throw new Error(lens.message);
  return lens.rows;
}

describe('the skills table (pure)', () => {
  it('gives the hand-computed figures of the support agents', () => {
    const rows = tableRows(lensRows(), AGENT);
    const verify = rows.find((r) => r.skillName === 'Verifying AI output')!;
    expect(verify).toMatchObject({ flag: 'new', asIsLevel: 0, toBeLevel: 4, current: 3, gap: 1 });
    expect(verify.exerciseHours).toBeCloseTo(EXERCISE, 6);
    expect(verify.exerciseHours).toBeCloseTo(164.05, 2);
    expect(verify.reskillingHours).toBe(216);
    expect(verify.weeks).toBeCloseTo(216 / (FEEDBACK + 9), 6);
    expect(verify.weeksText).toBe('18.3');
    expect(verify.why.weeks).toContain('216 ÷ 11.83');
    const escalation = rows.find((r) => r.skillName === 'Escalation judgment and AI failure modes')!;
    expect(escalation).toMatchObject({
      gap: 1,
      reskillingHours: 288,
      weeks: null,
      weeksText: 'no plan',
      heat: 1,
    });
    const listening = rows.find((r) => r.skillName === 'Active Listening')!;
    expect(listening).toMatchObject({
      flag: 'no-longer-exercised',
      toBeLevel: 0,
      current: null,
      weeksText: '—',
    });
  });

  it('lists the seniors person by person, the gap summed over people', () => {
    const verify = tableRows(lensRows(), SENIOR).find((r) => r.skillName === 'Verifying AI output')!;
    expect(verify.reskillingHours).toBe(24);
    expect(verify.weeks).toBe(12);
    expect(verify.people).toEqual([
      { name: 'Maria Lopez', current: 3, ownLevel: true, gap: 1, reskillingHours: 12 },
      { name: 'Jonas Berg', current: 3, ownLevel: true, gap: 1, reskillingHours: 12 },
    ]);
  });

  it('sorts by any column, "no plan" after every number, ties in the lens order', () => {
    const rows = tableRows(lensRows(), AGENT);
    const byWeeks = sortRows(rows, { key: 'weeks', direction: 'descending' }).map((r) => r.weeksText);
    expect(byWeeks.slice(0, 3)).toEqual(['no plan', '41.3', '18.3']);
    const byName = sortRows(rows, { key: 'skill', direction: 'ascending' }).map((r) => r.skillName);
    expect(byName[0]).toBe('Active Listening');
    expect(byName.at(-1)).toBe('Writing');
    const byReskilling = sortRows(rows, { key: 'reskilling', direction: 'descending' });
    expect(byReskilling.slice(0, 3).map((r) => r.reskillingHours)).toEqual([288, 216, 216]);
    // Editing AI drafts comes before Verifying AI output in the lens, so it stays first of the tie.
    expect(byReskilling[1]!.skillName).toBe('Editing AI drafts');
  });

  it('writes the table as CSV with one line per skill and per person', () => {
    const csv = tableCsv('Senior agent / reviewer', tableRows(lensRows(), SENIOR));
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'Role,Skill,Person,Flag,As-is level,To-be level,Current level,Gap,Exercise hours per week,Reskilling hours,Weeks to close',
    );
    // Review: 1200 × 0.31414 visits × 47/6 min / 60 = 49.21 h/week.
    expect(lines).toContain('Senior agent / reviewer,Verifying AI output,,new,0,4,3,1,49.21,24,12');
    expect(lines).toContain('Senior agent / reviewer,Verifying AI output,Maria Lopez,,,4,3,1,,12,');
  });

  it('turns "no plan" into weeks once coaching is added after the edit step', () => {
    const { toBe } = pair();
    const coached = addCoaching(toBe, {
      stepId: 'cs-tobe-step-edit',
      kind: 'pairing',
      coachRoleId: SENIOR,
      minutesPerCase: 2,
      roleId: AGENT,
      skillId: 'ai.escalation-judgment',
      fromLevel: 2,
      toLevel: 3,
      startWeek: 0,
    });
    const escalation = tableRows(lensRows(coached), AGENT).find(
      (r) => r.skillName === 'Escalation judgment and AI failure modes',
    )!;
    // Pairing 1200 × 1.04712 × 2 / 60 = 41.885 h/week, shared by the two pairing items on the step.
    const hours = (1200 * EDIT_VISITS * 2) / 60 / 2;
    expect(escalation.weeks).toBeCloseTo(288 / hours, 6);
    expect(escalation.weeksText).not.toBe('no plan');
  });
});

let dbCount = 0;
const saved: SaveFileRequest[] = [];

beforeEach(async () => {
  useWorkspace.setState({
    workflows: [],
    roles: [],
    customSkills: [],
    openWorkflowId: null,
    status: 'loading',
  });
  await useWorkspace.getState().init(new CoarchitectDb(`skills-view-test-${dbCount++}`));
  const { ws } = pair();
  useWorkspace.setState({ workflows: ws.workflows, roles: ws.roles, customSkills: ws.customSkills });
  useWorkspace.temporal.getState().clear();
  saved.length = 0;
  setPlatformForTesting({
    ...createBrowserPlatform(),
    saveTextFile: vi.fn(async (request: SaveFileRequest) => {
      saved.push(request);
      return { saved: true, fileName: request.suggestedName };
    }),
  });
});
afterEach(() => {
  cleanup();
  setPlatformForTesting(null);
});

const toBe = () => useWorkspace.getState().workflows.find((w) => w.id === 'cs-tobe')!;
const senior = () => useWorkspace.getState().roles.find((r) => r.id === SENIOR)!;

function renderView() {
  return render(<SkillsLearningPanel workflow={toBe()} />);
}

describe('the Skills & learning view', () => {
  it('shows the chosen role, sorts on a header click and exports the CSV through the platform', async () => {
    renderView();
    const table = screen.getByRole('table', { name: 'Skills of Support agent' });
    const verify = within(table).getByRole('row', { name: 'Verifying AI output' });
    expect(
      within(verify)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['0', '4', '3', '1', '164', '216', '18.3', 'high']);
    fireEvent.click(within(table).getByRole('button', { name: 'Sort by Skill' }));
    const names = within(table)
      .getAllByRole('rowheader')
      .map((h) => h.querySelector('.skill-name')?.textContent);
    expect(names[0]).toBe('Active Listening');
    expect(within(table).getAllByRole('columnheader')[0]!.getAttribute('aria-sort')).toBe('ascending');

    fireEvent.change(screen.getByRole('combobox', { name: 'Show role' }), { target: { value: SENIOR } });
    expect(screen.getByRole('row', { name: 'Maria Lopez, Verifying AI output' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Export table as CSV' }));
    });
    expect(saved).toHaveLength(1);
    expect(saved[0]!.suggestedName).toBe('Customer support (to-be) - Senior agent - reviewer - skills.csv');
    expect(saved[0]!.content).toContain(
      'Senior agent / reviewer,Verifying AI output,,new,0,4,3,1,49.21,24,12',
    );
  });

  it('edits a current level through the store, and undo brings it back', async () => {
    renderView();
    fireEvent.change(screen.getByRole('combobox', { name: 'Show role' }), { target: { value: SENIOR } });
    const levels = screen.getByRole('table', { name: 'Current levels of Senior agent / reviewer' });
    await act(async () => {
      fireEvent.change(within(levels).getByRole('combobox', { name: 'Level of Verifying AI output' }), {
        target: { value: '4' },
      });
      fireEvent.change(within(levels).getByRole('combobox', { name: 'Source of Verifying AI output' }), {
        target: { value: 'assessed' },
      });
    });
    expect(senior().skillLevels.find((l) => l.skillId === 'ai.verifying-ai-output')).toMatchObject({
      level: 4,
      source: 'assessed',
    });
    // Maria and Jonas keep their own level 3, so the gap stays theirs.
    cleanup();
    renderView();
    expect(useWorkspace.temporal.getState().pastStates).toHaveLength(2);
    act(() => useWorkspace.temporal.getState().undo(2));
    expect(senior().skillLevels.find((l) => l.skillId === 'ai.verifying-ai-output')).toMatchObject({
      level: 3,
      source: 'self-assessed',
    });
  });

  it('names people with their own levels: the gap is counted per person, and people come and go', async () => {
    renderView();
    fireEvent.change(screen.getByRole('combobox', { name: 'Show role' }), { target: { value: SENIOR } });
    const people = screen.getByRole('list', { name: 'People of Senior agent / reviewer' });
    expect(
      within(people)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-label')),
    ).toEqual(['Maria Lopez', 'Jonas Berg']);
    // Jonas reaches the required level 4: only Maria's one level-step is left, 1 × 12 h.
    await act(async () => {
      fireEvent.change(
        screen.getByRole('combobox', { name: 'Level of Verifying AI output for Jonas Berg' }),
        { target: { value: '4' } },
      );
    });
    const jonas = senior().people.find((p) => p.displayName === 'Jonas Berg')!;
    expect(jonas.levels.find((l) => l.skillId === 'ai.verifying-ai-output')?.level).toBe(4);
    cleanup();
    renderView();
    fireEvent.change(screen.getByRole('combobox', { name: 'Show role' }), { target: { value: SENIOR } });
    const row = screen.getByRole('row', { name: 'Jonas Berg, Verifying AI output' });
    expect(within(row).getAllByRole('cell')[3]!.textContent).toBe('0');
    const total = screen.getByRole('row', { name: 'Verifying AI output' });
    expect(within(total).getAllByRole('cell')[5]!.textContent).toBe('12');

    // Back to the team level, then a third person added and removed again.
    await act(async () => {
      fireEvent.change(
        screen.getByRole('combobox', { name: 'Level of Verifying AI output for Jonas Berg' }),
        { target: { value: '' } },
      );
    });
    expect(senior().people.find((p) => p.displayName === 'Jonas Berg')!.levels).toEqual(
      jonas.levels.filter((l) => l.skillId !== 'ai.verifying-ai-output'),
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    });
    expect(senior().people.map((p) => p.displayName)).toEqual(['Maria Lopez', 'Jonas Berg', 'Person 3']);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove Person 3' }));
    });
    expect(senior().people.map((p) => p.displayName)).toEqual(['Maria Lopez', 'Jonas Berg']);
  });

  it('edits the assumptions: hours per level and feedback minutes change the figures, reset restores them', async () => {
    vi.useFakeTimers();
    try {
      renderView();
      const verify = () =>
        within(screen.getByRole('table', { name: 'Skills of Support agent' }))
          .getByRole('row', { name: 'Verifying AI output' })
          .querySelectorAll('td');
      expect(verify()[5]!.textContent).toBe('216');
      const hours = screen.getByRole('spinbutton', { name: /^Hours per level for Working with AI/ });
      // 1 level × 18 agents × 24 h = 432 h; 432 / 11.8272 h a week = 36.5 weeks.
      fireEvent.change(hours, { target: { value: '24' } });
      act(() => vi.runAllTimers());
      expect(toBe().learningAssumptions.hoursPerLevelByCategory).toEqual({ 'ai.working-with-ai': 24 });
      cleanup();
      renderView();
      expect(verify()[5]!.textContent).toBe('432');
      expect(verify()[6]!.textContent).toBe('36.5');
      // Feedback of 6 minutes per rejection doubles the review's 2.8272 h: 432 / (5.6544 + 9) = 29.5 weeks.
      fireEvent.change(screen.getByRole('spinbutton', { name: /^Feedback per rejection/ }), {
        target: { value: '6' },
      });
      act(() => vi.runAllTimers());
      cleanup();
      renderView();
      expect(verify()[6]!.textContent).toBe('29.5');
      fireEvent.click(screen.getByRole('button', { name: /^Reset Working with AI to the default 12 h$/ }));
      cleanup();
      renderView();
      expect(verify()[5]!.textContent).toBe('216');
    } finally {
      vi.useRealTimers();
    }
  });

  it('adds a plan item, shows the message of an item whose step was removed, and removes items', () => {
    const view = renderView();
    const items = () => screen.getByRole('list', { name: 'Plan items' });
    expect(within(items()).getAllByRole('listitem', { name: /^Plan item/ })).toHaveLength(4);
    fireEvent.click(screen.getByRole('button', { name: 'Add plan item' }));
    expect(toBe().learningPlan).toHaveLength(5);
    expect(toBe().learningPlan[4]).toMatchObject({
      roleId: AGENT,
      skillId: 'ai.escalation-judgment',
      fromLevel: 2,
      toLevel: 3,
      method: 'course',
    });
    view.rerender(<SkillsLearningPanel workflow={toBe()} />);
    expect(within(items()).getAllByRole('listitem', { name: /^Plan item/ })).toHaveLength(5);

    // The edit step goes: the pairing item linked to it says so.
    useWorkspace
      .getState()
      .editWorkflow('cs-tobe', (wf) => removeElements(wf, new Set(['cs-tobe-step-edit'])));
    view.rerender(<SkillsLearningPanel workflow={toBe()} />);
    const problems = screen.queryByRole('list', { name: 'Problems of plan item 3' });
    expect(problems?.textContent).toContain(
      "Learning plan item 3 (pairing) is linked to a step that no longer exists ('cs-tobe-step-edit').",
    );

    fireEvent.click(screen.getByRole('button', { name: 'Remove plan item 5' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove plan item 3' }));
    expect(toBe().learningPlan.map((i) => i.id)).toEqual([
      'cs-tobe-plan-verify-feedback',
      'cs-tobe-plan-verify-course',
      'cs-tobe-plan-senior-retro',
    ]);
  });
});
