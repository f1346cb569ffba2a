import { describe, expect, it } from 'vitest';
import { mastery } from '../../../src/domain/mastery';

describe('mastery', () => {
  it('is 0.5 with nothing to go on', () => {
    expect(mastery([])).toBe(0.5);
  });

  it('stays near 0.5 after one answer: a lucky guess is not mastery', () => {
    expect(mastery([1])).toBeCloseTo(2 / 3, 12);
    expect(mastery([0])).toBeCloseTo(1 / 3, 12);
  });

  it('rises with each success and approaches 1', () => {
    const runs = [1, 2, 4, 8, 16].map((n) => mastery(Array<1>(n).fill(1)));
    for (let i = 1; i < runs.length; i++) expect(runs[i]!).toBeGreaterThan(runs[i - 1]!);
    expect(runs[runs.length - 1]!).toBeGreaterThan(0.8);
    expect(runs[runs.length - 1]!).toBeLessThan(1);
  });

  it('weighs recent outcomes more: a recent failure pulls it down more than an old one', () => {
    const oldFailure = mastery([0, 1, 1, 1, 1]);
    const recentFailure = mastery([1, 1, 1, 1, 0]);
    expect(recentFailure).toBeLessThan(oldFailure);
  });

  it('computes the recency-weighted Beta mean', () => {
    // weights, newest first: 1, 0.85 → (1 + 1·1 + 0.85·0) / (2 + 1.85)
    expect(mastery([0, 1])).toBeCloseTo(2 / 3.85, 12);
  });
});
