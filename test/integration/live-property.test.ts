/**
 * Bad input at a running live room (fast-check, fixed seed): random data, wrong types, old versions,
 * oversized messages, intents from the wrong role, stale answers, moves out of order, unknown message
 * types and binary frames. Each must get exactly the refusal it earns (a code of REFUSAL_CODES), or be
 * dropped where the protocol says so (presence), and none may change the session or break the room.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, REFUSAL_CODES, type LiveStateView, type Refusal } from '../../src/domain/live-protocol';
import { MAX_INTENTS_PER_SECOND } from '../../src/server/live/live-room';
import { joinLive, until, type LiveParticipant } from '../support/live-client';
import type { Client } from './support/app-client';
import { badProbe, CURRENT_ROUND, type Probe, type Sender } from './support/bad-messages';
import { serverState, startLiveApp, type LiveApp } from './support/live-app';

const SEED = 20_260_705;
const RUNS = 100;

let live: LiveApp;
let accounts: Record<Sender, Client>;
const peers = {} as Record<Sender, LiveParticipant>;
let sessionId: string;
let roomId: string;

/** Probes' sequence numbers start here, far from those of the test's own valid intents. */
const PROBE_SEQ = 1_000_000;
let nextSeq = PROBE_SEQ;
/** Sends what a probe says and returns the body sent (a well-formed intent gets the next probe seq). */
function transmit(p: LiveParticipant, wire: Probe['wire']): unknown {
  if (wire.how === 'frame') return p.room.connection.send(wire.bytes);
  if (wire.how === 'bytes') return p.room.sendBytes(wire.type, wire.bytes);
  const body = wire.body;
  const numbered = wire.type === 'intent' && typeof body === 'object' && body !== null && !Array.isArray(body) && 'v' in body && !('seq' in body);
  const sent = numbered ? { ...body, seq: nextSeq++ } : body;
  p.sendRaw(wire.type as string, sent);
  return sent;
}

/** The sequence number the room reads back from a message (as live-room.ts does). */
function seqOf(wire: Probe['wire'], sent: unknown): number | null {
  if (wire.how !== 'message' || wire.type !== 'intent') return null;
  const seq = (sent as { seq?: unknown } | null)?.seq;
  return typeof seq === 'number' && Number.isFinite(seq) ? seq : null;
}

/** Intents are rate limited per client: keep each sender well under the limit in any second. */
const sentAt: Record<Sender, number[]> = { ines: [], tess: [], tom: [] };
async function pace(by: Sender): Promise<void> {
  const recent = sentAt[by].filter((t) => Date.now() - t < 1100);
  if (recent.length >= MAX_INTENTS_PER_SECOND - 10) await new Promise((r) => setTimeout(r, 1100 - (Date.now() - recent[0]!)));
  sentAt[by] = [...recent, Date.now()];
}

/** A valid intent that changes nothing; retried after a second if the flood limit caught it. */
const refusedChecks = new Set<number | null>();
async function stillAnswers(by: Sender): Promise<void> {
  for (let i = 0; ; i++) {
    await pace(by);
    const reply = await Promise.race([
      peers[by].send({ type: 'device', device: 'desktop' }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the room stopped answering ${by}`)), 5000)),
    ]);
    if ('ack' in reply) return;
    refusedChecks.add(reply.refused.seq);
    if (reply.refused.code !== 'rate_limited' || i > 2) throw new Error(`${by}'s valid intent was refused: ${JSON.stringify(reply.refused)}`);
    await new Promise((r) => setTimeout(r, 1100));
  }
}

const key = (seq: number | null) => (seq === null ? 'null' : String(seq));

async function throwAtRoom(probes: Probe[]): Promise<void> {
  const before = serverState(roomId);
  const marks = Object.fromEntries(Object.entries(peers).map(([by, p]) => [by, { refusals: p.refusals.length, received: p.received.length }]));
  const expected: Record<Sender, { seq: number | null; probe: Probe }[]> = { ines: [], tess: [], tom: [] };
  for (const probe of probes) {
    const p = peers[probe.by];
    if (probe.wire.how !== 'frame') await pace(probe.by);
    const sent = transmit(p, probe.wire);
    if (probe.expect !== 'none') expected[probe.by].push({ seq: seqOf(probe.wire, sent), probe });
  }
  // Intents are handled in order: once these are acknowledged, every probe before them has its answer.
  await Promise.all((['ines', 'tess', 'tom'] as const).map(stillAnswers));

  for (const by of ['ines', 'tess', 'tom'] as const) {
    const p = peers[by];
    const refusals: Refusal[] = p.refusals.slice(marks[by]!.refusals).filter((r) => r.seq === null || r.seq >= PROBE_SEQ || !refusedChecks.has(r.seq));
    const acks = p.received.slice(marks[by]!.received).filter((m) => m.type === 'ack');
    const context = `${by}: ${expected[by].map((e) => e.probe.label).join(' | ')}`;
    expect(acks, context).toHaveLength(1);
    expect(refusals.map((r) => key(r.seq)).sort(), context).toEqual(expected[by].map((e) => key(e.seq)).sort());
    for (const r of refusals) expect(REFUSAL_CODES, context).toContain(r.code);
    for (const { seq, probe } of expected[by]) {
      if (seq === null || probe.expect === 'any') continue;
      const got = refusals.find((r) => r.seq === seq)!;
      expect([probe.expect, 'rate_limited'], `${probe.label}: ${got.message}`).toContain(got.code);
    }
  }
  expect(serverState(roomId)).toEqual(before);
}

describe('bad input at a live room', () => {
  beforeAll(async () => {
    live = await startLiveApp();
    accounts = {
      ines: await live.account('ines@agency.test', 'instructor'),
      tess: await live.account('tess@agency.test', 'trainee'),
      tom: await live.account('tom@agency.test', 'trainee'),
    };
    ({ id: sessionId } = await live.newSession(accounts.ines));
    const { code } = (await live.record(accounts.ines, sessionId)).session;
    for (const by of ['tess', 'tom'] as const) await live.admit(accounts[by], code);
    for (const by of ['ines', 'tess', 'tom'] as const) peers[by] = await live.enter(accounts[by], sessionId);
    roomId = peers.ines.room.roomId;
    // Round 2, answer phase: Tom has answered it, Tess has not; "Follow me" is off.
    const move = async (to: 'inspect' | 'answer' | 'reveal') => expect(await peers.ines.send({ type: 'phase', to })).toHaveProperty('ack');
    for (const to of ['inspect', 'answer', 'reveal', 'inspect', 'answer'] as const) await move(to);
    await until(peers.tom, (v) => v.phase === 'answer' && v.round === CURRENT_ROUND);
    expect(await peers.tom.send({ type: 'answer', round: CURRENT_ROUND, answer: { kind: 'spot-the-fake', counterfeit: 'A', confidence: 0.5 } })).toHaveProperty('ack');
  }, 120_000);

  afterAll(() => live?.close());

  it('refuses each with its typed error, changes nothing and keeps answering', async () => {
    const before: LiveStateView = await until(peers.ines, (v) => Object.values(v.participants).filter((p) => p.answeredRound).length === 1);
    await fc.assert(
      fc.asyncProperty(fc.array(badProbe, { minLength: 1, maxLength: 8 }), throwAtRoom),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The instructor's copy, after the last patch has had time to arrive, is the state before the storm.
    await new Promise((r) => setTimeout(r, 200));
    expect(peers.ines.view()).toEqual(before);
    expect(serverState(roomId)).toEqual(before);
    expect(Object.values(before.participants).every((p) => p.connected)).toBe(true);
  }, 120_000);

  it('refuses a flood of intents past the limit, then takes intents again', async () => {
    const replies = await Promise.all(Array.from({ length: MAX_INTENTS_PER_SECOND + 20 }, () => peers.tess.send({ type: 'device', device: 'desktop' })));
    const limited = replies.filter((r) => 'refused' in r && r.refused.code === 'rate_limited');
    expect(limited.length).toBeGreaterThanOrEqual(20);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await peers.tess.send({ type: 'device', device: 'desktop' })).toHaveProperty('ack');
  });

  it('closes only the sender of a frame over the transport limit; the trainee comes back to the same session', async () => {
    const before = serverState(roomId);
    const closed = new Promise<number>((resolve) => peers.tess.room.onLeave((code) => resolve(code)));
    peers.tess.sendRaw('intent', { v: 1, seq: 1, type: 'answer', padding: 'x'.repeat(9 * MAX_MESSAGE_BYTES) });
    expect(await closed).not.toBe(4000);
    const you = peers.tess.welcome!.you;
    await until(peers.ines, (v) => v.participants[you]?.connected === false);
    peers.tess = await joinLive(live.baseUrl, accounts.tess.cookie!, sessionId);
    await until(peers.ines, (v) => v.participants[you]?.connected === true);
    expect(await peers.tom.send({ type: 'device', device: 'desktop' })).toHaveProperty('ack');
    expect(serverState(roomId)).toEqual(before);
    await peers.tess.leave();
  });
});
