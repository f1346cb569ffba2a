import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DrillAnswer } from '../../../src/domain/drill';
import { createLiveStore } from '../../../src/session/live-store';
import { FakeRoom, FakeTransport, view } from './fake-room';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
    key: () => null,
    get length() {
      return m.size;
    },
  };
}

const answer: DrillAnswer = { kind: 'spot-the-fake', counterfeit: 'B', confidence: 0.8 };
const flush = () => vi.advanceTimersByTimeAsync(0);

let transport: FakeTransport;
let storage: Storage;
let live: ReturnType<typeof createLiveStore>;

beforeEach(() => {
  vi.useFakeTimers();
  transport = new FakeTransport();
  storage = memoryStorage();
  live = createLiveStore({ transport: () => transport, storage, random: () => 0.5, now: () => 5000 });
});
afterEach(() => vi.useRealTimers());

async function joined(v = view({ phase: 'answer', round: 1 })) {
  transport.joinScript.push(new FakeRoom('room:tess', v));
  live.actions.connect('s1', 'ar');
  await flush();
  transport.room.emit('welcome', { protocol: 1, you: 'tess', role: 'trainee', answer: null });
  return transport.room;
}

describe('joining a live session', () => {
  it('joins with the session, protocol version and device, renders the state, and keeps what a reload needs', async () => {
    const statuses: string[] = [];
    live.store.subscribe((s) => statuses.push(s.status));
    await joined();
    expect(transport.joins).toEqual([{ sessionId: 's1', v: 1, device: 'ar' }]);
    const s = live.store.getState();
    expect(s).toMatchObject({ status: 'connected', you: 'tess', role: 'trainee' });
    expect(s.state?.phase).toBe('answer');
    expect(statuses[0]).toBe('connecting');
    expect(JSON.parse(storage.getItem('twinspect.live')!)).toEqual({ sessionId: 's1', reconnectionToken: 'room:tess' });
  });

  it('sends an answer as a numbered intent, and shows it confirmed on the ack', async () => {
    const room = await joined();
    const sent = live.actions.answer(answer);
    expect(live.store.getState().myAnswer).toEqual({ round: 1, answer, confirmed: false });
    expect(room.intents()).toEqual([{ type: 'answer', round: 1, answer, v: 1, seq: 1 }]);
    room.emit('ack', { seq: 1 });
    await sent;
    expect(live.store.getState().myAnswer?.confirmed).toBe(true);
  });

  it('shows a refusal and takes back the answer it refused', async () => {
    const room = await joined();
    const sent = live.actions.answer(answer);
    room.emit('refused', { seq: 1, code: 'wrong_phase', message: 'answers are closed' });
    await expect(sent).rejects.toThrow('answers are closed');
    expect(live.store.getState().myAnswer).toBeNull();
    expect(live.store.getState().lastRefusal).toMatchObject({ code: 'wrong_phase' });
  });

  it('forgets last round’s answer and result when the round changes', async () => {
    const room = await joined(view({ phase: 'reveal', round: 1 }));
    room.emit('result', { round: 1, result: { drillId: 'd', kind: 'spot-the-fake' } });
    expect(live.store.getState().myResult?.round).toBe(1);
    room.patch(view({ phase: 'inspect', round: 2 }));
    expect(live.store.getState().myResult).toBeNull();
    expect(live.store.getState().state?.round).toBe(2);
  });
});

describe('presence and the shared rotation stay out of React state', () => {
  it('keeps the latest presence per other participant in a map, without a store update', async () => {
    const room = await joined(view({ participants: { ines: { id: 'ines', name: 'Ines', role: 'instructor', device: 'desktop', connected: true, answeredRound: false, points: 0, correct: 0, answered: 0 } } }));
    let updates = 0;
    live.store.subscribe(() => updates++);
    room.emit('presence', { peers: [{ id: 'ines', t: 1, ray: { origin: [0, 1, 3], direction: [0, 0, -1] } }, { id: 'tess', t: 1 }] });
    room.emit('presence', { peers: [{ id: 'ines', t: 2, ray: null }] });
    expect(updates).toBe(0);
    expect(live.peers.get('ines')).toMatchObject({ t: 2, ray: null, receivedAt: 5000 });
    expect(live.peers.has('tess')).toBe(false);
    room.patch(view({ rotation: [0, 1, 0, 0], participants: live.store.getState().state!.participants }));
    expect(updates).toBe(0);
    expect(live.rotation).toEqual([0, 1, 0, 0]);
  });
  it('drops the presence of someone who left', async () => {
    const room = await joined();
    room.emit('presence', { peers: [{ id: 'bo', t: 1 }] });
    expect(live.peers.has('bo')).toBe(true);
    room.patch(view({ phase: 'inspect' }));
    expect(live.peers.has('bo')).toBe(false);
  });
});

describe('a dropped network', () => {
  it('shows reconnecting, rejoins with the token after 0.25 s, and resends the unacknowledged answer', async () => {
    const room = await joined();
    void live.actions.answer(answer).catch(() => {});
    room.close(1006);
    expect(live.store.getState().status).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(240);
    expect(transport.reconnects).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(transport.reconnects).toEqual(['room:tess']);
    const back = transport.room;
    expect(live.store.getState().status).toBe('connected');
    expect(back.intents()).toEqual([{ type: 'answer', round: 1, answer, v: 1, seq: 1 }]);
    back.emit('welcome', { protocol: 1, you: 'tess', role: 'trainee', answer: null });
    expect(live.store.getState().myAnswer).toMatchObject({ confirmed: false });
    back.emit('refused', { seq: 1, code: 'already_answered', message: 'taken before the drop' });
    expect(live.store.getState().lastRefusal).toBeNull();
  });

  it('falls back to joining with the session id when the token is refused, and backs off to 4 s while the server is down', async () => {
    const room = await joined();
    room.close(1006);
    const down = () => Object.assign(new Error('connect ECONNREFUSED'), {});
    transport.reconnectScript.push(down(), down(), down(), down(), down(), down(), new Error('reconnection token invalid'));
    transport.joinScript.push(down(), down(), down(), down(), down(), down());
    const times: number[] = [];
    let t = 0;
    for (let i = 0; i < 7; i++) {
      const before = transport.reconnects.length;
      while (transport.reconnects.length === before) {
        await vi.advanceTimersByTimeAsync(50);
        t += 50;
      }
      times.push(t);
    }
    const gaps = times.map((x, i) => x - (times[i - 1] ?? 0));
    expect(gaps).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
    expect(live.store.getState().status).toBe('connected');
    expect(transport.joins.at(-1)).toEqual({ sessionId: 's1', v: 1, device: 'ar' });
    expect(live.store.getState().attempt).toBe(0);
  });

  it('rejoins at once after a reload, from what the tab kept', async () => {
    await joined();
    const again = createLiveStore({ transport: () => transport, storage });
    expect(again.actions.resume('desktop')).toBe(true);
    await flush();
    expect(transport.reconnects).toEqual(['room:tess']);
    expect(again.store.getState().status).toBe('connected');
  });
});

describe('the end of a session', () => {
  it('says removed on close code 4003, does not retry, and forgets the session', async () => {
    const room = await joined();
    room.close(4003);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(live.store.getState()).toMatchObject({ status: 'removed' });
    expect(live.store.getState().message).toMatch(/removed/);
    expect(transport.reconnects).toEqual([]);
    expect(storage.getItem('twinspect.live')).toBeNull();
  });
  it('says ended when the room closes after the session ended', async () => {
    const room = await joined();
    room.patch(view({ phase: 'ended' }));
    room.close(1006);
    expect(live.store.getState().status).toBe('ended');
  });
  it('stops retrying when a rejoin says the participant was removed meanwhile', async () => {
    const room = await joined();
    room.close(1006);
    transport.reconnectScript.push(Object.assign(new Error('removed'), { code: 4003 }));
    await vi.advanceTimersByTimeAsync(300);
    expect(live.store.getState().status).toBe('removed');
    expect(transport.joins).toHaveLength(1);
  });
  it('leaves on purpose without reconnecting', async () => {
    const room = await joined();
    await live.actions.leave();
    expect(room.left).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(live.store.getState().status).toBe('idle');
    expect(transport.reconnects).toEqual([]);
    expect(storage.getItem('twinspect.live')).toBeNull();
  });
});
