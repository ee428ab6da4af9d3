import { describe, expect, it } from 'vitest';
import { compareAnalyses } from '../../../shared/analysis/compare';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { invoiceProcessingExample } from '../../../shared/examples/invoiceProcessing';
import { analyzeOk } from './helpers';

const AGENT = 'cs-role-agent';
const SENIOR = 'cs-role-senior';

function customerSupport() {
  const ws = customerSupportExample();
  const [asIsWf, toBeWf] = ws.workflows;
  return { asIs: analyzeOk(asIsWf!, ws.roles), toBe: analyzeOk(toBeWf!, ws.roles) };
}

describe('customer support: as-is vs to-be', () => {
  it('as-is: the support agents are the bottleneck', () => {
    // Draft is reworked: draft = 1 + 0.1 · review, review = 0.25 · draft ⇒ draft = 1 / 0.975 = 1.02564.
    // Agent minutes per case (PERT means): triage 14/6 + research 28/6 + draft 119/6 · 1.02564 + send 10/6
    //   = 8.6667 + 20.3419 = 29.0085 ⇒ 1,200 × 29.0085 / 60 = 580.17 h of 18 × 36 = 648 h ⇒ 89.53%.
    // Senior: review 0.25641 visits × 47/6 = 2.00855 min ⇒ 40.171 h of 2 × 36 = 72 h ⇒ 55.79%.
    const { asIs } = customerSupport();
    const agent = asIs.roles.find((r) => r.id === AGENT)!;
    const senior = asIs.roles.find((r) => r.id === SENIOR)!;
    expect(asIs.steps.find((s) => s.id === 'cs-asis-step-draft')!.visits).toBeCloseTo(1 / 0.975, 12);
    expect(agent.loadHoursPerWeek).toBeCloseTo(580.171, 3);
    expect(agent.utilization).toBeCloseTo(0.89533, 5);
    expect(senior.utilization).toBeCloseTo(0.55793, 5);
    expect(asIs.bottleneck?.roleId).toBe(AGENT);
    // Max volume: 648 h / (29.0085 min / 60) = 1,340.3 cases a week.
    expect(asIs.maxVolumePerWeek).toBeCloseTo(1340.3, 1);
    expect(asIs.stable).toBe(true);
  });

  it('to-be: the bottleneck moves to the senior reviewers', () => {
    // Edit is reworked: edit = 1 / (1 − 0.3 · 0.15) = 1 / 0.955 = 1.04712; review = 0.3 · edit = 0.31414.
    // Agent: edit 47/6 · 1.04712 + send 6.5/6 = 8.20244 + 1.08333 = 9.28578 min ⇒ 185.72 h / 648 h = 28.66%.
    // Senior: 0.31414 × 47/6 = 2.46073 min ⇒ 49.215 h / 72 h = 68.35%.
    const { asIs, toBe } = customerSupport();
    expect(toBe.roles.find((r) => r.id === AGENT)!.utilization).toBeCloseTo(0.2866, 4);
    expect(toBe.roles.find((r) => r.id === SENIOR)!.utilization).toBeCloseTo(0.68354, 5);
    expect(toBe.bottleneck?.roleId).toBe(SENIOR);

    const c = compareAnalyses(asIs, toBe);
    expect(c.bottleneck.moved).toBe(true);
    expect(c.bottleneck.asIs?.roleId).toBe(AGENT);
    expect(c.bottleneck.toBe?.roleId).toBe(SENIOR);
    // Agent hours freed: 580.17 − 185.72 = 394.46 h = 394.46 / 36 = 10.957 FTE.
    const agent = c.hoursFreedPerRole.find((h) => h.roleId === AGENT)!;
    expect(agent.hoursPerWeek).toBeCloseTo(394.456, 2);
    expect(agent.fte).toBeCloseTo(10.957, 3);
    // Seniors do more: 40.171 − 49.215 = −9.04 h.
    expect(c.hoursFreedPerRole.find((h) => h.roleId === SENIOR)!.hoursPerWeek).toBeCloseTo(-9.044, 2);
    expect(c.totals.hoursFreedPerWeek).toBeCloseTo(394.456 - 9.044, 1);
    // Every headline figure comes with its difference to-be − as-is.
    expect(c.cycleTimeMinutes.processing.difference).toBeCloseTo(
      toBe.cycleTimeMinutes.processing - asIs.cycleTimeMinutes.processing,
      12,
    );
    expect(c.costPerCase.total.difference!).toBeLessThan(0);
    expect(c.maxVolumePerWeek.difference!).toBeGreaterThan(0);
    expect(c.utilization.map((u) => u.roleId)).toEqual([AGENT, SENIOR]);
  });
});

describe('comparison mechanics', () => {
  it('lists roles present on one side only, with null utilization on the other', () => {
    const ws = invoiceProcessingExample();
    const asIs = analyzeOk(ws.workflows[0]!, ws.roles);
    const toBe = analyzeOk(ws.workflows[1]!, ws.roles, { headcount: {} });
    const trimmed = { ...toBe, roles: toBe.roles.filter((r) => r.id !== 'ap-role-controller') };
    const c = compareAnalyses(asIs, trimmed);
    const controller = c.utilization.find((u) => u.roleId === 'ap-role-controller')!;
    expect(controller.toBe).toBeNull();
    expect(controller.difference).toBeNull();
    const freed = c.hoursFreedPerRole.find((h) => h.roleId === 'ap-role-controller')!;
    expect(freed.toBeHoursPerWeek).toBe(0);
    // 15.88 h of the controller's 20 h/person ⇒ FTE = hours / 20.
    expect(freed.fte).toBeCloseTo(freed.hoursPerWeek / 20, 12);
  });
});
