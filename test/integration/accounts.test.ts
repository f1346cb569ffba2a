/**
 * Managing accounts on the real server (listening, with its database and live rooms): changing one's
 * own password, an admin's reset (a temporary password that must be changed before anything else, or
 * a one-time link), and deactivation (no sign-in, sessions and live connections ended, records kept).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillQuestion } from '../../src/domain/drill';
import { PASSWORD_CHANGE_LIMIT } from '../../src/server/http/account-routes';
import { clientOf, PASSWORD, signedIn, type Client } from './support/app-client';
import { startLiveApp, type LiveApp } from './support/live-app';

let live: LiveApp;
let admin: Client;

beforeAll(async () => {
  live = await startLiveApp();
  admin = await signedIn(live.app, 'ada@agency.test', 'admin');
});
afterAll(() => live?.close());

const signIn = (email: string, password: string) =>
  live.app.server.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });

/** Signs in with `password` and returns the client with its cookie (the sign-in must succeed). */
async function session(email: string, password: string): Promise<Client> {
  const res = await signIn(email, password);
  expect(res.statusCode, res.body).toBe(200);
  return clientOf(live.app, String(res.headers['set-cookie']).split(';')[0]);
}

const idOf = async (email: string) => (await live.app.users.byEmail(email))!.id;

describe('changing your own password', () => {
  it('needs the current password; then the old one fails, the new one works, and only the other sessions end', async () => {
    const here = await signedIn(live.app, 'carl@agency.test', 'trainee');
    const elsewhere = await session('carl@agency.test', PASSWORD);

    const wrong = await here.request('POST', '/api/account/password', { currentPassword: 'not-my-password', newPassword: 'a new long password' });
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({ error: 'wrong_password', issues: [{ path: 'body.currentPassword' }] });
    const missing = await here.request('POST', '/api/account/password', { newPassword: 'a new long password' });
    expect(missing.json.error).toBe('wrong_password');
    const weak = await here.request('POST', '/api/account/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.json).toMatchObject({ error: 'weak_password', issues: [{ path: 'body.newPassword', message: expect.stringMatching(/at least 10/) }] });
    const same = await here.request('POST', '/api/account/password', { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.json.error).toBe('same_password');
    expect((await elsewhere.request('GET', '/api/progress')).status, 'refusals change nothing').toBe(200);

    const done = await here.request('POST', '/api/account/password', { currentPassword: PASSWORD, newPassword: 'carl-chose-this-one' });
    expect(done.status, done.text).toBe(200);
    expect(done.json.user).toMatchObject({ email: 'carl@agency.test', role: 'trainee' });
    expect(done.json.user.mustChangePassword).toBeUndefined();

    expect((await signIn('carl@agency.test', PASSWORD)).statusCode).toBe(401);
    expect((await signIn('carl@agency.test', 'carl-chose-this-one')).statusCode).toBe(200);
    expect((await here.request('GET', '/api/progress')).status, 'the session that changed it stays').toBe(200);
    expect((await elsewhere.request('GET', '/api/progress')).status, 'the other session ended').toBe(401);
  });

  it('rate-limits attempts at the current password', async () => {
    const rosa = await signedIn(live.app, 'rosa@agency.test', 'trainee');
    for (let i = 0; i < PASSWORD_CHANGE_LIMIT.max; i++) {
      expect((await rosa.request('POST', '/api/account/password', { currentPassword: `guess-${i}-guess`, newPassword: 'a new long password' })).status).toBe(400);
    }
    const blocked = await rosa.request('POST', '/api/account/password', { currentPassword: PASSWORD, newPassword: 'a new long password' });
    expect(blocked.status).toBe(429);
    expect(blocked.json.error).toBe('too_many_attempts');
  });

  it('says what the account is, without its hash', async () => {
    const carl = await signedIn(live.app, 'dora@agency.test', 'examiner');
    const me = await carl.request('GET', '/api/account');
    expect(me.json).toMatchObject({ email: 'dora@agency.test', role: 'examiner', sso: false, mustChangePassword: false });
    expect(me.text).not.toMatch(/scrypt|hash/i);
  });
});

describe('an account the admin adds on the Users page', () => {
  it('signs in with the temporary password, can do nothing but choose a new one, then works as its role', async () => {
    const made = await admin.request('POST', '/api/users', { email: 'nina@agency.test', role: 'instructor', password: 'given-by-the-admin', displayName: 'Nina' });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ active: true, mustChangePassword: true });

    const res = await signIn('nina@agency.test', 'given-by-the-admin');
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email: 'nina@agency.test', mustChangePassword: true });
    const nina = clientOf(live.app, String(res.headers['set-cookie']).split(';')[0]);
    expect((await nina.request('GET', '/api/auth/me')).json.user.mustChangePassword).toBe(true);

    for (const [method, url, body] of [['GET', '/api/groups'], ['POST', '/api/groups', { name: 'Too early' }], ['GET', '/api/progress'], ['POST', '/api/live-sessions', {}]] as const) {
      const refused = await nina.request(method, url, body);
      expect(refused.status, `${method} ${url}`).toBe(403);
      expect(refused.json.error).toBe('password_change_required');
    }
    // On a route open to guests the session counts for nothing: a drill is a guest's, stored for no one.
    const drill = await nina.request('POST', '/api/drills', { kind: 'verdict' });
    expect(drill.status).toBe(200);
    expect((drill.json as DrillQuestion & { sealed?: string }).sealed).toBeDefined();

    // Forced: the temporary password need not be typed again; the new one must differ from it.
    const same = await nina.request('POST', '/api/account/password', { newPassword: 'given-by-the-admin' });
    expect(same.json.error).toBe('same_password');
    const changed = await nina.request('POST', '/api/account/password', { newPassword: 'nina-own-password' });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json.user.mustChangePassword).toBeUndefined();
    expect((await nina.request('GET', '/api/groups')).status).toBe(200);
    expect((await signIn('nina@agency.test', 'given-by-the-admin')).statusCode).toBe(401);
  });
});

describe('the admin resets a password', () => {
  it('with a temporary password shown once: sessions end, and the next sign-in must change it first', async () => {
    const tom = await signedIn(live.app, 'tom@agency.test', 'trainee');
    const res = await admin.request('POST', `/api/users/${await idOf('tom@agency.test')}/password-reset`, { method: 'temporary' });
    expect(res.status, res.text).toBe(200);
    const temporary = res.json.temporaryPassword as string;
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(res.headers['cache-control'], 'kept in no cache').toBe('no-store');
    expect(res.json.user).toMatchObject({ email: 'tom@agency.test', mustChangePassword: true });
    expect((await tom.request('GET', '/api/progress')).status, 'his sessions ended').toBe(401);
    expect((await signIn('tom@agency.test', PASSWORD)).statusCode).toBe(401);

    const again = await session('tom@agency.test', temporary);
    expect((await again.request('GET', '/api/progress')).json.error).toBe('password_change_required');
    expect((await again.request('POST', '/api/account/password', { newPassword: 'tom-picked-a-new-one' })).status).toBe(200);
    expect((await again.request('GET', '/api/progress')).status).toBe(200);
    // Shown once: nothing the admin can read gives it again.
    expect((await admin.request('GET', '/api/users')).text).not.toContain(temporary);
  });

  it('with a one-time link: the token is stored hashed, works once, before it expires, and ends every session', async () => {
    const uma = await signedIn(live.app, 'uma@agency.test', 'author');
    const res = await admin.request('POST', `/api/users/${await idOf('uma@agency.test')}/password-reset`, { method: 'link' });
    expect(res.status, res.text).toBe(200);
    const link = new URL(res.json.link, live.baseUrl);
    expect(link.searchParams.get('page')).toBe('reset-password');
    const token = /^#token=([\w-]+)$/.exec(link.hash)![1]!;
    expect(Date.parse(res.json.expiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    const stored = await live.app.database.db.execute(sql`SELECT token_hash FROM password_reset_links`);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await uma.request('GET', '/api/studio/products')).status, 'a link alone ends nothing').toBe(200);

    const reset = (password: string, t = token) => live.app.server.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token: t, password } });
    const weak = await reset('short');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().issues[0].path).toBe('body.password');
    expect((await reset('uma-set-this-herself')).statusCode, 'a refused password leaves the link usable').toBe(200);
    expect((await reset('uma-set-it-again-now')).json()).toMatchObject({ error: 'reset_link_invalid' });
    expect((await reset('uma-tries-a-made-up', 'x'.repeat(43))).statusCode).toBe(400);
    expect((await uma.request('GET', '/api/studio/products')).status).toBe(401);
    expect((await signIn('uma@agency.test', 'uma-set-this-herself')).statusCode).toBe(200);

    // An expired link is refused too.
    const old = await admin.request('POST', `/api/users/${await idOf('uma@agency.test')}/password-reset`, { method: 'link' });
    await live.app.database.db.execute(sql`UPDATE password_reset_links SET expires_at = now() - interval '1 minute'`);
    const expired = await reset('uma-too-late-password', /#token=([\w-]+)$/.exec(old.json.link)![1]);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error).toBe('reset_link_invalid');
  });

  it('refuses your own account and an agency (single sign-on) account', async () => {
    const own = await admin.request('POST', `/api/users/${await idOf('ada@agency.test')}/password-reset`, { method: 'temporary' });
    expect(own.status).toBe(409);
    expect(own.json.error).toBe('own_password');
    const sso = await live.app.users.create({ email: 'sso@agency.test', role: 'trainee', oidc: { issuer: 'https://id.agency.test', subject: 'sso-1' } });
    const res = await admin.request('POST', `/api/users/${sso.id}/password-reset`, { method: 'link' });
    expect(res.status).toBe(409);
    expect(res.json.error).toBe('sso_account');
    expect((await admin.request('POST', '/api/users/no-such-id/password-reset', { method: 'link' })).status).toBe(404);
    expect((await admin.request('POST', `/api/users/${sso.id}/password-reset`, { method: 'email' })).status).toBe(400);
  });
});

describe('deactivating an account', () => {
  it('refuses its sign-in and its open sessions and live connection, keeps its records, and reactivates', async () => {
    const ines = await signedIn(live.app, 'ines@agency.test', 'instructor');
    const tess = await signedIn(live.app, 'tess@agency.test', 'trainee');
    const group = (await ines.request('POST', '/api/groups', { name: 'Night shift' })).json;
    await ines.request('POST', `/api/groups/${group.id}/members`, { email: 'tess@agency.test' });
    const q = (await tess.request('POST', '/api/drills', { kind: 'verdict' })).json as DrillQuestion;
    expect((await tess.request('POST', `/api/drills/${q.id}/answer`, { answer: { kind: 'verdict', verdict: 'genuine', confidence: 0.6 } })).status).toBe(200);
    const { id: sessionId, code } = await live.newSession(ines);
    await live.admit(tess, code);
    const seat = await live.enter(tess, sessionId);
    const closed = new Promise<number>((resolve) => seat.room.onLeave((c) => resolve(c)));

    const tessId = await idOf('tess@agency.test');
    const res = await admin.request('POST', `/api/users/${tessId}/deactivate`, {});
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ email: 'tess@agency.test', active: false });
    expect(res.json.deactivatedAt).toEqual(expect.any(String));

    expect(await closed, 'her live connection is closed').toBe(4401);
    expect((await tess.request('GET', '/api/progress')).status).toBe(401);
    expect((await tess.request('GET', '/api/auth/me')).json.user).toBeNull();
    const refused = await signIn('tess@agency.test', PASSWORD);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('account_deactivated');
    expect(refused.headers['set-cookie']).toBeUndefined();
    // A wrong password says nothing about the account.
    expect((await signIn('tess@agency.test', 'not-her-password')).json().error).toBe('bad_credentials');
    await expect(live.enter(tess, sessionId)).rejects.toThrow();

    // Her records stay, for her instructor to read; she is no longer offered as a new group member.
    const progress = await ines.request('GET', `/api/groups/${group.id}/progress`);
    expect(progress.json.trainees).toEqual([expect.objectContaining({ userId: tessId, attempts: 1 })]);
    expect((await ines.request('GET', '/api/trainees')).json.map((u: { email: string }) => u.email)).not.toContain('tess@agency.test');
    const users = (await admin.request('GET', '/api/users')).json as { email: string; active: boolean }[];
    expect(users.find((u) => u.email === 'tess@agency.test')).toMatchObject({ active: false });

    const back = await admin.request('POST', `/api/users/${tessId}/activate`, {});
    expect(back.json).toMatchObject({ active: true, deactivatedAt: null });
    const again = await session('tess@agency.test', PASSWORD);
    expect((await again.request('GET', '/api/progress')).json.attempts).toBe(1);
  });

  it("drops the account's reset links when it is deactivated", async () => {
    await signedIn(live.app, 'vera@agency.test', 'trainee');
    const id = await idOf('vera@agency.test');
    const link = (await admin.request('POST', `/api/users/${id}/password-reset`, { method: 'link' })).json.link as string;
    await admin.request('POST', `/api/users/${id}/deactivate`, {});
    const res = await live.app.server.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token: link.split('#token=')[1], password: 'vera-wants-back-in' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('reset_link_invalid');
  });

  it('refuses to deactivate yourself or the last active admin, and counts only active admins', async () => {
    const self = await admin.request('POST', `/api/users/${await idOf('ada@agency.test')}/deactivate`, {});
    expect(self.status).toBe(409);
    expect(self.json.error).toBe('self_deactivation');

    const bob = await signedIn(live.app, 'bob@agency.test', 'admin');
    const adaId = await idOf('ada@agency.test');
    const bobId = await idOf('bob@agency.test');
    expect((await bob.request('POST', `/api/users/${adaId}/deactivate`, {})).status).toBe(200);
    // Bob is now the only active admin: no one may deactivate or demote him.
    const last = await live.app.users.create({ email: 'zed@agency.test', role: 'admin', password: PASSWORD });
    await live.app.users.setDeactivated(last.id, new Date());
    expect((await live.app.users.activeAdmins())).toBe(1);
    expect((await bob.request('POST', `/api/users/${bobId}/deactivate`, {})).json.error).toBe('self_deactivation');
    const demote = await bob.request('PATCH', `/api/users/${bobId}`, { role: 'trainee' });
    expect(demote.json.error).toBe('last_admin');
    expect((await admin.request('GET', '/api/users')).status, "ada's session ended").toBe(401);

    expect((await bob.request('POST', `/api/users/${adaId}/activate`, {})).status).toBe(200);
    admin = await signedIn(live.app, 'ada@agency.test', 'admin');
    expect((await admin.request('POST', `/api/users/${bobId}/deactivate`, {})).status).toBe(200);
    expect((await admin.request('POST', `/api/users/${bobId}/activate`, {})).status).toBe(200);
  });

  it('refuses the last active admin by the account rules, whoever asks', async () => {
    const { createAccounts, AccountError } = await import('../../src/server/auth/accounts');
    const { createSessionStore } = await import('../../src/server/auth/session-store');
    const { createResetLinks } = await import('../../src/server/auth/reset-links');
    const db = live.app.database.db;
    const accounts = createAccounts({ users: live.app.users, sessions: createSessionStore(db), links: createResetLinks(db) });
    await accounts.deactivate((await live.app.users.byEmail('bob@agency.test'))!);
    const err = await accounts.deactivate((await live.app.users.byEmail('ada@agency.test'))!).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AccountError);
    expect((err as InstanceType<typeof AccountError>).code).toBe('last_admin');
    await accounts.activate((await live.app.users.byEmail('bob@agency.test'))!);
  });
});
