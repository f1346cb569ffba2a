/**
 * The durable xAPI outbox. Statements are written to xapi_outbox in the same transaction as the attempt
 * they describe, so none is lost when the LRS is down or the server restarts; a sender posts them to the
 * LRS in batches and marks a row sent only once the LRS has answered 2xx (or 409 for a resend).
 *
 * Delivery is at least once: a crash between the LRS's answer and the mark resends the row, and the LRS
 * recognises the statement id (xAPI: an id it already has is not stored twice).
 */
import { and, asc, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { XapiStatement } from '../../domain/xapi';
import type { Database, Db } from '../db/database';
import { xapiOutbox } from '../db/schema';
import type { LrsConfig } from './lrs-config';

/** Queues statements (on conflict, by statement id, nothing). Pass the transaction that stores the attempt. */
export async function enqueueStatements(db: Pick<Db, 'insert'>, statements: readonly XapiStatement[]): Promise<void> {
  if (statements.length === 0) return;
  await db
    .insert(xapiOutbox)
    .values(
      statements.map((s, i) => ({
        id: s.id,
        statement: s as unknown as Record<string, unknown>,
        // One microsecond apart: rows of one call keep their order (initialized ... terminated) when sent.
        createdAt: sql`now() + ${interval(i / 1000)}`,
      })),
    )
    .onConflictDoNothing();
}

export interface OutboxSenderOptions {
  database: Database;
  lrs: LrsConfig;
  log?: (msg: string) => void;
  /** Statements per POST (default 50). */
  batchSize?: number;
  /** Pause between ticks when nothing more is due (default 1000 ms). */
  pollMs?: number;
  /** Delay after the n-th failed try, in ms (default min(2^n s, 10 min) ± 20 %). */
  backoff?: (tries: number) => number;
  /** Delay after the LRS rejected a statement on its own (400): likely to fail again (default 1 h). */
  rejectedBackoff?: (tries: number) => number;
  /** How long one POST may take (default 30 s). */
  timeoutMs?: number;
  /** PostgreSQL: how long a sender keeps rows it picked before another may (default 60 s, above timeoutMs). */
  leaseMs?: number;
  fetch?: typeof fetch;
}

export interface FlushResult {
  sent: number;
  failed: number;
}

export interface OutboxSender {
  /** Starts polling (setTimeout chain, unref'd: it never keeps the process alive). */
  start(): void;
  /** Sends what is due now, batch after batch, after any running tick; never rejects. */
  flushNow(): Promise<FlushResult>;
  /** Stops polling and waits for a running tick. */
  stop(): Promise<void>;
  /** Rows not yet sent. */
  pending(): Promise<number>;
}

export function defaultBackoff(tries: number): number {
  const base = Math.min(2 ** tries * 1000, 10 * 60_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

interface Row {
  id: string;
  statement: Record<string, unknown>;
  tries: number;
}

type Answer = { ok: true; status: number } | { ok: false; status: number | undefined; message: string };

export function createOutboxSender(opts: OutboxSenderOptions): OutboxSender {
  const { database, lrs } = opts;
  const db = database.db;
  const log = opts.log ?? ((msg: string) => console.warn(msg));
  const batchSize = Math.max(1, opts.batchSize ?? 50);
  const pollMs = opts.pollMs ?? 1000;
  const backoff = opts.backoff ?? defaultBackoff;
  const rejectedBackoff = opts.rejectedBackoff ?? (() => 60 * 60_000);
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const leaseMs = opts.leaseMs ?? Math.max(60_000, 2 * timeoutMs);
  const fetchFn = opts.fetch ?? fetch;

  const due = () => and(isNull(xapiOutbox.sentAt), lte(xapiOutbox.nextTryAt, sql`now()`));
  const columns = { id: xapiOutbox.id, statement: xapiOutbox.statement, tries: xapiOutbox.tries };

  /**
   * Picks the rows to send. On PostgreSQL several servers may share the outbox: rows are locked
   * (skipping those another sender holds) only while their next_try_at is pushed forward by a lease,
   * so no lock is held during the HTTP call and a sender that dies mid-send frees its rows when the
   * lease ends. PGlite belongs to one process whose ticks never overlap: a plain select is enough.
   */
  async function take(): Promise<Row[]> {
    if (database.kind !== 'postgres') {
      return db.select(columns).from(xapiOutbox).where(due()).orderBy(asc(xapiOutbox.createdAt)).limit(batchSize);
    }
    return db.transaction(async (tx) => {
      const rows = await tx
        .select(columns)
        .from(xapiOutbox)
        .where(due())
        .orderBy(asc(xapiOutbox.createdAt))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      if (rows.length > 0) {
        await tx
          .update(xapiOutbox)
          .set({ nextTryAt: sql`now() + ${interval(leaseMs)}` })
          .where(inArray(xapiOutbox.id, rows.map((r) => r.id)));
      }
      return rows;
    });
  }

  async function post(statements: unknown[]): Promise<Answer> {
    try {
      const res = await fetchFn(lrs.statementsUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Experience-API-Version': '1.0.3',
          Authorization: lrs.authorization,
        },
        body: JSON.stringify(statements),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = await res.text().catch(() => '');
      if (res.ok || res.status === 409) return { ok: true, status: res.status };
      return { ok: false, status: res.status, message: `HTTP ${res.status}: ${body.slice(0, 200)}` };
    } catch (err) {
      const why = err instanceof Error ? (err.cause instanceof Error ? `${err.message} (${err.cause.message})` : err.message) : String(err);
      return { ok: false, status: undefined, message: `network: ${why.slice(0, 200)}` };
    }
  }

  async function markSent(ids: string[]): Promise<void> {
    await db
      .update(xapiOutbox)
      .set({ sentAt: sql`now()`, lastError: null })
      .where(and(inArray(xapiOutbox.id, ids), isNull(xapiOutbox.sentAt)));
  }

  async function markFailed(rows: Row[], message: string, delay: (tries: number) => number): Promise<void> {
    const byTries = new Map<number, string[]>();
    for (const row of rows) byTries.set(row.tries, [...(byTries.get(row.tries) ?? []), row.id]);
    for (const [tries, ids] of byTries) {
      await db
        .update(xapiOutbox)
        .set({ tries: tries + 1, nextTryAt: sql`now() + ${interval(delay(tries + 1))}`, lastError: message })
        .where(and(inArray(xapiOutbox.id, ids), isNull(xapiOutbox.sentAt)));
    }
  }

  /** Sends rows; a batch the LRS refuses as a whole (400, 409, 413) is retried one statement at a time. */
  async function deliver(rows: Row[]): Promise<FlushResult> {
    const answer = await post(rows.map((r) => r.statement));
    if (answer.ok) {
      await markSent(rows.map((r) => r.id));
      return { sent: rows.length, failed: 0 };
    }
    // A batch with one bad statement (400), a conflicting resend (409: the LRS may have stored none of
    // the batch), or too large a body (413): each statement on its own.
    if (rows.length > 1 && (answer.status === 400 || answer.status === 409 || answer.status === 413)) {
      const total: FlushResult = { sent: 0, failed: 0 };
      for (const row of rows) {
        const one = await deliver([row]);
        total.sent += one.sent;
        total.failed += one.failed;
      }
      return total;
    }
    if (rows.length === 1 && (answer.status === 400 || answer.status === 413)) {
      const [row] = rows as [Row];
      await markFailed(rows, answer.message, rejectedBackoff);
      log(`xAPI: the LRS rejected statement ${row.id} (${answer.message}); it stays in the outbox for a later retry`);
      return { sent: 0, failed: 1 };
    }
    await markFailed(rows, answer.message, backoff);
    log(`xAPI: sending ${rows.length} statement(s) to the LRS failed (${answer.message}); will retry`);
    return { sent: 0, failed: rows.length };
  }

  /** One batch. Never throws: a database error is logged and the rows wait for the next tick. */
  async function tick(): Promise<FlushResult & { picked: number }> {
    try {
      const rows = await take();
      if (rows.length === 0) return { picked: 0, sent: 0, failed: 0 };
      return { picked: rows.length, ...(await deliver(rows)) };
    } catch (err) {
      log(`xAPI: outbox tick failed: ${err instanceof Error ? err.message : String(err)}`);
      return { picked: 0, sent: 0, failed: 0 };
    }
  }

  /** Batches until a batch is short or sends nothing (each round sends at least one row, so it ends). */
  async function drain(): Promise<FlushResult> {
    const total: FlushResult = { sent: 0, failed: 0 };
    for (;;) {
      const r = await tick();
      total.sent += r.sent;
      total.failed += r.failed;
      if (r.picked < batchSize || r.sent === 0) return total;
    }
  }

  // Ticks run one after another: flushNow and the timer both go through this chain.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn);
    chain = next.catch(() => {});
    return next;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  // Bumped by start and stop: a tick that ends after a stop (or a stop and a new start) schedules nothing.
  let generation = 0;
  let running = false;
  const schedule = (gen: number, delay: number) => {
    if (!running || gen !== generation) return;
    timer = setTimeout(() => {
      timer = undefined;
      void serial(drain).then(() => schedule(gen, pollMs));
    }, delay);
    timer.unref?.();
  };

  return {
    start() {
      if (running) return;
      running = true;
      schedule(++generation, 0);
    },
    async flushNow() {
      return serial(drain);
    },
    async stop() {
      running = false;
      generation += 1;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await chain;
    },
    async pending() {
      return db.$count(xapiOutbox, isNull(xapiOutbox.sentAt));
    },
  };
}

/** A literal interval from a number of milliseconds (a number we computed: no user text reaches the SQL). */
function interval(ms: number): SQL {
  const micros = Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) * 1000));
  return sql.raw(`interval '${micros} microseconds'`);
}
