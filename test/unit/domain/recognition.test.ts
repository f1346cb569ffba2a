import { describe, expect, it } from 'vitest';
import { DESCRIPTOR_LENGTH, HISTOGRAM_BINS, type Descriptor } from '../../../src/domain/image-descriptor';
import {
  MATCH_THRESHOLD,
  MIN_DETECTION_SCORE,
  PHOTO_THRESHOLD,
  SHARED_CLASS_PENALTY,
  matchProducts,
  type CatalogueEntry,
  type Detection,
} from '../../../src/domain/recognition';

/** A hand-made descriptor: all colour mass in one histogram bin, and a layout with a single ±1 cell. */
function descriptor(bin: number, layoutCell: number, sign = 1): Descriptor {
  const d = new Float32Array(DESCRIPTOR_LENGTH);
  d[bin] = 1;
  d[HISTOGRAM_BINS + layoutCell] = sign;
  return d;
}
/** Same colours and layout → similarity 1; same colours, orthogonal layout → 0.5; nothing shared → 0. */
const LOOKS_LIKE_A = descriptor(3, 10);
const LOOKS_LIKE_B = descriptor(40, 20);
const HALF_LIKE_A = descriptor(3, 30); // similarity 0.5 with LOOKS_LIKE_A

function det(cocoClass: string, score: number, box: Detection['box'] = [0, 0, 10, 10]): Detection {
  return { cocoClass, score, box };
}
function entry(productId: string, cocoClasses: string[], references: Descriptor[] = []): CatalogueEntry {
  return { productId, productName: `Product ${productId}`, cocoClasses, references };
}

const perfume = entry('perfume', ['bottle', 'vase', 'cup']);
const bear = entry('bear', ['teddy bear']);
const tote = entry('tote', ['handbag', 'backpack']);
const flapBag = entry('flap-bag', ['handbag', 'backpack', 'suitcase']);

describe('matchProducts', () => {
  it('exports its thresholds', () => {
    expect(MIN_DETECTION_SCORE).toBe(0.5);
    expect(MATCH_THRESHOLD).toBe(MIN_DETECTION_SCORE);
    expect(PHOTO_THRESHOLD).toBeGreaterThan(0.5);
    expect(PHOTO_THRESHOLD).toBeLessThan(1);
    expect(SHARED_CLASS_PENALTY).toBe(0.5);
  });

  it('a class claimed by one product matches it with the detection score, by class', () => {
    const detections = [det('person', 0.99), det('teddy bear', 0.95)];
    const out = matchProducts(detections, [null, null], [perfume, bear]);
    expect(out.noMatch).toBe(false);
    expect(out.matches).toEqual([{ productId: 'bear', productName: 'Product bear', score: 0.95, detection: 1, by: 'class' }]);
    expect(out.detections).toBe(detections);
  });

  it('no claimed class → no matching product', () => {
    const out = matchProducts([det('dining table', 0.61), det('cake', 0.53)], [LOOKS_LIKE_A, LOOKS_LIKE_B], [perfume, bear, tote]);
    expect(out.matches).toEqual([]);
    expect(out.noMatch).toBe(true);
  });

  it('no detections, or an empty catalogue → no matching product', () => {
    expect(matchProducts([], [], [perfume]).noMatch).toBe(true);
    expect(matchProducts([det('bottle', 0.9)], [null], []).noMatch).toBe(true);
  });

  it('ignores detections below MIN_DETECTION_SCORE (and NaN scores)', () => {
    expect(matchProducts([det('bottle', 0.49)], [null], [perfume]).noMatch).toBe(true);
    expect(matchProducts([det('bottle', Number.NaN)], [null], [perfume]).noMatch).toBe(true);
    expect(matchProducts([det('bottle', 0.5)], [null], [perfume]).matches[0]?.score).toBe(0.5);
  });

  it('keeps the best detection per product, and sorts products best first', () => {
    const detections = [det('cup', 0.6), det('teddy bear', 0.7), det('bottle', 0.9), det('vase', 0.8)];
    const out = matchProducts(detections, detections.map(() => null), [bear, perfume]);
    expect(out.matches.map((m) => [m.productId, m.score, m.detection])).toEqual([
      ['perfume', 0.9, 2],
      ['bear', 0.7, 1],
    ]);
  });

  it('several claimants without reference photos: each keeps the detection score × SHARED_CLASS_PENALTY, by class', () => {
    const out = matchProducts([det('backpack', 0.8)], [LOOKS_LIKE_A], [tote, flapBag]);
    expect(out.matches.map((m) => [m.productId, m.score, m.by])).toEqual([
      ['flap-bag', 0.8 * SHARED_CLASS_PENALTY, 'class'],
      ['tote', 0.8 * SHARED_CLASS_PENALTY, 'class'],
    ]);
  });

  it('a class claimed by one product ignores photos: the score stays the detection score', () => {
    const out = matchProducts([det('suitcase', 0.8)], [LOOKS_LIKE_B], [tote, entry('flap-bag', ['suitcase'], [LOOKS_LIKE_A])]);
    expect(out.matches).toEqual([{ productId: 'flap-bag', productName: 'Product flap-bag', score: 0.8, detection: 0, by: 'class' }]);
  });

  describe('second stage: a class shared by several products', () => {
    const withA = entry('bag-a', ['handbag'], [LOOKS_LIKE_B, LOOKS_LIKE_A]);
    const withB = entry('bag-b', ['handbag'], [LOOKS_LIKE_B]);
    const noPhotos = entry('bag-c', ['handbag']);

    it('ranks the product whose reference photo looks like the region first, by photo; drops the one that does not', () => {
      const out = matchProducts([det('handbag', 0.9)], [LOOKS_LIKE_A], [withB, noPhotos, withA]);
      expect(out.matches.map((m) => [m.productId, m.by])).toEqual([
        ['bag-a', 'photo'],
        ['bag-c', 'class'],
      ]);
      expect(out.matches[0]!.score).toBeCloseTo(0.9, 6); // best similarity 1 × 0.9
      expect(out.matches[1]!.score).toBeCloseTo(0.45, 6); // 0.9 × penalty
    });

    it('scores similarity × detection score', () => {
      // 0.75 similarity: same colours (1), layout cosine 0.5
      const partly = new Float32Array(LOOKS_LIKE_A);
      partly[HISTOGRAM_BINS + 10] = 0.5;
      partly[HISTOGRAM_BINS + 11] = Math.sqrt(0.75);
      const out = matchProducts([det('handbag', 0.8)], [partly], [withA, withB]);
      expect(out.matches).toHaveLength(1);
      expect(out.matches[0]!.productId).toBe('bag-a');
      expect(out.matches[0]!.score).toBeCloseTo(0.75 * 0.8, 5);
    });

    it('below PHOTO_THRESHOLD every photo-backed claimant is dropped: no matching product', () => {
      const out = matchProducts([det('handbag', 0.99)], [HALF_LIKE_A], [withA, withB]);
      expect(out.noMatch).toBe(true);
    });

    it('without a region descriptor, photo-backed claimants fall back to the shared-class penalty', () => {
      const out = matchProducts([det('handbag', 0.9)], [null], [withA, withB]);
      expect(out.matches.map((m) => [m.productId, m.score, m.by])).toEqual([
        ['bag-a', 0.45, 'class'],
        ['bag-b', 0.45, 'class'],
      ]);
    });

    it('picks, per product, the detection whose region matches best', () => {
      const detections = [det('handbag', 0.95, [0, 0, 5, 5]), det('handbag', 0.7, [50, 50, 5, 5])];
      const out = matchProducts(detections, [LOOKS_LIKE_B, LOOKS_LIKE_A], [withA, withB]);
      // bag-a: best via detection 0 (its references include B too: 0.95) — bag-b via detection 0 (0.95)
      expect(out.matches.map((m) => [m.productId, m.detection])).toEqual([
        ['bag-a', 0],
        ['bag-b', 0],
      ]);
      const onlyA = matchProducts(detections, [LOOKS_LIKE_B, LOOKS_LIKE_A], [entry('bag-a', ['handbag'], [LOOKS_LIKE_A]), withB]);
      expect(onlyA.matches.map((m) => [m.productId, m.detection, m.score])).toEqual([
        ['bag-b', 0, 0.95],
        ['bag-a', 1, 0.7],
      ]);
    });
  });
});
