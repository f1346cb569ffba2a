/**
 * Sign-in limits through the route: failures only are counted, per client address across all emails,
 * per (email, address) pair, and per email for browsers that never signed in to it. An attacker cannot
 * try many accounts from one address, cannot mint addresses with X-Forwarded-For behind TRUST_PROXY,
 * and cannot lock an account's owner out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app';
import { DEVICE_COOKIE } from '../../src/server/auth/device-cookie';
import { DEFAULT_SIGN_IN_LIMITS } from '../../src/server/auth/sign-in-throttle';
import type { ServerConfig } from '../../src/server/config';
import { PASSWORD } from './support/app-client';
import { testConfig } from './support/test-config';

interface From {
  remoteAddress?: string;
  forwardedFor?: string;
  cookie?: string;
}

const signIn = (app: App, email: string, password: string, from: From = {}) =>
  app.server.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
    ...(from.remoteAddress && { remoteAddress: from.remoteAddress }),
    headers: { ...(from.forwardedFor && { 'x-forwarded-for': from.forwardedFor }), ...(from.cookie && { cookie: from.cookie }) },
  });

/** The device cookie a sign-in set, as a Cookie header. */
function deviceCookie(res: { headers: Record<string, unknown> }): string {
  const cookies = [res.headers['set-cookie']].flat().map(String);
  const device = cookies.find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
  if (!device) throw new Error(`no device cookie in ${cookies.join(' | ')}`);
  return device.split(';')[0]!;
}

async function appWith(extra: Partial<ServerConfig>): Promise<App> {
  const app = await createApp({ ...(await testConfig()), ...extra });
  for (const email of ['rosa@agency.test', 'tess@agency.test']) await app.users.create({ email, role: 'trainee', password: PASSWORD });
  return app;
}

describe('without a proxy', () => {
  let app: App;
  beforeAll(async () => {
    app = await appWith({});
  });
  afterAll(() => app?.close());

  it('never limits right passwords, however many, from one address', async () => {
    for (let i = 0; i < 15; i++) expect((await signIn(app, i % 2 ? 'rosa@agency.test' : 'tess@agency.test', PASSWORD)).statusCode).toBe(200);
  });

  it('limits 40 emails from one address: after the address budget, every sign-in from it waits', async () => {
    const from = { remoteAddress: '198.51.100.40' };
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await signIn(app, `guess${i}@agency.test`, 'Winter2024!', from)).statusCode);
    expect(statuses.slice(0, DEFAULT_SIGN_IN_LIMITS.addressFailures).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(DEFAULT_SIGN_IN_LIMITS.addressFailures).every((s) => s === 429)).toBe(true);
    const blocked = await signIn(app, 'tess@agency.test', PASSWORD, from);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ error: 'too_many_attempts', message: expect.stringMatching(/^Too many sign-in attempts\. Try again in \d+ s\.$/) });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
    // Another address is not affected.
    expect((await signIn(app, 'tess@agency.test', PASSWORD, { remoteAddress: '198.51.100.41' })).statusCode).toBe(200);
  });

  it("locks an attacker's address out of an account, while its owner signs in from her own", async () => {
    const attacker = { remoteAddress: '203.0.113.66' };
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.accountFailures; i++) expect((await signIn(app, 'rosa@agency.test', `guess-${i}`, attacker)).statusCode).toBe(401);
    const locked = await signIn(app, 'rosa@agency.test', PASSWORD, attacker);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBe(DEFAULT_SIGN_IN_LIMITS.lockMs / 1000);
    // The owner, from another address, during the attack: her right password works.
    expect((await signIn(app, 'rosa@agency.test', PASSWORD, { remoteAddress: '192.0.2.44' })).statusCode).toBe(200);
    // The attacker's address may still try other accounts (within its own budget).
    expect((await signIn(app, 'tess@agency.test', PASSWORD, attacker)).statusCode).toBe(200);
  });

  it('a sign-in leaves a device cookie: httpOnly, SameSite=Strict, sent to /api/auth only, sealed', async () => {
    const res = await signIn(app, 'tess@agency.test', PASSWORD, { remoteAddress: '192.0.2.50' });
    const cookie = [res.headers['set-cookie']].flat().map(String).find((c) => c.startsWith(`${DEVICE_COOKIE}=`))!;
    expect(cookie).toMatch(/; Path=\/api\/auth/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('tess');
  });
});

describe('behind a proxy (TRUST_PROXY), a rotating X-Forwarded-For mints no addresses', () => {
  const apps: Record<string, App> = {};
  beforeAll(async () => {
    const limits = { addressFailures: 8, accountLockdownFailures: 12 };
    apps.hops = await appWith({ trustProxy: 1, signInLimits: limits });
    apps.all = await appWith({ trustProxy: true, signInLimits: limits });
  });
  afterAll(async () => {
    for (const app of Object.values(apps)) await app.close();
  });

  // The client writes any X-Forwarded-For it likes; the proxy in front appends the address it saw.
  for (const [name, trust] of [['hops', 'TRUST_PROXY=1'], ['all', 'TRUST_PROXY=true']] as const) {
    it(`${trust}: the address the proxy saw is limited`, async () => {
      const app = apps[name]!;
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await signIn(app, `guess${i}@agency.test`, 'Winter2024!', { forwardedFor: `10.${i}.${i}.1, 203.0.113.77` })).statusCode);
      expect(statuses).toEqual([...Array(8).fill(401), ...Array(4).fill(429)]);
      // A client behind another address is not affected.
      expect((await signIn(app, 'tess@agency.test', PASSWORD, { forwardedFor: '10.0.0.1, 192.0.2.10' })).statusCode).toBe(200);
    });
  }

  it('addresses made up outright still cannot guess one account for long: only browsers that signed in to it before may try it', async () => {
    const app = apps.all!;
    // Rosa signed in from her laptop last week: it holds a device cookie.
    const laptop = deviceCookie(await signIn(app, 'rosa@agency.test', PASSWORD, { forwardedFor: '192.0.2.44' }));
    // An attacker that is trusted as the proxy (it reaches the server directly) writes a new address on every request.
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) statuses.push((await signIn(app, 'rosa@agency.test', `guess-${i}`, { forwardedFor: `10.${i}.7.${i}` })).statusCode);
    expect(statuses).toEqual([...Array(12).fill(401), ...Array(4).fill(429)]);
    // A new browser, even with the right password, waits; Rosa's laptop signs in.
    expect((await signIn(app, 'rosa@agency.test', PASSWORD, { forwardedFor: '10.99.0.1' })).statusCode).toBe(429);
    expect((await signIn(app, 'rosa@agency.test', PASSWORD, { forwardedFor: '192.0.2.45', cookie: laptop })).statusCode).toBe(200);
    // A device cookie of another account, or a forged one, is no pass.
    const tessLaptop = deviceCookie(await signIn(app, 'tess@agency.test', PASSWORD, { forwardedFor: '192.0.2.46' }));
    expect((await signIn(app, 'rosa@agency.test', PASSWORD, { forwardedFor: '192.0.2.46', cookie: tessLaptop })).statusCode).toBe(429);
    expect((await signIn(app, 'rosa@agency.test', PASSWORD, { forwardedFor: '192.0.2.47', cookie: `${DEVICE_COOKIE}=forged.token` })).statusCode).toBe(429);
  });
});
