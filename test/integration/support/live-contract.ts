/**
 * Live sessions, the same assertions on every backend (PGlite and PostgreSQL), on a real server and
 * real WebSockets: an instructor runs the phases, trainees join with the code and answer; roles, the
 * key's secrecy, answers before their ack, reconnection, removal and the record.
 * Colyseus' matchmaker is one per process: a suite closes its app before the next one listens.
 */
import { matchMaker } from '@colyseus/core';
import { Client as ColyseusClient } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillQuestion } from '../../../src/domain/drill';
import { LIVE_PROTOCOL_VERSION, LIVE_ROOM } from '../../../src/domain/live-protocol';
import { createSealer } from '../../../src/server/auth/sealing';
import type { ServerConfig } from '../../../src/server/config';
import { createDrillService } from '../../../src/server/drills/drill-service';
import { createLiveDb } from '../../../src/server/live/live-db';
import { joinLive, until, wsUrl, type LiveParticipant } from '../../support/live-client';
import type { Client } from './app-client';
import { startLiveApp, type LiveApp } from './live-app';

export function describeLiveContract(backend: string, makeConfig: () => Promise<ServerConfig>) {
  let live: LiveApp;
  let baseUrl: string;
  let instructor: Client;
  let trainees: Client[];
  const enter = (who: Client, sessionId: string): Promise<LiveParticipant> => live.enter(who, sessionId);
  const newSession = () => live.newSession(instructor);
  /** A new session with Tess in it, moved on to its first round's answer phase. */
  async function inAnswerPhase() {
    const { id, code } = await newSession();
    await trainees[0]!.request('POST', '/api/live-sessions/join', { code });
    const teacher = await enter(instructor, id);
    const tess = await enter(trainees[0]!, id);
    await teacher.send({ type: 'phase', to: 'inspect' });
    await teacher.send({ type: 'phase', to: 'answer' });
    await until(tess, (v) => v.phase === 'answer');
    return { id, teacher, tess };
  }

  describe(`a live session on ${backend}`, () => {
    beforeAll(async () => {
      live = await startLiveApp(await makeConfig());
      baseUrl = live.baseUrl;
      instructor = await live.account('ines@agency.test', 'instructor');
      trainees = [await live.account('tess@agency.test', 'trainee'), await live.account('tom@agency.test', 'trainee')];
    }, 60_000);

    afterAll(() => live?.close());

    it('runs inspect → answer → reveal with the key sent only at the reveal, and answers stored before their ack', async () => {
      const { id, code } = await newSession();
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{9}$/);
      const teacher = await enter(instructor, id);
      for (const t of trainees) expect((await t.request('POST', '/api/live-sessions/join', { code: code.toLowerCase().replace(/(...)/g, '$1-') })).status).toBe(200);
      const [tess, tom] = [await enter(trainees[0]!, id), await enter(trainees[1]!, id)];
      await until(teacher, (v) => Object.values(v.participants).filter((p) => p.connected).length === 3);

      expect(await teacher.send({ type: 'phase', to: 'inspect' })).toHaveProperty('ack');
      const inspecting = await until(tess, (v) => v.phase === 'inspect' && v.question !== '');
      const question = JSON.parse(inspecting.question) as DrillQuestion;
      expect(question.items).toHaveLength(2);

      // A trainee may not move the class; an answer before the answer phase is refused.
      expect(await tess.send({ type: 'phase', to: 'reveal' })).toEqual({ refused: expect.objectContaining({ code: 'forbidden' }) });
      expect(await tess.send({ type: 'answer', round: 1, answer: { kind: 'spot-the-fake', counterfeit: 'A', confidence: 0.8 } })).toEqual({
        refused: expect.objectContaining({ code: 'wrong_phase' }),
      });

      await teacher.send({ type: 'phase', to: 'answer' });
      await until(tess, (v) => v.phase === 'answer');
      expect(await tess.send({ type: 'answer', round: 1, answer: { kind: 'spot-the-fake', counterfeit: 'A', confidence: 0.8 } })).toHaveProperty('ack');
      // Acknowledged means stored.
      const stored = await live.record(instructor, id);
      expect(stored.rounds[0]!.answers.map((a) => a.name)).toEqual(['tess']);
      expect(await tess.send({ type: 'answer', round: 1, answer: { kind: 'spot-the-fake', counterfeit: 'B', confidence: 0.9 } })).toEqual({
        refused: expect.objectContaining({ code: 'already_answered' }),
      });
      expect(await tom.send({ type: 'answer', round: 1, answer: { kind: 'spot-the-fake', counterfeit: 'B', confidence: 0.6 } })).toHaveProperty('ack');
      await until(teacher, (v) => Object.values(v.participants).filter((p) => p.answeredRound).length === 2);

      // Nothing a trainee received before the reveal names the variants or the tells.
      const before = JSON.stringify({ received: tess.received, state: tess.view() });
      expect(before).not.toMatch(/fake-a|fake-b|"genuine"|counterfeitLabel/);

      await teacher.send({ type: 'phase', to: 'reveal' });
      const revealed = await until(tess, (v) => v.reveal !== '');
      expect(JSON.parse(revealed.reveal).revealed.map((r: { kind: string }) => r.kind).sort()).toEqual(['counterfeit', 'genuine']);
      await expect.poll(() => tess.results.length).toBe(1);
      await expect.poll(() => tom.results.length).toBe(1);
      const right = [tess, tom].filter((p) => p.results[0]!.result.score.correct);
      expect(right).toHaveLength(1);
      const standings = Object.values((await until(teacher, (v) => Object.values(v.participants).some((p) => p.points > 0))).participants);
      expect(standings.filter((p) => p.role === 'trainee').map((p) => p.correct).sort()).toEqual([0, 1]);

      // The spotlight takes only a tell of this round.
      const tellId = JSON.parse(revealed.reveal).tells[0]?.id as string | undefined;
      if (tellId) expect(await teacher.send({ type: 'spotlight', tellId })).toHaveProperty('ack');
      expect(await teacher.send({ type: 'spotlight', tellId: 'no-such-tell' })).toEqual({ refused: expect.objectContaining({ code: 'not_found' }) });

      const csv = await instructor.request('GET', `/api/live-sessions/${id}/results.csv`);
      expect(csv.status).toBe(200);
      const lines = csv.text.trim().split('\r\n');
      expect(lines).toHaveLength(3);
      // Each answer says its round: the session's CSV starts with a round column.
      expect(lines[0]!.startsWith('round,trainee,email,')).toBe(true);
      expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['1', '1']);
    });

    it('refuses a wrong code, and keeps a removed trainee out', async () => {
      const { id, code } = await newSession();
      expect((await trainees[0]!.request('POST', '/api/live-sessions/join', { code: 'ZZZZZZZZZ' })).status).toBe(404);
      expect((await trainees[0]!.request('POST', '/api/live-sessions/join', { code })).status).toBe(200);
      // Without the code, the room does not let a trainee in.
      await expect(joinLive(baseUrl, trainees[1]!.cookie!, id)).rejects.toThrow(/code/);
      const teacher = await enter(instructor, id);
      const tess = await enter(trainees[0]!, id);
      await expect.poll(() => tess.welcome).toBeDefined();
      const tessId = tess.welcome!.you;
      const closed = new Promise<number>((resolve) => tess.room.onLeave((c) => resolve(c)));
      expect(await teacher.send({ type: 'remove', participantId: tessId })).toHaveProperty('ack');
      expect(await closed).toBe(4003);
      expect((await trainees[0]!.request('POST', '/api/live-sessions/join', { code })).status).toBe(403);
      await expect(joinLive(baseUrl, trainees[0]!.cookie!, id)).rejects.toThrow(/removed/);
    });

    it('keeps one room per session: a trainee who makes a second one during the answer phase is refused', async () => {
      const { id, teacher, tess } = await inAnswerPhase();
      // The attack: a room of one's own for the same session, still in its answer phase after the reveal.
      const own = new ColyseusClient(wsUrl(baseUrl), { headers: { cookie: trainees[0]!.cookie! } });
      await expect(own.create(LIVE_ROOM, { sessionId: id, v: LIVE_PROTOCOL_VERSION })).rejects.toThrow();
      // However a room is asked for, the database lets the session have one.
      await expect(matchMaker.createRoom(LIVE_ROOM, { sessionId: id })).rejects.toMatchObject({ code: 409 });
      expect((await matchMaker.query({ name: LIVE_ROOM, sessionId: id })).map((r) => r.roomId)).toEqual([teacher.room.roomId]);
      // Joining still finds the one room.
      const again = await joinLive(baseUrl, trainees[0]!.cookie!, id);
      expect(again.room.roomId).toBe(teacher.room.roomId);
      await again.leave();
    });

    it('holds a session for one room at a time: a claim is refused while another holds it, and taken once released or lapsed', async () => {
      const { id } = await newSession();
      const liveDb = createLiveDb(live.app.database.db);
      expect(await liveDb.claimRoom(id, 'room-1', 15)).toBe(true);
      expect(await liveDb.claimRoom(id, 'room-2', 15)).toBe(false);
      // Renewing one's own claim keeps it.
      expect(await liveDb.claimRoom(id, 'room-1', 15)).toBe(true);
      await liveDb.releaseRoom(id, 'room-2');
      expect(await liveDb.claimRoom(id, 'room-2', 15)).toBe(false);
      await liveDb.releaseRoom(id, 'room-1');
      // A lease already lapsed (a process that died holding it) is taken over.
      expect(await liveDb.claimRoom(id, 'room-2', -1)).toBe(true);
      expect(await liveDb.claimRoom(id, 'room-3', 15)).toBe(true);
      expect(await liveDb.claimRoom(id, 'room-2', 15)).toBe(false);
      await liveDb.releaseRoom(id, 'room-3');
    });

    it('refuses in the database an answer that arrives after the round is revealed, whatever room it came through', async () => {
      const { id, teacher, tess } = await inAnswerPhase();
      await teacher.send({ type: 'phase', to: 'reveal' });
      await until(tess, (v) => v.reveal !== '');
      // What a second room in its answer phase would do with the answer: the drill service, straight.
      const { db } = live.app.database;
      const drills = createDrillService({ db, store: live.app.store, sealer: await createSealer(db) });
      const round = (await createLiveDb(db).round(id, 1))!;
      const user = (await live.app.users.byEmail('tess@agency.test'))!;
      const late = drills.answerRound(
        { id: user.id, email: user.email, displayName: user.displayName, role: user.role },
        { sessionId: id, round: 1, kind: round.kind, seed: round.seed, question: round.question, key: round.answerKey, startedAt: round.startedAt },
        { kind: 'spot-the-fake', counterfeit: 'A', confidence: 0.9 },
      );
      await expect(late).rejects.toMatchObject({ code: 'wrong_phase' });
      expect((await live.record(instructor, id)).rounds[0]!.answers).toEqual([]);
      // Through the room too.
      expect(await tess.send({ type: 'answer', round: 1, answer: { kind: 'spot-the-fake', counterfeit: 'A', confidence: 0.9 } })).toEqual({
        refused: expect.objectContaining({ code: 'wrong_phase' }),
      });
    });

    it('takes a dropped trainee back with the same identity and answer', async () => {
      const { id, teacher, tess } = await inAnswerPhase();
      await tess.send({ type: 'answer', round: 1, answer: { kind: 'spot-the-fake', counterfeit: 'B', confidence: 0.7 } });
      const you = tess.welcome!.you;
      await tess.leave(false);
      await until(teacher, (v) => v.participants[you]?.connected === false);
      // A fresh page of the same account (a reload) is back in, with its answer.
      const again = await enter(trainees[0]!, id);
      await until(teacher, (v) => v.participants[you]?.connected === true);
      await expect.poll(() => again.welcome?.answer?.answer).toEqual({ kind: 'spot-the-fake', counterfeit: 'B', confidence: 0.7 });
    });
  });
}
