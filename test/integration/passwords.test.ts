/**
 * New passwords follow NIST SP 800-63B wherever an account is made: an admin's POST /api/users and
 * `twinspect user add` refuse a common or breached password, a blank one, and one built on the
 * account's own email or name, each with its code and a reason, and store nothing.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app';
import { userCommand } from '../../src/server/cli/user-commands';
import { signedIn, type Client } from './support/app-client';
import { testConfig } from './support/test-config';

const REFUSED: [string, string][] = [
  ['password12', 'password_common'],
  ['1234567890', 'password_common'],
  [' '.repeat(10), 'password_blank'],
  ['Password2024!', 'password_common'],
  ['aaaaaaaaaaaa', 'password_common'],
  ['newbie.one-2024', 'password_context'],
  ['twinspect123', 'password_context'],
];

describe('POST /api/users', () => {
  let app: App;
  let admin: Client;
  beforeAll(async () => {
    app = await createApp(await testConfig());
    admin = await signedIn(app, 'ada@agency.test', 'admin');
  });
  afterAll(() => app?.close());

  it('refuses common, breached, blank and self-made passwords with a code, at the password field, storing nothing', async () => {
    for (const [password, code] of REFUSED) {
      const res = await admin.request('POST', '/api/users', { email: 'newbie.one@agency.test', displayName: 'Newbie One', role: 'trainee', password });
      expect(res.status, JSON.stringify(password)).toBe(400);
      expect(res.json.error, JSON.stringify(password)).toBe(code);
      expect(res.json.issues).toEqual([{ path: 'body.password', message: expect.stringMatching(/^password /) }]);
    }
    expect(await app.users.byEmail('newbie.one@agency.test')).toBeUndefined();
  });

  it('names why: the list of commonly used or breached passwords', async () => {
    const res = await admin.request('POST', '/api/users', { email: 'newbie.two@agency.test', role: 'trainee', password: 'password12' });
    expect(res.json.message).toBe('body.password: password is on a list of commonly used or breached passwords: choose another');
  });

  it('still refuses a short password with the field issue, and accepts a good one', async () => {
    const short = await admin.request('POST', '/api/users', { email: 'newbie.three@agency.test', role: 'trainee', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.json.issues.map((i: { path: string }) => i.path)).toContain('body.password');
    const ok = await admin.request('POST', '/api/users', { email: 'newbie.three@agency.test', role: 'trainee', password: 'tram seven to the harbour' });
    expect(ok.status, ok.text).toBe(201);
  });

  it('the user store refuses them too (every way an account is made goes through it)', async () => {
    await expect(app.users.create({ email: 'direct@agency.test', role: 'trainee', password: '1234567890' })).rejects.toMatchObject({ code: 'password_common' });
  });
});

describe('twinspect user add', () => {
  const run = async (args: string[], stdin: string) => {
    const err: string[] = [];
    const code = await userCommand(args, { out: () => {}, err: (t) => err.push(t) }, Readable.from([stdin]) as NodeJS.ReadStream);
    return { code, err: err.join('\n') };
  };
  beforeAll(async () => {
    process.env.DATA_DIR = await mkdtemp(join(tmpdir(), 'twinspect-cli-pw-'));
  });
  afterAll(() => {
    delete process.env.DATA_DIR;
  });

  it('refuses a common password, ten spaces and one made of the email, saying why', async () => {
    expect(await run(['add', 'bob@agency.test', '--role', 'trainee', '--password-stdin'], 'password12\n')).toEqual({ code: 1, err: 'twinspect: password is on a list of commonly used or breached passwords: choose another' });
    expect((await run(['add', 'bob@agency.test', '--role', 'trainee', '--password-stdin'], `${' '.repeat(10)}\n`)).err).toMatch(/password is only spaces/);
    expect((await run(['add', 'roberta.smith@agency.test', '--role', 'trainee', '--password-stdin'], 'roberta.smith1\n')).err).toMatch(/too close to the email address/);
    expect((await run(['add', 'bob@agency.test', '--role', 'trainee', '--password-stdin'], 'tram seven to the harbour\n')).code).toBe(0);
  });
});
