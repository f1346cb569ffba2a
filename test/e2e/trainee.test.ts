/**
 * The trainee in a desktop browser: signs in, answers each kind of drill on the 3D stage, sees what
 * they got right with the tells revealed, and finds it all on the progress page as charts. Nothing the
 * browser receives before answering gives the answer away.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DrillResult } from '../../src/domain/drill';
import { ACCOUNTS } from './support/app-server';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';
import { signIn } from './support/session';
import { textIn } from '../../src/domain/local-text';

const baseUrl = inject('baseUrl');
let browser: Browser;
let w: WatchedPage;
/** Other test files drill the same trainee: count from here. */
let answeredBefore = 0;

beforeAll(async () => {
  browser = await launchBrowser();
  w = await openPage(browser, `${baseUrl}/?page=sign-in`);
  await signIn(w.page, ACCOUNTS.trainee);
  answeredBefore = await w.page.evaluate(async () => (await (await fetch('/api/progress')).json()).attempts as number);
});
afterAll(() => browser?.close());

/** Every /api body the page receives from now on (text for JSON, latin1 for models). */
function recordApiBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', async (res) => {
    if (!new URL(res.url()).pathname.startsWith('/api/')) return;
    bodies.push((await res.body().catch(() => Buffer.alloc(0))).toString('latin1'));
  });
  return bodies;
}

async function startDrill(page: Page, name: string) {
  await page.goto(`${baseUrl}/?page=drill`);
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('button', { name: 'Submit' }).waitFor();
  // pairFrameAt is set once the drill's models are drawn.
  await page.waitForFunction(() => (window.__twinspect?.stats.pairFrameAt ?? 0) > 0, null, { timeout: 90_000 });
}

async function submit(page: Page): Promise<DrillResult> {
  const answered = page.waitForResponse((r) => /\/api\/drills\/[\w-]+\/answer$/.test(r.url()));
  await page.getByRole('button', { name: 'Submit' }).click();
  const result = (await (await answered).json()) as DrillResult;
  await page.getByTestId('drill-verdict').waitFor();
  return result;
}

describe('the trainee is drilled and scored', () => {
  it('spots the fake: the key arrives only with the result, and the answer is saved', async () => {
    const { page } = w;
    const received = recordApiBodies(page);
    await startDrill(page, 'Spot the fake');
    await page.getByLabel('A is the counterfeit').check();
    await page.getByLabel('How sure are you?').fill('90');
    const before = [...received];
    const result = await submit(page);
    const secrets = [...result.revealed.map((r) => `"${r.variantId}"`), ...result.tells.flatMap((t) => [t.id, textIn(t.title, 'en'), textIn(t.counterfeit, 'en')])];
    expect(before.length).toBeGreaterThanOrEqual(3); // the question and both models
    for (const body of before) for (const secret of secrets) expect(body, `received before answering: ${secret}`).not.toContain(secret);
    await expect(page.getByTestId('drill-saved').textContent()).resolves.toContain('Saved to your progress');
    const fake = result.revealed.find((r) => r.kind === 'counterfeit')!;
    expect(await page.getByTestId('drill-verdict').textContent()).toMatch(fake.label === 'A' ? /Right|Correct/i : /Wrong/i);
    expect(await page.getByRole('article', { name: /^Tell 1:/ }).count()).toBe(1);
  });

  it('finds the tells by clicking on the suspect, and sees them scored', async () => {
    const { page } = w;
    await startDrill(page, 'Find the tells');
    const canvas = page.locator('canvas').first();
    const box = (await canvas.boundingBox())!;
    // A click (no drag) on the suspect drops a pin. Items differ in shape (a ring, a blister card), so
    // walk a grid over the suspect's rectangle on the canvas until a click lands on its surface.
    const pinCount = page.getByTestId('pin-count');
    const [x0, y0, x1, y1] = await page.evaluate(() => window.__twinspect!.stats.pickBox);
    expect(x1 - x0).toBeGreaterThan(10);
    walk: for (const fy of [0.5, 0.35, 0.65, 0.2, 0.8]) {
      for (const fx of [0.5, 0.35, 0.65, 0.2, 0.8]) {
        await page.mouse.click(box.x + x0 + (x1 - x0) * fx, box.y + y0 + (y1 - y0) * fy);
        if (/^1 pin/.test((await pinCount.textContent()) ?? '')) break walk;
      }
    }
    expect(await pinCount.textContent()).toMatch(/^1 pin/);
    const result = await submit(page);
    expect(result.score.tellsTotal).toBe(result.tells.length);
    expect(await page.getByTestId('drill-tells-found').textContent()).toBe(`${result.score.tellsFound} / ${result.tells.length}`);
    expect(result.score.pinMatches).toHaveLength(1);
  });

  it('gives a verdict with confidence and takes a hint', async () => {
    const { page } = w;
    await startDrill(page, 'Verdict');
    await page.getByRole('button', { name: /^Hint/ }).click();
    await page.getByRole('region', { name: 'Hints' }).getByRole('heading', { level: 3 }).first().waitFor();
    await page.getByLabel('Counterfeit', { exact: true }).check();
    const result = await submit(page);
    expect(result.score.hintsUsed).toBe(1);
    expect(result.score.confidence).toBe(0.75);
  });

  it('shows progress as charts, and what to practise next', async () => {
    const { page, external, errors } = w;
    await page.getByRole('button', { name: 'See my progress' }).click();
    await page.getByRole('heading', { name: 'Your progress', level: 1 }).waitFor();
    const figures = page.getByRole('figure');
    await figures.first().waitFor();
    expect(await figures.count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByRole('img', { name: /accuracy/i }).count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(4);
    const answered = page.locator('.headline-figure').filter({ hasText: 'Drills answered' });
    expect(await answered.textContent()).toBe(`Drills answered${answeredBefore + 3}`);
    expect(await page.getByRole('button', { name: 'Practise' }).count()).toBeGreaterThan(0);
    // Practise next opens a drill on that product, not its study page.
    await page.getByRole('button', { name: 'Practise' }).first().click();
    await page.getByRole('button', { name: /Spot the fake/ }).waitFor();
    expect(page.url()).toMatch(/page=drill&product=/);
    expect(await page.getByRole('list', { name: 'Tells' }).count()).toBe(0);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });
});
