/** The inspection sync queue: what is sent, in which order, and what a failure or a stale answer does. */
import { describe, expect, it } from 'vitest';
import type { InspectionInput, InspectionRecord } from '../../../../src/domain/inspection';
import { afterPut, classifyFailure, retryDelay, saveState, syncPlan, type LocalInspection, type LocalPhoto } from '../../../../src/app/inspect/sync-queue';

const T = (min: number) => new Date(Date.UTC(2026, 10, 22, 9, min)).toISOString();

function input(id: string, updatedAt: string, marks: InspectionInput['marks'] = []): InspectionInput {
  return { id, productId: 'bramble-bear', contentVersion: 'abc123abc123', reference: 'CASE-1', startedAt: T(0), updatedAt, marks, notes: '' };
}

function record(id: string, updatedAt: string, sentUpdatedAt: string | null, userId = 'erin'): LocalInspection {
  return { id, userId, input: input(id, updatedAt), productName: 'Bramble Bear', sentUpdatedAt, stored: null, refused: null };
}

function photo(id: string, recordId: string, takenAt: string, sent = false): LocalPhoto {
  return { id, recordId, check: 'logo-typography@ear', caption: '', keepLocation: false, blob: new Blob(['x']), fileName: 'p.jpg', takenAt, sent, refused: null };
}

const stored = (i: InspectionInput): InspectionRecord => ({ ...i, officer: { id: 'erin', displayName: 'Erin', email: 'erin@agency.test' }, photos: [], storedAt: T(59) });

describe('the sync plan', () => {
  it('sends each record before its photos, records oldest edit first, photos in the order taken', () => {
    const records = [record('r2', T(5), null), record('r1', T(3), T(1))];
    const photos = [photo('p-late', 'r1', T(4)), photo('p-early', 'r1', T(2)), photo('p2', 'r2', T(6)), photo('p-sent', 'r1', T(1), true)];
    expect(syncPlan(records, photos, 'erin')).toEqual([
      { kind: 'record', id: 'r1' },
      { kind: 'photo', id: 'p-early', recordId: 'r1' },
      { kind: 'photo', id: 'p-late', recordId: 'r1' },
      { kind: 'record', id: 'r2' },
      { kind: 'photo', id: 'p2', recordId: 'r2' },
    ]);
  });

  it('sends nothing that the server has, and only the signed-in user\'s records', () => {
    const records = [record('done', T(3), T(3)), record('other', T(4), null, 'ezra')];
    const photos = [photo('p', 'done', T(5)), photo('q', 'other', T(5))];
    expect(syncPlan(records, photos, 'erin')).toEqual([{ kind: 'photo', id: 'p', recordId: 'done' }]);
    expect(syncPlan(records, photos, 'ezra').map((s) => s.id)).toEqual(['other', 'q']);
  });

  it('holds a refused record (until the next edit) and a refused photo, and sends the rest', () => {
    const refused = { ...record('bad', T(2), null), refused: 'productId: not in the catalogue' };
    const photos = [photo('p', 'bad', T(3)), { ...photo('q', 'ok', T(4)), refused: 'not an image' }, photo('r', 'ok', T(5))];
    expect(syncPlan([refused, record('ok', T(1), T(1))], photos, 'erin')).toEqual([{ kind: 'photo', id: 'r', recordId: 'ok' }]);
  });
});

describe('failures', () => {
  it('retries when there is no answer or the server is busy, waits for sign-in, and stops on a refusal', () => {
    expect(classifyFailure(null, 'record')).toBe('offline');
    expect(classifyFailure(503, 'record')).toBe('offline');
    expect(classifyFailure(429, 'photo')).toBe('offline');
    expect(classifyFailure(401, 'record')).toBe('signed-out');
    expect(classifyFailure(400, 'record')).toBe('refused');
    expect(classifyFailure(404, 'record')).toBe('refused');
    expect(classifyFailure(415, 'photo')).toBe('refused');
    expect(classifyFailure(404, 'photo')).toBe('missing');
  });

  it('backs off 2, 4, 8, 16 s, then every 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(retryDelay)).toEqual([0, 2, 4, 8, 16, 30, 30]);
  });
});

describe('answers', () => {
  it('an acknowledged copy is synced; an edit made meanwhile still waits', () => {
    const local = record('r', T(3), null);
    const done = afterPut(local, local.input, stored(local.input), false);
    expect(done.sentUpdatedAt).toBe(T(3));
    expect(saveState(done, [])).toBe('synced');
    const edited = { ...local, input: input('r', T(4)) };
    const waiting = afterPut(edited, local.input, stored(local.input), false);
    expect(waiting.sentUpdatedAt).toBe(T(3));
    expect(waiting.input.updatedAt).toBe(T(4));
    expect(saveState(waiting, [])).toBe('pending');
  });

  it("a stale answer brings the server's newer copy, unless the device was edited since", () => {
    const local = record('r', T(3), null);
    const newer = stored(input('r', T(7), [{ check: 'logo-typography@ear', mark: 'inconsistent' }]));
    const taken = afterPut(local, local.input, newer, true);
    expect(taken.input).toEqual(input('r', T(7), [{ check: 'logo-typography@ear', mark: 'inconsistent' }]));
    expect(taken.sentUpdatedAt).toBe(T(7));
    expect(saveState(taken, [])).toBe('synced');

    const edited = { ...local, input: input('r', T(9)) };
    const kept = afterPut(edited, local.input, newer, true);
    expect(kept.input.updatedAt).toBe(T(9));
    expect(saveState(kept, [])).toBe('pending');
  });

  it('a record is synced only with all its photos sent', () => {
    const local = record('r', T(3), T(3));
    expect(saveState(local, [photo('p', 'r', T(4))])).toBe('pending');
    expect(saveState(local, [photo('p', 'r', T(4), true), photo('other', 'x', T(4))])).toBe('synced');
    expect(saveState(local, [{ ...photo('p', 'r', T(4)), refused: 'too large' }])).toBe('refused');
  });
});
