/**
 * axe-core in a playwright page: injects node_modules/axe-core/axe.min.js and checks the page (or a
 * part of it) against WCAG 2.0, 2.1 and 2.2, levels A and AA. The browser tests hold every page to no
 * serious or critical violation; moderate and minor ones are left to review.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SERIOUS = new Set(['serious', 'critical']);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
}

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeResult {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Adds axe to the page once. The app's content security policy refuses inline scripts, which is what
 * addScriptTag makes; where it is refused, the same file is evaluated through the devtools protocol,
 * which the policy does not govern.
 */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  await page.addScriptTag({ path: AXE_PATH }).catch(() => undefined);
  if (await page.evaluate(() => 'axe' in window)) return;
  await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
}

/** Runs axe over `include` (a CSS selector; the whole document by default) and returns the serious and critical violations. */
export async function seriousViolations(page: Page, opts: { include?: string; exclude?: string[] } = {}): Promise<AxeViolation[]> {
  await injectAxe(page);
  const results = await page.evaluate(
    async ({ tags, include, exclude }) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
      const context = include ? { include: [include], exclude } : exclude.length ? { exclude } : document;
      const r = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations;
    },
    { tags: WCAG_TAGS, include: opts.include ?? null, exclude: opts.exclude ?? [] },
  );
  return (results as AxeResult[])
    .filter((v) => SERIOUS.has(v.impact ?? ''))
    .map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, helpUrl: v.helpUrl, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
}

/** One line per violation: rule, impact, what it asks, and up to five of the elements at fault. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 5).join('\n    ')}${v.targets.length > 5 ? `\n    … and ${v.targets.length - 5} more` : ''}`)
    .join('\n');
}

/** Fails with every serious or critical violation on the page, listed. */
export async function expectNoSeriousViolations(page: Page, where: string, opts: { include?: string; exclude?: string[] } = {}): Promise<void> {
  const found = await seriousViolations(page, opts);
  if (found.length) throw new Error(`axe found ${found.length} serious or critical violation(s) on ${where}:\n${formatViolations(found)}`);
}
