/**
 * Accessibility in a real browser: axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) over every page, as
 * the role that sees it, with no serious or critical violation allowed, and no text on it shaped like
 * a raw translation key (support/raw-keys.ts); and drills answered with the
 * keyboard alone: a find-the-tells drill whose pins are dropped with the stage's crosshair, a verdict
 * with its confidence, a live round, and a tell placed in the studio's view. One browser, a page per
 * role, reused page after page.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { DrillResult } from '../../src/domain/drill';
import { ACCOUNTS } from './support/app-server';
import { expectNoSeriousViolations } from './support/axe';
import { expectNoRawKeys } from './support/raw-keys';
import { launchBrowser, openPage, waitFrames } from './support/browser';
import { apiAs, signIn, type Account } from './support/session';

const baseUrl = inject('baseUrl');
/** Software WebGL on a busy machine: a page with models can take a minute to draw. */
const SLOW = 240_000;
let browser: Browser;
const pages = new Map<string, Page>();
let productId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const products = (await (await fetch(`${baseUrl}/api/catalogue`)).json()) as { id: string }[];
  productId = products[0]!.id;
});
afterAll(() => browser?.close());
// A page left on a 3D view keeps drawing (in software, on the one GPU process all pages share) and
// starves the next test's: every page is parked on a blank one between tests.
afterEach(async () => {
  for (const page of pages.values()) await page.goto('about:blank').catch(() => undefined);
});

/** The page of one role (signed in once), or the guest's. */
async function pageAs(who: keyof typeof ACCOUNTS | 'guest'): Promise<Page> {
  let page = pages.get(who);
  if (!page) {
    page = (await openPage(browser, `${baseUrl}/?page=sign-in`)).page;
    if (who !== 'guest') await signIn(page, ACCOUNTS[who] as Account);
    pages.set(who, page);
  }
  return page;
}

/** axe finds no serious violation, and no text shows a raw translation key (such as "trainee.lobby"). */
async function expectPageOk(page: Page, where: string): Promise<void> {
  await expectNoRawKeys(page, where);
  await expectNoSeriousViolations(page, where);
}

async function visit(page: Page, query: string, ready: () => Promise<unknown>): Promise<void> {
  await page.goto(`${baseUrl}/${query}`);
  await ready();
}

const stageDrawn = (page: Page) => page.waitForFunction(() => (window.__twinspect?.stats.pairFrameAt ?? 0) > 0, null, { timeout: 90_000 });

/** Presses Tab until the focused element passes `test` (its role and accessible text); fails after `max` presses. */
async function tabTo(page: Page, test: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
      return `${el.getAttribute('role') ?? el.tagName.toLowerCase()} ${label}`.replace(/\s+/g, ' ').trim();
    });
    if (test.test(focused)) return;
  }
  throw new Error(`Tab never reached ${test}`);
}

/** A draft with models, to edit and review: a built-in product exported as a pack, given another id, imported by the author. */
async function importDraft(token: string, draftId: string): Promise<string> {
  const headers = { cookie: `twinspect_session=${token}` };
  const exported = await fetch(`${baseUrl}/api/studio/export.zip?product=${productId}`, { headers });
  expect(exported.status).toBe(200);
  const files = unzipSync(new Uint8Array(await exported.arrayBuffer()));
  const renamed: Record<string, Uint8Array> = {};
  for (const [path, bytes] of Object.entries(files)) {
    const to = path.replace(`/${productId}/`, `/${draftId}/`);
    renamed[to] = path === 'pack.json' || path.endsWith('/product.json') ? strToU8(strFromU8(bytes).replaceAll(`"${productId}"`, `"${draftId}"`)) : bytes;
  }
  const form = new FormData();
  form.append('file', new Blob([zipSync(renamed)], { type: 'application/zip' }), 'pack.zip');
  const imported = await fetch(`${baseUrl}/api/studio/import`, { method: 'POST', body: form, headers });
  expect(imported.status, await imported.clone().text()).toBe(201);
  return draftId;
}

describe('every page passes axe (no serious or critical violation)', { timeout: SLOW }, () => {
  it('the guest pages: catalogue, sign-in, comparison, scan', async () => {
    const page = await pageAs('guest');
    await visit(page, '', () => page.locator('h1').first().waitFor());
    await expectPageOk(page, 'the catalogue');
    await visit(page, '?page=sign-in', () => page.getByRole('main').getByRole('button', { name: 'Sign in', exact: true }).waitFor());
    await expectPageOk(page, 'the sign-in page');
    await visit(page, `?product=${productId}`, () => stageDrawn(page));
    await expectPageOk(page, 'the comparison');
    await visit(page, '?page=scan', () => page.locator('h1').first().waitFor());
    await expectPageOk(page, 'the scan page');
  });

  // The other two kinds, and their results, are checked as they are answered by keyboard below.
  it('the trainee pages: the drills, a spot-the-fake drill, progress', async () => {
    const page = await pageAs('trainee');
    await visit(page, '?page=drill', () => page.getByRole('heading', { name: 'Drills' }).waitFor());
    await expectPageOk(page, 'the drills');
    // The panel and the stage's own elements are there once the question is: the models need not be drawn.
    await visit(page, '?page=drill&kind=spot-the-fake', () => page.getByRole('button', { name: 'Submit' }).waitFor());
    await page.getByRole('application').waitFor();
    await expectPageOk(page, 'a spot-the-fake drill');
    await visit(page, '?page=progress', () => page.locator('h1').first().waitFor());
    await expectPageOk(page, 'the progress page');
  });

  it('the instructor pages: groups, a group, live lobby and a live session', async () => {
    const page = await pageAs('instructor');
    const api = await apiAs(baseUrl, ACCOUNTS.instructor);
    const group = await api.post<{ id: string }>('/api/groups', { name: 'Axe check' });
    expect(group.status).toBe(201);
    await visit(page, '?page=groups', () => page.locator('h1').first().waitFor());
    await expectPageOk(page, 'the groups');
    await visit(page, `?page=groups&group=${group.body.id}`, () => page.getByRole('heading', { name: 'Axe check' }).first().waitFor());
    await expectPageOk(page, 'a group');
    await visit(page, '?page=live', () => page.getByRole('heading', { level: 2, name: 'Start a session' }).waitFor());
    await expectPageOk(page, 'the live lobby');
  });

  it('the admin and studio pages: users, studio list, product editor, review', async () => {
    const admin = await pageAs('admin');
    await visit(admin, '?page=users', () => admin.locator('h1').first().waitFor());
    await expectPageOk(admin, 'the users page');

    const author = await apiAs(baseUrl, ACCOUNTS.author);
    const draftId = await importDraft(author.token, 'a11y-check-product');

    const page = await pageAs('author');
    await visit(page, '?page=studio', () => page.locator('h1').first().waitFor());
    await expectPageOk(page, 'the studio');
    await visit(page, `?page=studio&product=${draftId}`, () => page.getByRole('button', { name: 'Send for review' }).waitFor());
    await expectPageOk(page, 'the product editor');
    expect((await author.post(`/api/studio/products/${draftId}/submit`)).status).toBe(200);

    const reviewer = await pageAs('reviewer');
    await visit(reviewer, `?page=studio&product=${draftId}`, () => reviewer.getByRole('region', { name: 'Review', exact: true }).waitFor());
    await expectPageOk(reviewer, 'the review');
  });
});

describe('drills by keyboard alone', { timeout: SLOW }, () => {
  it('finds the tells: the crosshair drops a pin on the suspect, and the answer is scored', async () => {
    const page = await pageAs('trainee');
    await visit(page, '?page=drill', () => page.getByRole('heading', { name: 'Drills' }).waitFor());
    await tabTo(page, /^button Find the tells/);
    await page.keyboard.press('Enter');
    await stageDrawn(page);
    await page.waitForFunction(() => (window.__twinspect?.stats.pickBox[2] ?? 0) > 10, null, { timeout: 90_000 });
    await waitFrames(page, 3);

    await tabTo(page, /^application /);
    const crosshair = page.getByTestId('stage-crosshair');
    await crosshair.waitFor();
    const canvas = (await page.locator('canvas').first().boundingBox())!;
    const [x0, y0, x1, y1] = await page.evaluate(() => window.__twinspect!.stats.pickBox);
    // Walk the crosshair over the suspect's rectangle (items differ in shape) until it is over its surface.
    let at = { x: canvas.width / 2, y: canvas.height / 2 };
    const moveTo = async (x: number, y: number) => {
      for (const [axis, plus, minus] of [['x', 'ArrowRight', 'ArrowLeft'], ['y', 'ArrowDown', 'ArrowUp']] as const) {
        let d = (axis === 'x' ? x : y) - at[axis];
        for (; Math.abs(d) >= 48; d -= Math.sign(d) * 48) await page.keyboard.press(`Shift+${d > 0 ? plus : minus}`);
        for (; Math.abs(d) >= 8; d -= Math.sign(d) * 8) await page.keyboard.press(d > 0 ? plus : minus);
        at = { ...at, [axis]: (axis === 'x' ? x : y) - d };
      }
    };
    let over = false;
    search: for (const fy of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      for (const fx of [0.5, 0.4, 0.6, 0.3, 0.7]) {
        await moveTo(x0 + (x1 - x0) * fx, y0 + (y1 - y0) * fy);
        if ((await crosshair.getAttribute('data-over')) === 'true') {
          over = true;
          break search;
        }
      }
    }
    expect(over, 'the crosshair reached the suspect').toBe(true);
    await expectPageOk(page, 'a find-the-tells drill, the crosshair shown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pin-count').textContent()).toMatch(/^1 pin\b/);
    await expect.poll(() => page.getByTestId('stage-announcement').textContent()).toMatch(/Pin P1 placed/);
    // A second pin, then Delete takes the last one away again.
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('pin-count').textContent()).toMatch(/^2 pins\b/);
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByTestId('pin-count').textContent()).toMatch(/^1 pin\b/);

    const answered = page.waitForResponse((r) => /\/api\/drills\/[\w-]+\/answer$/.test(r.url()));
    await tabTo(page, /^button Submit$/);
    await page.keyboard.press('Enter');
    const result = (await (await answered).json()) as DrillResult;
    expect(result.saved).toBe(true);
    expect(result.score.pinMatches).toHaveLength(1);
    await page.getByTestId('drill-verdict').waitFor();
    await expectPageOk(page, 'a find-the-tells result');
  });

  it('gives a verdict with a confidence', async () => {
    const page = await pageAs('trainee');
    await visit(page, '?page=drill', () => page.getByRole('heading', { name: 'Drills' }).waitFor());
    await tabTo(page, /^button Verdict/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Submit' }).waitFor();
    await expectPageOk(page, 'a verdict drill');
    // Tab reaches the group's first radio; the arrow keys move the choice within the group.
    await tabTo(page, /^input Genuine/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('Counterfeit').isChecked()).toBe(true);
    await tabTo(page, /^input How sure are you\?/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const answered = page.waitForResponse((r) => /\/api\/drills\/[\w-]+\/answer$/.test(r.url()));
    await tabTo(page, /^button Submit$/);
    await page.keyboard.press('Enter');
    const result = (await (await answered).json()) as DrillResult;
    expect(result.saved).toBe(true);
    expect(result.score.confidence).toBe(0.85);
    await page.getByTestId('drill-verdict').waitFor();
    await expectPageOk(page, 'a verdict result');
  });

  it('places a tell in the studio with the crosshair', async () => {
    const author = await apiAs(baseUrl, ACCOUNTS.author);
    const draftId = await importDraft(author.token, 'a11y-keyboard-product');
    const page = await pageAs('author');
    await visit(page, `?page=studio&product=${draftId}`, () => page.getByRole('button', { name: 'Send for review' }).waitFor());
    await page.waitForFunction(() => (window.__twinspect?.stats.pickBox[2] ?? 0) > 10, null, { timeout: 90_000 });
    const tells = page.getByRole('region', { name: 'Tells', exact: true }).getByRole('listitem');
    const before = await tells.count();
    await tabTo(page, /^application /);
    await page.getByTestId('stage-crosshair').waitFor();
    await expectPageOk(page, 'the studio view, the crosshair shown');
    // The fitted model stands in the middle of the view, under the crosshair.
    await page.keyboard.press('Enter');
    await expect.poll(() => tells.count()).toBe(before + 1);
    await expect.poll(() => page.getByTestId('stage-announcement').textContent()).toMatch(/Tell \d+ placed/);
  });

  it('answers a live round, and both sides of the session pass axe', async () => {
    const ines = await pageAs('instructor');
    await visit(ines, '?page=live', () => ines.getByRole('heading', { level: 2, name: 'Start a session' }).waitFor());
    await ines.getByLabel('Title').fill('Keyboard round');
    await ines.getByLabel('Drill', { exact: true }).selectOption({ label: 'Verdict' });
    await ines.getByRole('button', { name: 'Start the session' }).click();
    const code = (await ines.getByTestId('join-code').textContent())!;

    const tess = await pageAs('trainee');
    await visit(tess, `?page=live&code=${code.replace(/-/g, '')}`, () => tess.getByLabel('Session code').waitFor());
    await tabTo(tess, /^button Join$/);
    await tess.keyboard.press('Enter');
    await ines.getByRole('row', { name: new RegExp(ACCOUNTS.trainee.name) }).first().waitFor();
    await tess.getByTestId('live-phase').waitFor();
    await expectPageOk(tess, 'a trainee waiting in a live session');
    for (const phase of ['Inspect', 'Answer']) await ines.getByRole('group', { name: 'Phase' }).getByRole('button', { name: phase, exact: true }).click();
    await tess.getByRole('button', { name: 'Send answer' }).waitFor();
    await stageDrawn(tess);
    await expectPageOk(ines, 'the instructor in a live session');
    await expectPageOk(tess, 'a trainee in a live session');

    await tabTo(tess, /^input Genuine/);
    await tess.keyboard.press('Space');
    await tabTo(tess, /^button Send answer$/);
    await tess.keyboard.press('Enter');
    await expect.poll(() => tess.getByTestId('live-answer-sent').textContent()).toMatch(/Answer sent/);

    await ines.getByRole('group', { name: 'Phase' }).getByRole('button', { name: 'End session' }).click();
    await ines.getByRole('heading', { name: 'The session has ended' }).waitFor();
    await tess.getByRole('heading', { name: 'The session has ended' }).waitFor();
    await expectPageOk(ines, 'the instructor once the session ended');
    await expectPageOk(tess, 'a trainee once the session ended');
  });
});
