import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../../src/domain/attempt';
import {
  Rating,
  newReviewCard,
  practiseNext,
  ratingOf,
  review,
  reviewAttempt,
  type ReviewCard,
} from '../../../src/domain/practice';

const NOW = new Date('2025-03-10T09:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(NOW.getTime() + ms);

function attempt(outcomes: AttemptRecord['outcomes'], extra: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    id: 'd1',
    userId: 'u1',
    kind: 'find-the-tells',
    productId: 'aurel-tote',
    productName: 'Aurel Tote',
    catalogueVersion: 'v1',
    issuedAt: NOW.toISOString(),
    answeredAt: NOW.toISOString(),
    correct: true,
    scaled: 1,
    passed: true,
    confidence: null,
    brier: null,
    tellsTotal: outcomes.length,
    tellsFound: outcomes.filter((o) => o.success === 1).length,
    falseAlarms: 0,
    hintsUsed: 0,
    durationMs: 30_000,
    outcomes,
    ...extra,
  };
}

describe('ratingOf', () => {
  const ctx = { hintsUsed: 0, confidence: 0.8, durationMs: 30_000 };
  it('rates a miss Again', () => {
    expect(ratingOf({ success: 0 }, { ...ctx, confidence: 1, durationMs: 1000 })).toBe(Rating.Again);
  });
  it('rates a hinted or unsure right answer Hard', () => {
    expect(ratingOf({ success: 1 }, { ...ctx, hintsUsed: 1 })).toBe(Rating.Hard);
    expect(ratingOf({ success: 1 }, { ...ctx, confidence: 0.6 })).toBe(Rating.Hard);
  });
  it('rates a sure, quick, unhinted right answer Easy', () => {
    expect(ratingOf({ success: 1 }, { ...ctx, confidence: 0.9, durationMs: 19_999 })).toBe(Rating.Easy);
    expect(ratingOf({ success: 1 }, { ...ctx, confidence: 0.9, durationMs: 20_000 })).toBe(Rating.Good);
  });
  it('rates other right answers Good, including find-the-tells with no confidence', () => {
    expect(ratingOf({ success: 1 }, ctx)).toBe(Rating.Good);
    expect(ratingOf({ success: 1 }, { ...ctx, confidence: null, durationMs: 5000 })).toBe(Rating.Good);
  });
});

describe('review cards', () => {
  it('start due now and survive a JSON round trip (they live in a jsonb column)', () => {
    const card = newReviewCard('aurel-tote', 'logo-typography', NOW);
    expect(card.card.due).toBe(NOW.toISOString());
    expect(card.card.last_review).toBeNull();
    const stored = JSON.parse(JSON.stringify(card)) as ReviewCard;
    expect(review(stored, Rating.Good, NOW)).toEqual(review(card, Rating.Good, NOW));
  });

  it('is deterministic: the same review gives the same schedule', () => {
    const card = newReviewCard('aurel-tote', 'logo-typography', NOW);
    let a = card;
    let b = card;
    for (let i = 0; i < 4; i++) {
      a = review(a, Rating.Good, at(i * 10 * DAY));
      b = review(b, Rating.Good, at(i * 10 * DAY));
    }
    expect(a).toEqual(b);
    expect(Date.parse(a.card.due)).toBeGreaterThan(at(30 * DAY).getTime());
  });
});

describe('reviewAttempt', () => {
  it('brings a failed category back sooner than one that succeeded', () => {
    const cards = reviewAttempt(
      [],
      attempt([
        { category: 'stitching-construction', tellId: 'seam', success: 1 },
        { category: 'logo-typography', tellId: 'logo', success: 0 },
      ]),
      NOW,
    );
    const due = (c: string) => Date.parse(cards.find((x) => x.category === c)!.card.due);
    expect(cards.map((c) => c.category)).toEqual(['stitching-construction', 'logo-typography']);
    expect(due('logo-typography')).toBeLessThan(due('stitching-construction'));
  });

  it('keeps failing a category after a long run of successes sooner than succeeding again', () => {
    let cards: ReviewCard[] = [];
    let t = NOW;
    for (let i = 0; i < 4; i++) {
      cards = reviewAttempt(cards, attempt([{ category: 'security-feature', tellId: 'holo', success: 1 }]), t);
      t = new Date(cards[0]!.card.due);
    }
    const pass = reviewAttempt(cards, attempt([{ category: 'security-feature', tellId: 'holo', success: 1 }]), t)[0]!;
    const fail = reviewAttempt(cards, attempt([{ category: 'security-feature', tellId: 'holo', success: 0 }]), t)[0]!;
    expect(Date.parse(fail.card.due)).toBeLessThan(Date.parse(pass.card.due));
    expect(fail.card.lapses).toBe(pass.card.lapses + 1);
  });

  it('counts a category as a success only when all its outcomes in the attempt succeeded', () => {
    const mixed = reviewAttempt(
      [],
      attempt([
        { category: 'stitching-construction', tellId: 'seam', success: 1 },
        { category: 'stitching-construction', tellId: 'hem', success: 0 },
      ]),
      NOW,
    );
    const failed = reviewAttempt([], attempt([{ category: 'stitching-construction', tellId: 'hem', success: 0 }]), NOW);
    expect(mixed).toHaveLength(1);
    expect(mixed[0]!.card).toEqual(failed[0]!.card);
  });

  it('updates the existing card for the product and category rather than starting over', () => {
    const first = reviewAttempt([], attempt([{ category: 'logo-typography', tellId: 'logo', success: 1 }]), NOW);
    const second = reviewAttempt(first, attempt([{ category: 'logo-typography', tellId: 'logo', success: 1 }]), at(DAY));
    expect(second[0]!.card.reps).toBe(2);
    const other = reviewAttempt(first, attempt([{ category: 'logo-typography', tellId: 'logo', success: 1 }], { productId: 'kron-watch' }), at(DAY));
    expect(other[0]!.card.reps).toBe(1);
  });
});

describe('practiseNext', () => {
  const catalogue = [
    { productId: 'aurel-tote', productName: 'Aurel Tote', categories: ['logo-typography', 'stitching-construction'] as const },
    { productId: 'kron-watch', productName: 'Kron Watch', categories: ['security-feature'] as const },
  ].map((p) => ({ ...p, categories: [...p.categories] }));

  /** A card reviewed once, then moved so it falls due at `due`. */
  function cardDue(productId: string, category: ReviewCard['category'], due: Date): ReviewCard {
    const c = review(newReviewCard(productId, category, at(-30 * DAY)), Rating.Good, at(-30 * DAY));
    return { ...c, card: { ...c.card, due: due.toISOString() } };
  }

  it('lists overdue cards first (most overdue first), then new pairs in catalogue order, then upcoming', () => {
    const cards = [
      cardDue('aurel-tote', 'logo-typography', at(-HOUR)),
      cardDue('kron-watch', 'security-feature', at(-2 * DAY)),
      cardDue('aurel-tote', 'stitching-construction', at(3 * DAY)),
    ];
    const list = practiseNext(cards, [...catalogue, { productId: 'zeta-pills', productName: 'Zeta Pills', categories: ['packaging-print', 'safety-compliance-mark'] }], NOW, 10);
    expect(list.map((i) => [i.productId, i.category, i.reason])).toEqual([
      ['kron-watch', 'security-feature', 'due'],
      ['aurel-tote', 'logo-typography', 'due'],
      ['zeta-pills', 'packaging-print', 'new'],
      ['zeta-pills', 'safety-compliance-mark', 'new'],
      ['aurel-tote', 'stitching-construction', 'upcoming'],
    ]);
    expect(list[0]!.productName).toBe('Kron Watch');
  });

  it('takes new pairs round-robin across products, so a short list covers several products', () => {
    const wide = [
      { productId: 'p1', productName: 'P1', categories: ['logo-typography', 'packaging-print', 'security-feature'] as const },
      { productId: 'p2', productName: 'P2', categories: ['materials-colour', 'safety-compliance-mark'] as const },
    ].map((p) => ({ ...p, categories: [...p.categories] }));
    expect(practiseNext([], wide, NOW, 4).map((i) => `${i.productId}:${i.category}`)).toEqual([
      'p1:logo-typography',
      'p2:materials-colour',
      'p1:packaging-print',
      'p2:safety-compliance-mark',
    ]);
  });

  it('gives new pairs due now with no retrievability, and reviewed cards a retrievability', () => {
    const list = practiseNext([cardDue('kron-watch', 'security-feature', at(-DAY))], catalogue, NOW);
    expect(list.map((i) => i.reason)).toEqual(['due', 'new', 'new']);
    expect(list[0]!.retrievability).toBeGreaterThan(0);
    expect(list[0]!.retrievability).toBeLessThan(1);
    expect(list[1]).toEqual({
      productId: 'aurel-tote',
      productName: 'Aurel Tote',
      category: 'logo-typography',
      due: NOW.toISOString(),
      reason: 'new',
      retrievability: null,
    });
  });

  it('stops at the limit (5 by default)', () => {
    const big = Array.from({ length: 4 }, (_, i) => ({ productId: `p-${i}`, productName: `P ${i}`, categories: catalogue[0]!.categories }));
    expect(practiseNext([], big, NOW)).toHaveLength(5);
    expect(practiseNext([], big, NOW, 2)).toHaveLength(2);
  });

  it('leaves out cards for products no longer in the catalogue', () => {
    const list = practiseNext([cardDue('gone-bag', 'logo-typography', at(-DAY))], catalogue, NOW);
    expect(list.some((i) => i.productId === 'gone-bag')).toBe(false);
  });
});
