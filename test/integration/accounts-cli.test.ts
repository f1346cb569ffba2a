/**
 * `twinspect user reset-password|set-password|deactivate|activate` on a temporary data folder, checked
 * against the server that then opens the same folder: what the command did is what the server enforces.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app';
import { main as cli } from '../../src/server/cli/main';
import { userCommand } from '../../src/server/cli/user-commands';
import { clientOf, PASSWORD } from './support/app-client';
import { testConfig } from './support/test-config';

let dataDir = '';

async function run(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await userCommand(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, Readable.from([stdin]) as NodeJS.ReadStream);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The server on the command's data folder, for as long as `use` runs (the command cannot open it meanwhile). */
async function withServer<T>(use: (app: App) => Promise<T>): Promise<T> {
  const app = await createApp({ ...(await testConfig()), dataDir });
  try {
    return await use(app);
  } finally {
    await app.close();
  }
}

const signIn = (app: App, email: string, password: string) =>
  app.server.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0]!;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'twinspect-cli-accounts-'));
  process.env.DATA_DIR = dataDir;
  for (const [email, role] of [['ada@agency.test', 'admin'], ['tess@agency.test', 'trainee']]) {
    expect((await run(['add', email!, '--role', role!, '--password-stdin'], PASSWORD)).code).toBe(0);
  }
});
afterAll(() => {
  delete process.env.DATA_DIR;
});

describe('twinspect user, managing accounts', () => {
  it('reset-password prints a temporary password that must be changed at the next sign-in, and ends the sessions', async () => {
    const cookie = await withServer(async (app) => cookieOf(await signIn(app, 'tess@agency.test', PASSWORD)));
    const res = await run(['reset-password', 'TESS@agency.test']);
    expect(res.code, res.err).toBe(0);
    const temporary = res.out.split('\n')[1]!;
    expect(res.out).toMatch(/^Temporary password for tess@agency\.test \(shown once; to be changed at the next sign-in\):\n[a-z2-9-]{19}$/);
    expect((await run(['list'])).out).toMatch(/^tess@agency\.test\ttrainee\ttess\t[\w-]+\tmust change password$/m);
    await withServer(async (app) => {
      expect((await clientOf(app, cookie).request('GET', '/api/progress')).status, 'the old session ended').toBe(401);
      expect((await signIn(app, 'tess@agency.test', PASSWORD)).statusCode).toBe(401);
      const tess = clientOf(app, cookieOf(await signIn(app, 'tess@agency.test', temporary)));
      expect((await tess.request('GET', '/api/progress')).json.error).toBe('password_change_required');
      expect((await tess.request('POST', '/api/account/password', { newPassword: PASSWORD })).status).toBe(200);
      expect((await tess.request('GET', '/api/progress')).status).toBe(200);
    });
  });

  it('reset-password --link prints a one-time link on the given address', async () => {
    const res = await run(['reset-password', 'tess@agency.test', '--link', '--base-url', 'https://twinspect.agency.test']);
    expect(res.code, res.err).toBe(0);
    const url = new URL(res.out.split('\n')[1]!);
    expect(url.origin + url.pathname + url.search).toBe('https://twinspect.agency.test/?page=reset-password');
    const token = url.hash.replace('#token=', '');
    await withServer(async (app) => {
      const used = await app.server.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token, password: 'tess-from-the-link' } });
      expect(used.statusCode, used.body).toBe(200);
      expect((await signIn(app, 'tess@agency.test', 'tess-from-the-link')).statusCode).toBe(200);
    });
    expect((await run(['reset-password', 'tess@agency.test', '--base-url', 'https://x.test'])).code, '--base-url without --link').toBe(2);
  });

  it('set-password reads the password from stdin, checks it, and can make it temporary', async () => {
    expect(await run(['set-password', 'tess@agency.test'], 'short\n')).toMatchObject({ code: 1, err: expect.stringContaining('at least 10 characters') });
    expect(await run(['set-password', 'tess@agency.test'], `${PASSWORD}\n`)).toMatchObject({ code: 0, out: 'Password of tess@agency.test set. Its sessions ended.' });
    expect((await run(['set-password', 'tess@agency.test', '--temporary'], 'hand-this-over-1\n')).out).toContain('must be changed at the next sign-in');
    await withServer(async (app) => {
      expect((await signIn(app, 'tess@agency.test', 'hand-this-over-1')).json().user.mustChangePassword).toBe(true);
    });
    expect(await run(['set-password', 'tess@agency.test'], `${PASSWORD}\n`)).toMatchObject({ code: 0 });
  });

  it('deactivate refuses sign-in and ends the sessions, keeping the account; activate lets it back', async () => {
    const cookie = await withServer(async (app) => cookieOf(await signIn(app, 'tess@agency.test', PASSWORD)));
    expect(await run(['deactivate', 'tess@agency.test'])).toMatchObject({ code: 0, out: expect.stringContaining('tess@agency.test is deactivated') });
    expect((await run(['deactivate', 'tess@agency.test'])).out).toBe('tess@agency.test was already deactivated.');
    expect((await run(['list'])).out).toMatch(/^tess@agency\.test\ttrainee\ttess\t[\w-]+\tdeactivated$/m);
    await withServer(async (app) => {
      expect((await clientOf(app, cookie).request('GET', '/api/progress')).status).toBe(401);
      const refused = await signIn(app, 'tess@agency.test', PASSWORD);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toBe('account_deactivated');
      expect(await app.users.byEmail('tess@agency.test')).toBeDefined();
    });
    expect(await run(['activate', 'tess@agency.test'])).toMatchObject({ code: 0, out: 'tess@agency.test can sign in again.' });
    await withServer(async (app) => expect((await signIn(app, 'tess@agency.test', PASSWORD)).statusCode).toBe(200));
  });

  it('refuses the last active admin, an unknown email and wrong usage, with words', async () => {
    expect(await run(['deactivate', 'ada@agency.test'])).toMatchObject({ code: 1, err: expect.stringContaining('only active admin') });
    expect(await run(['reset-password', 'nobody@agency.test'])).toMatchObject({ code: 1, err: expect.stringContaining('no account with the email nobody@agency.test') });
    expect(await run(['activate'])).toMatchObject({ code: 2, err: expect.stringContaining('user activate EMAIL') });
    expect((await run(['deactivate', 'ada@agency.test', 'extra'])).code).toBe(2);
    expect((await run(['set-password', 'ada@agency.test', '--bogus'])).code).toBe(2);
    const help: string[] = [];
    await cli(['--help'], { out: (t) => help.push(t), err: () => {} });
    for (const command of ['user reset-password EMAIL', 'user set-password EMAIL', 'user deactivate EMAIL', 'user activate EMAIL']) expect(help.join('\n')).toContain(command);
  });
});
