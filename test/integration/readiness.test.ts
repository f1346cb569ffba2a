/**
 * Operations: /readyz checks the database with a real query and Redis with PING (a real redis-server,
 * stopped mid-test), and says 503 once a shutdown begins; the real server in production logs one JSON
 * object per line, with no cookie, authorization header or password in it.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app';
import { freePort } from '../support/free-port';
import { addAccount, startServerProcess, type ServerProcess } from '../support/server-process';
import { PASSWORD } from './support/app-client';
import { testConfig } from './support/test-config';
import { SKIP_POSTGRES } from './support/postgres';
import { findRedisServer, NO_REDIS_MESSAGE, startRedis, type TestRedis } from './support/redis';

const scratch: string[] = [];
afterAll(() => Promise.all(scratch.map((d) => rm(d, { recursive: true, force: true }))));

describe('/readyz', () => {
  it('answers 200 with the database check, keeps /healthz as it was, and says 503 once a shutdown begins', async () => {
    const config = await testConfig();
    scratch.push(config.dataDir);
    const app = await createApp(config);
    try {
      const ready = await app.server.inject('/readyz');
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({ status: 'ready', failing: [], checks: { database: { status: 'ok' } } });
      expect(ready.json().checks.database.latencyMs).toBeTypeOf('number');
      expect(ready.json().checks).not.toHaveProperty('redis');
      expect((await app.server.inject('/healthz')).json()).toEqual({ status: 'ok', database: 'pglite' });
      app.stopAccepting();
      const stopping = await app.server.inject('/readyz');
      expect(stopping.statusCode).toBe(503);
      expect(stopping.json()).toMatchObject({ status: 'shutting-down', failing: ['shutdown'] });
      // Liveness is not readiness: the process is still up.
      expect((await app.server.inject('/healthz')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('answers 503 naming the database when it cannot be queried', async () => {
    const config = await testConfig();
    scratch.push(config.dataDir);
    const app: App = await createApp(config);
    try {
      const real = app.database.db.execute.bind(app.database.db);
      (app.database.db as { execute: unknown }).execute = () => Promise.reject(new Error('database gone'));
      const res = await app.server.inject('/readyz');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'not-ready', failing: ['database'], checks: { database: { status: 'failing', error: 'database gone' } } });
      (app.database.db as { execute: unknown }).execute = real;
    } finally {
      await app.close();
    }
  });

  const withRedis = SKIP_POSTGRES ? it.skip : it;
  withRedis('checks Redis with PING when REDIS_URL is set: 503 naming redis once it stops', async () => {
    if (!findRedisServer()) throw new Error(NO_REDIS_MESSAGE);
    const redis: TestRedis = await startRedis();
    const config = { ...(await testConfig()), redisUrl: redis.url };
    scratch.push(config.dataDir);
    const app = await createApp(config);
    try {
      const up = await app.server.inject('/readyz');
      expect(up.statusCode).toBe(200);
      expect(up.json()).toMatchObject({ failing: [], checks: { database: { status: 'ok' }, redis: { status: 'ok' } } });
      await redis.stop();
      const down = await app.server.inject('/readyz');
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ status: 'not-ready', failing: ['redis'], checks: { database: { status: 'ok' }, redis: { status: 'failing' } } });
      expect(down.json().checks.redis.error).toMatch(/ECONNREFUSED|closed/);
    } finally {
      await app.close();
      await redis.stop();
    }
  });
});

describe('logs', () => {
  let server: ServerProcess | undefined;
  afterAll(() => server?.stop());

  it('are one JSON object per line in production: a line per request, and no secrets', async () => {
    const config = await testConfig();
    scratch.push(config.dataDir);
    const env = { DATA_DIR: config.dataDir, CONTENT_DIR: config.contentDir, DIST_DIR: join(config.dataDir, 'no-dist') };
    await addAccount(env, { email: 'ada@agency.test', role: 'admin', name: 'Ada' }, PASSWORD);
    server = await startServerProcess({ ...env, NODE_ENV: 'production', LOG_LEVEL: 'info' }, await freePort());
    const cookie = 'twinspect_session=cookie-value-that-must-not-be-logged';
    const authorization = 'Bearer authorization-value-that-must-not-be-logged';
    expect((await fetch(`${server.baseUrl}/api/catalogue?code=oidc-code-not-logged`, { headers: { cookie, authorization } })).status).toBe(200);
    const signIn = await fetch(`${server.baseUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ada@agency.test', password: PASSWORD }) });
    expect(signIn.status).toBe(200);
    const session = signIn.headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!;
    await fetch(`${server.baseUrl}/healthz`);
    await expect.poll(() => server!.output()).toMatch(/"url":"\/api\/auth\/sign-in"/);

    const lines = server.output().split('\n').filter(Boolean);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of parsed) expect(line).toMatchObject({ level: expect.any(String), time: expect.any(String), msg: expect.any(String) });
    expect(parsed.find((l) => typeof l.msg === 'string' && l.msg.startsWith('Twinspect ready at'))).toMatchObject({ level: 'info' });
    const request = parsed.find((l) => l.method === 'GET' && String(l.url).startsWith('/api/catalogue'));
    expect(request).toMatchObject({ level: 'info', msg: 'request completed', status: 200, reqId: expect.any(String), durationMs: expect.any(Number) });
    expect(request!.url).toBe('/api/catalogue?code=***');
    expect(parsed.find((l) => l.url === '/api/auth/sign-in')).toMatchObject({ method: 'POST', status: 200 });
    // Health checks are at debug: not in an info log.
    expect(parsed.some((l) => l.url === '/healthz')).toBe(false);
    const all = server.output() + server.errors();
    for (const secret of ['cookie-value-that-must-not-be-logged', 'authorization-value-that-must-not-be-logged', 'oidc-code-not-logged', PASSWORD, session]) {
      expect(all).not.toContain(secret);
    }
  }, 180_000);
});
