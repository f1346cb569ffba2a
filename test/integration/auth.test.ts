/** Local accounts: the session cookie, sign-out, stored hashes, and the `twinspect user` command (sign-in limits: sign-in-limits.test.ts). */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app';
import type { ServerConfig } from '../../src/server/config';
import { main as cli } from '../../src/server/cli/main';
import { writeFixturePack } from '../unit/server/fixture-pack';
import { clientOf, PASSWORD, signedIn } from './support/app-client';

async function config(): Promise<ServerConfig> {
  const tmp = (name: string) => mkdtemp(join(tmpdir(), `twinspect-${name}-`));
  return { port: 0, host: '127.0.0.1', dataDir: await tmp('data'), databaseUrl: undefined, contentDir: await writeFixturePack(), distDir: await tmp('dist') };
}

const signIn = (app: App, email: string, password: string) =>
  app.server.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });

describe('signing in with a local account', () => {
  let app: App;
  beforeAll(async () => {
    app = await createApp(await config());
    await app.users.create({ email: 'Tess@Agency.test', role: 'trainee', password: PASSWORD, displayName: 'Tess' });
  });
  afterAll(() => app?.close());

  it('sets an httpOnly, SameSite session cookie and knows who is signed in', async () => {
    const res = await signIn(app, 'tess@agency.test', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^twinspect_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    const me = await clientOf(app, cookie.split(';')[0]).request('GET', '/api/auth/me');
    expect(me.json.user).toMatchObject({ email: 'tess@agency.test', role: 'trainee', displayName: 'Tess' });
    expect(JSON.stringify(me.json)).not.toMatch(/scrypt|password/i);
  });

  it('says the same for a wrong password and an unknown email', async () => {
    const wrong = await signIn(app, 'tess@agency.test', 'not-the-password');
    const unknown = await signIn(app, 'nobody@agency.test', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('names the field that is missing', async () => {
    const res = await app.server.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'tess@agency.test' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('body.password');
  });

  it('ends the session on sign-out: the old cookie no longer works', async () => {
    const tess = await signedIn(app, 'tess@agency.test', 'trainee');
    expect((await tess.request('GET', '/api/progress')).status).toBe(200);
    expect((await tess.request('POST', '/api/auth/sign-out', {})).status).toBe(200);
    expect((await tess.request('GET', '/api/progress')).status).toBe(401);
  });

  it('stores a scrypt hash, never the password', async () => {
    const row = await app.users.byEmail('tess@agency.test');
    expect(row!.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row!.passwordHash).not.toContain(PASSWORD);
  });
});

describe('the twinspect user command', () => {
  const run = async (args: string[], stdin = '') => {
    const out: string[] = [];
    const err: string[] = [];
    const { userCommand } = await import('../../src/server/cli/user-commands');
    const code = await userCommand(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, Readable.from([stdin]) as NodeJS.ReadStream);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'twinspect-cli-'));
    process.env.DATA_DIR = dataDir;
  });
  afterAll(() => {
    delete process.env.DATA_DIR;
  });

  it('adds, lists and changes the role of accounts', async () => {
    expect(await run(['add', 'ada@agency.test', '--role', 'admin', '--password-stdin', '--account', 'EMP-0042'], `${PASSWORD}\n`)).toMatchObject({ code: 0, out: 'Added ada@agency.test (admin).' });
    expect((await run(['list'])).out).toMatch(/^ada@agency\.test\tadmin\tada\tEMP-0042$/m);
    expect(await run(['role', 'ada@agency.test', 'instructor'])).toMatchObject({ code: 0, out: 'ada@agency.test is now instructor.' });
  });

  it('refuses bad input with a message that names it', async () => {
    expect(await run(['add', 'bob@agency.test', '--role', 'boss', '--password-stdin'], PASSWORD)).toMatchObject({ code: 2, err: expect.stringContaining("--role must be one of trainee, examiner, instructor, author, reviewer, admin, got 'boss'") });
    expect(await run(['add', 'bob@agency.test', '--role', 'trainee', '--password-stdin'], 'short')).toMatchObject({ code: 1, err: expect.stringContaining('at least 10 characters') });
    expect(await run(['add', 'ada@agency.test', '--role', 'trainee', '--password-stdin'], PASSWORD)).toMatchObject({ code: 1, err: expect.stringContaining('already exists') });
    expect(await run(['role', 'nobody@agency.test', 'admin'])).toMatchObject({ code: 1, err: expect.stringContaining('no account with the email') });
    expect((await cli(['user'], { out: () => {}, err: () => {} }))).toBe(2);
  });

  it('will not open the embedded database while a server has it', async () => {
    const app = await createApp({ ...(await config()), dataDir });
    try {
      const res = await run(['list']);
      expect(res.code).toBe(1);
      expect(res.err).toMatch(/in use by another Twinspect process .*stop it first/);
    } finally {
      await app.close();
    }
    expect((await run(['list'])).code).toBe(0);
  });
});
