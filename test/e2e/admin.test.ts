/**
 * The admin in a real browser: signs in, adds an account on the Users page, changes its role in place,
 * gets field errors for a duplicate email and a short password, and the new account then signs in in
 * a fresh browser context with the role it was given. No request leaves 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ACCOUNTS } from './support/app-server';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';
import { apiAs, signIn } from './support/session';

const baseUrl = inject('baseUrl');
const run = Math.random().toString(36).slice(2, 8);
const fresh = { email: `officer-${run}@agency.test`, name: `Officer ${run}`, password: `temporary-${run}-pass` };
let browser: Browser;
let w: WatchedPage;

beforeAll(async () => {
  browser = await launchBrowser();
  w = await openPage(browser, baseUrl);
});
afterAll(() => browser?.close());

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// The accounts table comes first (the supervision tables follow it on the page).
const rowOf = (page: Page, email: string) => page.getByRole('table').first().getByRole('row', { name: new RegExp(escape(email)) });
const form = (page: Page) => page.getByRole('region', { name: 'Add user' });

async function fillForm(page: Page, fields: { email: string; name: string; password: string; role?: string }) {
  const f = form(page);
  await f.getByLabel('Email', { exact: true }).fill(fields.email);
  await f.getByLabel('Name', { exact: true }).fill(fields.name);
  await f.getByLabel('Role', { exact: true }).selectOption(fields.role ?? 'trainee');
  await f.getByLabel('Temporary password').fill(fields.password);
  await f.getByRole('button', { name: 'Add user' }).click();
}

/** The error a field shows beside it: named by the field's aria-describedby, in the field's own block. */
async function fieldError(page: Page, label: string): Promise<string | null> {
  const input = form(page).getByLabel(label, { exact: true });
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
  expect(ids).toHaveLength(1);
  const error = page.locator(`[id="${ids[0]}"]`);
  expect(await error.getAttribute('role')).toBe('alert');
  // Beside the field: in the same .form-field block as the input.
  expect(await error.evaluate((e, id) => e.parentElement!.querySelector(`[id="${id}"]`) !== null, await input.getAttribute('id'))).toBe(true);
  return error.textContent();
}

describe('the admin manages users', () => {
  it('signs in and lands on Users', async () => {
    const { page } = w;
    await signIn(page, ACCOUNTS.admin);
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBe('users');
    await rowOf(page, ACCOUNTS.admin.email).waitFor();
    expect(await rowOf(page, ACCOUNTS.admin.email).textContent()).toContain('(you)');
  });

  it('adds a trainee, who shows in the table', async () => {
    const { page } = w;
    await fillForm(page, fresh);
    await form(page).getByRole('status').filter({ hasText: 'Added' }).waitFor();
    expect(await form(page).getByRole('status').textContent()).toBe(`Added ${fresh.email} as Trainee. Give them the temporary password.`);
    const row = rowOf(page, fresh.email);
    expect(await row.textContent()).toContain(fresh.name);
    expect(await row.getByLabel(`Role of ${fresh.email}`).inputValue()).toBe('trainee');
    // The form is empty again for the next one.
    expect(await form(page).getByLabel('Email', { exact: true }).inputValue()).toBe('');
  });

  it("changes the new user's role to reviewer, and it stays after a reload", async () => {
    const { page } = w;
    const select = () => rowOf(page, fresh.email).getByLabel(`Role of ${fresh.email}`);
    await select().selectOption('reviewer');
    await expect.poll(() => rowOf(page, fresh.email).getByRole('status').textContent()).toBe('Saved');
    await page.reload();
    await rowOf(page, fresh.email).waitFor();
    expect(await select().inputValue()).toBe('reviewer');
  });

  it('shows a duplicate email as an error beside the email field', async () => {
    const { page } = w;
    await fillForm(page, { email: fresh.email.toUpperCase(), name: 'Someone Else', password: 'another-long-password' });
    expect(await fieldError(page, 'Email')).toBe('An account with this email already exists.');
    expect(await rowOf(page, fresh.email).count()).toBe(1);
  });

  it('refuses a password under 10 characters, in the form and at the server', async () => {
    const { page } = w;
    const email = `short-${run}@agency.test`;
    await fillForm(page, { email, name: 'Short Password', password: 'short' });
    expect(await fieldError(page, 'Temporary password')).toBe('Use at least 10 characters.');
    expect(await rowOf(page, email).count()).toBe(0);
    // The server refuses it too, should the form's own check be bypassed.
    const admin = await apiAs(baseUrl, ACCOUNTS.admin);
    const res = await admin.post<{ issues: { path: string }[] }>('/api/users', { email, role: 'trainee', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i) => i.path)).toContain('body.password');
    expect((await admin.get<{ email: string }[]>('/api/users')).body.map((u) => u.email)).not.toContain(email);
  });

  it('asked for nothing outside 127.0.0.1 and threw no errors', () => {
    expect(w.external).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});

describe('the new user', () => {
  it('signs in in a fresh browser context and is a reviewer', async () => {
    const mine = await openPage(browser, baseUrl);
    expect(await mine.page.context().cookies()).toEqual([]);
    await signIn(mine.page, { email: fresh.email }, { password: fresh.password });
    expect(await mine.page.locator('.topbar .mode-badge').textContent()).toBe(`${fresh.name} · reviewer`);
    const nav = await mine.page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(nav).not.toContain('Users');
    expect(nav).not.toContain('Groups');
    expect(mine.external).toEqual([]);
    expect(mine.errors).toEqual([]);
    await mine.page.context().close();
  });
});
