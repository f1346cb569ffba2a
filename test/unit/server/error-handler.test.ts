/**
 * The server's error handler: a 5xx answers the code server_error, a sentence and the request id, and
 * logs the error's own message and stack; a 4xx from fastify keeps its words about the request.
 */
import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { registerErrorHandler, SERVER_ERROR_MESSAGE } from '../../../src/server/http/error-handler';

function server() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const app = Fastify({ logger: { level: 'error', stream } });
  registerErrorHandler(app);
  app.get('/crash', async () => {
    const seal = undefined as unknown as { key: { hints: string[] } };
    return seal.key.hints; // TypeError: Cannot read properties of undefined (reading 'key')
  });
  app.get('/unavailable', async () => {
    throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432 (SELECT * FROM users)'), { statusCode: 503 });
  });
  app.post('/echo', async (request) => request.body);
  return { app, lines };
}

describe('the error handler', () => {
  it('answers a crash with server_error and the request id, never the internal message, and logs the details', async () => {
    const { app, lines } = server();
    for (const [url, status] of [['/crash', 500], ['/unavailable', 503]] as const) {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(status);
      const body = res.json();
      expect(body).toEqual({ error: 'server_error', message: SERVER_ERROR_MESSAGE, requestId: expect.any(String) });
      for (const leak of ['Cannot read', 'undefined', 'ECONNREFUSED', 'SELECT', 'at ', '.ts']) expect(res.body, leak).not.toContain(leak);
    }
    const log = lines.join('');
    expect(log).toContain("Cannot read properties of undefined (reading 'key')");
    expect(log).toContain('ECONNREFUSED');
    expect(log).toContain('error-handler.test.ts'); // the stack
    await app.close();
  });

  it("keeps fastify's words for a bad request", async () => {
    const { app } = server();
    const res = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: '{"a":' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
    const xml = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
    expect(xml.json()).toMatchObject({ statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
    await app.close();
  });

  it("answers a 4xx a plugin throws as a plain object (the rate limiter's 429) with its own status", async () => {
    const { app } = server();
    app.get('/limited', async () => {
      throw { statusCode: 429, error: 'too_many_attempts', message: 'Too many attempts. Try again in 60 s.' };
    });
    const res = await app.inject('/limited');
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ error: 'too_many_attempts' });
    await app.close();
  });
});
