/**
 * Graceful shutdown of the real server process: SIGTERM while a live session runs. /readyz goes 503
 * at once, a new join is refused with a clear message, connected clients are told the server restarts
 * (not that the session ended), the process exits 0 within SHUTDOWN_TIMEOUT_MS and releases the
 * embedded database; started again on the same data, no acknowledged answer is lost and the session goes on.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { DrillAnswer } from '../../src/domain/drill';
import { CLOSE_RESTARTING } from '../../src/server/live/live-room';
import { freePort } from '../support/free-port';
import { joinLive, until, type LiveParticipant } from '../support/live-client';
import { addAccount, startServerProcess, type ServerProcess } from '../support/server-process';
import { PASSWORD, signInOver, type Client } from './support/app-client';
import { testConfig } from './support/test-config';

const ACCOUNTS = [
  { email: 'ines@agency.test', role: 'instructor', name: 'Ines' },
  { email: 'tess@agency.test', role: 'trainee', name: 'Tess' },
  { email: 'tom@agency.test', role: 'trainee', name: 'Tom' },
  { email: 'tim@agency.test', role: 'trainee', name: 'Tim' },
] as const;
const TIMEOUT_MS = 20_000;

let server: ServerProcess | undefined;
const open: LiveParticipant[] = [];
const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(open.map((p) => p.leave().catch(() => {})));
  await server?.stop();
  await Promise.all(scratch.map((d) => rm(d, { recursive: true, force: true })));
});

async function enter(who: Client, sessionId: string): Promise<LiveParticipant> {
  const p = await joinLive(server!.baseUrl, who.cookie!, sessionId);
  open.push(p);
  await until(p, (v) => v.sessionId === sessionId);
  return p;
}

it('saves a running session on SIGTERM, exits 0, and goes on after the restart with every acknowledged answer', async () => {
  const config = await testConfig();
  scratch.push(config.dataDir);
  const env = {
    DATA_DIR: config.dataDir, CONTENT_DIR: config.contentDir, DIST_DIR: join(config.dataDir, 'no-dist'),
    NODE_ENV: 'production', SHUTDOWN_DRAIN_MS: '4000', SHUTDOWN_TIMEOUT_MS: String(TIMEOUT_MS),
  };
  for (const account of ACCOUNTS) await addAccount(env, account, PASSWORD);
  const port = await freePort();
  server = await startServerProcess(env, port);
  const [ines, tess, tom, tim] = await Promise.all(ACCOUNTS.map((a) => signInOver(server!.baseUrl, a.email)));
  const { id, code } = (await ines!.request('POST', '/api/live-sessions', { title: 'Before the upgrade' })).json as { id: string; code: string };
  for (const t of [tess, tom, tim]) expect((await t!.request('POST', '/api/live-sessions/join', { code })).status).toBe(200);

  const teacher = await enter(ines!, id);
  const [tessLive, tomLive] = [await enter(tess!, id), await enter(tom!, id)];
  for (const to of ['inspect', 'answer'] as const) expect(await teacher.send({ type: 'phase', to })).toHaveProperty('ack');
  await until(tessLive, (v) => v.phase === 'answer' && v.round === 1);
  const tessAnswer: DrillAnswer = { kind: 'spot-the-fake', counterfeit: 'A', confidence: 0.9 };
  const tomAnswer: DrillAnswer = { kind: 'spot-the-fake', counterfeit: 'B', confidence: 0.6 };
  expect(await tessLive.send({ type: 'answer', round: 1, answer: tessAnswer })).toHaveProperty('ack');
  const closeCodes = new Map<LiveParticipant, number>();
  for (const p of [teacher, tessLive, tomLive]) p.room.onLeave((c) => closeCodes.set(p, c));

  // Tom's answer races the signal: if it is acknowledged, it must survive.
  const tomSent = tomLive.send({ type: 'answer', round: 1, answer: tomAnswer });
  const signalledAt = Date.now();
  process.kill(server.pid, 'SIGTERM');

  // Readiness goes first, while the process still serves (for SHUTDOWN_DRAIN_MS).
  await expect.poll(async () => (await fetch(`${server!.baseUrl}/readyz`)).status, { timeout: 3000, interval: 50 }).toBe(503);
  expect((await (await fetch(`${server.baseUrl}/readyz`)).json()).failing).toEqual(['shutdown']);
  // A new join is refused with a clear message (the client retries a 503).
  const refused = await joinLive(server.baseUrl, tim!.cookie!, id).then(
    () => undefined,
    (e: { code?: number; message?: string }) => e,
  );
  expect(refused).toMatchObject({ code: 503, message: expect.stringMatching(/restarting.*kept/) });

  const tomOutcome = await Promise.race([tomSent, server.exited.then(() => 'no answer' as const)]);
  expect(await server.exited).toBe(0);
  expect(Date.now() - signalledAt).toBeLessThan(TIMEOUT_MS);
  // Clients were told the server restarts, not that the session ended (4000), so they come back.
  expect([...closeCodes.values()]).toEqual([CLOSE_RESTARTING, CLOSE_RESTARTING, CLOSE_RESTARTING]);
  expect(existsSync(join(config.dataDir, 'pglite.lock'))).toBe(false);
  const log = server.output().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { msg: string; level: string });
  const messages = log.map((l) => l.msg);
  expect(messages.findIndex((m) => m.startsWith('Twinspect stopping (SIGTERM)'))).toBeLessThan(messages.indexOf('Twinspect stopped'));
  expect(log.filter((l) => l.level === 'error' || l.level === 'fatal')).toEqual([]);
  expect(server.errors()).toBe('');
  open.length = 0;

  // The new version starts on the same data (it would migrate here) and the session goes on.
  server = await startServerProcess(env, port);
  const tessBack = await enter(tess!, id);
  await until(tessBack, (v) => v.phase === 'answer' && v.round === 1);
  await expect.poll(() => tessBack.welcome?.answer?.answer).toEqual(tessAnswer);
  const tomBack = await enter(tom!, id);
  if (typeof tomOutcome === 'object' && 'ack' in tomOutcome) {
    await expect.poll(() => tomBack.welcome?.answer?.answer).toEqual(tomAnswer);
  } else {
    // Not acknowledged: stored or not, answering again is either taken or refused as already answered.
    const again = await tomBack.send({ type: 'answer', round: 1, answer: tomAnswer });
    if ('refused' in again) expect(again.refused.code).toBe('already_answered');
  }
  const teacherBack = await enter(ines!, id);
  await until(teacherBack, (v) => Object.values(v.participants).filter((p) => p.answeredRound).length === 2);
  expect(await teacherBack.send({ type: 'phase', to: 'reveal' })).toHaveProperty('ack');
  await expect.poll(() => [tessBack.results.length, tomBack.results.length]).toEqual([1, 1]);
  const record = (await (await signInOver(server.baseUrl, ACCOUNTS[0].email)).request('GET', `/api/live-sessions/${id}/record`)).json;
  expect(record.rounds[0].answers.map((a: { name: string }) => a.name).sort()).toEqual(['Tess', 'Tom']);
}, 300_000);
