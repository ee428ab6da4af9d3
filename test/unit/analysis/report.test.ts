import { describe, expect, it } from 'vitest';
import { compareAnalyses } from '../../../shared/analysis/compare';
import {
  formatComparisonText,
  formatTextReport,
  toComparisonReport,
  toReport,
} from '../../../shared/analysis/report';
import {
  formatInteger,
  formatMoney,
  formatNumber,
  formatPercent,
  round,
} from '../../../shared/analysis/numbers';
import { customerSupportExample } from '../../../shared/examples/customerSupport';
import { analyzeOk } from './helpers';

const ws = customerSupportExample();
const asIs = () => analyzeOk(ws.workflows[0]!, ws.roles);
const toBe = () => analyzeOk(ws.workflows[1]!, ws.roles);

describe('JSON report', () => {
  it('has the documented fields, rounded to 4 decimals', () => {
    const report = toReport(asIs());
    expect(Object.keys(report)).toEqual([
      'reportVersion',
      'workflow',
      'volumePerWeek',
      'steps',
      'roles',
      'bottleneck',
      'maxVolumePerWeek',
      'overload',
      'cycleTimeMinutes',
      'costPerCase',
      'stable',
    ]);
    expect(report.reportVersion).toBe(1);
    expect(report.workflow).toEqual({ id: 'cs-asis', name: 'Customer support (as-is)', kind: 'as-is' });
    // Draft visits 1 / 0.975 = 1.025641… → 1.0256.
    expect(report.steps.find((s) => s.id === 'cs-asis-step-draft')).toMatchObject({ visits: 1.0256 });
    // Agent utilization 0.895326… → 0.8953.
    expect(report.roles[0]).toMatchObject({
      id: 'cs-role-agent',
      utilization: 0.8953,
      capacityHoursPerWeek: 648,
    });
    expect(report.bottleneck).toEqual({ roleId: 'cs-role-agent', utilization: 0.8953 });
    expect(Object.keys(report.steps[0]!)).toEqual(['id', 'name', 'visits', 'hoursPerWeek', 'waitMinutes']);
    // Plain JSON: survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('keeps nulls for unstable figures', () => {
    const report = toReport(analyzeOk(ws.workflows[0]!, ws.roles, { volumePerWeek: 2000 }));
    expect(report.stable).toBe(false);
    expect(report.cycleTimeMinutes.total).toBeNull();
    expect(report.roles[0]!.waitMinutes).toBeNull();
    // 2,000 cases × 29.0085 min / 60 = 966.95 h for 36 h/person ⇒ ⌈26.86⌉ = 27 agents.
    expect(report.overload).toMatchObject({ roleId: 'cs-role-agent', headcountNeeded: 27 });
  });

  it('rounds a comparison the same way', () => {
    const c = toComparisonReport(compareAnalyses(asIs(), toBe()));
    expect(c.bottleneck.moved).toBe(true);
    const freed = c.hoursFreedPerRole[0]!.hoursPerWeek;
    expect(freed).toBe(round(freed));
  });
});

describe('text report', () => {
  it('shows the roles table, bottleneck, cycle time, cost and max volume', () => {
    const text = formatTextReport(asIs());
    expect(text).toContain('Customer support (as-is)');
    expect(text).toMatch(/Role\s+People\s+Load h\/wk\s+Capacity h\/wk\s+Utilization\s+Wait min/);
    expect(text).toMatch(/Support agent\s+18\s+580\.2\s+648\.0\s+89\.5%/);
    expect(text).toContain('Bottleneck: Support agent at 89.5% utilization');
    expect(text).toContain('Maximum volume: 1,340 cases/week before Support agent reaches 100%');
    expect(text).toMatch(/Cycle time: [\d.]+ min per case/);
    expect(text).toContain('Cost per case: 20.11');
    expect(text).toContain('Capacity: every role is below 100%.');
    // The role table's columns line up: every row as wide as the header or narrower.
    const lines = text.split('\n');
    const header = lines.find((l) => l.startsWith('Role'))!;
    const utilCol = header.indexOf('Utilization') + 'Utilization'.length;
    expect(lines.find((l) => l.startsWith('Support agent '))!.slice(utilCol - 5, utilCol)).toBe('89.5%');
  });

  it('gives overload advice', () => {
    const text = formatTextReport(analyzeOk(ws.workflows[0]!, ws.roles, { volumePerWeek: 2000 }));
    expect(text).toContain('Overload:');
    expect(text).toContain("'Support agent' is at 149.2%");
    expect(text).toContain('27 people are needed (now 18)');
    expect(text).toContain('the current staff fits 1,340 cases/week');
    expect(text).toContain('Cycle time: unbounded');
  });

  it('formats the comparison', () => {
    const text = formatComparisonText(compareAnalyses(asIs(), toBe()));
    expect(text).toContain('Customer support (as-is) → Customer support (to-be)');
    expect(text).toContain('Bottleneck: Support agent (89.5%) → Senior agent / reviewer (68.4%) (moved)');
    expect(text).toMatch(/Support agent\s+580\.2\s+185\.7\s+\+394\.5\s+\+11\.0/);
  });
});

describe('number formatting', () => {
  it('formats for people', () => {
    expect(formatNumber(19.8333333)).toBe('19.83');
    expect(formatNumber(580.1709)).toBe('580.2');
    expect(formatPercent(0.895326)).toBe('89.5%');
    expect(formatPercent(null)).toBe('n/a');
    expect(formatInteger(1340.3)).toBe('1,340');
    expect(formatMoney(24135.384)).toBe('24,135.38');
    expect(formatMoney(-0.001)).toBe('0.00');
    expect(round(-0.00001)).toBe(0);
    expect(Object.is(round(-0.00001), -0)).toBe(false);
  });
});
