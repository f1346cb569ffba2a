/** The offline answer queue: what leaves it, what stays, in what order, and for whom. */
import { describe, expect, it } from 'vitest';
import type { DrillResult } from '../../../src/domain/drill';
import { memoryQueue, outcomeOf, queuedAnswerOf, syncQueue, type QueuedAnswer, type SendOutcome } from '../../../src/app/offline/answer-queue';

const answer = { kind: 'verdict' as const, verdict: 'counterfeit' as const, confidence: 0.8 };

function entry(n: number, userId = 'tess'): QueuedAnswer {
  return queuedAnswerOf({ drillId: `drill-${n}`, userId, kind: 'verdict', answer }, new Date(Date.UTC(2026, 0, 1, 9, n)), `00000000-0000-4000-8000-00000000000${n}`);
}

const scored = (drillId: string) => ({ drillId, kind: 'verdict', saved: true }) as unknown as DrillResult;

/** A server that answers each drill id with the given status (200 by default) and records the sends. */
function server(statuses: Record<string, number | 'network'> = {}) {
  const sent: QueuedAnswer[] = [];
  const send = async (e: QueuedAnswer): Promise<SendOutcome> => {
    sent.push(e);
    const status = statuses[e.drillId] ?? 200;
    if (status === 'network') throw new TypeError('Failed to fetch');
    return status === 200 ? { status, result: scored(e.drillId) } : { status };
  };
  return { sent, send };
}

describe('an answer given offline', () => {
  it('carries a fresh UUID key and the time it was given', () => {
    const at = new Date('2026-03-04T05:06:07.000Z');
    const a = queuedAnswerOf({ drillId: 'd', userId: 'u', kind: 'verdict', answer }, at);
    const b = queuedAnswerOf({ drillId: 'd', userId: 'u', kind: 'verdict', answer }, at);
    expect(a.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.key).not.toBe(b.key);
    expect(a.answeredAt).toBe('2026-03-04T05:06:07.000Z');
    expect(a.tries).toBe(0);
  });
});

describe('sending the queue', () => {
  it('sends every answer in order, with its own key, and empties the queue', async () => {
    const queue = memoryQueue([entry(1), entry(2), entry(3)]);
    const { sent, send } = server();
    const progress: string[] = [];
    const report = await syncQueue(queue, send, 'tess', (p) => progress.push(`${p.done}/${p.total}`));
    expect(sent.map((e) => e.drillId)).toEqual(['drill-1', 'drill-2', 'drill-3']);
    expect(sent.map((e) => e.key)).toEqual([entry(1).key, entry(2).key, entry(3).key]);
    expect(report).toMatchObject({ sent: 3, refused: 0, left: 0 });
    expect(report.results.map((r) => r.drillId)).toEqual(['drill-1', 'drill-2', 'drill-3']);
    expect(queue.entries).toEqual([]);
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
  });

  it('stops at a lost connection, keeping that answer and the rest, in order, for the next try', async () => {
    const queue = memoryQueue([entry(1), entry(2), entry(3)]);
    const report = await syncQueue(queue, server({ 'drill-2': 'network' }).send, 'tess');
    expect(report).toMatchObject({ sent: 1, left: 2 });
    expect(queue.entries.map((e) => [e.drillId, e.tries])).toEqual([['drill-2', 1], ['drill-3', 0]]);
    // Back online: the same entries, the same keys, go again.
    const again = server();
    await syncQueue(queue, again.send, 'tess');
    expect(again.sent.map((e) => e.key)).toEqual([entry(2).key, entry(3).key]);
    expect(queue.entries).toEqual([]);
  });

  it('keeps answers while signed out or while the server fails, and drops those refused for good', async () => {
    expect(['retry', 'retry', 'retry', 'retry']).toEqual([0, 401, 503, 429].map(outcomeOf));
    expect(['refused', 'refused', 'refused', 'refused']).toEqual([400, 403, 404, 409].map(outcomeOf));
    expect(outcomeOf(200)).toBe('done');

    const signedOut = memoryQueue([entry(1)]);
    await syncQueue(signedOut, server({ 'drill-1': 401 }).send, 'tess');
    expect(signedOut.entries).toHaveLength(1);

    // Answered on another device in the meantime: the server says 409; it will never take this one.
    const queue = memoryQueue([entry(1), entry(2)]);
    const report = await syncQueue(queue, server({ 'drill-1': 409 }).send, 'tess');
    expect(report).toMatchObject({ sent: 1, refused: 1, left: 0 });
    expect(queue.entries).toEqual([]);
  });

  it("sends only the signed-in trainee's answers, leaving another's waiting", async () => {
    const queue = memoryQueue([entry(1, 'tess'), entry(2, 'omar'), entry(3, 'tess')]);
    const { sent, send } = server();
    await syncQueue(queue, send, 'tess');
    expect(sent.map((e) => e.drillId)).toEqual(['drill-1', 'drill-3']);
    expect(queue.entries.map((e) => e.userId)).toEqual(['omar']);
  });

  it('counts a repeat the server recognises (same key, stored result) as sent, once', async () => {
    // The response to the first send was lost: the answer is still queued and goes again.
    const queue = memoryQueue([entry(1)]);
    const stored = new Map<string, DrillResult>();
    const send = async (e: QueuedAnswer): Promise<SendOutcome> => {
      if (!stored.has(e.key)) stored.set(e.key, scored(e.drillId));
      return { status: 200, result: stored.get(e.key)! };
    };
    await send(queue.entries[0]!); // the first send, whose answer never arrived
    const report = await syncQueue(queue, send, 'tess');
    expect(report.sent).toBe(1);
    expect(stored.size).toBe(1);
    expect(queue.entries).toEqual([]);
  });
});
