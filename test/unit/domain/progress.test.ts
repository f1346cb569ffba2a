import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../../src/domain/attempt';
import { mastery } from '../../../src/domain/mastery';
import { summariseGroup, summariseProgress, type PractiseItem } from '../../../src/domain/progress';

let n = 0;
function attempt(extra: Partial<AttemptRecord>): AttemptRecord {
  n += 1;
  return {
    id: `d${n}`,
    userId: 'u1',
    kind: 'spot-the-fake',
    productId: 'aurel-tote',
    productName: 'Aurel Tote',
    catalogueVersion: 'v1',
    issuedAt: '2025-03-10T08:59:00.000Z',
    answeredAt: '2025-03-10T09:00:00.000Z',
    correct: true,
    scaled: 1,
    passed: true,
    confidence: null,
    brier: null,
    tellsTotal: 0,
    tellsFound: 0,
    falseAlarms: 0,
    hintsUsed: 0,
    durationMs: 10_000,
    outcomes: [],
    ...extra,
  };
}

function call(correct: boolean, confidence: number, answeredAt: string, extra: Partial<AttemptRecord> = {}): AttemptRecord {
  return attempt({
    correct,
    passed: correct,
    scaled: correct ? 1 : 0,
    confidence,
    brier: (confidence - (correct ? 1 : 0)) ** 2,
    answeredAt,
    outcomes: [{ category: 'logo-typography', tellId: null, success: correct ? 1 : 0 }],
    ...extra,
  });
}

function tells(found: number, total: number, answeredAt: string, extra: Partial<AttemptRecord> = {}): AttemptRecord {
  return attempt({
    kind: 'find-the-tells',
    tellsFound: found,
    tellsTotal: total,
    answeredAt,
    outcomes: Array.from({ length: total }, (_, i) => ({
      category: 'stitching-construction' as const,
      tellId: `t${i}`,
      success: i < found ? (1 as const) : (0 as const),
    })),
    ...extra,
  });
}

describe('summariseProgress', () => {
  it('is empty but well formed with no attempts', () => {
    const s = summariseProgress([], []);
    expect(s).toMatchObject({ attempts: 0, accuracy: null, tellsFoundRate: null, meanBrier: null, timeline: [], byProduct: [], byCategory: [] });
    expect(s.calibration).toHaveLength(5);
    expect(s.calibration.every((b) => b.count === 0 && b.accuracy === null && b.meanConfidence === null)).toBe(true);
  });

  it('adds up accuracy over calls, tells found over find-the-tells, and the mean Brier score', () => {
    const s = summariseProgress(
      [
        call(true, 0.8, '2025-03-10T09:00:00Z'),
        call(false, 0.6, '2025-03-10T10:00:00Z', { kind: 'verdict' }),
        call(true, 1, '2025-03-10T11:00:00Z'),
        tells(2, 3, '2025-03-10T12:00:00Z'),
        tells(1, 1, '2025-03-10T13:00:00Z'),
      ],
      [],
    );
    expect(s.attempts).toBe(5);
    expect(s.accuracy).toBeCloseTo(2 / 3, 12);
    expect(s.tellsFoundRate).toBeCloseTo(3 / 4, 12);
    expect(s.meanBrier).toBeCloseTo((0.04 + 0.36 + 0) / 3, 12);
  });

  it('groups the timeline by UTC day, oldest first', () => {
    const s = summariseProgress(
      [
        tells(1, 2, '2025-03-12T08:00:00Z'),
        call(true, 0.9, '2025-03-10T23:30:00Z'),
        // 01:00 in UTC+02:00 is still 23:00 the day before in UTC.
        call(false, 0.9, '2025-03-11T01:00:00+02:00'),
        call(true, 0.9, '2025-03-12T09:00:00Z'),
      ],
      [],
    );
    expect(s.timeline).toEqual([
      { day: '2025-03-10', attempts: 2, accuracy: 0.5, tellsFoundRate: null },
      { day: '2025-03-12', attempts: 2, accuracy: 1, tellsFoundRate: 0.5 },
    ]);
  });

  it('bins calls by stated confidence, 1 going in the top bin', () => {
    const s = summariseProgress(
      [
        call(true, 0.5, '2025-03-10T09:00:00Z'),
        call(false, 0.55, '2025-03-10T09:00:00Z'),
        call(true, 0.6, '2025-03-10T09:00:00Z'),
        call(true, 0.9, '2025-03-10T09:00:00Z'),
        call(true, 1, '2025-03-10T09:00:00Z'),
        call(false, 1, '2025-03-10T09:00:00Z'),
        tells(1, 1, '2025-03-10T09:00:00Z'),
      ],
      [],
    );
    expect(s.calibration.map((b) => [b.from, b.to, b.count])).toEqual([
      [0.5, 0.6, 2],
      [0.6, 0.7, 1],
      [0.7, 0.8, 0],
      [0.8, 0.9, 0],
      [0.9, 1, 3],
    ]);
    expect(s.calibration[0]).toMatchObject({ accuracy: 0.5, meanConfidence: expect.closeTo(0.525, 12) });
    expect(s.calibration[2]).toMatchObject({ accuracy: null, meanConfidence: null });
    expect(s.calibration[4]!.accuracy).toBeCloseTo(2 / 3, 12);
  });

  it('lists products by name, with mastery from their outcomes oldest to newest', () => {
    const s = summariseProgress(
      [
        call(true, 0.9, '2025-03-11T09:00:00Z', { productId: 'kron-watch', productName: 'Kron Watch' }),
        call(false, 0.9, '2025-03-12T09:00:00Z'),
        call(true, 0.9, '2025-03-10T09:00:00Z'),
        tells(1, 2, '2025-03-11T09:00:00Z'),
      ],
      [],
    );
    expect(s.byProduct.map((p) => [p.productName, p.attempts])).toEqual([
      ['Aurel Tote', 3],
      ['Kron Watch', 1],
    ]);
    const tote = s.byProduct[0]!;
    expect(tote.accuracy).toBe(0.5);
    expect(tote.tellsFoundRate).toBe(0.5);
    // 10th: success; 11th: found t0, missed t1; 12th: wrong.
    expect(tote.mastery).toBeCloseTo(mastery([1, 1, 0, 0]), 12);
  });

  it('gives category mastery in catalogue category order, only for categories with outcomes', () => {
    const s = summariseProgress(
      [
        tells(3, 4, '2025-03-10T09:00:00Z'),
        call(false, 0.7, '2025-03-11T09:00:00Z'),
        call(true, 0.7, '2025-03-12T09:00:00Z'),
      ],
      [],
    );
    expect(s.byCategory.map((c) => c.category)).toEqual(['logo-typography', 'stitching-construction']);
    expect(s.byCategory[0]).toMatchObject({ observations: 2, successRate: 0.5 });
    expect(s.byCategory[0]!.mastery).toBeCloseTo(mastery([0, 1]), 12);
    expect(s.byCategory[1]).toMatchObject({ observations: 4, successRate: 0.75 });
    // A recent success counts for more than an old failure.
    expect(s.byCategory[0]!.mastery).toBeGreaterThan(0.5);
  });

  it('passes the practice list through', () => {
    const item: PractiseItem = {
      productId: 'aurel-tote',
      productName: 'Aurel Tote',
      category: 'logo-typography',
      due: '2025-03-10T09:00:00.000Z',
      reason: 'new',
      retrievability: null,
    };
    expect(summariseProgress([], [item]).practiseNext).toEqual([item]);
  });
});

describe('summariseGroup', () => {
  it('summarises the group as a whole and each trainee, with when they were last active', () => {
    const g = summariseGroup([
      {
        userId: 'u1',
        displayName: 'Ana',
        attempts: [call(true, 0.9, '2025-03-12T09:00:00Z'), call(false, 0.9, '2025-03-10T09:00:00Z')],
      },
      { userId: 'u2', displayName: 'Ben', attempts: [tells(1, 4, '2025-03-11T09:00:00Z', { userId: 'u2' })] },
      { userId: 'u3', displayName: 'Cy', attempts: [] },
    ]);
    expect(g.overall.attempts).toBe(3);
    expect(g.overall.practiseNext).toEqual([]);
    expect(g.overall.timeline.map((p) => p.day)).toEqual(['2025-03-10', '2025-03-11', '2025-03-12']);
    expect(g.trainees).toEqual([
      { userId: 'u1', displayName: 'Ana', attempts: 2, accuracy: 0.5, tellsFoundRate: null, meanBrier: expect.closeTo(0.41, 12), lastActive: '2025-03-12T09:00:00Z' },
      { userId: 'u2', displayName: 'Ben', attempts: 1, accuracy: null, tellsFoundRate: 0.25, meanBrier: null, lastActive: '2025-03-11T09:00:00Z' },
      { userId: 'u3', displayName: 'Cy', attempts: 0, accuracy: null, tellsFoundRate: null, meanBrier: null, lastActive: null },
    ]);
  });
});
