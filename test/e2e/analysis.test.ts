import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AppDriver, eventually, launchBrowser, text, value, visible } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('bottleneck analysis', () => {
  it('shows the constraint move from drafting to review in the to-be, and back with more reviewers', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Load example: Customer support').click();

    await app.openWorkflow('Customer support (as-is)');
    await app.openPanel('Analysis');
    const constraint = page.getByRole('group', { name: 'Constraint' });
    await eventually(() => text(constraint)).toContain('Support agent');

    await app.backToLibrary();
    await app.openWorkflow('Customer support (to-be)');
    await eventually(() => text(constraint)).toContain('Senior agent / reviewer');
    const comparison = page.getByRole('table', { name: 'As-is against to-be' });
    await eventually(() => text(comparison.getByRole('row', { name: /^Constraint/ }))).toContain('moved');

    // What if the review team grew from 2 to 5 people? The constraint moves back to the agents.
    const reviewers = page.getByRole('spinbutton', { name: 'Headcount: Senior agent / reviewer' });
    await reviewers.fill('5');
    await eventually(() => text(constraint)).toContain('Support agent');
    await eventually(() => text(constraint)).not.toContain('Senior');

    // Nothing was saved: the roles panel still says 2 until the what-if is applied.
    await app.openPanel('Roles');
    const seniorCard = page.getByRole('listitem', { name: 'Role Senior agent / reviewer' });
    await eventually(() => value(seniorCard.getByRole('spinbutton', { name: 'Headcount' }))).toBe('2');
    await app.openPanel('Analysis');
    await app.button('Apply to workflow').click();
    await app.openPanel('Roles');
    await eventually(() => value(seniorCard.getByRole('spinbutton', { name: 'Headcount' }))).toBe('5');
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('tints the diagram by load and explains a figure', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Load example: Customer support').click();
    await app.openWorkflow('Customer support (to-be)');
    await app.openPanel('Analysis');
    await page.getByRole('combobox', { name: 'Heat on the diagram' }).selectOption('load');
    await eventually(() => text(app.step('Review: Senior review of hard cases'))).toMatch(/h\/wk/);
    await eventually(() => text(app.step('AI-automated task: AI drafts reply'))).toMatch(/AI runs\/wk/);
    const capacity = page.getByRole('group', { name: 'Capacity' });
    await capacity.getByText('Why?').click();
    await eventually(() => text(capacity)).toMatch(/capacity/i);
    await app.close();
  });

  it('simulates the workflow in a worker, with progress, results and cancel', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Load example: Customer support').click();
    await app.openWorkflow('Customer support (to-be)');
    await app.openPanel('Analysis');
    await page.getByRole('spinbutton', { name: 'Simulated weeks' }).fill('4');
    await page.getByRole('spinbutton', { name: 'Replications' }).fill('4');
    await app.button('Run simulation').click();
    const results = page.getByRole('region', { name: 'Simulation results' });
    await eventually(() => text(results)).toContain('Cycle time, mean');
    await eventually(() => text(results.getByRole('table', { name: 'Simulated roles' }))).toContain(
      'Senior agent / reviewer',
    );

    // A long run can be stopped; the editor stays usable while it runs.
    await page.getByRole('spinbutton', { name: 'Simulated weeks' }).fill('520');
    await page.getByRole('spinbutton', { name: 'Replications' }).fill('1000');
    await app.button('Run simulation').click();
    await visible(page.getByRole('progressbar', { name: 'Simulation progress' }));
    await app.openPanel('Inspector');
    await app.openPanel('Analysis');
    await app.button('Cancel simulation').click();
    await eventually(() => text(page.getByRole('status').filter({ hasText: 'Simulation' }))).toContain(
      'Simulation cancelled.',
    );
    await eventually(() => page.getByRole('region', { name: 'Simulation results' }).count()).toBe(0);
    // The workers that answered the cancel stay warm and run the next one.
    await page.getByRole('spinbutton', { name: 'Simulated weeks' }).fill('4');
    await page.getByRole('spinbutton', { name: 'Replications' }).fill('4');
    await app.button('Run simulation').click();
    await eventually(() => text(results)).toContain('Cycle time, mean');
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('projects capacity and cost week by week as agents learn and reviews feed back', async () => {
    const app = await AppDriver.open(browser);
    const { page } = app;
    await app.button('Load example: Customer support').click();
    await app.openWorkflow('Customer support (to-be)');
    await app.openPanel('Analysis');
    const summary = page.getByRole('status').filter({ hasText: 'Over 26 weeks' });
    await eventually(() => text(summary)).toMatch(/capacity goes from [\d,]+ to [\d,]+ cases a week/);
    const table = page.getByRole('table', { name: 'Projection by week' });
    await eventually(() => text(table)).toContain('Senior agent / reviewer');
    await page.getByRole('spinbutton', { name: 'Horizon (weeks)' }).fill('8');
    await eventually(() => text(page.getByRole('status').filter({ hasText: 'Over 8 weeks' }))).toContain(
      'cost per case',
    );
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
