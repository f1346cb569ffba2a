/**
 * /matchmake, the live rooms' HTTP door, on a real listening server: a body past the limit is refused
 * before it is read, only the matchmaker's exact paths reach it (a URL that merely contains
 * "/matchmake" goes through the app's routing and access checks), other methods get 405, answers carry
 * the security headers, and no other site's Origin is allowed.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_PROTOCOL_VERSION } from '../../src/domain/live-protocol';
import { MATCHMAKE_BODY_LIMIT } from '../../src/server/live/matchmake-routes';
import type { Client } from './support/app-client';
import { startLiveApp, type LiveApp } from './support/live-app';

let live: LiveApp;
let instructor: Client;
let trainee: Client;
const EVIL = 'https://evil.example';

beforeAll(async () => {
  live = await startLiveApp();
  instructor = await live.account('ines@agency.test', 'instructor');
  trainee = await live.account('tess@agency.test', 'trainee');
}, 60_000);

afterAll(() => live?.close());

const url = (path: string) => `${live.baseUrl}${path}`;
/** fetch that gives up: a request the server never answers fails the test instead of hanging it. */
const send = (path: string, init: RequestInit = {}) => fetch(url(path), { ...init, signal: AbortSignal.timeout(5000) });

function securityHeaders(headers: Headers) {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('content-security-policy')).toContain("default-src 'self'");
}

describe('/matchmake', () => {
  it('answers a body announced at 300 MB with 413 at once, having read almost none of it', async () => {
    const before = process.memoryUsage().rss;
    const { status, sent } = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      const req = httpRequest(url('/matchmake/joinOrCreate/live'), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(300 * 1024 * 1024) } });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        res.resume();
        resolve({ status: res.statusCode!, sent });
        req.destroy();
      });
      req.on('error', (err) => (answered ? undefined : reject(err)));
      const pump = () => {
        while (!answered && sent < 32 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) reject(new Error(`no answer after ${sent} bytes of the body`));
      };
      pump();
    });
    expect(status).toBe(413);
    expect(sent).toBeLessThan(32 * 1024 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses a streamed (chunked) body past the limit with 413, its code and words', async () => {
    const res = await send('/matchmake/joinOrCreate/live', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(`{"sessionId":"${'x'.repeat(MATCHMAKE_BODY_LIMIT * 4)}"}`));
          c.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'too_large', message: expect.stringContaining(`${MATCHMAKE_BODY_LIMIT} bytes`) });
    securityHeaders(res.headers);
  });

  it('leaves a URL that merely contains /matchmake to the app: routing, access checks and headers', async () => {
    const anonymous = await send('/api/users?x=/matchmake');
    expect(anonymous.status).toBe(401);
    securityHeaders(anonymous.headers);
    const asTrainee = await send('/api/users?x=/matchmake/joinOrCreate/live', { headers: { cookie: trainee.cookie! } });
    expect(asTrainee.status).toBe(403);
    expect((await send('/no-such-page/matchmake', { method: 'POST' })).status).toBe(404);
  });

  it('answers PUT, DELETE, PATCH and GET with 405 and the methods it takes', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'GET']) {
      const res = await send('/matchmake/joinOrCreate/live', { method, ...(method === 'GET' ? {} : { body: '{}', headers: { 'content-type': 'application/json' } }) });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('POST, OPTIONS');
      expect((await res.json()).error).toBe('method_not_allowed');
      securityHeaders(res.headers);
    }
  });

  it('allows no other site: no CORS for a foreign Origin, and its POST is refused', async () => {
    const preflight = await send('/matchmake/joinOrCreate/live', { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const own = await send('/matchmake/joinOrCreate/live', { method: 'OPTIONS', headers: { origin: live.baseUrl, 'access-control-request-method': 'POST' } });
    expect(own.headers.get('access-control-allow-origin')).toBe(live.baseUrl);

    const { id } = await live.newSession(instructor);
    const body = JSON.stringify({ sessionId: id, v: LIVE_PROTOCOL_VERSION });
    const cross = await send('/matchmake/joinOrCreate/live', { method: 'POST', body, headers: { 'content-type': 'application/json', origin: EVIL, cookie: instructor.cookie! } });
    expect(cross.status).toBe(403);
    expect(cross.headers.get('access-control-allow-origin')).toBeNull();
    // The same request from the site's own page gets its seat.
    const same = await send('/matchmake/joinOrCreate/live', { method: 'POST', body, headers: { 'content-type': 'application/json', origin: live.baseUrl, cookie: instructor.cookie! } });
    expect(same.status).toBe(200);
    expect(await same.json()).toMatchObject({ sessionId: expect.any(String), room: expect.objectContaining({ name: 'live' }) });
    securityHeaders(same.headers);
  });

  it('offers only the ways of joining, on exact paths, with a JSON object', async () => {
    const post = (path: string, body = '{}', type = 'application/json') => send(path, { method: 'POST', body, headers: { 'content-type': type, cookie: instructor.cookie! } });
    expect((await post('/matchmake/create/live')).status).toBe(404);
    expect((await post('/matchmake/joinOrCreate')).status).toBe(404);
    expect((await post('/matchmake/joinOrCreate/live/more')).status).toBe(404);
    expect((await post('/matchmake/joinOrCreate/live', '[1,2]')).status).toBe(400);
    expect((await post('/matchmake/joinOrCreate/live', '{"sessionId":')).status).toBe(400);
    expect((await post('/matchmake/joinOrCreate/live', 'sessionId=x', 'text/plain')).status).toBe(400);
    // The matchmaker's own refusals keep Colyseus' form, which colyseus.js reads.
    const unknown = await post('/matchmake/joinOrCreate/live', JSON.stringify({ sessionId: 'no-such-session', v: LIVE_PROTOCOL_VERSION }));
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({ code: 404, error: 'There is no such live session.' });
  });

  it('leaves no timers behind for rooms it refused to open', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const body = (n: number) => JSON.stringify({ sessionId: `missing-${n}`, v: LIVE_PROTOCOL_VERSION });
    const before = timers();
    for (let n = 0; n < 20; n++) await send('/matchmake/joinOrCreate/live', { method: 'POST', body: body(n), headers: { 'content-type': 'application/json', cookie: trainee.cookie! } });
    await new Promise((r) => setTimeout(r, 200));
    expect(timers() - before).toBeLessThan(10);
  });
});
