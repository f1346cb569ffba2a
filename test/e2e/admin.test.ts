/**
 * The admin in a real browser: signs in, adds an account on the Users page, changes its role in place,
 * gets field errors for a duplicate email and a short password, and the new account then signs in in
 * a fresh browser context with the role it was given, after choosing its own password (the one the
 * admin gave is temporary). Then the admin resets that password (the user must choose a new one again
 * before anything else), deactivates the account (the user is signed out and refused) and reactivates
 * it. No request leaves 127.0.0.1.
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
/** The new user's own browser context. */
let mine: WatchedPage;

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
    expect(await form(page).getByRole('status').textContent()).toBe(`Added ${fresh.email} as Trainee. Give them the temporary password: they choose their own when they first sign in.`);
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

/** On the forced-change page: a new password twice, then on. */
async function chooseNewPassword(page: Page, password: string) {
  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
  await main.getByLabel('New password', { exact: true }).fill(password);
  await main.getByLabel('New password again', { exact: true }).fill(password);
  await main.getByRole('button', { name: 'Save and continue' }).click();
  await main.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor({ state: 'detached' });
}

const chosen = `chosen-by-${run}-herself`;
const chosenAgain = `chosen-again-${run}-now`;

describe('the new user', () => {
  it('signs in in a fresh browser context, must choose a password of their own first, and is a reviewer', async () => {
    mine = await openPage(browser, baseUrl);
    expect(await mine.page.context().cookies()).toEqual([]);
    await signIn(mine.page, { email: fresh.email }, { password: fresh.password });
    await mine.page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    // Nothing else until then: another page shows the same request.
    await mine.page.goto(`${baseUrl}/?page=progress`);
    await mine.page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await chooseNewPassword(mine.page, chosen);
    expect(await mine.page.locator('.topbar .mode-badge').textContent()).toBe(`${fresh.name} · reviewer`);
    const nav = await mine.page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(nav).not.toContain('Users');
    expect(nav).not.toContain('Groups');
    // Their name in the top bar leads to their account page, where the password can be changed.
    await mine.page.locator('.topbar .mode-badge').click();
    await mine.page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await mine.page.getByRole('heading', { level: 2, name: 'Change password' }).waitFor();
  });
});

describe('the admin resets the password and deactivates the account', () => {
  const dialog = (page: Page) => page.getByRole('dialog');

  it('resets the password with a temporary one, shown once in a dialog', async () => {
    const { page } = w;
    await page.reload();
    await rowOf(page, fresh.email).getByRole('button', { name: `Reset password for ${fresh.email}` }).click();
    await dialog(page).getByRole('heading', { name: `Reset the password of ${fresh.email}` }).waitFor();
    await dialog(page).getByRole('button', { name: 'Make a temporary password' }).click();
    const temporary = (await dialog(page).getByTestId('temporary-password').textContent())!;
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await dialog(page).getByRole('button', { name: 'Done' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    expect(await rowOf(page, fresh.email).textContent()).toContain('Must choose a new password');
    expect(await page.getByText(temporary).count(), 'shown once').toBe(0);

    // The user was signed out; the temporary password leads to the forced change again.
    await mine.page.reload();
    await mine.page.locator('.topbar').getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await signIn(mine.page, { email: fresh.email }, { password: temporary });
    await chooseNewPassword(mine.page, chosenAgain);
    expect(await mine.page.locator('.topbar .mode-badge').textContent()).toBe(`${fresh.name} · reviewer`);
  });

  it('deactivates the account after asking: the user is signed out and refused, and the row says so', async () => {
    const { page } = w;
    await rowOf(page, fresh.email).getByRole('button', { name: `Deactivate ${fresh.email}` }).click();
    await dialog(page).getByRole('heading', { name: `Deactivate ${fresh.email}?` }).waitFor();
    expect(await dialog(page).textContent()).toContain('Their drills, progress and records are kept');
    await dialog(page).getByRole('button', { name: 'Deactivate', exact: true }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await expect.poll(() => rowOf(page, fresh.email).textContent()).toContain('Deactivated');

    await mine.page.reload();
    await mine.page.locator('.topbar').getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await expect(signIn(mine.page, { email: fresh.email }, { password: chosenAgain })).rejects.toThrow('This account is deactivated. Ask an administrator to reactivate it.');
  });

  it('refuses to deactivate the admin themselves: their own row offers no such button', async () => {
    const own = rowOf(w.page, ACCOUNTS.admin.email);
    expect(await own.getByRole('button').count()).toBe(0);
    expect(await own.textContent()).toContain('change your password on your account page');
  });

  it('reactivates it, and the user signs in again with their password', async () => {
    const { page } = w;
    await rowOf(page, fresh.email).getByRole('button', { name: `Reactivate ${fresh.email}` }).click();
    await dialog(page).getByRole('button', { name: 'Reactivate', exact: true }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await expect.poll(() => rowOf(page, fresh.email).textContent()).toContain('Active');
    await signIn(mine.page, { email: fresh.email }, { password: chosenAgain });
    expect(await mine.page.locator('.topbar .mode-badge').textContent()).toBe(`${fresh.name} · reviewer`);
  });

  it('asked for nothing outside 127.0.0.1 and threw no errors, in either context', async () => {
    expect([...w.external, ...mine.external]).toEqual([]);
    expect([...w.errors, ...mine.errors]).toEqual([]);
    await mine.page.context().close();
  });
});
