/**
 * The instructor in a real browser: signs in, creates a group, adds a trainee who has answered drills,
 * reads the group's progress (table and charts, through what they expose to assistive technology),
 * and exports the results as CSV. The Users page stays closed to them. No request leaves 127.0.0.1.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ProgressSummary } from '../../src/domain/progress';
import { ACCOUNTS } from './support/app-server';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';
import { apiAs, SESSION_COOKIE, signIn } from './support/session';

const baseUrl = inject('baseUrl');
const trainee = ACCOUNTS.trainee;
let browser: Browser;
let w: WatchedPage;
/** The trainee's attempts once the three drills below are in (other test files may have added some). */
let total = 0;

beforeAll(async () => {
  browser = await launchBrowser();
  const tess = await apiAs(baseUrl, trainee);
  const before = (await tess.get<ProgressSummary>('/api/progress')).body.attempts;
  await tess.answerDrill('spot-the-fake', { kind: 'spot-the-fake', counterfeit: 'A', confidence: 0.75 });
  await tess.answerDrill('verdict', { kind: 'verdict', verdict: 'counterfeit', confidence: 0.9 });
  await tess.answerDrill('find-the-tells', { kind: 'find-the-tells', pins: [{ position: [0, 0, 0] }] });
  total = (await tess.get<ProgressSummary>('/api/progress')).body.attempts;
  expect(total).toBe(before + 3);
  w = await openPage(browser, baseUrl);
});
afterAll(() => browser?.close());

describe('the instructor runs a group', () => {
  const groupName = `Cohort ${Math.random().toString(36).slice(2, 8)}`;

  it('signs in and lands on Groups', async () => {
    const { page } = w;
    await signIn(page, ACCOUNTS.instructor);
    await page.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBe('groups');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).getAttribute('aria-current')).toBe('page');
  });

  it('creates a group and adds the trainee by email', async () => {
    const { page } = w;
    await page.getByLabel('Group name').fill(groupName);
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('heading', { level: 2, name: groupName }).waitFor();
    expect(new URL(page.url()).searchParams.get('group')).toBeTruthy();
    await page.getByLabel("Trainee's email").fill(trainee.email);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const members = page.getByRole('region', { name: 'Trainees (1)' });
    await members.waitFor();
    const item = members.getByRole('listitem');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain(trainee.email);
    expect(await item.textContent()).toContain(trainee.name);
    expect(await page.getByRole('status').filter({ hasText: 'Added' }).textContent()).toBe(`Added ${trainee.email} to ${groupName}.`);
    // The group's line in "Your groups" counts her too.
    const line = page.getByRole('row', { name: new RegExp(groupName) });
    await expect.poll(() => line.getByRole('cell').first().textContent()).toBe('1');
  });

  it("shows the trainee's drills in the group's progress, its table and its charts", async () => {
    const { page } = w;
    const progress = page.getByRole('region', { name: 'Progress', exact: true });
    const row = progress.getByRole('table', { name: 'Trainees', exact: true }).getByRole('row', { name: new RegExp(trainee.name) });
    await expect.poll(() => row.getByRole('cell').first().textContent(), { timeout: 30_000 }).toBe(String(total));
    expect(await row.getByRole('cell').last().textContent()).not.toBe('Never');

    const headline = progress.getByRole('definition').first();
    expect(await headline.textContent()).toBe(String(total));

    // Each chart is a canvas with role="img" and a summary, and a visually hidden table of its numbers.
    const timeline = progress.getByRole('table', { name: 'Accuracy and tells found, day by day' });
    const lastDay = timeline.getByRole('row').last().getByRole('cell');
    expect(await lastDay.first().textContent()).toBe(String(total));
    const summaries = await progress.getByRole('img').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(summaries.length).toBeGreaterThanOrEqual(4);
    expect(summaries.some((s) => s.includes(`Latest day: ${total} drills`))).toBe(true);
    const perProduct = progress.getByRole('table', { name: 'Mastery by product' }).getByRole('row');
    const counts = await perProduct.evaluateAll((rows) => rows.slice(1).map((r) => Number(r.querySelectorAll('td')[1]?.textContent)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    await progress.getByRole('table', { name: 'Mastery by tell category' }).waitFor({ state: 'attached' });
  });

  it('exports the results as CSV', async () => {
    const { page } = w;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Cohort-\w+-results\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, ...rows] = csv.split(/\r\n/).filter((l) => l !== '');
    expect(header!.startsWith('trainee,email,answered_at')).toBe(true);
    const hers = rows.filter((r) => r.startsWith(`${trainee.name},${trainee.email},`));
    expect(hers).toHaveLength(total);
    expect(rows).toHaveLength(total);
    expect(new Set(hers.map((r) => r.split(',')[3]))).toEqual(new Set(['spot-the-fake', 'verdict', 'find-the-tells']));
  });

  it('cannot open the Users page', async () => {
    const { page } = w;
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).not.toContain('Users');
    const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toBeDefined();
    const res = await fetch(`${baseUrl}/api/users`, { headers: { cookie: `${SESSION_COOKIE}=${cookie!.value}`, accept: 'application/json' } });
    expect(res.status).toBe(403);
    await page.goto(`${baseUrl}/?page=users`);
    await page.getByText('Only admins manage users.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('asked for nothing outside 127.0.0.1 and threw no errors', () => {
    expect(w.external).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});
