/**
 * An officer signs in with the agency's account (OpenID Connect) in Chromium, end to end: the app's
 * link, a real provider (oidc-provider with its development login and consent pages) on 127.0.0.1,
 * and back to the app signed in. Cancelling at the provider shows a refusal the officer can read.
 */
import { freePort } from '../support/free-port';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type RunningOidcProvider } from '../integration/support/oidc-provider';
import { startApp, type RunningApp } from './support/app-server';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';
import { SESSION_COOKIE } from './support/session';

const CLIENT = { clientId: 'twinspect-e2e', clientSecret: 'e2e-secret-that-is-long-enough-0123456789' };
const OFFICER = { sub: 'officer-7', email: 'officer7@agency.test', name: 'Officer Seven' };
/** The provider's development pages @import a web font from Google: the only request allowed to fail to leave. */
const PROVIDER_FONT = /^https:\/\/fonts\.googleapis\.com\//;


let provider: RunningOidcProvider;
let app: RunningApp;
let browser: Browser;
let callbackUrl: string;

beforeAll(async () => {
  const port = await freePort();
  callbackUrl = `http://127.0.0.1:${port}/api/auth/oidc/callback`;
  provider = await startOidcProvider({ ...CLIENT, redirectUris: [callbackUrl], accounts: [OFFICER] });
  app = await startApp({
    port,
    env: { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: CLIENT.clientId, OIDC_CLIENT_SECRET: CLIENT.clientSecret, OIDC_REDIRECT_URL: callbackUrl },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await provider?.close();
});

/** A fresh browser page (its own cookies) on the sign-in page, up to the provider's login form. */
async function toProviderLogin(): Promise<WatchedPage> {
  const w = await openPage(browser, `${app.baseUrl}/?page=sign-in`);
  const { page } = w;
  await page.getByRole('link', { name: 'Sign in with your agency account' }).click();
  await page.waitForURL((u) => u.origin === provider.issuer && u.pathname.startsWith('/interaction/'));
  await page.locator('input[name="login"]').waitFor();
  return w;
}

/** Only the provider's font import left 127.0.0.1, and nothing broke in the app's pages. */
function expectStayedHome(w: WatchedPage) {
  expect(w.external.filter((u) => !PROVIDER_FONT.test(u))).toEqual([]);
  expect(w.errors).toEqual([]);
}

describe('sign-in with the agency account (OpenID Connect)', () => {
  it('signs a new officer in through the provider and lands on the drill page as a trainee', async () => {
    const w = await toProviderLogin();
    const { page } = w;

    // The provider's development login: any password for a known `sub`.
    await page.locator('input[name="login"]').fill(OFFICER.sub);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();

    // Its consent page.
    const consent = page.getByRole('button', { name: 'Continue' });
    await consent.waitFor();
    const callback = page.waitForResponse((r) => r.url().startsWith(callbackUrl));
    await consent.click();
    expect((await callback).status(), 'the callback redirects back into the app').toBe(302);

    await page.waitForURL((u) => u.origin === app.baseUrl && u.pathname === '/' && u.searchParams.get('page') === 'drill');
    await expect.poll(() => page.locator('.mode-badge').textContent()).toBe('Officer Seven · trainee');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    const me = await page.evaluate(async () => {
      const res = await fetch('/api/auth/me', { headers: { accept: 'application/json' } });
      return { status: res.status, body: (await res.json()) as { user: { email: string; displayName: string; role: string } | null; oidc: boolean } };
    });
    expect(me.status).toBe(200);
    expect(me.body.oidc).toBe(true);
    expect(me.body.user).toMatchObject({ email: OFFICER.email, displayName: OFFICER.name, role: 'trainee' });

    const cookies = await page.context().cookies(app.baseUrl);
    const session = cookies.find((c) => c.name === SESSION_COOKIE);
    expect(session, 'a session cookie is set').toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe('Lax');
    expect(cookies.find((c) => c.name === 'twinspect_oidc'), 'the state cookie is used once').toBeUndefined();
    // Scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);

    expectStayedHome(w);
    await page.close();
  });

  it('shows a readable refusal when the officer cancels at the provider, and signs nobody in', async () => {
    const w = await toProviderLogin();
    const { page } = w;

    const callback = page.waitForResponse((r) => r.url().startsWith(callbackUrl));
    await page.getByRole('link', { name: '[ Cancel ]' }).click();
    const res = await callback;
    expect(res.status()).toBe(400);
    expect(new URL(res.url()).searchParams.get('error')).toBe('access_denied');
    expect(res.headers()['content-type']).toMatch(/^text\/html/);

    await page.getByRole('heading', { name: 'Sign-in failed' }).waitFor();
    await expect.poll(() => page.locator('body').textContent()).toMatch(/Sign-in with the agency account failed: .*access_denied/);
    const back = page.getByRole('link', { name: 'Back to Twinspect' });
    expect(await back.getAttribute('href')).toBe('/');

    const cookies = await page.context().cookies(app.baseUrl);
    expect(cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    const me = await page.evaluate(async () => (await (await fetch('/api/auth/me', { headers: { accept: 'application/json' } })).json()) as { user: unknown });
    expect(me.user).toBeNull();

    // Back in the app, still signed out, still offered the agency sign-in.
    await back.click();
    await page.waitForURL(`${app.baseUrl}/`);
    await page.goto(`${app.baseUrl}/?page=sign-in`);
    await page.getByRole('link', { name: 'Sign in with your agency account' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);

    expectStayedHome(w);
    await page.close();
  });
});
