/**
 * GET /readyz: may this process take traffic? The database answers a real query, Redis (with
 * REDIS_URL) answers PING, and the process is not shutting down. 200 with each check's status and
 * latency, or 503 naming what failed. GET /healthz (liveness) stays cheap and touches neither.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { pingRedis } from './redis-ping';

export interface Check {
  status: 'ok' | 'failing';
  latencyMs: number;
  error?: string;
}

export interface ReadinessOptions {
  database: Database;
  redisUrl?: string | undefined;
  /** True once a shutdown has begun. */
  shuttingDown: () => boolean;
  /** How long one check may take (default 2000 ms). */
  timeoutMs?: number;
}

async function timed(run: () => Promise<unknown>, timeoutMs: number): Promise<Check> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)));
    await Promise.race([run(), timeout]);
    return { status: 'ok', latencyMs: Math.round((performance.now() - start) * 10) / 10 };
  } catch (err) {
    const error = (err instanceof Error ? err.message : String(err)).slice(0, 200);
    return { status: 'failing', latencyMs: Math.round((performance.now() - start) * 10) / 10, error };
  } finally {
    clearTimeout(timer);
  }
}

export function registerReadiness(server: FastifyInstance, opts: ReadinessOptions): void {
  const timeoutMs = opts.timeoutMs ?? 2000;
  server.get('/readyz', async (request, reply) => {
    if (opts.shuttingDown()) return reply.code(503).send({ status: 'shutting-down', failing: ['shutdown'], checks: {} });
    const [database, redis] = await Promise.all([
      timed(() => opts.database.db.execute(sql`SELECT 1`), timeoutMs),
      opts.redisUrl ? timed(() => pingRedis(opts.redisUrl!, timeoutMs), timeoutMs) : undefined,
    ]);
    const checks: Record<string, Check> = { database, ...(redis ? { redis } : {}) };
    const failing = Object.keys(checks).filter((name) => checks[name]!.status !== 'ok');
    if (failing.length > 0) request.log.warn({ checks }, `not ready: ${failing.join(', ')} failing`);
    return reply.code(failing.length > 0 ? 503 : 200).send({ status: failing.length > 0 ? 'not-ready' : 'ready', failing, checks });
  });
}
