/** The server's log lines: one JSON object per line, a line per request, secrets redacted; text lines for a terminal. */
import Fastify from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootLine, logUrl, loggerOptions, serverOptions, textLine, textStream } from '../../../src/server/ops/logger';

async function logged(format: 'json' | 'text', level: 'info' | 'debug' = 'info') {
  const lines: string[] = [];
  const stream = { write: (s: string) => lines.push(s) };
  const server = Fastify(serverOptions(loggerOptions({ level, format }, format === 'json' ? stream : textStream(stream, stream))));
  server.get('/echo', async (request) => {
    request.log.info({ headers: request.headers, password: 'hunter2' }, 'echoing');
    return { ok: true };
  });
  server.get('/healthz', async () => ({ status: 'ok' }));
  server.get('/boom', async () => {
    throw new Error('kaput');
  });
  await server.inject({ url: '/echo?code=the-code&product=x', headers: { cookie: 'sid=the-cookie', authorization: 'Bearer the-token' } });
  await server.inject('/healthz');
  await server.inject('/boom');
  await server.close();
  return lines;
}

describe('the server log', () => {
  it('writes one JSON object per line: level, time, msg, reqId, and one line per request', async () => {
    const lines = await logged('json');
    const parsed = lines.map((l) => JSON.parse(l));
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    const request = parsed.find((l) => l.msg === 'request completed' && l.url.startsWith('/echo'));
    expect(request).toMatchObject({ level: 'info', method: 'GET', url: '/echo?code=***&product=x', status: 200, reqId: expect.any(String) });
    expect(new Date(request.time).toISOString()).toBe(request.time);
    expect(parsed.filter((l) => l.url?.startsWith('/echo'))).toHaveLength(1);
    expect(parsed.find((l) => l.url === '/boom')).toMatchObject({ level: 'error', status: 500, msg: 'request failed' });
    // Health checks are at debug.
    expect(parsed.some((l) => l.url === '/healthz')).toBe(false);
  });

  it('redacts cookies, authorization headers and passwords wherever they are logged', async () => {
    const all = (await logged('json')).join('');
    for (const secret of ['the-cookie', 'the-token', 'hunter2', 'the-code']) expect(all).not.toContain(secret);
    const echo = JSON.parse((await logged('json')).find((l) => l.includes('"echoing"'))!);
    expect(echo.headers).toMatchObject({ cookie: '[redacted]', authorization: '[redacted]' });
    expect(echo.password).toBe('[redacted]');
  });

  it('logs health checks at debug', async () => {
    expect((await logged('json', 'debug')).some((l) => l.includes('"url":"/healthz"'))).toBe(true);
  });

  it('writes plain lines for a terminal', async () => {
    const lines = await logged('text');
    expect(lines).toContain('echoing\n');
    expect(lines.some((l) => /^GET \/echo\?code=\*\*\*&product=x 200 [\d.]+ ms\n$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('error: GET /boom 500'))).toBe(true);
    // fastify's own line for the error, with its stack.
    expect(lines.some((l) => l.startsWith('error: kaput\nError: kaput\n    at '))).toBe(true);
    expect(textLine({ level: 'warn', msg: 'careful' })).toBe('careful');
  });

  it('masks secret-looking query values only', () => {
    expect(logUrl('/api/auth/oidc/callback?code=abc&state=def&iss=x')).toBe('/api/auth/oidc/callback?code=***&state=***&iss=x');
    expect(logUrl('/api/files/abc?download=1')).toBe('/api/files/abc?download=1');
  });

  it('turns a TRUST_PROXY hop count into the first n hops', () => {
    const { trustProxy } = serverOptions(false, 1);
    expect(typeof trustProxy === 'function' && [trustProxy('10.0.0.1', 0), trustProxy('10.0.0.2', 1)]).toEqual([true, false]);
    expect(serverOptions(false, ['10.0.0.0/8']).trustProxy).toEqual(['10.0.0.0/8']);
  });

  describe("bootLine (npm start's own lines, before the logger)", () => {
    afterEach(() => vi.restoreAllMocks());
    const capture = () => {
      const out: string[] = [];
      const err: string[] = [];
      vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
      vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
      return { out, err };
    };

    it('writes plain lines on a terminal: news to stdout, warnings to stderr', () => {
      const { out, err } = capture();
      bootLine({}, 'info', 'Building the client (vite build)…', true);
      bootLine({}, 'warn', 'the client build failed', true);
      expect(out).toEqual(['Building the client (vite build)…\n']);
      expect(err).toEqual(['warning: the client build failed\n']);
    });

    it('writes JSON when not on a terminal, or when LOG_FORMAT=json or NODE_ENV=production asks', () => {
      const { out } = capture();
      bootLine({}, 'info', 'one', false);
      bootLine({ LOG_FORMAT: 'json' }, 'info', 'two', true);
      bootLine({ NODE_ENV: 'production' }, 'info', 'three', true);
      expect(out.map((l) => JSON.parse(l))).toMatchObject([{ level: 'info', msg: 'one' }, { msg: 'two' }, { msg: 'three' }]);
    });

    it('follows LOG_FORMAT=text off a terminal too', () => {
      const { out } = capture();
      bootLine({ LOG_FORMAT: 'text' }, 'info', 'plain', false);
      expect(out).toEqual(['plain\n']);
    });
  });
});
