import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  clearResume,
  joinFailure,
  leaveOutcome,
  LiveRefusedError,
  loadResume,
  PendingIntents,
  RESUME_KEY,
  saveResume,
} from '../../../src/session/live-rules';

const middle = () => 0.5;

describe('reconnection backoff', () => {
  it('waits 0.25 s, doubling, capped at 4 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => backoffDelay(n, middle))).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000, 4000]);
  });
  it('spreads each wait by at most ±20 %, so a class dropped together does not retry in step', () => {
    expect(backoffDelay(0, () => 0)).toBe(200);
    expect(backoffDelay(0, () => 1)).toBe(300);
    expect(backoffDelay(9, () => 1)).toBe(4800);
  });
});

describe('what a closed room means', () => {
  it('retries after a dropped network (1006) or a server error, not after leaving on purpose', () => {
    expect(leaveOutcome(1006, false, 'answer')).toBe('retry');
    expect(leaveOutcome(4010, false, 'answer')).toBe('retry');
    expect(leaveOutcome(1006, true, 'answer')).toBe('left');
  });
  it('says removed for 4003, and ended once the session ended or the server closed it deliberately', () => {
    expect(leaveOutcome(4003, false, 'answer')).toBe('removed');
    expect(leaveOutcome(1006, false, 'ended')).toBe('ended');
    expect(leaveOutcome(4000, false, 'reveal')).toBe('ended');
  });
  it('does not fight another page of the same account for the seat (4009)', () => {
    expect(leaveOutcome(4009, false, 'answer')).toBe('replaced');
  });
  it('reads failed joins: removed and ended stop, network trouble retries', () => {
    expect(joinFailure(Object.assign(new Error('you were removed'), { code: 4003 }))).toMatchObject({ retry: false, status: 'removed' });
    expect(joinFailure(new Error('session_ended'))).toMatchObject({ retry: false, status: 'ended' });
    expect(joinFailure(new Error('client_too_old'))).toMatchObject({ retry: false, status: 'failed' });
    expect(joinFailure(Object.assign(new Error('The instructor removed you from this session.'), { code: 403 }))).toMatchObject({ retry: false, status: 'removed' });
    expect(joinFailure(Object.assign(new Error('This live session has ended.'), { code: 410 }))).toMatchObject({ retry: false, status: 'ended' });
    expect(joinFailure(Object.assign(new Error('Join this session with its code first.'), { code: 403 }))).toMatchObject({ retry: false, status: 'failed', message: 'Join this session with its code first.' });
    expect(joinFailure(Object.assign(new Error('Sign in to join a live session.'), { code: 401 }))).toMatchObject({ retry: false, status: 'failed' });
    expect(joinFailure(new TypeError('Failed to fetch'))).toEqual({ retry: true });
    expect(joinFailure(Object.assign(new Error('reconnection token invalid or expired.'), { code: 4214 }))).toEqual({ retry: true });
  });
});

describe('intents awaiting their ack', () => {
  it('numbers intents from 1 with the protocol version, and resolves each on its own ack', async () => {
    const p = new PendingIntents();
    const a = p.add({ type: 'follow', on: true });
    const b = p.add({ type: 'phase', to: 'inspect' });
    expect(a.intent).toEqual({ type: 'follow', on: true, v: 1, seq: 1 });
    expect(b.intent.seq).toBe(2);
    expect(p.ack(2)?.type).toBe('phase');
    await expect(b.settled).resolves.toBeUndefined();
    expect(p.size).toBe(1);
    expect(p.ack(99)).toBeNull();
  });
  it('rejects a refused intent with the typed refusal', async () => {
    const p = new PendingIntents();
    const a = p.add({ type: 'phase', to: 'reveal' });
    p.refuse({ seq: 1, code: 'wrong_phase', message: 'not from lobby' });
    await expect(a.settled).rejects.toBeInstanceOf(LiveRefusedError);
    await expect(a.settled).rejects.toMatchObject({ refusal: { code: 'wrong_phase' } });
  });
  it('counts an answer refused as already answered as taken (a resend whose first ack was lost)', async () => {
    const p = new PendingIntents();
    const a = p.add({ type: 'answer', round: 1, answer: { kind: 'verdict', verdict: 'genuine', confidence: 0.5 } });
    p.refuse({ seq: 1, code: 'already_answered', message: 'already' });
    await expect(a.settled).resolves.toBeUndefined();
  });
  it('resends everything unacknowledged after a drop but turns, which the next one replaces', () => {
    const p = new PendingIntents();
    p.add({ type: 'turn', rotation: [0, 0, 0, 1] });
    p.add({ type: 'answer', round: 2, answer: { kind: 'verdict', verdict: 'genuine', confidence: 0.5 } });
    p.add({ type: 'device', device: 'ar' });
    expect(p.resendable().map((i) => [i.type, i.seq])).toEqual([['answer', 2], ['device', 3]]);
    expect(p.size).toBe(2);
  });
  it('fails everything waiting when the session is over', async () => {
    const p = new PendingIntents();
    const a = p.add({ type: 'device', device: 'vr' });
    p.failAll('removed');
    await expect(a.settled).rejects.toThrow('removed');
    expect(p.size).toBe(0);
  });
});

describe('rejoining after a reload', () => {
  function memoryStorage() {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
  }
  it('keeps the session id and reconnection token, and forgets them', () => {
    const s = memoryStorage();
    expect(loadResume(s)).toBeNull();
    saveResume(s, { sessionId: 's1', reconnectionToken: 'room:abc' });
    expect(loadResume(s)).toEqual({ sessionId: 's1', reconnectionToken: 'room:abc' });
    clearResume(s);
    expect(loadResume(s)).toBeNull();
  });
  it('ignores what it cannot read', () => {
    const s = memoryStorage();
    s.setItem(RESUME_KEY, '{not json');
    expect(loadResume(s)).toBeNull();
    s.setItem(RESUME_KEY, JSON.stringify({ reconnectionToken: 'x' }));
    expect(loadResume(s)).toBeNull();
    expect(loadResume(undefined)).toBeNull();
  });
});
