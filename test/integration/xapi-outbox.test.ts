/**
 * The xAPI outbox on every backend (PGlite always, PostgreSQL unless skipped): statements reach a small
 * LRS stand-in on 127.0.0.1, wait out an outage, survive a restart, are not held back by one bad
 * statement, and (PostgreSQL, several servers) are sent once by two senders flushing together.
 */
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../src/domain/attempt';
import { statementsForAttempt, type XapiStatement } from '../../src/domain/xapi';
import { validateStatement } from '../../src/domain/xapi-rules';
import { openPglite, openPostgres, type Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrate';
import { xapiOutbox } from '../../src/server/db/schema';
import { readLrsConfig, type LrsConfig } from '../../src/server/xapi/lrs-config';
import { createOutboxSender, enqueueStatements, type OutboxSenderOptions } from '../../src/server/xapi/outbox';
import { startLrsStandin, type LrsStandin, type LrsStandinOptions } from '../support/lrs-standin';
import { onPostgres } from './support/on-postgres';

interface Backend {
  /** Opens (or reopens, as after a restart) the same database. */
  open(): Promise<Database>;
}

let attemptNo = 0;
function statements(kind: AttemptRecord['kind'] = 'find-the-tells'): XapiStatement[] {
  const n = ++attemptNo;
  const attempt: AttemptRecord = {
    id: `drill_${n}`,
    userId: 'user_1',
    kind,
    productId: 'watch-chrono',
    productName: 'Chronograph watch',
    catalogueVersion: 'v1',
    issuedAt: '2025-03-01T10:00:00.000Z',
    answeredAt: '2025-03-01T10:00:12.500Z',
    correct: true,
    scaled: 0.75,
    passed: true,
    confidence: null,
    brier: null,
    tellsTotal: 4,
    tellsFound: 3,
    falseAlarms: 1,
    hintsUsed: 0,
    durationMs: 12_500,
    outcomes: [],
  };
  return statementsForAttempt(attempt, { homePage: 'https://accounts.customs.example', accountName: `officer-${n}`, activityBase: 'https://twinspect.example/xapi' });
}

const ids = (list: { id: string }[]) => list.map((s) => s.id);
const counts = (list: string[]) => list.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());

/** `shared`: several servers may share the database (PostgreSQL), so two senders may run at once. */
function describeOutbox(name: string, shared: boolean, makeBackend: () => Promise<Backend>, prepare?: () => Promise<unknown>): void {
  describe(`xAPI outbox: ${name}`, () => {
    if (prepare) beforeAll(prepare);
    let backend: Backend;
    let lrsStandin: LrsStandin;
    const open: Database[] = [];
    const logs: string[] = [];

    async function setup(standin: LrsStandinOptions = {}): Promise<{ database: Database; lrs: LrsConfig }> {
      backend = await makeBackend();
      const database = await reopen();
      await migrate(database);
      lrsStandin = await startLrsStandin(standin);
      const lrs = readLrsConfig({ LRS_ENDPOINT: lrsStandin.endpoint, LRS_USERNAME: lrsStandin.username, LRS_PASSWORD: lrsStandin.password })!;
      return { database, lrs };
    }
    async function reopen(): Promise<Database> {
      const database = await backend.open();
      open.push(database);
      return database;
    }
    const sender = (opts: Omit<OutboxSenderOptions, 'log'>) => createOutboxSender({ backoff: () => 0, log: (m) => logs.push(m), ...opts });
    const rows = (database: Database) => database.db.select().from(xapiOutbox);

    afterEach(async () => {
      for (const database of open.splice(0)) await database.close().catch(() => {});
      await lrsStandin?.close();
      logs.length = 0;
    });

    it('delivers queued statements in order, valid, and marks them sent', async () => {
      const { database, lrs } = await setup();
      const list = statements();
      // Enqueued in the transaction that stores the attempt, as the server does.
      await database.db.transaction((tx) => enqueueStatements(tx, list));
      await enqueueStatements(database.db, list); // again: nothing doubles
      const outbox = sender({ database, lrs });
      expect(await outbox.pending()).toBe(list.length);

      expect(await outbox.flushNow()).toEqual({ sent: list.length, failed: 0 });
      expect(ids(lrsStandin.statements)).toEqual(ids(list));
      expect(lrsStandin.statements.every((s) => validateStatement(s).length === 0)).toBe(true);
      expect(lrsStandin.requests).toBe(1);
      expect(await outbox.pending()).toBe(0);
      expect((await rows(database)).every((r) => r.sentAt !== null && r.tries === 0)).toBe(true);
      expect(await outbox.flushNow()).toEqual({ sent: 0, failed: 0 });
    });

    it('keeps statements while the LRS is down, with tries and the error, and sends them once it is back', async () => {
      const { database, lrs } = await setup();
      const list = statements('verdict');
      await enqueueStatements(database.db, list);
      const outbox = sender({ database, lrs });

      lrsStandin.setDown(true);
      expect(await outbox.flushNow()).toEqual({ sent: 0, failed: list.length });
      expect(await outbox.flushNow()).toEqual({ sent: 0, failed: list.length });
      for (const row of await rows(database)) {
        expect(row).toMatchObject({ sentAt: null, tries: 2 });
        expect(row.lastError).toMatch(/^HTTP 503: .*down/);
      }
      expect(logs.some((m) => m.includes('failed (HTTP 503'))).toBe(true);

      lrsStandin.setDown(false);
      expect(await outbox.flushNow()).toEqual({ sent: list.length, failed: 0 });
      expect(ids(lrsStandin.statements)).toEqual(ids(list));
      expect((await rows(database)).every((r) => r.sentAt !== null && r.lastError === null)).toBe(true);
    });

    it('waits out the backoff, and records a network error', async () => {
      const { database, lrs } = await setup();
      await enqueueStatements(database.db, statements());
      const nobody = await startLrsStandin();
      await nobody.close();
      const unreachable = readLrsConfig({ LRS_ENDPOINT: nobody.endpoint, LRS_USERNAME: 'u', LRS_PASSWORD: 'p' })!;
      const outbox = sender({ database, lrs: unreachable, backoff: () => 60_000 });
      expect((await outbox.flushNow()).failed).toBeGreaterThan(0);
      expect((await rows(database))[0]?.lastError).toMatch(/^network: /);
      // Not due for a minute: a second flush, even to a working LRS, leaves the rows alone.
      expect(await sender({ database, lrs }).flushNow()).toEqual({ sent: 0, failed: 0 });
      expect(lrsStandin.requests).toBe(0);
    });

    it('answers 503 to the first requests, then the poller delivers on its own', async () => {
      const { database, lrs } = await setup({ failFirst: 2 });
      const list = statements();
      await enqueueStatements(database.db, list);
      const outbox = sender({ database, lrs, pollMs: 10 });
      outbox.start();
      const until = Date.now() + 3000;
      while ((await outbox.pending()) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      await outbox.stop();
      expect(await outbox.pending()).toBe(0);
      expect(lrsStandin.requests).toBe(3);
      expect(ids(lrsStandin.statements)).toEqual(ids(list));
    });

    it('loses nothing and doubles nothing across a restart', async () => {
      const { database, lrs } = await setup();
      const first = statements();
      const second = statements('spot-the-fake');
      await enqueueStatements(database.db, first);
      await enqueueStatements(database.db, second);
      await database.close();

      const after = await reopen();
      const outbox = sender({ database: after, lrs, batchSize: 4 });
      expect(await outbox.pending()).toBe(first.length + second.length);
      expect(await outbox.flushNow()).toEqual({ sent: first.length + second.length, failed: 0 });
      const received = counts(lrsStandin.received);
      expect([...received.keys()].sort()).toEqual(ids([...first, ...second]).sort());
      expect([...received.values()].every((n) => n === 1)).toBe(true);

      // A crash after the LRS answered but before the rows were marked: they go again, and the LRS
      // (which knows the ids) still holds each statement once.
      // (On PostgreSQL the rows also wait out the sender's lease: here it is over.)
      await after.db.update(xapiOutbox).set({ sentAt: null, nextTryAt: sql`now()` }).where(sql`true`);
      await after.close();
      const again = await reopen();
      expect(await sender({ database: again, lrs }).flushNow()).toEqual({ sent: first.length + second.length, failed: 0 });
      expect(lrsStandin.statements).toHaveLength(first.length + second.length);
    });

    it('does not let one statement the LRS rejects hold back the others', async () => {
      const { database, lrs } = await setup();
      const good = statements();
      const bad = structuredClone(statements('verdict').find((st) => st.result?.score)!);
      bad.result!.score!.scaled = 1.5;
      await enqueueStatements(database.db, [...good.slice(0, 3), bad, ...good.slice(3)]);
      const outbox = sender({ database, lrs });

      expect(await outbox.flushNow()).toEqual({ sent: good.length, failed: 1 });
      expect(ids(lrsStandin.statements).sort()).toEqual(ids(good).sort());
      const [row] = await database.db.select().from(xapiOutbox).where(eq(xapiOutbox.id, bad.id));
      expect(row).toMatchObject({ sentAt: null, tries: 1 });
      expect(row?.lastError).toMatch(/^HTTP 400: .*result\.score\.scaled/);
      // The long backoff for a rejected statement: not tried again within the hour.
      expect(row!.nextTryAt.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
      expect(logs.some((m) => m.includes(`rejected statement ${bad.id}`))).toBe(true);
      expect(await outbox.pending()).toBe(1);
    });

    it.skipIf(!shared)('sends each statement once when two senders (two servers) flush together', async () => {
      const { database, lrs } = await setup({ delayMs: 30 });
      const list = Array.from({ length: 6 }, () => statements()).flat();
      await enqueueStatements(database.db, list);
      const other = await reopen();
      const a = sender({ database, lrs, batchSize: 5 });
      const b = sender({ database: other, lrs, batchSize: 5 });

      const [ra, rb] = await Promise.all([a.flushNow(), b.flushNow()]);
      expect(ra.sent + rb.sent).toBe(list.length);
      expect(ra.sent).toBeGreaterThan(0);
      expect(rb.sent).toBeGreaterThan(0);
      const received = counts(lrsStandin.received);
      expect(received.size).toBe(list.length);
      expect([...received.values()].every((n) => n === 1)).toBe(true);
      expect(await a.pending()).toBe(0);
    });
  });
}

/** PGlite's first open of a folder runs initdb (seconds): do it once, migrated, then copy it per test. */
let template: Promise<string> | undefined;
function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const folder = join(await mkdtemp(join(tmpdir(), 'twinspect-outbox-template-')), 'pglite');
    const database = await openPglite(folder);
    await migrate(database);
    await database.close();
    return folder;
  })();
  return template;
}

describeOutbox('PGlite', false, async () => {
  const folder = join(await mkdtemp(join(tmpdir(), 'twinspect-outbox-')), 'pglite');
  await cp(await pgliteTemplate(), folder, { recursive: true });
  return { open: () => openPglite(folder) };
}, pgliteTemplate);

onPostgres('xAPI outbox', (newDatabase) =>
  describeOutbox('PostgreSQL', true, async () => {
    const url = await newDatabase();
    return { open: () => openPostgres(url) };
  }),
);

