import axe from 'axe-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..', '..', '..');
export const SCREENSHOTS = join(ROOT, '.local', 'screenshots');

export type Language = 'zh-Hant' | 'en';

export interface PersonPage {
  readonly page: Page;
  /** Errors the page reported (uncaught exceptions, console.error): a working console has none. */
  readonly errors: string[];
}

/**
 * A new tab (its own sessionStorage, so its own session) signed in as a demo person through the
 * sign-in page, in the given language (the switch the console keeps in localStorage).
 */
export async function signIn(context: BrowserContext, base: string, employeeId: string, language: Language = 'zh-Hant'): Promise<PersonPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  await page.addInitScript(`localStorage.setItem('console.language', ${JSON.stringify(language)})`);
  await page.goto(`${base}/signin`);
  await page.getByRole('button', { name: new RegExp(`\\(${employeeId}\\)`) }).click();
  await page.getByRole('navigation').waitFor();
  return { page, errors };
}

export interface AxeFinding {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly nodes: readonly string[];
}

/** axe-core on the page as it is now: the serious and critical findings (WCAG 2.1 AA rules). */
export async function seriousAccessibilityFindings(page: Page): Promise<AxeFinding[]> {
  // In-page code is passed as text: this file is type-checked for Node, without the DOM's globals.
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate<axe.AxeResults>("axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })");
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => node.html.slice(0, 160)) }));
}

/** The page's `<html lang>`. */
export const htmlLang = (page: Page): Promise<string> => page.evaluate<string>('document.documentElement.lang');

export async function screenshot(page: Page, name: string, language: Language): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.${language}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
