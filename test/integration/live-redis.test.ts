/**
 * Scale-out: two server processes on one PostgreSQL and one Redis (Colyseus' Redis presence and driver)
 * serve the same live sessions. The instructor is on process A, the trainees ask process B; they meet in
 * one room, see the same phases, and the answers are in the record whichever process is asked.
 * Needs redis-server and PostgreSQL: it fails when they are missing, unless TWINSPECT_SKIP_POSTGRES=1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as ColyseusClient } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_PROTOCOL_VERSION } from '../../src/domain/live-protocol';
import { joinLive, until, type LiveParticipant } from '../support/live-client';
import { addAccount, startServerProcess, type ServerProcess } from '../support/server-process';
import { writeFixturePack } from '../unit/server/fixture-pack';
import { PASSWORD, signInOver, type Client } from './support/app-client';
import { freePort } from '../support/free-port';
import { findPostgresBin, NO_POSTGRES_MESSAGE, SKIP_POSTGRES, startPostgres, type TestPostgres } from './support/postgres';
import { findRedisServer, NO_REDIS_MESSAGE, startRedis, type TestRedis } from './support/redis';

const ACCOUNTS = [
  { email: 'ines@agency.test', role: 'instructor', name: 'Ines' },
  { email: 'tess@agency.test', role: 'trainee', name: 'Tess' },
  { email: 'tom@agency.test', role: 'trainee', name: 'Tom' },
] as const;

function sharedSessions(): void {
  let redis: TestRedis;
  let postgres: TestPostgres;
  let a: ServerProcess;
  let b: ServerProcess;
  const scratch: string[] = [];
  const open: LiveParticipant[] = [];
  let ines: Client;
  let trainees: Client[];

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    const dataDir = await mkdtemp(join(tmpdir(), 'twinspect-redis-'));
    const contentDir = await writeFixturePack();
    scratch.push(dataDir, contentDir);
    const env = { DATABASE_URL: await postgres.createDatabase('scaleout'), REDIS_URL: redis.url, DATA_DIR: dataDir, CONTENT_DIR: contentDir, DIST_DIR: join(dataDir, 'no-dist') };
    for (const account of ACCOUNTS) await addAccount(env, account, PASSWORD);
    // One after the other: both migrate the same database at start-up.
    const [portA, portB] = [await freePort(), await freePort()];
    a = await startServerProcess({ ...env, PUBLIC_ADDRESS: `127.0.0.1:${portA}` }, portA);
    b = await startServerProcess({ ...env, PUBLIC_ADDRESS: `127.0.0.1:${portB}` }, portB);
    ines = await signInOver(a.baseUrl, ACCOUNTS[0].email);
    trainees = [await signInOver(b.baseUrl, ACCOUNTS[1].email), await signInOver(b.baseUrl, ACCOUNTS[2].email)];
  }, 180_000);

  afterAll(async () => {
    await Promise.all(open.map((p) => p.leave().catch(() => {})));
    await Promise.all([a?.stop(), b?.stop()]);
    await Promise.all([redis?.stop(), postgres?.stop()]);
    await Promise.all(scratch.map((d) => rm(d, { recursive: true, force: true })));
  });

  async function enter(server: ServerProcess, who: Client, sessionId: string): Promise<LiveParticipant> {
    const p = await joinLive(server.baseUrl, who.cookie!, sessionId);
    open.push(p);
    await until(p, (v) => v.sessionId === sessionId);
    return p;
  }

  /** The port a participant's WebSocket is connected to: the room's own process. */
  const socketPort = (p: LiveParticipant) => new URL((p.room.connection.transport as unknown as { ws: { url: string } }).ws.url).port;

  it('runs one session for an instructor on process A and trainees who ask process B', async () => {
    const created = await ines.request('POST', '/api/live-sessions', { title: 'Two processes' });
    expect(created.status).toBe(201);
    const { id, code } = created.json as { id: string; code: string };
    for (const t of trainees) expect((await t.request('POST', '/api/live-sessions/join', { code })).status).toBe(200);

    const teacher = await enter(a, ines, id);
    const [tess, tom] = [await enter(b, trainees[0]!, id), await enter(b, trainees[1]!, id)];
    // B found A's room through Redis and sent the trainees to A's public address.
    expect([tess.room.roomId, tom.room.roomId]).toEqual([teacher.room.roomId, teacher.room.roomId]);
    expect([socketPort(teacher), socketPort(tess), socketPort(tom)]).toEqual([String(a.port), String(a.port), String(a.port)]);
    await until(teacher, (v) => Object.values(v.participants).filter((p) => p.connected).length === 3);

    expect(await teacher.send({ type: 'phase', to: 'inspect' })).toHaveProperty('ack');
    expect(await teacher.send({ type: 'phase', to: 'answer' })).toHaveProperty('ack');
    for (const t of [tess, tom]) await until(t, (v) => v.phase === 'answer' && v.round === 1);
    expect(await tess.send({ type: 'answer', round: 1, answer: { kind: 'spot-the-fake', counterfeit: 'A', confidence: 0.9 } })).toHaveProperty('ack');
    expect(await tom.send({ type: 'answer', round: 1, answer: { kind: 'spot-the-fake', counterfeit: 'B', confidence: 0.6 } })).toHaveProperty('ack');
    await until(teacher, (v) => Object.values(v.participants).filter((p) => p.answeredRound).length === 2);

    expect(await teacher.send({ type: 'phase', to: 'reveal' })).toHaveProperty('ack');
    await expect.poll(() => [tess.results.length, tom.results.length]).toEqual([1, 1]);
    // Both processes read the same record from the shared database.
    for (const server of [a, b]) {
      const record = await signInOver(server.baseUrl, ACCOUNTS[0].email).then((c) => c.request('GET', `/api/live-sessions/${id}/record`));
      expect(record.status).toBe(200);
      expect(record.json.rounds[0].answers.map((x: { name: string }) => x.name).sort()).toEqual(['Tess', 'Tom']);
    }
  });

  it('makes one room when both processes are asked for a session at the same moment', async () => {
    const { id, code } = (await ines.request('POST', '/api/live-sessions', { title: 'A race' })).json as { id: string; code: string };
    await trainees[0]!.request('POST', '/api/live-sessions/join', { code });
    const [teacher, tess] = await Promise.all([enter(a, ines, id), enter(b, trainees[0]!, id)]);
    expect(tess.room.roomId).toBe(teacher.room.roomId);
    await until(teacher, (v) => Object.values(v.participants).filter((p) => p.connected).length === 2);
    expect(await teacher.send({ type: 'phase', to: 'inspect' })).toHaveProperty('ack');
    await until(tess, (v) => v.phase === 'inspect');
  });

  it('keeps one room per session: a trainee asking the other process for a room of their own is refused', async () => {
    const { id, code } = (await ines.request('POST', '/api/live-sessions', { title: 'One room' })).json as { id: string; code: string };
    for (const t of trainees) await t.request('POST', '/api/live-sessions/join', { code });
    // Everyone at once, on both processes: one room.
    const [teacher, tess, tom] = await Promise.all([enter(a, ines, id), enter(b, trainees[0]!, id), enter(a, trainees[1]!, id)]);
    expect([tess.room.roomId, tom.room.roomId]).toEqual([teacher.room.roomId, teacher.room.roomId]);
    // The attack: a room of one's own for the same session, asked of the process that does not hold it.
    const own = new ColyseusClient(b.baseUrl.replace(/^http/, 'ws'), { headers: { cookie: trainees[0]!.cookie! } });
    await expect(own.create('live', { sessionId: id, v: LIVE_PROTOCOL_VERSION })).rejects.toThrow();
    expect(await teacher.send({ type: 'phase', to: 'inspect' })).toHaveProperty('ack');
    await until(tom, (v) => v.phase === 'inspect');
  });

  it('logs no errors in either process', () => {
    expect(a.errors()).not.toMatch(/error|exception/i);
    expect(b.errors()).not.toMatch(/error|exception/i);
  });
}

if (SKIP_POSTGRES) {
  describe.skip('shared live sessions across processes: Redis and PostgreSQL (TWINSPECT_SKIP_POSTGRES=1)', () => it('is skipped', () => {}));
} else if (!findRedisServer() || !findPostgresBin()) {
  describe('shared live sessions across processes', () =>
    it('needs redis-server and PostgreSQL', () => {
      throw new Error(findRedisServer() ? NO_POSTGRES_MESSAGE : NO_REDIS_MESSAGE);
    }),
  );
} else {
  describe('shared live sessions across two server processes', sharedSessions);
}
