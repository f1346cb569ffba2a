/**
 * Sign-in with OpenID Connect against a real provider (oidc-provider) on 127.0.0.1: the app listens for
 * real, and a small cookie-keeping fetch plays the browser through /start, the provider's login and
 * consent forms, and /callback.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { freePort } from '../support/free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app';
import { registerAccessControl } from '../../src/server/auth/access';
import { registerOidcRoutes, safeReturnTo } from '../../src/server/auth/oidc';
import { createSessionStore, SESSION_COOKIE } from '../../src/server/auth/session-store';
import type { ServerConfig } from '../../src/server/config';
import { writeFixturePack } from '../unit/server/fixture-pack';
import { startOidcProvider, type RunningOidcProvider } from './support/oidc-provider';

const CLIENT = { clientId: 'twinspect', clientSecret: 'test-secret-that-is-long-enough-0123456789' };
const ACCOUNTS = [
  { sub: 'officer-1', email: 'ana.lima@agency.example', name: 'Ana Lima' },
  { sub: 'officer-2', email: 'Local.User@agency.example', name: 'Has A Local Account' },
  { sub: 'officer-3', name: 'No Email' },
  { sub: 'officer-4', email: 'unverified@agency.example', emailVerified: false },
  { sub: 'officer-5', email: 'leaving@agency.example', name: 'About To Leave' },
];


/** A browser's cookie handling, enough for this flow: per host (ports share cookies, as in browsers), by path. */
class Browser {
  private cookies = new Map<string, { value: string; path: string }>();

  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const sent = [...this.cookies].filter(([, c]) => target.pathname.startsWith(c.path)).map(([name, c]) => `${name}=${c.value}`);
    if (sent.length) headers.set('cookie', sent.join('; '));
    const res = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) this.store(line);
    return res;
  }

  private store(line: string) {
    const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const attr = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const expires = attr('expires');
    const gone = value === '' || attr('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
    if (gone) this.cookies.delete(name);
    else this.cookies.set(name, { value, path: attr('path') ?? '/' });
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  setCookie(name: string, value: string, path = '/') {
    this.cookies.set(name, { value, path });
  }

  deleteCookie(name: string) {
    this.cookies.delete(name);
  }
}

describe('sign-in with OpenID Connect', () => {
  let provider: RunningOidcProvider;
  let app: App;
  let base: string;
  let callbackUrl: string;

  beforeAll(async () => {
    const appPort = await freePort();
    base = `http://127.0.0.1:${appPort}`;
    callbackUrl = `${base}/api/auth/oidc/callback`;
    provider = await startOidcProvider({ ...CLIENT, redirectUris: [callbackUrl], accounts: ACCOUNTS });
    const distDir = await mkdtemp(join(tmpdir(), 'twinspect-dist-'));
    await writeFile(join(distDir, 'index.html'), '<!doctype html><title>Twinspect</title>');
    const config: ServerConfig = {
      port: appPort,
      host: '127.0.0.1',
      dataDir: await mkdtemp(join(tmpdir(), 'twinspect-data-')),
      databaseUrl: undefined,
      contentDir: await writeFixturePack(),
      distDir,
      oidc: { issuer: provider.issuer, ...CLIENT, redirectUrl: callbackUrl, defaultRole: 'trainee' },
    };
    app = await createApp(config);
    await app.server.listen({ port: appPort, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await provider?.close();
  });

  /** /start, then the provider's forms, up to (not into) the redirect back to the app: its URL. */
  async function toCallback(browser: Browser, login: string, query = ''): Promise<URL> {
    const start = await browser.fetch(`${base}/api/auth/oidc/start${query}`);
    expect(start.status).toBe(302);
    return throughProvider(browser, new URL(start.headers.get('location')!), login);
  }

  async function throughProvider(browser: Browser, authorizeUrl: URL, login: string): Promise<URL> {
    let url = authorizeUrl;
    let init: RequestInit = {};
    for (let step = 0; step < 12; step++) {
      expect(url.origin, 'every request stays on this machine').toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      if (url.href.startsWith(callbackUrl)) return url;
      const res = await browser.fetch(url, init);
      init = {};
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get('location')!, url);
        continue;
      }
      const html = await res.text();
      expect(res.status, html).toBe(200);
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      expect(action, html).toBeDefined();
      const form: Record<string, string> = prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt: prompt ?? 'consent' };
      url = new URL(action!, url);
      init = { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    }
    throw new Error('the provider never sent the browser back');
  }

  async function me(browser: Browser) {
    return (await (await browser.fetch(`${base}/api/auth/me`)).json()) as { user: { id: string; email: string; displayName: string; role: string } | null; oidc: boolean };
  }

  const setsSession = (res: Response) => res.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`) && !/max-age=0|expires=thu, 01 jan 1970/i.test(c));

  it('sends the browser to the provider with PKCE S256, state, nonce and a sealed short-lived cookie', async () => {
    const browser = new Browser();
    const res = await browser.fetch(`${base}/api/auth/oidc/start`);
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin).toBe(provider.issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: CLIENT.clientId,
      redirect_uri: callbackUrl,
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(to.searchParams.get(p)).toMatch(/^[\w-]{22,}$/);
    const [cookie] = res.headers.getSetCookie().filter((c) => c.startsWith('twinspect_oidc='));
    expect(cookie).toMatch(/; Max-Age=600/);
    expect(cookie).toMatch(/; Path=\/api\/auth\/oidc\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    // Encrypted: the state and the PKCE verifier cannot be read from it.
    expect(cookie).not.toContain(to.searchParams.get('state'));
    expect((await me(browser)).oidc).toBe(true);
  });

  it('signs a new officer in, making a trainee account named after the provider', async () => {
    const browser = new Browser();
    const back = await browser.fetch(await toCallback(browser, 'officer-1'));
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/');
    expect(browser.cookie('twinspect_oidc'), 'the state cookie is used once').toBeUndefined();
    const { user } = await me(browser);
    expect(user).toMatchObject({ email: 'ana.lima@agency.example', displayName: 'Ana Lima', role: 'trainee' });
    const row = await app.users.byId(user!.id);
    expect(row).toMatchObject({ oidcIssuer: provider.issuer, oidcSubject: 'officer-1', passwordHash: null });
  });

  it('finds the same account at the next sign-in, and goes back to a same-site returnTo', async () => {
    const first = new Browser();
    await first.fetch(await toCallback(first, 'officer-1'));
    const second = new Browser();
    const back = await second.fetch(await toCallback(second, 'officer-1', `?returnTo=${encodeURIComponent('/progress?tab=groups')}`));
    expect(back.headers.get('location')).toBe('/progress?tab=groups');
    expect((await me(second)).user!.id).toBe((await me(first)).user!.id);
    expect((await app.users.list()).filter((u) => u.oidcSubject === 'officer-1')).toHaveLength(1);
  });

  it('ignores a returnTo that leaves the site', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'drill']) {
      const browser = new Browser();
      const back = await browser.fetch(await toCallback(browser, 'officer-1', `?returnTo=${encodeURIComponent(returnTo)}`));
      expect(back.headers.get('location'), returnTo).toBe('/');
    }
    expect(safeReturnTo('/study/test-tote#tells')).toBe('/study/test-tote#tells');
    expect(safeReturnTo(['/a', '/b'])).toBe('/');
  });

  it('refuses a callback without the state cookie, or with a forged one, and opens no session', async () => {
    for (const [label, cookie, reason] of [
      ['missing', undefined, /cookie is missing/],
      ['forged', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA', /cookie is not valid/],
    ] as const) {
      const browser = new Browser();
      const callback = await toCallback(browser, 'officer-1');
      if (cookie === undefined) browser.deleteCookie('twinspect_oidc');
      else browser.setCookie('twinspect_oidc', cookie, '/api/auth/oidc/');
      const res = await browser.fetch(callback);
      expect(res.status, label).toBe(400);
      const body = await res.json();
      expect(body.error).toBe('oidc_failed');
      expect(body.message).toMatch(reason);
      expect(setsSession(res)).toBe(false);
      expect((await me(browser)).user).toBeNull();
    }
  });

  it('refuses an answer to another sign-in than the one the cookie holds (state mismatch)', async () => {
    const browser = new Browser();
    const first = new URL((await browser.fetch(`${base}/api/auth/oidc/start`)).headers.get('location')!);
    await browser.fetch(`${base}/api/auth/oidc/start`); // replaces the cookie
    const res = await browser.fetch(await throughProvider(browser, first, 'officer-1'));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'oidc_failed', message: expect.stringMatching(/state/) });
    expect(setsSession(res)).toBe(false);
    expect(browser.cookie('twinspect_oidc'), 'cleared on failure too').toBeUndefined();
  });

  it('reports the provider refusing (the officer cancels at the login form)', async () => {
    const browser = new Browser();
    const start = await browser.fetch(`${base}/api/auth/oidc/start`);
    const login = await browser.fetch(start.headers.get('location')!);
    expect(login.status).toBe(303);
    const loginUrl = new URL(login.headers.get('location')!, provider.issuer);
    const page = await (await browser.fetch(loginUrl)).text();
    const abort = new URL(/href="([^"]*\/abort)"/.exec(page)![1]!, loginUrl);
    const callback = await throughProvider(browser, abort, 'officer-1');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const res = await browser.fetch(callback);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'oidc_failed', message: expect.stringContaining('access_denied') });
    expect((await me(browser)).user).toBeNull();
  });

  it('refuses (409) an email that a local account already uses, without linking or signing in', async () => {
    const local = await app.users.create({ email: 'local.user@agency.example', role: 'admin', password: 'a long local password 123' });
    const browser = new Browser();
    const res = await browser.fetch(await toCallback(browser, 'officer-2'));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'oidc_email_taken', message: expect.stringMatching(/administrator must link it/) });
    expect(setsSession(res)).toBe(false);
    expect((await me(browser)).user).toBeNull();
    expect(await app.users.byId(local.id)).toMatchObject({ oidcIssuer: null, oidcSubject: null, role: 'admin' });
  });

  it('has no password to change or reset, and a deactivated account cannot sign in with the agency account', async () => {
    const browser = new Browser();
    await browser.fetch(await toCallback(browser, 'officer-5'));
    const { user } = await me(browser);
    expect(user).toMatchObject({ email: 'leaving@agency.example' });
    const account = await (await browser.fetch(`${base}/api/account`)).json();
    expect(account).toMatchObject({ sso: true });
    const change = await browser.fetch(`${base}/api/account/password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ currentPassword: 'anything at all', newPassword: 'a new long password' }) });
    expect(change.status).toBe(409);
    expect((await change.json()).error).toBe('sso_account');

    const admin = await app.users.create({ email: 'oidc.admin@agency.example', role: 'admin', password: 'a long local password 123' });
    const signIn = await app.server.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: admin.email, password: 'a long local password 123' } });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const asAdmin = (url: string, body: object) => app.server.inject({ method: 'POST', url, payload: body, headers: { cookie } });
    expect((await asAdmin(`/api/users/${user!.id}/password-reset`, { method: 'temporary' })).json().error).toBe('sso_account');
    expect((await asAdmin(`/api/users/${user!.id}/deactivate`, {})).statusCode).toBe(200);
    expect((await me(browser)).user, 'the session ended').toBeNull();

    const again = new Browser();
    const res = await again.fetch(await toCallback(again, 'officer-5'));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'account_deactivated', message: expect.stringMatching(/deactivated/) });
    expect(setsSession(res)).toBe(false);
    expect((await me(again)).user).toBeNull();

    expect((await asAdmin(`/api/users/${user!.id}/activate`, {})).statusCode).toBe(200);
    const back = new Browser();
    expect((await back.fetch(await toCallback(back, 'officer-5'))).status).toBe(302);
    expect((await me(back)).user!.id).toBe(user!.id);
  });

  it('shows a browser a page rather than JSON', async () => {
    const browser = new Browser();
    const callback = await toCallback(browser, 'officer-2');
    const res = await browser.fetch(callback, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('An administrator must link it');
  });

  it('refuses a provider that gives no email, or an unverified one', async () => {
    for (const [sub, error, message] of [
      ['officer-3', 'oidc_no_email', /gave no email address/],
      ['officer-4', 'oidc_email_unverified', /not verified/],
    ] as const) {
      const browser = new Browser();
      const res = await browser.fetch(await toCallback(browser, sub));
      expect(res.status, sub).toBe(400);
      expect(await res.json()).toMatchObject({ error, message: expect.stringMatching(message) });
      expect((await me(browser)).user).toBeNull();
    }
    expect((await app.users.list()).filter((u) => u.oidcSubject === 'officer-3' || u.oidcSubject === 'officer-4')).toEqual([]);
  });

  it('answers 502 while the provider is down, discovers it once it is up, and derives the callback from the host', async () => {
    const port = await freePort();
    const issuer = `http://127.0.0.1:${port}`;
    const server = Fastify();
    const sessions = createSessionStore(app.database.db);
    await server.register(fastifyCookie);
    registerAccessControl(server, sessions);
    await registerOidcRoutes(server, { users: app.users, sessions, config: { issuer, ...CLIENT, redirectUrl: undefined, defaultRole: 'trainee' } });
    try {
      const down = await server.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(down.statusCode).toBe(502);
      expect(down.json()).toMatchObject({ error: 'oidc_unavailable', message: expect.stringContaining(issuer) });
      const late = await startOidcProvider({ ...CLIENT, redirectUris: [callbackUrl], accounts: ACCOUNTS, port });
      try {
        const up = await server.inject({ method: 'GET', url: '/api/auth/oidc/start', headers: { host: 'twinspect.test:8443' } });
        expect(up.statusCode).toBe(302);
        const to = new URL(String(up.headers.location));
        expect(to.origin).toBe(issuer);
        // With no OIDC_REDIRECT_URL the callback is on the host the browser used.
        expect(to.searchParams.get('redirect_uri')).toBe('http://twinspect.test:8443/api/auth/oidc/callback');
      } finally {
        await late.close();
      }
    } finally {
      await server.close();
    }
  });
});
