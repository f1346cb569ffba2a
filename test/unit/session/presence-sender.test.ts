import { describe, expect, it } from 'vitest';
import type { PresenceUpdate } from '../../../src/domain/live-protocol';
import { PresenceSender, TurnSender } from '../../../src/session/presence-sender';

function clock() {
  const c = { t: 1000, now: () => c.t };
  return c;
}

describe('presence is sent at most 20 times a second, and only when it changed', () => {
  it('sends the first update, then nothing sooner than 50 ms', () => {
    const c = clock();
    const sent: PresenceUpdate[] = [];
    const s = new PresenceSender((u) => (sent.push(structuredClone(u)), true), c.now);
    const u: PresenceUpdate = { t: 0, head: { p: [0, 1.6, 2], q: [0, 0, 0, 1] }, ray: null };
    expect(s.offer(u)).toBe(true);
    expect(sent[0]!.t).toBe(1000);
    u.head!.p[0] = 0.2;
    c.t += 30;
    expect(s.offer(u)).toBe(false);
    c.t += 20;
    expect(s.offer(u)).toBe(true);
    expect(sent.map((x) => x.head!.p[0])).toEqual([0, 0.2]);
  });
  it('over a second of frames at 90 Hz with the head moving sends at most 20 (every fifth frame: 18)', () => {
    const c = clock();
    let n = 0;
    const s = new PresenceSender(() => (n++, true), c.now);
    const u: PresenceUpdate = { t: 0, head: { p: [0, 1.6, 2], q: [0, 0, 0, 1] } };
    for (let f = 0; f < 90; f++) {
      u.head!.p[0] = f * 0.01;
      s.offer(u);
      c.t += 1000 / 90;
    }
    expect(n).toBeGreaterThanOrEqual(18);
    expect(n).toBeLessThanOrEqual(20);
  });
  it('keeps quiet while nothing moves, but for a heartbeat each second', () => {
    const c = clock();
    let n = 0;
    const s = new PresenceSender(() => (n++, true), c.now);
    const u: PresenceUpdate = { t: 0, head: { p: [0, 1.6, 2], q: [0, 0, 0, 1] }, ray: { origin: [0, 1, 2], direction: [0, 0, -1] } };
    for (let f = 0; f < 60; f++) {
      s.offer(u);
      c.t += 50;
    }
    expect(n).toBe(3); // t = 0, 1 s, 2 s of 3 s
  });
  it('notices a pointer leaving the stage (ray to null) and a hand appearing', () => {
    const c = clock();
    let n = 0;
    const s = new PresenceSender(() => (n++, true), c.now);
    const u: PresenceUpdate = { t: 0, ray: { origin: [0, 1, 2], direction: [0, 0, -1] } };
    s.offer(u);
    c.t += 60;
    u.ray = null;
    expect(s.offer(u)).toBe(true);
    c.t += 60;
    u.left = { p: [0.1, 1, 0], q: [0, 0, 0, 1] };
    expect(s.offer(u)).toBe(true);
    expect(n).toBe(3);
  });
  it('tries again next frame when the connection could not send', () => {
    const c = clock();
    let up = false;
    const s = new PresenceSender(() => up, c.now);
    const u: PresenceUpdate = { t: 0, head: { p: [0, 0, 0], q: [0, 0, 0, 1] } };
    expect(s.offer(u)).toBe(false);
    up = true;
    expect(s.offer(u)).toBe(true);
  });
});

describe("the instructor's turning", () => {
  it('sends at most every 50 ms, only when the models moved, and again after a reset', () => {
    const c = clock();
    const sent: number[][] = [];
    const t = new TurnSender((r) => sent.push(r), c.now);
    expect(t.offer(0, 0, 0, 1)).toBe(true);
    c.t += 60;
    expect(t.offer(0, 0, 0, 1)).toBe(false);
    expect(t.offer(0, 0, 0, -1)).toBe(false); // the same orientation
    const s = Math.sin(0.05);
    expect(t.offer(0, s, 0, Math.cos(0.05))).toBe(true);
    c.t += 10;
    expect(t.offer(0, 0, 0, 1)).toBe(false);
    t.reset();
    expect(t.offer(0, s, 0, Math.cos(0.05))).toBe(true);
    expect(sent).toHaveLength(3);
  });
});
