/**
 * A guest practises in a real browser without signing in: the drill page says nothing is kept, a
 * "Spot the fake" drill is answered and scored, and the server keeps nothing of it (no session, no
 * attempt, no drill it could look up again). Nothing the guest received before answering gives the
 * answer away. No request leaves 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Response } from 'playwright-core';
import type { DrillQuestion, DrillResult } from '../../src/domain/drill';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';
import { SESSION_COOKIE } from './support/session';
import { textIn } from '../../src/domain/local-text';

const baseUrl = inject('baseUrl');
let browser: Browser;
let w: WatchedPage;
/** Every /api response the page received: its URL, body (as latin1, so models can be searched too) and Set-Cookie headers. */
const seen: { url: string; body: string; setCookies: string[] }[] = [];
const pending: Promise<void>[] = [];
let question: DrillQuestion;
let result: DrillResult;

function record(r: Response): void {
  if (!new URL(r.url()).pathname.startsWith('/api/')) return;
  pending.push(
    (async () => {
      const setCookies = (await r.headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
      const body = await r.body().then((b) => b.toString('latin1'), () => '');
      seen.push({ url: r.url(), body, setCookies });
    })(),
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  w = await openPage(browser, 'about:blank');
  w.page.on('response', record);
  await w.page.goto(`${baseUrl}/?page=drill`);
});
afterAll(() => browser?.close());

describe('a guest practises', () => {
  it('is told on the drill page that nothing is saved', async () => {
    const { page } = w;
    const note = page.getByRole('note');
    await note.waitFor();
    expect(await note.textContent()).toBe('Practising as a guest: nothing is saved. Sign in to track progress.');
    expect(await page.locator('.topbar .mode-badge').textContent()).toBe('Guest');
  });

  it('answers a "Spot the fake" drill and sees the result, marked as not saved', async () => {
    const { page } = w;
    const [issued] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/drills'),
      page.getByRole('button', { name: /^Spot the fake/ }).click(),
    ]);
    question = (await issued.json()) as DrillQuestion;
    expect(question.guest).toBe(true);
    expect(question.sealed).toBeTruthy();
    expect(question.id).toMatch(/^guest-/);

    const answerForm = page.getByRole('form', { name: 'Your answer' });
    await answerForm.getByRole('radio', { name: 'A is the counterfeit' }).check();
    expect(await answerForm.textContent()).toContain('Practising as a guest: nothing is saved.');
    await Promise.all(pending);
    const before = seen.length;
    const [answered] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === `/api/drills/${question.id}/answer`),
      answerForm.getByRole('button', { name: 'Submit' }).click(),
    ]);
    result = (await answered.json()) as DrillResult;
    expect(result.saved).toBe(false);
    expect(before).toBeGreaterThanOrEqual(2);

    const verdict = page.getByTestId('drill-verdict');
    await verdict.waitFor();
    const right = result.revealed.find((r) => r.label === 'A')!.kind === 'counterfeit';
    expect(await verdict.textContent()).toContain(right ? 'Right' : 'Wrong');
    expect(await page.getByTestId('drill-saved').textContent()).toBe('Guest: not saved');
    expect(await page.getByRole('button', { name: 'See my progress' }).count()).toBe(0);
    for (const t of result.tells) await page.getByRole('article', { name: new RegExp(`: ${textIn(t.title, 'en').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).waitFor();
  });

  it('received nothing before answering that gives the answer away', async () => {
    await Promise.all(pending);
    const before = seen.filter((s) => !s.url.endsWith('/answer'));
    expect(before.some((s) => new URL(s.url).pathname === '/api/drills')).toBe(true);
    const counterfeit = result.revealed.find((r) => r.kind === 'counterfeit')!;
    const secrets = [counterfeit.variantId, textIn(counterfeit.variantLabel, 'en'), ...result.tells.flatMap((t) => [t.id, textIn(t.title, 'en')])];
    // "genuine" is also the genuine variant's id, and a common word in descriptions: the revealed pairs are searched instead.
    for (const r of result.revealed) secrets.push(`"variantId":"${r.variantId}"`, textIn(r.variantLabel, 'en'));
    expect(result.tells.length).toBeGreaterThan(0);
    const leaks = before.flatMap((s) => secrets.filter((secret) => s.body.includes(secret)).map((secret) => `${secret} in ${s.url}`));
    expect(leaks).toEqual([]);
  });

  it('has no session: no cookie was set, and the server refuses its progress', async () => {
    const { page } = w;
    await Promise.all(pending);
    expect(seen.flatMap((s) => s.setCookies).filter((c) => c.startsWith(`${SESSION_COOKIE}=`))).toEqual([]);
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain(SESSION_COOKIE);
    const status = await page.evaluate(() => fetch('/api/progress', { headers: { accept: 'application/json' } }).then((r) => r.status));
    expect(status).toBe(401);
  });

  it('left nothing on the server: the drill cannot be answered again without its sealed token', async () => {
    const res = await fetch(`${baseUrl}/api/drills/${encodeURIComponent(question.id)}/answer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ answer: { kind: 'spot-the-fake', counterfeit: 'A', confidence: 0.75 } }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('bad_drill_token');
  });

  it('asked for nothing outside 127.0.0.1 and threw no errors', () => {
    expect(w.external).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});
