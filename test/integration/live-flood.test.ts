/**
 * Presence is limited per client, in rate and in size, as intents are: a trainee who floods the room
 * with large presence frames is told, then disconnected, and nothing of the flood is relayed, while
 * another trainee's presence keeps reaching the class.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PRESENCE_BYTES, type Pose, type PresenceBatch } from '../../src/domain/live-protocol';
import { CLOSE_FLOODING, MAX_PRESENCE_PER_SECOND } from '../../src/server/live/live-room';
import { until, type LiveParticipant } from '../support/live-client';
import type { Client } from './support/app-client';
import { startLiveApp, type LiveApp } from './support/live-app';

let live: LiveApp;
let accounts: Record<'ines' | 'tess' | 'tom', Client>;

beforeAll(async () => {
  live = await startLiveApp();
  accounts = {
    ines: await live.account('ines@agency.test', 'instructor'),
    tess: await live.account('tess@agency.test', 'trainee'),
    tom: await live.account('tom@agency.test', 'trainee'),
  };
}, 60_000);

afterAll(() => live?.close());

const head: Pose = { p: [0, 1.6, 0], q: [0, 0, 0, 1] };
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A session with everyone in: the instructor keeps every presence batch with the time it arrived. */
async function classOfThree() {
  const { id, code } = await live.newSession(accounts.ines);
  for (const t of [accounts.tess, accounts.tom]) await live.admit(t, code);
  const ines = await live.enter(accounts.ines, id);
  const tess = await live.enter(accounts.tess, id);
  const tom = await live.enter(accounts.tom, id);
  await until(ines, (v) => Object.values(v.participants).filter((p) => p.connected).length === 3);
  await expect.poll(() => !!tess.welcome && !!tom.welcome).toBe(true);
  const seen: { at: number; batch: PresenceBatch }[] = [];
  ines.onPresence = (batch) => seen.push({ at: Date.now(), batch });
  return { ines, tess, tom, seen, ids: { tess: tess.welcome!.you, tom: tom.welcome!.you } };
}

/** Tom's presence at 20 Hz, stamped with the time it was sent; stop() ends it. */
function steady(p: LiveParticipant) {
  const timer = setInterval(() => p.presence({ t: Date.now(), head }), 50);
  return { stop: () => clearInterval(timer) };
}

describe('presence floods', () => {
  it('drops a flood of 8 kB presence frames, tells the flooder and disconnects them; another trainee’s presence still flows', async () => {
    const { tess, tom, seen, ids } = await classOfThree();
    const closed = new Promise<number>((resolve) => tess.room.onLeave((code) => resolve(code)));
    const toms = steady(tom);
    await pause(300);
    const floodStart = Date.now();
    const junk = 'x'.repeat(8000);
    for (let i = 0; i < 4000 && tess.room.connection.isOpen; i++) {
      tess.presence({ t: Date.now(), head, junk } as never);
      if (i % 200 === 199) await pause(0);
    }
    expect(await closed).toBe(CLOSE_FLOODING);
    await pause(1000);
    toms.stop();

    expect(tess.refusals).toContainEqual(expect.objectContaining({ seq: null, code: 'rate_limited' }));
    const peers = seen.flatMap(({ at, batch }) => batch.peers.map((peer) => ({ at, peer })));
    // Nothing of the flood reached the class: each frame was over MAX_PRESENCE_BYTES.
    expect(peers.filter((e) => e.peer.id === ids.tess)).toEqual([]);
    // Tom's updates kept arriving during and after the flood, without piling up behind it.
    const tomsSince = peers.filter((e) => e.peer.id === ids.tom && e.peer.t >= floodStart);
    expect(tomsSince.length).toBeGreaterThan(10);
    const delays = tomsSince.map((e) => e.at - e.peer.t).sort((a, b) => a - b);
    expect(delays[Math.floor(delays.length * 0.99)]).toBeLessThan(1500);
  });

  it('takes a burst past the limit only up to it, warns once, keeps the connection, and takes presence again the next second', async () => {
    const { tess, seen, ids } = await classOfThree();
    for (let i = 0; i < MAX_PRESENCE_PER_SECOND * 3; i++) tess.presence({ t: i, head });
    await expect.poll(() => tess.refusals.length).toBe(1);
    expect(tess.refusals[0]).toMatchObject({ seq: null, code: 'rate_limited' });
    // Only updates within the limit were taken: the last one relayed is at most the limit's.
    await pause(200);
    const relayed = seen.flatMap(({ batch }) => batch.peers).filter((p) => p.id === ids.tess);
    expect(relayed.length).toBeGreaterThan(0);
    expect(Math.max(...relayed.map((p) => p.t))).toBeLessThan(MAX_PRESENCE_PER_SECOND);
    await pause(1100);
    tess.presence({ t: 10_000, head });
    await expect.poll(() => seen.some(({ batch }) => batch.peers.some((p) => p.id === ids.tess && p.t === 10_000))).toBe(true);
    expect(tess.room.connection.isOpen).toBe(true);
    expect(tess.refusals).toHaveLength(1);
    // A frame over the size limit is dropped without a word (presence is never refused one by one).
    tess.presence({ t: 20_000, head, junk: 'x'.repeat(MAX_PRESENCE_BYTES) } as never);
    await pause(300);
    expect(seen.some(({ batch }) => batch.peers.some((p) => p.t === 20_000))).toBe(false);
    expect(tess.refusals).toHaveLength(1);
  });
});
