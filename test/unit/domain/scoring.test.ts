import { describe, expect, it } from 'vitest';
import type { Tell, TellCategory } from '../../../src/domain/catalogue';
import type { DrillKey, Pin } from '../../../src/domain/drill';
import { brierScore, matchPins, scoreAnswer } from '../../../src/domain/scoring';
import { fixtureTell } from '../server/fixture-pack';

type V3 = [number, number, number];

const tell = (id: string, position: V3, tolerance = 0.02, category: TellCategory = 'stitching-construction'): Tell =>
  fixtureTell(id, { category, tolerance, at: { position, normal: [0, 1, 0], node: 'body' } });

const pin = (position: V3): Pin => ({ position });

const key: DrillKey = {
  productId: 'aurel-tote',
  catalogueVersion: 'v1',
  revealed: [
    { label: 'A', variantId: 'genuine', variantLabel: 'Genuine', kind: 'genuine' },
    { label: 'B', variantId: 'fake-1', variantLabel: 'Counterfeit 1', kind: 'counterfeit' },
  ],
  tells: [],
  counterfeitLabel: 'B',
  genuine: false,
  counterfeitId: 'fake-1',
  categories: ['stitching-construction', 'logo-typography'],
  hints: [],
};

describe('matchPins', () => {
  it('finds a whole-part tell with a pin anywhere on its part (the side of a cap), not only near its point', () => {
    const cap = { ...tell('short-cap', [0, 0.1, 0], 0.01), wholePart: true, partBox: { min: [-0.02, 0.06, -0.02] as V3, max: [0.02, 0.102, 0.02] as V3 } };
    const side = pin([0.02, 0.075, 0]);
    expect([...matchPins([side], [cap]).found]).toEqual(['short-cap']);
    expect(matchPins([side], [cap]).matches[0]).toEqual({ pin: 0, tellId: 'short-cap', distance: 0 });
    // The same pin is a false alarm for a tell that is one spot of the cap, or whose part was not measured.
    expect(matchPins([side], [{ ...cap, wholePart: false }]).found.size).toBe(0);
    expect(matchPins([side], [{ ...cap, partBox: undefined }]).found.size).toBe(0);
    // Off the part by more than the tolerance: still a false alarm.
    expect(matchPins([pin([0.035, 0.075, 0])], [cap]).found.size).toBe(0);
  });

  it('gives a tell to one pin only: a second pin near it is a false alarm', () => {
    const tells = [tell('seam', [0, 0, 0])];
    const { matches, found } = matchPins([pin([0.005, 0, 0]), pin([0, 0.01, 0])], tells);
    expect([...found]).toEqual(['seam']);
    expect(matches[0]).toEqual({ pin: 0, tellId: 'seam', distance: expect.closeTo(0.005, 9) });
    expect(matches[1]).toEqual({ pin: 1, tellId: null, distance: expect.closeTo(0.01, 9) });
  });

  it('misses with a pin just outside the tolerance, and reports how far off it was', () => {
    const { matches, found } = matchPins([pin([0.0201, 0, 0])], [tell('seam', [0, 0, 0], 0.02)]);
    expect(found.size).toBe(0);
    expect(matches[0]?.tellId).toBeNull();
    expect(matches[0]?.distance).toBeCloseTo(0.0201, 9);
  });

  it('counts a pin exactly on the tolerance edge as found', () => {
    const { found } = matchPins([pin([0, 0, 0.02])], [tell('seam', [0, 0, 0], 0.02)]);
    expect(found.has('seam')).toBe(true);
  });

  it('gives a pin within reach of two tells the nearer one, and the other tell to another pin', () => {
    const tells = [tell('logo', [0, 0, 0], 0.05), tell('zip', [0.04, 0, 0], 0.05)];
    // Pin 0 sits between the two, nearer the zip; pin 1 is near the logo but still within the zip's reach.
    const { matches, found } = matchPins([pin([0.03, 0, 0]), pin([0.01, 0, 0])], tells);
    expect(found).toEqual(new Set(['logo', 'zip']));
    expect(matches.map((m) => m.tellId)).toEqual(['zip', 'logo']);
  });

  it('takes the closest pair first even when the pin comes later', () => {
    const tells = [tell('seam', [0, 0, 0], 0.05)];
    const { matches } = matchPins([pin([0.03, 0, 0]), pin([0.001, 0, 0])], tells);
    expect(matches.map((m) => m.tellId)).toEqual([null, 'seam']);
  });

  it('has no distance to report when there are no tells', () => {
    const { matches } = matchPins([pin([0, 0, 0])], []);
    expect(matches).toEqual([{ pin: 0, tellId: null, distance: null }]);
  });
});

describe('brierScore', () => {
  it('is 0 for a sure right call, 1 for a sure wrong one, 0.25 for a coin toss either way', () => {
    expect(brierScore(1, true)).toBe(0);
    expect(brierScore(1, false)).toBe(1);
    expect(brierScore(0.5, true)).toBe(0.25);
    expect(brierScore(0.5, false)).toBe(0.25);
    expect(brierScore(0.8, true)).toBeCloseTo(0.04, 12);
    expect(brierScore(0.8, false)).toBeCloseTo(0.64, 12);
  });
});

describe('scoreAnswer: spot-the-fake and verdict', () => {
  const base = { key, tells: [tell('seam', [0, 0, 0])], hintsUsed: 0, durationMs: 12_000 };

  it('marks picking the counterfeit right, with its Brier score and one outcome per category', () => {
    const score = scoreAnswer({ ...base, kind: 'spot-the-fake', answer: { kind: 'spot-the-fake', counterfeit: 'B', confidence: 0.9 } });
    expect(score.correct).toBe(true);
    expect(score.passed).toBe(true);
    expect(score.scaled).toBe(1);
    expect(score.confidence).toBe(0.9);
    expect(score.brier).toBeCloseTo(0.01, 12);
    expect(score.outcomes).toEqual([
      { category: 'stitching-construction', tellId: null, success: 1 },
      { category: 'logo-typography', tellId: null, success: 1 },
    ]);
  });

  it('marks picking the genuine item wrong: score 0, failed outcomes, high Brier when sure', () => {
    const score = scoreAnswer({ ...base, kind: 'spot-the-fake', answer: { kind: 'spot-the-fake', counterfeit: 'A', confidence: 0.9 } });
    expect(score.correct).toBe(false);
    expect(score.passed).toBe(false);
    expect(score.scaled).toBe(0);
    expect(score.brier).toBeCloseTo(0.81, 12);
    expect(score.outcomes.every((o) => o.success === 0)).toBe(true);
  });

  it('lowers the score of a right call by 0.15 a hint', () => {
    const answer = { kind: 'spot-the-fake', counterfeit: 'B', confidence: 0.7 } as const;
    const scaled = [0, 1, 2, 3].map((hintsUsed) => scoreAnswer({ ...base, kind: 'spot-the-fake', answer, hintsUsed }).scaled);
    expect(scaled[0]).toBe(1);
    expect(scaled[1]).toBeCloseTo(0.85, 12);
    expect(scaled[2]).toBeCloseTo(0.7, 12);
    expect(scaled[3]).toBeCloseTo(0.55, 12);
  });

  it('marks a verdict against whether the item is genuine', () => {
    const fake = { ...key, genuine: false };
    const genuine = { ...key, genuine: true };
    const say = (verdict: 'genuine' | 'counterfeit', k: DrillKey) =>
      scoreAnswer({ ...base, key: k, tells: k.genuine ? [] : base.tells, kind: 'verdict', answer: { kind: 'verdict', verdict, confidence: 0.6 } });
    expect(say('counterfeit', fake).correct).toBe(true);
    expect(say('genuine', fake).correct).toBe(false);
    expect(say('genuine', genuine).correct).toBe(true);
    expect(say('counterfeit', genuine).correct).toBe(false);
    expect(say('counterfeit', genuine).brier).toBeCloseTo(0.36, 12);
  });

  it('throws when the answer is for another kind of drill', () => {
    expect(() =>
      scoreAnswer({ ...base, kind: 'find-the-tells', answer: { kind: 'verdict', verdict: 'genuine', confidence: 0.5 } }),
    ).toThrow(/verdict.*find-the-tells/);
  });
});

describe('scoreAnswer: find-the-tells', () => {
  const tells = [
    tell('seam', [0, 0, 0], 0.02, 'stitching-construction'),
    tell('logo', [0.1, 0, 0], 0.02, 'logo-typography'),
    tell('serial', [0, 0.1, 0], 0.02, 'label-serial-codes'),
  ];
  const score = (pins: Pin[], hintsUsed = 0) =>
    scoreAnswer({ kind: 'find-the-tells', key, answer: { kind: 'find-the-tells', pins }, tells, hintsUsed, durationMs: 30_000 });

  it('passes when every tell is found with no false alarms', () => {
    const s = score([pin([0, 0, 0]), pin([0.1, 0, 0]), pin([0, 0.1, 0])]);
    expect(s).toMatchObject({ tellsTotal: 3, tellsFound: 3, falseAlarms: 0, recall: 1, precision: 1, scaled: 1, passed: true, correct: true });
    expect(s.brier).toBeNull();
    expect(s.confidence).toBeNull();
  });

  it('reports found and missed tells as outcomes, one per tell', () => {
    const s = score([pin([0, 0, 0]), pin([0.1, 0, 0])]);
    expect(s.outcomes).toEqual([
      { category: 'stitching-construction', tellId: 'seam', success: 1 },
      { category: 'logo-typography', tellId: 'logo', success: 1 },
      { category: 'label-serial-codes', tellId: 'serial', success: 0 },
    ]);
    // precision 1, recall 2/3 → F1 0.8
    expect(s.scaled).toBeCloseTo(0.8, 12);
    expect(s.passed).toBe(true);
  });

  it('counts pins that find nothing as false alarms, which lowers the score', () => {
    const s = score([pin([0, 0, 0]), pin([0.5, 0.5, 0.5]), pin([0.01, 0, 0])]);
    expect(s.tellsFound).toBe(1);
    expect(s.falseAlarms).toBe(2);
    expect(s.precision).toBeCloseTo(1 / 3, 12);
    expect(s.recall).toBeCloseTo(1 / 3, 12);
    expect(s.scaled).toBeCloseTo(1 / 3, 12);
    expect(s.passed).toBe(false);
    expect(s.pinMatches.map((m) => m.tellId)).toEqual(['seam', null, null]);
  });

  it('takes 0.1 off the score a hint, enough to fail a borderline answer', () => {
    const pins = [pin([0, 0, 0]), pin([0.1, 0, 0])];
    expect(score(pins, 0).passed).toBe(true);
    expect(score(pins, 1).scaled).toBeCloseTo(0.7, 12);
    expect(score(pins, 3).scaled).toBeCloseTo(0.5, 12);
    expect(score(pins, 3).passed).toBe(false);
  });

  it('scores no pins at all as 0, never below', () => {
    const s = score([], 2);
    expect(s).toMatchObject({ tellsFound: 0, falseAlarms: 0, precision: 1, recall: 0, scaled: 0, passed: false });
  });
});
