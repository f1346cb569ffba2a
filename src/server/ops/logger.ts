/**
 * The server's logger: fastify's pino, one JSON object per line (level, time, msg, reqId, pid, hostname)
 * or, for a terminal, plain lines. Each request is one line when it completes (method, url, status,
 * duration); health checks log at debug. Cookies, authorization headers, passwords and secrets are
 * redacted wherever they appear, and secret-looking query parameters are masked in URLs.
 */
import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { logFormatOf, type LogFormat, type LogLevel } from '../config';

/** Paths pino replaces with "[redacted]" in every line. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'cookie',
  'authorization',
  'password',
  'clientSecret',
  '*.password',
  '*.clientSecret',
  '*.authorization',
  '*.cookie',
];

const PROBES = new Set(['/healthz', '/readyz']);
const SECRET_PARAMS = /([?&](?:code|state|token|password|secret|session|key)=)[^&#]*/gi;

/** A URL for the log: secret-looking query values (an OIDC code, a token) are masked. */
export function logUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1***');
}

/** One line per request, when it completes, instead of fastify's two. */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    const line = { method: request.method, url: logUrl(request.url), status, durationMs: Math.round(reply.elapsedTime * 10) / 10 };
    const path = request.url.split('?')[0]!;
    // A probe's 503 is an answer (not ready), not a failure: /readyz logs its own warning when a check fails.
    if (PROBES.has(path)) reply.log[status < 400 ? 'debug' : 'info'](line, 'request completed');
    else if (error || status >= 500) reply.log.error({ ...line, err: error ?? undefined }, 'request failed');
    else reply.log.info(line, 'request completed');
  }
}

interface Line {
  level: string;
  msg?: string;
  err?: { stack?: string; message?: string };
  method?: string;
  url?: string;
  status?: number;
  durationMs?: number;
}

/** A log line as plain text: the message (a request as "GET /url 200 3.1 ms"), an error with its stack. */
export function textLine(line: Line): string {
  const msg = line.method ? `${line.method} ${line.url} ${line.status} ${line.durationMs} ms` : (line.msg ?? '');
  if (line.level === 'error' || line.level === 'fatal') return `error: ${msg}${line.err?.stack ? `\n${line.err.stack}` : ''}`;
  return msg;
}

interface Out {
  write(text: string): unknown;
}

/** Writes pino's JSON lines as text: warnings and errors to `errOut`, the rest to `out`. */
export function textStream(out: Out = process.stdout, errOut: Out = process.stderr): Out {
  return {
    write(json: string) {
      let line: Line;
      try {
        line = JSON.parse(json) as Line;
      } catch {
        return out.write(json);
      }
      const loud = line.level === 'warn' || line.level === 'error' || line.level === 'fatal';
      return (loud ? errOut : out).write(`${textLine(line)}\n`);
    },
  };
}

export interface LogSettings {
  level: LogLevel;
  format: LogFormat;
}

/** fastify's `logger` option for these settings (`stream`: where JSON lines go, stdout by default). */
export function loggerOptions(settings: LogSettings, stream?: Out): NonNullable<Exclude<FastifyServerOptions['logger'], boolean>> {
  return {
    level: settings.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    ...(settings.format === 'text' ? { stream: stream ?? textStream() } : stream ? { stream } : {}),
  } as NonNullable<Exclude<FastifyServerOptions['logger'], boolean>>;
}

/**
 * fastify's logging and proxy options: no logger (tests) unless one is asked for, one line per request,
 * and TRUST_PROXY (a hop count becomes proxy-addr's "the first n hops", which fastify's types leave out).
 */
export function serverOptions(logger: FastifyServerOptions['logger'], trustProxy: boolean | number | string[] = false) {
  const trust = typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy;
  return { logger: logger ?? false, logController: new RequestLog(), trustProxy: trust } satisfies FastifyServerOptions;
}

/**
 * A line for when there is no logger yet (the settings could not be read, or `npm start` is still
 * preparing): in the format the logger will use (JSON when LOG_FORMAT is invalid and not on a terminal);
 * information to stdout, warnings and errors to stderr.
 */
export function bootLine(env: Record<string, string | undefined>, level: 'info' | 'warn' | 'error' | 'fatal', msg: string, terminal = process.stdout.isTTY === true): void {
  const json = (logFormatOf(env, terminal) ?? (terminal ? 'text' : 'json')) === 'json';
  const line = { level, time: new Date().toISOString(), pid: process.pid, msg };
  const out = level === 'info' ? process.stdout : process.stderr;
  out.write(`${json ? JSON.stringify(line) : `${level === 'warn' ? 'warning: ' : ''}${msg}`}\n`);
}

/** Where the live rooms' errors go: the app's warn callback (tests), else the logger, else stderr. */
export function liveLog(
  server: { log: { error(obj: object, msg: string): void } },
  opts: { logger?: FastifyServerOptions['logger']; warn?: ((message: string) => void) | undefined },
): (message: string, err?: unknown) => void {
  if (opts.warn) return opts.warn;
  if (opts.logger) return (message, err) => server.log.error({ err }, message);
  return (message, err) => console.error(message, err);
}
