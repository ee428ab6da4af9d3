/**
 * A small driver that speaks in user terms ("add step", "connect", "set mode") and finds everything by
 * role and accessible name, as a person using a screen reader or keyboard would.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'coarchitect-e2e-'));
}

export class AppDriver {
  readonly errors: string[] = [];
  /** Console warnings and errors the page printed. */
  readonly warnings: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('pageerror', (e) => this.errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') this.warnings.push(m.text());
    });
  }

  static async open(browser: Browser): Promise<AppDriver> {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const app = new AppDriver(context, page);
    await page.goto(inject('baseUrl'));
    await page.getByRole('heading', { name: 'Workflows' }).waitFor();
    return app;
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  button(name: string | RegExp) {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  async createWorkflow(name: string): Promise<void> {
    await this.button('New workflow').first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New workflow' });
    await dialog.getByRole('textbox', { name: 'Workflow name' }).fill(name);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await this.page.getByRole('banner').getByRole('heading', { name }).waitFor();
  }

  async openWorkflow(name: string): Promise<void> {
    await this.button(`Open ${name}`).click();
    await this.page.getByRole('banner').getByRole('heading', { name }).waitFor();
  }

  async backToLibrary(): Promise<void> {
    await this.button('All workflows').click();
    await this.page.getByRole('heading', { name: 'Workflows' }).waitFor();
  }

  /** Adds a step from the palette; it is selected, so the inspector edits it next. */
  async addStep(kind: string, name: string): Promise<void> {
    await this.button(`Add ${kind}`).click();
    await this.field('Step name').fill(name);
  }

  step(label: string) {
    return this.page.getByRole('group', { name: label });
  }

  async selectStep(label: string): Promise<void> {
    await this.step(label).click();
    await this.page.getByLabel('Step properties').waitFor();
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async connectSelectedTo(target: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Connect to' }).selectOption({ label: target });
    await this.button('Connect').click();
  }

  async openPanel(
    name: 'Inspector' | 'Analysis' | 'Skills & learning' | 'Roles' | 'Skills' | RegExp,
  ): Promise<void> {
    await this.page.getByRole('tab', typeof name === 'string' ? { name, exact: true } : { name }).click();
  }

  async addRole(name: string, headcount: number): Promise<void> {
    await this.openPanel('Roles');
    await this.button('Add role').click();
    const card = this.page.getByRole('listitem', { name: 'Role New role' });
    await card.getByRole('spinbutton', { name: 'Headcount' }).fill(String(headcount));
    await card.getByRole('textbox', { name: 'Role name' }).fill(name);
    await this.openPanel('Inspector');
  }

  async attachSkill(search: string, skillName: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Add a skill' }).fill(search);
    await this.button(`Add skill ${skillName}`).click();
  }

  async waitUntilSaved(): Promise<void> {
    await this.page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  }

  async libraryRowNames(): Promise<string[]> {
    const table = this.page.getByRole('table', { name: 'Workflows' });
    if ((await table.count()) === 0) return [];
    return table.getByRole('rowheader').getByRole('button').allInnerTexts();
  }
}

/**
 * playwright-core has no web-first assertions (they live in @playwright/test), so tests poll what a user
 * would read: `await eventually(() => text(locator)).toContain('…')`.
 */
export const eventually = <T>(read: () => Promise<T> | T) =>
  expect.poll(read, { timeout: 10_000, interval: 50 });
export const text = (locator: Locator) => locator.innerText();
export const value = (locator: Locator) => locator.inputValue();
export const count = (locator: Locator) => locator.count();
export const visible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 10_000 });
